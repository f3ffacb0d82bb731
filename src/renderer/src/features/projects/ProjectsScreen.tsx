import { type JSX, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dateShort } from '../../lib/dates'
import { PROJECT_HEALTH, PROJECT_PHASES, PROJECT_PRIORITIES, PROJECT_STATUSES } from '../../../../shared/model/enums'
import { matchesText } from '../../../../shared/domain/korean-text'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ExportButton } from '../../components/ExportButton'
import { projectExportColumns, projectExportRows } from '../export'
import { ListFilter } from '../../components/ListFilter'
import { RosterScreen } from '../attendance'
import { ModalDialog } from '../../components/ModalDialog'
import { ProjectDialog } from './ProjectDialog'
import { ProjectPage } from './ProjectPage'
import { PROJECTS_READS, useProjectsStore, type ProjectFilters } from './projects-store'
import { useReloadOn } from '../../lib/live'

const FILTERS = [
  ['status', PROJECT_STATUSES, 'statuses'],
  ['phase', PROJECT_PHASES, 'phases'],
  ['health', PROJECT_HEALTH, 'health'],
  ['priority', PROJECT_PRIORITIES, 'priorities'],
] as const

function FilterBar(): JSX.Element {
  const { t } = useTranslation()
  const filters = useProjectsStore((s) => s.filters)
  const filterChosen = useProjectsStore((s) => s.filterChosen)
  return (
    <div className="project-filters">
      {FILTERS.map(([key, values, labels]) => (
        <label key={key}>
          {t(`projects.filters.${key}`)}
          <select
            value={filters[key] ?? ''}
            onChange={(e) => {
              const next: Record<string, string | undefined> = { ...filters, [key]: e.target.value || undefined }
              void filterChosen(next as ProjectFilters)
            }}
          >
            <option value="">{t('projects.all')}</option>
            {values.map((value) => (
              <option key={value} value={value}>
                {t(`projects.${labels}.${value}` as `projects.statuses.PLANNING`)}
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  )
}

function ProjectList(): JSX.Element {
  const { t } = useTranslation()
  const projects = useProjectsStore((s) => s.projects)
  const loaded = useProjectsStore((s) => s.loaded)
  const projectOpened = useProjectsStore((s) => s.projectOpened)
  const projectDialogOpened = useProjectsStore((s) => s.projectDialogOpened)
  const trashOpened = useProjectsStore((s) => s.trashOpened)
  const [query, setQuery] = useState('')
  const shown = projects.filter((p) => matchesText([p.name, p.code, p.companyName], query))
  return (
    <>
      <div className="project-list__actions">
        <button type="button" className="button button--primary" onClick={() => void projectDialogOpened({ project: null })}>
          {t('trainingOps.newProject')}
        </button>
        <button type="button" className="button" onClick={() => void trashOpened(true)}>
          {t('trainingOps.trash')}
        </button>
        {/* The projects the text filter and the filters leave, as shown. */}
        <ExportButton
          fileName={t('exports.projectsFile')}
          testId="export-projects"
          columns={projectExportColumns(t)}
          rows={projectExportRows(t, shown)}
          disabled={shown.length === 0}
        />
      </div>
      <div className="list-filter-row">
        <ListFilter value={query} onChange={setQuery} label={t('everyday.listFilter.projects')} />
        <FilterBar />
      </div>
      <p className="muted" data-testid="project-count">
        {t('projects.count', { count: shown.length })}
      </p>
      {loaded && projects.length === 0 && (
        <p className="empty-state" data-testid="projects-empty">
          {t('editing.empty.projects')}
        </p>
      )}
      {projects.length > 0 && shown.length === 0 && <p className="muted">{t('everyday.listFilter.noMatch', { query })}</p>}
      <table className="project-table">
        <thead>
          <tr>
            {(['code', 'name', 'company', 'status', 'phase', 'period', 'progress', 'margin'] as const).map((key) => (
              <th key={key}>{t(`projects.columns.${key}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => (
            <tr key={p.id}>
              <td className="muted">{p.code}</td>
              <td>
                <button type="button" className="link-button" onClick={() => void projectOpened(p.id)}>
                  {p.name}
                </button>
              </td>
              <td>{p.companyName ?? ''}</td>
              <td>
                <span className={`project-status project-status--${p.health ?? 'NONE'}`}>{t(`projects.statuses.${p.status}`)}</span>
              </td>
              <td>{p.phase ? t(`projects.phases.${p.phase}`) : '—'}</td>
              <td className="muted">
                {p.startDate ? dateShort(p.startDate) : ''} – {p.endDate ? dateShort(p.endDate) : ''}
              </td>
              <td>{p.progress}%</td>
              <td>{p.marginPercent === null ? '—' : `${p.marginPercent}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

/** 휴지통: deleted projects, each restorable (the restore syncs like any edit). */
function TrashDialog(): JSX.Element {
  const { t } = useTranslation()
  const trash = useProjectsStore((s) => s.trash) ?? []
  const trashOpened = useProjectsStore((s) => s.trashOpened)
  const restored = useProjectsStore((s) => s.projectRestored)
  return (
    <ModalDialog title={t('trainingOps.trashTitle')} onClose={() => void trashOpened(false)}>
      {trash.length === 0 && <p className="muted">{t('trainingOps.trashEmpty')}</p>}
      <table className="class-table">
        <tbody>
          {trash.map((p) => (
            <tr key={p.id}>
              <td className="muted">{p.code}</td>
              <td>{p.name}</td>
              <td>{p.companyName ?? ''}</td>
              <td>
                <button type="button" className="button button--small" aria-label={`${p.name} ${t('trainingOps.restore')}`} onClick={() => void restored(p.id)}>
                  {t('trainingOps.restore')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void trashOpened(false)}>
          {t('trainingOps.close')}
        </button>
      </div>
    </ModalDialog>
  )
}

/** 프로젝트: the list, a project page with its sessions and classes, and a class's roster. */
export function ProjectsScreen(): JSX.Element {
  const view = useProjectsStore((s) => s.view)
  const detail = useProjectsStore((s) => s.detail)
  const error = useProjectsStore((s) => s.error)
  const errorDismissed = useProjectsStore((s) => s.errorDismissed)
  const screenOpened = useProjectsStore((s) => s.screenOpened)
  const backToProject = useProjectsStore((s) => s.backToProject)
  // An open dialog shows the error itself (DialogError); the banner here would sit behind its backdrop.
  const dialogOpen = useProjectsStore(
    (s) =>
      s.sessionDialogOpen ||
      s.classDialogSession !== null ||
      s.editingSession !== null ||
      s.editingClass !== null ||
      s.enrollments !== null ||
      s.feedbackTarget !== null ||
      s.teamDialog !== null ||
      s.projectDialog !== null ||
      s.completion !== null,
  )
  const projectDialog = useProjectsStore((s) => s.projectDialog)
  const trash = useProjectsStore((s) => s.trash)

  useEffect(() => {
    void screenOpened()
  }, [screenOpened])
  useReloadOn(PROJECTS_READS, () => useProjectsStore.getState().reload())

  return (
    <div className="projects-screen">
      {error && !dialogOpen && <ErrorBanner error={error} onDismiss={errorDismissed} />}
      {view.kind === 'list' ? (
        <ProjectList />
      ) : view.kind === 'roster' ? (
        <RosterScreen classId={view.classId} onBack={() => void backToProject()} />
      ) : detail ? (
        <ProjectPage project={detail} />
      ) : null}
      {projectDialog && <ProjectDialog project={projectDialog.project} />}
      {trash && <TrashDialog />}
    </div>
  )
}

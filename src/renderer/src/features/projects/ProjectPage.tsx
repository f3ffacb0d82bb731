import { AttachmentsPanel } from '../files'
import { ActivityPanel } from '../activities'
import { type JSX } from 'react'
import { type TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { type SatisfactionSummary } from '../../../../shared/domain/satisfaction'
import { dateShort } from '../../lib/dates'
import { moneyOrDash } from '../../lib/money'
import { openRecord } from '../../lib/record-links'
import { type ProjectDetail, type SessionView } from '../../../../shared/ipc/training-types'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ClassClashBadge, ServerClashesCard } from '../../components/ServerClashes'
import { ClassDialog } from './ClassDialog'
import { CompletionDialog } from './CompletionDialog'
import { CompletionRuleFacts } from './CompletionRule'
import { EnrollmentDialog } from './EnrollmentDialog'
import { FeedbackDialog } from './FeedbackDialog'
import { TeamMemberDialog } from './TeamMemberDialog'
import { useCan } from '../../lib/permissions'
import { useProjectsStore } from './projects-store'
import { SessionDialog } from './SessionDialog'

const won = moneyOrDash

/** "1차수" / "1차" / "1 차수" for session 1: the name adds nothing to the numbered label. */
function restatesNumber(name: string, sessionNumber: number): boolean {
  return new RegExp(`^\\s*${sessionNumber}\\s*차수?\\s*$`).test(name)
}

/** "만족도 4.33 / 5 (3건)", or a dash when nobody answered yet. */
function satisfactionText(t: TFunction, summary: SatisfactionSummary | null): string {
  if (!summary || summary.overall === null) return `${t('projects.page.satisfaction')} —`
  return t('projects.feedback.summary', { overall: summary.overall, responses: summary.responses })
}

function SessionBlock({ session, project }: { readonly session: SessionView; readonly project: ProjectDetail }): JSX.Element {
  const { t } = useTranslation()
  const rosterOpened = useProjectsStore((s) => s.rosterOpened)
  const classDialogOpened = useProjectsStore((s) => s.classDialogOpened)
  const sessionEditOpened = useProjectsStore((s) => s.sessionEditOpened)
  const classEditOpened = useProjectsStore((s) => s.classEditOpened)
  const deleteRequested = useProjectsStore((s) => s.deleteRequested)
  const enrollmentsOpened = useProjectsStore((s) => s.enrollmentsOpened)
  const feedbackOpened = useProjectsStore((s) => s.feedbackOpened)
  const sessionLabel = t('projects.page.session', { number: session.sessionNumber })
  // Controls the user's grants allow (the writer and the server refuse the others): a coordinator edits but deletes none.
  const canEditSession = useCan('training_sessions', 'update')
  const canDeleteSession = useCan('training_sessions', 'delete')
  const canCreateClass = useCan('training_classes', 'create')
  const canEditClass = useCan('training_classes', 'update')
  const canDeleteClass = useCan('training_classes', 'delete')
  return (
    <section className="session-block" aria-label={t('projects.page.session', { number: session.sessionNumber })}>
      <header className="session-block__header">
        <h4>
          {/* A name that only restates the number (the demo's "1차수") would read "Session 1 1차수" in English. */}
          {sessionLabel} {session.name && !restatesNumber(session.name, session.sessionNumber) ? session.name : ''}
        </h4>
        {session.duplicateNumber && (
          <span className="duplicate-number" role="status" title={t('projects.page.duplicateNumberHint')}>
            {t('projects.page.duplicateNumber')}
          </span>
        )}
        <span className="muted">
          {dateShort(session.startDate)} – {dateShort(session.endDate)}
          {session.location ? ` · ${session.location}` : ''}
        </span>
        <span className="satisfaction" data-testid="session-satisfaction">
          {satisfactionText(t, session.satisfaction)}
        </span>
        <span className="session-block__actions">
          <button
            type="button"
            className="button button--small"
            aria-label={`${sessionLabel} ${t('projects.page.feedback')}`}
            onClick={() => feedbackOpened({ sessionId: session.id, classId: null, label: sessionLabel })}
          >
            {t('projects.page.feedback')}
          </button>
          {canCreateClass && (
            <button type="button" className="button button--small" onClick={() => void classDialogOpened(session.id)}>
              {t('projects.page.newClass')}
            </button>
          )}
          {canEditSession && (
            <button
              type="button"
              className="button button--small"
              aria-label={`${sessionLabel} ${t('projects.page.edit')}`}
              onClick={() => sessionEditOpened(session)}
            >
              {t('projects.page.edit')}
            </button>
          )}
          {canDeleteSession && (
            <button
              type="button"
              className="button button--small"
              aria-label={`${sessionLabel} ${t('projects.page.delete')}`}
              onClick={() => deleteRequested({ kind: 'session', session })}
            >
              {t('projects.page.delete')}
            </button>
          )}
        </span>
      </header>
      <table className="class-table">
        <tbody>
          {session.classes.map((k) => {
            const classLabel = `${sessionLabel} ${t('projects.page.class', { number: k.classNumber })}`
            return (
              <tr key={k.id} data-testid="class-row">
                <td>
                  {t('projects.page.class', { number: k.classNumber })}{' '}
                  {k.duplicateNumber && (
                    <span className="duplicate-number" role="status" title={t('projects.page.duplicateNumberHint')}>
                      {t('projects.page.duplicateNumber')}
                    </span>
                  )}
                  <ClassClashBadge report={project.serverClashes} classId={k.id} />
                </td>
                <td>
                  {dateShort(k.date)} {k.startTime}–{k.endTime}
                </td>
                <td>{k.instructorName ?? '—'}</td>
                <td>{k.room ?? ''}</td>
                <td className="muted">{k.topic ?? k.name ?? ''}</td>
                <td>
                  {t('projects.page.enrolledAttended', { enrolled: k.enrolled, attended: k.attended })}
                  {k.maxParticipants !== null ? ` / ${t('projects.page.capacity', { max: k.maxParticipants })}` : ''}
                  {k.waiting > 0 ? ` · ${t('projects.page.waiting', { count: k.waiting })}` : ''}
                </td>
                <td className="satisfaction" data-testid="class-satisfaction">
                  {k.satisfaction ? satisfactionText(t, k.satisfaction) : ''}
                </td>
                <td className="class-actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`${classLabel} ${t('projects.page.feedback')}`}
                    onClick={() => feedbackOpened({ sessionId: session.id, classId: k.id, label: classLabel })}
                  >
                    {t('projects.page.feedback')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`${classLabel} ${t('projects.page.enrollments')}`}
                    onClick={() => void enrollmentsOpened(k.id)}
                  >
                    {t('projects.page.enrollments')}
                  </button>
                  {canEditClass && (
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`${classLabel} ${t('projects.page.edit')}`}
                      onClick={() => void classEditOpened(k)}
                    >
                      {t('projects.page.edit')}
                    </button>
                  )}
                  {canDeleteClass && (
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`${classLabel} ${t('projects.page.delete')}`}
                      onClick={() => deleteRequested({ kind: 'class', klass: k })}
                    >
                      {t('projects.page.delete')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`${t('projects.page.class', { number: k.classNumber })} ${t('projects.page.openRoster')}`}
                    onClick={() => rosterOpened(k.id)}
                  >
                    {t('projects.page.openRoster')}
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}

/** A project: customer, team, money (margin derived, never stored), progress, and its sessions with their classes. */
export function ProjectPage({ project }: { readonly project: ProjectDetail }): JSX.Element {
  const { t } = useTranslation()
  const backToList = useProjectsStore((s) => s.backToList)
  const sessionDialogOpen = useProjectsStore((s) => s.sessionDialogOpen)
  const sessionDialogToggled = useProjectsStore((s) => s.sessionDialogToggled)
  const classDialogSession = useProjectsStore((s) => s.classDialogSession)
  const dialogSession = project.sessions.find((s) => s.id === classDialogSession)
  const editingSession = useProjectsStore((s) => s.editingSession)
  const editingClass = useProjectsStore((s) => s.editingClass)
  const pendingDelete = useProjectsStore((s) => s.pendingDelete)
  const deleteRequested = useProjectsStore((s) => s.deleteRequested)
  const deleteConfirmed = useProjectsStore((s) => s.deleteConfirmed)
  const enrollments = useProjectsStore((s) => s.enrollments)
  const feedbackTarget = useProjectsStore((s) => s.feedbackTarget)
  const teamDialog = useProjectsStore((s) => s.teamDialog)
  const teamDialogOpened = useProjectsStore((s) => s.teamDialogOpened)
  const teamMemberRemoved = useProjectsStore((s) => s.teamMemberRemoved)
  const projectDialogOpened = useProjectsStore((s) => s.projectDialogOpened)
  const projectDeleteRequested = useProjectsStore((s) => s.projectDeleteRequested)
  const projectDeleteConfirmed = useProjectsStore((s) => s.projectDeleteConfirmed)
  const pendingProjectDelete = useProjectsStore((s) => s.pendingProjectDelete)
  const completion = useProjectsStore((s) => s.completion)
  const completionOpened = useProjectsStore((s) => s.completionOpened)
  const canEditProject = useCan('projects', 'update')
  const canDeleteProject = useCan('projects', 'delete')
  const canAddMember = useCan('project_team_members', 'create')
  const canEditMember = useCan('project_team_members', 'update')
  const canRemoveMember = useCan('project_team_members', 'delete')
  const canCreateSession = useCan('training_sessions', 'create')
  const people = [
    [t('trainingOps.projectForm.manager'), project.projectManagerName],
    [t('trainingOps.projectForm.coordinator'), project.coordinatorName],
    [t('trainingOps.projectForm.operator'), project.operatorName],
  ].filter(([, name]) => name)
  const feedbackSession = feedbackTarget ? project.sessions.find((s) => s.id === feedbackTarget.sessionId) : undefined
  const feedbackSummary = feedbackTarget?.classId
    ? (feedbackSession?.classes.find((k) => k.id === feedbackTarget.classId)?.satisfaction ?? null)
    : (feedbackSession?.satisfaction ?? null)
  const editingClassSession = editingClass ? project.sessions.find((s) => s.id === editingClass.sessionId) : undefined
  return (
    <div className="project-page">
      <button type="button" className="link-button" onClick={() => void backToList()}>
        ← {t('projects.back')}
      </button>
      <header className="project-page__header">
        <h2>{project.name}</h2>
        <span className="muted">
          {project.code} · {project.companyName ?? ''} · {t(`projects.statuses.${project.status}`)}
          {project.phase ? ` · ${t(`projects.phases.${project.phase}`)}` : ''}
          {project.health ? ` · ${t(`projects.health.${project.health}`)}` : ''}
        </span>
        <span className="project-page__actions">
          <button type="button" className="button" onClick={() => void completionOpened(project.id)}>
            {t('trainingOps.completion.open')}
          </button>
          {canEditProject && (
            <button type="button" className="button" onClick={() => void projectDialogOpened({ project })}>
              {t('trainingOps.editProject')}
            </button>
          )}
          {canDeleteProject && (
            <button type="button" className="button button--danger" onClick={() => projectDeleteRequested(project)}>
              {t('trainingOps.deleteProject')}
            </button>
          )}
        </span>
      </header>
      <div className="project-page__facts">
        <dl className="card">
          <dt>{t('projects.page.budget')}</dt>
          <dd>{won(project.budget)}</dd>
          <dt>{t('projects.page.actualCost')}</dt>
          <dd>{won(project.actualCost)}</dd>
          <dt>{t('projects.page.revenue')}</dt>
          <dd>{won(project.revenue)}</dd>
          <dt>{t('projects.page.margin')}</dt>
          <dd>{won(project.margin)}</dd>
          <dt>{t('projects.page.marginPercent')}</dt>
          <dd>{project.marginPercent === null ? '—' : `${project.marginPercent}%`}</dd>
          <dt>{t('projects.page.progress')}</dt>
          <dd>
            <progress max={100} value={project.progress} /> {project.progress}%
          </dd>
          <dt>{t('projects.page.satisfaction')}</dt>
          <dd data-testid="project-satisfaction">
            {project.satisfaction?.overall == null
              ? '—'
              : t('projects.feedback.figure', { overall: project.satisfaction.overall, responses: project.satisfaction.responses })}
          </dd>
          <CompletionRuleFacts project={project} />
          <dt>{t('trainingOps.facts.type')}</dt>
          <dd>{project.type ? t(`trainingOps.types.${project.type}`) : '—'}</dd>
          <dt>{t('trainingOps.facts.branch')}</dt>
          <dd>{project.branchName ?? '—'}</dd>
          <dt>{t('trainingOps.facts.opportunity')}</dt>
          <dd data-testid="project-opportunity">{project.opportunityTitle ?? '—'}</dd>
          <dt>{t('trainingOps.facts.contract')}</dt>
          <dd>
            {project.contractId && project.contractCode ? (
              <button type="button" className="link-button" onClick={() => openRecord({ screen: 'contracts', contractId: project.contractId ?? undefined })}>
                {project.contractCode}
              </button>
            ) : (
              '—'
            )}
          </dd>
          <dt>{t('trainingOps.facts.people')}</dt>
          <dd>{people.length === 0 ? '—' : people.map(([role, name]) => `${role} ${name}`).join(' · ')}</dd>
        </dl>
        <div className="card">
          <h3>{t('projects.page.team')}</h3>
          {project.team.length === 0 && <p className="muted">{t('projects.page.unknown')}</p>}
          <ul className="project-team" data-testid="project-team">
            {project.team.map((m) => (
              <li key={m.userId}>
                {m.name ?? '—'} <span className="muted">{m.role ? t(`projects.roles.${m.role}`) : ''}</span>{' '}
                <span className="muted">· {t('projects.team.allocationShort', { percent: m.allocationPercent })}</span>{' '}
                {canEditMember && (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`${m.name ?? ''} ${t('projects.page.edit')}`}
                    onClick={() => void teamDialogOpened({ member: m })}
                  >
                    {t('projects.page.edit')}
                  </button>
                )}{' '}
                {canRemoveMember && (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`${m.name ?? ''} ${t('projects.team.remove')}`}
                    onClick={() => void teamMemberRemoved(project.id, m.userId)}
                  >
                    {t('projects.team.remove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {canAddMember && (
            <button type="button" className="button button--small" onClick={() => void teamDialogOpened({ member: null })}>
              {t('projects.team.addTitle')}
            </button>
          )}
          {project.opportunityId && (
            <>
              <h3>{t('trainingOps.proposed.title')}</h3>
              {project.proposedProducts.length === 0 && <p className="muted">{t('trainingOps.proposed.empty')}</p>}
              <ul className="proposed-products" data-testid="proposed-products">
                {project.proposedProducts.map((p, i) => (
                  <li key={`${p.productId}-${i}`}>
                    {p.name} {t('trainingOps.proposed.quantity', { count: p.quantity })}
                    {p.total !== null ? ` · ${won(p.total)}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
      <div className="project-page__sessions-head">
        <h3>{t('projects.page.sessions')}</h3>
        {canCreateSession && (
          <button type="button" className="button" onClick={() => sessionDialogToggled(true)}>
            {t('projects.page.newSession')}
          </button>
        )}
      </div>
      {project.sessions.length === 0 && <p className="muted">{t('projects.page.noSessions')}</p>}
      {project.sessions.length > 0 && <ServerClashesCard report={project.serverClashes} />}
      {project.sessions.map((session) => (
        <SessionBlock key={session.id} session={session} project={project} />
      ))}
      <ActivityPanel targets={[{ entityType: 'PROJECT', entityId: project.id, label: project.name }]} />
      <AttachmentsPanel entityType="PROJECT" entityId={project.id} />
      {sessionDialogOpen && <SessionDialog projectId={project.id} />}
      {dialogSession && <ClassDialog sessionId={dialogSession.id} defaultDate={dialogSession.startDate} />}
      {editingSession && <SessionDialog projectId={project.id} session={editingSession} />}
      {editingClass && editingClassSession && (
        <ClassDialog sessionId={editingClassSession.id} defaultDate={editingClassSession.startDate} klass={editingClass} />
      )}
      {enrollments && <EnrollmentDialog enrollments={enrollments} />}
      {teamDialog && <TeamMemberDialog project={project} member={teamDialog.member} />}
      {feedbackTarget && <FeedbackDialog target={feedbackTarget} summary={feedbackSummary} />}
      {completion && <CompletionDialog list={completion} />}
      {pendingProjectDelete && (
        <ConfirmDialog
          title={t('projects.delete.title')}
          message={t('trainingOps.deleteConfirm', { name: pendingProjectDelete.name })}
          onConfirm={() => void projectDeleteConfirmed()}
          onCancel={() => projectDeleteRequested(null)}
        />
      )}
      {pendingDelete && (
        <ConfirmDialog
          title={t('projects.delete.title')}
          message={
            pendingDelete.kind === 'session'
              ? t('projects.delete.session', { number: pendingDelete.session.sessionNumber })
              : pendingDelete.marks !== null
                ? t('projects.delete.classWithMarks', { number: pendingDelete.klass.classNumber, marks: pendingDelete.marks })
                : t('projects.delete.class', { number: pendingDelete.klass.classNumber })
          }
          onConfirm={() => void deleteConfirmed()}
          onCancel={() => deleteRequested(null)}
        />
      )}
    </div>
  )
}

import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { formatKoreanDateShort } from '../../../../shared/domain/dates'
import { formatWon } from '../../../../shared/domain/money'
import { type ProjectDetail, type SessionView } from '../../../../shared/ipc/training-types'
import { ClassDialog } from './ClassDialog'
import { useProjectsStore } from './projects-store'
import { SessionDialog } from './SessionDialog'

const won = (value: number | null): string => (value === null ? '—' : formatWon(value))

function SessionBlock({ session }: { readonly session: SessionView }): JSX.Element {
  const { t } = useTranslation()
  const rosterOpened = useProjectsStore((s) => s.rosterOpened)
  const classDialogOpened = useProjectsStore((s) => s.classDialogOpened)
  return (
    <section className="session-block" aria-label={t('projects.page.session', { number: session.sessionNumber })}>
      <header className="session-block__header">
        <h4>
          {t('projects.page.session', { number: session.sessionNumber })} {session.name ?? ''}
        </h4>
        <span className="muted">
          {formatKoreanDateShort(session.startDate)} – {formatKoreanDateShort(session.endDate)}
          {session.location ? ` · ${session.location}` : ''}
        </span>
        <button type="button" className="button button--small" onClick={() => void classDialogOpened(session.id)}>
          {t('projects.page.newClass')}
        </button>
      </header>
      <table className="class-table">
        <tbody>
          {session.classes.map((k) => (
            <tr key={k.id} data-testid="class-row">
              <td>{t('projects.page.class', { number: k.classNumber })}</td>
              <td>
                {formatKoreanDateShort(k.date)} {k.startTime}–{k.endTime}
              </td>
              <td>{k.instructorName ?? '—'}</td>
              <td>{k.room ?? ''}</td>
              <td className="muted">{k.topic ?? k.name ?? ''}</td>
              <td>{t('projects.page.enrolledAttended', { enrolled: k.enrolled, attended: k.attended })}</td>
              <td>
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
          ))}
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
        </dl>
        <div className="card">
          <h3>{t('projects.page.team')}</h3>
          {project.team.length === 0 && <p className="muted">{t('projects.page.unknown')}</p>}
          <ul className="project-team">
            {project.team.map((m) => (
              <li key={m.userId}>
                {m.name ?? '—'} <span className="muted">{m.role ? t(`projects.roles.${m.role}`) : ''}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <div className="project-page__sessions-head">
        <h3>{t('projects.page.sessions')}</h3>
        <button type="button" className="button" onClick={() => sessionDialogToggled(true)}>
          {t('projects.page.newSession')}
        </button>
      </div>
      {project.sessions.length === 0 && <p className="muted">{t('projects.page.noSessions')}</p>}
      {project.sessions.map((session) => (
        <SessionBlock key={session.id} session={session} />
      ))}
      {sessionDialogOpen && <SessionDialog projectId={project.id} />}
      {dialogSession && <ClassDialog sessionId={dialogSession.id} defaultDate={dialogSession.startDate} />}
    </div>
  )
}

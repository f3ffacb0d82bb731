/**
 * 홈: a coordinator sees the training they run (코디네이터 홈); everyone else the tier dashboard. Who is a coordinator
 * is the shared rule `homeKind` (src/shared/domain/coordinator-home.ts), decided in main from the replica.
 */
import { type JSX, useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dateShort, monthDay } from '../../lib/dates'
import { type IpcError } from '../../../../shared/ipc/errors'
import { type CoordinatorClass, type CoordinatorHome } from '../../../../shared/ipc/training-types'
import { ErrorBanner } from '../../components/ErrorBanner'
import { ServerCheckLine, ServerClashList } from '../../components/ServerClashes'
import { api, toIpcError } from '../../lib/api'
import { useReloadOn } from '../../lib/live'
import { openRecord } from '../../lib/record-links'
import { type ScreenProps } from '../../app/screens'
import { DashboardScreen } from '../dashboard'

/** What the coordinator home reads: any change reloads it in place. */
const HOME_READS = [
  'projects',
  'training_sessions',
  'training_classes',
  'enrollments',
  'attendance_records',
  'instructors',
  'opportunities',
  'leads',
  'users',
  'roles',
  'instructor_clashes',
] as const

type Coordinating = Extract<CoordinatorHome, { kind: 'coordinator' }>

/** 12월 8일 (화) in Korean, Tue, Dec 8 in English (lib/dates): no Korean left in the English screen. */
function useDayLabel(): (date: string) => string {
  useTranslation() // re-render on a language switch
  return monthDay
}

function ClassRow({ klass, showDate }: { readonly klass: CoordinatorClass; readonly showDate?: boolean }): JSX.Element {
  const { t } = useTranslation()
  const dayLabel = useDayLabel()
  return (
    <li className="coordinator-class">
      <span className="coordinator-class__when">
        {showDate ? `${dayLabel(klass.date)} ` : ''}
        {klass.startTime}–{klass.endTime}
      </span>
      <span className="coordinator-class__what">
        {t('coordinatorHome.classLabel', { project: klass.projectName, session: klass.sessionNumber, klass: klass.classNumber })}
        <span className="muted">
          {klass.instructorName ? ` · ${klass.instructorName}` : ''}
          {klass.room ? ` · ${klass.room}` : ''}
        </span>
      </span>
      <span className={`coordinator-timing coordinator-timing--${klass.timing}`}>{t(`coordinatorHome.timing.${klass.timing}`)}</span>
      <span className="muted">
        {klass.timing === 'notStarted'
          ? t('coordinatorHome.enrolled', { count: klass.enrolled })
          : t('coordinatorHome.unmarked', { count: klass.unmarked, enrolled: klass.enrolled })}
      </span>
      <button type="button" className="button button--small" onClick={() => openRecord({ screen: 'training', classId: klass.classId })}>
        {t('coordinatorHome.openRoster')}
      </button>
    </li>
  )
}

function Section({
  title,
  testId,
  empty,
  children,
}: {
  readonly title: string
  readonly testId: string
  readonly empty: string | null
  readonly children?: JSX.Element | JSX.Element[]
}): JSX.Element {
  return (
    <section className="card coordinator-card" aria-label={title} data-testid={testId}>
      <h3>{title}</h3>
      {empty !== null ? <p className="muted">{empty}</p> : children}
    </section>
  )
}

function CoordinatorDashboard({ home }: { readonly home: Coordinating }): JSX.Element {
  const { t } = useTranslation()
  const dayLabel = useDayLabel()
  return (
    <div className="coordinator-home">
      <div>
        <h2 className="dashboard__title" data-testid="dashboard-title">
          {t('coordinatorHome.title')}
        </h2>
        <p className="dashboard__scope">{t('coordinatorHome.scope', { count: home.projects.length, date: home.today })}</p>
      </div>
      <div className="coordinator-home__grid">
        <Section
          title={t('coordinatorHome.today')}
          testId="coordinator-today"
          empty={home.classesToday.length === 0 ? t('coordinatorHome.noClassesToday') : null}
        >
          <ul className="coordinator-list">
            {home.classesToday.map((k) => (
              <ClassRow key={k.classId} klass={k} />
            ))}
          </ul>
        </Section>
        <Section
          title={t('coordinatorHome.notTaken')}
          testId="coordinator-not-taken"
          empty={home.rostersNotTaken.length === 0 ? t('coordinatorHome.allTaken') : null}
        >
          <ul className="coordinator-list">
            {home.rostersNotTaken.map((k) => (
              <ClassRow key={k.classId} klass={k} showDate />
            ))}
          </ul>
        </Section>
        <Section
          title={t('coordinatorHome.week', { from: dateShort(home.weekStart), to: dateShort(home.weekEnd) })}
          testId="coordinator-week"
          empty={home.classesThisWeek.length === 0 ? t('coordinatorHome.noClassesWeek') : null}
        >
          <ul className="coordinator-list">
            {home.classesThisWeek.map((k) => (
              <ClassRow key={k.classId} klass={k} showDate />
            ))}
          </ul>
        </Section>
        <Section
          title={t('coordinatorHome.completion')}
          testId="coordinator-completion"
          empty={home.projects.length === 0 ? t('coordinatorHome.noProjects') : null}
        >
          <ul className="coordinator-list">
            {home.projects.map((p) => (
              <li key={p.id} className="coordinator-project">
                <button type="button" className="link-button" onClick={() => openRecord({ screen: 'projects', projectId: p.id })}>
                  {p.name}
                </button>
                <progress max={100} value={p.training.completionRate ?? 0} aria-label={p.name} />
                <strong>{p.training.completionRate === null ? '—' : `${p.training.completionRate}%`}</strong>
                <span className="muted">
                  {t('coordinatorHome.completionRow', { completed: p.training.completed, trainees: p.training.trainees })} ·{' '}
                  {t('coordinatorHome.rule', { percent: p.completionPercent })}
                </span>
              </li>
            ))}
          </ul>
        </Section>
        <Section title={t('coordinatorHome.clashes')} testId="coordinator-clashes" empty={null}>
          {home.clashes.length === 0 && home.serverClashes.clashes.length === 0 ? <p className="muted">{t('coordinatorHome.noClashes')}</p> : <></>}
          <ServerClashList report={home.serverClashes} />
          <ul className="coordinator-list">
            {home.clashes.map((c) => (
              <li key={`${c.classId}-${c.other.classId}`} className="coordinator-clash" role="alert">
                {t('coordinatorHome.clash', {
                  instructor: c.instructorName ?? '—',
                  project: c.projectName,
                  session: c.sessionNumber,
                  klass: c.classNumber,
                  other: c.other.projectName,
                  otherSession: c.other.sessionNumber,
                  otherClass: c.other.classNumber,
                  date: dayLabel(c.date),
                  time: `${c.other.startTime}–${c.other.endTime}`,
                })}
              </li>
            ))}
          </ul>
          <ServerCheckLine report={home.serverClashes} />
          <p className="muted coordinator-note">{t('coordinatorHome.clashesScope')}</p>
        </Section>
      </div>
    </div>
  )
}

export function HomeScreen({ role }: ScreenProps): JSX.Element {
  const { t } = useTranslation()
  const [home, setHome] = useState<CoordinatorHome | null>(null)
  const [error, setError] = useState<IpcError | null>(null)
  const load = useCallback(
    () =>
      api.projects.coordinatorHome().then(setHome, (e: unknown) => {
        setError(toIpcError(e))
        // Whatever went wrong, the tier dashboard is still a home.
        setHome({ kind: 'sales' })
      }),
    [],
  )
  useEffect(() => {
    void load()
  }, [load, role])
  useReloadOn(HOME_READS, () => load())
  if (home === null) return <p className="screen-loading">{t('common.loading')}</p>
  if (home.kind === 'sales') return <DashboardScreen role={role} />
  return (
    <div className="dashboard">
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <CoordinatorDashboard home={home} />
    </div>
  )
}

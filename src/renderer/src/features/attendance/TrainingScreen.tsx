import { type JSX, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { monthDay } from '../../lib/dates'
import { type AgendaClass } from '../../../../shared/ipc/training-types'
import { ErrorBanner } from '../../components/ErrorBanner'
import { InstructorsPanel } from '../instructors'
import { TraineesPanel } from '../trainees'
import { useAgendaStore } from './agenda-store'
import { RosterScreen } from './RosterScreen'
import { useReloadOn } from '../../lib/live'
import { AGENDA_READS } from './agenda-store'

/**
 * 교육: the coordinator's agenda — the classes of the coming two weeks from the replica, earliest first — and from any
 * of them the roster. Works offline like everything else: the classes were pulled before the training day.
 */
export function TrainingScreen(): JSX.Element {
  const { t } = useTranslation()
  const from = useAgendaStore((s) => s.from)
  const classes = useAgendaStore((s) => s.classes)
  const open = useAgendaStore((s) => s.openClassId)
  const error = useAgendaStore((s) => s.error)
  const store = useAgendaStore.getState
  const [tab, setTab] = useState<'agenda' | 'instructors' | 'trainees'>('agenda')

  useEffect(() => {
    void store().screenOpened()
  }, [store])
  // The agenda's counts follow marks and enrolments made here or pulled (the roster, when open, reloads itself).
  useReloadOn(AGENDA_READS, () => store().screenOpened(), { enabled: open === null })

  if (open) return <RosterScreen classId={open} onBack={() => void store().rosterClosed()} />

  const tabs = (
    <div className="training-tabs" role="group">
      {(['agenda', 'instructors', 'trainees'] as const).map((key) => (
        <button key={key} type="button" className="button" aria-pressed={tab === key} onClick={() => setTab(key)}>
          {t(key === 'agenda' ? 'instructors.agendaTab' : key === 'instructors' ? 'instructors.tab' : 'trainees.tab')}
        </button>
      ))}
    </div>
  )
  if (tab === 'trainees') {
    return (
      <div className="agenda">
        {tabs}
        <TraineesPanel />
      </div>
    )
  }
  if (tab === 'instructors') {
    return (
      <div className="agenda">
        {tabs}
        <InstructorsPanel />
      </div>
    )
  }

  const byDate = new Map<string, AgendaClass[]>()
  for (const k of classes ?? []) byDate.set(k.date, [...(byDate.get(k.date) ?? []), k])

  return (
    <div className="agenda">
      {error && <ErrorBanner error={error} onDismiss={() => store().errorDismissed()} />}
      {tabs}
      <label className="agenda__from">
        {t('attendance.agenda.from')}
        <input type="date" value={from} onChange={(e) => e.target.value && void store().fromChosen(e.target.value)} />
      </label>
      {classes !== null && classes.length === 0 && <p className="muted">{t('attendance.agenda.empty')}</p>}
      {[...byDate.entries()].map(([date, list]) => (
        <section key={date} className="agenda__day">
          <h3>{monthDay(date)}</h3>
          <table className="class-table">
            <tbody>
              {list.map((k) => (
                <tr key={k.id} data-testid="agenda-class">
                  <td>
                    {k.startTime}–{k.endTime}
                  </td>
                  <td>
                    {k.projectName} · {t('trainingOps.sessionClass', { session: k.sessionNumber, class: k.classNumber })}
                  </td>
                  <td className="muted">{k.companyName ?? ''}</td>
                  <td>{k.instructorName ?? '—'}</td>
                  <td>{k.room ?? ''}</td>
                  <td>{t('projects.page.enrolledAttended', { enrolled: k.enrolled, attended: k.attended })}</td>
                  <td>
                    <button type="button" className="button button--small" onClick={() => store().rosterOpened(k.id)}>
                      {t('projects.page.openRoster')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  )
}

/** 오늘 할 일: the signed-in user's meetings and classes today, and what is due; each row opens its record. */
import { type JSX, type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type DashboardHome, type DayList } from '../../../../shared/ipc/dashboard-types'
import { openRecord, type RecordLink } from '../../lib/record-links'

/** Rows a list shows before "외 N건" expands it. */
const COLLAPSED_ROWS = 5

function DaySection<T extends { readonly id: string }>({
  title,
  list,
  testId,
  render,
  link,
}: {
  readonly title: string
  readonly list: DayList<T>
  readonly testId: string
  readonly render: (item: T) => ReactNode
  readonly link: (item: T) => RecordLink | null
}): JSX.Element {
  const { t } = useTranslation()
  const [expanded, setExpanded] = useState(false)
  const shown = expanded ? list.items : list.items.slice(0, COLLAPSED_ROWS)
  const hidden = list.total - shown.length
  return (
    <section className="my-day__section" data-testid={testId} aria-label={title}>
      <h4>
        {title} <span className="my-day__count">{list.total}</span>
      </h4>
      {list.items.length === 0 ? (
        <p className="my-day__empty">{t('dashboard.myDay.empty')}</p>
      ) : (
        <ul>
          {shown.map((item) => {
            const target = link(item)
            return (
              <li key={item.id}>
                {target ? (
                  <button type="button" className="my-day__row" onClick={() => openRecord(target)}>
                    {render(item)}
                  </button>
                ) : (
                  <div className="my-day__row">{render(item)}</div>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {hidden > 0 &&
        (!expanded && list.items.length > shown.length ? (
          <button type="button" className="link-button my-day__more" onClick={() => setExpanded(true)}>
            {t('dashboard.myDay.more', { count: hidden })}
          </button>
        ) : (
          // The day's list holds the first rows only; the rest are on the owning screen.
          <p className="my-day__more">{t('dashboard.myDay.more', { count: hidden })}</p>
        ))}
    </section>
  )
}

export function MyDayPanel({ myDay }: { readonly myDay: DashboardHome['myDay'] }): JSX.Element {
  const { t } = useTranslation()
  const overdue = <span className="badge badge--overdue">{t('dashboard.myDay.overdue')}</span>
  return (
    <div className="card my-day">
      <header className="dashboard-card__header">
        <h3>{t('dashboard.myDay.title')}</h3>
        <span className="dashboard-card__hint">{t('dashboard.myDay.personal')}</span>
      </header>
      <div className="my-day__grid">
        <DaySection
          title={t('dashboard.myDay.meetings')}
          testId="my-day-meetings"
          list={myDay.meetings}
          link={(m) => ({ screen: 'meetings', meetingId: m.id })}
          render={(m) => (
            <>
              <span className="my-day__time">
                {m.startTime}–{m.endTime}
              </span>
              <span className="my-day__title">{m.title}</span>
              <span className="my-day__meta">{[m.companyName, m.organizerName].filter(Boolean).join(' · ')}</span>
            </>
          )}
        />
        <DaySection
          title={t('dashboard.myDay.classes')}
          testId="my-day-classes"
          list={myDay.classes}
          link={(c) => ({ screen: 'training', classId: c.id })}
          render={(c) => (
            <>
              <span className="my-day__time">
                {c.startTime}–{c.endTime}
              </span>
              <span className="my-day__title">{c.name ?? t('dashboard.myDay.classLabel', { session: c.sessionNumber, number: c.classNumber })}</span>
              <span className="my-day__meta">{[c.projectName, c.room].filter(Boolean).join(' · ')}</span>
            </>
          )}
        />
        <DaySection
          title={t('dashboard.myDay.actionItems')}
          testId="my-day-action-items"
          list={myDay.actionItems}
          link={(i) => ({ screen: 'meetings', meetingId: i.meetingId })}
          render={(i) => (
            <>
              <span className="my-day__time">{t('dashboard.myDay.due', { date: i.dueDate })}</span>
              <span className="my-day__title">
                {i.task} {i.overdue && overdue}
              </span>
              <span className="my-day__meta">
                {i.meetingTitle} · {t(`dashboard.myDay.priorities.${i.priority}`)}
              </span>
            </>
          )}
        />
        <DaySection
          title={t('dashboard.myDay.followUps')}
          testId="my-day-follow-ups"
          list={myDay.followUps}
          link={(f) => (f.kind === 'opportunity' ? { screen: 'opportunities', opportunityId: f.id } : { screen: 'meetings', meetingId: f.id })}
          render={(f) => (
            <>
              <span className="my-day__time">{t('dashboard.myDay.due', { date: f.dueDate })}</span>
              <span className="my-day__title">
                {f.title} {f.overdue && overdue}
              </span>
              <span className="my-day__meta">{[t(`dashboard.myDay.followUpKinds.${f.kind}`), f.action, f.companyName].filter(Boolean).join(' · ')}</span>
            </>
          )}
        />
      </div>
    </div>
  )
}

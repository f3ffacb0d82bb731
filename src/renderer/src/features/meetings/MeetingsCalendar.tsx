import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { KOREAN_WEEKDAYS_MONDAY_FIRST, monthWeeks, weekDates, type CalendarView } from '../../../../shared/domain/calendar'
import { todayIsoDate } from '../../../../shared/domain/dates'
import { type CalendarEntry } from '../../../../shared/ipc/meetings-types'

/** How many entries a month cell lists before "+n건 더" (a click on the day opens its week). */
const MONTH_CELL_ENTRIES = 3

/**
 * Week and month grids (Monday first, 월 … 일) of meetings and training classes. A meeting opens its dialog; a class
 * opens its roster on the 교육 screen. Columns are days; entries are in start-time order within a day.
 */
export function MeetingsCalendar({
  view,
  anchor,
  entries,
  onOpen,
  onDayOpened,
}: {
  readonly view: CalendarView
  readonly anchor: string
  readonly entries: readonly CalendarEntry[]
  readonly onOpen: (entry: CalendarEntry) => void
  readonly onDayOpened: (date: string) => void
}): JSX.Element {
  const { t } = useTranslation()
  const today = todayIsoDate()
  const byDate = new Map<string, CalendarEntry[]>()
  for (const e of entries) byDate.set(e.date, [...(byDate.get(e.date) ?? []), e])
  const month = anchor.slice(0, 7)

  const header = (
    <div className="calendar__weekdays" aria-hidden="true">
      {KOREAN_WEEKDAYS_MONDAY_FIRST.map((d, i) => (
        <div
          key={d}
          className={i === 5 ? 'calendar__weekday calendar__weekday--sat' : i === 6 ? 'calendar__weekday calendar__weekday--sun' : 'calendar__weekday'}
        >
          {d}
        </div>
      ))}
    </div>
  )

  const entryButton = (e: CalendarEntry): JSX.Element => {
    const label = e.kind === 'meeting' ? e.title : t('meetings.calendar.classLabel', { project: e.projectName, session: e.sessionNumber, klass: e.classNumber })
    const cancelled = e.status === 'CANCELLED'
    return (
      <button
        key={`${e.kind}-${e.id}`}
        type="button"
        className={`calendar-entry calendar-entry--${e.kind}${cancelled ? ' calendar-entry--cancelled' : ''}`}
        data-testid={`calendar-${e.kind}`}
        title={`${e.startTime}–${e.endTime} ${label}${e.companyName ? ` · ${e.companyName}` : ''}`}
        onClick={() => onOpen(e)}
      >
        <span className="calendar-entry__time tabular">{e.startTime}</span>
        <span className="calendar-entry__kind">{t(`meetings.calendar.${e.kind}`)}</span>
        <span className="calendar-entry__label">{label}</span>
      </button>
    )
  }

  /** 11/23 — the weekday is the column's header. */
  const dayLabel = (date: string): string => `${Number(date.slice(5, 7))}/${Number(date.slice(8))}`

  if (view === 'week') {
    return (
      <div className="calendar calendar--week" data-testid="calendar-week">
        {header}
        <div className="calendar__grid">
          {weekDates(anchor).map((date) => {
            const list = byDate.get(date) ?? []
            return (
              <section key={date} className={date === today ? 'calendar__day calendar__day--today' : 'calendar__day'} data-date={date} aria-label={date}>
                <h3 className="calendar__date">{dayLabel(date)}</h3>
                {list.length === 0 ? <p className="calendar__empty muted">{t('meetings.calendar.noEntries')}</p> : list.map(entryButton)}
              </section>
            )
          })}
        </div>
      </div>
    )
  }

  return (
    <div className="calendar calendar--month" data-testid="calendar-month">
      {header}
      <div className="calendar__grid">
        {monthWeeks(anchor).flatMap((week) =>
          week.map((date) => {
            const list = byDate.get(date) ?? []
            const classes = ['calendar__day']
            if (date.slice(0, 7) !== month) classes.push('calendar__day--outside')
            if (date === today) classes.push('calendar__day--today')
            return (
              <section key={date} className={classes.join(' ')} data-date={date} aria-label={date}>
                <button type="button" className="calendar__daynum link-button" onClick={() => onDayOpened(date)}>
                  {Number(date.slice(8))}
                </button>
                {list.slice(0, MONTH_CELL_ENTRIES).map(entryButton)}
                {list.length > MONTH_CELL_ENTRIES && (
                  <button type="button" className="link-button calendar__more" onClick={() => onDayOpened(date)}>
                    {t('meetings.calendar.more', { count: list.length - MONTH_CELL_ENTRIES })}
                  </button>
                )}
              </section>
            )
          }),
        )}
      </div>
    </div>
  )
}

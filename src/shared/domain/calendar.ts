// Calendar grids for the meetings screen: weeks start on Monday (월), as Korean office calendars do. Dates are
// YYYY-MM-DD strings throughout, so there is no time zone to get wrong.

import { addDays, dayOfWeek } from './dates'

export type CalendarView = 'week' | 'month'

/** 월 화 수 목 금 토 일 — the column labels of a Monday-first week. */
export const KOREAN_WEEKDAYS_MONDAY_FIRST = ['월', '화', '수', '목', '금', '토', '일'] as const

/** The Monday of the week holding `date`. */
export function weekStart(date: string): string {
  return addDays(date, -((dayOfWeek(date) + 6) % 7))
}

/** The seven dates of the week holding `date`, Monday first. */
export function weekDates(date: string): string[] {
  const monday = weekStart(date)
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i))
}

/** The first day of the month holding `date`. */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`
}

/** Whole weeks (Monday-first) covering the month holding `date`: 4 to 6 rows of 7 dates. */
export function monthWeeks(date: string): string[][] {
  const first = monthStart(date)
  const month = first.slice(0, 7)
  const weeks: string[][] = []
  for (let monday = weekStart(first); monday.slice(0, 7) <= month; monday = addDays(monday, 7)) {
    weeks.push(weekDates(monday))
  }
  return weeks
}

/** The dates a view shows around `anchor`: from (inclusive) to (exclusive). */
export function calendarRange(view: CalendarView, anchor: string): { from: string; to: string } {
  if (view === 'week') {
    const from = weekStart(anchor)
    return { from, to: addDays(from, 7) }
  }
  const weeks = monthWeeks(anchor)
  return { from: weeks[0]![0]!, to: addDays(weeks[weeks.length - 1]![6]!, 1) }
}

/** The anchor one week or one month earlier (-1) or later (+1); a month step lands on the 1st. */
export function shiftAnchor(view: CalendarView, anchor: string, step: -1 | 1): string {
  if (view === 'week') return addDays(anchor, 7 * step)
  const [year, month] = anchor.split('-').map(Number) as [number, number]
  const index = year * 12 + (month - 1) + step
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`
}

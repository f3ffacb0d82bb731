import { describe, expect, it } from 'vitest'
import { calendarRange, KOREAN_WEEKDAYS_MONDAY_FIRST, monthWeeks, shiftAnchor, weekDates, weekStart } from './calendar'

describe('Monday-first calendar grids', () => {
  it('finds the Monday of a week (2026-11-25 is a Wednesday; 2026-11-29 a Sunday)', () => {
    expect(weekStart('2026-11-25')).toBe('2026-11-23')
    expect(weekStart('2026-11-23')).toBe('2026-11-23')
    expect(weekStart('2026-11-29')).toBe('2026-11-23')
    expect(weekStart('2027-01-01')).toBe('2026-12-28')
    expect(weekDates('2026-11-25')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'])
    expect(KOREAN_WEEKDAYS_MONDAY_FIRST.join('')).toBe('월화수목금토일')
  })

  it('covers a month with whole weeks', () => {
    // November 2026: 1st is a Sunday → 6 rows, Oct 26 … Dec 6.
    const nov = monthWeeks('2026-11-25')
    expect(nov).toHaveLength(6)
    expect(nov[0]![0]).toBe('2026-10-26')
    expect(nov[5]![6]).toBe('2026-12-06')
    // February 2027: 1st is a Monday, 28 days → exactly 4 rows.
    const feb = monthWeeks('2027-02-10')
    expect(feb).toHaveLength(4)
    expect(feb[0]![0]).toBe('2027-02-01')
    expect(feb[3]![6]).toBe('2027-02-28')
  })

  it('gives the range a view shows (end exclusive) and steps week by week or month by month', () => {
    expect(calendarRange('week', '2026-11-25')).toEqual({ from: '2026-11-23', to: '2026-11-30' })
    expect(calendarRange('month', '2026-11-25')).toEqual({ from: '2026-10-26', to: '2026-12-07' })
    expect(shiftAnchor('week', '2026-11-25', 1)).toBe('2026-12-02')
    expect(shiftAnchor('month', '2026-12-31', 1)).toBe('2027-01-01')
    expect(shiftAnchor('month', '2027-01-15', -1)).toBe('2026-12-01')
  })
})

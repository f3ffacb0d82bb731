import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from './dates'
import { fiscalPeriodOf, fiscalPeriodRange, fiscalPositionOf, fiscalStartMonthFromYearEnd, halfLabel, PERIOD_TYPES, quarterLabel } from './fiscal-period'

const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

describe('fiscal position of a date', () => {
  it('follows the calendar for a January start', () => {
    expect(fiscalPositionOf('2026-03-01')).toEqual({ fiscalYear: 2026, fiscalMonth: 3, quarter: 1, half: 1, month: 3 })
    expect(fiscalPositionOf('2026-07-01')).toEqual({ fiscalYear: 2026, fiscalMonth: 7, quarter: 3, half: 2, month: 7 })
    expect(fiscalPositionOf('2026-12-31')).toMatchObject({ quarter: 4, half: 2 })
  })

  it('names a fiscal year by the year it starts in', () => {
    // April start: FY2025 runs 2025-04-01 … 2026-03-31.
    expect(fiscalPositionOf('2026-03-31', 4)).toEqual({ fiscalYear: 2025, fiscalMonth: 12, quarter: 4, half: 2, month: 3 })
    expect(fiscalPositionOf('2026-04-01', 4)).toEqual({ fiscalYear: 2026, fiscalMonth: 1, quarter: 1, half: 1, month: 4 })
    expect(fiscalPositionOf('2026-10-15', 4)).toMatchObject({ fiscalYear: 2026, quarter: 3, half: 2 })
  })

  it('refuses a start month outside 1–12', () => {
    expect(() => fiscalPositionOf('2026-03-01', 0)).toThrow(RangeError)
    expect(() => fiscalPositionOf('2026-03-01', 13)).toThrow(RangeError)
  })
})

describe('fiscal period ranges', () => {
  it('gives calendar quarters, halves and years for a January start', () => {
    expect(fiscalPeriodRange({ type: 'QUARTER', fiscalYear: 2026, index: 1 })).toEqual({ start: '2026-01-01', end: '2026-03-31' })
    expect(fiscalPeriodRange({ type: 'HALF', fiscalYear: 2026, index: 2 })).toEqual({ start: '2026-07-01', end: '2026-12-31' })
    expect(fiscalPeriodRange({ type: 'YEAR', fiscalYear: 2026, index: 1 })).toEqual({ start: '2026-01-01', end: '2026-12-31' })
    expect(fiscalPeriodRange({ type: 'MONTH', fiscalYear: 2024, index: 2 })).toEqual({ start: '2024-02-01', end: '2024-02-29' })
  })

  it('crosses into the next calendar year for a later start', () => {
    expect(fiscalPeriodRange({ type: 'YEAR', fiscalYear: 2026, index: 1 }, 4)).toEqual({ start: '2026-04-01', end: '2027-03-31' })
    expect(fiscalPeriodRange({ type: 'QUARTER', fiscalYear: 2026, index: 4 }, 4)).toEqual({ start: '2027-01-01', end: '2027-03-31' })
    expect(fiscalPeriodRange({ type: 'HALF', fiscalYear: 2026, index: 2 }, 4)).toEqual({ start: '2026-10-01', end: '2027-03-31' })
    expect(fiscalPeriodRange({ type: 'QUARTER', fiscalYear: 2026, index: 2 }, 11)).toEqual({ start: '2027-02-01', end: '2027-04-30' })
    // Months are calendar months: February of FY2026 (April start) is February 2027.
    expect(fiscalPeriodRange({ type: 'MONTH', fiscalYear: 2026, index: 2 }, 4)).toEqual({ start: '2027-02-01', end: '2027-02-28' })
  })

  it('refuses indexes a period type does not have', () => {
    expect(() => fiscalPeriodRange({ type: 'QUARTER', fiscalYear: 2026, index: 5 })).toThrow(RangeError)
    expect(() => fiscalPeriodRange({ type: 'HALF', fiscalYear: 2026, index: 0 })).toThrow(RangeError)
    expect(() => fiscalPeriodRange({ type: 'MONTH', fiscalYear: 2026, index: 1.5 })).toThrow(RangeError)
  })

  it('puts every date inside the range of its own period, and ranges of a type tile the year', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 12 }), fc.constantFrom(...PERIOD_TYPES), (date, startMonth, type) => {
        const period = fiscalPeriodOf(date, type, startMonth)
        const { start, end } = fiscalPeriodRange(period, startMonth)
        const inside = start <= date && date <= end
        // The day after the range starts the next period of the same type.
        const next = fiscalPeriodOf(addDays(end, 1), type, startMonth)
        const adjacent = next.index !== period.index || next.fiscalYear !== period.fiscalYear
        const nextStart = fiscalPeriodRange(next, startMonth).start === addDays(end, 1)
        return inside && adjacent && nextStart
      }),
    )
  })
})

describe('fiscal labels and company settings', () => {
  it('reads the start month from the stored fiscal year end', () => {
    expect(fiscalStartMonthFromYearEnd('12-31')).toBe(1)
    expect(fiscalStartMonthFromYearEnd('03-31')).toBe(4)
    expect(fiscalStartMonthFromYearEnd('06-30')).toBe(7)
    expect(fiscalStartMonthFromYearEnd(null)).toBeNull()
    expect(fiscalStartMonthFromYearEnd('13-01')).toBeNull()
  })

  it('names halves and quarters', () => {
    expect(halfLabel(1)).toBe('상반기')
    expect(halfLabel(2)).toBe('하반기')
    expect(quarterLabel(3)).toBe('3분기')
  })
})

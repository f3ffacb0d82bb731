import { describe, expect, it } from 'vitest'
import { fiscalPeriodLabel, fiscalPeriodOf, fiscalPeriodRange, shiftFiscalPeriod } from './fiscal-period'
import { averageDays, computedMeasureOf, winRatePercent } from './kpi-measures'

describe('period labels', () => {
  it('names calendar periods in Korean', () => {
    expect(fiscalPeriodLabel({ type: 'MONTH', fiscalYear: 2026, index: 11 })).toBe('2026년 11월')
    expect(fiscalPeriodLabel({ type: 'QUARTER', fiscalYear: 2026, index: 3 })).toBe('2026년 3분기')
    expect(fiscalPeriodLabel({ type: 'HALF', fiscalYear: 2026, index: 2 })).toBe('2026년 하반기')
    expect(fiscalPeriodLabel({ type: 'HALF', fiscalYear: 2026, index: 1 })).toBe('2026년 상반기')
    expect(fiscalPeriodLabel({ type: 'YEAR', fiscalYear: 2026, index: 1 })).toBe('2026년')
  })

  it('says when the year is a fiscal year, and puts a month in its calendar year', () => {
    // April start: FY2026 runs 2026-04 … 2027-03; its 하반기 is 2026-10 … 2027-03, and month 2 is February 2027.
    expect(fiscalPeriodLabel({ type: 'HALF', fiscalYear: 2026, index: 2 }, 4)).toBe('2026 회계연도 하반기')
    expect(fiscalPeriodLabel({ type: 'MONTH', fiscalYear: 2026, index: 2 }, 4)).toBe('2027년 2월')
    expect(fiscalPeriodRange({ type: 'HALF', fiscalYear: 2026, index: 2 }, 4)).toEqual({ start: '2026-10-01', end: '2027-03-31' })
  })

  it('names periods in English', () => {
    expect(fiscalPeriodLabel({ type: 'MONTH', fiscalYear: 2026, index: 11 }, 1, 'en')).toBe('Nov 2026')
    expect(fiscalPeriodLabel({ type: 'HALF', fiscalYear: 2026, index: 2 }, 1, 'en')).toBe('H2 2026')
    expect(fiscalPeriodLabel({ type: 'QUARTER', fiscalYear: 2026, index: 1 }, 4, 'en')).toBe('Q1 FY2026')
  })
})

describe('stepping through periods', () => {
  it('crosses year ends', () => {
    expect(shiftFiscalPeriod({ type: 'QUARTER', fiscalYear: 2026, index: 4 }, 1)).toEqual({ type: 'QUARTER', fiscalYear: 2027, index: 1 })
    expect(shiftFiscalPeriod({ type: 'HALF', fiscalYear: 2026, index: 1 }, -1)).toEqual({ type: 'HALF', fiscalYear: 2025, index: 2 })
    expect(shiftFiscalPeriod({ type: 'MONTH', fiscalYear: 2026, index: 12 }, 1)).toEqual({ type: 'MONTH', fiscalYear: 2027, index: 1 })
    expect(shiftFiscalPeriod({ type: 'YEAR', fiscalYear: 2026, index: 1 }, -3)).toEqual({ type: 'YEAR', fiscalYear: 2023, index: 1 })
  })

  it('moves months within a fiscal year that starts in April', () => {
    // FY2026 (April start): December 2026 → January 2027 is still FY2026; March 2027 → April 2027 starts FY2027.
    expect(shiftFiscalPeriod({ type: 'MONTH', fiscalYear: 2026, index: 12 }, 1, 4)).toEqual({ type: 'MONTH', fiscalYear: 2026, index: 1 })
    expect(shiftFiscalPeriod({ type: 'MONTH', fiscalYear: 2026, index: 3 }, 1, 4)).toEqual({ type: 'MONTH', fiscalYear: 2027, index: 4 })
    expect(shiftFiscalPeriod({ type: 'MONTH', fiscalYear: 2026, index: 4 }, -1, 4)).toEqual({ type: 'MONTH', fiscalYear: 2025, index: 3 })
  })

  it('agrees with the period of a date', () => {
    const period = fiscalPeriodOf('2026-11-25', 'HALF', 4)
    expect(period).toEqual({ type: 'HALF', fiscalYear: 2026, index: 2 })
    const next = shiftFiscalPeriod(period, 1, 4)
    expect(fiscalPeriodOf(fiscalPeriodRange(next, 4).start, 'HALF', 4)).toEqual(next)
  })
})

describe('computed measures', () => {
  it('keys on the middle segment of the code, only in the right unit', () => {
    expect(computedMeasureOf('KPI-ORD-TEAM', 'CURRENCY')).toBe('WON_AMOUNT')
    expect(computedMeasureOf('kpi-mtg-user', 'COUNT')).toBe('MEETINGS_HELD')
    expect(computedMeasureOf('KPI-NEW-TEAM', 'COUNT')).toBe('NEW_CUSTOMERS')
    expect(computedMeasureOf('KPI-ATT-DEPT', 'PERCENT')).toBe('ATTENDANCE_RATE')
    expect(computedMeasureOf('KPI-CYC-TEAM', 'DAYS')).toBe('DAYS_TO_WIN')
    expect(computedMeasureOf('KPI-ORD-TEAM', 'PERCENT')).toBeNull()
    expect(computedMeasureOf('KPI-REV-CO', 'CURRENCY')).toBeNull()
    expect(computedMeasureOf('ORD', 'CURRENCY')).toBeNull()
  })
})

describe('computed figures', () => {
  it('win rate is won over closed, two decimals', () => {
    expect(winRatePercent(1, 2)).toBe(33.33) // 1 / 3
    expect(winRatePercent(2, 1)).toBe(66.67) // 2 / 3
    expect(winRatePercent(3, 0)).toBe(100)
    expect(winRatePercent(0, 0)).toBeNull()
  })

  it('average days rounds half up to two decimals', () => {
    expect(averageDays([30, 10])).toBe(20)
    expect(averageDays([1, 2, 2])).toBe(1.67) // 5 / 3
    expect(averageDays([1, 2])).toBe(1.5)
    expect(averageDays([])).toBeNull()
  })
})

// Fiscal periods for KPIs and reports. Each company sets the month its fiscal year starts (most start in January).
// A fiscal year is named by the calendar year it starts in: with an April start, FY2026 runs 2026-04-01 … 2027-03-31.

import { KPI_PERIOD_TYPES, type KpiPeriodType } from '../model/enums'
import { isIsoDate } from './dates'

export const PERIOD_TYPES = KPI_PERIOD_TYPES
export type PeriodType = KpiPeriodType

/**
 * A period of a fiscal year. `index` is the calendar month (1–12) for MONTH, the fiscal quarter (1–4) for QUARTER,
 * the half (1 = 상반기, 2 = 하반기) for HALF, and 1 for YEAR.
 */
export interface FiscalPeriod {
  type: PeriodType
  fiscalYear: number
  index: number
}

export interface FiscalPosition {
  fiscalYear: number
  /** 1 for the first month of the fiscal year … 12. */
  fiscalMonth: number
  quarter: 1 | 2 | 3 | 4
  half: 1 | 2
  /** The calendar month, 1–12. */
  month: number
}

export interface DateRange {
  /** First day, 'YYYY-MM-DD'. */
  start: string
  /** Last day (inclusive), 'YYYY-MM-DD'. */
  end: string
}

const PERIOD_MONTHS: Readonly<Record<PeriodType, number>> = { MONTH: 1, QUARTER: 3, HALF: 6, YEAR: 12 }
const PERIOD_COUNT: Readonly<Record<PeriodType, number>> = { MONTH: 12, QUARTER: 4, HALF: 2, YEAR: 1 }

function requireStartMonth(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`fiscal year start month must be 1–12, got ${startMonth}`)
  }
}

function yearMonthOf(date: string): { year: number; month: number } {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date 'YYYY-MM-DD': ${JSON.stringify(date)}`)
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) }
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0')
}

/** Where a date falls in the fiscal year that starts in `startMonth` (1 = January). */
export function fiscalPositionOf(date: string, startMonth = 1): FiscalPosition {
  requireStartMonth(startMonth)
  const { year, month } = yearMonthOf(date)
  const fiscalYear = month >= startMonth ? year : year - 1
  const fiscalMonth = ((month - startMonth + 12) % 12) + 1
  return {
    fiscalYear,
    fiscalMonth,
    quarter: Math.ceil(fiscalMonth / 3) as 1 | 2 | 3 | 4,
    half: fiscalMonth <= 6 ? 1 : 2,
    month,
  }
}

/** The period of the given type that contains the date. */
export function fiscalPeriodOf(date: string, type: PeriodType, startMonth = 1): FiscalPeriod {
  const position = fiscalPositionOf(date, startMonth)
  const index = { MONTH: position.month, QUARTER: position.quarter, HALF: position.half, YEAR: 1 }[type]
  return { type, fiscalYear: position.fiscalYear, index }
}

/** First and last day of a fiscal period. */
export function fiscalPeriodRange(period: FiscalPeriod, startMonth = 1): DateRange {
  requireStartMonth(startMonth)
  const { type, fiscalYear, index } = period
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1 || fiscalYear > 9998) {
    throw new RangeError(`fiscal year out of range: ${fiscalYear}`)
  }
  if (!Number.isInteger(index) || index < 1 || index > PERIOD_COUNT[type]) {
    throw new RangeError(`${type} index out of range: ${index}`)
  }
  // Months counted from January of the fiscal year's first calendar year, 0-based.
  const firstMonth = type === 'MONTH' ? (index >= startMonth ? 0 : 12) + index - 1 : startMonth - 1 + (index - 1) * PERIOD_MONTHS[type]
  const lastMonth = firstMonth + PERIOD_MONTHS[type] - 1
  const startYear = fiscalYear + Math.floor(firstMonth / 12)
  const endYear = fiscalYear + Math.floor(lastMonth / 12)
  const endMonth = (lastMonth % 12) + 1
  const endDay = daysInMonth(endYear, endMonth)
  return {
    start: `${pad(startYear, 4)}-${pad((firstMonth % 12) + 1)}-01`,
    end: `${pad(endYear, 4)}-${pad(endMonth)}-${pad(endDay)}`,
  }
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31
}

/**
 * The start month from a company's fiscal year end as the seed stores it ('MM-DD', e.g. '12-31' → 1, '03-31' → 4);
 * null when the value is missing or malformed.
 */
export function fiscalStartMonthFromYearEnd(fiscalYearEnd: string | null | undefined): number | null {
  const match = /^(\d{2})-(\d{2})$/.exec(fiscalYearEnd?.trim() ?? '')
  const month = Number(match?.[1])
  if (!match || month < 1 || month > 12) return null
  return (month % 12) + 1
}

/** 상반기 / 하반기 */
export function halfLabel(half: 1 | 2): string {
  return half === 1 ? '상반기' : '하반기'
}

/** 1분기 … 4분기 */
export function quarterLabel(quarter: 1 | 2 | 3 | 4): string {
  return `${quarter}분기`
}

/** The calendar year a MONTH period's month falls in (a fiscal year can straddle two calendar years). */
function calendarYearOfMonth(fiscalYear: number, month: number, startMonth: number): number {
  return month >= startMonth ? fiscalYear : fiscalYear + 1
}

const MONTH_NAMES_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** The part of a period's name after the year: 11월 / 3분기 / 하반기 (Nov / Q3 / H2); empty for YEAR. */
export function periodIndexLabel(type: PeriodType, index: number, locale: 'ko' | 'en' = 'ko'): string {
  if (type === 'YEAR') return ''
  if (locale === 'ko') {
    return type === 'MONTH' ? `${index}월` : type === 'HALF' ? halfLabel(index as 1 | 2) : quarterLabel(index as 1 | 2 | 3 | 4)
  }
  return type === 'MONTH' ? (MONTH_NAMES_EN[index - 1] ?? String(index)) : `${type === 'HALF' ? 'H' : 'Q'}${index}`
}

/**
 * How a period is named on screen. Korean: 2026년 11월, 2026년 3분기, 2026년 하반기, 2026년; when the fiscal year
 * does not start in January the year is a fiscal year and says so (2026 회계연도 하반기). English: Nov 2026, Q3 2026,
 * H2 2026, 2026 (FY2026 … for other starts).
 */
export function fiscalPeriodLabel(period: FiscalPeriod, startMonth = 1, locale: 'ko' | 'en' = 'ko'): string {
  requireStartMonth(startMonth)
  const { type, fiscalYear, index } = period
  const part = periodIndexLabel(type, index, locale)
  if (type === 'MONTH') {
    const year = calendarYearOfMonth(fiscalYear, index, startMonth)
    return locale === 'ko' ? `${year}년 ${part}` : `${part} ${year}`
  }
  const calendar = startMonth === 1
  const year = locale === 'ko' ? (calendar ? `${fiscalYear}년` : `${fiscalYear} 회계연도`) : calendar ? String(fiscalYear) : `FY${fiscalYear}`
  if (type === 'YEAR') return year
  return locale === 'ko' ? `${year} ${part}` : `${part} ${year}`
}

/** The period `steps` periods after (negative: before) the given one, of the same type. */
export function shiftFiscalPeriod(period: FiscalPeriod, steps: number, startMonth = 1): FiscalPeriod {
  requireStartMonth(startMonth)
  const count = PERIOD_COUNT[period.type]
  // MONTH periods are indexed by calendar month; count them from the fiscal year's first month.
  const position = period.type === 'MONTH' ? (period.index - startMonth + 12) % 12 : period.index - 1
  const absolute = period.fiscalYear * count + position + steps
  const fiscalYear = Math.floor(absolute / count)
  const offset = absolute - fiscalYear * count
  const index = period.type === 'MONTH' ? ((offset + startMonth - 1) % 12) + 1 : offset + 1
  return { type: period.type, fiscalYear, index }
}

// Which KPIs the app computes from the local replica instead of taking a recorded actual.
//
// A definition's `code` names what it measures: KPI-<MEASURE>-<LEVEL> (the demo's KPI-ORD-TEAM, KPI-MTG-USER, …).
// The middle segment is the key; the free-text `formula` is for people and is never parsed. A code whose unit does not
// fit the measure (say KPI-ORD-X counted in PERCENT) is not computed, so a mis-typed definition falls back to recorded
// actuals rather than showing a figure in the wrong unit.
//
//   ORD  WON_AMOUNT       CURRENCY  sum of the amount of CLOSED_WON opportunities whose actual close date is in the period
//   NEW  NEW_CUSTOMERS    COUNT     customer companies created (KST day of created_at) in the period
//   MTG  MEETINGS_HELD    COUNT     COMPLETED meetings dated in the period
//   ATT  ATTENDANCE_RATE  PERCENT   attendance rate (attendance.ts, default policy) of the classes held in the period
//   WIN  WIN_RATE         PERCENT   won / (won + lost) of opportunities closed in the period
//   CYC  DAYS_TO_WIN      DAYS      average days from creation (KST) to close of opportunities won in the period
//
// Everything else (매출 인식, 유지율, 수료율, 마진율, 만족도, …) uses the latest recorded actual.

import { type KpiUnit } from '../model/enums'
import { divideRounded, ratioPercent } from './rounding'

export const KPI_MEASURES = ['WON_AMOUNT', 'NEW_CUSTOMERS', 'MEETINGS_HELD', 'ATTENDANCE_RATE', 'WIN_RATE', 'DAYS_TO_WIN'] as const
export type KpiMeasure = (typeof KPI_MEASURES)[number]

const BY_CODE_SEGMENT: Readonly<Record<string, { measure: KpiMeasure; unit: KpiUnit }>> = {
  ORD: { measure: 'WON_AMOUNT', unit: 'CURRENCY' },
  NEW: { measure: 'NEW_CUSTOMERS', unit: 'COUNT' },
  MTG: { measure: 'MEETINGS_HELD', unit: 'COUNT' },
  ATT: { measure: 'ATTENDANCE_RATE', unit: 'PERCENT' },
  WIN: { measure: 'WIN_RATE', unit: 'PERCENT' },
  CYC: { measure: 'DAYS_TO_WIN', unit: 'DAYS' },
}

/** The measure a definition's code names, or null when the actual must be recorded. */
export function computedMeasureOf(code: string, unit: KpiUnit | null | undefined): KpiMeasure | null {
  const parts = code.trim().toUpperCase().split('-')
  if (parts.length < 3 || parts[0] !== 'KPI') return null
  const entry = BY_CODE_SEGMENT[parts[1] ?? '']
  return entry && entry.unit === unit ? entry.measure : null
}

/** won / (won + lost) × 100, two decimals; null when nothing closed. */
export function winRatePercent(won: number, lost: number): number | null {
  return ratioPercent(won, won + lost)
}

/** The mean of whole-day spans, two decimals (half up); null for none. */
export function averageDays(spans: readonly number[]): number | null {
  if (spans.length === 0) return null
  const total = spans.reduce((sum, days) => sum + BigInt(Math.round(days)), 0n)
  return Number(divideRounded(total * 100n, BigInt(spans.length))) / 100
}

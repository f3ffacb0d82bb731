/**
 * Pure helpers of the KPI screen: how values read, which colour a band gets, what the dialogs accept. The figures
 * themselves (actual, achievement, band) come computed from main; nothing here recomputes them.
 */
import { type DateRange, type FiscalPeriod, fiscalPeriodOf, fiscalPeriodRange } from '../../../../shared/domain/fiscal-period'
import { type AttainmentBand } from '../../../../shared/domain/kpi'
import { formatMoney, type MoneyLanguage } from '../../../../shared/domain/money'
import { type KpiDirection, type KpiPeriodType, type KpiUnit } from '../../../../shared/model/enums'
import { KPI_VALUE_LIMIT } from '../../../../shared/model/validation/kpi'

const numberFormat = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 2 })

/** 5,000만원 (₩50M) · 92.5% · 12 · 20 — the unit word (건, 일) is added by the screen in the user's language. */
export function formatKpiValue(value: number | null, unit: KpiUnit | null, language: MoneyLanguage = 'ko'): string {
  if (value === null) return '—'
  if (unit === 'CURRENCY' && Number.isSafeInteger(value)) return formatMoney(value, language)
  if (unit === 'PERCENT') return `${numberFormat.format(value)}%`
  return numberFormat.format(value)
}

export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${numberFormat.format(value)}%`
}

export type BandTone = 'stretch' | 'on' | 'below' | 'minimum' | 'none'

export function bandTone(band: AttainmentBand | null): BandTone {
  switch (band) {
    case 'STRETCH':
      return 'stretch'
    case 'ON_TARGET':
      return 'on'
    case 'BELOW_TARGET':
      return 'below'
    case 'BELOW_MINIMUM':
      return 'minimum'
    default:
      return 'none'
  }
}

/** Bar colours of the chart, the same hues as the table's band badges (kpi.css). */
export const BAND_COLOURS: Readonly<Record<BandTone, string>> = {
  stretch: '#7c3aed',
  on: '#16a34a',
  below: '#d97706',
  minimum: '#dc2626',
  none: '#9ca3af',
}

/** The chart's % axis: at least to 120 so 100 % sits inside, in round steps (20 up to 200, then 50, then 100). */
export function achievementAxis(values: readonly number[]): { max: number; ticks: number[] } {
  const highest = Math.max(120, ...values)
  const step = highest <= 200 ? 20 : highest <= 500 ? 50 : 100
  const max = Math.ceil(highest / step) * step
  return { max, ticks: Array.from({ length: max / step + 1 }, (_, i) => i * step) }
}

/** The period of a type that contains `today`. */
export function currentPeriod(type: KpiPeriodType, today: string, startMonth: number): FiscalPeriod {
  return fiscalPeriodOf(today, type, startMonth)
}

/** The date a new actual defaults to: today while the period runs, else its nearest end. */
export function defaultActualDate(range: DateRange, today: string): string {
  if (today < range.start) return range.start
  return today > range.end ? range.end : today
}

/** Years a target may be set for: three back, two ahead. */
export function yearChoices(current: number): number[] {
  return [current - 3, current - 2, current - 1, current, current + 1, current + 2]
}

export type KpiFieldError =
  | 'kpi.validation.required'
  | 'kpi.validation.number'
  | 'kpi.validation.decimals'
  | 'kpi.validation.tooLarge'
  | 'kpi.validation.negative'
  | 'kpi.validation.weight'
  | 'kpi.validation.bandsOrder'
  | 'kpi.validation.bandsOrderDecrease'
  | 'kpi.validation.date'
  | 'kpi.validation.dateOutside'

export type ParsedNumber = { readonly value: number | null; readonly error: KpiFieldError | null }

/** What a user typed in a KPI value field (1,234.5 or 92.5): empty, a number with at most two decimals, or an error. */
export function parseKpiNumber(text: string, { required = false, allowNegative = false } = {}): ParsedNumber {
  const trimmed = text.trim().replace(/,/g, '').replace(/%$/, '').replace(/원$/, '').trim()
  if (!trimmed) return { value: null, error: required ? 'kpi.validation.required' : null }
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return { value: null, error: 'kpi.validation.number' }
  if (/\.\d{3,}$/.test(trimmed)) return { value: null, error: 'kpi.validation.decimals' }
  const value = Number(trimmed)
  if (Math.abs(value) > KPI_VALUE_LIMIT) return { value: null, error: 'kpi.validation.tooLarge' }
  if (value < 0 && !allowNegative) return { value: null, error: 'kpi.validation.negative' }
  return { value, error: null }
}

export interface TargetFormText {
  readonly target: string
  readonly stretch: string
  readonly minimum: string
  readonly weight: string
}

export interface TargetFormErrors {
  target?: KpiFieldError
  stretch?: KpiFieldError
  minimum?: KpiFieldError
  weight?: KpiFieldError
}

export type TargetFormResult =
  | { readonly ok: true; readonly values: { target: number; stretch: number | null; minimum: number | null; weight: number } }
  | { readonly ok: false; readonly errors: TargetFormErrors }

/** Checks a target form the way main will: numbers, weight 0–1000, and minimum/target/stretch in the KPI's order. */
export function validateTargetForm(form: TargetFormText, direction: KpiDirection): TargetFormResult {
  const target = parseKpiNumber(form.target, { required: true })
  const stretch = parseKpiNumber(form.stretch)
  const minimum = parseKpiNumber(form.minimum)
  const weightText = form.weight.trim()
  const weight = /^\d+$/.test(weightText) && Number(weightText) <= 1000 ? Number(weightText) : null
  const errors: TargetFormErrors = {}
  if (target.error) errors.target = target.error
  if (stretch.error) errors.stretch = stretch.error
  if (minimum.error) errors.minimum = minimum.error
  if (weight === null) errors.weight = 'kpi.validation.weight'
  if (Object.keys(errors).length > 0 || target.value === null || weight === null) return { ok: false, errors }
  const order = direction === 'DECREASE' ? 'kpi.validation.bandsOrderDecrease' : 'kpi.validation.bandsOrder'
  if (direction !== 'MAINTAIN') {
    const better = (a: number, b: number): boolean => (direction === 'INCREASE' ? a >= b : a <= b)
    if (stretch.value !== null && !better(stretch.value, target.value)) errors.stretch = order
    if (minimum.value !== null && !better(target.value, minimum.value)) errors.minimum = order
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, values: { target: target.value, stretch: stretch.value, minimum: minimum.value, weight } }
}

/** The period a date must fall in for a recorded actual, checked before main is asked. */
export function checkActualDate(date: string, range: DateRange): KpiFieldError | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'kpi.validation.date'
  return date < range.start || date > range.end ? 'kpi.validation.dateOutside' : null
}

export { fiscalPeriodRange }

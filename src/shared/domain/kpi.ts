// KPI achievement. Targets and actuals are numbers with at most two decimals (numeric(15,2)); all arithmetic is done
// exactly in hundredths so 33.33 % is 33.33 on every device and on the server.

import { type KpiDirection } from '../model/enums'
import { divideRounded, hundredthsRatioPercent, toHundredths } from './rounding'

/**
 * Achievement is clamped to ±999.99 %, the largest value the seed's numeric(5,2) column held. It also gives
 * "lower is better" KPIs a finite result when the actual is 0 (no complaints against a target of 5).
 */
export const MAX_ACHIEVEMENT_PERCENT = 999.99

type Value = number | null | undefined

function clamp(percent: number): number {
  return Math.min(MAX_ACHIEVEMENT_PERCENT, Math.max(-MAX_ACHIEVEMENT_PERCENT, percent))
}

/**
 * Achievement (%) of an actual against its target, two decimals:
 * INCREASE actual / target × 100; DECREASE target / actual × 100 (lower is better; an actual of 0 beats any positive
 * target and reaches the cap, and 0 against 0 is 100); MAINTAIN 100 − |actual − target| / target × 100, never below 0.
 * Null when the actual or target is missing, or an INCREASE target is 0.
 */
export function achievementPercent({
  direction,
  target,
  actual,
}: {
  direction: KpiDirection
  target: Value
  actual: Value
}): number | null {
  if (target === null || target === undefined || actual === null || actual === undefined) return null
  const t = toHundredths(target)
  const a = toHundredths(actual)
  switch (direction) {
    case 'INCREASE': {
      const percent = hundredthsRatioPercent(a, t)
      return percent === null ? null : clamp(percent)
    }
    case 'DECREASE': {
      if (a <= 0n) return t === 0n && a === 0n ? 100 : MAX_ACHIEVEMENT_PERCENT
      return clamp(hundredthsRatioPercent(t, a) ?? 0)
    }
    case 'MAINTAIN': {
      const absT = t < 0n ? -t : t
      const deviation = a > t ? a - t : t - a
      if (absT === 0n) return deviation === 0n ? 100 : 0
      return Math.max(0, clamp(hundredthsRatioPercent(absT - deviation, absT) ?? 0))
    }
  }
}

/**
 * Overall achievement across several targets, weighted by each target's weight (the seed's default weight is 100).
 * Targets without an achievement yet are left out; null when nothing is left.
 */
export function weightedAchievement(items: ReadonlyArray<{ achievementPercent: Value; weight?: Value }>): number | null {
  let sum = 0n
  let totalWeight = 0n
  for (const item of items) {
    if (item.achievementPercent === null || item.achievementPercent === undefined) continue
    const weight = toHundredths(item.weight ?? 100)
    if (weight < 0n) throw new RangeError(`KPI weight must not be negative, got ${item.weight}`)
    sum += toHundredths(item.achievementPercent) * weight
    totalWeight += weight
  }
  if (totalWeight === 0n) return null
  return Number(divideRounded(sum, totalWeight)) / 100
}

export const ATTAINMENT_BANDS = [
  { value: 'BELOW_MINIMUM', labelKo: '최소 미달', labelEn: 'Below minimum' },
  { value: 'BELOW_TARGET', labelKo: '목표 미달', labelEn: 'Below target' },
  { value: 'ON_TARGET', labelKo: '목표 달성', labelEn: 'On target' },
  { value: 'STRETCH', labelKo: '도전 목표 달성', labelEn: 'Stretch reached' },
] as const

export type AttainmentBand = (typeof ATTAINMENT_BANDS)[number]['value']

/**
 * Where an actual stands against a target's minimum, target and stretch values, honouring the direction
 * (for DECREASE, lower is better). For MAINTAIN there is no stretch: the minimum, if set, is read as the tolerated
 * distance from the target (target 95, minimum 90 → 90–100 is on target), and anything outside it is below minimum.
 * Null when the actual or target is missing.
 */
export function attainmentBand({
  direction,
  actual,
  target,
  minimum,
  stretch,
}: {
  direction: KpiDirection
  actual: Value
  target: Value
  minimum?: Value
  stretch?: Value
}): AttainmentBand | null {
  if (actual === null || actual === undefined || target === null || target === undefined) return null
  const a = toHundredths(actual)
  const t = toHundredths(target)
  const min = minimum === null || minimum === undefined ? null : toHundredths(minimum)
  const str = stretch === null || stretch === undefined ? null : toHundredths(stretch)

  if (direction === 'MAINTAIN') {
    const deviation = a > t ? a - t : t - a
    const tolerance = min === null ? 0n : min > t ? min - t : t - min
    if (deviation <= tolerance) return 'ON_TARGET'
    return min === null ? 'BELOW_TARGET' : 'BELOW_MINIMUM'
  }
  const reaches = (value: bigint): boolean => (direction === 'INCREASE' ? a >= value : a <= value)
  if (str !== null && reaches(str)) return 'STRETCH'
  if (reaches(t)) return 'ON_TARGET'
  if (min !== null && !reaches(min)) return 'BELOW_MINIMUM'
  return 'BELOW_TARGET'
}

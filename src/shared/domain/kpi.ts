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
export function achievementPercent({ direction, target, actual }: { direction: KpiDirection; target: Value; actual: Value }): number | null {
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

/**
 * A rate computed from fewer cases than this (closed opportunities for a win rate, wins for days-to-win, attendance
 * marks for an attendance rate) is a small sample: one win out of one is "100 %", which says nothing about the rep.
 * Such a figure is shown with its sample size and a mark, and is left out of the composite (docs/architecture.md,
 * "KPI achievement and the composite").
 */
export const SMALL_SAMPLE_MINIMUM = 5

/**
 * The most one target contributes to the composite. Beating a target pays, but a single 250 % (a rep at 1-of-1 wins
 * against a 40 % target) must not lift the composite over team KPIs that are below their minimum.
 */
export const COMPOSITE_CAP_PERCENT = 150

/** True when the figure rests on a countable sample smaller than SMALL_SAMPLE_MINIMUM (null: not a sampled rate). */
export function isSmallSample(sampleSize: number | null | undefined): boolean {
  return sampleSize !== null && sampleSize !== undefined && sampleSize < SMALL_SAMPLE_MINIMUM
}

export interface CompositeItem {
  readonly achievementPercent: Value
  readonly weight?: Value
  /** How many cases a rate was computed from; null or absent for counts, amounts and recorded actuals. */
  readonly sampleSize?: number | null
}

export interface Composite {
  /** The weighted mean of the counted targets, each capped at COMPOSITE_CAP_PERCENT; null when none counts. */
  readonly percent: number | null
  /** Targets that count (an achievement, a sample big enough). */
  readonly counted: number
  /** Targets with an achievement left out because it rests on a small sample. */
  readonly smallSamples: number
  /** Counted targets whose achievement was above the cap and counted at the cap. */
  readonly capped: number
  /** Per item, its share of the composite's weight in percent (two decimals); null when it does not count. */
  readonly shares: ReadonlyArray<number | null>
}

/**
 * The composite ("가중 종합 달성률") people can believe: small samples are left out, each target counts at most
 * COMPOSITE_CAP_PERCENT, and every counted target's share of the weight is known so the screen can show it.
 */
export function compositeAchievement(items: ReadonlyArray<CompositeItem>): Composite {
  const counts = items.map((item) => item.achievementPercent !== null && item.achievementPercent !== undefined && !isSmallSample(item.sampleSize))
  const counted = items.filter((_, i) => counts[i])
  const totalWeight = counted.reduce((sum, item) => sum + toHundredths(item.weight ?? 100), 0n)
  const percent = weightedAchievement(
    counted.map((item) => ({ weight: item.weight, achievementPercent: Math.min(COMPOSITE_CAP_PERCENT, item.achievementPercent as number) })),
  )
  return {
    percent,
    counted: counted.length,
    smallSamples: items.filter((item, i) => !counts[i] && item.achievementPercent !== null && item.achievementPercent !== undefined).length,
    capped: counted.filter((item) => (item.achievementPercent as number) > COMPOSITE_CAP_PERCENT).length,
    shares: items.map((item, i) =>
      counts[i] && totalWeight > 0n ? Number(divideRounded(toHundredths(item.weight ?? 100) * 10_000n, totalWeight)) / 100 : null,
    ),
  }
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

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  achievementPercent,
  attainmentBand,
  COMPOSITE_CAP_PERCENT,
  compositeAchievement,
  isSmallSample,
  MAX_ACHIEVEMENT_PERCENT,
  SMALL_SAMPLE_MINIMUM,
  weightedAchievement,
} from './kpi'

describe('achievementPercent', () => {
  it('INCREASE: actual over target', () => {
    expect(achievementPercent({ direction: 'INCREASE', target: 100_000_000, actual: 85_000_000 })).toBe(85)
    expect(achievementPercent({ direction: 'INCREASE', target: 3, actual: 1 })).toBe(33.33)
    expect(achievementPercent({ direction: 'INCREASE', target: 3, actual: 2 })).toBe(66.67)
    expect(achievementPercent({ direction: 'INCREASE', target: 50, actual: 60 })).toBe(120)
  })

  it('DECREASE: lower is better', () => {
    // Target: at most 5 complaints.
    expect(achievementPercent({ direction: 'DECREASE', target: 5, actual: 4 })).toBe(125)
    expect(achievementPercent({ direction: 'DECREASE', target: 5, actual: 10 })).toBe(50)
    expect(achievementPercent({ direction: 'DECREASE', target: 30, actual: 45.5 })).toBe(65.93)
  })

  it('DECREASE: an actual of 0 is handled, not divided by', () => {
    expect(achievementPercent({ direction: 'DECREASE', target: 5, actual: 0 })).toBe(MAX_ACHIEVEMENT_PERCENT)
    expect(achievementPercent({ direction: 'DECREASE', target: 0, actual: 0 })).toBe(100)
    expect(achievementPercent({ direction: 'DECREASE', target: 0, actual: 2 })).toBe(0)
  })

  it('MAINTAIN: distance from the target, floored at 0', () => {
    expect(achievementPercent({ direction: 'MAINTAIN', target: 95, actual: 95 })).toBe(100)
    expect(achievementPercent({ direction: 'MAINTAIN', target: 95, actual: 90 })).toBe(94.74)
    expect(achievementPercent({ direction: 'MAINTAIN', target: 95, actual: 100 })).toBe(94.74)
    expect(achievementPercent({ direction: 'MAINTAIN', target: 10, actual: 30 })).toBe(0)
    expect(achievementPercent({ direction: 'MAINTAIN', target: 0, actual: 0 })).toBe(100)
    expect(achievementPercent({ direction: 'MAINTAIN', target: 0, actual: 1 })).toBe(0)
  })

  it('is unknown without both figures, or against a zero INCREASE target', () => {
    expect(achievementPercent({ direction: 'INCREASE', target: 100, actual: null })).toBeNull()
    expect(achievementPercent({ direction: 'DECREASE', target: undefined, actual: 3 })).toBeNull()
    expect(achievementPercent({ direction: 'INCREASE', target: 0, actual: 5 })).toBeNull()
  })

  it('is capped so it fits the stored column and stays readable', () => {
    expect(achievementPercent({ direction: 'INCREASE', target: 1, actual: 1_000 })).toBe(MAX_ACHIEVEMENT_PERCENT)
  })

  it('is symmetric for MAINTAIN and monotone for INCREASE/DECREASE', () => {
    const money = fc.integer({ min: 1, max: 10 ** 9 })
    fc.assert(
      fc.property(money, fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 9 }), (target, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x]
        const inc = (a: number) => achievementPercent({ direction: 'INCREASE', target, actual: a })!
        const dec = (a: number) => achievementPercent({ direction: 'DECREASE', target, actual: a })!
        const above = achievementPercent({ direction: 'MAINTAIN', target, actual: target + x })!
        const below = achievementPercent({ direction: 'MAINTAIN', target, actual: target - x })!
        return inc(lo) <= inc(hi) && dec(lo) >= dec(hi) && above === below && above >= 0 && above <= 100
      }),
    )
  })
})

describe('weightedAchievement', () => {
  it('weights each target', () => {
    expect(
      weightedAchievement([
        { achievementPercent: 80, weight: 60 },
        { achievementPercent: 120, weight: 40 },
      ]),
    ).toBe(96)
    expect(
      weightedAchievement([
        { achievementPercent: 100, weight: 1 },
        { achievementPercent: 0, weight: 2 },
      ]),
    ).toBe(33.33)
  })

  it('uses the default weight 100 and skips targets without a result yet', () => {
    expect(weightedAchievement([{ achievementPercent: 90 }, { achievementPercent: 70, weight: null }])).toBe(80)
    expect(
      weightedAchievement([
        { achievementPercent: 90, weight: 50 },
        { achievementPercent: null, weight: 50 },
      ]),
    ).toBe(90)
    expect(weightedAchievement([])).toBeNull()
    expect(weightedAchievement([{ achievementPercent: 90, weight: 0 }])).toBeNull()
  })

  it('refuses negative weights', () => {
    expect(() => weightedAchievement([{ achievementPercent: 90, weight: -1 }])).toThrow(RangeError)
  })

  it('lies between the lowest and highest achievement', () => {
    const item = fc.record({
      achievementPercent: fc.integer({ min: 0, max: 99_999 }).map((h) => h / 100),
      weight: fc.integer({ min: 1, max: 100 }),
    })
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 10 }), (items) => {
        const w = weightedAchievement(items)!
        const values = items.map((i) => i.achievementPercent)
        return w >= Math.min(...values) && w <= Math.max(...values)
      }),
    )
  })
})

describe('attainmentBand', () => {
  const sales = { direction: 'INCREASE' as const, target: 100, minimum: 80, stretch: 120 }

  it('places an INCREASE actual among minimum, target and stretch', () => {
    expect(attainmentBand({ ...sales, actual: 70 })).toBe('BELOW_MINIMUM')
    expect(attainmentBand({ ...sales, actual: 80 })).toBe('BELOW_TARGET')
    expect(attainmentBand({ ...sales, actual: 100 })).toBe('ON_TARGET')
    expect(attainmentBand({ ...sales, actual: 119.99 })).toBe('ON_TARGET')
    expect(attainmentBand({ ...sales, actual: 120 })).toBe('STRETCH')
  })

  it('reads a DECREASE KPI the other way round', () => {
    const complaints = { direction: 'DECREASE' as const, target: 5, minimum: 8, stretch: 2 }
    expect(attainmentBand({ ...complaints, actual: 10 })).toBe('BELOW_MINIMUM')
    expect(attainmentBand({ ...complaints, actual: 7 })).toBe('BELOW_TARGET')
    expect(attainmentBand({ ...complaints, actual: 5 })).toBe('ON_TARGET')
    expect(attainmentBand({ ...complaints, actual: 1 })).toBe('STRETCH')
  })

  it('works without minimum or stretch values', () => {
    expect(attainmentBand({ direction: 'INCREASE', target: 100, actual: 10 })).toBe('BELOW_TARGET')
    expect(attainmentBand({ direction: 'INCREASE', target: 100, actual: 500 })).toBe('ON_TARGET')
    expect(attainmentBand({ direction: 'INCREASE', target: null, actual: 500 })).toBeNull()
  })

  it('reads MAINTAIN minimums as a tolerance around the target', () => {
    const satisfaction = { direction: 'MAINTAIN' as const, target: 95, minimum: 90 }
    expect(attainmentBand({ ...satisfaction, actual: 92 })).toBe('ON_TARGET')
    expect(attainmentBand({ ...satisfaction, actual: 100 })).toBe('ON_TARGET')
    expect(attainmentBand({ ...satisfaction, actual: 89.99 })).toBe('BELOW_MINIMUM')
    expect(attainmentBand({ direction: 'MAINTAIN', target: 95, actual: 95 })).toBe('ON_TARGET')
    expect(attainmentBand({ direction: 'MAINTAIN', target: 95, actual: 96 })).toBe('BELOW_TARGET')
  })
})

describe('compositeAchievement (the figure people believe)', () => {
  // The team: both team KPIs below their minimum, four reps at 1-of-1 wins against a 40 % win-rate target.
  const rep = { achievementPercent: achievementPercent({ direction: 'INCREASE', target: 40, actual: 100 }), weight: 100, sampleSize: 1 }
  const team = [{ achievementPercent: 55, weight: 100, sampleSize: null }, { achievementPercent: 62, weight: 100, sampleSize: 24 }, rep, rep, rep, rep]

  it('does not let four 1-of-1 reps lift a team below its minimum over 100 %', () => {
    expect(rep.achievementPercent).toBe(250)
    // What the old weighted mean said: (55 + 62 + 4 × 250) / 6.
    expect(weightedAchievement(team)).toBe(186.17)
    const composite = compositeAchievement(team)
    expect(composite.percent).toBe(58.5)
    expect(composite.counted).toBe(2)
    expect(composite.smallSamples).toBe(4)
    expect(composite.shares).toEqual([50, 50, null, null, null, null])
  })

  it('counts a target at most at the cap and says how many were capped', () => {
    const composite = compositeAchievement([
      { achievementPercent: 300, weight: 1, sampleSize: 40 },
      { achievementPercent: 60, weight: 3 },
    ])
    expect(COMPOSITE_CAP_PERCENT).toBe(150)
    expect(composite.percent).toBe((150 + 3 * 60) / 4)
    expect(composite.capped).toBe(1)
    expect(composite.shares).toEqual([25, 75])
  })

  it('marks samples below the threshold only; counts and amounts are not samples', () => {
    expect(SMALL_SAMPLE_MINIMUM).toBe(5)
    expect(isSmallSample(4)).toBe(true)
    expect(isSmallSample(0)).toBe(true)
    expect(isSmallSample(5)).toBe(false)
    expect(isSmallSample(null)).toBe(false)
    expect(compositeAchievement([{ achievementPercent: null }, { achievementPercent: 80, sampleSize: 2 }])).toEqual({
      percent: null,
      counted: 0,
      smallSamples: 1,
      capped: 0,
      shares: [null, null],
    })
  })
})

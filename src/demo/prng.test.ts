import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { demoUuidV7, isDemoUuidV7 } from './ids'
import { forkRandom, Random } from './prng'

describe('seeded PRNG', () => {
  it('gives the same sequence for the same seed and stream, different ones otherwise', () => {
    const take = (r: Random) => Array.from({ length: 20 }, () => r.nextUint32())
    expect(take(forkRandom(42, 'companies'))).toEqual(take(forkRandom(42, 'companies')))
    expect(take(forkRandom(42, 'companies'))).not.toEqual(take(forkRandom(43, 'companies')))
    expect(take(forkRandom(42, 'companies'))).not.toEqual(take(forkRandom(42, 'contacts')))
    // A numeric seed and its string form are the same seed (the CLI passes strings).
    expect(take(forkRandom(42, 'x'))).toEqual(take(forkRandom('42', 'x')))
  })

  it('keeps int() within bounds and reaches both ends', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 50 }), (seed, min, span) => {
        const r = new Random(seed)
        const seen = new Set<number>()
        for (let i = 0; i < 400; i++) {
          const v = r.int(min, min + span)
          expect(v).toBeGreaterThanOrEqual(min)
          expect(v).toBeLessThanOrEqual(min + span)
          seen.add(v)
        }
        if (span <= 5) expect(seen.size).toBe(span + 1)
      }),
    )
  })

  it('is roughly uniform', () => {
    const r = new Random('uniform')
    const buckets = new Array<number>(10).fill(0)
    for (let i = 0; i < 100_000; i++) buckets[Math.floor(r.next() * 10)]!++
    for (const n of buckets) expect(Math.abs(n - 10_000)).toBeLessThan(500)
  })

  it('samples distinct items and respects weights', () => {
    const r = new Random('sample')
    const items = ['a', 'b', 'c', 'd', 'e']
    const picked = r.sample(items, 3)
    expect(new Set(picked).size).toBe(3)
    expect(r.sample(items, 10)).toHaveLength(5)
    let heavy = 0
    for (let i = 0; i < 10_000; i++)
      if (
        r.weighted([
          ['x', 9],
          ['y', 1],
        ] as const) === 'x'
      )
        heavy++
    expect(heavy).toBeGreaterThan(8_700)
    expect(heavy).toBeLessThan(9_300)
  })
})

describe('demo ids', () => {
  it('are UUIDv7-shaped, carry the given time and repeat for the same stream', () => {
    const time = Date.UTC(2026, 0, 2, 3, 4, 5, 678)
    const a = demoUuidV7(forkRandom(1, 'ids'), time)
    expect(isDemoUuidV7(a)).toBe(true)
    expect(Number.parseInt(a.slice(0, 8) + a.slice(9, 13), 16)).toBe(time)
    expect(demoUuidV7(forkRandom(1, 'ids'), time)).toBe(a)
    expect(demoUuidV7(forkRandom(2, 'ids'), time)).not.toBe(a)
  })
})

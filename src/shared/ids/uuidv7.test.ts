import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createUuidV7Generator, isUuid, uuidv7, uuidv7Timestamp } from './uuidv7'

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('uuidv7', () => {
  it('produces lowercase RFC 9562 version-7 ids with the RFC variant', () => {
    for (let i = 0; i < 1000; i++) {
      const id = uuidv7()
      expect(id).toMatch(V7)
      expect(isUuid(id)).toBe(true)
    }
  })

  it('carries the creation time in its first 48 bits', () => {
    const at = Date.UTC(2026, 10, 25, 7, 39, 39, 123)
    const next = createUuidV7Generator({ now: () => at })
    const id = next()
    expect(id.startsWith(at.toString(16).padStart(12, '0').slice(0, 8))).toBe(true)
    expect(uuidv7Timestamp(id)).toBe(at)
  })

  it('sorts in creation order, also for many ids in the same millisecond', () => {
    const clock = 1_700_000_000_000
    let calls = 0
    // The clock advances only every 500 ids, so most ids share their millisecond with others.
    const next = createUuidV7Generator({ now: () => clock + Math.floor(calls++ / 500) })
    const ids = Array.from({ length: 5000 }, () => next())
    expect([...ids].sort()).toEqual(ids)
  })

  it('stays ordered when the random seed of a millisecond is at its largest', () => {
    const next = createUuidV7Generator({ now: () => 42, randomBytes: (bytes) => bytes.fill(0xff) })
    const ids = Array.from({ length: 1000 }, () => next())
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(1000)
    for (const id of ids) expect(id).toMatch(V7)
  })

  it('stays increasing when the clock steps backwards', () => {
    const times = [5_000, 5_000, 4_000, 3_999, 5_000, 6_000, 2_000]
    let i = 0
    const next = createUuidV7Generator({ now: () => times[i++]! })
    const ids = times.map(() => next())
    expect([...ids].sort()).toEqual(ids)
    expect(uuidv7Timestamp(ids[3]!)).toBe(5_000)
    expect(uuidv7Timestamp(ids[5]!)).toBe(6_000)
  })

  it('keeps ids of successive milliseconds ordered whatever the random bytes are', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 50 }), fc.uint8Array({ minLength: 10, maxLength: 10 }), (steps, seed) => {
        let t = 1_000_000
        let s = 0
        const next = createUuidV7Generator({
          now: () => t,
          randomBytes: (bytes) => {
            bytes.set(seed.map((b) => (b + s++) & 0xff))
          },
        })
        const ids = steps.map((step) => {
          t += step
          return next()
        })
        return ids.every((id, k) => k === 0 || ids[k - 1]! < id)
      }),
    )
  })

  it('does not repeat across 100,000 ids', () => {
    const ids = new Set(Array.from({ length: 100_000 }, () => uuidv7()))
    expect(ids.size).toBe(100_000)
  })

  it('refuses a clock outside the 48-bit range', () => {
    expect(() => createUuidV7Generator({ now: () => -1 })()).toThrow(RangeError)
    expect(() => createUuidV7Generator({ now: () => 2 ** 48 })()).toThrow(RangeError)
  })
})

describe('isUuid', () => {
  it('accepts every RFC version, the nil and the max UUID, in either case', () => {
    expect(isUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(true) // v1
    expect(isUuid('f47ac10b-58cc-4372-a567-0e02b2c3d479')).toBe(true) // v4
    expect(isUuid('F47AC10B-58CC-4372-A567-0E02B2C3D479')).toBe(true)
    expect(isUuid('2c9f5c5e-5f7e-5a59-8e15-9e9c0c0f5e9e')).toBe(true) // v5
    expect(isUuid('01932c07-209c-7e44-8a35-1a2b3c4d5e6f')).toBe(true) // v7
    expect(isUuid('01932c07-209c-8e44-9a35-1a2b3c4d5e6f')).toBe(true) // v8
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true)
    expect(isUuid('FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF')).toBe(true)
  })

  it('rejects malformed strings, unknown versions and the wrong variant', () => {
    for (const bad of [
      '',
      'not-a-uuid',
      'f47ac10b58cc4372a5670e02b2c3d479', // no hyphens
      '{f47ac10b-58cc-4372-a567-0e02b2c3d479}',
      'f47ac10b-58cc-4372-a567-0e02b2c3d47', // short
      'g47ac10b-58cc-4372-a567-0e02b2c3d479', // not hex
      'f47ac10b-58cc-0372-a567-0e02b2c3d479', // version 0
      'f47ac10b-58cc-9372-a567-0e02b2c3d479', // version 9
      'f47ac10b-58cc-4372-c567-0e02b2c3d479', // Microsoft variant
      ' f47ac10b-58cc-4372-a567-0e02b2c3d479',
    ]) {
      expect(isUuid(bad), bad).toBe(false)
    }
    expect(isUuid(42)).toBe(false)
    expect(isUuid(null)).toBe(false)
  })

  it('reads no timestamp out of other versions', () => {
    expect(uuidv7Timestamp('f47ac10b-58cc-4372-a567-0e02b2c3d479')).toBeNull()
    expect(uuidv7Timestamp('nope')).toBeNull()
  })
})

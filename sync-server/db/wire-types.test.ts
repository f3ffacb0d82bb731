import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseWireTimestamp, toWireTimestamp } from './wire-types'

/** A timestamp as PostgreSQL prints it in a session at `offset` (ISO DateStyle): fraction without trailing zeros. */
function printed(ms: number, micros: number, offset: string): string {
  const iso = new Date(ms).toISOString() // yyyy-mm-ddThh:mm:ss.mmmZ for years 0001–9999
  const fraction = `${iso.slice(20, 23)}${String(micros).padStart(3, '0')}`.replace(/0+$/, '')
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''}${offset}`
}

describe('toWireTimestamp', () => {
  it('answers as the general parse for every UTC timestamp PostgreSQL prints (the rearranging fast path)', () => {
    const first = new Date(0) // year 0001 (Date.UTC would read 1 as 1901)
    first.setUTCFullYear(1, 0, 1)
    fc.assert(
      fc.property(fc.integer({ min: first.getTime(), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), fc.integer({ min: 0, max: 999 }), (ms, micros) => {
        const text = printed(ms, micros, '+00')
        expect(toWireTimestamp(text)).toBe(parseWireTimestamp(text))
        expect(toWireTimestamp(text)).toBe(new Date(ms).toISOString())
      }),
      { numRuns: 5_000 },
    )
  })

  it('keeps the general path for other offsets and the exact boundaries of the fast path', () => {
    expect(toWireTimestamp('2026-11-25 16:39:39.123+09')).toBe('2026-11-25T07:39:39.123Z')
    expect(toWireTimestamp('2026-11-25 07:00:00+00')).toBe('2026-11-25T07:00:00.000Z')
    expect(toWireTimestamp('2026-11-25 07:00:00.5+00')).toBe('2026-11-25T07:00:00.500Z')
    expect(toWireTimestamp('2026-11-25 07:00:00.123456+00')).toBe('2026-11-25T07:00:00.123Z')
    expect(toWireTimestamp('2026-11-25 07:00:00+05:30')).toBe('2026-11-25T01:30:00.000Z')
    expect(toWireTimestamp('0026-11-25 07:00:00+00')).toBe('0026-11-25T07:00:00.000Z')
    expect(() => toWireTimestamp('2026-11-25 07:00:00+00 BC')).toThrow(RangeError)
    expect(() => toWireTimestamp('infinity')).toThrow(RangeError)
  })
})

import { describe, expect, it } from 'vitest'
import { isUuid } from './uuidv7'
import { pairId, sha1, uuidv5 } from './pair-id'

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

const CLASS = '0190a000-0000-7000-8000-0000000c1a55'
const TRAINEE = '0190a000-0000-7000-8000-00000000a001'

describe('sha1 (pure JS)', () => {
  it('matches the FIPS 180-4 test vectors, including a multi-block message', () => {
    expect(hex(sha1(utf8('')))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709')
    expect(hex(sha1(utf8('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d')
    expect(hex(sha1(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1')
    expect(hex(sha1(utf8('a'.repeat(1000))))).toBe('291e9a6c66994949b57ba5e650361e98fc36b1ba')
  })
})

describe('uuidv5', () => {
  it('matches the RFC 9562 example (DNS namespace, www.example.com)', () => {
    expect(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2')
  })
})

describe('pairId', () => {
  it('is the same for the same pair on every call (two devices write one row)', () => {
    const a = pairId('attendance_records', CLASS, TRAINEE)
    expect(a).toBe(pairId('attendance_records', CLASS, TRAINEE))
    expect(a).toBe(pairId('attendance_records', CLASS.toUpperCase(), TRAINEE))
    expect(isUuid(a)).toBe(true)
    expect(a[14]).toBe('5')
  })

  it('differs by table, by order and by either id', () => {
    const ids = new Set([
      pairId('attendance_records', CLASS, TRAINEE),
      pairId('enrollments', CLASS, TRAINEE),
      pairId('attendance_records', TRAINEE, CLASS),
      pairId('attendance_records', CLASS, '0190a000-0000-7000-8000-00000000a002'),
    ])
    expect(ids.size).toBe(4)
  })

  it('refuses something that is not a UUID', () => {
    expect(() => pairId('enrollments', 'class-1', TRAINEE)).toThrow(RangeError)
  })
})

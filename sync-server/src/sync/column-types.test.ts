import { describe, expect, it } from 'vitest'
import { companies, meetings, instructors } from '../../db/schema'
import { columnShape, columnValidator } from './column-types'

const check = (column: Parameters<typeof columnValidator>[0], value: unknown) => columnValidator(column)(value)

describe('column validators derived from the Drizzle schema', () => {
  it('reads shapes from SQL types', () => {
    expect(columnShape('varchar(255)')).toEqual({ kind: 'text', maxLength: 255 })
    expect(columnShape('numeric(5, 2)')).toEqual({ kind: 'numeric', precision: 5, scale: 2 })
    expect(columnShape('timestamp(3) with time zone')).toEqual({ kind: 'timestamptz' })
    expect(columnShape('time(0)')).toEqual({ kind: 'time' })
    expect(columnShape('xid8')).toEqual({ kind: 'unsupported' })
  })

  it('checks strings by length in characters, enums and NUL', () => {
    expect(check(companies.name, '홍'.repeat(255))).toEqual({ ok: true, value: '홍'.repeat(255) })
    expect(check(companies.name, 'x'.repeat(256)).ok).toBe(false)
    expect(check(companies.tier, 'GOLD').ok).toBe(true)
    expect(check(companies.tier, 'gold').ok).toBe(false)
    expect(check(companies.name, 'a\u0000b').ok).toBe(false)
    expect(check(companies.name, null)).toEqual({ ok: false, reason: 'must not be null' })
    expect(check(companies.description, null)).toEqual({ ok: true, value: null })
  })

  it('normalizes timestamps to the wire encoding and refuses impossible dates and times', () => {
    expect(check(companies.deletedAt, '2026-11-25T16:39:39+09:00')).toEqual({ ok: true, value: '2026-11-25T07:39:39.000Z' })
    expect(check(companies.deletedAt, '2026-11-25 07:39:39').ok).toBe(false)
    expect(check(meetings.date, '2026-02-29').ok).toBe(false)
    expect(check(meetings.date, '2028-02-29').ok).toBe(true)
    expect(check(meetings.startTime, '09:30').ok).toBe(true)
    expect(check(meetings.startTime, '24:00').ok).toBe(false)
  })

  it('checks numbers by column type', () => {
    expect(check(companies.annualRevenue, 2 ** 53).ok).toBe(false)
    expect(check(companies.annualRevenue, 9_007_199_254_740_991).ok).toBe(true)
    expect(check(companies.employeeCount, 1.5).ok).toBe(false)
    expect(check(companies.employeeCount, '12').ok).toBe(false)
    expect(check(instructors.rating, 4.756)).toEqual({ ok: true, value: 4.76 })
    expect(check(instructors.rating, 1000).ok).toBe(false)
    expect(check(companies.customFields, { a: [1, 'b'] }).ok).toBe(true)
  })
})

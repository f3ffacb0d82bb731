import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  dayOfWeek,
  daysBetween,
  formatKoreanDate,
  formatKoreanDateShort,
  formatKoreanDateTime,
  formatKoreanMonthDay,
  formatKoreanTime,
  isIsoDate,
  isIsoTime,
  isIsoTimestamp,
  minutesBetweenTimes,
  todayIsoDate,
  toIsoDate,
  toIsoTime,
  toIsoTimestamp,
} from './dates'

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

describe('Korean date formats', () => {
  it('writes the full date with the weekday', () => {
    expect(formatKoreanDate('2026-03-01')).toBe('2026년 3월 1일 일요일')
    expect(formatKoreanDate('2026-12-25')).toBe('2026년 12월 25일 금요일')
    expect(formatKoreanDate('2024-02-29')).toBe('2024년 2월 29일 목요일')
  })

  it('has short forms for lists and calendars', () => {
    expect(formatKoreanDateShort('2026-03-01')).toBe('2026. 3. 1.')
    expect(formatKoreanMonthDay('2026-03-01')).toBe('3월 1일 (일)')
  })

  it('writes times with 오전/오후', () => {
    expect(formatKoreanTime('14:05')).toBe('오후 2:05')
    expect(formatKoreanTime('09:30')).toBe('오전 9:30')
    expect(formatKoreanTime('00:30')).toBe('오전 12:30')
    expect(formatKoreanTime('12:00')).toBe('오후 12:00')
  })

  it('shows a stored UTC timestamp in Korean time', () => {
    expect(formatKoreanDateTime('2026-02-28T15:30:00.000Z')).toBe('2026. 3. 1. 오전 12:30')
    expect(formatKoreanDateTime('2026-02-28T15:30:00.000Z', 'UTC')).toBe('2026. 2. 28. 오후 3:30')
  })

  it('refuses impossible dates rather than showing a wrong one', () => {
    expect(() => formatKoreanDate('2026-02-30')).toThrow(RangeError)
    expect(() => formatKoreanTime('24:00')).toThrow(RangeError)
  })

  it('agrees with Intl on the weekday for any date', () => {
    const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: 'UTC' })
    const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
    fc.assert(fc.property(isoDate, (d) => names[dayOfWeek(d)] === weekday.format(new Date(`${d}T00:00:00Z`))))
  })
})

describe('ISO helpers', () => {
  it('validates the stored encodings', () => {
    expect(isIsoDate('2026-03-01')).toBe(true)
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2026-3-1')).toBe(false)
    expect(isIsoTime('09:05')).toBe(true)
    expect(isIsoTime('9:05')).toBe(false)
    expect(isIsoTime('23:60')).toBe(false)
    expect(isIsoTime('09:05:00')).toBe(false)
    expect(isIsoTimestamp('2026-11-25T07:39:39.123Z')).toBe(true)
    expect(isIsoTimestamp('2026-11-25T07:39:39Z')).toBe(false)
    expect(isIsoTimestamp('2026-11-25T07:39:39.123+09:00')).toBe(false)
    expect(isIsoTimestamp('2026-02-30T07:39:39.123Z')).toBe(false)
  })

  it('stores instants as UTC with milliseconds', () => {
    expect(toIsoTimestamp(new Date(Date.UTC(2026, 10, 25, 7, 39, 39, 123)))).toBe('2026-11-25T07:39:39.123Z')
    expect(() => toIsoTimestamp(new Date(Number.NaN))).toThrow(RangeError)
  })

  it('takes today and the time of day in Korea, not on the machine clock’s zone', () => {
    const lateEveningUtc = new Date('2026-02-28T16:00:00.000Z') // 01:00 on 1 March in Seoul
    expect(todayIsoDate(lateEveningUtc)).toBe('2026-03-01')
    expect(toIsoDate(lateEveningUtc, 'UTC')).toBe('2026-02-28')
    expect(toIsoTime(lateEveningUtc)).toBe('01:00')
    expect(toIsoTime(new Date('2026-02-28T15:00:00.000Z'))).toBe('00:00')
  })
})

describe('date arithmetic', () => {
  it('counts days between dates, across months and leap days', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30)
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30)
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365)
  })

  it('adds days consistently with daysBetween', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
    fc.assert(fc.property(isoDate, fc.integer({ min: -3000, max: 3000 }), (d, n) => daysBetween(d, addDays(d, n)) === n))
  })

  it('measures a class from its start and end times', () => {
    expect(minutesBetweenTimes('09:00', '18:00')).toBe(540)
    expect(minutesBetweenTimes('13:30', '15:00')).toBe(90)
    expect(minutesBetweenTimes('15:00', '13:30')).toBe(-90)
  })
})

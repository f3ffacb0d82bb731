// Dates are calendar dates 'YYYY-MM-DD', times of day 'HH:MM', timestamps ISO-8601 UTC with ms
// (docs/architecture.md §2). Calendar arithmetic runs in UTC so the machine's time zone never shifts a date;
// turning an instant into a local date or time takes an explicit time zone (Korea by default).

export const KOREA_TIME_ZONE = 'Asia/Seoul'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const ISO_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const DAY_MS = 86_400_000
const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'] as const

interface CalendarDate {
  year: number
  month: number
  day: number
}

function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day) // unlike Date.UTC, keeps years 0–99 as written
  return date
}

function parseDate(value: string): CalendarDate | null {
  const match = ISO_DATE.exec(value)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = utcDate(year, month, day)
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return { year, month, day }
}

function requireDate(value: string): CalendarDate {
  const parsed = parseDate(value)
  if (!parsed) throw new RangeError(`not a calendar date 'YYYY-MM-DD': ${JSON.stringify(value)}`)
  return parsed
}

function requireTime(value: string): { hour: number; minute: number } {
  const match = ISO_TIME.exec(value)
  if (!match) throw new RangeError(`not a time of day 'HH:MM': ${JSON.stringify(value)}`)
  return { hour: Number(match[1]), minute: Number(match[2]) }
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0')
}

function dateText({ year, month, day }: CalendarDate): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

/** True for an existing calendar date written 'YYYY-MM-DD' (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  return parseDate(value) !== null
}

/** True for a time of day 'HH:MM' (00:00–23:59). */
export function isIsoTime(value: string): boolean {
  return ISO_TIME.test(value)
}

/** True for a UTC timestamp in the stored form, e.g. 2026-11-25T07:39:39.123Z. */
export function isIsoTimestamp(value: string): boolean {
  if (!ISO_TIMESTAMP.test(value)) return false
  const time = Date.parse(value)
  return Number.isFinite(time) && new Date(time).toISOString() === value
}

/** The stored timestamp form of an instant: ISO-8601 UTC with milliseconds. */
export function toIsoTimestamp(instant: Date = new Date()): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('toIsoTimestamp: invalid date')
  return instant.toISOString()
}

const zonedFormats = new Map<string, Intl.DateTimeFormat>()

function zonedParts(instant: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', number> {
  let format = zonedFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    })
    zonedFormats.set(timeZone, format)
  }
  const parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0 }
  for (const part of format.formatToParts(instant)) {
    if (part.type in parts) parts[part.type as keyof typeof parts] = Number(part.value)
  }
  return parts
}

/** The calendar date an instant falls on in a time zone (Korea unless told otherwise). */
export function toIsoDate(instant: Date, timeZone: string = KOREA_TIME_ZONE): string {
  const { year, month, day } = zonedParts(instant, timeZone)
  return dateText({ year, month, day })
}

/** The time of day 'HH:MM' of an instant in a time zone (Korea unless told otherwise). */
export function toIsoTime(instant: Date, timeZone: string = KOREA_TIME_ZONE): string {
  const { hour, minute } = zonedParts(instant, timeZone)
  return `${pad(hour)}:${pad(minute)}`
}

/** Today's date in a time zone (Korea unless told otherwise). */
export function todayIsoDate(now: Date = new Date(), timeZone: string = KOREA_TIME_ZONE): string {
  return toIsoDate(now, timeZone)
}

/** The date n days later (or earlier for negative n). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`addDays: days must be an integer, got ${days}`)
  const { year, month, day } = requireDate(date)
  const shifted = utcDate(year, month, day + days)
  return dateText({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() })
}

/** Whole days from `from` to `to` (negative when `to` is earlier): 2026-03-01 → 2026-03-31 is 30. */
export function daysBetween(from: string, to: string): number {
  const a = requireDate(from)
  const b = requireDate(to)
  return Math.round((utcDate(b.year, b.month, b.day).getTime() - utcDate(a.year, a.month, a.day).getTime()) / DAY_MS)
}

/** Minutes from one time of day to a later one ('09:00' → '18:00' is 540); negative if `end` is earlier. */
export function minutesBetweenTimes(start: string, end: string): number {
  const a = requireTime(start)
  const b = requireTime(end)
  return b.hour * 60 + b.minute - (a.hour * 60 + a.minute)
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  const { year, month, day } = requireDate(date)
  return utcDate(year, month, day).getUTCDay()
}

/** 2026년 3월 1일 일요일 */
export function formatKoreanDate(date: string): string {
  const { year, month, day } = requireDate(date)
  return `${year}년 ${month}월 ${day}일 ${WEEKDAYS[dayOfWeek(date)]}요일`
}

/** 2026. 3. 1. — lists and tables. */
export function formatKoreanDateShort(date: string): string {
  const { year, month, day } = requireDate(date)
  return `${year}. ${month}. ${day}.`
}

/** 3월 1일 (일) — calendars and agendas within a year. */
export function formatKoreanMonthDay(date: string): string {
  const { month, day } = requireDate(date)
  return `${month}월 ${day}일 (${WEEKDAYS[dayOfWeek(date)]})`
}

/** 오후 2:05 for '14:05'; 오전 12:30 for '00:30'. Written out because ICU builds disagree on 오전/오후 vs AM/PM. */
export function formatKoreanTime(time: string): string {
  const { hour, minute } = requireTime(time)
  const hour12 = hour % 12 === 0 ? 12 : hour % 12
  return `${hour < 12 ? '오전' : '오후'} ${hour12}:${pad(minute)}`
}

/** 2026. 3. 1. 오후 2:05 — a stored UTC timestamp shown in a time zone (Korea unless told otherwise). */
export function formatKoreanDateTime(timestamp: string, timeZone: string = KOREA_TIME_ZONE): string {
  const instant = new Date(timestamp)
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not a timestamp: ${JSON.stringify(timestamp)}`)
  return `${formatKoreanDateShort(toIsoDate(instant, timeZone))} ${formatKoreanTime(toIsoTime(instant, timeZone))}`
}

// ── Dates in the user's language ─────────────────────────────────────────────────────────────────────────────────
// Written out rather than left to Intl, for the same reason as formatKoreanTime: ICU builds differ, and a screen must
// read the same on every PC. The renderer's lib/dates.ts passes the current language.

export type DateLanguage = 'ko' | 'en'

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const

/** 2026년 3월 1일 일요일 / Sun, Mar 1, 2026 */
export function formatDateLong(date: string, language: DateLanguage): string {
  if (language === 'ko') return formatKoreanDate(date)
  const { year, month, day } = requireDate(date)
  return `${EN_WEEKDAYS[dayOfWeek(date)]}, ${EN_MONTHS[month - 1]} ${day}, ${year}`
}

/** 2026. 3. 1. / Mar 1, 2026 */
export function formatDateShort(date: string, language: DateLanguage): string {
  if (language === 'ko') return formatKoreanDateShort(date)
  const { year, month, day } = requireDate(date)
  return `${EN_MONTHS[month - 1]} ${day}, ${year}`
}

/** 3월 1일 (일) / Sun, Mar 1 */
export function formatMonthDay(date: string, language: DateLanguage): string {
  if (language === 'ko') return formatKoreanMonthDay(date)
  const { month, day } = requireDate(date)
  return `${EN_WEEKDAYS[dayOfWeek(date)]}, ${EN_MONTHS[month - 1]} ${day}`
}

/** 오후 2:05 / 2:05 PM */
export function formatTimeOfDay(time: string, language: DateLanguage): string {
  if (language === 'ko') return formatKoreanTime(time)
  const { hour, minute } = requireTime(time)
  const hour12 = hour % 12 === 0 ? 12 : hour % 12
  return `${hour12}:${pad(minute)} ${hour < 12 ? 'AM' : 'PM'}`
}

/** 2026. 3. 1. 오후 2:05 / Mar 1, 2026 2:05 PM — a stored UTC timestamp in a time zone (Korea unless told otherwise). */
export function formatDateTime(timestamp: string, language: DateLanguage, timeZone: string = KOREA_TIME_ZONE): string {
  if (language === 'ko') return formatKoreanDateTime(timestamp, timeZone)
  const instant = new Date(timestamp)
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not a timestamp: ${JSON.stringify(timestamp)}`)
  return `${formatDateShort(toIsoDate(instant, timeZone), 'en')} ${formatTimeOfDay(toIsoTime(instant, timeZone), 'en')}`
}

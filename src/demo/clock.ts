/**
 * Demo-data time. Output must not depend on when the generator runs, so every date is relative to a reference
 * instant derived from the seed (or given explicitly, e.g. "today" by the app's "try with demo data").
 * Business events happen in Korean time (UTC+9): dates and HH:MM times are KST, timestamps are UTC ISO strings.
 */
import { hash32, type DemoSeed, type Random } from './prng'

export const DAY_MS = 86_400_000
const KST_OFFSET_MS = 9 * 3_600_000

/** Seed-derived reference days fall in the 90 days from this date (a Tuesday, 09:00 KST). */
const REFERENCE_BASE_MS = Date.UTC(2026, 8, 1, 0, 0, 0)

/** The reference "now" of a demo data set: 09:00 KST on a seed-dependent day in Sep–Nov 2026. */
export function referenceTimeForSeed(seed: DemoSeed): number {
  return REFERENCE_BASE_MS + (hash32(`reference:${String(seed)}`) % 90) * DAY_MS
}

/** ISO-8601 UTC with milliseconds: the wire encoding of every `*_at` column. */
export function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString()
}

/** The KST calendar date of an instant, `YYYY-MM-DD`. */
export function kstDate(ms: number): string {
  return new Date(ms + KST_OFFSET_MS).toISOString().slice(0, 10)
}

/** The UTC instant of a KST wall-clock time on a KST date. */
export function kstInstant(date: string, hhmm = '00:00'): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [hh, mm] = hhmm.split(':').map(Number) as [number, number]
  return Date.UTC(y, m - 1, d, hh, mm) - KST_OFFSET_MS
}

export function addDays(date: string, days: number): string {
  return kstDate(kstInstant(date) + days * DAY_MS)
}

export function daysBetween(from: string, to: string): number {
  return Math.round((kstInstant(to) - kstInstant(from)) / DAY_MS)
}

/** 0 = Sunday … 6 = Saturday, of a KST date. */
export function weekday(date: string): number {
  return new Date(kstInstant(date) + KST_OFFSET_MS).getUTCDay()
}

/** The date itself if it is a weekday, otherwise the following Monday (classes and meetings are on working days). */
export function nextWorkday(date: string): string {
  const day = weekday(date)
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date
}

export function hhmm(minutesOfDay: number): string {
  const h = Math.floor(minutesOfDay / 60)
  const m = minutesOfDay % 60
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
}

/** A random instant during KST office hours (08:30–19:00) on the given KST date. */
export function officeInstant(random: Random, date: string): number {
  return kstInstant(date) + random.int(8 * 60 + 30, 19 * 60) * 60_000 + random.int(0, 59_999)
}

/** A random instant between two instants, weighted toward the later end when `recentBias` > 1. */
export function instantBetween(random: Random, fromMs: number, toMs: number, recentBias = 1): number {
  if (toMs <= fromMs) return fromMs
  const u = recentBias === 1 ? random.next() : 1 - Math.pow(random.next(), recentBias)
  return Math.floor(fromMs + u * (toMs - fromMs))
}

/**
 * PostgreSQL text values → wire encoding (docs/architecture.md §2). Used twice: by the pool's type parsers (raw
 * queries) and by the Drizzle column types (Drizzle asks `pg` for raw timestamp text and maps it itself), so a row
 * read either way is the same JSON a device holds.
 */

// 2026-11-25 16:39:39.123+09, 2026-11-25 07:39:39+00, … +05:30, historical offsets with seconds (+08:27:52).
const TIMESTAMPTZ = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?|Z)?$/

/**
 * `timestamptz` text in any session time zone → `2026-11-25T07:39:39.123Z` (UTC, always with milliseconds).
 * Text without an offset (a plain `timestamp`) is read as UTC. Sub-millisecond digits are truncated: the wire and
 * the device keep milliseconds.
 */
export function toWireTimestamp(text: string): string {
  // A UTC session (the usual case): `2026-11-25 07:39:39.12+00` is already UTC, so it is rearranged, not computed.
  // Four-digit years only (toISOString writes those as they are); anything else takes the general path below.
  const utc = UTC_TIMESTAMP.exec(text)
  if (utc) return `${utc[1]}T${utc[2]}.${`${utc[3] ?? ''}000`.slice(0, 3)}Z`
  return parseWireTimestamp(text)
}

// PostgreSQL prints 1–6 fraction digits without trailing zeros, and no fraction at all for whole seconds.
const UTC_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/

/** toWireTimestamp by computing the instant: any offset (exported for the test comparing the two paths). */
export function parseWireTimestamp(text: string): string {
  const m = TIMESTAMPTZ.exec(text)
  if (!m) throw new RangeError(`Not a timestamp PostgreSQL should produce: ${text}`)
  const [, y, mo, d, h, mi, s, frac = '', sign, oh = '0', om = '0', os = '0'] = m
  const ms = Number(`${frac}000`.slice(0, 3))
  const offsetSeconds = (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60 + Number(os))
  const local = new Date(0)
  // setUTCFullYear keeps years below 100 literal (Date.UTC would read 0026 as 1926).
  local.setUTCFullYear(Number(y), Number(mo) - 1, Number(d))
  local.setUTCHours(Number(h), Number(mi), Number(s), ms)
  return new Date(local.getTime() - offsetSeconds * 1000).toISOString()
}

/** `time` text `09:30:00` → `09:30`: times of day are minutes on the wire. */
export function toWireTime(text: string): string {
  if (!/^\d{2}:\d{2}/.test(text)) throw new RangeError(`Not a time of day: ${text}`)
  return text.slice(0, 5)
}

/** `int8` text → number. Refuses values a JS number cannot hold exactly instead of silently rounding them. */
export function toWireInteger(text: string): number {
  const value = Number(text)
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} is outside the exact JS integer range`)
  return value
}

/** `numeric` text → number (rates and measures; money is int8, never numeric). */
export function toWireNumber(text: string): number {
  return Number(text)
}

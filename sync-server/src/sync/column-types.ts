/**
 * Value validators for device-written columns, derived from the Drizzle pg-core column (its SQL type, length, enum
 * values and nullability), so the wire check can never drift from the table: a column added to the schema is
 * validated the day it appears, and a value PostgreSQL would refuse is answered `rejected` with a reason instead of
 * failing a statement.
 *
 * A validator returns the value in its wire encoding (docs/architecture.md §2) — e.g. a timestamp with an offset
 * becomes `…Z` with milliseconds — so the server compares and stores exactly what a device will pull back.
 */
import type { PgColumn } from 'drizzle-orm/pg-core'

export type ColumnCheck = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string }

export type ColumnValidator = (value: unknown) => ColumnCheck

/** How a column is written to and read from the wire; `unsupported` columns are never writable by a device. */
export type ColumnKind =
  'uuid' | 'text' | 'timestamptz' | 'date' | 'time' | 'bigint' | 'integer' | 'smallint' | 'numeric' | 'float' | 'boolean' | 'json' | 'unsupported'

export interface ColumnShape {
  readonly kind: ColumnKind
  readonly maxLength?: number
  readonly precision?: number
  readonly scale?: number
}

export function columnShape(sqlType: string): ColumnShape {
  const type = sqlType.toLowerCase().trim()
  const varchar = /^(?:varchar|character varying)(?:\((\d+)\))?$/.exec(type)
  if (varchar) return varchar[1] ? { kind: 'text', maxLength: Number(varchar[1]) } : { kind: 'text' }
  const numeric = /^numeric(?:\((\d+),\s*(\d+)\))?$/.exec(type)
  if (numeric) return numeric[1] ? { kind: 'numeric', precision: Number(numeric[1]), scale: Number(numeric[2]) } : { kind: 'numeric' }
  if (type === 'uuid') return { kind: 'uuid' }
  if (type === 'text') return { kind: 'text' }
  if (/^timestamp(\s*\(\d\))?\s+with time zone$/.test(type) || type === 'timestamptz') return { kind: 'timestamptz' }
  if (type === 'date') return { kind: 'date' }
  if (/^time(\s*\(\d\))?(\s+without time zone)?$/.test(type)) return { kind: 'time' }
  if (type === 'bigint' || type === 'int8') return { kind: 'bigint' }
  if (type === 'integer' || type === 'int' || type === 'int4') return { kind: 'integer' }
  if (type === 'smallint' || type === 'int2') return { kind: 'smallint' }
  if (type === 'real' || type === 'double precision') return { kind: 'float' }
  if (type === 'boolean') return { kind: 'boolean' }
  if (type === 'jsonb' || type === 'json') return { kind: 'json' }
  return { kind: 'unsupported' }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}:\d{2})$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

const fail = (reason: string): ColumnCheck => ({ ok: false, reason })
const pass = (value: unknown): ColumnCheck => ({ ok: true, value })

function isCalendarDate(y: number, m: number, d: number): boolean {
  const probe = new Date(Date.UTC(2000, m - 1, d))
  probe.setUTCFullYear(y)
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d
}

/** PostgreSQL text cannot hold U+0000 (neither can jsonb strings): refuse it instead of failing the statement. */
function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000')
  if (Array.isArray(value)) return value.some(hasNul)
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).some(([k, v]) => k.includes('\u0000') || hasNul(v))
  }
  return false
}

function checkInteger(value: unknown, min: number, max: number, label: string): ColumnCheck {
  if (typeof value !== 'number' || !Number.isInteger(value)) return fail(`expected an integer (${label})`)
  if (value < min || value > max) return fail(`${value} is out of range for ${label}`)
  return pass(value)
}

function valueValidator(shape: ColumnShape, enumValues: readonly string[] | undefined): ColumnValidator {
  switch (shape.kind) {
    case 'uuid':
      return (v) => (typeof v === 'string' && UUID.test(v) ? pass(v.toLowerCase()) : fail('expected a UUID'))
    case 'text':
      return (v) => {
        if (typeof v !== 'string') return fail('expected a string')
        if (hasNul(v)) return fail('text must not contain U+0000')
        // PostgreSQL counts characters (code points), not UTF-16 units: 홍길동 is 3, an emoji is 1.
        if (shape.maxLength !== undefined && [...v].length > shape.maxLength) return fail(`longer than ${shape.maxLength} characters`)
        if (enumValues && !enumValues.includes(v)) return fail(`must be one of ${enumValues.join(', ')}`)
        return pass(v)
      }
    case 'timestamptz':
      return (v) => {
        const m = typeof v === 'string' ? TIMESTAMP.exec(v) : null
        if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) {
          return fail('expected an ISO-8601 timestamp with a time zone, e.g. 2026-11-25T07:39:39.123Z')
        }
        const millis = Date.parse(v as string)
        if (Number.isNaN(millis)) return fail('expected an ISO-8601 timestamp')
        return pass(new Date(millis).toISOString())
      }
    case 'date':
      return (v) => {
        const m = typeof v === 'string' ? DATE.exec(v) : null
        return m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) ? pass(v) : fail('expected a date YYYY-MM-DD')
      }
    case 'time':
      return (v) => (typeof v === 'string' && TIME.test(v) ? pass(v) : fail('expected a time of day HH:MM'))
    case 'bigint':
      return (v) => checkInteger(v, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'a safe integer')
    case 'integer':
      return (v) => checkInteger(v, -2_147_483_648, 2_147_483_647, 'a 32-bit integer')
    case 'smallint':
      return (v) => checkInteger(v, -32_768, 32_767, 'a 16-bit integer')
    case 'numeric':
      return (v) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) return fail('expected a number')
        if (shape.precision === undefined || shape.scale === undefined) return pass(v)
        // PostgreSQL rounds to the column's scale on the way in; round here so the stored value and the value the
        // server compares (and a device pulls back) are the same number.
        const rounded = Number(v.toFixed(shape.scale))
        if (Math.abs(rounded) >= 10 ** (shape.precision - shape.scale)) {
          return fail(`${v} does not fit numeric(${shape.precision},${shape.scale})`)
        }
        return pass(rounded)
      }
    case 'float':
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? pass(v) : fail('expected a number'))
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? pass(v) : fail('expected true or false'))
    case 'json':
      // The wire schema already guarantees a JSON value; only what jsonb cannot store is refused here.
      return (v) => (hasNul(v) ? fail('JSON text must not contain U+0000') : pass(v))
    case 'unsupported':
      return () => fail('this column cannot be written by a device')
  }
}

/** The column's enumeration values (Drizzle keeps them on the runtime column; see db/schema/columns.ts). */
export function enumValuesOf(column: PgColumn): readonly string[] | undefined {
  const values = column.enumValues
  return values && values.length > 0 ? values : undefined
}

export function columnValidator(column: PgColumn): ColumnValidator {
  const check = valueValidator(columnShape(column.getSQLType()), enumValuesOf(column))
  const nullable = !column.notNull
  return (value) => {
    if (value === null) return nullable ? pass(null) : fail('must not be null')
    return check(value)
  }
}

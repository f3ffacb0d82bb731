/**
 * Column helpers for the server schema (PostgreSQL). Each helper is one row of the encoding table in
 * docs/architecture.md §2; src/main/db/schema/columns.ts is its device twin with the same names.
 */
import { sql, type SQL } from 'drizzle-orm'
import { bigint, boolean, check, customType, date as pgDate, integer, jsonb, numeric, uuid, varchar, type PgColumn } from 'drizzle-orm/pg-core'
import { toWireTime, toWireTimestamp } from '../wire-types'

/**
 * `timestamp(3) with time zone` read as the wire's ISO string. Drizzle's own `mode: 'string'` returns PostgreSQL's
 * text (`2026-11-25 16:39:39.123+09`, depending on the session time zone), which would not compare equal to the same
 * instant held by a device; this type normalises it to `2026-11-25T07:39:39.123Z`.
 */
export const timestamptz = customType<{ data: string; driverData: string }>({
  dataType: () => 'timestamp(3) with time zone',
  fromDriver: toWireTimestamp,
})

/** `time(0)` read as `HH:MM` (PostgreSQL prints `HH:MM:SS`). */
export const timeOfDay = customType<{ data: string; driverData: string }>({
  dataType: () => 'time(0)',
  fromDriver: toWireTime,
})

/** PostgreSQL 13+ transaction id (64-bit, never wraps) as a decimal string: the change-log order key. */
export const xid8 = customType<{ data: string; driverData: string }>({
  dataType: () => 'xid8',
})

export const id = (name: string) => uuid(name)
export const date = (name: string) => pgDate(name, { mode: 'string' })
/** Whole won (KRW has no minor unit); other currencies in their minor unit. */
export const money = (name: string) => bigint(name, { mode: 'number' })
/** Rates, ratings, percentages with two decimals. */
export const rate = (name: string) => numeric(name, { precision: 5, scale: 2, mode: 'number' })
/** A KPI measure: a currency amount, a percentage, a count or days, depending on the KPI's unit. */
export const measure = (name: string) => numeric(name, { precision: 15, scale: 2, mode: 'number' })
export const count = (name: string) => integer(name)
export const flag = (name: string) => boolean(name)
/** The seed's TEXT[]: one JSON encoding for both dialects. */
export const stringList = (name: string) => jsonb(name).$type<string[]>().notNull().default([])
export const json = <T>(name: string) => jsonb(name).$type<T>()
/** A list of structured items (attachments, competitor mentions …), never null. */
export const jsonList = <T>(name: string) => jsonb(name).$type<T[]>().notNull().default([])
export const enumText = <const T extends readonly [string, ...string[]]>(name: string, values: T, length = 30) =>
  varchar(name, { length, enum: values as unknown as [T[number], ...T[number][]] })

export const now = sql`now()`

/** The columns every synced table has (docs/architecture.md §3), plus the server-only per-field HLC stamps. */
export function syncColumns() {
  return {
    id: uuid('id').primaryKey(),
    createdAt: timestamptz('created_at').notNull().default(now),
    updatedAt: timestamptz('updated_at').notNull().default(now),
    deletedAt: timestamptz('deleted_at'),
    // Who-columns are not foreign keys: the server writes them from the authenticated session, and declaring them
    // would make every table (users and roles included) depend on users, a cycle with no benefit.
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    deletedBy: uuid('deleted_by'),
    /** `{ column: "<hlc>@<txid>" }` of the winning write of each field (src/shared/sync/merge.ts). */
    fieldHlc: jsonb('field_hlc').$type<Record<string, string>>().notNull().default({}),
  }
}

/**
 * Rows that are not soft-deleted: the predicate of the partial indexes that serve live-row lookups and uniques.
 * Foreign-key indexes the sync server's scope queries walk (company → branches → contacts, owner columns, activity
 * targets) are deliberately NOT partial: tombstones stay in scope so deletes reach devices, and a partial index
 * cannot answer a query that includes them.
 */
export const live = (deletedAt: PgColumn): SQL => sql`${deletedAt} is null`

/**
 * One CHECK per enumeration column of a table (`<table>_<column>_check`), so the server refuses a value the app does
 * not know even when it comes from a script or an old client.
 */
export function enumChecks(table: string, columns: Record<string, PgColumn>) {
  return Object.values(columns).flatMap((column) => {
    const values = enumValuesOf(column)
    if (!values) return []
    const list = sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', '))
    return [check(`${table}_${column.name}_check`, sql`${column} in (${list})`)]
  })
}

/**
 * The columns handed to a table's extra-config callback do not expose `enumValues`; their runtime config does.
 * test/unit/schema-parity.test.ts fails if a Drizzle upgrade changes this (every enum column must have its CHECK).
 */
function enumValuesOf(column: PgColumn): readonly string[] | undefined {
  const values = column.enumValues ?? (column as unknown as { config: { enumValues?: string[] } }).config.enumValues
  return values && values.length > 0 ? values : undefined
}

/** `a <= b` when both are set: end dates after start dates, check-out after check-in … */
export const ordered = (name: string, first: PgColumn, second: PgColumn, strict = false) =>
  check(name, strict ? sql`${second} > ${first}` : sql`${second} >= ${first}`)

export const between = (name: string, column: PgColumn, min: number, max: number) =>
  check(name, sql`${column} between ${sql.raw(String(min))} and ${sql.raw(String(max))}`)

export const nonNegative = (name: string, ...columns: PgColumn[]) =>
  check(
    name,
    sql.join(
      columns.map((c) => sql`${c} >= 0`),
      sql` and `,
    ),
  )

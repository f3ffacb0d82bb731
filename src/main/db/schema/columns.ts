/**
 * Column helpers for the device schema (SQLite). Each helper is one row of the encoding table in
 * docs/architecture.md §2; sync-server/db/schema/columns.ts is its server twin with the same names, so a table reads
 * the same in both dialects.
 *
 * Every helper keeps the SQL name as a literal type (`<N extends string>`): the writer's row types
 * (src/main/core/outbox/wire-row.ts) key each table's columns by that name.
 */
import { sql } from 'drizzle-orm'
import { integer, real, text } from 'drizzle-orm/sqlite-core'

/** ISO-8601 UTC with milliseconds, the same text the wire carries: `2026-11-25T07:39:39.123Z`. */
export const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`

export const timestamptz = <N extends string>(name: N) => text(name)
/** `HH:MM`. */
export const timeOfDay = <N extends string>(name: N) => text(name)
export const id = <N extends string>(name: N) => text(name)
/** `YYYY-MM-DD`. */
export const date = <N extends string>(name: N) => text(name)
/** Whole won: integers are exact in SQLite and in JS below 2^53. */
export const money = <N extends string>(name: N) => integer(name)
export const rate = <N extends string>(name: N) => real(name)
export const measure = <N extends string>(name: N) => real(name)
export const count = <N extends string>(name: N) => integer(name)
export const flag = <N extends string>(name: N) => integer(name, { mode: 'boolean' })
export const stringList = <N extends string>(name: N) => text(name, { mode: 'json' }).$type<string[]>().notNull().default([])
/** Give the value type at the call site, `json('x').$type<T>()`: a type argument here would hide the literal name. */
export const json = <N extends string>(name: N) => text(name, { mode: 'json' })
/** `jsonList('x').$type<T[]>()`, for the same reason as `json`. */
export const jsonList = <N extends string>(name: N) => text(name, { mode: 'json' }).notNull().default([])
export const enumText = <N extends string, const T extends readonly [string, ...string[]]>(name: N, values: T) =>
  text(name, { enum: values as unknown as [T[number], ...T[number][]] })

/**
 * The columns every synced table has (docs/architecture.md §3). Unlike the server there is no `field_hlc`: per-field
 * stamps are the server's merge state, and the device's own pending stamps are in the outbox.
 */
export function syncColumns() {
  return {
    id: text('id').primaryKey(),
    createdAt: timestamptz('created_at').notNull().default(now),
    updatedAt: timestamptz('updated_at').notNull().default(now),
    deletedAt: timestamptz('deleted_at'),
    createdBy: id('created_by'),
    updatedBy: id('updated_by'),
    deletedBy: id('deleted_by'),
  }
}

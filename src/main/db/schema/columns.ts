/**
 * Column helpers for the device schema (SQLite). Each helper is one row of the encoding table in
 * docs/architecture.md §2; sync-server/db/schema/columns.ts is its server twin with the same names, so a table reads
 * the same in both dialects.
 */
import { sql } from 'drizzle-orm'
import { integer, real, text } from 'drizzle-orm/sqlite-core'

/** ISO-8601 UTC with milliseconds, the same text the wire carries: `2026-11-25T07:39:39.123Z`. */
export const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`

export const timestamptz = (name: string) => text(name)
/** `HH:MM`. */
export const timeOfDay = (name: string) => text(name)
export const id = (name: string) => text(name)
/** `YYYY-MM-DD`. */
export const date = (name: string) => text(name)
/** Whole won: integers are exact in SQLite and in JS below 2^53. */
export const money = (name: string) => integer(name)
export const rate = (name: string) => real(name)
export const measure = (name: string) => real(name)
export const count = (name: string) => integer(name)
export const flag = (name: string) => integer(name, { mode: 'boolean' })
export const stringList = (name: string) => text(name, { mode: 'json' }).$type<string[]>().notNull().default([])
export const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>()
export const jsonList = <T>(name: string) => text(name, { mode: 'json' }).$type<T[]>().notNull().default([])
export const enumText = <const T extends readonly [string, ...string[]]>(name: string, values: T) =>
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

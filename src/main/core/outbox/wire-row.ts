/**
 * The writer's row types, derived from the device Drizzle schema (src/main/db/schema) so a misspelled column or a
 * table that is not synced is a compile error, not a run-time "has no column" (issue 14). Nothing here is written by
 * hand per table: each synced table's Drizzle columns are re-keyed by their SQL `name`, and each value is the column's
 * Drizzle data type, which is already the wire encoding (docs/architecture.md §2): `flag` columns are booleans, JSON
 * columns their `$type`, timestamps ISO text, money whole numbers.
 */
import type { Column, GetColumnData, Table } from 'drizzle-orm'
import type * as schema from '../../db/schema'
import type { SyncedTable } from '../../../shared/model/tables'

type Schema = typeof schema

/** Every Drizzle table of the device schema, by its SQL name. */
type TablesBySqlName = {
  [K in keyof Schema as Schema[K] extends Table ? Schema[K]['_']['name'] : never]: Schema[K]
}

/** The Drizzle table of a synced SQL table name (SYNCED_TABLES ⊆ device tables: schema-parity.test.ts). */
export type DeviceTable<T extends SyncedTable> = TablesBySqlName[T]

type ColumnsOf<T extends SyncedTable> = DeviceTable<T>['_']['columns']

/** SQL column name → wire value (null where the column is nullable) of one synced table. */
export type WireRow<T extends SyncedTable> = ByName<ColumnsOf<T>>

type ByName<C extends Record<string, Column>> = {
  -readonly [K in keyof C as C[K]['_']['name']]: GetColumnData<C[K]>
}

/** The SQL column names of one synced table. */
export type WireColumn<T extends SyncedTable> = keyof WireRow<T> & string

/** What a caller may hand the writer: any subset of the table's columns. */
export type WireFieldsOf<T extends SyncedTable> = Readonly<Partial<WireRow<T>>>

/** Synced tables that can be soft-deleted (all of them today; the writer still checks at run time). */
export type SoftDeletableTable = { [T in SyncedTable]: 'deleted_at' extends WireColumn<T> ? T : never }[SyncedTable]

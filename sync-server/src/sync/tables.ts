/**
 * The synced tables as the sync core sees them, derived once from the Drizzle pg-core schema (getTableConfig): which
 * columns exist, which a device may write, which a create must carry, how each value is validated, and how a row is
 * rendered in its wire encoding by SQL (pull builds rows in PostgreSQL, not per row in JavaScript).
 */
import { is, SQL } from 'drizzle-orm'
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core'
import { REFERENCE_TABLES, SERVER_AUTHORED_COLUMNS, SERVER_ONLY_COLUMNS, SYNCED_TABLES, type SyncedTable } from '../../../src/shared/model/tables'
import * as schema from '../../db/schema'
import { columnShape, columnValidator, type ColumnShape, type ColumnValidator } from './column-types'
import { quoteIdent } from '../postgres/quote'

/** How the server fills a column a create leaves out: a literal, the server clock, or PostgreSQL's own default. */
export type ColumnDefault = { readonly kind: 'literal'; readonly value: unknown } | { readonly kind: 'now' } | { readonly kind: 'database' }

export interface ColumnMeta {
  readonly name: string
  readonly shape: ColumnShape
  readonly notNull: boolean
  readonly default: ColumnDefault | null
  readonly validate: ColumnValidator
}

export interface TableMeta {
  readonly name: SyncedTable
  readonly reference: boolean
  readonly columns: ReadonlyMap<string, ColumnMeta>
  /** Columns a device may send (everything but id, server-authored and server-only columns). */
  readonly writable: ReadonlySet<string>
  /** NOT NULL columns without a default that a device writes: a create must carry each of them. */
  readonly required: readonly string[]
  /**
   * Foreign-key columns → the synced table they reference (from the Drizzle foreign keys; the who-columns are plain
   * ids, not foreign keys, so they are not here). Push checks every value a mutation sets (references.ts).
   */
  readonly references: ReadonlyMap<string, SyncedTable>
  /** SQL select list rendering alias `t` in the wire encoding, every column but the server-only ones. */
  wireSelect(alias: string): string
}

const serverAuthored: ReadonlySet<string> = new Set(SERVER_AUTHORED_COLUMNS)
const serverOnly: ReadonlySet<string> = new Set(SERVER_ONLY_COLUMNS)
const reference: ReadonlySet<string> = new Set(REFERENCE_TABLES)

export function isServerAuthored(column: string): boolean {
  return serverAuthored.has(column)
}

export function isServerOnly(column: string): boolean {
  return serverOnly.has(column)
}

function columnDefault(column: PgColumn): ColumnDefault | null {
  if (!column.hasDefault) return null
  const value: unknown = column.default
  if (is(value, SQL)) {
    // `now()` is the only SQL default the schema uses for device tables; the server fills it from its own clock so
    // the merged row it keeps in memory (audit, later mutations of the same push) matches what is stored.
    const text = value.queryChunks.map((chunk) => (typeof chunk === 'object' && chunk && 'value' in chunk ? String(chunk.value) : '')).join('')
    return text.trim().toLowerCase() === 'now()' ? { kind: 'now' } : { kind: 'database' }
  }
  if (value === undefined) return { kind: 'database' }
  return { kind: 'literal', value }
}

/**
 * One column in wire encoding (docs/architecture.md §2), matching the pool's type parsers: PostgreSQL's JSON of a
 * timestamptz carries an offset and of a time carries seconds, so those two are formatted explicitly.
 */
function wireExpression(alias: string, column: ColumnMeta): string {
  const ref = `${alias}.${quoteIdent(column.name)}`
  switch (column.shape.kind) {
    case 'timestamptz':
      return `to_char(${ref} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    case 'time':
      return `to_char(${ref}, 'HH24:MI')`
    default:
      return ref
  }
}

function describe(table: PgTable): TableMeta | null {
  const config = getTableConfig(table)
  if (!(SYNCED_TABLES as readonly string[]).includes(config.name)) return null
  const columns = new Map<string, ColumnMeta>()
  for (const column of config.columns) {
    columns.set(column.name, {
      name: column.name,
      shape: columnShape(column.getSQLType()),
      notNull: column.notNull,
      default: columnDefault(column),
      validate: columnValidator(column),
    })
  }
  const writable = new Set([...columns.keys()].filter((name) => name !== 'id' && !serverAuthored.has(name) && !serverOnly.has(name)))
  const required = [...writable].filter((name) => {
    const column = columns.get(name)!
    return column.notNull && column.default === null
  })
  const visible = [...columns.values()].filter((column) => !serverOnly.has(column.name))
  const references = new Map<string, SyncedTable>()
  for (const foreignKey of config.foreignKeys) {
    const { columns: from, foreignTable, foreignColumns } = foreignKey.reference()
    const target = getTableConfig(foreignTable).name
    // Every synced foreign key is one column onto a synced table's id; anything else needs its own visibility rule.
    if (from.length !== 1 || foreignColumns.length !== 1 || foreignColumns[0]!.name !== 'id' || !(SYNCED_TABLES as readonly string[]).includes(target)) {
      throw new Error(`${config.name}: foreign key ${from.map((c) => c.name).join(',')} → ${target} is not a single column onto a synced table's id`)
    }
    references.set(from[0]!.name, target as SyncedTable)
  }
  return {
    name: config.name as SyncedTable,
    reference: reference.has(config.name),
    columns,
    writable,
    required,
    references,
    wireSelect: (alias) => visible.map((column) => `${wireExpression(alias, column)} AS ${quoteIdent(column.name)}`).join(', '),
  }
}

function buildRegistry(): ReadonlyMap<SyncedTable, TableMeta> {
  const found = new Map<SyncedTable, TableMeta>()
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue
    const meta = describe(value)
    if (meta) found.set(meta.name, meta)
  }
  const missing = SYNCED_TABLES.filter((name) => !found.has(name))
  if (missing.length > 0) throw new Error(`Synced tables missing from the server schema: ${missing.join(', ')}`)
  // Keep SYNCED_TABLES order (FK order): writes and the first pull walk tables in it.
  return new Map(SYNCED_TABLES.map((name) => [name, found.get(name)!]))
}

/** Every synced table, in SYNCED_TABLES (foreign-key) order. */
export const TABLES: ReadonlyMap<SyncedTable, TableMeta> = buildRegistry()

export const SYNCED_TABLE_NAMES: ReadonlySet<string> = new Set(SYNCED_TABLES)

export function tableMeta(name: string): TableMeta | undefined {
  return TABLES.get(name as SyncedTable)
}

/** Position in FK order, for sorting writes parents-first. */
export const TABLE_ORDER: ReadonlyMap<string, number> = new Map(SYNCED_TABLES.map((name, index) => [name, index]))

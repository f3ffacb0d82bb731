/**
 * What the sync code needs to know about each synced table, derived once from the Drizzle sqlite-core schema so there is
 * no second, hand-kept list of columns to drift: SQL column names, which columns are booleans (stored 0/1) or JSON
 * (stored as text), and the tables' dependency order (parents before children) for applying pulled pages.
 */
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core'

/** How a column is encoded in SQLite versus on the wire (docs/architecture.md §2). */
export type ColumnKind = 'plain' | 'boolean' | 'json'

export interface ColumnMeta {
  /** SQL name, which is also the wire name. */
  readonly name: string
  readonly kind: ColumnKind
  readonly notNull: boolean
  /** Drizzle `$defaultFn` (JS-side default): SQL defaults apply by themselves, these must be called on create. */
  readonly defaultFn: (() => unknown) | undefined
}

export interface TableMeta {
  readonly name: string
  /** All columns in schema order; `id` included. */
  readonly columns: readonly ColumnMeta[]
  readonly byName: ReadonlyMap<string, ColumnMeta>
  /** Position in dependency order (0 = applied first). */
  readonly order: number
}

export interface TableRegistry {
  /** Tables in dependency order (parents first). */
  readonly tables: readonly TableMeta[]
  get(name: string): TableMeta | undefined
  /** Like get, but throws a clear error for a table that is not synced (a programming error in a repository). */
  require(name: string): TableMeta
}

function kindOf(column: SQLiteColumn): ColumnKind {
  if (column.dataType === 'boolean') return 'boolean'
  if (column.dataType === 'json') return 'json'
  return 'plain'
}

export function describeTable(table: SQLiteTable, order = 0): TableMeta {
  const config = getTableConfig(table)
  const columns: ColumnMeta[] = config.columns.map((column) => ({
    name: column.name,
    kind: kindOf(column),
    notNull: column.notNull,
    defaultFn: column.defaultFn ? () => column.defaultFn?.() : undefined,
  }))
  if (!columns.some((c) => c.name === 'id')) {
    throw new Error(`Synced table ${config.name} has no "id" column (every synced table is keyed by a UUID id)`)
  }
  return { name: config.name, columns, byName: new Map(columns.map((c) => [c.name, c])), order }
}

/**
 * `tables` must already be in dependency order (src/shared/model/tables.ts SYNCED_TABLES order). When `order` names
 * are given, the Drizzle tables are sorted by that list and any table missing from it is an error — a synced table the
 * registry silently skipped would never be applied.
 */
export function createTableRegistry(tables: readonly SQLiteTable[], order?: readonly string[]): TableRegistry {
  let described = tables.map((t, i) => describeTable(t, i))
  if (order) {
    const position = new Map(order.map((name, i) => [name, i]))
    const missing = described.filter((t) => !position.has(t.name)).map((t) => t.name)
    if (missing.length > 0) throw new Error(`Tables missing from the sync order: ${missing.join(', ')}`)
    described = described.map((t) => ({ ...t, order: position.get(t.name) ?? 0 })).sort((a, b) => a.order - b.order)
  }
  const byName = new Map(described.map((t) => [t.name, t]))
  return {
    tables: described,
    get: (name) => byName.get(name),
    require(name) {
      const meta = byName.get(name)
      if (!meta) throw new Error(`Not a synced table: ${name}`)
      return meta
    },
  }
}

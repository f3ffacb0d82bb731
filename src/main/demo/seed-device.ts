/**
 * "Try with demo data (offline)": writes the generated demo rows into an opened device replica. One SQLite
 * transaction (all or nothing), one prepared INSERT per table, values converted from the wire encoding by the same
 * code that applies pulled rows (booleans 0/1, JSON as text). No outbox entries: demo rows are not local edits and
 * must never be pushed to a server.
 *
 * The search index is paused during the bulk insert and rebuilt once at the end (set-based, ~8× cheaper than the
 * per-row triggers), inside the same transaction.
 */
import type Database from 'better-sqlite3'
import { generateDemoData, type DemoOptions } from '../../demo'
import { type SyncedTable } from '../../shared/model/tables'
import { toSqlValue, type SqlValue } from '../core/replica/convert'
import { replicaRegistry } from '../core/replica/registry'
import { type TableMeta } from '../core/replica/table-meta'
import { quoteIdent } from '../core/sqlite'
import { pauseSearchIndex, resumeSearchIndex } from '../db/search-index'

export type SeedDeviceOptions = DemoOptions

export interface SeedDeviceResult {
  /** Rows written per synced table (every table present, 0 when it has none). */
  readonly counts: Readonly<Record<SyncedTable, number>>
  readonly total: number
  readonly elapsedMs: number
}

export class ReplicaNotEmptyError extends Error {
  override readonly name = 'ReplicaNotEmptyError'
}

/** Demo data goes into an empty replica only: mixing it with a user's real rows could never be undone cleanly. */
function assertEmpty(sqlite: Database.Database, tables: readonly TableMeta[]): void {
  for (const table of tables) {
    if (sqlite.prepare(`SELECT 1 FROM ${quoteIdent(table.name)} LIMIT 1`).get() !== undefined) {
      throw new ReplicaNotEmptyError(`The replica already has rows in ${table.name}; demo data needs an empty replica`)
    }
  }
}

export function seedDevice(sqlite: Database.Database, options: SeedDeviceOptions): SeedDeviceResult {
  const started = performance.now()
  const registry = replicaRegistry()
  assertEmpty(sqlite, registry.tables)
  const counts = {} as Record<SyncedTable, number>
  let total = 0

  sqlite.transaction(() => {
    pauseSearchIndex(sqlite)
    for (const { table, rows } of generateDemoData(options)) {
      const meta = registry.require(table)
      const columns = meta.columns
      const statement = sqlite.prepare(
        `INSERT INTO ${quoteIdent(meta.name)} (${columns.map((c) => quoteIdent(c.name)).join(', ')}) ` + `VALUES (${columns.map(() => '?').join(', ')})`,
      )
      const params: SqlValue[] = new Array<SqlValue>(columns.length)
      for (const row of rows) {
        // The generator must produce exactly the table's columns: a missing or unknown column is a bug, not a gap.
        if (Object.keys(row).length !== columns.length) throw columnMismatch(meta, row)
        for (let i = 0; i < columns.length; i++) {
          const column = columns[i]!
          const value = row[column.name]
          if (value === undefined) throw columnMismatch(meta, row)
          params[i] = toSqlValue(column, value)
        }
        statement.run(params)
      }
      counts[table] = rows.length
      total += rows.length
    }
    resumeSearchIndex(sqlite)
  })()

  return { counts, total, elapsedMs: performance.now() - started }
}

function columnMismatch(meta: TableMeta, row: Record<string, unknown>): Error {
  const expected = new Set(meta.columns.map((c) => c.name))
  const actual = new Set(Object.keys(row))
  const missing = [...expected].filter((c) => !actual.has(c) || row[c] === undefined)
  const unknown = [...actual].filter((c) => !expected.has(c))
  return new Error(`Demo row for ${meta.name} does not match the replica schema (missing: ${missing.join(', ') || '-'}; unknown: ${unknown.join(', ') || '-'})`)
}

/**
 * The one SQLite handle type the local core works with. The core talks to better-sqlite3 directly (prepared
 * statements) on hot paths — bulk apply, outbox, bookkeeping — because Drizzle per row is ~4× slower
 * (docs field notes); Drizzle stays the schema source and the repositories' query builder.
 */
import type BetterSqlite3 from 'better-sqlite3'

export type Sqlite = BetterSqlite3.Database
export type Statement = BetterSqlite3.Statement

/** Double-quote an SQL identifier (table and column names come from the Drizzle schema, but quoting costs nothing). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

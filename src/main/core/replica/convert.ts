/**
 * Wire ↔ SQLite value encoding (docs/architecture.md §2). The wire carries JSON values (true/false, arrays, objects);
 * SQLite stores booleans as 0/1 and structured values as JSON text. Everything else (text, integers, reals, ISO
 * strings) is the same on both sides.
 *
 * These run once per column per pulled row, so they are plain functions with no allocation on the common path.
 */
import { type ColumnMeta } from './table-meta'

/** A value better-sqlite3 can bind. */
export type SqlValue = string | number | bigint | Buffer | null

export function toSqlValue(column: ColumnMeta, value: unknown): SqlValue {
  if (value === null || value === undefined) return null
  switch (column.kind) {
    case 'boolean':
      // Accept 0/1 too: a server that sends integers for booleans must not turn `false` into "0"-is-truthy bugs.
      return value === true || value === 1 ? 1 : value === false || value === 0 ? 0 : invalid(column, value)
    case 'json':
      // JSON null is stored as SQL NULL (one representation of "no value"); everything else as JSON text.
      return JSON.stringify(value)
    case 'plain':
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return value
      if (typeof value === 'boolean') return value ? 1 : 0
      return invalid(column, value)
  }
}

export function toWireValue(column: ColumnMeta, value: unknown): unknown {
  if (value === null || value === undefined) return null
  switch (column.kind) {
    case 'boolean':
      return value === 1 || value === 1n || value === true
    case 'json':
      return typeof value === 'string' ? (JSON.parse(value) as unknown) : value
    case 'plain':
      // Money is whole won in a safe integer; a bigint only appears if a caller enabled safeIntegers.
      return typeof value === 'bigint' ? Number(value) : value
  }
}

function invalid(column: ColumnMeta, value: unknown): never {
  throw new TypeError(`Column ${column.name} (${column.kind}) cannot store ${typeof value}: ${JSON.stringify(value)}`)
}

/**
 * Cached prepared statements over the replica tables. Preparing costs far more than running, and a pulled page runs the
 * same upsert thousands of times: one statement per (table, column set), reused for the life of the connection.
 *
 * Values passed in are wire-encoded (see convert.ts); rows returned are wire-encoded too.
 */
import { quoteIdent, type Sqlite, type Statement } from '../sqlite'
import { toSqlValue, toWireValue, type SqlValue } from './convert'
import { type ColumnMeta, type TableMeta } from './table-meta'

export type WireFields = Readonly<Record<string, unknown>>

export interface ReplicaStatements {
  /** Insert or overwrite a whole row as the server sent it. Columns the row lacks keep their stored value (or default). */
  upsertRow(table: TableMeta, id: string, row: WireFields): void
  /** Insert a row with these columns, or update only these columns of an existing row. */
  upsertFields(table: TableMeta, id: string, fields: WireFields): void
  /** Update only these columns; returns false when the row does not exist. */
  updateFields(table: TableMeta, id: string, fields: WireFields): boolean
  /** The row in wire encoding, or undefined. */
  selectRow(table: TableMeta, id: string): Record<string, unknown> | undefined
  /** Physical delete: only for rows the server says left this user's scope. Local deletes are tombstones. */
  deleteRow(table: TableMeta, id: string): void
}

type CachedUpsert =
  | { readonly kind: 'upsert'; readonly statement: Statement; readonly columns: readonly ColumnMeta[] }
  | {
      readonly kind: 'update-insert'
      readonly insert: Statement
      /** Null when the only column is id. */
      readonly update: Statement | null
      readonly exists: Statement
      readonly columns: readonly ColumnMeta[]
    }

interface CachedUpdate {
  readonly statement: Statement
  readonly columns: readonly ColumnMeta[]
}

export function createReplicaStatements(sqlite: Sqlite): ReplicaStatements {
  const upserts = new Map<string, CachedUpsert>()
  const updates = new Map<string, CachedUpdate>()
  const selects = new Map<string, Statement>()
  const deletes = new Map<string, Statement>()

  /**
   * Tables with triggers get "UPDATE, then INSERT when no row matched" instead of INSERT … ON CONFLICT DO UPDATE:
   * SQLite lets an outer statement's conflict clause override the ones inside triggers, so under an UPSERT the
   * search-index triggers' `INSERT OR IGNORE` becomes a plain INSERT and fails on a row that is already indexed.
   * Tables without triggers keep the single-statement UPSERT (~30% faster on a first sync).
   */
  const hasTriggers = sqlite.prepare<[string], { one: number }>(`SELECT 1 AS one FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? LIMIT 1`)

  const upsertFor = (table: TableMeta, columns: readonly ColumnMeta[], key: string): CachedUpsert => {
    let cached = upserts.get(key)
    if (!cached) {
      const names = columns.map((c) => quoteIdent(c.name))
      const values = `VALUES (${columns.map(() => '?').join(', ')})`
      const insert = `INSERT INTO ${quoteIdent(table.name)} (${names.join(', ')}) ${values}`
      const others = columns.filter((c) => c.name !== 'id').map((c) => quoteIdent(c.name))
      if (hasTriggers.get(table.name) === undefined) {
        const set = others.map((name) => `${name} = excluded.${name}`).join(', ')
        const conflict = set ? `ON CONFLICT("id") DO UPDATE SET ${set}` : 'ON CONFLICT("id") DO NOTHING'
        cached = { kind: 'upsert', statement: sqlite.prepare(`${insert} ${conflict}`), columns }
      } else {
        const update =
          others.length > 0 ? sqlite.prepare(`UPDATE ${quoteIdent(table.name)} SET ${others.map((n) => `${n} = ?`).join(', ')} WHERE "id" = ?`) : null
        cached = { kind: 'update-insert', insert: sqlite.prepare(insert), update, exists: selectStatement(table), columns }
      }
      upserts.set(key, cached)
    }
    return cached
  }

  const runUpsert = (cached: CachedUpsert, id: string, fields: WireFields): void => {
    if (cached.kind === 'upsert') {
      cached.statement.run(bind(cached.columns, id, fields, false))
      return
    }
    if (cached.update) {
      if (cached.update.run(bind(cached.columns, id, fields, true)).changes > 0) return
    } else if (cached.exists.get(id) !== undefined) return
    cached.insert.run(bind(cached.columns, id, fields, false))
  }

  /** The columns of `fields` known to the table, `id` first; unknown names are dropped (a newer server's additions). */
  const pickColumns = (table: TableMeta, fields: WireFields): ColumnMeta[] => {
    const picked: ColumnMeta[] = [table.byName.get('id')!]
    for (const name of Object.keys(fields)) {
      if (name === 'id') continue
      const column = table.byName.get(name)
      if (column) picked.push(column)
    }
    return picked
  }

  const bind = (columns: readonly ColumnMeta[], id: string, fields: WireFields, idLast: boolean): SqlValue[] => {
    const params: SqlValue[] = []
    for (const column of columns) {
      if (column.name === 'id') {
        if (!idLast) params.push(id)
      } else params.push(toSqlValue(column, fields[column.name]))
    }
    if (idLast) params.push(id)
    return params
  }

  const upsertFields = (table: TableMeta, id: string, fields: WireFields): void => {
    const columns = pickColumns(table, fields)
    runUpsert(upsertFor(table, columns, `${table.name}\0${columns.map((c) => c.name).join('\0')}`), id, fields)
  }

  return {
    upsertRow(table, id, row) {
      // Hot path of a pull (one call per row): bind the full-row statement in one pass, checking `in` only for a
      // missing value; a row the server sent without some column takes the partial path instead.
      const cached = upsertFor(table, table.columns, table.name)
      if (cached.kind !== 'upsert') {
        for (const column of table.columns) if (!(column.name in row) && column.name !== 'id') return upsertFields(table, id, row)
        return runUpsert(cached, id, row)
      }
      const columns = table.columns
      const params: SqlValue[] = new Array<SqlValue>(columns.length)
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i]!
        if (column.name === 'id') {
          params[i] = id
          continue
        }
        const value = row[column.name]
        if (value === undefined && !(column.name in row)) return upsertFields(table, id, row)
        params[i] = column.kind === 'plain' && (typeof value === 'string' || typeof value === 'number') ? value : toSqlValue(column, value)
      }
      cached.statement.run(params)
    },

    upsertFields,

    updateFields(table, id, fields) {
      const columns = pickColumns(table, fields).filter((c) => c.name !== 'id')
      if (columns.length === 0) return selectStatement(table).get(id) !== undefined
      const key = `${table.name}\0${columns.map((c) => c.name).join('\0')}`
      let cached = updates.get(key)
      if (!cached) {
        const set = columns.map((c) => `${quoteIdent(c.name)} = ?`).join(', ')
        cached = { statement: sqlite.prepare(`UPDATE ${quoteIdent(table.name)} SET ${set} WHERE "id" = ?`), columns }
        updates.set(key, cached)
      }
      return cached.statement.run(bind(cached.columns, id, fields, true)).changes > 0
    },

    selectRow(table, id) {
      const raw = selectStatement(table).get(id) as Record<string, unknown> | undefined
      if (!raw) return undefined
      const row: Record<string, unknown> = {}
      for (const column of table.columns) row[column.name] = toWireValue(column, raw[column.name])
      return row
    },

    deleteRow(table, id) {
      let statement = deletes.get(table.name)
      if (!statement) {
        statement = sqlite.prepare(`DELETE FROM ${quoteIdent(table.name)} WHERE "id" = ?`)
        deletes.set(table.name, statement)
      }
      statement.run(id)
    },
  }

  function selectStatement(table: TableMeta): Statement {
    let statement = selects.get(table.name)
    if (!statement) {
      const names = table.columns.map((c) => quoteIdent(c.name)).join(', ')
      statement = sqlite.prepare(`SELECT ${names} FROM ${quoteIdent(table.name)} WHERE "id" = ?`)
      selects.set(table.name, statement)
    }
    return statement
  }
}

/**
 * Seeds a PostgreSQL server with the generated demo data, in one transaction (all or nothing):
 * - multi-row INSERTs per table, chunked to stay under PostgreSQL's 65,535 bind parameters per statement;
 * - `field_hlc` left to its default (no per-field stamps yet: any device edit wins over seeded values);
 * - one `change_log` entry per inserted row, so devices that already synced receive the rows on their next pull;
 * - `user_credentials` for the well-known demo accounts when a password hash is given.
 *
 * Foreign keys that point forward in SYNCED_TABLES order (departments.manager_id → users) are inserted as NULL and
 * set once the referenced table is in, so no constraint has to be deferred.
 */
import { getTableName, is } from 'drizzle-orm'
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core'
import type pg from 'pg'
import { DEMO_ACCOUNT_LIST, generateDemoData, type DemoOptions, type WireRow } from '../../src/demo'
import { SERVER_ONLY_COLUMNS, SYNCED_TABLES, type SyncedTable } from '../../src/shared/model/tables'
import * as schema from '../db/schema'
import { quoteIdent } from '../src/postgres/quote'

/** PostgreSQL's limit on bind parameters in one statement. */
export const MAX_BIND_PARAMETERS = 65_535
/** Rows per INSERT: large enough to amortise round trips, small enough to keep statements and memory modest. */
const MAX_ROWS_PER_INSERT = 1_000
/** Rows per change_log INSERT (one array parameter each). */
const CHANGE_LOG_CHUNK = 20_000

export interface SeedServerOptions extends DemoOptions {
  /** A password hash (sync-server/src/auth/password.ts format) given to every demo account; none when omitted. */
  readonly passwordHash?: string
}

export interface SeedServerResult {
  /** Rows inserted per synced table. */
  readonly counts: Readonly<Record<SyncedTable, number>>
  readonly total: number
  readonly changeLogEntries: number
  /** Demo accounts that received credentials. */
  readonly credentials: number
  readonly elapsedMs: number
}

export class DatabaseNotEmptyError extends Error {
  override readonly name = 'DatabaseNotEmptyError'
}

interface ColumnPlan {
  readonly name: string
  readonly json: boolean
}

interface TablePlan {
  readonly name: SyncedTable
  readonly columns: readonly ColumnPlan[]
  /** Columns referencing a table inserted later (by SYNCED_TABLES position): NULL at insert, set afterwards. */
  readonly deferred: readonly { readonly column: string; readonly targetPosition: number }[]
}

let cachedPlans: Map<SyncedTable, TablePlan> | null = null

/** The insertable columns of every synced table, from the Drizzle pg-core schema (the source of truth). */
export function serverTablePlans(): Map<SyncedTable, TablePlan> {
  if (cachedPlans) return cachedPlans
  const position = new Map<string, number>(SYNCED_TABLES.map((name, i) => [name, i]))
  const serverOnly = new Set<string>(SERVER_ONLY_COLUMNS)
  const plans = new Map<SyncedTable, TablePlan>()
  for (const value of Object.values(schema) as unknown[]) {
    if (!is(value, PgTable)) continue
    const name = getTableName(value)
    const at = position.get(name)
    if (at === undefined) continue
    const config = getTableConfig(value)
    const deferred = config.foreignKeys.flatMap((fk) => {
      const reference = fk.reference()
      const target = position.get(getTableName(reference.foreignTable))
      return target !== undefined && target > at ? reference.columns.map((c) => ({ column: c.name, targetPosition: target })) : []
    })
    plans.set(name as SyncedTable, {
      name: name as SyncedTable,
      columns: config.columns.filter((c) => !serverOnly.has(c.name)).map((c) => ({ name: c.name, json: c.dataType === 'json' })),
      deferred,
    })
  }
  const missing = SYNCED_TABLES.filter((name) => !plans.has(name))
  if (missing.length > 0) throw new Error(`SYNCED_TABLES without a server table: ${missing.join(', ')}`)
  cachedPlans = plans
  return plans
}

function encode(column: ColumnPlan, value: unknown): unknown {
  if (value === null || value === undefined) return null
  // node-postgres would send a JS array as a PostgreSQL array literal; jsonb wants JSON text.
  return column.json ? JSON.stringify(value) : value
}

async function insertRows(client: pg.PoolClient, plan: TablePlan, rows: readonly WireRow[]): Promise<void> {
  const { columns } = plan
  const deferred = new Set(plan.deferred.map((d) => d.column))
  const rowsPerInsert = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_BIND_PARAMETERS / columns.length)))
  const head = `INSERT INTO ${quoteIdent(plan.name)} (${columns.map((c) => quoteIdent(c.name)).join(', ')}) VALUES `
  for (let start = 0; start < rows.length; start += rowsPerInsert) {
    const chunk = rows.slice(start, start + rowsPerInsert)
    const params: unknown[] = []
    const tuples: string[] = []
    for (const row of chunk) {
      if (Object.keys(row).length !== columns.length) throw columnMismatch(plan, row)
      const placeholders: string[] = []
      for (const column of columns) {
        const value = row[column.name]
        if (value === undefined) throw columnMismatch(plan, row)
        params.push(deferred.has(column.name) ? null : encode(column, value))
        placeholders.push(`$${params.length}`)
      }
      tuples.push(`(${placeholders.join(', ')})`)
    }
    await client.query(head + tuples.join(', '), params)
  }
}

/** Sets the forward references that were inserted as NULL, one UPDATE per column. */
async function setDeferred(client: pg.PoolClient, plan: TablePlan, rows: readonly WireRow[]): Promise<void> {
  for (const { column } of plan.deferred) {
    const pairs = rows.filter((r) => r[column] !== null && r[column] !== undefined)
    if (pairs.length === 0) continue
    await client.query(
      `UPDATE ${quoteIdent(plan.name)} AS t SET ${quoteIdent(column)} = v.value
         FROM unnest($1::uuid[], $2::uuid[]) AS v(id, value) WHERE t.id = v.id`,
      [pairs.map((r) => r.id), pairs.map((r) => r[column])],
    )
  }
}

async function logChanges(client: pg.PoolClient, table: string, rows: readonly WireRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHANGE_LOG_CHUNK) {
    const ids = rows.slice(start, start + CHANGE_LOG_CHUNK).map((r) => r.id)
    await client.query(`INSERT INTO change_log (table_name, row_id) SELECT $1, unnest($2::uuid[])`, [table, ids])
  }
}

function columnMismatch(plan: TablePlan, row: WireRow): Error {
  const expected = new Set(plan.columns.map((c) => c.name))
  const missing = [...expected].filter((c) => row[c] === undefined)
  const unknown = Object.keys(row).filter((c) => !expected.has(c))
  return new Error(`Demo row for ${plan.name} does not match the server schema (missing: ${missing.join(', ') || '-'}; unknown: ${unknown.join(', ') || '-'})`)
}

export async function seedServer(pool: pg.Pool, options: SeedServerOptions): Promise<SeedServerResult> {
  const started = performance.now()
  const plans = serverTablePlans()
  const client = await pool.connect()
  const counts = {} as Record<SyncedTable, number>
  let total = 0
  let credentials = 0
  try {
    await client.query('BEGIN')
    const existing = await client.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM companies)::int + (SELECT count(*) FROM users WHERE lower(email) = ANY($1))::int AS n`,
      [DEMO_ACCOUNT_LIST.map((a) => a.email.toLowerCase())],
    )
    if ((existing.rows[0]?.n ?? 0) > 0) {
      throw new DatabaseNotEmptyError('The database already has customer data or demo accounts; seed an empty database')
    }
    const pending: { plan: TablePlan; rows: WireRow[] }[] = []
    for (const { table, rows } of generateDemoData(options)) {
      const plan = plans.get(table)!
      await insertRows(client, plan, rows)
      await logChanges(client, table, rows)
      if (plan.deferred.length > 0) pending.push({ plan, rows })
      counts[table] = rows.length
      total += rows.length
      // Set forward references as soon as every table they point at is in.
      const position = SYNCED_TABLES.indexOf(table)
      for (let i = pending.length - 1; i >= 0; i--) {
        const item = pending[i]!
        if (item.plan.deferred.every((d) => d.targetPosition <= position)) {
          await setDeferred(client, item.plan, item.rows)
          pending.splice(i, 1)
        }
      }
    }
    if (options.passwordHash) {
      const ids = DEMO_ACCOUNT_LIST.map((a) => a.id)
      const result = await client.query(`INSERT INTO user_credentials (user_id, password_hash) SELECT unnest($1::uuid[]), $2`, [ids, options.passwordHash])
      credentials = result.rowCount ?? 0
    }
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
  return { counts, total, changeLogEntries: total, credentials, elapsedMs: performance.now() - started }
}

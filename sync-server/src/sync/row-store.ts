/**
 * Loading and writing synced rows for a batch of mutations, with as few round trips as possible: one locking SELECT
 * per table (rows, their stamps and whether each is in the writer's scope), then one INSERT per table and column set
 * and one UPDATE per table, each fed a single JSON parameter (json_populate_recordset), so a batch of any size stays
 * under PostgreSQL's 65,535 bind-parameter limit and costs the same number of statements.
 *
 * Values travel in their wire encoding; json_populate_recordset converts them with the column types (ISO timestamps,
 * `HH:MM` times, integers for bigint, JSON for jsonb), which is exactly the inverse of the pool's type parsers.
 */
import type { SyncedTable } from '../../../src/shared/model/tables'
import type { Queryable } from '../postgres/transaction'
import type { RowState, WireValues } from './merge-row'
import { scopeCondition, type Scope } from './scope'
import { TABLE_ORDER, type TableMeta } from './tables'
import { quoteIdent } from '../postgres/quote'

export interface LoadedRow {
  readonly state: RowState
  /** Whether the writer could see the row before this batch. */
  readonly inScope: boolean
}

/**
 * Locks and loads the rows `ids` of `table` (FOR UPDATE, in id order so concurrent pushes lock in the same order).
 * Rows that do not exist are simply absent from the result.
 */
export async function loadRowsForUpdate(db: Queryable, table: TableMeta, ids: readonly string[], scope: Scope): Promise<Map<string, LoadedRow>> {
  const loaded = new Map<string, LoadedRow>()
  if (ids.length === 0) return loaded
  const inScope = scopeCondition(table.name, 't', scope, 2)
  const params: unknown[] = [ids]
  if (inScope !== 'true') params.push(scope.kind === 'principals' ? scope.ids : [])
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT t.*, coalesce((${inScope}), false) AS "__in_scope" FROM ${quoteIdent(table.name)} t
      WHERE t.id = ANY($1::uuid[]) ORDER BY t.id FOR UPDATE OF t`,
    params,
  )
  for (const row of rows) {
    const { field_hlc: fieldHlc, __in_scope: visible, ...values } = row
    loaded.set(String(values.id), {
      state: { values, fieldHlc: (fieldHlc ?? {}) as Record<string, string> },
      inScope: visible === true,
    })
  }
  return loaded
}

export interface RowWrite {
  readonly table: TableMeta
  readonly id: string
  /** The row as it was in the database before the batch; null when the batch creates it. */
  readonly before: RowState | null
  readonly after: RowState
}

function changedColumns(write: RowWrite): string[] {
  const before = write.before!
  const names = Object.keys(write.after.values).filter((name) => name !== 'id' && !sameJson(before.values[name], write.after.values[name]))
  if (!sameStamps(before.fieldHlc, write.after.fieldHlc)) names.push('field_hlc')
  return names
}

/** Two field_hlc maps (column → stamp string) hold the same stamps: compared key by key, not serialized. */
function sameStamps(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => a[key] === b[key])
}

const writtenAsNull = (value: unknown): boolean => typeof value === 'number' && !Number.isFinite(value)

/** Equal once serialized (null and undefined alike). Most values are strings: compared without serializing. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  // Objects, and numbers JSON writes as null (NaN, ±Infinity), are compared as JSON; other scalars directly.
  if (typeof a === 'object' || typeof b === 'object' || writtenAsNull(a) || writtenAsNull(b)) {
    return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
  }
  return a == null && b == null
}

function recordOf(values: WireValues, fieldHlc: Readonly<Record<string, string>>, columns: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {}
  for (const name of columns) record[name] = name === 'field_hlc' ? fieldHlc : (values[name] ?? null)
  return record
}

async function insertRows(db: Queryable, table: SyncedTable, writes: readonly RowWrite[]): Promise<void> {
  // Group by column set: a column left out keeps its database default, which a NULL in the JSON would override.
  const groups = new Map<string, { columns: string[]; records: Record<string, unknown>[] }>()
  for (const write of writes) {
    const columns = [...Object.keys(write.after.values), 'field_hlc'].sort()
    const key = columns.join(',')
    const group = groups.get(key) ?? { columns, records: [] }
    group.records.push(recordOf(write.after.values, write.after.fieldHlc, columns))
    groups.set(key, group)
  }
  for (const { columns, records } of groups.values()) {
    const list = columns.map(quoteIdent).join(', ')
    await db.query(`INSERT INTO ${quoteIdent(table)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${quoteIdent(table)}, $1::json)`, [
      JSON.stringify(records),
    ])
  }
}

async function updateRows(db: Queryable, table: SyncedTable, writes: readonly RowWrite[]): Promise<void> {
  const columns = new Set<string>()
  const perRow = writes.map((write) => {
    const changed = changedColumns(write)
    for (const name of changed) columns.add(name)
    return changed
  })
  if (columns.size === 0) return
  // One UPDATE for the table: every row carries the union of changed columns (its own current value where it did
  // not change), which is safe because every row is locked by this transaction.
  const names = [...columns].sort()
  const records = writes.filter((_, i) => perRow[i]!.length > 0).map((write) => recordOf(write.after.values, write.after.fieldHlc, ['id', ...names]))
  const assignments = names.map((name) => `${quoteIdent(name)} = x.${quoteIdent(name)}`).join(', ')
  await db.query(`UPDATE ${quoteIdent(table)} t SET ${assignments} FROM json_populate_recordset(NULL::${quoteIdent(table)}, $1::json) x WHERE t.id = x.id`, [
    JSON.stringify(records),
  ])
}

/** Writes the batch's rows table by table in foreign-key order (parents first), inserts before updates. */
export async function writeRows(db: Queryable, writes: readonly RowWrite[]): Promise<void> {
  const byTable = new Map<SyncedTable, RowWrite[]>()
  for (const write of writes) {
    const list = byTable.get(write.table.name) ?? []
    list.push(write)
    byTable.set(write.table.name, list)
  }
  const tables = [...byTable.keys()].sort((a, b) => TABLE_ORDER.get(a)! - TABLE_ORDER.get(b)!)
  for (const table of tables) {
    const list = byTable.get(table)!
    const created = list.filter((write) => write.before === null)
    const updated = list.filter((write) => write.before !== null)
    if (created.length > 0) await insertRows(db, table, created)
    if (updated.length > 0) await updateRows(db, table, updated)
  }
}

/** The ids among `ids` of `table` that exist and are NOT in `scope` (as of now: after the batch's writes, if any). */
export async function outOfScope(db: Queryable, table: TableMeta, ids: readonly string[], scope: Scope): Promise<string[]> {
  const condition = scopeCondition(table.name, 't', scope, 2)
  if (condition === 'true' || ids.length === 0) return []
  // Find the rows by id first, then test the predicate on them: given `id = ANY(…)` and the predicate together, the
  // planner may prefer a sequential scan of the whole table with the predicate's hashed sub-plan as the first filter
  // (measured 3–5× slower on 40,000 branches, and growing with the table).
  const { rows } = await db.query<{ id: string }>(
    `WITH r AS MATERIALIZED (SELECT * FROM ${quoteIdent(table.name)} WHERE id = ANY($1::uuid[]))
     SELECT t.id FROM r t WHERE (${condition}) IS NOT TRUE`,
    [ids, scope.kind === 'principals' ? scope.ids : []],
  )
  return rows.map((row) => row.id)
}

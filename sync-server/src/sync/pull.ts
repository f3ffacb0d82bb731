/**
 * POST /v1/sync/pull (docs/sync-protocol.md § Pull, docs/architecture.md §5): pages of rows in the user's scope.
 *
 * - Snapshot phase (first pull, cursor null): remember the horizon X = pg_snapshot_xmin(pg_current_snapshot()), then
 *   walk SYNCED_TABLES in FK order by id pages, tombstones included. Then switch to the log phase at (X, 0): whatever
 *   changed while the snapshot was paged has txid ≥ X and is delivered again (applying a row twice is harmless).
 * - Log phase: change_log entries in (txid, id) order, only below the current horizon, so an entry of a transaction
 *   still running (whatever its txid) is never skipped: the cursor cannot pass a transaction that has not finished.
 *   Every entry becomes the row's current state if the row is in scope now; a `leave` entry of a row not in scope now
 *   becomes `removed`. An entry addressed to another user (enter/leave) is skipped.
 *
 * Rows are rendered to JSON by PostgreSQL in the wire encoding (tables.ts wireSelect) and spliced into the response
 * text unparsed: the server never builds a JavaScript object per row.
 */
import type { Pool } from 'pg'
import { DEFAULT_PULL_LIMIT } from '../../../src/shared/sync/protocol'
import type { SyncedTable } from '../../../src/shared/model/tables'
import { SYNCED_TABLES } from '../../../src/shared/model/tables'
import type { Queryable } from '../postgres/transaction'
import { decodeCursor, encodeCursor, logCursorAt, type LogCursor, type PullCursor, type SnapshotCursor } from './cursor'
import { loadScope, scopeCondition, type Scope } from './scope'
import { SYNCED_TABLE_NAMES, TABLES } from './tables'
import { quoteIdent } from '../postgres/quote'

export interface PullInput {
  readonly userId: string
  readonly cursor: string | null
  readonly limit?: number
}

interface Page {
  /** Serialized `{table,id,row}` objects. */
  readonly changes: string[]
  readonly removed: { table: string; id: string }[]
  readonly cursor: PullCursor
  readonly hasMore: boolean
  readonly watermark: string | null
}


async function horizon(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ x: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS x')
  return rows[0]!.x
}

function scopeParams(scope: Scope, condition: string): unknown[] {
  return condition === 'true' ? [] : [scope.kind === 'principals' ? scope.ids : []]
}

/**
 * Renders rows of `table` as `{"table","id","row"}` JSON text; `where` may use $1 (principals) when scoped.
 * PostgreSQL builds each row's JSON (row_to_json over the wire-encoded select list); the envelope is added here.
 */
async function renderRows(db: Queryable, table: SyncedTable, where: string, params: unknown[], tail = ''): Promise<{ id: string; json: string }[]> {
  const meta = TABLES.get(table)!
  const { rows } = await db.query<{ id: string; row: string }>(
    `SELECT r.id::text AS id, row_to_json(r)::text AS row
       FROM (SELECT ${meta.wireSelect('t')} FROM ${quoteIdent(table)} t WHERE ${where} ${tail}) r`,
    params,
  )
  const prefix = `{"table":"${table}","id":"`
  return rows.map((row) => ({ id: row.id, json: `${prefix}${row.id}","row":${row.row}}` }))
}

async function snapshotPage(db: Queryable, scope: Scope, cursor: SnapshotCursor, limit: number): Promise<Page> {
  const changes: string[] = []
  let tableIndex = SYNCED_TABLES.indexOf(cursor.table as SyncedTable)
  let after = cursor.after
  while (tableIndex < SYNCED_TABLES.length && changes.length < limit) {
    const table = SYNCED_TABLES[tableIndex]!
    const condition = scopeCondition(table, 't', scope, 1)
    const params = scopeParams(scope, condition)
    const afterParam = params.length + 1
    params.push(after)
    const want = limit - changes.length
    const rows = await renderRows(db, table, `(${condition}) AND ($${afterParam}::uuid IS NULL OR t.id > $${afterParam}::uuid)`, params, `ORDER BY t.id LIMIT ${want}`)
    for (const row of rows) changes.push(row.json)
    if (rows.length === want) {
      // uuid order is byte order, which is the order of the lower-case text: the page's greatest id resumes it.
      after = rows.reduce((max, row) => (row.id > max ? row.id : max), rows[0]!.id)
      break
    }
    tableIndex += 1
    after = null
  }
  if (tableIndex >= SYNCED_TABLES.length) {
    // Snapshot done: the log phase starts at the horizon the snapshot began with.
    return { changes, removed: [], cursor: logCursorAt(cursor.horizon, '0'), hasMore: true, watermark: null }
  }
  const next: SnapshotCursor = { ...cursor, table: SYNCED_TABLES[tableIndex]!, after }
  return { changes, removed: [], cursor: next, hasMore: true, watermark: null }
}

interface LogEntry {
  id: string
  txid: string
  table_name: string
  row_id: string
  kind: string
}

async function logPage(db: Queryable, userId: string, scope: Scope, cursor: LogCursor, limit: number): Promise<Page> {
  const x = await horizon(db)
  const { rows: entries } = await db.query<LogEntry>(
    `SELECT c.id::text AS id, c.txid::text AS txid, c.table_name, c.row_id::text AS row_id, c.kind
       FROM change_log c
      WHERE (c.txid, c.id) > ($1::xid8, $2::bigint) AND c.txid < $3::xid8
        AND (c.audience_user_id IS NULL OR c.audience_user_id = $4::uuid)
      ORDER BY c.txid, c.id
      LIMIT $5`,
    [cursor.txid, cursor.id, x, userId, limit],
  )

  const wanted = new Map<SyncedTable, { ids: Set<string>; leaving: Set<string> }>()
  for (const entry of entries) {
    if (!SYNCED_TABLE_NAMES.has(entry.table_name)) continue
    const table = entry.table_name as SyncedTable
    const slot = wanted.get(table) ?? { ids: new Set<string>(), leaving: new Set<string>() }
    slot.ids.add(entry.row_id)
    if (entry.kind === 'leave') slot.leaving.add(entry.row_id)
    wanted.set(table, slot)
  }

  const changes: string[] = []
  const removed: { table: string; id: string }[] = []
  // FK order, so a device applying the page in order inserts parents before children.
  for (const table of SYNCED_TABLES) {
    const slot = wanted.get(table)
    if (!slot) continue
    const condition = scopeCondition(table, 't', scope, 1)
    const params = scopeParams(scope, condition)
    params.push([...slot.ids])
    const rows = await renderRows(db, table, `t.id = ANY($${params.length}::uuid[]) AND coalesce((${condition}), false)`, params)
    const visible = new Set<string>()
    for (const row of rows) {
      visible.add(row.id)
      changes.push(row.json)
    }
    for (const id of slot.leaving) if (!visible.has(id)) removed.push({ table, id })
  }

  const full = entries.length === limit
  const last = entries[entries.length - 1]
  if (full && last) {
    // Every entry below the last consumed transaction has been delivered (they are read in txid order).
    return { changes, removed, cursor: logCursorAt(last.txid, last.id), hasMore: true, watermark: last.txid }
  }
  // Caught up with everything below the horizon: resume from (X, 0) next time.
  return { changes, removed, cursor: logCursorAt(x, '0'), hasMore: false, watermark: x }
}

/**
 * Thrown when the cursor is below what gc collected (sync_gc_state): entries it would need are gone, so continuing
 * would silently skip changes. The route answers 410 `resync_required`; the device pulls again from cursor null and
 * keeps its outbox (docs/sync-protocol.md, docs/operations.md § Archiving and gc).
 */
export class ResyncRequiredError extends Error {
  override readonly name = 'ResyncRequiredError'
  constructor() {
    super('This pull cursor is older than the server keeps its change log; pull again with cursor: null (full re-sync).')
  }
}

/**
 * Whether resuming the log at `cursor` is impossible: it would need change_log entries gc has deleted, or it lies
 * beyond any transaction this database has started (the database was restored from a backup taken before the
 * cursor was issued — continuing would skip every change up to that txid).
 */
async function isCollected(db: Queryable, cursor: PullCursor): Promise<boolean> {
  const [txid, id] = cursor.phase === 'log' ? [cursor.txid, cursor.id] : [cursor.horizon, '0']
  const { rows } = await db.query<{ stale: boolean }>(
    `SELECT $1::xid8 > pg_snapshot_xmax(pg_current_snapshot())
            OR coalesce((SELECT ($1::xid8, $2::bigint) < (floor_txid, floor_id) FROM sync_gc_state WHERE id = 1), false) AS stale`,
    [txid, id],
  )
  return rows[0]?.stale === true
}

/** Runs one pull and returns the response body as JSON text. */
export async function pull(pool: Pool, input: PullInput, stats?: { changes: number; removed: number }): Promise<string> {
  const limit = input.limit ?? DEFAULT_PULL_LIMIT
  const cursor: PullCursor | null = input.cursor === null ? null : decodeCursor(input.cursor, SYNCED_TABLE_NAMES)
  const client = await pool.connect()
  let page: Page
  try {
    const { scope } = await loadScope(client, input.userId)
    if (cursor === null) {
      const start: SnapshotCursor = { v: 1, phase: 'snapshot', horizon: await horizon(client), table: SYNCED_TABLES[0], after: null }
      page = await snapshotPage(client, scope, start, limit)
    } else if (cursor.phase === 'snapshot') {
      page = await snapshotPage(client, scope, cursor, limit)
    } else {
      page = await logPage(client, input.userId, scope, cursor, limit)
    }
    // Checked after reading the page: gc deletes entries and raises the floor in one transaction, so a deletion that
    // could have hidden entries from this page is visible here.
    if (cursor !== null && (await isCollected(client, cursor))) throw new ResyncRequiredError()
  } finally {
    client.release()
  }
  if (stats) {
    stats.changes = page.changes.length
    stats.removed = page.removed.length
  }
  return (
    `{"changes":[${page.changes.join(',')}],"removed":${JSON.stringify(page.removed)},` +
    `"cursor":${JSON.stringify(encodeCursor(page.cursor))},"hasMore":${page.hasMore},` +
    `"watermark":${JSON.stringify(page.watermark)},"serverTime":${JSON.stringify(new Date().toISOString())}}`
  )
}

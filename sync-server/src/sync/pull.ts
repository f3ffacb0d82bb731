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
 * The horizon is bounded by what can still commit into THIS database (ceiling below), not by every transaction of the
 * PostgreSQL cluster: another application's long transaction in another database no longer freezes pulls. A page that
 * stops short of committed entries (held back behind a transaction of this database still open) says `behind: true`.
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
import { loadScope, scopeCondition, scopeIdCondition, type Scope } from './scope'
import { SYNCED_TABLE_NAMES, TABLES } from './tables'
import { xidPlacesFor } from './xid-places'
import { quoteIdent } from '../postgres/quote'

export interface PullInput {
  readonly userId: string
  /** The pulling device: its last applied seq is returned (a restored device renumbers its outbox above it). */
  readonly deviceId?: string
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
  /** Committed entries exist at or above the ceiling: held back behind a transaction still open here. */
  readonly behind?: boolean
}

/**
 * The pull ceiling: every transaction below it that could write into this database's change_log has finished.
 *
 * `pg_snapshot_xmin` alone spans the whole cluster, so a transaction open in ANY database (another application's
 * batch job on the same server) would stop everyone's pull. Only sessions connected to this database can write its
 * change_log, so the ceiling is the smallest id among the snapshot's running transactions (`pg_snapshot_xip`) that is
 * not known to belong to ANOTHER database, else the snapshot's xmax. "Known elsewhere" is read from pg_locks (every
 * transaction holds the lock on its own id; visible to any role) joined to pg_stat_activity for its database, plus
 * other databases' prepared transactions. A running id found nowhere (it is just being assigned, or it finished a
 * moment ago) counts as this database's: at worst the ceiling waits one pull longer.
 *
 * Why no late commit is skipped: the snapshot is the statement's (taken at its start), pg_locks is read after it,
 * and the change_log page is read by a LATER statement (a newer snapshot). A transaction T of this database below the
 * ceiling is not among the snapshot's running ids (else the ceiling would be at most T), so it had finished when the
 * snapshot was taken — its entries are visible to the later read — or it got its id after the snapshot, at or above
 * xmax, which is at or above the ceiling. pull.test.ts forces both interleavings.
 *
 * pg_locks shows 32-bit xids; an xid8 of the snapshot is compared by its low 32 bits (two running transactions never
 * share them).
 */
export const CEILING_SQL = `
  WITH snap AS (SELECT pg_current_snapshot() AS s),
  elsewhere AS (
    SELECT l.transactionid::text::numeric AS xid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'transactionid' AND l.mode = 'ExclusiveLock' AND l.granted
       AND a.datname IS NOT NULL AND a.datname <> current_database()
    UNION ALL
    SELECT p.transaction::text::numeric FROM pg_prepared_xacts p WHERE p.database <> current_database()
  )
  SELECT coalesce(
           (SELECT min(x) FROM pg_snapshot_xip(snap.s) AS x WHERE (x::text::numeric % 4294967296) NOT IN (SELECT xid FROM elsewhere)),
           pg_snapshot_xmax(snap.s))::text AS x
    FROM snap`

async function horizon(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ x: string }>(CEILING_SQL)
  return rows[0]!.x
}

/**
 * How long committed changes have been held back behind the ceiling: seconds since the oldest change_log entry at or
 * above it was written (its transaction's start), 0 when nothing is held back. The `crm_sync_pull_lag_seconds` gauge.
 */
export async function pullLagSeconds(db: Queryable): Promise<number> {
  const x = await horizon(db)
  const { rows } = await db.query<{ lag: number | null }>(
    `SELECT extract(epoch FROM now() - c.created_at)::float8 AS lag FROM change_log c WHERE c.txid >= $1::xid8 ORDER BY c.txid, c.id LIMIT 1`,
    [x],
  )
  return Math.max(0, rows[0]?.lag ?? 0)
}

/** Test hook: runs between reading the ceiling and reading the log (pull.test.ts forces interleavings with it). */
export interface PullHooks {
  afterCeiling?(): Promise<void>
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

/**
 * The condition (on alias `t`) and parameters of a snapshot page of `table`: rows in scope with an id above `after`.
 * The ids in scope are found by index probes (scopeIdCondition), not by a predicate tested on every row: the page's
 * cost follows the user's scope, not the table — with a predicate the planner walked the whole table in id order or
 * hash-joined a sequential scan of it (pull-plan.test.ts, docs/benchmarks.md scenario 11).
 */
export function snapshotWhere(table: SyncedTable, scope: Scope, after: string | null): { where: string; params: unknown[] } {
  const condition = scopeIdCondition(table, 't', scope, 1)
  const params = scopeParams(scope, condition)
  params.push(after)
  const a = params.length
  return { where: `(${condition}) AND ($${a}::uuid IS NULL OR t.id > $${a}::uuid)`, params }
}

async function snapshotPage(db: Queryable, scope: Scope, cursor: SnapshotCursor, limit: number): Promise<Page> {
  const changes: string[] = []
  let tableIndex = SYNCED_TABLES.indexOf(cursor.table as SyncedTable)
  let after = cursor.after
  while (tableIndex < SYNCED_TABLES.length && changes.length < limit) {
    const table = SYNCED_TABLES[tableIndex]!
    const { where, params } = snapshotWhere(table, scope, after)
    const want = limit - changes.length
    const rows = await renderRows(db, table, where, params, `ORDER BY t.id LIMIT ${want}`)
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

async function logPage(db: Queryable, userId: string, scope: Scope, cursor: LogCursor, limit: number, hooks?: PullHooks): Promise<Page> {
  const x = await horizon(db)
  await hooks?.afterCeiling?.()
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
  // Caught up with everything below the horizon: resume from (X, 0) next time. Committed entries above it (held back
  // behind a transaction of this database still open) make the page `behind`: the device pulls again shortly.
  const { rows: held } = await db.query<{ behind: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM change_log c WHERE c.txid >= $1::xid8 AND (c.audience_user_id IS NULL OR c.audience_user_id = $2::uuid)) AS behind`,
    [x, userId],
  )
  return { changes, removed, cursor: logCursorAt(x, '0'), hasMore: false, watermark: x, behind: held[0]?.behind === true }
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

async function deviceLastApplied(db: Queryable, deviceId: string): Promise<number> {
  const { rows } = await db.query<{ seq: number }>(`SELECT last_applied_seq AS seq FROM sync_devices WHERE device_id = $1`, [deviceId])
  return Number(rows[0]?.seq ?? 0)
}

/**
 * A log-phase pull with nothing new, answered in ONE prepared statement: what every synced device asks on each poke
 * and periodic pull (bench scenario 9). It computes the ceiling exactly as logPage does and checks, in the same
 * snapshot, whether any entry lies between the cursor and the ceiling; if none, the answer needs no scope (the
 * user's scope only filters rows to render): cursor (ceiling, 0), watermark, `behind`, the device's last applied seq,
 * and the gc check, all from that one statement.
 *
 * One snapshot instead of logPage's two statements keeps the late-commit guarantee of CEILING_SQL: a transaction of
 * this database below the ceiling was not running in the snapshot, so it had finished and its entries are visible to
 * the same snapshot; one that got its id after the snapshot is at or above xmax, hence at or above the ceiling. gc
 * deletes entries and raises its floor in one transaction, so one snapshot sees both or neither.
 *
 * Its ceiling is CEILING_SQL's, with the lookup of running ids' databases remembered per instance (xid-places.ts):
 * an id known elsewhere is skipped, one known here bounds the ceiling, and pg_locks ⨝ pg_stat_activity is read only
 * when an id below the first known-here one is new to this instance (issue 20, scenario 9).
 */
const EMPTY_PULL_SQL = `
  WITH snap AS MATERIALIZED (SELECT pg_current_snapshot() AS s),
  -- Running ids, less those known to belong to another database ($5, xid-places.ts).
  running AS MATERIALIZED (SELECT x FROM snap, pg_snapshot_xip(snap.s) AS x WHERE x <> ALL ($5::xid8[])),
  -- The oldest running id known to be this database's ($6) bounds the ceiling: only ids below it need looking up.
  first_here AS MATERIALIZED (SELECT min(x) AS x FROM running WHERE x = ANY ($6::xid8[])),
  unknown AS MATERIALIZED (
    SELECT x, x::text::numeric % 4294967296 AS x32 FROM running
     WHERE (SELECT x FROM first_here) IS NULL OR x < (SELECT x FROM first_here)),
  -- CEILING_SQL's lookup, read only when some id is unknown: a CTE is evaluated when first scanned, and every scan
  -- of it sits in an InitPlan (ARRAY(…)) of an expression evaluated per row of "unknown".
  located AS MATERIALIZED (
    SELECT l.transactionid::text::numeric AS xid, a.datname <> current_database() AS away
      FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'transactionid' AND l.mode = 'ExclusiveLock' AND l.granted AND a.datname IS NOT NULL
    UNION ALL
    SELECT p.transaction::text::numeric, p.database <> current_database() FROM pg_prepared_xacts p
  ),
  ceiling AS MATERIALIZED (
    SELECT coalesce(
             (SELECT min(u.x) FROM unknown u WHERE u.x32 <> ALL (ARRAY(SELECT xid FROM located WHERE away))),
             (SELECT x FROM first_here),
             pg_snapshot_xmax(snap.s))::text AS x,
           pg_snapshot_xmin(snap.s)::text AS xmin,
           ARRAY(SELECT u.x::text FROM unknown u WHERE u.x32 = ANY (ARRAY(SELECT xid FROM located WHERE away))) AS away,
           ARRAY(SELECT u.x::text FROM unknown u WHERE u.x32 = ANY (ARRAY(SELECT xid FROM located WHERE NOT away))) AS here
      FROM snap)
  SELECT c.x, c.xmin, c.away, c.here,
    -- First entries in index order, not EXISTS: the statement is prepared once and its generic plan knows neither
    -- the cursor nor x, and would answer an EXISTS by scanning the whole change_log (10-20 ms at 22k entries).
    (SELECT e.id FROM change_log e
      WHERE (e.txid, e.id) > ($1::xid8, $2::bigint) AND e.txid < c.x::xid8
        AND (e.audience_user_id IS NULL OR e.audience_user_id = $3::uuid)
      ORDER BY e.txid, e.id LIMIT 1) IS NOT NULL AS pending,
    (SELECT e.id FROM change_log e
      WHERE e.txid >= c.x::xid8 AND (e.audience_user_id IS NULL OR e.audience_user_id = $3::uuid)
      ORDER BY e.txid, e.id LIMIT 1) IS NOT NULL AS behind,
    (SELECT d.last_applied_seq FROM sync_devices d WHERE d.device_id = $4) AS seq,
    $1::xid8 > pg_snapshot_xmax(pg_current_snapshot())
      OR coalesce((SELECT ($1::xid8, $2::bigint) < (g.floor_txid, g.floor_id) FROM sync_gc_state g WHERE g.id = 1), false) AS stale
  FROM ceiling c`

/** The empty page for `cursor` if nothing is pending, else null (the caller runs the full pull). */
async function emptyLogPage(
  pool: Pool,
  userId: string,
  deviceId: string | undefined,
  cursor: LogCursor,
): Promise<{ page: Page; lastAppliedSeq: number | null } | null> {
  const places = xidPlacesFor(pool)
  const { rows } = await pool.query<{
    x: string
    xmin: string
    away: string[]
    here: string[]
    pending: boolean
    behind: boolean
    seq: string | number | null
    stale: boolean
  }>({
    name: 'crm-pull-empty',
    text: EMPTY_PULL_SQL,
    values: [cursor.txid, cursor.id, userId, deviceId ?? null, ...places.params()],
  })
  const row = rows[0]!
  places.learn(row.away, row.here, row.xmin)
  if (row.pending) return null
  if (row.stale) throw new ResyncRequiredError()
  return {
    page: { changes: [], removed: [], cursor: logCursorAt(row.x, '0'), hasMore: false, watermark: row.x, behind: row.behind },
    lastAppliedSeq: deviceId ? Number(row.seq ?? 0) : null,
  }
}

/** Runs one pull and returns the response body as JSON text. */
export async function pull(pool: Pool, input: PullInput, stats?: { changes: number; removed: number }, hooks?: PullHooks): Promise<string> {
  const limit = input.limit ?? DEFAULT_PULL_LIMIT
  const cursor: PullCursor | null = input.cursor === null ? null : decodeCursor(input.cursor, SYNCED_TABLE_NAMES)
  // Nothing new (the common case for a synced device): one statement, no scope. Not when a test hooks the
  // ceiling/page interleaving of the full pull.
  const empty = cursor?.phase === 'log' && !hooks ? await emptyLogPage(pool, input.userId, input.deviceId, cursor) : null
  if (empty) return responseText(empty.page, empty.lastAppliedSeq, stats)
  const client = await pool.connect()
  let page: Page
  let lastAppliedSeq: number | null = null
  try {
    const { scope } = await loadScope(client, input.userId)
    if (cursor === null) {
      const start: SnapshotCursor = { v: 1, phase: 'snapshot', horizon: await horizon(client), table: SYNCED_TABLES[0], after: null }
      page = await snapshotPage(client, scope, start, limit)
    } else if (cursor.phase === 'snapshot') {
      page = await snapshotPage(client, scope, cursor, limit)
    } else {
      page = await logPage(client, input.userId, scope, cursor, limit, hooks)
    }
    lastAppliedSeq = input.deviceId ? await deviceLastApplied(client, input.deviceId) : null
    // Checked after reading the page: gc deletes entries and raises the floor in one transaction, so a deletion that
    // could have hidden entries from this page is visible here.
    if (cursor !== null && (await isCollected(client, cursor))) throw new ResyncRequiredError()
  } finally {
    client.release()
  }
  return responseText(page, lastAppliedSeq, stats)
}

function responseText(page: Page, lastAppliedSeq: number | null, stats?: { changes: number; removed: number }): string {
  if (stats) {
    stats.changes = page.changes.length
    stats.removed = page.removed.length
  }
  return (
    `{"changes":[${page.changes.join(',')}],"removed":${JSON.stringify(page.removed)},` +
    `"cursor":${JSON.stringify(encodeCursor(page.cursor))},"hasMore":${page.hasMore},` +
    `"watermark":${JSON.stringify(page.watermark)},"serverTime":${JSON.stringify(new Date().toISOString())}` +
    `${page.behind ? ',"behind":true' : ''}${lastAppliedSeq === null ? '' : `,"lastAppliedSeq":${lastAppliedSeq}`}}`
  )
}

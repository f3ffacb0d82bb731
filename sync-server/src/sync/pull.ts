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
import { decodeCursor, logCursorAt, type LogCursor, type PullCursor, type SnapshotCursor } from './cursor'
import { rightsCacheFor } from './rights-cache'
import { loadScope, scopeCondition, scopeIdCondition, type Scope } from './scope'
import { SYNCED_TABLE_NAMES, TABLES } from './tables'
import { emptyResponseText, responseText, type PageText, type PullStats } from './pull-response'
import { parseSnapshot, xidBelow, xidPlacesFor, type Snapshot, type XidPlaces } from './xid-places'
import { quoteIdent } from '../postgres/quote'
import { loadSessionState, sessionStateOf, sessionStateSql, type SessionState, type SessionStateRow } from '../auth/sessions'

export interface PullInput {
  readonly userId: string
  /** The pulling device: its last applied seq is returned (a restored device renumbers its outbox above it). */
  readonly deviceId?: string
  readonly cursor: string | null
  readonly limit?: number
  /**
   * The request's session, when the route leaves its check to the pull: a log pull reads it in its first statement
   * (one statement fewer per pull, issue 20), any other pull checks it first with a statement of its own. Either way
   * it is judged before anything of the page is used, in a snapshot at least as new as a separate check's would be.
   */
  readonly session?: PullSession
}

export interface PullSession {
  /** user_sessions.id from the verified access token (the user and device are the input's). */
  readonly id: string
  /** Throws the route's refusal (401, 403, 410) unless the session stands. */
  accept(state: SessionState): void
}

type Page = PageText

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

/**
 * Test hooks (pull-ceiling.test.ts, pull-empty.test.ts force interleavings with them). Passing hooks without
 * `afterSnapshot` runs the general pull (ceiling, then scope, then the page) instead of starting from the empty-pull
 * statement.
 */
export interface PullHooks {
  /** General pull: before reading the ceiling. */
  beforeCeiling?(): Promise<void>
  /** General pull: between reading the ceiling and reading the user's scope and the log. */
  afterCeiling?(): Promise<void>
  /** Log pull after the empty-pull statement found entries: between that statement and reading the log. */
  afterSnapshot?(): Promise<void>
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

/** Order of two non-negative integers as PostgreSQL prints them (decimal, no leading zeros). */
const decimalCompare = (a: string, b: string): number => (a === b ? 0 : xidBelow(a, b) ? -1 : 1)

interface LogEntry {
  id: string
  txid: string
  table_name: string
  row_id: string
  kind: string
}

/**
 * Whether resuming the log at the cursor ($1 txid, $2 id) is impossible, as SQL read in the statement's own snapshot:
 * the cursor lies beyond any transaction this database has started, or below what gc collected (isCollected, and
 * logPage's statement).
 */
const STALE_CURSOR_SQL = `($1::xid8 > pg_snapshot_xmax(pg_current_snapshot())
  OR coalesce((SELECT ($1::xid8, $2::bigint) < (floor_txid, floor_id) FROM sync_gc_state WHERE id = 1), false))`

/**
 * The log page after `cursor` below the ceiling `x`, read by a later statement than the one `x` came from. The scope
 * must be at least as new as `x`'s snapshot (it reflects every transaction below `x`, in particular one that took a
 * row out of the user's principals and logged `leave` entries this page consumes).
 *
 * `scopeAt` gives the user's scope, at least as new as the authz epoch read by the page's statement (or the scope itself
 * when the caller loaded it after the ceiling).
 *
 * One statement reads the entries after the cursor, one more than a page, not bounded by `x`: those below `x` are a
 * prefix (txid order); one at or above it means the prefix holds every entry below `x` and the page is `behind`. The
 * same statement checks that gc has not collected entries the page needed (gc deletes entries and raises its floor in
 * one transaction, so one snapshot sees both or neither) and that the cursor is not from the future
 * (ResyncRequiredError): the page costs one statement plus one per table of its rows (issue 20, scenario 4).
 */
async function logPage(
  db: Queryable,
  userId: string,
  scopeAt: (epoch: string | null) => Scope | Promise<Scope>,
  cursor: LogCursor,
  limit: number,
  x: string,
): Promise<Page> {
  const { rows: read } = await db.query<Partial<LogEntry> & { stale: boolean; epoch: string | null }>(
    `SELECT g.stale, g.epoch, c.id::text AS id, c.txid::text AS txid, c.table_name, c.row_id::text AS row_id, c.kind
       FROM (SELECT ${STALE_CURSOR_SQL} AS stale,
                    (SELECT a.epoch FROM authz_epoch a WHERE a.id = 1)::text AS epoch) g
       LEFT JOIN LATERAL (
         SELECT c.id, c.txid, c.table_name, c.row_id, c.kind FROM change_log c
          WHERE (c.txid, c.id) > ($1::xid8, $2::bigint) AND (c.audience_user_id IS NULL OR c.audience_user_id = $3::uuid)
          ORDER BY c.txid, c.id
          LIMIT $4) c ON true`,
    [cursor.txid, cursor.id, userId, limit + 1],
  )
  if (read[0]?.stale === true) throw new ResyncRequiredError()
  // The rights as of this statement: after the ceiling's snapshot, so they reflect every transaction below it.
  const scope = await scopeAt(read[0]?.epoch ?? null)
  // In (txid, id) order: the join keeps the index order in practice, but SQL does not promise it, and an ORDER BY
  // there sorted again (0.3 ms for a page of 1,000); a sorted array is one pass for Array#sort.
  const after = read
    .filter((entry): entry is LogEntry & { stale: boolean; epoch: string | null } => entry.id !== null && entry.id !== undefined)
    .sort((a, b) => (a.txid === b.txid ? decimalCompare(a.id, b.id) : decimalCompare(a.txid, b.txid)))
  const below = after.filter((entry) => xidBelow(entry.txid, x))
  const entries = below.slice(0, limit)

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
  return { changes, removed, cursor: logCursorAt(x, '0'), hasMore: false, watermark: x, behind: after.length > below.length }
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
  const { rows } = await db.query<{ stale: boolean }>(`SELECT ${STALE_CURSOR_SQL} AS stale`, [txid, id])
  return rows[0]?.stale === true
}

async function deviceLastApplied(db: Queryable, deviceId: string): Promise<number> {
  const { rows } = await db.query<{ seq: number }>(`SELECT last_applied_seq AS seq FROM sync_devices WHERE device_id = $1`, [deviceId])
  return Number(rows[0]?.seq ?? 0)
}

/**
 * A log-phase pull with nothing new, answered in ONE prepared statement: what every synced device asks on each poke
 * and periodic pull (bench scenario 9). The statement reads, in one snapshot: the snapshot itself, the first entry
 * for this user after the cursor, the device's last applied seq and the gc floor check. The ceiling is then CEILING_SQL's
 * rule applied here to the snapshot's running ids (xid-places.ts `ceiling`), and the answer needs no scope (the
 * user's scope only filters rows to render).
 *
 * Why one probe answers both questions: the cursor is at or below (ceiling, 0) (checked; a cursor above it takes the
 * full pull), and change_log ids are positive, so every entry at or above the ceiling lies after the cursor. The
 * first entry after the cursor is therefore below the ceiling (pending: run the full pull) or at or above it
 * (`behind`), or there is none (neither).
 *
 * One snapshot keeps the late-commit guarantee of CEILING_SQL: a transaction of this database below the ceiling was
 * not running in the snapshot, so it had finished and its entries are visible to the probe; one that got its id after
 * the snapshot is at or above xmax, hence at or above the ceiling. gc deletes entries and raises its floor in one
 * transaction, so one snapshot sees both or neither.
 *
 * Where a running id could bound the ceiling and its database is not yet known to this instance, a second statement
 * looks it up (LOCATE_SQL, CEILING_SQL's lookup) — after the snapshot, which is safe: an id's database never changes,
 * and an id found nowhere counts as this database's (issue 20, scenario 9: PostgreSQL computing the ceiling in SQL,
 * with its CTEs, made the statement 2–3× a SELECT 1; read this way it is ~1.5×).
 */
export const EMPTY_PULL_SQL = `
  SELECT pg_current_snapshot()::text AS snap,
    -- Nothing can follow a cursor at or above the snapshot's xmax: every entry this snapshot sees was written by a
    -- transaction below xmax. That is the cursor a device sends again when no transaction of the cluster has taken an
    -- id since its last answer, so the probe is skipped then (PostgreSQL evaluates the sub-select, an InitPlan, only
    -- when the CASE reaches it; pull-empty.test.ts checks the plan says "never executed").
    CASE WHEN $1::xid8 >= pg_snapshot_xmax(pg_current_snapshot()) THEN NULL ELSE
    -- First entry in index order, not EXISTS: the statement is prepared once and its generic plan does not know the
    -- cursor, and would answer an EXISTS by scanning the whole change_log (10-20 ms at 22k entries).
    (SELECT e.txid::text FROM change_log e
      WHERE (e.txid, e.id) > ($1::xid8, $2::bigint) AND (e.audience_user_id IS NULL OR e.audience_user_id = $3::uuid)
      ORDER BY e.txid, e.id LIMIT 1) END AS next,
    (SELECT d.last_applied_seq FROM sync_devices d WHERE d.device_id = $4::uuid) AS seq,
    coalesce((SELECT ($1::xid8, $2::bigint) < (g.floor_txid, g.floor_id) FROM sync_gc_state g WHERE g.id = 1), false) AS collected,
    -- The request's session ($5; null when the caller checked it already): the route's session check, read here.
    sess.wiped, sess.live, sess.user_tier, sess.role_id, sess.must_change
  FROM ${sessionStateSql('$5::uuid', '$3::uuid', '$4::uuid')} sess`

/**
 * Which database runs each transaction whose low 32 bits are in $1 (pg_locks shows 32-bit xids): CEILING_SQL's
 * lookup. Every transaction holds the lock on its own id; prepared transactions are listed apart.
 */
const LOCATE_SQL = `
  SELECT l.transactionid::text AS xid, a.datname <> current_database() AS away
    FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
   WHERE l.locktype = 'transactionid' AND l.mode = 'ExclusiveLock' AND l.granted AND a.datname IS NOT NULL
     AND l.transactionid::text = ANY ($1::text[])
  UNION ALL
  SELECT p.transaction::text, p.database <> current_database() FROM pg_prepared_xacts p WHERE p.transaction::text = ANY ($1::text[])`

const XID32 = 4_294_967_296n

/** The ceiling of `snapshot` after looking up (and remembering) the databases of running ids this instance does not know. */
async function locatedCeiling(pool: Pool, places: XidPlaces, snapshot: Snapshot): Promise<string> {
  const unknown = new Map(places.unknown(snapshot).map((xid) => [String(BigInt(xid) % XID32), xid]))
  const { rows } = await pool.query<{ xid: string; away: boolean }>({ name: 'crm-pull-locate', text: LOCATE_SQL, values: [[...unknown.keys()]] })
  const away: string[] = []
  const here: string[] = []
  for (const row of rows) {
    const xid = unknown.get(row.xid)
    if (xid === undefined) continue
    ;(row.away ? away : here).push(xid)
    unknown.delete(row.xid)
  }
  places.learn(away, here, snapshot.xmin)
  // Found nowhere (just assigned, or just finished): this database's for this pull, as CEILING_SQL counts it.
  return places.ceiling(snapshot, new Set(unknown.values()))!
}

/** What the empty-pull statement found when entries below the ceiling follow the cursor: the page is read next. */
interface Pending {
  /** The ceiling of the statement's snapshot. */
  readonly x: string
  readonly lastAppliedSeq: number | null
}

/**
 * The empty page's response text for `cursor` if nothing is pending; what the statement found if entries below the
 * ceiling follow the cursor (`pending`); null when the cursor is above the ceiling (the general pull answers it).
 */
async function emptyLogPage(
  pool: Pool,
  userId: string,
  deviceId: string | undefined,
  cursor: LogCursor,
  stats?: PullStats,
  session?: PullSession,
): Promise<string | { pending: Pending } | null> {
  const { rows } = await pool.query<{ snap: string; next: string | null; seq: string | number | null; collected: boolean } & SessionStateRow>({
    name: 'crm-pull-empty',
    text: EMPTY_PULL_SQL,
    values: [cursor.txid, cursor.id, userId, deviceId ?? null, session?.id ?? null],
  })
  const row = rows[0]!
  session?.accept(sessionStateOf(row))
  const snapshot = parseSnapshot(row.snap)
  const places = xidPlacesFor(pool)
  const x = places.ceiling(snapshot) ?? (await locatedCeiling(pool, places, snapshot))
  // A cursor above (x, 0) (issued by an instance that knew more running ids) is left to the full pull.
  if (!(xidBelow(cursor.txid, x) || (cursor.txid === x && cursor.id === '0'))) return null
  if (row.next !== null && xidBelow(row.next, x)) return { pending: { x, lastAppliedSeq: deviceId ? Number(row.seq ?? 0) : null } }
  if (xidBelow(snapshot.xmax, cursor.txid) || row.collected) throw new ResyncRequiredError()
  return emptyResponseText(x, row.next !== null, deviceId ? Number(row.seq ?? 0) : null, stats)
}

/** Runs one pull and returns the response body as JSON text. */
export async function pull(pool: Pool, input: PullInput, stats?: PullStats, hooks?: PullHooks): Promise<string> {
  const limit = input.limit ?? DEFAULT_PULL_LIMIT
  let cursor: PullCursor | null
  try {
    cursor = input.cursor === null ? null : decodeCursor(input.cursor, SYNCED_TABLE_NAMES)
  } catch (error) {
    // A session refusal comes before a complaint about the request, as behind app.authenticate.
    if (input.session) input.session.accept(input.deviceId ? await loadSessionState(pool, input.session.id, input.userId, input.deviceId) : { state: 'ended' })
    throw error
  }
  // A log pull starts with the empty-pull statement: nothing new (the common case for a synced device) is answered by
  // it alone; entries to deliver are read next, below its ceiling. Not when a test hooks the general pull.
  let session = input.session
  if (cursor?.phase === 'log' && (hooks === undefined || hooks.afterSnapshot !== undefined)) {
    const empty = await emptyLogPage(pool, input.userId, input.deviceId, cursor, stats, session)
    if (typeof empty === 'string') return empty
    if (empty !== null) return pendingLogPage(pool, input, cursor, limit, empty.pending, stats, hooks)
    session = undefined // judged by the statement above
  }
  if (session) session.accept(input.deviceId ? await loadSessionState(pool, session.id, input.userId, input.deviceId) : { state: 'ended' })
  const client = await pool.connect()
  let page: Page
  let lastAppliedSeq: number | null = null
  try {
    // The ceiling first, then the scope: the scope must reflect every transaction below the ceiling (a rights change
    // committed in between, with its `leave` entries below the ceiling, judged by the principals from before it would
    // send the rows it took away as changes, and the device would keep them). pull-scope-race.test.ts.
    await hooks?.beforeCeiling?.()
    const x = cursor === null || cursor.phase === 'log' ? await horizon(client) : null
    await hooks?.afterCeiling?.()
    const { scope } = await loadScope(client, input.userId)
    // Read before the page's rows: every push counted in it has committed, so the rows sent hold its effects and the
    // device may stop re-applying those entries over them (engine.ts applyPage).
    lastAppliedSeq = input.deviceId ? await deviceLastApplied(client, input.deviceId) : null
    if (cursor === null) {
      const start: SnapshotCursor = { v: 1, phase: 'snapshot', horizon: x!, table: SYNCED_TABLES[0], after: null }
      page = await snapshotPage(client, scope, start, limit)
    } else if (cursor.phase === 'snapshot') {
      page = await snapshotPage(client, scope, cursor, limit)
      // Checked after reading the page: gc deletes entries and raises the floor in one transaction, so a deletion that
      // could have hidden entries from this page is visible here (logPage checks its own).
      if (await isCollected(client, cursor)) throw new ResyncRequiredError()
    } else {
      page = await logPage(client, input.userId, () => scope, cursor, limit, x!)
    }
  } finally {
    client.release()
  }
  return responseText(page, lastAppliedSeq, stats)
}

/**
 * A log pull whose empty-pull statement found entries below its ceiling: the page is read below that ceiling (read by
 * an earlier statement than the page, as CEILING_SQL's guarantee needs), with the device's seq from the same
 * statement (read before the page's rows, as the general pull reads it) and the user's scope from the rights cache at
 * the authz epoch read by the page's own statement — a later snapshot than the ceiling's, so the rights reflect every
 * transaction below the ceiling (loaded afresh, newer still, on a miss). Three statements fewer than the general pull: scope, seq and the ceiling's
 * pg_locks read (issue 20, scenario 4).
 */
async function pendingLogPage(
  pool: Pool,
  input: PullInput,
  cursor: LogCursor,
  limit: number,
  pending: Pending,
  stats?: PullStats,
  hooks?: PullHooks,
): Promise<string> {
  await hooks?.afterSnapshot?.()
  const client = await pool.connect()
  let page: Page
  try {
    const scopeAt = async (epoch: string | null): Promise<Scope> => {
      const cached = epoch === null ? null : rightsCacheFor(pool).get(input.userId, epoch)
      return cached ? cached.scope : (await loadScope(client, input.userId)).scope
    }
    page = await logPage(client, input.userId, scopeAt, cursor, limit, pending.x)
  } finally {
    client.release()
  }
  return responseText(page, pending.lastAppliedSeq, stats)
}

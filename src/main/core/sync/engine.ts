/**
 * One sync: push the outbox, then pull until the server has nothing more (docs/architecture.md §4–§6, §8).
 *
 * Crash safety comes from ordering and idempotency, not from coordination:
 * - Push: an entry is deleted only after the server answered for it. A crash between the server's commit and our
 *   delete re-sends it next time; the server answers `duplicate` (it keeps the highest applied seq per device).
 * - Pull: a page, the cursor after it and the watermark are committed in ONE SQLite transaction. A crash re-pulls at
 *   most one page, and applying a row twice is harmless.
 * - Pending local edits are re-applied over every pulled row they touch in that same transaction, so the user never
 *   sees their unsynced edit flicker back to the server's value.
 */
import { SCHEMA_VERSION, parseMutation, type Mutation, type PullResponse, type PushResponse } from '../../../shared/sync/protocol'
import { type DeviceClock } from '../clock'
import { createOutboxStore, rowKey, type OutboxEntry, type OutboxStore } from '../outbox/outbox-store'
import { createReplicaStatements, type ReplicaStatements } from '../replica/statements'
import { type TableMeta, type TableRegistry } from '../replica/table-meta'
import { type Sqlite } from '../sqlite'
import { type DeviceState } from '../state'
import { SyncError, isSyncError } from './errors'
import { type Transport } from './transport'
import { buildPendingSearchGrams, isSearchGramsPending, pauseSearchIndex, resumeSearchIndex } from '../../db/search-index'
import { recordRenamedCodes, type RenamedCode } from './renamed-codes'
import {
  assertRoomForFirstSync,
  checkpointIfLarge,
  DEFAULT_FIRST_SYNC_MIN_FREE_BYTES,
  diskFullWhileApplying,
  isDiskFullError,
  WAL_BOUND_BYTES,
} from './disk-guard'
import { CHANGE_IDS_LIMIT } from '../../../shared/ipc/live'

/**
 * Mutations per push request: the server's savepoint batch (sync-server push.ts), so one request is one batch. Measured
 * with `npm run bench -- --only 2` (10,000 edits): 500 → 7,347/s, 1,000 → 8,821/s; each request pays fixed costs
 * (auth, scope and permission loads, device lock, COMMIT) that larger batches share.
 */
export const DEFAULT_PUSH_BATCH = 1000
/**
 * Rows per pull page. Larger than the protocol's default (2,000): each page is one SQLite commit, and fewer, larger
 * commits apply a first sync faster; 5,000 rows of JSON is still only a few MB in memory.
 */
export const DEFAULT_DEVICE_PULL_LIMIT = 5_000

export interface PushReport {
  /** Applied or duplicate: gone from the outbox. */
  readonly acknowledged: number
  readonly rejected: number
  readonly batches: number
}

export interface PageReport {
  readonly upserted: number
  readonly removed: number
  /** Rows of tables this device does not know (a newer server): skipped. */
  readonly skipped: number
  /** Pending local entries re-applied on top of pulled rows. */
  readonly reapplied: number
  /** Pending entries that could not be re-applied (left pending; the row shows the server's value). */
  readonly reapplyFailed: number
  readonly tables: readonly string[]
  /** Row ids per table when the page was small (CHANGE_IDS_LIMIT rows); absent for a large page. */
  readonly ids?: Readonly<Record<string, readonly string[]>>
}

export interface PullReport {
  readonly pages: number
  readonly upserted: number
  readonly removed: number
  /** The largest WAL seen between pages (bytes): bounded by disk-guard's WAL_BOUND_BYTES plus one page. */
  readonly maxWalBytes: number
}

export interface SyncReport {
  readonly push: PushReport
  readonly pull: PullReport
}

export interface SyncEngine {
  syncOnce(): Promise<SyncReport>
  push(): Promise<PushReport>
  pull(): Promise<PullReport>
  /** Apply one pull page in one transaction (exposed for tests and the bulk-apply benchmark). */
  applyPage(page: PullResponse): PageReport
  /**
   * Resolves once the search pieces a first sync left for later are filled (at once when none are). The engine fills
   * them on a timer after the pull returns, or after start when a quit left them pending; searches meanwhile use scans.
   */
  searchReady(): Promise<void>
}

export interface SyncEngineOptions {
  readonly sqlite: Sqlite
  readonly registry: TableRegistry
  readonly transport: Pick<Transport, 'push' | 'pull'>
  readonly state: DeviceState
  readonly clock: DeviceClock
  readonly outbox?: OutboxStore
  readonly statements?: ReplicaStatements
  readonly pushBatchSize?: number
  readonly pullLimit?: number
  readonly schemaVersion?: number
  /** Free space required before a first sync into an empty replica (default DEFAULT_FIRST_SYNC_MIN_FREE_BYTES). */
  readonly firstSyncMinFreeBytes?: number
  /** WAL size at which bulk apply checkpoints (default WAL_BOUND_BYTES; tests use a small one). */
  readonly walBoundBytes?: number
  /** After each committed page: which tables changed (the UI refreshes its lists). */
  readonly onPulled?: (report: PageReport) => void
  /** After each push batch: the pending count changed. */
  readonly onPushed?: (report: PushReport) => void
  /** Waits before re-pulling a page answered `behind` (default: a real timer; tests pass an instant one). */
  readonly delay?: (ms: number) => Promise<void>
}

/**
 * Waits between re-pulls of a page answered `behind` (sync-protocol §2): short first (the transaction holding the
 * horizon is usually a push committing within milliseconds), ≈ 5 s in all.
 */
const BEHIND_CHASE_DELAYS_MS = [10, 20, 40, 80, 160, 320, 640, 1000, 1000, 1000] as const

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { sqlite, registry, transport, state, clock } = options
  const outbox = options.outbox ?? createOutboxStore(sqlite, state)
  const statements = options.statements ?? createReplicaStatements(sqlite)
  const pullLimit = options.pullLimit ?? DEFAULT_DEVICE_PULL_LIMIT
  const firstSyncMinFree = options.firstSyncMinFreeBytes ?? DEFAULT_FIRST_SYNC_MIN_FREE_BYTES
  const walBound = options.walBoundBytes ?? WAL_BOUND_BYTES
  const schemaVersion = options.schemaVersion ?? SCHEMA_VERSION
  const reversed = [...registry.tables].reverse()
  const delay = options.delay ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.()))
  const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`

  /**
   * Full re-sync sweep. While a snapshot (a pull from cursor null) runs over a replica that already holds rows, every
   * (table, id) it delivers is noted in a TEMP table; when the snapshot completes, every local row it did not deliver
   * is deleted (its tombstone was collected on the server, or it left the scope while the device was away), except
   * rows with pending outbox entries. The TEMP table lives only in this connection: after a crash mid-snapshot the
   * pull resumes from its cursor without a sweep (nothing is deleted wrongly) and the next full snapshot sweeps.
   */
  let snapshotTracking = false
  const beginSnapshotTracking = (): void => {
    sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS sync_snapshot_seen (table_name TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (table_name, id)) WITHOUT ROWID')
    sqlite.exec('DELETE FROM temp.sync_snapshot_seen')
    snapshotTracking = true
  }
  const endSnapshotTracking = (): void => {
    if (!snapshotTracking) return
    snapshotTracking = false
    sqlite.exec('DELETE FROM temp.sync_snapshot_seen')
  }
  const replicaHasRows = (): boolean => registry.tables.some((meta) => sqlite.prepare(`SELECT 1 FROM ${quote(meta.name)} LIMIT 1`).get() !== undefined)
  const sweepUndelivered = (): PageReport => {
    const tables: string[] = []
    let removed = 0
    sqlite.transaction(() => {
      for (const meta of reversed) {
        const { changes } = sqlite
          .prepare(
            `DELETE FROM ${quote(meta.name)} WHERE "id" NOT IN (SELECT id FROM temp.sync_snapshot_seen WHERE table_name = @t)` +
              ` AND "id" NOT IN (SELECT row_id FROM outbox WHERE status = 'pending' AND table_name = @t)`,
          )
          .run({ t: meta.name })
        if (changes > 0) {
          tables.push(meta.name)
          removed += changes
        }
      }
    })()
    return { upserted: 0, removed, skipped: 0, reapplied: 0, reapplyFailed: 0, tables }
  }

  const deviceId = (): string => {
    const id = state.get('device_id')
    if (!id) throw new SyncError('auth', 'This device has no id yet; sign in first')
    return id
  }

  const toMutation = (entry: OutboxEntry): Mutation => ({
    seq: entry.seq,
    table: entry.table,
    id: entry.rowId,
    op: entry.op,
    fields: entry.fields as Mutation['fields'],
    hlc: entry.hlc,
    base: entry.base,
  })

  /** Records the server's answers for one batch in one transaction. Returns how many entries it settled. */
  const settle = (batch: readonly OutboxEntry[], response: PushResponse): { acknowledged: number; rejected: number } => {
    const results = new Map(response.results.map((r) => [r.seq, r]))
    let acknowledged = 0
    let rejected = 0
    const renamed: RenamedCode[] = []
    sqlite.transaction(() => {
      for (const entry of batch) {
        const result = results.get(entry.seq)
        if (!result) continue
        if (result.status === 'rejected') {
          outbox.reject(entry.seq, result.reason ?? 'Rejected by the server')
          rejected += 1
        } else {
          // applied or duplicate. A clamped stamp (result.hlc) needs nothing here: the server kept the change.
          outbox.acknowledge(entry.seq)
          acknowledged += 1
          // The new code arrives with the next pull; the note tells the user why it changed.
          if (result.renamed) renamed.push({ table: entry.table, rowId: entry.rowId, ...result.renamed, at: response.serverTime })
        }
      }
      recordRenamedCodes(state, renamed)
    })()
    return { acknowledged, rejected }
  }

  /** Renumbers the pending outbox when the server's seq is ahead of this device's counter; how many entries moved. */
  const catchUpSeq = (serverSeq: number | undefined): number =>
    serverSeq === undefined || serverSeq <= outbox.lastSeq() ? 0 : sqlite.transaction(() => outbox.catchUpSeq(serverSeq))()

  const push = async (): Promise<PushReport> => {
    let batchSize = options.pushBatchSize ?? DEFAULT_PUSH_BATCH
    let acknowledged = 0
    let rejected = 0
    let batches = 0
    for (;;) {
      const batch = outbox.pendingBatch(batchSize)
      if (batch.length === 0) break
      // An entry the server's schema would refuse would fail the whole request, forever: reject it locally instead,
      // so it is shown to the user and never blocks the entries behind it.
      const valid: OutboxEntry[] = []
      const mutations: Mutation[] = []
      for (const entry of batch) {
        // parseMutation answers as mutationSchema.safeParse, without zod for the well-formed case (10k entries a push).
        const parsed = parseMutation(toMutation(entry))
        if (parsed.success) {
          valid.push(entry)
          mutations.push(parsed.data)
        } else {
          outbox.reject(entry.seq, `Invalid change (not sent): ${parsed.error.issues[0]?.message ?? 'invalid'}`)
          rejected += 1
        }
      }
      if (valid.length === 0) continue
      let response: PushResponse
      try {
        response = await transport.push({ deviceId: deviceId(), schemaVersion, mutations })
      } catch (error) {
        if (isSyncError(error) && error.details.status === 413) {
          if (batchSize > 1) {
            batchSize = Math.max(1, Math.floor(batchSize / 2))
            continue
          }
          outbox.reject(valid[0]!.seq, 'Too large for the server to accept')
          rejected += 1
          continue
        }
        throw error
      }
      clock.observe(response.serverTime)
      batches += 1
      // A restored replica (an older copy of this device): the server has processed seqs this device never assigned
      // since the copy, so its answers `duplicate` are about other edits. Settle nothing, renumber the unsent outbox
      // above the server's seq, and push again (docs/sync-protocol.md § Restored device).
      if (catchUpSeq(response.lastAppliedSeq) > 0) continue
      const settled = settle(valid, response)
      acknowledged += settled.acknowledged
      rejected += settled.rejected
      options.onPushed?.({ acknowledged, rejected, batches })
      if (settled.acknowledged + settled.rejected === 0) {
        throw new SyncError('protocol', 'The server answered none of the pushed changes')
      }
    }
    return { acknowledged, rejected, batches }
  }

  const applyPage = (page: PullResponse): PageReport => {
    // Group by table and apply parents before children (a foreign key must find its parent), keeping the server's
    // order within a table.
    const groups = new Map<TableMeta, PullResponse['changes']>()
    let skipped = 0
    for (const change of page.changes) {
      const meta = registry.get(change.table)
      if (!meta) {
        skipped += 1
        continue
      }
      let group = groups.get(meta)
      if (!group) groups.set(meta, (group = []))
      group.push(change)
    }
    const tables = new Set<string>()
    let upserted = 0
    let removed = 0
    let reapplied = 0
    let reapplyFailed = 0

    sqlite.transaction(() => {
      if (snapshotTracking && page.changes.length > 0) {
        const seen = sqlite.prepare('INSERT OR IGNORE INTO temp.sync_snapshot_seen (table_name, id) VALUES (?, ?)')
        for (const change of page.changes) seen.run(change.table, change.id)
      }
      const trackRows = outbox.hasPending()
      const touched = new Set<string>()
      for (const meta of registry.tables) {
        const group = groups.get(meta)
        if (!group) continue
        tables.add(meta.name)
        for (const change of group) {
          statements.upsertRow(meta, change.id, change.row)
          if (trackRows) touched.add(rowKey(meta.name, change.id))
        }
        upserted += group.length
      }
      // Children before parents when rows leave the scope.
      if (page.removed.length > 0) {
        const byTable = new Map<string, string[]>()
        for (const { table, id } of page.removed) {
          let ids = byTable.get(table)
          if (!ids) byTable.set(table, (ids = []))
          ids.push(id)
        }
        for (const meta of reversed) {
          const ids = byTable.get(meta.name)
          if (!ids) continue
          tables.add(meta.name)
          for (const id of ids) statements.deleteRow(meta, id)
          removed += ids.length
        }
      }
      state.set('pull_cursor', page.cursor)
      state.set('watermark', page.watermark)
      if (trackRows) {
        // An entry at or below the server's processed seq was decided by a push whose answer never arrived: the
        // pulled row already holds the server's verdict (lastAppliedSeq is read before the rows), so re-applying it
        // would keep a losing value on screen for good — the retry is answered `duplicate` and changes nothing.
        const processed = page.lastAppliedSeq ?? 0
        for (const entry of outbox.pendingForRows(touched)) {
          if (entry.seq <= processed) continue
          const meta = registry.get(entry.table)
          if (!meta) continue
          try {
            if (statements.updateFields(meta, entry.rowId, entry.fields)) reapplied += 1
          } catch {
            // A local edit that no longer fits the pulled row must not make the page (and every later sync) fail:
            // the row shows the server's value, the entry stays pending and the server decides when it is pushed.
            reapplyFailed += 1
          }
        }
      }
    })()

    // Screens with one record open reload only when it is named, so small pages carry their row ids.
    let ids: Record<string, string[]> | undefined
    if (upserted + removed <= CHANGE_IDS_LIMIT) {
      ids = {}
      for (const [meta, group] of groups) for (const change of group) (ids[meta.name] ??= []).push(change.id)
      for (const { table, id } of page.removed) if (registry.get(table)) (ids[table] ??= []).push(id)
    }
    return { upserted, removed, skipped, reapplied, reapplyFailed, tables: [...tables], ...(ids ? { ids } : {}) }
  }

  /**
   * While a multi-page pull runs (a first sync: 100k+ rows), SQLite's automatic WAL checkpoint would copy the WAL into
   * the database every ~4 MB, i.e. several times per page — a third of the apply time. It is switched off for the
   * duration and one passive checkpoint runs at the end (readers are never blocked by either).
   * A first sync also pauses the search-index triggers and rebuilds the index once at the end: per-row upkeep costs
   * ~10× a set-based rebuild (src/main/db/search-index.ts). A crash mid-way is resumed by openReplica.
   */
  const bulkMode = (firstSync: boolean): (() => void) => {
    const previous = Number(sqlite.pragma('wal_autocheckpoint', { simple: true }))
    const previousLimit = Number(sqlite.pragma('journal_size_limit', { simple: true }))
    sqlite.pragma('wal_autocheckpoint = 0')
    // …but not unbounded: checkpointIfLarge runs between pages, and this cuts the WAL file back after each one.
    sqlite.pragma(`journal_size_limit = ${walBound}`)
    if (firstSync) pauseSearchIndex(sqlite)
    return () => {
      // search_grams is filled after the pull returns (scheduleGrams): the replica is usable first.
      if (firstSync) resumeSearchIndex(sqlite, { deferGrams: true })
      sqlite.pragma(`journal_size_limit = ${Number.isFinite(previousLimit) ? previousLimit : -1}`)
      sqlite.pragma(`wal_autocheckpoint = ${Number.isFinite(previous) ? previous : 1000}`)
      try {
        sqlite.pragma('wal_checkpoint(PASSIVE)')
      } catch {
        // Busy readers: the next automatic checkpoint does it.
      }
    }
  }

  /**
   * Fills search_grams left pending by a first sync (search-index.ts), one transaction on a timer of its own, so the
   * pull's caller sees the replica first. A closed connection (the app quit) leaves it pending for the next start.
   */
  let gramsBuild: Promise<void> | null = null
  const scheduleGrams = (): void => {
    if (gramsBuild || !sqlite.open || !isSearchGramsPending(sqlite)) return
    gramsBuild = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        try {
          if (sqlite.open && !sqlite.inTransaction) buildPendingSearchGrams(sqlite)
        } catch {
          // Left pending (disk full, …): searches keep using the scans, and the next pull or start tries again.
        } finally {
          gramsBuild = null
          resolve()
        }
      }, 0)
      timer.unref?.()
    })
  }
  scheduleGrams()

  const pull = async (): Promise<PullReport> => {
    let pages = 0
    let upserted = 0
    let removed = 0
    let endBulk: (() => void) | null = null
    let resynced = false
    let behindChases = 0
    let maxWalBytes = 0
    // The next page is requested before this one is applied, so the server's query and the transfer overlap the
    // device's apply (a first sync is many pages). Its cursor is the one this page's transaction stores.
    let prefetched: Promise<PullResponse> | null = null
    const request = (cursor: string | null): Promise<PullResponse> => transport.pull({ deviceId: deviceId(), schemaVersion, cursor, limit: pullLimit })
    try {
      for (;;) {
        const cursor = state.get('pull_cursor')
        let page: PullResponse
        const ahead = prefetched
        prefetched = null
        try {
          page = await (ahead ?? request(cursor))
        } catch (error) {
          // 410 resync_required: the server has collected the change log behind our cursor (sync-server gc). Start the
          // pull over from the beginning; the outbox is untouched and pending edits are re-applied over pulled rows.
          if (!resynced && cursor !== null && isSyncError(error) && error.details.status === 410 && error.kind !== 'wiped') {
            resynced = true
            state.set('pull_cursor', null)
            state.set('watermark', null)
            continue
          }
          throw error
        }
        catchUpSeq(page.lastAppliedSeq)
        if (cursor === null && !snapshotTracking && replicaHasRows()) beginSnapshotTracking()
        // A first sync into an empty replica: do not start a download that cannot fit.
        if (cursor === null && page.hasMore && !replicaHasRows()) assertRoomForFirstSync(sqlite, firstSyncMinFree)
        if (page.hasMore && !endBulk) endBulk = bulkMode(cursor === null)
        if (page.hasMore && page.cursor !== cursor) {
          prefetched = request(page.cursor)
          // Awaited on the next turn; if this page's apply throws first, the request's outcome no longer matters.
          prefetched.catch(() => undefined)
        }
        let report: PageReport
        try {
          report = applyPage(page)
        } catch (error) {
          // Named, and not retried by the loop: the same page would be downloaded and refused again.
          if (isDiskFullError(error)) throw diskFullWhileApplying(sqlite, JSON.stringify(page.changes).length, error)
          throw error
        }
        if (endBulk) maxWalBytes = Math.max(maxWalBytes, checkpointIfLarge(sqlite, walBound))
        clock.observe(page.serverTime)
        pages += 1
        upserted += report.upserted
        removed += report.removed
        if (report.tables.length > 0) options.onPulled?.(report)
        if (!page.hasMore) {
          if (snapshotTracking) {
            const swept = sweepUndelivered()
            removed += swept.removed
            if (swept.tables.length > 0) options.onPulled?.(swept)
          }
          // Stopped short of the newest commit (held back behind a transaction still open on the server): keep
          // pulling a little while, 50 ms doubling to 1 s (≈ 5 s in all); then the periodic sync takes over.
          if (page.behind && behindChases < BEHIND_CHASE_DELAYS_MS.length) {
            await delay(BEHIND_CHASE_DELAYS_MS[behindChases++]!)
            continue
          }
          break
        }
        if (page.cursor === cursor && page.changes.length === 0 && page.removed.length === 0) {
          throw new SyncError('protocol', 'The server said there is more to pull but did not move the cursor')
        }
      }
    } finally {
      endSnapshotTracking()
      endBulk?.()
      scheduleGrams()
    }
    return { pages, upserted, removed, maxWalBytes }
  }

  return {
    async syncOnce() {
      const pushed = await push()
      const pulled = await pull()
      state.set('last_sync_at', clock.nowIso())
      return { push: pushed, pull: pulled }
    },
    push,
    pull,
    applyPage,
    searchReady: () => gramsBuild ?? Promise.resolve(),
  }
}

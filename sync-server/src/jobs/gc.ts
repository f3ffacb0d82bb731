/**
 * Garbage collection (`npm run sync-server -- gc --horizon-days N`, docs/operations.md § Archiving and gc):
 *
 * 1. Tombstones: rows of synced tables soft-deleted (deleted_at) before the horizon are deleted for good, children
 *    first. A tombstone still referenced by a foreign key of another row is kept (counted in `kept`) and retried on
 *    the next run.
 * 2. change_log entries created before the horizon are deleted in (txid, id) order, and the greatest deleted position
 *    is recorded in sync_gc_state in the same transaction. A pull whose cursor is below that floor would silently
 *    miss changes, so pull answers it `410 resync_required` (sync/pull.ts): the device starts over with cursor null,
 *    keeping its outbox.
 * 3. sync_rejections older than the horizon (their devices have long seen the answer).
 * 4. File blobs no attachment row references any more (files/gc.ts).
 *
 * Every batch is its own transaction, so the job can be interrupted and run again; rows are taken FOR UPDATE SKIP
 * LOCKED, so two instances running it at once never fight (the CLI also takes the Redis lock `gc`).
 */
import type { Pool } from 'pg'
import { SYNCED_TABLES, type SyncedTable } from '../../../src/shared/model/tables'
import { withTransaction } from '../postgres/transaction'
import { quoteIdent } from '../postgres/quote'
import { collectFileBlobs, type BlobGcResult } from '../files/gc'
import { postgresStorage, type BlobStorage } from '../files/storage'

export interface GcOptions {
  readonly horizonDays: number
  readonly batchSize?: number
  readonly now?: Date
  /** Stop at the next batch boundary (lock lost, shutdown). */
  readonly signal?: AbortSignal
  /** Where file blobs live (default: PostgreSQL); step 4 removes the ones nothing references. */
  readonly fileStorage?: BlobStorage
}

export interface GcResult {
  readonly horizon: string
  /** Tombstones deleted per table (tables with none omitted). */
  readonly tombstones: Partial<Record<SyncedTable, number>>
  /** Tombstones kept because another row still references them. */
  readonly kept: number
  readonly changeLog: number
  readonly rejections: number
  /** The change_log position now collected up to, or null if nothing was ever collected. */
  readonly floor: { readonly txid: string; readonly id: string } | null
  /** File blobs (and abandoned uploads) removed in step 4. */
  readonly files: BlobGcResult
}

const isForeignKeyViolation = (error: unknown): boolean => (error as { code?: unknown })?.code === '23503'

export function horizonOf(days: number, now: Date = new Date()): Date {
  return new Date(now.getTime() - days * 86_400_000)
}

/**
 * Moves the children of `ids` out of the way before they are deleted (archive: an opportunity's stage history), inside
 * the same savepoint, so a parent that turns out to be referenced keeps its children. Returns the moved child rows.
 */
export type BeforeDelete = (db: Pick<Pool, 'query'>, ids: readonly string[]) => Promise<readonly { table: string; id: string }[]>

export interface DeleteOutcome {
  readonly deleted: string[]
  readonly kept: string[]
  /** Child rows `beforeDelete` moved for the deleted parents. */
  readonly children: { table: string; id: string }[]
}

/**
 * Deletes the rows `ids` of `table` in one statement; if a foreign key refuses, row by row under savepoints, keeping
 * the referenced ones. Returns the ids actually deleted.
 */
export async function deleteRowsKeepingReferenced(
  db: Pick<Pool, 'query'>,
  table: string,
  ids: readonly string[],
  beforeDelete?: BeforeDelete,
): Promise<DeleteOutcome> {
  if (ids.length === 0) return { deleted: [], kept: [], children: [] }
  await db.query('SAVEPOINT gc_batch')
  try {
    const children = beforeDelete ? await beforeDelete(db, ids) : []
    await db.query(`DELETE FROM ${quoteIdent(table)} WHERE id = ANY($1::uuid[])`, [ids])
    await db.query('RELEASE SAVEPOINT gc_batch')
    return { deleted: [...ids], kept: [], children: [...children] }
  } catch (error) {
    await db.query('ROLLBACK TO SAVEPOINT gc_batch')
    if (!isForeignKeyViolation(error)) throw error
  }
  const deleted: string[] = []
  const kept: string[] = []
  const children: { table: string; id: string }[] = []
  for (const id of ids) {
    await db.query('SAVEPOINT gc_row')
    try {
      const moved = beforeDelete ? await beforeDelete(db, [id]) : []
      await db.query(`DELETE FROM ${quoteIdent(table)} WHERE id = $1`, [id])
      await db.query('RELEASE SAVEPOINT gc_row')
      deleted.push(id)
      children.push(...moved)
    } catch (error) {
      await db.query('ROLLBACK TO SAVEPOINT gc_row')
      if (!isForeignKeyViolation(error)) throw error
      kept.push(id)
    }
  }
  return { deleted, kept, children }
}

export async function collectGarbage(pool: Pool, { horizonDays, batchSize = 1_000, now = new Date(), signal, fileStorage }: GcOptions): Promise<GcResult> {
  if (!(horizonDays >= 0)) throw new Error('horizonDays must be a non-negative number')
  const horizon = horizonOf(horizonDays, now).toISOString()
  const tombstones: Partial<Record<SyncedTable, number>> = {}
  let kept = 0

  // 1. Tombstones, children before parents.
  for (const table of [...SYNCED_TABLES].reverse()) {
    const skip: string[] = []
    for (;;) {
      signal?.throwIfAborted()
      const {
        deleted,
        kept: keptNow,
        taken,
      } = await withTransaction(pool, async (client) => {
        const { rows } = await client.query<{ id: string }>(
          `SELECT id::text AS id FROM ${quoteIdent(table)}
            WHERE deleted_at < $1::timestamptz AND NOT (id = ANY($2::uuid[]))
            ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
          [horizon, skip, batchSize],
        )
        const outcome = await deleteRowsKeepingReferenced(
          client,
          table,
          rows.map((r) => r.id),
        )
        return { ...outcome, taken: rows.length }
      })
      if (deleted.length > 0) tombstones[table] = (tombstones[table] ?? 0) + deleted.length
      kept += keptNow.length
      skip.push(...keptNow)
      if (taken < batchSize) break
    }
  }

  // 2. change_log below the horizon, recording the floor with each batch.
  let changeLog = 0
  for (;;) {
    signal?.throwIfAborted()
    const count = await withTransaction(pool, async (client) => {
      const { rows } = await client.query<{ n: number }>(
        `WITH doomed AS (
           SELECT id FROM change_log WHERE created_at < $1::timestamptz ORDER BY txid, id LIMIT $2 FOR UPDATE SKIP LOCKED
         ), gone AS (
           DELETE FROM change_log c USING doomed WHERE c.id = doomed.id RETURNING c.txid, c.id
         ), top AS (
           SELECT txid, id FROM gone ORDER BY txid DESC, id DESC LIMIT 1
         ), floor AS (
           INSERT INTO sync_gc_state (id, floor_txid, floor_id, horizon, collected_at)
           SELECT 1, txid, id, $1::timestamptz, now() FROM top
           ON CONFLICT (id) DO UPDATE
             SET floor_txid = EXCLUDED.floor_txid, floor_id = EXCLUDED.floor_id, horizon = EXCLUDED.horizon, collected_at = now()
             WHERE (sync_gc_state.floor_txid, sync_gc_state.floor_id) < (EXCLUDED.floor_txid, EXCLUDED.floor_id)
         )
         SELECT count(*)::int AS n FROM gone`,
        [horizon, batchSize],
      )
      return rows[0]?.n ?? 0
    })
    changeLog += count
    if (count < batchSize) break
  }

  // 3. Old rejection reasons.
  const rejections = await pool.query(`DELETE FROM sync_rejections WHERE created_at < $1::timestamptz`, [horizon])

  // 4. File blobs no attachment row (live, tombstone or archived) references any more.
  const files = await collectFileBlobs(pool, fileStorage ?? postgresStorage(pool), { now, ...(signal ? { signal } : {}) })

  const { rows } = await pool.query<{ txid: string; id: string }>(`SELECT floor_txid::text AS txid, floor_id::text AS id FROM sync_gc_state WHERE id = 1`)
  return { horizon, tombstones, kept, changeLog, rejections: rejections.rowCount ?? 0, floor: rows[0] ?? null, files }
}

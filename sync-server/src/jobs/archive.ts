/**
 * Archiving (`npm run sync-server -- archive --older-than-days N`, docs/operations.md § Archiving and gc): the seed's
 * pg_cron intent without pg_cron. Moves into archive_opportunities / archive_projects / archive_activities (the live
 * table's columns + archived_at):
 *
 * - opportunities CLOSED_WON / CLOSED_LOST whose actual_close_date is before the cutoff;
 * - projects COMPLETED / CANCELLED whose end_date is before the cutoff;
 * - activities whose end (end_time, else start_time, else created_at) is before the cutoff;
 *
 * only live rows (tombstones are gc's business) and never a row with possibly pending device edits. The server cannot
 * see device outboxes, so "pending" means: the row has a change_log entry or a per-field HLC stamp (the device's own
 * clock of the edit) at or after the cutoff — a device that edited it recently may still be pushing edits of the same
 * period. An edit made offline before the cutoff and pushed after archiving is answered like an edit of any row that
 * is gone (docs/operations.md).
 *
 * Devices learn of the removal through one global `leave` change_log entry per archived row (audience NULL): pull
 * answers every device that reads it with `removed` (the row is no longer visible to anyone), and a device that never
 * had the row deletes nothing. A row that another live row still references by foreign key (a project's opportunity,
 * an opportunity's stage history) stays live; it is counted in `kept` and retried on the next run.
 *
 * Each batch (rows taken FOR UPDATE SKIP LOCKED) is one transaction: the job is resumable, and several instances can
 * run it at once (the CLI also takes the Redis lock `archive`, so normally only one does the work).
 */
import type { Pool } from 'pg'
import { appendChangeLog } from '../sync/change-log'
import { withTransaction } from '../postgres/transaction'
import { deleteRowsKeepingReferenced, type BeforeDelete } from './gc'

export const ARCHIVED_TABLES = ['activities', 'projects', 'opportunities'] as const
export type ArchivedTable = (typeof ARCHIVED_TABLES)[number]

/** Which rows are finished, in terms of the cutoff timestamp ($1). Alias `t`. */
const FINISHED: Readonly<Record<ArchivedTable, string>> = {
  opportunities: `t.stage IN ('CLOSED_WON', 'CLOSED_LOST') AND t.actual_close_date < ($1::timestamptz AT TIME ZONE 'UTC')::date`,
  projects: `t.status IN ('COMPLETED', 'CANCELLED') AND t.end_date < ($1::timestamptz AT TIME ZONE 'UTC')::date`,
  activities: `coalesce(t.end_time, t.start_time, t.created_at) < $1::timestamptz`,
}

/** No sign of edits at or after the cutoff ($1, with $2 the cutoff as ISO text for HLC stamps). */
const notPending = (table: ArchivedTable): string => `
  t.deleted_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM change_log c WHERE c.table_name = '${table}' AND c.row_id = t.id AND c.created_at >= $1::timestamptz)
  AND NOT EXISTS (SELECT 1 FROM jsonb_each_text(t.field_hlc) f WHERE f.value >= $2)`

export interface ArchiveOptions {
  readonly olderThanDays: number
  readonly batchSize?: number
  readonly now?: Date
  readonly signal?: AbortSignal
  /** Called after each committed batch (progress output). */
  readonly onBatch?: (table: ArchivedTable, archived: number) => void
}

export type ArchiveResult = Record<ArchivedTable, { archived: number; kept: number }> & { readonly cutoff: string }

async function commonColumns(pool: Pool, table: string): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT a.column_name AS name
       FROM information_schema.columns a
       JOIN information_schema.columns l ON l.table_schema = a.table_schema AND l.table_name = $1 AND l.column_name = a.column_name
      WHERE a.table_schema = current_schema() AND a.table_name = $2
      ORDER BY a.ordinal_position`,
    [table, `archive_${table}`],
  )
  return rows.map((r) => r.name)
}

export async function archiveFinished(pool: Pool, { olderThanDays, batchSize = 500, now = new Date(), signal, onBatch }: ArchiveOptions): Promise<ArchiveResult> {
  if (!(olderThanDays >= 0)) throw new Error('olderThanDays must be a non-negative number')
  const cutoff = new Date(now.getTime() - olderThanDays * 86_400_000).toISOString()
  const result = { cutoff } as ArchiveResult
  // Children before parents: an activity or project may be what keeps an opportunity referenced.
  for (const table of ARCHIVED_TABLES) {
    const columns = (await commonColumns(pool, table)).map((c) => `"${c}"`).join(', ')
    const historyColumns = (await commonColumns(pool, 'opportunity_stage_history')).map((c) => `"${c}"`).join(', ')
    const beforeDelete: BeforeDelete | undefined =
      table !== 'opportunities'
        ? undefined
        : async (db, ids) => {
            const { rows } = await db.query<{ id: string }>(
              `WITH moved AS (DELETE FROM opportunity_stage_history WHERE opportunity_id = ANY($1::uuid[]) RETURNING *)
               INSERT INTO archive_opportunity_stage_history (${historyColumns}, archived_at)
               SELECT ${historyColumns}, now() FROM moved RETURNING id::text AS id`,
              [ids],
            )
            return rows.map((r) => ({ table: 'opportunity_stage_history', id: r.id }))
          }
    const skip: string[] = []
    let archived = 0
    for (;;) {
      signal?.throwIfAborted()
      const batch = await withTransaction(pool, async (client) => {
        const { rows } = await client.query<{ id: string }>(
          `SELECT t.id::text AS id FROM "${table}" t
            WHERE ${FINISHED[table]} AND ${notPending(table)} AND NOT (t.id = ANY($3::uuid[]))
            ORDER BY t.id LIMIT $4 FOR UPDATE SKIP LOCKED`,
          [cutoff, cutoff, skip, batchSize],
        )
        const ids = rows.map((r) => r.id)
        if (ids.length === 0) return { taken: 0, deleted: [] as string[], kept: [] as string[] }
        // Copy first (the rows are locked), then delete what no foreign key holds, then drop the copies of the kept.
        await client.query(
          `INSERT INTO "archive_${table}" (${columns}, archived_at)
           SELECT ${columns}, now() FROM "${table}" WHERE id = ANY($1::uuid[])`,
          [ids],
        )
        const outcome = await deleteRowsKeepingReferenced(client, table, ids, beforeDelete)
        if (outcome.kept.length > 0) await client.query(`DELETE FROM "archive_${table}" WHERE id = ANY($1::uuid[])`, [outcome.kept])
        await appendChangeLog(client, [
          ...outcome.deleted.map((rowId) => ({ table, rowId, audienceUserId: null, kind: 'leave' as const })),
          ...outcome.children.map((child) => ({ table: child.table, rowId: child.id, audienceUserId: null, kind: 'leave' as const })),
        ])
        return { taken: ids.length, ...outcome }
      })
      archived += batch.deleted.length
      skip.push(...batch.kept)
      if (batch.deleted.length > 0) onBatch?.(table, batch.deleted.length)
      if (batch.taken < batchSize) break
    }
    result[table] = { archived, kept: skip.length }
  }
  return result
}

/**
 * Archiving (`npm run sync-server -- archive --older-than-days N`, docs/operations.md § Archiving and gc): the seed's
 * pg_cron intent without pg_cron. Moves into archive_opportunities / archive_projects / archive_activities (the live
 * table's columns + archived_at):
 *
 * - opportunities CLOSED_WON / CLOSED_LOST whose actual_close_date is before the cutoff;
 * - projects COMPLETED / CANCELLED whose end_date is before the cutoff, with their whole tree (team members, sessions,
 *   classes, enrolments, attendance, feedback; migration 0008) — every finished HRD project has sessions, so a project
 *   that had to wait for its children would never be archived;
 * - activities whose end (end_time, else start_time, else created_at) is before the cutoff;
 * - with each of them, the files attached to it (and to a project's classes): archive_attachments (migration of #19);
 *
 * only live rows (tombstones are gc's business) and never a row with possibly pending device edits. The server cannot
 * see device outboxes, so "pending" means: the row has a change_log entry or a per-field HLC stamp (the device's own
 * clock of the edit) at or after the cutoff — a device that edited it recently may still be pushing edits of the same
 * period. An edit made offline before the cutoff and pushed after archiving is answered like an edit of any row that
 * is gone (docs/operations.md).
 *
 * Devices learn of the removal through one global `leave` change_log entry per archived row (audience NULL): pull
 * answers every device that reads it with `removed` (the row is no longer visible to anyone), and a device that never
 * had the row deletes nothing. Children that only exist as part of their parent (`CHILDREN` below) move with it, and a
 * recent edit of any of them keeps the parent live. A row that another live row still references by foreign key (a
 * project's opportunity, a meeting's project) stays live; it is counted in `kept` and retried on the next run.
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

/** Signs of edits at or after the cutoff ($1, with $2 the cutoff as ISO text for HLC stamps) on row alias `r`. */
const editedSince = (table: string): string => `
  (EXISTS (SELECT 1 FROM change_log c WHERE c.table_name = '${table}' AND c.row_id = r.id AND c.created_at >= $1::timestamptz)
   OR EXISTS (SELECT 1 FROM jsonb_each_text(r.field_hlc) f WHERE f.value >= $2))`

interface Child {
  readonly table: string
  /** Predicate on the child (alias-free columns) given a SQL set of parent ids. */
  readonly of: (parents: string) => string
}

const classesOf = (projects: string): string =>
  `SELECT c.id FROM training_classes c JOIN training_sessions s ON s.id = c.session_id WHERE s.project_id IN (${projects})`
const sessionsOf = (projects: string): string => `SELECT id FROM training_sessions WHERE project_id IN (${projects})`

/** Rows that are parts of an archived row and move with it, deepest first (the order their foreign keys need). */
/** Files attached to archived rows move with them (archive_attachments): their blobs stay referenced, so gc keeps them. */
const attachmentsOf = (type: string, ids: string): string => `(entity_type = '${type}' AND entity_id IN (${ids}))`

const CHILDREN: Readonly<Record<ArchivedTable, readonly Child[]>> = {
  activities: [{ table: 'attachments', of: (ids) => attachmentsOf('ACTIVITY', ids) }],
  opportunities: [
    { table: 'attachments', of: (ids) => attachmentsOf('OPPORTUNITY', ids) },
    { table: 'opportunity_stage_history', of: (ids) => `opportunity_id IN (${ids})` },
  ],
  projects: [
    { table: 'attachments', of: (ids) => `(${attachmentsOf('PROJECT', ids)} OR ${attachmentsOf('TRAINING_CLASS', classesOf(ids))})` },
    { table: 'attendance_records', of: (ids) => `class_id IN (${classesOf(ids)})` },
    { table: 'enrollments', of: (ids) => `class_id IN (${classesOf(ids)})` },
    { table: 'training_feedback', of: (ids) => `session_id IN (${sessionsOf(ids)})` },
    { table: 'training_classes', of: (ids) => `session_id IN (${sessionsOf(ids)})` },
    { table: 'training_sessions', of: (ids) => `project_id IN (${ids})` },
    { table: 'project_team_members', of: (ids) => `project_id IN (${ids})` },
  ],
}

/** Live, and neither the row nor any of its children shows an edit at or after the cutoff (alias `t`). */
const notPending = (table: ArchivedTable): string => `
  t.deleted_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM "${table}" r WHERE r.id = t.id AND ${editedSince(table)})
  ${CHILDREN[table].map((child) => `AND NOT EXISTS (SELECT 1 FROM "${child.table}" r WHERE ${child.of('SELECT t.id')} AND ${editedSince(child.table)})`).join('\n  ')}`

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

export async function archiveFinished(
  pool: Pool,
  { olderThanDays, batchSize = 500, now = new Date(), signal, onBatch }: ArchiveOptions,
): Promise<ArchiveResult> {
  if (!(olderThanDays >= 0)) throw new Error('olderThanDays must be a non-negative number')
  const cutoff = new Date(now.getTime() - olderThanDays * 86_400_000).toISOString()
  const result = { cutoff } as ArchiveResult
  // Children before parents: an activity or project may be what keeps an opportunity referenced.
  for (const table of ARCHIVED_TABLES) {
    const columns = (await commonColumns(pool, table)).map((c) => `"${c}"`).join(', ')
    const children = await Promise.all(
      CHILDREN[table].map(async (child) => ({ ...child, columns: (await commonColumns(pool, child.table)).map((c) => `"${c}"`).join(', ') })),
    )
    const beforeDelete: BeforeDelete | undefined =
      children.length === 0
        ? undefined
        : async (db, ids) => {
            const moved: { table: string; id: string }[] = []
            for (const child of children) {
              const { rows } = await db.query<{ id: string }>(
                `WITH moved AS (DELETE FROM "${child.table}" WHERE ${child.of('SELECT unnest($1::uuid[])')} RETURNING *)
                 INSERT INTO "archive_${child.table}" (${child.columns}, archived_at)
                 SELECT ${child.columns}, now() FROM moved RETURNING id::text AS id`,
                [ids],
              )
              moved.push(...rows.map((r) => ({ table: child.table, id: r.id })))
            }
            return moved
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

/**
 * Step 4 of the gc job (jobs/gc.ts): blob bytes nobody references any more. A blob is kept while any attachment row
 * names it — live, or deleted but not yet collected (tombstones go at the gc horizon, in step 1) — or an archived one
 * does (archive_attachments). A blob younger than the grace period is kept too: its attachment row may still be in a
 * device's outbox (the bytes and the row travel separately). Uploads left unfinished for longer than the grace period
 * are dropped.
 */
import type { Pool } from 'pg'
import type { BlobStorage } from './storage'

export const BLOB_GRACE_MS = 7 * 86_400_000

export interface BlobGcResult {
  readonly blobs: number
  readonly bytes: number
  readonly uploads: number
}

export async function collectFileBlobs(
  pool: Pool,
  storage: BlobStorage,
  { now = new Date(), graceMs = BLOB_GRACE_MS, batchSize = 500, signal }: { now?: Date; graceMs?: number; batchSize?: number; signal?: AbortSignal } = {},
): Promise<BlobGcResult> {
  const before = new Date(now.getTime() - graceMs).toISOString()
  let blobs = 0
  let bytes = 0
  for (;;) {
    signal?.throwIfAborted()
    // Delete the metadata row first (in its own statement): a download racing with gc then answers 404, never
    // half a file; the bytes go right after.
    const { rows } = await pool.query<{ sha256: string; size: string }>(
      `DELETE FROM file_blobs b WHERE b.sha256 IN (
         SELECT sha256 FROM file_blobs f
          WHERE f.created_at < $1::timestamptz
            AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = f.sha256)
            AND NOT EXISTS (SELECT 1 FROM archive_attachments a WHERE a.sha256 = f.sha256)
          ORDER BY f.sha256 LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING b.sha256, b.size_bytes::text AS size`,
      [before, batchSize],
    )
    if (rows.length > 0) await pool.query('DELETE FROM file_possessions WHERE sha256 = ANY($1::varchar[])', [rows.map((r) => r.sha256)])
    for (const row of rows) {
      await storage.removeBlob(row.sha256)
      blobs += 1
      bytes += Number(row.size)
    }
    if (rows.length < batchSize) break
  }
  const { rows: stale } = await pool.query<{ sha256: string }>('DELETE FROM file_uploads WHERE updated_at < $1::timestamptz RETURNING sha256', [before])
  for (const row of stale) await storage.removeUpload(row.sha256)
  return { blobs, bytes, uploads: stale.length }
}

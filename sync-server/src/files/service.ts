/**
 * The file rules of the server (docs/sync-protocol.md § Files), apart from HTTP: starting or resuming an upload,
 * taking a chunk, verifying and committing a blob (SHA-256, size, declared type against the content's signature),
 * who may download, and collecting blobs nothing references any more. Bytes go through a BlobStorage.
 */
import { createHash } from 'node:crypto'
import type { Pool } from 'pg'
import type { Redis } from 'ioredis'
import { chunkLength, FILE_CHUNK_BYTES, SIGNATURE_HEAD_BYTES, type FileRejectReason } from '../../../src/shared/files/limits'
import { normalizeMimeType, signatureMatches } from '../../../src/shared/files/signature'
import { withTransaction } from '../postgres/transaction'
import { loadScope, scopeCondition } from '../sync/scope'
import type { FileConfig } from './config'
import type { BlobStorage } from './storage'

/** A refusal the device shows in its sync panel with the reason code; `status` is the HTTP status to answer. */
export class FileRejectedError extends Error {
  override readonly name = 'FileRejectedError'
  constructor(
    readonly status: number,
    readonly reason: FileRejectReason | 'not_started' | 'bad_chunk' | 'incomplete',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

export interface StoredBlob {
  readonly sha256: string
  readonly sizeBytes: number
  readonly mimeType: string
}

export type BeginResult =
  | { readonly status: 'stored' }
  | { readonly status: 'uploading'; readonly chunkBytes: number; readonly received: readonly number[] }

/** Chunks a file of `size` bytes is sent in (an empty file: none). */
const neededChunks = (size: number): number => Math.ceil(size / FILE_CHUNK_BYTES)

export interface FileService {
  readonly storage: BlobStorage
  readonly config: FileConfig
  stat(sha256: string): Promise<StoredBlob | null>
  begin(input: { sha256: string; sizeBytes: number; mimeType: string; userId: string; deviceId: string }): Promise<BeginResult>
  putChunk(input: { sha256: string; n: number; data: Buffer; deviceId: string }): Promise<void>
  complete(sha256: string): Promise<StoredBlob>
  /** May this user read the blob: does their scope hold a live attachment row naming it? */
  mayDownload(userId: string, sha256: string): Promise<boolean>
  read(blob: StoredBlob, offset?: number): AsyncIterable<Buffer>
}

export function createFileService({ pool, redis, redisPrefix, storage, config }: { pool: Pool; redis: Redis; redisPrefix: string; storage: BlobStorage; config: FileConfig }): FileService {
  async function stat(sha256: string): Promise<StoredBlob | null> {
    const { rows } = await pool.query<{ size: string; mime: string }>('SELECT size_bytes::text AS size, mime_type AS mime FROM file_blobs WHERE sha256 = $1', [sha256])
    const row = rows[0]
    return row ? { sha256, sizeBytes: Number(row.size), mimeType: row.mime } : null
  }

  /** Fixed one-minute windows per device in Redis (shared by every server instance). */
  async function chargeRate(deviceId: string, bytes: number): Promise<void> {
    const minute = Math.floor(Date.now() / 60_000)
    const key = `${redisPrefix}files:rate:${deviceId}:${minute}`
    const used = await redis.incrby(key, bytes)
    if (used === bytes) await redis.expire(key, 120)
    if (used > config.uploadBytesPerMinute) {
      await redis.decrby(key, bytes)
      const retryAfter = Math.max(1, 60 - Math.floor((Date.now() / 1000) % 60))
      throw new FileRejectedError(429, 'rate_limited', 'Upload rate limit reached for this device; try again shortly', { retryAfterSeconds: retryAfter })
    }
  }

  return {
    storage,
    config,
    stat,
    async begin({ sha256, sizeBytes, mimeType, userId, deviceId }) {
      if (await stat(sha256)) return { status: 'stored' }
      if (sizeBytes > config.maxBytes) {
        throw new FileRejectedError(413, 'too_large', `The file is larger than ${config.maxBytes} bytes`, { maxBytes: config.maxBytes })
      }
      const type = normalizeMimeType(mimeType)
      // A restart with other declared facts (another size or type for the same hash) starts over.
      const { rows } = await pool.query<{ size: string; mime: string }>('SELECT size_bytes::text AS size, mime_type AS mime FROM file_uploads WHERE sha256 = $1', [sha256])
      const previous = rows[0]
      if (previous && (Number(previous.size) !== sizeBytes || previous.mime !== type)) await storage.removeUpload(sha256)
      await pool.query(
        `INSERT INTO file_uploads (sha256, size_bytes, mime_type, user_id, device_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (sha256) DO UPDATE SET updated_at = now(), user_id = EXCLUDED.user_id, device_id = EXCLUDED.device_id,
           size_bytes = EXCLUDED.size_bytes, mime_type = EXCLUDED.mime_type`,
        [sha256, sizeBytes, type, userId, deviceId],
      )
      return { status: 'uploading', chunkBytes: FILE_CHUNK_BYTES, received: await storage.receivedChunks(sha256) }
    },
    async putChunk({ sha256, n, data, deviceId }) {
      const { rows } = await pool.query<{ size: string }>('SELECT size_bytes::text AS size FROM file_uploads WHERE sha256 = $1', [sha256])
      const upload = rows[0]
      if (!upload) {
        if (await stat(sha256)) return // already stored (another device finished it): nothing to do
        throw new FileRejectedError(409, 'not_started', 'Start the upload first (POST /v1/files/:sha256)')
      }
      const expected = chunkLength(Number(upload.size), n)
      if (expected < 0 || data.length !== expected) {
        throw new FileRejectedError(400, 'bad_chunk', `Chunk ${n} must be ${expected} bytes, got ${data.length}`, { expected })
      }
      await chargeRate(deviceId, data.length)
      await storage.putChunk(sha256, n, data)
      await pool.query('UPDATE file_uploads SET updated_at = now() WHERE sha256 = $1', [sha256])
    },
    async complete(sha256) {
      const existing = await stat(sha256)
      if (existing) return existing
      return withTransaction(pool, async (client) => {
        // The row lock makes two completions of the same upload (two devices, or a retry) take turns.
        const { rows } = await client.query<{ size: string; mime: string }>(
          'SELECT size_bytes::text AS size, mime_type AS mime FROM file_uploads WHERE sha256 = $1 FOR UPDATE',
          [sha256],
        )
        const upload = rows[0]
        if (!upload) {
          const stored = await stat(sha256)
          if (stored) return stored
          throw new FileRejectedError(409, 'not_started', 'No upload in progress for this file')
        }
        const size = Number(upload.size)
        const count = neededChunks(size)
        const received = new Set(await storage.receivedChunks(sha256))
        const missing = [...Array(count).keys()].filter((n) => !received.has(n))
        if (missing.length > 0) throw new FileRejectedError(409, 'incomplete', `${missing.length} chunks are missing`, { missing: missing.slice(0, 100) })
        const hash = createHash('sha256')
        let head = Buffer.alloc(0)
        let total = 0
        for await (const chunk of storage.readUpload(sha256, count)) {
          hash.update(chunk)
          total += chunk.length
          if (head.length < SIGNATURE_HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, SIGNATURE_HEAD_BYTES - head.length)])
        }
        const reject = async (reason: FileRejectReason, message: string): Promise<never> => {
          await storage.removeUpload(sha256)
          await client.query('DELETE FROM file_uploads WHERE sha256 = $1', [sha256])
          throw new FileRejectedError(422, reason, message)
        }
        if (hash.digest('hex') !== sha256 || total !== size) await reject('hash_mismatch', 'The received bytes do not have the declared SHA-256')
        if (!signatureMatches(upload.mime, head)) await reject('type_mismatch', `The content is not a ${upload.mime} file`)
        await storage.commit(sha256, count)
        await client.query(
          'INSERT INTO file_blobs (sha256, size_bytes, mime_type, storage) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING',
          [sha256, size, upload.mime, storage.kind],
        )
        await client.query('DELETE FROM file_uploads WHERE sha256 = $1', [sha256])
        return { sha256, sizeBytes: size, mimeType: upload.mime }
      })
    },
    async mayDownload(userId, sha256) {
      const { scope, tier } = await loadScope(pool, userId)
      if (tier === null) return false
      const { rows } = await pool.query(
        `SELECT 1 FROM attachments t WHERE t.sha256 = $1 AND t.deleted_at IS NULL AND ${scopeCondition('attachments', 't', scope, 2)} LIMIT 1`,
        scope.kind === 'principals' ? [sha256, scope.ids] : [sha256],
      )
      return rows.length > 0
    },
    read(blob, offset = 0) {
      return storage.read(blob.sha256, blob.sizeBytes, offset)
    },
  }
}

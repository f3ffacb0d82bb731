/**
 * The file rules of the server (docs/sync-protocol.md § Files), apart from HTTP: starting or resuming an upload,
 * taking a chunk, verifying and committing a blob (SHA-256, size, declared type against the content's signature),
 * who may download, and collecting blobs nothing references any more. Bytes go through a BlobStorage.
 *
 * Knowing a hash is not having the file. Identical files are stored once, so a device adding bytes the server already
 * holds sends nothing, but it must still prove it has them: it answers a challenge over random ranges of the content
 * (`prove`). Uploading every chunk is the other proof; an upload taken over by another user starts again, so every
 * chunk of a completed upload came from its owner. Bytes are served only through a live attachment row in the reader's
 * scope whose creator proved possession (`file_possessions`), and a row's hash never changes (a trigger, migration
 * 0014): a client that only learned a hash cannot attach it to its own record and download someone else's file.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import type { Pool } from 'pg'
import type { Redis } from 'ioredis'
import {
  challengeRanges,
  chunkLength,
  FILE_CHUNK_BYTES,
  SIGNATURE_HEAD_BYTES,
  type ByteRange,
  type FileRejectReason,
  type PossessionChallenge,
} from '../../../src/shared/files/limits'
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
    readonly reason: FileRejectReason | 'not_started' | 'bad_chunk' | 'incomplete' | 'no_challenge',
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
  /** The server holds these bytes; the caller has not shown it has them: answer `challenge` (POST …/proof). */
  | { readonly status: 'prove'; readonly challenge: PossessionChallenge }

export type CompleteResult = (StoredBlob & { readonly status: 'stored' }) | { readonly status: 'prove'; readonly challenge: PossessionChallenge }

/** How long a challenge may be answered; a later answer asks again. */
const CHALLENGE_TTL_SECONDS = 600

/** Chunks a file of `size` bytes is sent in (an empty file: none). */
const neededChunks = (size: number): number => Math.ceil(size / FILE_CHUNK_BYTES)

export interface FileService {
  readonly storage: BlobStorage
  readonly config: FileConfig
  stat(sha256: string): Promise<StoredBlob | null>
  begin(input: { sha256: string; sizeBytes: number; mimeType: string; userId: string; deviceId: string }): Promise<BeginResult>
  putChunk(input: { sha256: string; n: number; data: Buffer; userId: string; deviceId: string }): Promise<void>
  complete(sha256: string, userId: string): Promise<CompleteResult>
  /** Checks the answer to the caller's challenge; right: the caller possesses the blob from now on. */
  prove(input: { sha256: string; userId: string; nonce: string; answer: string }): Promise<{ readonly status: 'stored' }>
  /**
   * May this user read the blob: does their scope hold a live attachment row naming it, made by a user who proved
   * possession of the bytes?
   */
  mayDownload(userId: string, sha256: string): Promise<boolean>
  read(blob: StoredBlob, offset?: number): AsyncIterable<Buffer>
}

export function createFileService({
  pool,
  redis,
  redisPrefix,
  storage,
  config,
}: {
  pool: Pool
  redis: Redis
  redisPrefix: string
  storage: BlobStorage
  config: FileConfig
}): FileService {
  async function stat(sha256: string): Promise<StoredBlob | null> {
    const { rows } = await pool.query<{ size: string; mime: string }>('SELECT size_bytes::text AS size, mime_type AS mime FROM file_blobs WHERE sha256 = $1', [
      sha256,
    ])
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

  const challengeKey = (userId: string, sha256: string): string => `${redisPrefix}files:challenge:${userId}:${sha256}`

  async function possesses(userId: string, sha256: string): Promise<boolean> {
    const { rowCount } = await pool.query('SELECT 1 FROM file_possessions WHERE sha256 = $1 AND user_id = $2', [sha256, userId])
    return (rowCount ?? 0) > 0
  }

  async function grantPossession(userId: string, sha256: string): Promise<void> {
    await pool.query('INSERT INTO file_possessions (sha256, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [sha256, userId])
  }

  /** A fresh challenge for this user and blob (replacing an earlier one: only the latest can be answered). */
  async function challenge(userId: string, blob: StoredBlob): Promise<{ status: 'prove'; challenge: PossessionChallenge }> {
    const issued: PossessionChallenge = { nonce: randomBytes(32).toString('hex'), ranges: challengeRanges(blob.sizeBytes, (max) => randomInt(max)) }
    await redis.set(challengeKey(userId, blob.sha256), JSON.stringify(issued), 'EX', CHALLENGE_TTL_SECONDS)
    return { status: 'prove', challenge: issued }
  }

  /** The bytes of `range` of a stored blob (reads only the chunks it spans). */
  async function readRange(blob: StoredBlob, range: ByteRange): Promise<Buffer> {
    const parts: Buffer[] = []
    let have = 0
    for await (const chunk of storage.read(blob.sha256, blob.sizeBytes, range.offset)) {
      parts.push(chunk)
      have += chunk.length
      if (have >= range.length) break
    }
    return Buffer.concat(parts).subarray(0, range.length)
  }

  /** Possessor: stored. Otherwise: a challenge to answer. */
  async function storedFor(userId: string, blob: StoredBlob): Promise<CompleteResult> {
    return (await possesses(userId, blob.sha256)) ? { status: 'stored', ...blob } : challenge(userId, blob)
  }

  return {
    storage,
    config,
    stat,
    async begin({ sha256, sizeBytes, mimeType, userId, deviceId }) {
      const stored = await stat(sha256)
      if (stored) return (await possesses(userId, sha256)) ? { status: 'stored' } : challenge(userId, stored)
      if (sizeBytes > config.maxBytes) {
        throw new FileRejectedError(413, 'too_large', `The file is larger than ${config.maxBytes} bytes`, { maxBytes: config.maxBytes })
      }
      const type = normalizeMimeType(mimeType)
      // A restart with other declared facts (another size or type for the same hash) starts over, and so does another
      // user taking the upload over: every chunk of a completed upload must come from the user it proves possession for.
      const { rows } = await pool.query<{ size: string; mime: string; user_id: string }>(
        'SELECT size_bytes::text AS size, mime_type AS mime, user_id FROM file_uploads WHERE sha256 = $1',
        [sha256],
      )
      const previous = rows[0]
      if (previous && (Number(previous.size) !== sizeBytes || previous.mime !== type || previous.user_id !== userId)) await storage.removeUpload(sha256)
      await pool.query(
        `INSERT INTO file_uploads (sha256, size_bytes, mime_type, user_id, device_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (sha256) DO UPDATE SET updated_at = now(), user_id = EXCLUDED.user_id, device_id = EXCLUDED.device_id,
           size_bytes = EXCLUDED.size_bytes, mime_type = EXCLUDED.mime_type`,
        [sha256, sizeBytes, type, userId, deviceId],
      )
      return { status: 'uploading', chunkBytes: FILE_CHUNK_BYTES, received: await storage.receivedChunks(sha256) }
    },
    async putChunk({ sha256, n, data, userId, deviceId }) {
      const { rows } = await pool.query<{ size: string; user_id: string }>('SELECT size_bytes::text AS size, user_id FROM file_uploads WHERE sha256 = $1', [
        sha256,
      ])
      const upload = rows[0]
      // Another user took the upload over (and it started again): this sender begins again too.
      if (upload && upload.user_id !== userId)
        throw new FileRejectedError(409, 'not_started', 'Another upload of this file started; start again (POST /v1/files/:sha256)')
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
    async complete(sha256, userId) {
      const existing = await stat(sha256)
      if (existing) return storedFor(userId, existing)
      const committed = await withTransaction(pool, async (client): Promise<StoredBlob & { owner: string | null }> => {
        // The row lock makes two completions of the same upload (two devices, or a retry) take turns.
        const { rows } = await client.query<{ size: string; mime: string; user_id: string }>(
          'SELECT size_bytes::text AS size, mime_type AS mime, user_id FROM file_uploads WHERE sha256 = $1 FOR UPDATE',
          [sha256],
        )
        const upload = rows[0]
        if (!upload) {
          const stored = await stat(sha256)
          if (stored) return { ...stored, owner: null }
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
        await client.query('INSERT INTO file_blobs (sha256, size_bytes, mime_type, storage) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING', [
          sha256,
          size,
          upload.mime,
          storage.kind,
        ])
        await client.query('DELETE FROM file_uploads WHERE sha256 = $1', [sha256])
        // Every chunk came from the upload's owner (putChunk refuses anyone else): the owner has shown the bytes.
        await client.query('INSERT INTO file_possessions (sha256, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [sha256, upload.user_id])
        return { sha256, sizeBytes: size, mimeType: upload.mime, owner: upload.user_id }
      })
      const { owner, ...blob } = committed
      return owner === userId ? { status: 'stored', ...blob } : storedFor(userId, blob)
    },
    async prove({ sha256, userId, nonce, answer }) {
      const key = challengeKey(userId, sha256)
      // One answer per challenge: a wrong one needs a fresh challenge (new nonce, new ranges).
      const issued = await redis.getdel(key)
      const blob = await stat(sha256)
      if (!issued || !blob) throw new FileRejectedError(409, 'no_challenge', 'No open challenge for this file; start again (POST /v1/files/:sha256)')
      const asked = JSON.parse(issued) as PossessionChallenge
      if (asked.nonce !== nonce) throw new FileRejectedError(409, 'no_challenge', 'This challenge was replaced by a newer one; start again')
      const expected = createHash('sha256').update(Buffer.from(asked.nonce, 'hex'))
      for (const range of asked.ranges) expected.update(await readRange(blob, range))
      const right = expected.digest()
      const given = Buffer.from(/^[0-9a-f]{64}$/.test(answer) ? answer : '', 'hex')
      if (given.length !== right.length || !timingSafeEqual(given, right)) {
        throw new FileRejectedError(422, 'hash_mismatch', 'The answer does not match the stored bytes: this is not the same file')
      }
      await grantPossession(userId, sha256)
      return { status: 'stored' }
    },
    async mayDownload(userId, sha256) {
      const { scope, tier } = await loadScope(pool, userId)
      if (tier === null) return false
      const { rows } = await pool.query(
        `SELECT 1 FROM attachments t WHERE t.sha256 = $1 AND t.deleted_at IS NULL AND ${scopeCondition('attachments', 't', scope, 2)}
            AND EXISTS (SELECT 1 FROM file_possessions p WHERE p.sha256 = t.sha256 AND p.user_id = t.created_by) LIMIT 1`,
        scope.kind === 'principals' ? [sha256, scope.ids] : [sha256],
      )
      return rows.length > 0
    },
    read(blob, offset = 0) {
      return storage.read(blob.sha256, blob.sizeBytes, offset)
    },
  }
}

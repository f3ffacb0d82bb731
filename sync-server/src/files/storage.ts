/**
 * Where blob bytes live: a small interface with two implementations, chosen by FILES_STORAGE. Blobs are
 * content-addressed (lower-case hex SHA-256) and cut into FILE_CHUNK_BYTES chunks, so an upload resumes at the first
 * missing chunk and a download at any offset. Metadata (file_blobs, file_uploads) is in PostgreSQL whatever the storage
 * (service.ts); a storage only keeps bytes.
 */
import { createReadStream } from 'node:fs'
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Pool } from 'pg'
import { FILE_CHUNK_BYTES } from '../../../src/shared/files/limits'
import type { FileStorageConfig } from './config'

export interface BlobStorage {
  readonly kind: 'postgres' | 'filesystem'
  /** Stores chunk `n` of the upload of `sha256`; storing the same chunk again replaces it (a retried request). */
  putChunk(sha256: string, n: number, data: Buffer): Promise<void>
  /** The chunk numbers of the upload received so far. */
  receivedChunks(sha256: string): Promise<number[]>
  /** The upload's chunks in order (for verification before commit). */
  readUpload(sha256: string, count: number): AsyncIterable<Buffer>
  /** The verified upload becomes the blob. */
  commit(sha256: string, count: number): Promise<void>
  /** The blob's bytes from `offset` to the end. */
  read(sha256: string, size: number, offset?: number): AsyncIterable<Buffer>
  removeUpload(sha256: string): Promise<void>
  removeBlob(sha256: string): Promise<void>
}

/** Default: chunks as bytea rows of `file_chunks` (uploads and blobs alike), so backups and deployment need nothing new. */
export function postgresStorage(pool: Pool): BlobStorage {
  async function* chunks(sha256: string, from: number, count: number | null, skip = 0): AsyncIterable<Buffer> {
    // One chunk per query: a 50 MB file is never held in memory at once, and each row is ~1 MiB.
    for (let n = from; count === null || n < count; n += 1) {
      const { rows } = await pool.query<{ data: Buffer }>('SELECT data FROM file_chunks WHERE sha256 = $1 AND n = $2', [sha256, n])
      const row = rows[0]
      if (!row) {
        if (count === null) return
        throw new Error(`chunk ${n} of ${sha256} is missing`)
      }
      yield n === from && skip > 0 ? row.data.subarray(skip) : row.data
    }
  }
  return {
    kind: 'postgres',
    async putChunk(sha256, n, data) {
      await pool.query('INSERT INTO file_chunks (sha256, n, data) VALUES ($1, $2, $3) ON CONFLICT (sha256, n) DO UPDATE SET data = EXCLUDED.data', [
        sha256,
        n,
        data,
      ])
    },
    async receivedChunks(sha256) {
      const { rows } = await pool.query<{ n: number }>('SELECT n FROM file_chunks WHERE sha256 = $1 ORDER BY n', [sha256])
      return rows.map((r) => r.n)
    },
    readUpload: (sha256, count) => chunks(sha256, 0, count),
    async commit() {
      // The upload's rows already are the blob's.
    },
    read(sha256, size, offset = 0) {
      const count = Math.ceil(size / FILE_CHUNK_BYTES)
      return chunks(sha256, Math.floor(offset / FILE_CHUNK_BYTES), count, offset % FILE_CHUNK_BYTES)
    },
    async removeUpload(sha256) {
      await pool.query('DELETE FROM file_chunks WHERE sha256 = $1', [sha256])
    },
    async removeBlob(sha256) {
      await pool.query('DELETE FROM file_chunks WHERE sha256 = $1', [sha256])
    },
  }
}

/**
 * A directory (FILES_STORAGE=filesystem, FILES_DIR): uploads as `uploads/<sha>/<n>` chunk files, blobs as
 * `blobs/<aa>/<sha>` (two-character fan-out keeps directories small). Commit writes the blob to a temporary name and
 * renames it, so a crash never leaves a partial blob under its address.
 */
export function filesystemStorage(dir: string): BlobStorage {
  const uploadDir = (sha256: string): string => join(dir, 'uploads', sha256)
  const blobPath = (sha256: string): string => join(dir, 'blobs', sha256.slice(0, 2), sha256)
  async function* uploadChunks(sha256: string, count: number): AsyncIterable<Buffer> {
    for (let n = 0; n < count; n += 1) yield await readFile(join(uploadDir(sha256), String(n)))
  }
  return {
    kind: 'filesystem',
    async putChunk(sha256, n, data) {
      await mkdir(uploadDir(sha256), { recursive: true })
      const temp = join(uploadDir(sha256), `${n}.part`)
      await writeFile(temp, data)
      await rename(temp, join(uploadDir(sha256), String(n)))
    },
    async receivedChunks(sha256) {
      const names = await readdir(uploadDir(sha256)).catch(() => [] as string[])
      return names
        .filter((name) => /^\d+$/.test(name))
        .map(Number)
        .sort((a, b) => a - b)
    },
    readUpload: uploadChunks,
    async commit(sha256, count) {
      const target = blobPath(sha256)
      await mkdir(join(dir, 'blobs', sha256.slice(0, 2)), { recursive: true })
      const temp = `${target}.${process.pid}.part`
      const handle = await open(temp, 'w')
      try {
        for await (const chunk of uploadChunks(sha256, count)) await handle.write(chunk)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(temp, target)
      await rm(uploadDir(sha256), { recursive: true, force: true })
    },
    async *read(sha256, size, offset = 0) {
      if (size === 0) return
      await stat(blobPath(sha256))
      yield* createReadStream(blobPath(sha256), { start: offset, highWaterMark: FILE_CHUNK_BYTES }) as AsyncIterable<Buffer>
    },
    async removeUpload(sha256) {
      await rm(uploadDir(sha256), { recursive: true, force: true })
    },
    async removeBlob(sha256) {
      await rm(blobPath(sha256), { force: true })
    },
  }
}

export function createBlobStorage(config: FileStorageConfig, pool: Pool): BlobStorage {
  return config.kind === 'filesystem' ? filesystemStorage(config.dir) : postgresStorage(pool)
}

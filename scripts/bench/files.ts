/**
 * Scenario 7, file attachments: upload and download MB/s of one 20 MB file through the file API (chunked upload with
 * SHA-256 and signature verification, scoped download), each against a raw PostgreSQL floor on the same database —
 * COPY of the same bytes into a bytea column (binary COPY), and a SELECT of them back through node-pg.
 */
import { createHash, randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { FILE_CHUNK_BYTES } from '../../src/shared/files/limits'
import { newId } from '../../sync-server/test/support/sync-kit'
import { createSignedInUser, startTestServer } from '../../sync-server/test/support'
import { figure, log, type Figure } from './common'
import { type BenchEnv } from './env'

const MB = 1024 * 1024

/** One row, one bytea column, in PostgreSQL's binary COPY format. */
function binaryCopy(data: Buffer): Buffer {
  const header = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)])
  const tuple = Buffer.alloc(6)
  tuple.writeInt16BE(1, 0)
  tuple.writeInt32BE(data.length, 2)
  const trailer = Buffer.alloc(2)
  trailer.writeInt16BE(-1, 0)
  return Buffer.concat([header, tuple, data, trailer])
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

export async function runFilesBench(env: BenchEnv, { megabytes, repeats }: { megabytes: number; repeats: number }, out: Figure[]): Promise<Figure[]> {
  const db = await env.database()
  const server = await startTestServer({
    databaseUrl: db.url,
    redisPrefix: env.redisPrefix,
    config: { files: { storage: { kind: 'postgres' }, maxBytes: (megabytes + 1) * MB, uploadBytesPerMinute: 100_000 * MB } },
  })
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  try {
    const session = await createSignedInUser(server.url, db.url, { tier: 'EXECUTIVE' })
    const headers = { authorization: `Bearer ${session.accessToken}` }
    const uploads: number[] = []
    const downloads: number[] = []
    const copies: number[] = []
    const selects: number[] = []
    await client.query('CREATE TABLE bench_blob (data bytea NOT NULL)')
    await client.query('ALTER TABLE bench_blob ALTER COLUMN data SET STORAGE EXTERNAL')
    for (let run = 0; run < repeats; run += 1) {
      // Fresh bytes each run: the same bytes would be deduplicated (nothing sent).
      const data = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(megabytes * MB - 9)])
      const sha = createHash('sha256').update(data).digest('hex')

      let started = performance.now()
      const begin = await fetch(`${server.url}/v1/files/${sha}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ sizeBytes: data.length, mimeType: 'application/pdf' }),
      })
      if (!begin.ok) throw new Error(`begin: ${begin.status}`)
      for (let n = 0; n * FILE_CHUNK_BYTES < data.length; n += 1) {
        const put = await fetch(`${server.url}/v1/files/${sha}/chunks/${n}`, {
          method: 'PUT',
          headers: { ...headers, 'content-type': 'application/octet-stream' },
          body: data.subarray(n * FILE_CHUNK_BYTES, (n + 1) * FILE_CHUNK_BYTES),
        })
        if (!put.ok) throw new Error(`chunk ${n}: ${put.status}`)
      }
      const done = await fetch(`${server.url}/v1/files/${sha}/complete`, { method: 'POST', headers })
      if (!done.ok) throw new Error(`complete: ${done.status} ${await done.text()}`)
      uploads.push(megabytes / ((performance.now() - started) / 1000))

      // A row that puts the blob in the (executive's) scope, made by the uploader (who proved possession by uploading).
      await client.query(
        `INSERT INTO attachments (id, entity_type, entity_id, file_name, mime_type, size_bytes, sha256, created_by) VALUES ($1, 'COMPANY', $2, 'bench.pdf', 'application/pdf', $3, $4, $5)`,
        [newId(), newId(), data.length, sha, session.account.id],
      )
      started = performance.now()
      const response = await fetch(`${server.url}/v1/files/${sha}`, { headers })
      const body = Buffer.from(await response.arrayBuffer())
      if (!body.equals(data)) throw new Error('downloaded bytes differ')
      downloads.push(megabytes / ((performance.now() - started) / 1000))

      await client.query('TRUNCATE bench_blob')
      started = performance.now()
      await pipeline(Readable.from([binaryCopy(data)]), client.query(copyFrom('COPY bench_blob (data) FROM STDIN WITH (FORMAT binary)')))
      copies.push(megabytes / ((performance.now() - started) / 1000))

      started = performance.now()
      const { rows } = await client.query<{ data: Buffer }>('SELECT data FROM bench_blob')
      if (rows[0]!.data.length !== data.length) throw new Error('SELECT returned another size')
      selects.push(megabytes / ((performance.now() - started) / 1000))
      log(`7. files run ${run + 1}/${repeats}: upload ${uploads.at(-1)!.toFixed(1)} MB/s, download ${downloads.at(-1)!.toFixed(1)} MB/s`)
    }
    const round = (value: number): number => Math.round(value * 10) / 10
    out.push(
      figure({
        scenario: '7. files',
        metric: `upload MB/s of a ${megabytes} MB file (1 MiB chunks, SHA-256 + signature check)`,
        value: round(median(uploads)),
        unit: 'MB/s',
        floor: round(median(copies)),
        floorLabel: 'binary COPY of the same bytes into one bytea row',
        // Relative: the absolute rate depends on the disk and the load of the machine; the floor moves with them.
        target: '≤ 3× floor',
        met: median(copies) / median(uploads) <= 3,
        direction: 'higher-is-better',
        notes: `median of ${repeats}`,
      }),
      figure({
        scenario: '7. files',
        metric: `download MB/s of a ${megabytes} MB file (scope check, streamed chunks)`,
        value: round(median(downloads)),
        unit: 'MB/s',
        floor: round(median(selects)),
        floorLabel: 'SELECT of the same bytea row through node-pg',
        target: '≤ 1.5× floor',
        met: median(selects) / median(downloads) <= 1.5,
        direction: 'higher-is-better',
        notes: `median of ${repeats}`,
      }),
    )
    return out
  } finally {
    await client.end().catch(() => undefined)
    await server.close().catch(() => undefined)
    await db.drop().catch(() => undefined)
  }
}

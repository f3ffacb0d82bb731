/**
 * File attachments on a real PostgreSQL (docs/sync-protocol.md § Files): chunked upload, resume after a dropped
 * connection, dedup, download only within scope, the limits (size, declared type against the signature, hash, rate),
 * gc of blobs nothing references, and the filesystem storage doing the same.
 */
import { createHash, randomBytes } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FILE_CHUNK_BYTES, type PossessionChallenge } from '../../../src/shared/files/limits'
import { collectGarbage } from '../jobs/gc'
import { archiveFinished } from '../jobs/archive'
import { companyFields, newId, signedInDevice, startSyncTestEnv, type SyncTestEnv } from '../../test/support/sync-kit'
import { filesystemStorage } from './storage'

const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex')
/** A PDF-looking file of `size` bytes (the signature check only reads the head). */
const pdf = (size: number): Buffer => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)])

type Device = Awaited<ReturnType<typeof signedInDevice>>

async function begin(env: SyncTestEnv, device: Device, hash: string, sizeBytes: number, mimeType = 'application/pdf') {
  const response = await fetch(`${env.server.url}/v1/files/${hash}`, {
    method: 'POST',
    headers: { ...device.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ sizeBytes, mimeType }),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { details?: { reason?: string } } } }
}

async function putChunk(env: SyncTestEnv, device: Device, hash: string, n: number, data: Buffer) {
  const response = await fetch(`${env.server.url}/v1/files/${hash}/chunks/${n}`, {
    method: 'PUT',
    headers: { ...device.headers, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(data),
  })
  return { status: response.status, body: (await response.json()) as { error?: { details?: { reason?: string } } } }
}

async function complete(env: SyncTestEnv, device: Device, hash: string) {
  const response = await fetch(`${env.server.url}/v1/files/${hash}/complete`, { method: 'POST', headers: device.headers })
  return { status: response.status, body: (await response.json()) as { status?: string; error?: { details?: { reason?: string } } } }
}

async function upload(env: SyncTestEnv, device: Device, data: Buffer, mimeType = 'application/pdf') {
  const hash = sha(data)
  const started = await begin(env, device, hash, data.length, mimeType)
  if (started.body.status === 'stored')
    return { hash, completed: { status: 200, body: { status: 'stored' } as { status?: string; error?: { details?: { reason?: string } } } } }
  for (let n = 0; n * FILE_CHUNK_BYTES < data.length; n += 1) {
    const sent = await putChunk(env, device, hash, n, data.subarray(n * FILE_CHUNK_BYTES, (n + 1) * FILE_CHUNK_BYTES))
    if (sent.status !== 200) return { hash, completed: sent }
  }
  return { hash, completed: await complete(env, device, hash) }
}

/** What a device holding `data` answers to a challenge (docs/sync-protocol.md §7a). */
const answerTo = (challenge: PossessionChallenge, data: Buffer): string => {
  const hash = createHash('sha256').update(Buffer.from(challenge.nonce, 'hex'))
  for (const range of challenge.ranges) hash.update(data.subarray(range.offset, range.offset + range.length))
  return hash.digest('hex')
}

async function prove(env: SyncTestEnv, device: Device, hash: string, nonce: string, answer: string) {
  const response = await fetch(`${env.server.url}/v1/files/${hash}/proof`, {
    method: 'POST',
    headers: { ...device.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ nonce, answer }),
  })
  return { status: response.status, body: (await response.json()) as { status?: string; error?: { details?: { reason?: string } } } }
}

const download = (env: SyncTestEnv, device: Device, hash: string, headers: Record<string, string> = {}) =>
  fetch(`${env.server.url}/v1/files/${hash}`, { headers: { ...device.headers, ...headers } })

/** A company of the device's user with a file attached (the row pushed like any synced row). */
async function attach(device: Device, hash: string, size: number, extra: Record<string, unknown> = {}) {
  const company = newId()
  const attachment = newId()
  const result = await device.push([
    device.mutation({ table: 'companies', id: company, fields: companyFields(device.userId) }),
    device.mutation({
      table: 'attachments',
      id: attachment,
      fields: { entity_type: 'COMPANY', entity_id: company, file_name: '제안서.pdf', mime_type: 'application/pdf', size_bytes: size, sha256: hash, ...extra },
    }),
  ])
  expect(result.body.results.map((r) => r.status)).toEqual(['applied', 'applied'])
  return { company, attachment }
}

describe('files on PostgreSQL storage', () => {
  let env: SyncTestEnv
  beforeAll(async () => {
    env = await startSyncTestEnv({ files: { storage: { kind: 'postgres' }, maxBytes: 8 * FILE_CHUNK_BYTES, uploadBytesPerMinute: 64 * FILE_CHUNK_BYTES } })
  })
  afterAll(async () => {
    await env?.close()
  })

  it('uploads in chunks, serves the bytes to the owner, and stores identical files once', async () => {
    const owner = await signedInDevice(env, 'OPERATOR')
    const data = pdf(2 * FILE_CHUNK_BYTES + 12_345)
    const { hash, completed } = await upload(env, owner, data)
    expect(completed.status).toBe(200)
    await attach(owner, hash, data.length)

    const response = await download(env, owner, hash)
    expect(response.status).toBe(200)
    expect(Buffer.from(await response.arrayBuffer()).equals(data)).toBe(true)

    // Resume a download from an offset.
    const tail = await download(env, owner, hash, { range: `bytes=${FILE_CHUNK_BYTES + 7}-` })
    expect(tail.status).toBe(206)
    expect(Buffer.from(await tail.arrayBuffer()).equals(data.subarray(FILE_CHUNK_BYTES + 7))).toBe(true)

    // Another device adding the same file sends no chunks: the server already has it; it only proves it has the bytes.
    const colleague = await signedInDevice(env, 'OPERATOR')
    const asked = await begin(env, colleague, hash, data.length)
    expect(asked.body.status).toBe('prove')
    const { challenge } = asked.body as unknown as { challenge: PossessionChallenge }
    expect((await prove(env, colleague, hash, challenge.nonce, answerTo(challenge, data))).body).toEqual({ status: 'stored' })
    expect((await begin(env, colleague, hash, data.length)).body).toEqual({ status: 'stored' })
    const { rows } = await env.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM file_chunks WHERE sha256 = $1', [hash])
    expect(rows[0]!.n).toBe(3)
  })

  it('a client that only knows a hash cannot attach it and read the file: it must prove it has the bytes', async () => {
    const owner = await signedInDevice(env, 'OPERATOR')
    const data = pdf(FILE_CHUNK_BYTES + 50_000)
    const { hash } = await upload(env, owner, data)
    await attach(owner, hash, data.length)
    expect((await download(env, owner, hash)).status).toBe(200)

    // The thief learned the hash (a log, a screenshot, a shared link) and claims to add the same file.
    const thief = await signedInDevice(env, 'OPERATOR')
    expect((await complete(env, thief, hash)).body.status).toBe('prove')
    const claim = await begin(env, thief, hash, data.length)
    expect(claim.body.status).toBe('prove')
    const { challenge } = claim.body as unknown as { challenge: PossessionChallenge }
    // Ranges at random places, not the start the thief might have seen.
    expect(challenge.ranges.length).toBeGreaterThan(1)
    await attach(thief, hash, data.length)
    expect((await download(env, thief, hash)).status).toBe(404)
    // Guessing: a wrong answer is refused, and the challenge is spent.
    const wrong = await prove(env, thief, hash, challenge.nonce, sha(Buffer.from('guess')))
    expect(wrong.status).toBe(422)
    expect(wrong.body.error?.details?.reason).toBe('hash_mismatch')
    expect((await prove(env, thief, hash, challenge.nonce, answerTo(challenge, data))).status).toBe(409)
    expect((await download(env, thief, hash)).status).toBe(404)
    // Knowing the first bytes and the size is not enough either.
    const again = (await begin(env, thief, hash, data.length)).body as unknown as { challenge: PossessionChallenge }
    const partial = Buffer.concat([data.subarray(0, 4096), Buffer.alloc(data.length - 4096)])
    expect((await prove(env, thief, hash, again.challenge.nonce, answerTo(again.challenge, partial))).status).toBe(422)
    expect((await download(env, thief, hash)).status).toBe(404)

    // A reference names one file for life: re-pointing a row at another hash is refused.
    const other = pdf(3000)
    const { hash: otherHash } = await upload(env, thief, other)
    const { attachment } = await attach(thief, otherHash, other.length)
    const repoint = await thief.push([thief.mutation({ table: 'attachments', id: attachment, fields: { sha256: hash, size_bytes: data.length } })])
    expect(repoint.body.results[0]).toMatchObject({ status: 'rejected', reason_code: 'constraint' })
    expect((await download(env, thief, hash)).status).toBe(404)

    // An upload another user takes over starts again: its chunks so far are not the newcomer's.
    const fresh = pdf(2 * FILE_CHUNK_BYTES)
    const freshHash = sha(fresh)
    await begin(env, owner, freshHash, fresh.length)
    for (const n of [0, 1]) await putChunk(env, owner, freshHash, n, fresh.subarray(n * FILE_CHUNK_BYTES, (n + 1) * FILE_CHUNK_BYTES))
    expect((await begin(env, thief, freshHash, fresh.length)).body).toMatchObject({ status: 'uploading', received: [] })
    expect((await complete(env, thief, freshHash)).body.error?.details?.reason).toBe('incomplete')
    expect((await putChunk(env, owner, freshHash, 0, fresh.subarray(0, FILE_CHUNK_BYTES))).status).toBe(409)
    // The owner starts again and finishes; the thief still has to prove it.
    expect((await upload(env, owner, fresh)).completed.status).toBe(200)
    expect((await complete(env, thief, freshHash)).body.status).toBe('prove')
  })

  it('resumes an upload after the connection dropped in the middle of a chunk', async () => {
    const device = await signedInDevice(env, 'OPERATOR')
    const data = pdf(3 * FILE_CHUNK_BYTES - 100)
    const hash = sha(data)
    expect((await begin(env, device, hash, data.length)).body).toMatchObject({ status: 'uploading', received: [] })
    expect((await putChunk(env, device, hash, 0, data.subarray(0, FILE_CHUNK_BYTES))).status).toBe(200)

    // Chunk 1: half the body, then the socket dies.
    await new Promise<void>((resolve) => {
      const url = new URL(`${env.server.url}/v1/files/${hash}/chunks/1`)
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'PUT',
          headers: { ...device.headers, 'content-type': 'application/octet-stream', 'content-length': String(FILE_CHUNK_BYTES) },
        },
        () => resolve(),
      )
      req.on('error', () => resolve())
      req.write(data.subarray(FILE_CHUNK_BYTES, FILE_CHUNK_BYTES + FILE_CHUNK_BYTES / 2), () => {
        setTimeout(() => {
          req.destroy()
          resolve()
        }, 100)
      })
    })

    // The device asks where it stands and sends only the rest.
    const resumed = await begin(env, device, hash, data.length)
    expect(resumed.body).toMatchObject({ status: 'uploading', received: [0] })
    expect((await complete(env, device, hash)).body.error?.details?.reason).toBe('incomplete')
    for (const n of [1, 2]) expect((await putChunk(env, device, hash, n, data.subarray(n * FILE_CHUNK_BYTES, (n + 1) * FILE_CHUNK_BYTES))).status).toBe(200)
    expect((await complete(env, device, hash)).status).toBe(200)
    await attach(device, hash, data.length)
    expect(Buffer.from(await (await download(env, device, hash)).arrayBuffer()).equals(data)).toBe(true)
  })

  it('serves bytes only to users whose scope holds a live attachment naming them', async () => {
    const owner = await signedInDevice(env, 'OPERATOR')
    const stranger = await signedInDevice(env, 'OPERATOR')
    const executive = await signedInDevice(env, 'EXECUTIVE')
    const data = pdf(10_000)
    const { hash } = await upload(env, owner, data)
    // Uploaded but not attached yet: nobody reads it.
    expect((await download(env, owner, hash)).status).toBe(404)
    const { attachment } = await attach(owner, hash, data.length)
    expect((await download(env, owner, hash)).status).toBe(200)
    expect((await download(env, stranger, hash)).status).toBe(404)
    expect((await download(env, executive, hash)).status).toBe(200)
    // A stranger cannot attach the hash to a record outside their scope to get at the bytes.
    const foreign = await stranger.push([
      stranger.mutation({
        table: 'attachments',
        id: newId(),
        fields: {
          entity_type: 'COMPANY',
          entity_id: (await attach(owner, hash, data.length)).company,
          file_name: 'x.pdf',
          mime_type: 'application/pdf',
          size_bytes: data.length,
          sha256: hash,
        },
      }),
    ])
    expect(foreign.body.results[0]!.status).toBe('rejected')
    // A name no OS should write, or a type the server does not know as such, is refused like any invalid value.
    const unsafe = await owner.push([
      owner.mutation({
        table: 'attachments',
        id: newId(),
        fields: {
          entity_type: 'COMPANY',
          entity_id: (await attach(owner, hash, data.length)).company,
          file_name: '../../etc/passwd',
          mime_type: 'application/pdf',
          size_bytes: data.length,
          sha256: hash,
        },
      }),
    ])
    expect(unsafe.body.results[0]).toMatchObject({ status: 'rejected' })
    expect((await download(env, stranger, hash)).status).toBe(404)
    // Deleted: a tombstone no longer opens the bytes.
    await owner.push([owner.mutation({ table: 'attachments', id: attachment, op: 'delete' })])
    const stillAttached = await env.pool.query('SELECT 1 FROM attachments WHERE sha256 = $1 AND deleted_at IS NULL', [hash])
    expect((await download(env, owner, hash)).status).toBe(stillAttached.rowCount ? 200 : 404)
    expect((await fetch(`${env.server.url}/v1/files/${hash}`)).status).toBe(401)
  })

  it('refuses a file too large, a type its content contradicts, bytes that do not hash, a bad chunk, and a device that uploads too fast', async () => {
    const device = await signedInDevice(env, 'OPERATOR')
    const large = await begin(env, device, 'a'.repeat(64), 9 * FILE_CHUNK_BYTES)
    expect(large.status).toBe(413)
    expect(large.body.error?.details?.reason).toBe('too_large')

    const program = Buffer.concat([Buffer.from('MZ'), randomBytes(5000)])
    const disguised = await upload(env, device, program, 'application/pdf')
    expect(disguised.completed.status).toBe(422)
    expect(disguised.completed.body.error?.details?.reason).toBe('type_mismatch')
    expect((await env.pool.query('SELECT 1 FROM file_blobs WHERE sha256 = $1', [disguised.hash])).rowCount).toBe(0)
    expect((await env.pool.query('SELECT 1 FROM file_chunks WHERE sha256 = $1', [disguised.hash])).rowCount).toBe(0)

    const data = pdf(4000)
    const wrong = sha(Buffer.from('something else'))
    await begin(env, device, wrong, data.length)
    expect((await putChunk(env, device, wrong, 0, data)).status).toBe(200)
    const mismatch = await complete(env, device, wrong)
    expect(mismatch.status).toBe(422)
    expect(mismatch.body.error?.details?.reason).toBe('hash_mismatch')

    const short = pdf(FILE_CHUNK_BYTES + 10)
    await begin(env, device, sha(short), short.length)
    expect((await putChunk(env, device, sha(short), 0, short.subarray(0, 1000))).status).toBe(400)

    // 64 chunks' worth of bytes per minute per device: beyond it, refused with Retry-After; another device is not affected.
    const fast = await signedInDevice(env, 'OPERATOR')
    let refused: { status: number; body: { error?: { details?: { reason?: string } } } } | null = null
    // Chunks in parallel, up to 160 of them: even if a minute boundary splits the run, one window sees more than 64.
    for (let i = 0; i < 20 && !refused; i += 1) {
      const file = pdf(8 * FILE_CHUNK_BYTES)
      const hash = sha(file)
      await begin(env, fast, hash, file.length)
      const sent = await Promise.all(
        [...Array(8).keys()].map((n) => putChunk(env, fast, hash, n, file.subarray(n * FILE_CHUNK_BYTES, (n + 1) * FILE_CHUNK_BYTES))),
      )
      refused = sent.find((r) => r.status !== 200) ?? null
    }
    expect(refused?.status).toBe(429)
    expect(refused?.body.error?.details?.reason).toBe('rate_limited')
    expect((await upload(env, device, pdf(5000))).completed.status).toBe(200)
  })

  it('gc removes the bytes once no live or recently deleted row references them, and keeps archived ones', async () => {
    const owner = await signedInDevice(env, 'OPERATOR')
    const data = pdf(50_000)
    const { hash } = await upload(env, owner, data)
    const { attachment } = await attach(owner, hash, data.length)
    const later = new Date(Date.now() + 30 * 86_400_000)

    // Referenced by a live row: kept.
    await collectGarbage(env.pool, { horizonDays: 1, now: later })
    expect((await env.pool.query('SELECT 1 FROM file_blobs WHERE sha256 = $1', [hash])).rowCount).toBe(1)

    // Deleted, but the tombstone is recent: kept.
    await owner.push([owner.mutation({ table: 'attachments', id: attachment, op: 'delete' })])
    await collectGarbage(env.pool, { horizonDays: 90, now: later })
    expect((await env.pool.query('SELECT 1 FROM file_blobs WHERE sha256 = $1', [hash])).rowCount).toBe(1)

    // The tombstone is collected, then the bytes.
    const result = await collectGarbage(env.pool, { horizonDays: 1, now: later })
    expect(result.files.blobs).toBeGreaterThanOrEqual(1)
    expect((await env.pool.query('SELECT 1 FROM file_blobs WHERE sha256 = $1', [hash])).rowCount).toBe(0)
    expect((await env.pool.query('SELECT 1 FROM file_chunks WHERE sha256 = $1', [hash])).rowCount).toBe(0)

    // An abandoned upload goes too.
    const partial = pdf(2 * FILE_CHUNK_BYTES)
    await begin(env, owner, sha(partial), partial.length)
    await putChunk(env, owner, sha(partial), 0, partial.subarray(0, FILE_CHUNK_BYTES))
    expect((await collectGarbage(env.pool, { horizonDays: 1, now: later })).files.uploads).toBeGreaterThanOrEqual(1)
    expect((await env.pool.query('SELECT 1 FROM file_chunks WHERE sha256 = $1', [sha(partial)])).rowCount).toBe(0)
  })

  it('archiving a finished project moves its file references with it, and gc keeps their bytes', async () => {
    const manager = await signedInDevice(env, 'OPERATOR')
    const data = pdf(20_000)
    const { hash } = await upload(env, manager, data)
    const company = newId()
    const project = newId()
    const attachment = newId()
    const pushed = await manager.push([
      manager.mutation({ table: 'companies', id: company, fields: companyFields(manager.userId) }),
      manager.mutation({
        table: 'projects',
        id: project,
        fields: {
          code: `PRJ-${project.slice(-6)}`,
          name: '완료 과정',
          company_id: company,
          project_manager_id: manager.userId,
          status: 'COMPLETED',
          start_date: '2020-01-01',
          end_date: '2020-02-01',
        },
      }),
      manager.mutation({
        table: 'attachments',
        id: attachment,
        fields: {
          entity_type: 'PROJECT',
          entity_id: project,
          file_name: '결과보고서.pdf',
          mime_type: 'application/pdf',
          size_bytes: data.length,
          sha256: hash,
        },
      }),
    ])
    expect(pushed.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied'])
    const later = new Date(Date.now() + 400 * 86_400_000)
    const archived = await archiveFinished(env.pool, { olderThanDays: 1, now: later })
    expect(archived.projects.archived).toBeGreaterThanOrEqual(1)
    expect((await env.pool.query('SELECT 1 FROM attachments WHERE id = $1', [attachment])).rowCount).toBe(0)
    expect((await env.pool.query('SELECT 1 FROM archive_attachments WHERE id = $1', [attachment])).rowCount).toBe(1)
    await collectGarbage(env.pool, { horizonDays: 1, now: later })
    expect((await env.pool.query('SELECT 1 FROM file_blobs WHERE sha256 = $1', [hash])).rowCount).toBe(1)
  })
})

describe('files on the filesystem storage', () => {
  let env: SyncTestEnv
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'crm-files-'))
    env = await startSyncTestEnv({
      files: { storage: { kind: 'filesystem', dir }, maxBytes: 8 * FILE_CHUNK_BYTES, uploadBytesPerMinute: 64 * FILE_CHUNK_BYTES },
    })
  })
  afterAll(async () => {
    await env?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('uploads, resumes, serves and collects the same way', async () => {
    const owner = await signedInDevice(env, 'OPERATOR')
    const data = pdf(2 * FILE_CHUNK_BYTES + 77)
    const hash = sha(data)
    await begin(env, owner, hash, data.length)
    await putChunk(env, owner, hash, 1, data.subarray(FILE_CHUNK_BYTES, 2 * FILE_CHUNK_BYTES))
    expect((await begin(env, owner, hash, data.length)).body).toMatchObject({ received: [1] })
    await putChunk(env, owner, hash, 0, data.subarray(0, FILE_CHUNK_BYTES))
    await putChunk(env, owner, hash, 2, data.subarray(2 * FILE_CHUNK_BYTES))
    expect((await complete(env, owner, hash)).status).toBe(200)
    expect(await readdir(join(dir, 'blobs', hash.slice(0, 2)))).toEqual([hash])
    expect((await env.pool.query('SELECT 1 FROM file_chunks WHERE sha256 = $1', [hash])).rowCount).toBe(0)
    const { attachment } = await attach(owner, hash, data.length)
    expect(Buffer.from(await (await download(env, owner, hash)).arrayBuffer()).equals(data)).toBe(true)

    await owner.push([owner.mutation({ table: 'attachments', id: attachment, op: 'delete' })])
    const later = new Date(Date.now() + 30 * 86_400_000)
    await collectGarbage(env.pool, { horizonDays: 1, now: later, fileStorage: filesystemStorage(dir) })
    expect(await readdir(join(dir, 'blobs', hash.slice(0, 2)))).toEqual([])
  })
})

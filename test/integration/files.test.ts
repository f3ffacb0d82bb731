/**
 * Attachments on real devices (real SQLite replicas, real file stores) through a real sync server: a file added
 * offline opens at once and uploads when the device is online; the other device lists it right away and downloads it
 * on first open; pinned records and the size budget decide what is fetched ahead of time; a file the server refuses
 * gets its reason and does not block the next one.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FILE_CHUNK_BYTES } from '../../src/shared/files/limits'
import { createFilesDevice, type DeviceFiles } from '../../src/main/core/files'
import { repoContextOf } from '../../src/main/core/common/context'
import type { TestDevice } from '../support/device/test-device'
import type { TestUser } from '../../sync-server/test/support'
import { newId, startHarness, uniqueCode, type Harness } from '../support/sync-harness'

const pdf = (size: number): Buffer => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)])

let h: Harness
let manager: TestUser
let a: TestDevice
let b: TestDevice
let filesA: DeviceFiles
let filesB: DeviceFiles
let offline = false
/** Chunk PUTs device A sent (URL paths), and one chunk to drop mid-request once (a dropped connection). */
const sentChunks: string[] = []
let dropChunk: string | null = null
/** Device A reaches the sync endpoints but not the file endpoints (its file loop cannot upload). */
let filesUnreachable = false
/** Device B's downloads of one file (by SHA-256) are cut off as they go out, `dropDownloads` times; all are counted. */
let dropFile = ''
let dropDownloads = 0
const downloadsSent = new Map<string, number>()

beforeAll(async () => {
  // A small server limit so the refusal test stays quick.
  h = await startHarness({ config: { files: { storage: { kind: 'postgres' }, maxBytes: 3 * FILE_CHUNK_BYTES, uploadBytesPerMinute: 500 * FILE_CHUNK_BYTES } } })
  const exec = await h.user('EXECUTIVE', '김대표')
  manager = await h.user('MANAGER', '이과장')
  a = await h.signedInDevice(exec, {
    name: 'a',
    wrapFetch: (inner) => (input, init) => {
      if (offline) return Promise.reject(new TypeError('fetch failed (offline)'))
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      if (filesUnreachable && url.includes('/v1/files/')) return Promise.reject(new TypeError('fetch failed (files unreachable)'))
      if (init?.method === 'PUT' && url.includes('/chunks/')) {
        const chunk = new URL(url).pathname
        if (chunk.endsWith(dropChunk ?? '\u0000')) {
          dropChunk = null
          return Promise.reject(new TypeError('fetch failed (connection reset)'))
        }
        sentChunks.push(chunk)
      }
      return inner(input, init)
    },
  })
  b = await h.signedInDevice(manager, {
    name: 'b',
    wrapFetch: (inner) => (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      const download = /\/v1\/files\/([0-9a-f]{64})$/.exec(new URL(url).pathname)
      if ((init?.method ?? 'GET') === 'GET' && download) {
        downloadsSent.set(download[1]!, (downloadsSent.get(download[1]!) ?? 0) + 1)
        if (download[1] === dropFile && dropDownloads > 0) {
          dropDownloads -= 1
          return Promise.reject(new TypeError('fetch failed (connection reset)'))
        }
      }
      return inner(input, init)
    },
  })
  filesA = createFilesDevice(
    a,
    repoContextOf(a, () => new Date()),
    `${h.dir}/a-files`,
  )
  filesB = createFilesDevice(
    b,
    repoContextOf(b, () => new Date()),
    `${h.dir}/b-files`,
  )
  await h.catchUp(a)
  await h.catchUp(b)
})
afterAll(async () => {
  await h?.close()
})

function company(device: TestDevice): string {
  const id = newId()
  device.writer.upsert('companies', id, { code: uniqueCode('C'), name: '첨부상사', account_manager_id: manager.id })
  return id
}

/**
 * A PDF that device A adds to a new company and uploads, and that device B (prefetch budget 0, so nothing is fetched
 * ahead) has synced and lists but does not hold yet.
 */
async function sharedByA(fileName: string, size: number): Promise<{ target: string; data: Buffer; item: { id: string; sha256: string } }> {
  const target = company(a)
  const data = pdf(size)
  const item = filesA.add({ entityType: 'COMPANY', entityId: target, fileName, mimeType: 'application/pdf', bytes: data })
  await h.catchUp(a)
  await filesA.sync()
  filesB.setBudget(0)
  await h.catchUp(b)
  await filesB.sync()
  return { target, data, item }
}

describe('attachments on devices', () => {
  it('adds a file offline (it opens at once), queues the upload, and uploads in chunks once online', async () => {
    offline = true
    const target = company(a)
    const data = pdf(2 * FILE_CHUNK_BYTES + 500)
    const item = filesA.add({ entityType: 'COMPANY', entityId: target, fileName: '제안서.pdf', mimeType: 'application/pdf', bytes: data })
    expect(item).toMatchObject({ fileName: '제안서.pdf', sizeBytes: data.length, local: true, upload: { status: 'pending', sentBytes: 0 } })
    const plan = await filesA.prepareOpen(item.id)
    expect(plan.kind).toBe('open')
    expect(readFileSync(plan.path).equals(data)).toBe(true)
    await filesA.sync().catch(() => undefined)
    expect(filesA.list('COMPANY', target)[0]!.upload?.status).toBe('pending')
    expect(filesA.transfers()).toEqual([expect.objectContaining({ fileName: '제안서.pdf', direction: 'up', status: 'pending' })])

    offline = false
    await h.catchUp(a)
    await filesA.sync()
    expect(filesA.list('COMPANY', target)[0]!.upload).toMatchObject({ status: 'done', sentBytes: data.length })
    expect(await h.count('file_blobs', 'sha256 = $1', [item.sha256])).toBe(1)
    expect(await h.count('file_chunks', 'sha256 = $1', [item.sha256])).toBe(3)
    expect(filesA.transfers()).toEqual([])
  })

  it('uploads a file added offline only with a sync, so its row reaches the server first (no retry sends the bytes alone)', async () => {
    offline = true
    const target = company(a)
    const item = filesA.add({ entityType: 'COMPANY', entityId: target, fileName: '견적요청.pdf', mimeType: 'application/pdf', bytes: pdf(30_000) })
    await filesA.sync().catch(() => undefined)
    // Back online, no sync yet: a retry of the failed pass would have sent the bytes within a second.
    offline = false
    await new Promise((done) => setTimeout(done, 1_500))
    expect(await h.count('file_blobs', 'sha256 = $1', [item.sha256])).toBe(0)
    expect(await h.count('attachments', 'id = $1', [item.id])).toBe(0)

    await h.catchUp(a)
    await filesA.sync()
    expect(await h.count('attachments', 'id = $1', [item.id])).toBe(1)
    expect(await h.count('file_blobs', 'sha256 = $1', [item.sha256])).toBe(1)
  })

  it('adding a file the server already holds sends no chunk, only the proof that this device has the bytes', async () => {
    const data = pdf(FILE_CHUNK_BYTES + 70_000)
    const first = filesA.add({ entityType: 'COMPANY', entityId: company(a), fileName: '교육안내.pdf', mimeType: 'application/pdf', bytes: data })
    await h.catchUp(a)
    await filesA.sync()
    expect(await h.count('file_chunks', 'sha256 = $1', [first.sha256])).toBe(2)

    // Another user's device adds the very same file to another record.
    const target = newId()
    b.writer.upsert('companies', target, { code: uniqueCode('C'), name: '중복상사', account_manager_id: manager.id })
    const second = filesB.add({ entityType: 'COMPANY', entityId: target, fileName: '안내문.pdf', mimeType: 'application/pdf', bytes: data })
    expect(second.sha256).toBe(first.sha256)
    await h.catchUp(b)
    await filesB.sync()
    expect(filesB.list('COMPANY', target)[0]!.upload).toMatchObject({ status: 'done' })
    expect(await h.count('file_chunks', 'sha256 = $1', [first.sha256])).toBe(2)
    // The server recorded the proof: the manager's reference now opens the bytes for whoever sees that record.
    expect(await h.count('file_possessions', 'sha256 = $1 AND user_id = $2', [first.sha256, manager.id])).toBe(1)
  })

  it('resumes an upload whose connection dropped in the middle: the chunks the server has are not sent again', async () => {
    const target = company(a)
    // Under this server's 3 MiB limit: three chunks.
    const data = pdf(3 * FILE_CHUNK_BYTES - 10)
    sentChunks.length = 0
    dropChunk = '/chunks/1'
    const item = filesA.add({ entityType: 'COMPANY', entityId: target, fileName: '계약서.pdf', mimeType: 'application/pdf', bytes: data })
    await h.catchUp(a)
    await filesA.sync().catch(() => undefined)
    const afterDrop = filesA.list('COMPANY', target)[0]!
    if (afterDrop.upload?.status !== 'done') {
      expect(afterDrop.upload).toMatchObject({ status: 'pending', sentBytes: FILE_CHUNK_BYTES })
      await filesA.sync()
    }
    expect(filesA.list('COMPANY', target)[0]!.upload).toMatchObject({ status: 'done', sentBytes: data.length })
    const paths = sentChunks.filter((p) => p.includes(item.sha256)).map((p) => p.slice(p.lastIndexOf('/') + 1))
    // Each chunk reached the server exactly once: 0 before the drop, 1 (dropped, not counted) and 2 after it.
    expect(paths).toEqual(['0', '1', '2'])
    expect(await h.count('file_blobs', 'sha256 = $1', [item.sha256])).toBe(1)
  })

  it('a file whose bytes are not uploaded yet is listed elsewhere, and opening it says so', async () => {
    filesUnreachable = true
    const target = company(a)
    const item = filesA.add({ entityType: 'COMPANY', entityId: target, fileName: '사진.pdf', mimeType: 'application/pdf', bytes: pdf(5_000) })
    // The row goes out; the bytes cannot.
    await h.catchUp(a)
    await filesA.sync().catch(() => undefined)
    await h.catchUp(b)
    expect(filesB.list('COMPANY', target)).toEqual([expect.objectContaining({ id: item.id, local: false })])
    await expect(filesB.prepareOpen(item.id)).rejects.toMatchObject({ reason: 'not_uploaded' })
    filesUnreachable = false
    await filesA.sync()
    expect(readFileSync((await filesB.prepareOpen(item.id)).path).length).toBe(5_000)
  })

  it('lists a file added elsewhere right away and downloads it on first open', async () => {
    const { target, data, item } = await sharedByA('견적서.pdf', 40_000)
    const listed = filesB.list('COMPANY', target)
    expect(listed).toEqual([expect.objectContaining({ id: item.id, fileName: '견적서.pdf', local: false, addedBy: '김대표' })])
    const plan = await filesB.prepareOpen(item.id)
    expect(readFileSync(plan.path).equals(data)).toBe(true)
    expect(filesB.list('COMPANY', target)[0]!.local).toBe(true)
  })

  it('downloads ahead of time the files of pinned records, and everything in scope within the budget', async () => {
    const pinned = company(a)
    const other = company(a)
    const small = filesA.add({ entityType: 'COMPANY', entityId: pinned, fileName: '서명부.pdf', mimeType: 'application/pdf', bytes: pdf(30_000) })
    const big = filesA.add({ entityType: 'COMPANY', entityId: other, fileName: '사진.pdf', mimeType: 'application/pdf', bytes: pdf(900_000) })
    await h.catchUp(a)
    await filesA.sync()

    filesB.setBudget(0)
    filesB.pin('COMPANY', pinned, true)
    expect(filesB.isPinned('COMPANY', pinned)).toBe(true)
    await h.catchUp(b)
    await filesB.sync()
    expect(filesB.list('COMPANY', pinned)[0]).toMatchObject({ id: small.id, local: true })
    expect(filesB.list('COMPANY', other)[0]).toMatchObject({ id: big.id, local: false })

    // A budget too small for the big file still leaves it on the server.
    filesB.setBudget(500_000)
    await filesB.sync()
    expect(filesB.list('COMPANY', other)[0]!.local).toBe(false)
    // Room for it: fetched ahead of time, as soon as the budget is saved (no need to wait for the next sync).
    filesB.setBudget(50 * 1024 * 1024)
    expect(filesB.budget()).toBe(50 * 1024 * 1024)
    await expect.poll(() => filesB.list('COMPANY', other)[0]!.local, { timeout: 10_000 }).toBe(true)
  })

  it('a file the server refuses gets its reason and does not block the next upload or the row sync', async () => {
    const target = company(a)
    // The device's own limit is 50 MB; this server takes 3 MiB at most.
    const tooLarge = filesA.add({
      entityType: 'COMPANY',
      entityId: target,
      fileName: '동영상.pdf',
      mimeType: 'application/pdf',
      bytes: pdf(4 * FILE_CHUNK_BYTES),
    })
    const fine = filesA.add({ entityType: 'COMPANY', entityId: target, fileName: '메모.txt', mimeType: 'text/plain', bytes: Buffer.from('회의 메모\n') })
    await h.catchUp(a)
    await filesA.sync()
    const items = new Map(filesA.list('COMPANY', target).map((i) => [i.id, i]))
    expect(items.get(tooLarge.id)!.upload).toMatchObject({ status: 'rejected', reason: 'too_large' })
    expect(items.get(fine.id)!.upload).toMatchObject({ status: 'done' })
    expect(filesA.transfers()).toEqual([expect.objectContaining({ fileName: '동영상.pdf', status: 'rejected', reason: 'too_large' })])
    expect(a.writer.pendingCount()).toBe(0)
    expect(a.writer.rejectedCount()).toBe(0)
  })

  it('refuses on the device a file whose content contradicts its type, and never opens a program', async () => {
    const target = company(a)
    expect(() =>
      filesA.add({ entityType: 'COMPANY', entityId: target, fileName: 'x.pdf', mimeType: 'application/pdf', bytes: Buffer.from('MZ\u0090\u0000 not a pdf') }),
    ).toThrow(/not a application\/pdf/)
    const program = filesA.add({
      entityType: 'COMPANY',
      entityId: target,
      fileName: '../setup.exe',
      mimeType: 'application/x-msdownload',
      bytes: Buffer.from('MZ\u0090\u0000program'),
    })
    expect(program.fileName).toBe('setup.exe')
    expect((await filesA.prepareOpen(program.id)).kind).toBe('save')
  })

  it('a download cut off is tried again by itself (backoff), without waiting for the next sync', async () => {
    const { target, item } = await sharedByA('출석부.pdf', 50_000)
    expect(filesB.list('COMPANY', target)[0]).toMatchObject({ id: item.id, local: false })

    // The budget is raised (a pass starts at once) and that pass's download is cut off. No sync follows: only the
    // file loop's own retry can fetch it now (before, it waited for the next row sync, up to the loop's minute).
    dropFile = item.sha256
    dropDownloads = 1
    filesB.setBudget(50 * 1024 * 1024)
    await expect.poll(() => filesB.list('COMPANY', target)[0]!.local, { timeout: 10_000 }).toBe(true)
    expect(downloadsSent.get(item.sha256)).toBe(2)
  })

  // Last: it stops device B's file loop.
  it('a stopped file loop retries nothing (the device is closing)', async () => {
    const { target, item } = await sharedByA('결과보고.pdf', 20_000)
    // Every download of it is cut off: the first retry comes within a second (full jitter below 1 s), unless stopped.
    dropFile = item.sha256
    dropDownloads = 1_000
    filesB.setBudget(50 * 1024 * 1024)
    await expect.poll(() => downloadsSent.get(item.sha256) ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(1)
    await filesB.stop()
    const attempts = downloadsSent.get(item.sha256)
    await new Promise((done) => setTimeout(done, 2_500))
    expect(downloadsSent.get(item.sha256)).toBe(attempts)
    expect(filesB.list('COMPANY', target)[0]!.local).toBe(false)
    await filesB.sync()
    expect(downloadsSent.get(item.sha256)).toBe(attempts)
  })
})

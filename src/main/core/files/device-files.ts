/**
 * Attachments on the device (issue #19): the list a record shows, adding a file (copied into the file store at once,
 * so it opens offline; the metadata row goes through the writer and the outbox like any edit; the bytes queue for
 * upload), deleting (a tombstone), opening (from the store, downloading on first open), pinning records for offline
 * work, and the transfer loop: uploads in resumable chunks, then downloads ahead of time for pinned records and for
 * everything in scope while the store stays under the budget set in settings.
 *
 * The loop is its own single-flight job beside the row sync (device.ts starts it after each successful sync; downloads
 * that could not finish retry by themselves with backoff): a slow or refused file never holds up rows, and a refused
 * file is marked with its reason and skipped from then on.
 */
import { existsSync, rmSync, statSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { chunkCount, DEFAULT_MAX_FILE_BYTES, SIGNATURE_HEAD_BYTES } from '../../../shared/files/limits'
import { sanitizeFileName } from '../../../shared/files/file-name'
import { mayOpenDirectly, normalizeMimeType, signatureMatches } from '../../../shared/files/signature'
import { type AttachmentEntityType } from '../../../shared/model/enums'
import { type RepoContext, createUserNames } from '../common/context'
import { type BackoffOptions, fullJitterDelay, realTimers, type TimerHandle, type Timers } from '../sync/timers'
import { type FileStore } from './file-store'
import { answerChallenge, FileNotYetAvailableError, FileRefusedError, FileTransferPausedError, readChunk, type ServerFiles } from './server-files'

export interface AttachmentItem {
  readonly id: string
  readonly fileName: string
  readonly mimeType: string
  readonly sizeBytes: number
  readonly sha256: string
  readonly addedBy: string | null
  readonly addedAt: string
  /** The bytes are on this device (opens offline). */
  readonly local: boolean
  /** Upload state of a file added on this device: pending, done, rejected (with the reason code). */
  readonly upload: { readonly status: 'pending' | 'done' | 'rejected'; readonly sentBytes: number; readonly reason: string | null } | null
}

export interface FileTransfer {
  readonly sha256: string
  readonly fileName: string
  readonly direction: 'up' | 'down'
  readonly status: 'pending' | 'active' | 'rejected'
  readonly doneBytes: number
  readonly sizeBytes: number
  readonly reason: string | null
}

export interface AddFileInput {
  readonly entityType: AttachmentEntityType
  readonly entityId: string
  readonly fileName: string
  readonly mimeType: string
  readonly bytes: Uint8Array
}

export interface OpenPlan {
  /** `save`: programs and unknown content are never opened directly, only saved where the user chooses. */
  readonly kind: 'open' | 'save'
  readonly path: string
  readonly fileName: string
  readonly mimeType: string
}

/** Why a file cannot be added (translated by the renderer). */
export class AttachmentInputError extends Error {
  override readonly name = 'AttachmentInputError'
  constructor(
    readonly reason: 'too_large' | 'type_mismatch' | 'not_found' | 'not_available' | 'not_uploaded',
    message: string,
  ) {
    super(message)
  }
}

export interface DeviceFiles {
  list(entityType: AttachmentEntityType, entityId: string): AttachmentItem[]
  add(input: AddFileInput): AttachmentItem
  remove(id: string): void
  /** Makes the file local (downloading it when needed) and says how to show it. */
  prepareOpen(id: string): Promise<OpenPlan>
  pin(entityType: AttachmentEntityType, entityId: string, pinned: boolean): void
  isPinned(entityType: AttachmentEntityType, entityId: string): boolean
  /** Bytes the store may fill ahead of time with files in scope (0: only pinned records and files opened). */
  budget(): number
  setBudget(bytes: number): void
  transfers(): FileTransfer[]
  /** One pass of the transfer loop (single flight: a call during a pass waits for it). */
  sync(): Promise<void>
  /** Cancels the retry timer and waits for a running pass (the device is closing; its database closes next). */
  stop(): Promise<void>
}

interface AttachmentRow {
  id: string
  file_name: string
  mime_type: string
  size_bytes: number
  sha256: string
  created_by: string | null
  created_at: string
  status: 'pending' | 'done' | 'rejected' | null
  sent_bytes: number | null
  reason: string | null
}

interface QueueRow {
  sha256: string
  size_bytes: number
  mime_type: string
  file_name: string
  status: 'pending' | 'done' | 'rejected'
  sent_bytes: number
  reason: string | null
}

const BUDGET_KEY = 'files_prefetch_budget_bytes'
/** Default prefetch budget: 500 MB of files in scope kept ready offline. */
export const DEFAULT_PREFETCH_BUDGET = 500 * 1024 * 1024
/**
 * When a pass could not finish (a dropped connection, a busy server, bytes not uploaded yet), the next one comes after
 * a full-jitter delay rather than with the next row sync, which may be a minute away (the loop's period). The cap is
 * that period: beyond it the periodic sync starts passes anyway.
 */
export const FILE_RETRY_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 60_000 }

export interface DeviceFilesDeps {
  readonly ctx: RepoContext
  readonly store: FileStore
  readonly server: ServerFiles
  /** Per-file limit the device applies before the server would refuse (default 50 MB). */
  readonly maxBytes?: number
  /** Heard after a transfer changes state (the sync panel and lists refresh). */
  readonly onChange?: () => void
  /** Time for the retry after an unfinished pass (tests: fake timers and a seeded random). */
  readonly timers?: Timers
  readonly random?: () => number
}

export function createDeviceFiles({
  ctx,
  store,
  server,
  maxBytes = DEFAULT_MAX_FILE_BYTES,
  onChange,
  timers = realTimers,
  random = Math.random,
}: DeviceFilesDeps): DeviceFiles {
  const { sqlite, writer } = ctx
  const names = createUserNames(sqlite)
  sqlite.exec('CREATE TABLE IF NOT EXISTS app_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
  const listRows = sqlite.prepare<[string, string], AttachmentRow>(
    `SELECT a.id, a.file_name, a.mime_type, a.size_bytes, a.sha256, a.created_by, a.created_at, q.status, q.sent_bytes, q.reason
       FROM attachments a LEFT JOIN file_upload_queue q ON q.sha256 = a.sha256
      WHERE a.entity_type = ? AND a.entity_id = ? AND a.deleted_at IS NULL
      ORDER BY a.created_at DESC, a.id DESC`,
  )
  const oneRow = sqlite.prepare<[string], AttachmentRow>(
    `SELECT a.id, a.file_name, a.mime_type, a.size_bytes, a.sha256, a.created_by, a.created_at, q.status, q.sent_bytes, q.reason
       FROM attachments a LEFT JOIN file_upload_queue q ON q.sha256 = a.sha256 WHERE a.id = ? AND a.deleted_at IS NULL`,
  )
  const queueInsert = sqlite.prepare<[string, number, string, string]>(
    `INSERT INTO file_upload_queue (sha256, size_bytes, mime_type, file_name) VALUES (?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING`,
  )
  const queuePending = sqlite.prepare<[], QueueRow>(`SELECT * FROM file_upload_queue WHERE status = 'pending' ORDER BY created_at`)
  const queueAll = sqlite.prepare<[], QueueRow>(`SELECT * FROM file_upload_queue WHERE status <> 'done' ORDER BY created_at`)
  const queueUpdate = sqlite.prepare<[string, number, string | null, string]>(
    `UPDATE file_upload_queue SET status = ?, sent_bytes = ?, reason = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE sha256 = ?`,
  )
  const pinInsert = sqlite.prepare<[string, string]>('INSERT INTO pinned_records (entity_type, entity_id) VALUES (?, ?) ON CONFLICT DO NOTHING')
  const pinDelete = sqlite.prepare<[string, string]>('DELETE FROM pinned_records WHERE entity_type = ? AND entity_id = ?')
  const pinOne = sqlite.prepare<[string, string], { n: number }>('SELECT 1 AS n FROM pinned_records WHERE entity_type = ? AND entity_id = ?')
  const pinnedFiles = sqlite.prepare<[], { sha256: string; size_bytes: number; file_name: string }>(
    `SELECT DISTINCT a.sha256, a.size_bytes, a.file_name FROM attachments a
       JOIN pinned_records p ON p.entity_type = a.entity_type AND p.entity_id = a.entity_id
      WHERE a.deleted_at IS NULL`,
  )
  // Smallest and newest first: the budget then covers the most files, and the ones most likely to be asked for.
  const scopeFiles = sqlite.prepare<[], { sha256: string; size_bytes: number; file_name: string }>(
    `SELECT sha256, min(size_bytes) AS size_bytes, min(file_name) AS file_name FROM attachments WHERE deleted_at IS NULL
      GROUP BY sha256 ORDER BY min(size_bytes), max(created_at) DESC`,
  )
  const getSetting = sqlite.prepare<[string], { value: string }>('SELECT value FROM app_settings WHERE key = ?')
  const setSetting = sqlite.prepare<[string, string]>(
    'INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  )

  /** Transfers in flight (progress for the sync panel), by SHA-256. */
  const active = new Map<string, FileTransfer>()
  const refusedDownloads = new Map<string, { fileName: string; sizeBytes: number; reason: string }>()
  let running: Promise<void> | null = null
  let queued: Promise<void> | null = null
  let queuedWithUploads = false
  /** Passes in a row that could not finish, and the pending retry (one at most). */
  let unfinishedPasses = 0
  let retry: TimerHandle | null = null
  let stopped = false
  const changed = (): void => {
    try {
      onChange?.()
    } catch {
      // A listener must not fail a transfer.
    }
  }

  const toItem = (row: AttachmentRow): AttachmentItem => ({
    id: row.id,
    fileName: row.file_name,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    addedBy: row.created_by ? (names([row.created_by]).get(row.created_by) ?? null) : null,
    addedAt: row.created_at,
    local: store.has(row.sha256),
    upload: row.status ? { status: row.status, sentBytes: row.sent_bytes ?? 0, reason: row.reason } : null,
  })

  async function verifyFile(path: string, sha256: string): Promise<boolean> {
    const hash = createHash('sha256')
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
    return hash.digest('hex') === sha256
  }

  async function download(sha256: string, fileName: string, sizeBytes: number): Promise<void> {
    if (store.has(sha256)) return
    const partial = store.partialPathOf(sha256)
    active.set(sha256, {
      sha256,
      fileName,
      direction: 'down',
      status: 'active',
      doneBytes: existsSync(partial) ? statSync(partial).size : 0,
      sizeBytes,
      reason: null,
    })
    changed()
    try {
      await server.download(sha256, partial, (bytes) => {
        active.set(sha256, { sha256, fileName, direction: 'down', status: 'active', doneBytes: bytes, sizeBytes, reason: null })
      })
      if (!(await verifyFile(partial, sha256))) {
        rmSync(partial, { force: true })
        throw new Error(`Downloaded bytes of ${fileName} do not match their SHA-256`)
      }
      store.adopt(sha256, partial)
    } catch (error) {
      if (error instanceof FileRefusedError) refusedDownloads.set(sha256, { fileName, sizeBytes, reason: error.reason })
      throw error
    } finally {
      active.delete(sha256)
      changed()
    }
  }

  async function uploadOne(row: QueueRow): Promise<void> {
    if (!store.has(row.sha256)) {
      queueUpdate.run('rejected', 0, 'missing_local', row.sha256)
      return
    }
    const path = store.pathOf(row.sha256)
    const progress = (sent: number): void => {
      active.set(row.sha256, {
        sha256: row.sha256,
        fileName: row.file_name,
        direction: 'up',
        status: 'active',
        doneBytes: sent,
        sizeBytes: row.size_bytes,
        reason: null,
      })
      queueUpdate.run('pending', sent, null, row.sha256)
      changed()
    }
    try {
      const answer = await server.begin(row.sha256, row.size_bytes, row.mime_type)
      // The server already holds these bytes (dedup): nothing to send but the proof that this device has them too.
      if (answer.status === 'prove') await server.prove(row.sha256, answer.challenge.nonce, await answerChallenge(path, answer.challenge))
      if (answer.status === 'uploading') {
        const received = new Set(answer.received)
        const count = row.size_bytes === 0 ? 0 : chunkCount(row.size_bytes)
        let sent = [...received].reduce((sum, n) => sum + Math.min(answer.chunkBytes, row.size_bytes - n * answer.chunkBytes), 0)
        progress(sent)
        for (let n = 0; n < count; n += 1) {
          if (received.has(n)) continue
          const data = await readChunk(path, n, row.size_bytes)
          await server.putChunk(row.sha256, n, data)
          sent += data.length
          progress(sent)
        }
        // Another user's upload of the same file may have finished first: then prove it instead.
        const completed = await server.complete(row.sha256)
        if (completed.status === 'prove') await server.prove(row.sha256, completed.challenge.nonce, await answerChallenge(path, completed.challenge))
      }
      queueUpdate.run('done', row.size_bytes, null, row.sha256)
    } catch (error) {
      if (error instanceof FileRefusedError) queueUpdate.run('rejected', 0, error.reason, row.sha256)
      else throw error
    } finally {
      active.delete(row.sha256)
      changed()
    }
  }

  /**
   * One pass. Uploads come first and only in a pass a row sync (or the user) asked for: a file's row reaches the server
   * before its bytes, as it always has. A pass whose downloads could not finish schedules a downloads-only pass itself
   * (backoff); one that finished resets the count. Signed out or stopped: neither.
   */
  async function pass(withUploads: boolean): Promise<void> {
    if (!server.available()) return
    // 1. Uploads, oldest first; a refused file is marked and the others go on. Offline: stop, the next sync resumes.
    if (withUploads) for (const row of queuePending.all()) await uploadOne(row)
    let finished = false
    try {
      finished = await downloadAll()
    } finally {
      if (finished) unfinishedPasses = 0
      else retryDownloadsLater()
    }
  }

  function retryDownloadsLater(): void {
    if (stopped || !server.available() || retry !== null) return
    const delay = fullJitterDelay(unfinishedPasses, FILE_RETRY_BACKOFF, random)
    unfinishedPasses += 1
    retry = timers.setTimeout(() => {
      retry = null
      void run(false).catch(() => undefined)
    }, delay)
  }

  /**
   * 2. Pinned records' files, whatever their size; then everything in scope within the budget. True when every one
   * is on the device now or refused for good; false (or a pause thrown) when some are worth asking for again.
   */
  async function downloadAll(): Promise<boolean> {
    const wanted = new Map<string, { size_bytes: number; file_name: string }>()
    for (const row of pinnedFiles.all()) wanted.set(row.sha256, row)
    let room = readBudget() - store.usage()
    for (const row of scopeFiles.all()) {
      if (wanted.has(row.sha256) || store.has(row.sha256)) continue
      if (row.size_bytes > room) continue
      room -= row.size_bytes
      wanted.set(row.sha256, row)
    }
    let finished = true
    for (const [sha256, row] of wanted) {
      if (store.has(sha256) || refusedDownloads.has(sha256)) continue
      try {
        await download(sha256, row.file_name, row.size_bytes)
      } catch (error) {
        // Offline or the server is down: stop here, the retry resumes. Not uploaded yet by the device that added it,
        // or refused: the others go on (a refused file is not asked for again; the others are, by the retry).
        if (error instanceof FileTransferPausedError) throw error
        if (!(error instanceof FileRefusedError)) finished = false
      }
    }
    return finished
  }

  /** Single flight: a request during a pass shares one more pass after it, with uploads if any request wanted them. */
  function run(withUploads: boolean): Promise<void> {
    if (stopped) return Promise.resolve()
    if (!running) {
      running = pass(withUploads).finally(() => {
        running = null
      })
      return running
    }
    queuedWithUploads ||= withUploads
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null
        const uploads = queuedWithUploads
        queuedWithUploads = false
        return run(uploads)
      })
    return queued
  }

  function readBudget(): number {
    const value = Number(getSetting.get(BUDGET_KEY)?.value)
    return Number.isFinite(value) && value >= 0 && getSetting.get(BUDGET_KEY) ? value : DEFAULT_PREFETCH_BUDGET
  }

  const files: DeviceFiles = {
    list(entityType, entityId) {
      return listRows.all(entityType, entityId).map(toItem)
    },
    add(input) {
      const bytes = input.bytes
      if (bytes.length > maxBytes) throw new AttachmentInputError('too_large', `The file is larger than ${maxBytes} bytes`)
      const mimeType = normalizeMimeType(input.mimeType)
      if (!signatureMatches(mimeType, bytes.subarray(0, SIGNATURE_HEAD_BYTES))) {
        throw new AttachmentInputError('type_mismatch', `The content is not a ${mimeType} file`)
      }
      const fileName = sanitizeFileName(input.fileName)
      // The bytes first: a row whose file is not on the device would be a broken promise offline.
      const sha256 = store.put(bytes)
      const id = ctx.newId()
      writer.transaction(() => {
        writer.upsert('attachments', id, {
          entity_type: input.entityType,
          entity_id: input.entityId,
          file_name: fileName,
          mime_type: mimeType,
          size_bytes: bytes.length,
          sha256,
        })
        queueInsert.run(sha256, bytes.length, mimeType, fileName)
      })
      // Start uploading now when online; offline, the next successful sync starts it.
      void this.sync().catch(() => undefined)
      return toItem(oneRow.get(id)!)
    },
    remove(id) {
      if (!oneRow.get(id)) throw new AttachmentInputError('not_found', `No attachment ${id}`)
      writer.remove('attachments', id)
    },
    async prepareOpen(id) {
      const row = oneRow.get(id)
      if (!row) throw new AttachmentInputError('not_found', `No attachment ${id}`)
      if (!store.has(row.sha256)) {
        if (!server.available()) throw new AttachmentInputError('not_available', 'The file is not on this device and the server cannot be reached')
        try {
          await download(row.sha256, row.file_name, row.size_bytes)
        } catch (error) {
          // The device that added it has not uploaded the bytes yet (it may still be offline).
          if (error instanceof FileNotYetAvailableError) throw new AttachmentInputError('not_uploaded', 'The file has not been uploaded yet')
          throw new AttachmentInputError('not_available', 'The file could not be downloaded')
        }
      }
      const fileName = sanitizeFileName(row.file_name)
      // The OS picks the application by the name's extension: hand it a copy under the file's own name.
      const path = store.namedCopy(row.sha256, fileName)
      return { kind: mayOpenDirectly(fileName, store.head(row.sha256, SIGNATURE_HEAD_BYTES)) ? 'open' : 'save', path, fileName, mimeType: row.mime_type }
    },
    pin(entityType, entityId, pinned) {
      if (pinned) pinInsert.run(entityType, entityId)
      else pinDelete.run(entityType, entityId)
      if (pinned) void this.sync().catch(() => undefined)
    },
    isPinned: (entityType, entityId) => Boolean(pinOne.get(entityType, entityId)),
    budget: readBudget,
    setBudget(bytes) {
      setSetting.run(BUDGET_KEY, String(Math.max(0, Math.floor(bytes))))
      // A larger budget is used at once: the files it now makes room for start downloading (offline: next sync).
      void this.sync().catch(() => undefined)
    },
    transfers() {
      const out: FileTransfer[] = []
      for (const row of queueAll.all()) {
        const live = active.get(row.sha256)
        out.push(
          live ?? {
            sha256: row.sha256,
            fileName: row.file_name,
            direction: 'up',
            status: row.status === 'rejected' ? 'rejected' : 'pending',
            doneBytes: row.sent_bytes,
            sizeBytes: row.size_bytes,
            reason: row.reason,
          },
        )
      }
      for (const transfer of active.values()) if (transfer.direction === 'down') out.push(transfer)
      for (const [sha256, refused] of refusedDownloads) {
        out.push({
          sha256,
          fileName: refused.fileName,
          direction: 'down',
          status: 'rejected',
          doneBytes: 0,
          sizeBytes: refused.sizeBytes,
          reason: refused.reason,
        })
      }
      return out
    },
    sync() {
      // A file added meanwhile goes too: the pass after the running one.
      return run(true)
    },
    async stop() {
      stopped = true
      if (retry !== null) timers.clearTimeout(retry)
      retry = null
      await (queued ?? running)?.catch(() => undefined)
    },
  }
  return files
}

/**
 * The device's client of the file API (docs/sync-protocol.md § Files), with the session's access token (main process
 * only); a 401 refreshes once through the sync transport — the one place that rotates tokens — and retries.
 */
import { createWriteStream, existsSync, statSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { type ReadableStream as WebReadableStream } from 'node:stream/web'
import { createHash } from 'node:crypto'
import { FILE_CHUNK_BYTES, type PossessionChallenge } from '../../../shared/files/limits'
import { type Session } from '../session'
import { type TokenStore } from '../sync/tokens'

/** The server refused the file for good (reason code from FILE_REJECT_REASONS): shown in the sync panel, not retried. */
export class FileRefusedError extends Error {
  override readonly name = 'FileRefusedError'
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message)
  }
}

/** The server has no bytes for this file yet (the device that added it has not uploaded them): try again later. */
export class FileNotYetAvailableError extends Error {
  override readonly name = 'FileNotYetAvailableError'
}

/** Offline, server down, session to renew, rate limited: try again later. */
export class FileTransferPausedError extends Error {
  override readonly name = 'FileTransferPausedError'
}

/** `prove`: the server holds the bytes; show it this device has them too (answerChallenge). */
export type BeginAnswer =
  { status: 'stored' } | { status: 'prove'; challenge: PossessionChallenge } | { status: 'uploading'; chunkBytes: number; received: number[] }
export type CompleteAnswer = { status: 'stored' } | { status: 'prove'; challenge: PossessionChallenge }

export interface ServerFiles {
  available(): boolean
  begin(sha256: string, sizeBytes: number, mimeType: string): Promise<BeginAnswer>
  putChunk(sha256: string, n: number, data: Uint8Array): Promise<void>
  complete(sha256: string): Promise<CompleteAnswer>
  /** Sends the answer to a possession challenge (docs/sync-protocol.md §7a). */
  prove(sha256: string, nonce: string, answer: string): Promise<void>
  /** Downloads into `partialPath`, resuming from its current length; resolves when the file is complete. */
  download(sha256: string, partialPath: string, onProgress?: (bytes: number) => void): Promise<void>
}

export interface ServerFilesDeps {
  readonly session: Pick<Session, 'current' | 'serverUrl' | 'transport'>
  readonly tokens: TokenStore
  readonly fetch: typeof fetch
  readonly timeoutMs?: number
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { reason?: string } }
}

export function createServerFiles({ session, tokens, fetch: doFetch, timeoutMs = 120_000 }: ServerFilesDeps): ServerFiles {
  async function send(method: string, path: string, init: { body?: RequestInit['body']; headers?: Record<string, string> } = {}): Promise<Response> {
    const serverUrl = session.serverUrl()
    if (!session.current() || !serverUrl) throw new FileTransferPausedError('No server session')
    let stored = await tokens.load()
    if (!stored) throw new FileTransferPausedError('No tokens')
    for (let attempt = 0; ; attempt += 1) {
      let response: Response
      try {
        response = await doFetch(`${serverUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${stored.accessToken}`, ...init.headers },
          ...(init.body === undefined ? {} : { body: init.body }),
          signal: AbortSignal.timeout(timeoutMs),
        })
      } catch {
        throw new FileTransferPausedError(`Cannot reach the server (${path})`)
      }
      if (response.status === 401 && attempt === 0) {
        await response.body?.cancel()
        try {
          stored = await session.transport().refresh()
        } catch {
          throw new FileTransferPausedError('The session could not be refreshed')
        }
        continue
      }
      if (response.ok) return response
      const body = (await response.json().catch(() => ({}))) as ErrorBody
      const reason = body.error?.details?.reason
      // Refusals that will not change by retrying; everything else (5xx, 429, 401) pauses and is retried later.
      if (reason && ['too_large', 'type_mismatch', 'hash_mismatch', 'bad_name'].includes(reason))
        throw new FileRefusedError(reason, body.error?.message ?? reason)
      if (response.status === 404) throw new FileNotYetAvailableError(body.error?.message ?? 'not found')
      throw new FileTransferPausedError(`${method} ${path}: ${response.status} ${body.error?.code ?? ''}`)
    }
  }

  return {
    available: () => Boolean(session.current() && session.serverUrl()),
    async begin(sha256, sizeBytes, mimeType) {
      const response = await send('POST', `/v1/files/${sha256}`, {
        body: JSON.stringify({ sizeBytes, mimeType }),
        headers: { 'content-type': 'application/json' },
      })
      return (await response.json()) as BeginAnswer
    },
    async putChunk(sha256, n, data) {
      const response = await send('PUT', `/v1/files/${sha256}/chunks/${n}`, {
        body: data as unknown as RequestInit['body'],
        headers: { 'content-type': 'application/octet-stream' },
      })
      await response.body?.cancel()
    },
    async complete(sha256) {
      const response = await send('POST', `/v1/files/${sha256}/complete`)
      const answer = (await response.json()) as { status: string; challenge?: PossessionChallenge }
      return answer.status === 'prove' && answer.challenge ? { status: 'prove', challenge: answer.challenge } : { status: 'stored' }
    },
    async prove(sha256, nonce, answer) {
      const response = await send('POST', `/v1/files/${sha256}/proof`, {
        body: JSON.stringify({ nonce, answer }),
        headers: { 'content-type': 'application/json' },
      })
      await response.body?.cancel()
    },
    async download(sha256, partialPath, onProgress) {
      const offset = existsSync(partialPath) ? statSync(partialPath).size : 0
      const response = await send('GET', `/v1/files/${sha256}`, { headers: offset > 0 ? { range: `bytes=${offset}-` } : {} })
      // A server that ignored the range sends everything: start the partial file over.
      const append = response.status === 206
      if (!response.body) return
      let received = append ? offset : 0
      const counting = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>)
      counting.on('data', (chunk: Buffer) => {
        received += chunk.length
        onProgress?.(received)
      })
      try {
        await pipeline(counting, createWriteStream(partialPath, { flags: append ? 'a' : 'w' }))
      } catch {
        throw new FileTransferPausedError('The download was interrupted')
      }
    },
  }
}

/** Reads chunk `n` of a stored file. */
export async function readChunk(path: string, n: number, size: number): Promise<Uint8Array> {
  const length = Math.min(FILE_CHUNK_BYTES, size - n * FILE_CHUNK_BYTES)
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(length)
    await handle.read(buffer, 0, length, n * FILE_CHUNK_BYTES)
    return buffer
  } finally {
    await handle.close()
  }
}

/**
 * The answer to a possession challenge from the stored file: SHA-256 of the nonce's bytes, then of each asked range
 * in order (src/shared/files/limits.ts). Reads only the ranges, never the whole file.
 */
export async function answerChallenge(path: string, challenge: PossessionChallenge): Promise<string> {
  const hash = createHash('sha256').update(Buffer.from(challenge.nonce, 'hex'))
  const handle = await open(path, 'r')
  try {
    for (const range of challenge.ranges) {
      const buffer = Buffer.alloc(range.length)
      const { bytesRead } = await handle.read(buffer, 0, range.length, range.offset)
      hash.update(buffer.subarray(0, bytesRead))
    }
  } finally {
    await handle.close()
  }
  return hash.digest('hex')
}

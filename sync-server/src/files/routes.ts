/**
 * The file API (docs/sync-protocol.md § Files), every route behind the access token:
 *
 * - POST /v1/files/:sha256 `{sizeBytes, mimeType}`: start or resume an upload. `{status:'stored'}` when the server
 *   already has these bytes and the caller proved it has them; `{status:'prove', challenge}` when the server has them
 *   but the caller has not proved it (dedup: nothing to send but the answer); else `{status:'uploading', chunkBytes,
 *   received}`: the chunk numbers already received, so a device whose connection dropped sends only the rest.
 * - POST /v1/files/:sha256/proof `{nonce, answer}`: the answer to the challenge (service.ts); `{status:'stored'}`.
 * - PUT /v1/files/:sha256/chunks/:n (application/octet-stream): chunk n, exactly chunkBytes long (the last: the rest).
 * - POST /v1/files/:sha256/complete: verify SHA-256, size and the declared type against the content's signature;
 *   the blob is stored, or the upload is dropped and answered 422 with `details.reason`. The answer is that of begin:
 *   `stored`, or `prove` when another user's upload stored the bytes.
 * - GET (and HEAD) /v1/files/:sha256: the bytes, only to a user whose scope holds a live attachment naming them, made by a
 *   user who proved possession (404 for everyone else, so the existence of a blob is not revealed). `Range: bytes=N-` resumes a download.
 *
 * Refusals carry `details.reason` (FILE_REJECT_REASONS): the device shows it in the sync panel and goes on.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { Readable } from 'node:stream'
import { z } from 'zod'
import { FILE_CHUNK_BYTES, SHA256_PATTERN } from '../../../src/shared/files/limits'
import { requireAuth } from '../auth/request-auth'
import { HttpError } from '../http/errors'
import { parseWith } from '../http/validate'
import { FileRejectedError, type FileService } from './service'

export interface FileRouteOptions {
  readonly files: FileService
}

const shaParams = z.object({ sha256: z.string().regex(SHA256_PATTERN, 'must be a lower-case hex SHA-256') })
const chunkParams = shaParams.extend({ n: z.coerce.number().int().min(0).max(100_000) })
const beginSchema = z.strictObject({ sizeBytes: z.number().int().min(0), mimeType: z.string().min(1).max(200) })
const proofSchema = z.strictObject({ nonce: z.string().regex(/^[0-9a-f]{64}$/), answer: z.string().regex(SHA256_PATTERN) })

function rejected(error: FileRejectedError): HttpError {
  const code = error.status === 413 ? 'payload_too_large' : error.status === 429 ? 'too_many_requests' : 'bad_request'
  const retry: Record<string, string> = typeof error.details.retryAfterSeconds === 'number' ? { 'retry-after': String(error.details.retryAfterSeconds) } : {}
  return new HttpError(error.status, code, error.message, retry, { reason: error.reason, ...error.details })
}

async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof FileRejectedError) throw rejected(error)
    throw error
  }
}

const notFound = (): HttpError => new HttpError(404, 'not_found', 'No such file, or not in your scope')

export const fileRoutes: FastifyPluginAsync<FileRouteOptions> = async (app, { files }) => {
  // Chunks arrive as raw bytes; this parser only applies inside this plugin.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: FILE_CHUNK_BYTES + 1024 }, (_request, body, done) => {
    done(null, body)
  })

  app.post('/v1/files/:sha256', { preHandler: app.authenticate }, async (request) => {
    const auth = requireAuth(request)
    const { sha256 } = shaParams.parse(request.params)
    const body = parseWith(beginSchema, request.body)
    return answering(() => files.begin({ sha256, ...body, userId: auth.userId, deviceId: auth.deviceId }))
  })

  app.put('/v1/files/:sha256/chunks/:n', { preHandler: app.authenticate }, async (request) => {
    const auth = requireAuth(request)
    const { sha256, n } = chunkParams.parse(request.params)
    const data = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)
    await answering(() => files.putChunk({ sha256, n, data, userId: auth.userId, deviceId: auth.deviceId }))
    return { received: n }
  })

  app.post('/v1/files/:sha256/complete', { preHandler: app.authenticate }, async (request) => {
    const auth = requireAuth(request)
    const { sha256 } = shaParams.parse(request.params)
    const result = await answering(() => files.complete(sha256, auth.userId))
    return result.status === 'prove' ? result : { status: 'stored', sizeBytes: result.sizeBytes, mimeType: result.mimeType }
  })

  app.post('/v1/files/:sha256/proof', { preHandler: app.authenticate }, async (request) => {
    const auth = requireAuth(request)
    const { sha256 } = shaParams.parse(request.params)
    const body = parseWith(proofSchema, request.body)
    return answering(() => files.prove({ sha256, userId: auth.userId, ...body }))
  })

  const serve = async (sha256: string, userId: string, range: string | undefined, reply: FastifyReply) => {
    const blob = await files.stat(sha256)
    if (!blob || !(await files.mayDownload(userId, sha256))) throw notFound()
    const match = range ? /^bytes=(\d+)-$/.exec(range.trim()) : null
    const offset = match ? Number(match[1]) : 0
    if (offset > blob.sizeBytes) throw new HttpError(416, 'bad_request', 'Range starts after the end of the file')
    void reply
      .header('content-type', 'application/octet-stream')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', 'attachment')
      .header('accept-ranges', 'bytes')
      .header('etag', `"${sha256}"`)
      .header('content-length', String(blob.sizeBytes - offset))
    if (offset > 0) void reply.code(206).header('content-range', `bytes ${offset}-${blob.sizeBytes - 1}/${blob.sizeBytes}`)
    return reply.send(Readable.from(files.read(blob, offset)))
  }

  app.get('/v1/files/:sha256', { preHandler: app.authenticate }, async (request, reply) => {
    const auth = requireAuth(request)
    const { sha256 } = shaParams.parse(request.params)
    return serve(sha256, auth.userId, request.headers.range, reply)
  })
}

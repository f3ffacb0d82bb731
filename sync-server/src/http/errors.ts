/**
 * One error shape for every failure the API answers: `{"error":{"code","message"}}` (src/shared/sync/protocol.ts).
 * Route code throws HttpError (or lets a ZodError escape); the handler below maps everything else Fastify or a
 * plugin can throw, so a client never has to parse two formats.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { ZodError } from 'zod'
import type { ErrorBody, ErrorCode } from '../../../src/shared/sync/protocol'

export class HttpError extends Error {
  override readonly name = 'HttpError'
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    /** Extra response headers, e.g. Retry-After on 429. */
    readonly headers: Readonly<Record<string, string>> = {},
    readonly details?: unknown,
  ) {
    super(message)
  }
}

export const badRequest = (message: string, details?: unknown): HttpError => new HttpError(400, 'bad_request', message, {}, details)
export const unauthenticated = (message = 'Authentication required'): HttpError =>
  new HttpError(401, 'unauthenticated', message, { 'www-authenticate': 'Bearer' })
export const forbidden = (message: string): HttpError => new HttpError(403, 'forbidden', message)
export const tooManyRequests = (message: string, retryAfterSeconds: number): HttpError =>
  new HttpError(429, 'too_many_requests', message, { 'retry-after': String(Math.max(1, retryAfterSeconds)) })
/** The device was revoked with wipe: it must erase its copy (CONTRACTS §1). Checked before any 401. */
export const deviceWiped = (): HttpError =>
  new HttpError(410, 'device_wiped', 'This device was revoked with wipe by an administrator; it erases its copy of the data')
export const passwordChangeRequired = (): HttpError =>
  new HttpError(403, 'password_change_required', 'Choose a new password first: this account signed in with a one-time password')
export const unavailable = (message: string): HttpError => new HttpError(503, 'unavailable', message)

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } }
}

// 55P03: a lock wait reached lock_timeout (a push's deadline, sync/push.ts).
const UNAVAILABLE_PG_CODES = new Set(['57P01', '57P02', '57P03', '53300', '57014', '55P03'])
const UNAVAILABLE_NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'])
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|not queryable|Connection ended|terminating connection/i

/**
 * PostgreSQL unreachable, restarting, out of connections, or a statement cancelled by statement_timeout: the request
 * did not fail because of what it asked, so it answers 503 (with Retry-After) and the client retries. The pool drops
 * broken connections, so the next request after PostgreSQL is back succeeds without restarting the server.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string') {
    if (code.startsWith('08') || UNAVAILABLE_PG_CODES.has(code) || UNAVAILABLE_NET_CODES.has(code)) return true
  }
  const message = (error as { message?: unknown }).message
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)
}

/** What Fastify's own errors (FST_ERR_*) and plugins' errors carry. */
function statusOf(error: FastifyError): number {
  const status = error.statusCode
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 409) return 'schema_version'
  if (status === 413) return 'payload_too_large'
  if (status === 429) return 'too_many_requests'
  if (status === 503) return 'unavailable'
  if (status >= 500) return 'internal'
  return 'bad_request'
}

export function handleError(error: FastifyError | HttpError | ZodError, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof HttpError) {
    if (error.statusCode >= 500) request.log.error({ err: error }, error.message)
    void reply
      .code(error.statusCode)
      .headers(error.headers)
      .send(errorBody(error.code, error.message, error.details))
    return
  }
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
    void reply.code(400).send(errorBody('bad_request', 'Request validation failed', details))
    return
  }
  if (isDependencyUnavailable(error)) {
    request.log.warn({ err: error }, 'dependency unavailable')
    void reply.code(503).header('retry-after', '5').send(errorBody('unavailable', 'Service temporarily unavailable; retry shortly'))
    return
  }
  const status = statusOf(error)
  if (status >= 500) {
    // Never leak internals (SQL, stack) to the client; the log line carries them, joined by the request id.
    request.log.error({ err: error }, 'request failed')
    void reply.code(status).send(errorBody(codeForStatus(status), 'Internal server error'))
    return
  }
  // Fastify's client errors (bad JSON, body too large, unsupported media type …) have useful messages.
  void reply.code(status).send(errorBody(codeForStatus(status), error.message))
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): void {
  void reply.code(404).send(errorBody('not_found', `Route ${request.method} ${request.url.split('?')[0]} not found`))
}

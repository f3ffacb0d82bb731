/**
 * HTTP client for the sync server (docs/sync-protocol.md), on Node's global fetch. It owns the token lifecycle:
 * access tokens go in the Authorization header, a 401 triggers ONE refresh (shared by every request that hit the 401
 * at the same time — refresh tokens rotate and a reused one revokes the whole session) and one retry.
 * Every response body is validated against the shared protocol (zod schemas; pull pages with a one-pass check that
 * gives the zod schema's verdicts, src/shared/sync/pull-response.ts): a server that drifted from the protocol fails
 * loudly here instead of writing garbage into the replica.
 */
import { z } from 'zod'
import { checkPullResponse } from '../../../shared/sync/pull-response'
import { pushResponseSchema, type LoginRequest, type PullRequest, type PullResponse, type PushRequest, type PushResponse } from '../../../shared/sync/protocol'
import { SyncError } from './errors'
import { createSseParser, type SseEvent } from './sse-parser'
import { fullJitterDelay, realTimers, type BackoffOptions, type Timers, type TimerHandle } from './timers'
import { type StoredTokens, type TokenStore } from './tokens'

export const loginResponseSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresIn: z.number().optional(),
  // The public profile; extra fields are kept for display (the UI reads what it knows).
  user: z.looseObject({ id: z.string().min(1), email: z.string() }),
  schemaVersions: z.object({ min: z.number().int(), max: z.number().int() }),
  /** Signed in with an administrator's one-time password: the server answers nothing else until it is replaced. */
  passwordChangeRequired: z.boolean().optional(),
})
export type LoginResponse = z.infer<typeof loginResponseSchema>

const tokenPairSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresIn: z.number().optional(),
})

/** GET /v1/conflicts. The device also receives its conflicts through pull (sync_conflicts); this is the online view. */
export const conflictsResponseSchema = z.looseObject({ conflicts: z.array(z.record(z.string(), z.unknown())) })
export type ConflictsResponse = z.infer<typeof conflictsResponseSchema>

export interface EventHandlers {
  onEvent(event: SseEvent): void
  /** The stream is connected (first time and after every reconnect): the caller should pull. */
  onOpen?(): void
  /** A connection attempt failed or the stream dropped; `willRetry` false means it gave up (auth, schema). */
  onError?(error: SyncError, willRetry: boolean): void
}

export interface EventStreamOptions {
  readonly backoff?: BackoffOptions
  /** Reconnect when nothing (not even a heartbeat) arrived for this long: a half-open TCP connection looks alive. */
  readonly idleTimeoutMs?: number
}

export interface EventSubscription {
  close(): void
}

export interface Transport {
  readonly baseUrl: string
  /** Sign in; saves the tokens in the store. */
  login(request: LoginRequest): Promise<LoginResponse>
  /** Rotate the tokens now. Concurrent callers share one request. */
  refresh(): Promise<StoredTokens>
  /** Revoke the session on the server (best effort: offline is fine) and always forget the tokens locally. */
  logout(): Promise<void>
  push(request: PushRequest): Promise<PushResponse>
  pull(request: PullRequest): Promise<PullResponse>
  conflicts(): Promise<ConflictsResponse>
  health(): Promise<boolean>
  /** Listen for pokes over SSE, reconnecting with backoff until closed. */
  events(handlers: EventHandlers, options?: EventStreamOptions): EventSubscription
}

export interface TransportOptions {
  readonly baseUrl: string
  readonly tokens: TokenStore
  readonly fetch?: typeof fetch
  /** Per request (not for the SSE stream). Pull pages of 2,000 rows come back well within this. */
  readonly timeoutMs?: number
  readonly timers?: Timers
  readonly random?: () => number
  /**
   * This device's id, sent with a refresh: after a crash between the server's rotation and saving the new token, the
   * server accepts the previous token once from the same device (docs/security.md § Sessions).
   */
  readonly deviceId?: () => string | null
  /** The server answered 410 device_wiped to any call (sign-in, refresh, push, pull, events): the device must erase. */
  readonly onDeviceWiped?: () => void
}

type Method = 'GET' | 'POST'

/** A zod schema, or a hand-written check with the same answers (pull pages: shared/sync/pull-response.ts). */
interface BodyCheck<T> {
  safeParse(value: unknown): { readonly success: true; readonly data: T } | { readonly success: false; readonly error: { readonly message: string } }
}

interface RequestSpec<T> {
  readonly method: Method
  readonly path: string
  readonly body?: unknown
  readonly auth: boolean
  readonly schema: BodyCheck<T> | null
}

/** Pull pages carry up to thousands of rows each: checked in one pass without copying (same verdicts as zod's schema). */
const pullResponseCheck: BodyCheck<PullResponse> = { safeParse: checkPullResponse }

const DEFAULT_TIMEOUT_MS = 60_000
const DEFAULT_SSE_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 60_000 }
/** The server sends a heartbeat every 15 s by default; three missed ones mean the connection is dead. */
const DEFAULT_SSE_IDLE_MS = 50_000

export function createTransport(options: TransportOptions): Transport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const doFetch = options.fetch ?? globalThis.fetch
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const timers = options.timers ?? realTimers
  const random = options.random ?? Math.random
  const store = options.tokens

  /** Every non-2xx answer goes through here, so a wipe order is heard whichever call received it. */
  const failure = async (response: Response): Promise<SyncError> => {
    const error = await errorFrom(response)
    if (error.kind === 'wiped') options.onDeviceWiped?.()
    return error
  }

  let cached: StoredTokens | null | undefined
  let refreshing: Promise<StoredTokens> | null = null

  const currentTokens = async (): Promise<StoredTokens | null> => {
    if (cached === undefined) cached = await store.load()
    return cached
  }

  const save = async (tokens: StoredTokens): Promise<void> => {
    cached = tokens
    await store.save(tokens)
  }

  const forget = async (): Promise<void> => {
    cached = null
    await store.clear()
  }

  const send = async (method: Method, path: string, body: unknown, headers: Record<string, string>, signal: AbortSignal): Promise<Response> => {
    try {
      return await doFetch(`${baseUrl}${path}`, {
        method,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      })
    } catch (cause) {
      const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError')
      throw new SyncError('offline', timedOut ? `The server did not answer (${path})` : `Cannot reach the server (${path})`, { cause })
    }
  }

  const refreshWith = async (tokens: StoredTokens): Promise<StoredTokens> => {
    const deviceId = options.deviceId?.() ?? null
    const body = deviceId ? { refreshToken: tokens.refreshToken, deviceId } : { refreshToken: tokens.refreshToken }
    const response = await send('POST', '/v1/auth/refresh', body, { accept: 'application/json' }, AbortSignal.timeout(timeoutMs))
    if (response.status === 401 || response.status === 403) {
      // Expired, revoked or reused: the session is over. Only the tokens go; the replica and outbox stay.
      const error = await failure(response)
      await forget()
      throw new SyncError('auth', error.message, { status: response.status, code: error.details.code })
    }
    if (!response.ok) throw await failure(response)
    const pair = await parseBody(response, tokenPairSchema, '/v1/auth/refresh')
    const next: StoredTokens = { ...tokens, accessToken: pair.accessToken, refreshToken: pair.refreshToken }
    await save(next)
    return next
  }

  /** Single flight: every caller that saw a 401 with the same token waits for the same refresh. */
  const refreshFrom = (used: StoredTokens | null): Promise<StoredTokens> => {
    if (refreshing) return refreshing
    const flight = (async () => {
      const tokens = await currentTokens()
      if (!tokens) throw new SyncError('auth', 'Not signed in')
      // Someone else already rotated since this request started: use the newer token.
      if (used && tokens.accessToken !== used.accessToken) return tokens
      return refreshWith(tokens)
    })()
    refreshing = flight
    const clear = (): void => {
      if (refreshing === flight) refreshing = null
    }
    flight.then(clear, clear)
    return flight
  }

  /** Sends with the access token; on 401 refreshes once and retries once. */
  const sendAuthed = async (
    method: Method,
    path: string,
    body: unknown,
    extraHeaders: Record<string, string>,
    signal: () => AbortSignal,
  ): Promise<Response> => {
    let tokens = await currentTokens()
    if (!tokens) throw new SyncError('auth', 'Not signed in')
    for (let attempt = 0; ; attempt += 1) {
      const response = await send(method, path, body, { ...extraHeaders, authorization: `Bearer ${tokens.accessToken}` }, signal())
      if (response.status !== 401) return response
      await response.body?.cancel()
      if (attempt > 0) {
        await forget()
        throw new SyncError('auth', 'The server no longer accepts this session; sign in again', { status: 401, code: 'unauthenticated' })
      }
      tokens = await refreshFrom(tokens)
    }
  }

  const request = async <T>({ method, path, body, auth, schema }: RequestSpec<T>): Promise<T> => {
    const headers = { accept: 'application/json' }
    const response = auth
      ? await sendAuthed(method, path, body, headers, () => AbortSignal.timeout(timeoutMs))
      : await send(method, path, body, headers, AbortSignal.timeout(timeoutMs))
    if (!response.ok) throw await failure(response)
    if (schema === null) {
      await response.body?.cancel()
      return undefined as T
    }
    return parseBody(response, schema, path)
  }

  const events = (handlers: EventHandlers, streamOptions: EventStreamOptions = {}): EventSubscription => {
    const backoff = streamOptions.backoff ?? DEFAULT_SSE_BACKOFF
    const idleTimeoutMs = streamOptions.idleTimeoutMs ?? DEFAULT_SSE_IDLE_MS
    let closed = false
    let attempt = 0
    let controller: AbortController | null = null
    let retryTimer: TimerHandle | null = null
    let idleTimer: TimerHandle | null = null

    const stopIdle = (): void => {
      if (idleTimer !== null) timers.clearTimeout(idleTimer)
      idleTimer = null
    }
    const armIdle = (): void => {
      stopIdle()
      idleTimer = timers.setTimeout(() => controller?.abort(), idleTimeoutMs)
    }

    const connect = async (): Promise<void> => {
      retryTimer = null
      if (closed) return
      const abort = new AbortController()
      controller = abort
      try {
        const response = await sendAuthed('GET', '/v1/sync/events', undefined, { accept: 'text/event-stream' }, () => abort.signal)
        if (!response.ok) throw await failure(response)
        if (!response.body) throw new SyncError('protocol', 'The event stream has no body')
        attempt = 0
        armIdle()
        handlers.onOpen?.()
        const parser = createSseParser((event) => handlers.onEvent(event), armIdle)
        const decoder = new TextDecoder()
        const reader = response.body.getReader()
        for (;;) {
          const { done, value } = await reader.read()
          if (done || closed) break
          parser.push(decoder.decode(value, { stream: true }))
        }
        stopIdle()
        if (closed) return
        handlers.onError?.(new SyncError('offline', 'The event stream ended'), true)
      } catch (cause) {
        stopIdle()
        if (closed) return
        const error = cause instanceof SyncError ? cause : new SyncError('offline', 'The event stream dropped', { cause })
        if (!error.retryable) {
          handlers.onError?.(error, false)
          return
        }
        handlers.onError?.(error, true)
      }
      if (closed) return
      const delay = Math.max(250, fullJitterDelay(attempt, backoff, random))
      attempt += 1
      retryTimer = timers.setTimeout(() => void connect(), delay)
    }

    void connect()
    return {
      close() {
        closed = true
        stopIdle()
        if (retryTimer !== null) timers.clearTimeout(retryTimer)
        controller?.abort()
      },
    }
  }

  return {
    baseUrl,

    async login(input) {
      const result = await request({ method: 'POST', path: '/v1/auth/login', body: input, auth: false, schema: loginResponseSchema })
      await save({ accessToken: result.accessToken, refreshToken: result.refreshToken, userId: result.user.id, serverUrl: baseUrl })
      return result
    },

    async refresh() {
      return refreshFrom(null)
    },

    async logout() {
      const tokens = await currentTokens()
      try {
        if (tokens) {
          // With the refresh token in the body: it works even when the access token has expired, and never refreshes.
          const response = await send(
            'POST',
            '/v1/auth/logout',
            { refreshToken: tokens.refreshToken },
            { accept: 'application/json' },
            AbortSignal.timeout(timeoutMs),
          )
          await response.body?.cancel()
        }
      } catch {
        // Offline: the server session expires on its own; signing out on this device must not need a network.
      } finally {
        await forget()
      }
    },

    push: (body) => request({ method: 'POST', path: '/v1/sync/push', body, auth: true, schema: pushResponseSchema }),
    pull: (body) => request({ method: 'POST', path: '/v1/sync/pull', body, auth: true, schema: pullResponseCheck }),
    conflicts: () => request({ method: 'GET', path: '/v1/conflicts', auth: true, schema: conflictsResponseSchema }),

    async health() {
      try {
        const response = await send('GET', '/health', undefined, { accept: 'application/json' }, AbortSignal.timeout(timeoutMs))
        await response.body?.cancel()
        return response.ok
      } catch {
        return false
      }
    },

    events,
  }
}

async function parseBody<T>(response: Response, schema: BodyCheck<T>, path: string): Promise<T> {
  let json: unknown
  try {
    json = await response.json()
  } catch (cause) {
    throw new SyncError('protocol', `The server sent a body that is not JSON (${path})`, { status: response.status, cause })
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    throw new SyncError('protocol', `The server's answer does not match the protocol (${path}): ${parsed.error.message}`, {
      status: response.status,
    })
  }
  return parsed.data
}

const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) })

/** Maps a non-2xx response to a SyncError by what the app should do about it. */
async function errorFrom(response: Response): Promise<SyncError> {
  let code: string | undefined
  let message = `HTTP ${response.status}`
  try {
    const parsed = errorBodySchema.safeParse(await response.json())
    if (parsed.success) {
      code = parsed.data.error.code
      message = parsed.data.error.message
    }
  } catch {
    // Not our error format (a proxy's HTML page): the status says enough.
  }
  const status = response.status
  const details = { status, code }
  if (status === 409 && (code === 'schema_version' || code === undefined)) {
    // The server's message says which side is too old ("update the app" or "server older than the app").
    const text = code === undefined ? 'This app version is not supported by the server — update the app' : message
    return new SyncError('schema_version', text, details)
  }
  if (status === 410 && code === 'device_wiped') return new SyncError('wiped', message, details)
  if (status === 401) return new SyncError('auth', message, details)
  if (status === 403) return new SyncError('forbidden', message, details)
  const seconds = Number(response.headers.get('retry-after'))
  const retryAfterMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined
  if (status === 429) return new SyncError('rate_limited', message, { ...details, retryAfterMs })
  // A saturated or restarting server answers 503 with Retry-After: the sync loop waits at least that long before
  // retrying (loop.ts), instead of a jittered backoff that can come back within a second (issue 20).
  if (status === 503) return new SyncError('server', message, { ...details, retryAfterMs })
  if (status >= 500) return new SyncError('server', message, details)
  return new SyncError('client', message, details)
}

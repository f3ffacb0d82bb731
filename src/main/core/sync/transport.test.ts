/**
 * Transport against a small in-process HTTP server that speaks the contract (auth with rotating refresh tokens,
 * push/pull, SSE). Only transport behaviour is tested here; device ↔ real server is test/integration.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { statSync } from 'node:fs'
import { type AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTempDir, type TempDir } from '../../../../test/support/device/fixtures'
import { SyncError } from './errors'
import { type SseEvent } from './sse-parser'
import { FileTokenStore, MemoryTokenStore, type TokenStore } from './tokens'
import { createTransport, type Transport } from './transport'

const DEVICE = '0190a000-0000-7000-8000-00000000d001'
const USER = { id: '0190a000-0000-7000-8000-0000000000a1', email: 'kim@augu.kr', tier: 'OPERATOR' }

type Handler = (req: IncomingMessage, res: ServerResponse, body: unknown) => void

interface FakeServer {
  url: string
  calls: string[]
  /** Valid access tokens. */
  access: Set<string>
  /** Current (unrotated) refresh token. */
  refresh: { current: string }
  routes: Map<string, Handler>
  sseResponses: ServerResponse[]
  close(): Promise<void>
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

const error = (res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  json(res, status, { error: { code, message } }, headers)

async function startFakeServer(): Promise<FakeServer> {
  let generation = 0
  const access = new Set<string>()
  const refresh = { current: '' }
  const calls: string[] = []
  const routes = new Map<string, Handler>()
  const sseResponses: ServerResponse[] = []
  const issue = () => {
    generation += 1
    const pair = { accessToken: `access-${generation}`, refreshToken: `refresh-token-${generation}-xxxxxxxx`, expiresIn: 900 }
    access.add(pair.accessToken)
    refresh.current = pair.refreshToken
    return pair
  }
  const authed = (req: IncomingMessage): boolean => {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')
    return match !== null && access.has(match[1]!)
  }

  routes.set('POST /v1/auth/login', (_req, res, body) => {
    const input = body as { email: string; password: string; deviceId: string }
    if (input.password !== 'pw') return error(res, 401, 'unauthenticated', 'Wrong email or password')
    json(res, 200, { ...issue(), user: USER, schemaVersions: { min: 1, max: 1 } })
  })
  routes.set('POST /v1/auth/refresh', (_req, res, body) => {
    const { refreshToken } = body as { refreshToken: string }
    if (refreshToken !== refresh.current) {
      refresh.current = '' // reuse revokes the family
      return error(res, 401, 'unauthenticated', 'Refresh token was already used')
    }
    json(res, 200, issue())
  })
  routes.set('POST /v1/auth/logout', (_req, res) => {
    refresh.current = ''
    res.writeHead(204).end()
  })
  routes.set('POST /v1/sync/push', (req, res, body) => {
    if (!authed(req)) return error(res, 401, 'unauthenticated', 'Access token is invalid or expired')
    const { mutations } = body as { mutations: { seq: number }[] }
    json(res, 200, { results: mutations.map((m) => ({ seq: m.seq, status: 'applied' })), serverTime: new Date().toISOString() })
  })
  routes.set('POST /v1/sync/pull', (req, res) => {
    if (!authed(req)) return error(res, 401, 'unauthenticated', 'Access token is invalid or expired')
    json(res, 200, { changes: [], removed: [], cursor: 'c1', hasMore: false, watermark: '10', serverTime: new Date().toISOString() })
  })
  routes.set('GET /v1/sync/events', (req, res) => {
    if (!authed(req)) return error(res, 401, 'unauthenticated', 'Access token is invalid or expired')
    res.writeHead(200, { 'content-type': 'text/event-stream' })
    res.write('retry: 5000\n\n')
    res.write(`event: ready\ndata: {"at":"2026-11-25T07:00:00.000Z"}\n\n`)
    sseResponses.push(res)
  })

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const key = `${req.method} ${req.url?.split('?')[0]}`
      calls.push(key)
      const text = Buffer.concat(chunks).toString('utf8')
      const handler = routes.get(key)
      if (!handler) return error(res, 404, 'not_found', key)
      handler(req, res, text ? JSON.parse(text) : undefined)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    access,
    refresh,
    routes,
    sseResponses,
    close: () =>
      new Promise((resolve) => {
        for (const res of sseResponses) res.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

const pushBody = {
  deviceId: DEVICE,
  schemaVersion: 1,
  mutations: [
    { seq: 1, table: 'companies', id: DEVICE, op: 'upsert' as const, fields: { name: 'A' }, hlc: '2026-11-25T07:39:39.123Z-0001-9f86d081884c7d65', base: null },
  ],
}

describe('transport', () => {
  let server: FakeServer
  let dir: TempDir
  let transport: Transport

  beforeEach(async () => {
    server = await startFakeServer()
    dir = createTempDir()
  })
  afterEach(async () => {
    await server.close()
    dir.remove()
  })

  const signedIn = async (store: TokenStore = new FileTokenStore(dir.file('tokens.json'))) => {
    transport = createTransport({ baseUrl: `${server.url}/`, tokens: store })
    await transport.login({ email: USER.email, password: 'pw', deviceId: DEVICE })
    return store
  }

  it('logs in, validates the answer and saves the tokens in a private file', async () => {
    const store = await signedIn()
    expect(await store.load()).toEqual({ accessToken: 'access-1', refreshToken: 'refresh-token-1-xxxxxxxx', userId: USER.id, serverUrl: server.url })
    expect(statSync(dir.file('tokens.json')).mode & 0o777).toBe(0o600)
  })

  it('a wrong password is an auth error', async () => {
    transport = createTransport({ baseUrl: server.url, tokens: new MemoryTokenStore() })
    await expect(transport.login({ email: USER.email, password: 'nope', deviceId: DEVICE })).rejects.toMatchObject({ kind: 'auth' })
  })

  it('on 401 refreshes once — shared by concurrent requests — and retries', async () => {
    const store = await signedIn()
    server.access.clear() // every access token expired
    const results = await Promise.all([
      transport.push(pushBody),
      transport.pull({ deviceId: DEVICE, schemaVersion: 1, cursor: null }),
      transport.push(pushBody),
    ])
    expect(results[1]).toMatchObject({ cursor: 'c1', watermark: '10' })
    expect(server.calls.filter((c) => c === 'POST /v1/auth/refresh')).toHaveLength(1)
    expect((await store.load())?.accessToken).toBe('access-2')
  })

  it('a refused refresh ends the session: auth error, tokens forgotten', async () => {
    const store = await signedIn()
    server.access.clear()
    server.refresh.current = 'someone-else-rotated-it'
    const failure = await transport.push(pushBody).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(SyncError)
    expect(failure).toMatchObject({ kind: 'auth', retryable: false })
    expect(await store.load()).toBeNull()
  })

  it('classifies failures: schema version, rate limit, server error, offline, protocol drift', async () => {
    await signedIn(new MemoryTokenStore())
    server.routes.set('POST /v1/sync/push', (_q, res) =>
      error(res, 409, 'schema_version', 'Schema version 1 is not supported (supported: 2–3); update the app'),
    )
    await expect(transport.push(pushBody)).rejects.toMatchObject({ kind: 'schema_version', message: expect.stringContaining('update the app') })
    server.routes.set('POST /v1/sync/push', (_q, res) => error(res, 429, 'too_many_requests', 'slow down', { 'retry-after': '7' }))
    await expect(transport.push(pushBody)).rejects.toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 7_000 } })
    server.routes.set('POST /v1/sync/push', (_q, res) => error(res, 503, 'unavailable', 'database down'))
    await expect(transport.push(pushBody)).rejects.toMatchObject({ kind: 'server', retryable: true })
    // A saturated server's Retry-After is kept: the sync loop waits at least that long (loop.ts).
    server.routes.set('POST /v1/sync/push', (_q, res) => error(res, 503, 'unavailable', 'busy', { 'retry-after': '5' }))
    await expect(transport.push(pushBody)).rejects.toMatchObject({ kind: 'server', retryable: true, details: { retryAfterMs: 5_000 } })
    server.routes.set('POST /v1/sync/push', (_q, res) => json(res, 200, { results: 'not a list' }))
    await expect(transport.push(pushBody)).rejects.toMatchObject({ kind: 'protocol' })
    // Pull pages go through the one-pass check (shared/sync/pull-response.ts): a malformed page or row is refused alike.
    const page = { changes: [], removed: [], cursor: 'c', hasMore: false, watermark: null, serverTime: '2026-12-07T00:00:00.000Z' }
    const malformed = [
      { ...page, changes: [{ table: 'companies', id: 'x', row: ['not', 'a', 'row'] }] },
      { ...page, changes: [{ table: 'companies', row: {} }] },
      { ...page, removed: [{ id: 'x' }] },
      { ...page, watermark: '12a' },
      { ...page, lastAppliedSeq: -1 },
      { ...page, hasMore: 'yes' },
    ]
    for (const body of malformed) {
      server.routes.set('POST /v1/sync/pull', (_q, res) => json(res, 200, body))
      await expect(transport.pull({ deviceId: DEVICE, schemaVersion: 1, cursor: null })).rejects.toMatchObject({
        kind: 'protocol',
        message: expect.stringContaining('does not match the protocol'),
      })
    }
    server.routes.set('POST /v1/sync/pull', (_q, res) => json(res, 200, page))
    await expect(transport.pull({ deviceId: DEVICE, schemaVersion: 1, cursor: null })).resolves.toEqual(page)
    const offline = createTransport({ baseUrl: 'http://127.0.0.1:9', tokens: new MemoryTokenStore() })
    await expect(offline.login({ email: USER.email, password: 'pw', deviceId: DEVICE })).rejects.toMatchObject({ kind: 'offline' })
    expect(await offline.health()).toBe(false)
  })

  it('logout revokes with the refresh token and forgets the tokens even when offline', async () => {
    const store = await signedIn()
    await transport.logout()
    expect(server.calls).toContain('POST /v1/auth/logout')
    expect(await store.load()).toBeNull()
    await signedIn(store)
    await server.close()
    await transport.logout()
    expect(await store.load()).toBeNull()
  })

  it('streams SSE events, ignores heartbeats, and reconnects (with a refresh) after the stream drops', async () => {
    await signedIn(new MemoryTokenStore())
    const events: SseEvent[] = []
    let opens = 0
    const errors: SyncError[] = []
    const subscription = transport.events(
      { onEvent: (e) => events.push(e), onOpen: () => (opens += 1), onError: (e) => errors.push(e) },
      { backoff: { baseMs: 10, capMs: 20 } },
    )
    await waitFor(() => server.sseResponses.length === 1 && events.length === 1)
    server.sseResponses[0]!.write(': heartbeat\n\n')
    server.sseResponses[0]!.write('event: poke\r\ndata: {"at":"2026-11-25T07:00:01.000Z"}\r\n\r\n')
    await waitFor(() => events.length === 2)
    expect(events).toEqual([
      { event: 'ready', data: { at: '2026-11-25T07:00:00.000Z' } },
      { event: 'poke', data: { at: '2026-11-25T07:00:01.000Z' } },
    ])
    // The server goes away mid-stream and the access token expires meanwhile.
    server.access.clear()
    server.sseResponses[0]!.end()
    await waitFor(() => opens === 2)
    expect(errors[0]?.kind).toBe('offline')
    expect(server.calls.filter((c) => c === 'POST /v1/auth/refresh')).toHaveLength(1)
    subscription.close()
  })
})

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTestDatabase,
  createTestRedisPrefix,
  createUser,
  login,
  startTestServer,
  TEST_AUTH_SECRET,
  type TestDatabase,
  type TestRedisPrefix,
  type TestServer,
} from '../../test/support'
import { signAccessToken } from './access-token'
import { requireAuth } from './request-auth'

/** A protected route that echoes request.auth: what every sync route sees after app.authenticate. */
const whoami: FastifyPluginAsync = async (app) => {
  app.get('/test/whoami', { preHandler: app.authenticate }, async (request) => requireAuth(request))
}

let db: TestDatabase
let redis: TestRedisPrefix
let server: TestServer

beforeAll(async () => {
  db = await createTestDatabase()
  redis = createTestRedisPrefix()
  server = await startTestServer({ databaseUrl: db.url, redisPrefix: redis.prefix, routes: [whoami], config: { loginMaxFailures: 3 } })
})

afterAll(async () => {
  await server?.close()
  await redis?.cleanup()
  await db?.drop()
})

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

const whoamiWith = (token: string) => fetch(`${server.url}/test/whoami`, { headers: { authorization: `Bearer ${token}` } })

describe('login', () => {
  it('returns a token pair, the user (without secrets) and the supported schema versions', async () => {
    const user = await createUser(db.url, { name: '김민준', tier: 'MANAGER' })
    const deviceId = randomUUID()
    const response = await post('/v1/auth/login', { email: user.email.toUpperCase(), password: user.password, deviceId })
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      user: { id: user.id, email: user.email, tier: 'MANAGER', lastName: '김', firstName: '민준' },
      schemaVersions: server.config.schemaVersions,
    })
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|password_hash|scrypt|argon2/i)
    expect(body.passwordChangeRequired).toBe(false)

    const me = await whoamiWith(body.accessToken as string)
    expect(await me.json()).toMatchObject({ userId: user.id, tier: 'MANAGER', deviceId })

    // The device is now bound to this user, and the stored refresh token is a SHA-256 hash, never the token.
    const rows = await server.services.pool.query(
      `SELECT d.user_id, s.refresh_token_hash FROM sync_devices d JOIN user_sessions s ON s.device_id = d.device_id WHERE d.device_id = $1`,
      [deviceId],
    )
    expect(rows.rows[0]).toMatchObject({ user_id: user.id })
    expect(rows.rows[0].refresh_token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(rows.rows[0].refresh_token_hash).not.toBe(body.refreshToken)
  })

  it('answers 401 for a wrong password and an unknown email, in the error shape', async () => {
    const user = await createUser(db.url)
    const wrong = await post('/v1/auth/login', { email: user.email, password: 'wrong-password', deviceId: randomUUID() })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toEqual({ error: { code: 'unauthenticated', message: 'Email or password is incorrect' } })
    const unknown = await post('/v1/auth/login', { email: 'nobody@example.test', password: 'x', deviceId: randomUUID() })
    expect(unknown.status).toBe(401)
  })

  it('throttles repeated failures per email and ip with 429 and Retry-After; the right password waits too', async () => {
    const user = await createUser(db.url)
    const attempt = (password: string) => post('/v1/auth/login', { email: user.email, password, deviceId: randomUUID() })
    expect((await attempt('wrong-1')).status).toBe(401)
    expect((await attempt('wrong-2')).status).toBe(401)
    const third = await attempt('wrong-3')
    expect(third.status).toBe(429)
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe('too_many_requests')
    expect((await attempt(user.password)).status).toBe(429)
    // Another account from the same ip is unaffected.
    const other = await createUser(db.url)
    await expect(login(server.url, other)).resolves.toMatchObject({ user: { id: other.id } })
  })

  it('refuses a deactivated user (403) and a device bound to another user (403)', async () => {
    const inactive = await createUser(db.url)
    await server.services.pool.query(`UPDATE users SET is_active = false WHERE id = $1`, [inactive.id])
    const response = await post('/v1/auth/login', { email: inactive.email, password: inactive.password, deviceId: randomUUID() })
    expect(response.status).toBe(403)

    const first = await createUser(db.url)
    const second = await createUser(db.url)
    const shared = await login(server.url, first)
    const taken = await post('/v1/auth/login', { email: second.email, password: second.password, deviceId: shared.deviceId })
    expect(taken.status).toBe(403)
    expect(((await taken.json()) as { error: { code: string } }).error.code).toBe('forbidden')
    // The rightful user may sign in on it again.
    await expect(login(server.url, { ...first, deviceId: shared.deviceId })).resolves.toBeTruthy()
  })

  it('answers 409 when the app says its schema version is outside the supported range', async () => {
    const user = await createUser(db.url)
    const response = await post('/v1/auth/login', { email: user.email, password: user.password, deviceId: randomUUID(), schemaVersion: 99 })
    expect(response.status).toBe(409)
    const body = (await response.json()) as { error: { code: string; details: unknown } }
    expect(body.error.code).toBe('schema_version')
    expect(body.error.details).toEqual({ supported: server.config.schemaVersions, received: 99 })
  })

  it('answers 400 for a malformed login body', async () => {
    const response = await post('/v1/auth/login', { email: 'a@b.c', password: 'x', deviceId: 'not-a-uuid' })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request')
  })
})

describe('refresh', () => {
  it('rotates: the new pair works, the old refresh token is spent', async () => {
    const user = await createUser(db.url)
    const session = await login(server.url, user)
    const response = await post('/v1/auth/refresh', { refreshToken: session.refreshToken })
    expect(response.status).toBe(200)
    const pair = (await response.json()) as { accessToken: string; refreshToken: string }
    expect(pair.refreshToken).not.toBe(session.refreshToken)
    expect((await whoamiWith(pair.accessToken)).status).toBe(200)
    const again = await post('/v1/auth/refresh', { refreshToken: pair.refreshToken })
    expect(again.status).toBe(200)
  })

  it('revokes the whole family when a rotated token is presented again', async () => {
    const user = await createUser(db.url)
    const session = await login(server.url, user)
    const rotated = (await (await post('/v1/auth/refresh', { refreshToken: session.refreshToken })).json()) as { accessToken: string; refreshToken: string }

    // Someone replays the first (already rotated) token: refused, and the family is revoked …
    const replay = await post('/v1/auth/refresh', { refreshToken: session.refreshToken })
    expect(replay.status).toBe(401)
    // … so the newest refresh token and the access tokens of the family stop working too.
    expect((await post('/v1/auth/refresh', { refreshToken: rotated.refreshToken })).status).toBe(401)
    expect((await whoamiWith(rotated.accessToken)).status).toBe(401)
    expect((await whoamiWith(session.accessToken)).status).toBe(401)
    // A fresh login still works.
    await expect(login(server.url, user)).resolves.toBeTruthy()
  })

  it('refuses unknown tokens and deactivated users (deactivating ended their sessions)', async () => {
    expect((await post('/v1/auth/refresh', { refreshToken: 'x'.repeat(43) })).status).toBe(401)
    const user = await createUser(db.url)
    const session = await login(server.url, user)
    await server.services.pool.query(`UPDATE users SET is_active = false WHERE id = $1`, [user.id])
    expect((await post('/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401)
    expect((await whoamiWith(session.accessToken)).status).toBe(401)
  })
})

describe('logout', () => {
  it('revokes the session: 204, then the access and refresh tokens are refused', async () => {
    const user = await createUser(db.url)
    const session = await login(server.url, user)
    const response = await fetch(`${server.url}/v1/auth/logout`, { method: 'POST', headers: session.headers })
    expect(response.status).toBe(204)
    expect((await whoamiWith(session.accessToken)).status).toBe(401)
    expect((await post('/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401)
  })

  it('also works with only the refresh token (access token already expired)', async () => {
    const user = await createUser(db.url)
    const session = await login(server.url, user)
    expect((await post('/v1/auth/logout', { refreshToken: session.refreshToken })).status).toBe(204)
    expect((await post('/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401)
  })

  it('needs authentication', async () => {
    expect((await fetch(`${server.url}/v1/auth/logout`, { method: 'POST' })).status).toBe(401)
  })
})

describe('access tokens on protected routes', () => {
  it('401 without a token, with a forged one and with an expired one', async () => {
    const user = await createUser(db.url)
    const session = await login(server.url, user)
    const missing = await fetch(`${server.url}/test/whoami`)
    expect(missing.status).toBe(401)
    expect(await missing.json()).toEqual({ error: { code: 'unauthenticated', message: 'Missing Bearer access token' } })

    const claims = { userId: user.id, tier: 'EXECUTIVE', deviceId: session.deviceId, sessionId: randomUUID() } as const
    const forged = await signAccessToken(claims, 'an-attacker-guessed-secret-0123456789', 60_000)
    expect((await whoamiWith(forged)).status).toBe(401)

    const me = (await (await whoamiWith(session.accessToken)).json()) as { sessionId: string }
    const expired = await signAccessToken({ ...claims, tier: 'OPERATOR', sessionId: me.sessionId }, TEST_AUTH_SECRET, 60_000, Date.now() - 120_000)
    expect((await whoamiWith(expired)).status).toBe(401)
    const valid = await signAccessToken({ ...claims, tier: 'OPERATOR', sessionId: me.sessionId }, TEST_AUTH_SECRET, 60_000)
    expect((await whoamiWith(valid)).status).toBe(200)
  })
})

/**
 * Wipe on revoke, server side (CONTRACTS.md §1): once `sync_devices.wipe_requested_at` is set, every request naming
 * the device answers 410 device_wiped — sign-in with its id (whatever the password), refresh, push, pull, events —
 * before the revoked session would answer 401. Other devices of the same user are untouched.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../../src/shared/sync/protocol'
import {
  createTestDatabase,
  createTestRedisPrefix,
  createUser,
  login,
  startTestServer,
  type TestDatabase,
  type TestRedisPrefix,
  type TestServer,
} from '../../test/support'
import { revokeDevice } from '../ops/revoke-device'

let db: TestDatabase
let redis: TestRedisPrefix
let server: TestServer
let pool: pg.Pool

beforeAll(async () => {
  db = await createTestDatabase()
  redis = createTestRedisPrefix()
  server = await startTestServer({ databaseUrl: db.url, redisPrefix: redis.prefix })
  pool = new pg.Pool({ connectionString: db.url, max: 1 })
})

afterAll(async () => {
  await pool?.end()
  await server?.close()
  await redis?.cleanup()
  await db?.drop()
})

const post = (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

async function expectWiped(response: Response): Promise<void> {
  expect(response.status).toBe(410)
  expect(await response.json()).toMatchObject({ error: { code: 'device_wiped' } })
}

describe('a device revoked with wipe', () => {
  it("hears 410 device_wiped on sign-in, refresh, push, pull and events; the user's other device does not", async () => {
    const user = await createUser(db.url)
    const lost = await login(server.url, user)
    const other = await login(server.url, user)
    const pullBody = (deviceId: string) => ({ deviceId, schemaVersion: SCHEMA_VERSION, cursor: null })
    expect((await post('/v1/sync/pull', pullBody(lost.deviceId), lost.headers)).status).toBe(200)

    // What `revoke-device --wipe` does: revoke the device and its sessions, request the wipe.
    await revokeDevice(pool, lost.deviceId, true)

    await expectWiped(await post('/v1/sync/pull', pullBody(lost.deviceId), lost.headers))
    await expectWiped(await post('/v1/sync/push', { deviceId: lost.deviceId, schemaVersion: SCHEMA_VERSION, mutations: [] }, lost.headers))
    await expectWiped(await fetch(`${server.url}/v1/sync/events`, { headers: lost.headers }))
    await expectWiped(await post('/v1/auth/refresh', { refreshToken: lost.refreshToken }))
    await expectWiped(await post('/v1/auth/login', { email: user.email, password: 'wrong-password', deviceId: lost.deviceId }))
    await expectWiped(await post('/v1/auth/login', { email: user.email, password: user.password, deviceId: lost.deviceId }))

    expect((await post('/v1/sync/pull', pullBody(other.deviceId), other.headers)).status).toBe(200)
    expect((await post('/v1/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(200)
  })

  it('a plain revoke (no wipe) keeps answering 401 and 403 as before', async () => {
    const user = await createUser(db.url)
    const lost = await login(server.url, user)
    await revokeDevice(pool, lost.deviceId)
    expect((await post('/v1/sync/pull', { deviceId: lost.deviceId, schemaVersion: SCHEMA_VERSION, cursor: null }, lost.headers)).status).toBe(401)
    expect((await post('/v1/auth/refresh', { refreshToken: lost.refreshToken })).status).toBe(401)
    expect((await post('/v1/auth/login', { email: user.email, password: user.password, deviceId: lost.deviceId })).status).toBe(403)
  })
})

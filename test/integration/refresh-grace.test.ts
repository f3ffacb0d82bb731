/**
 * Issue 13 "A crash during token rotation does not sign the user out", device and server together: the real device
 * transport against a real sync server. The device is killed after the server rotated its refresh token but before it
 * kept the answer; restarted with the previous pair it refreshes once more and stays signed in (the server's grace
 * window), getting the very token the server issued before the crash. Reuse detection itself is proved in
 * sync-server/src/auth/sessions.test.ts › refresh grace window.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemoryTokenStore } from '../../src/main/core/sync/tokens'
import { createTransport } from '../../src/main/core/sync/transport'
import { SCHEMA_VERSION } from '../../src/shared/sync/protocol'
import {
  createTestDatabase,
  createTestRedisPrefix,
  createUser,
  startTestServer,
  type TestDatabase,
  type TestRedisPrefix,
  type TestServer,
} from '../../sync-server/test/support'

let db: TestDatabase
let redis: TestRedisPrefix
let server: TestServer

beforeAll(async () => {
  db = await createTestDatabase()
  redis = createTestRedisPrefix()
  server = await startTestServer({ databaseUrl: db.url, redisPrefix: redis.prefix })
})
afterAll(async () => {
  await server?.close()
  await redis?.cleanup()
  await db?.drop()
})

describe('kill after rotation', () => {
  it('the device transport, restarted with the pre-rotation tokens, stays signed in', async () => {
    const account = await createUser(db.url)
    const deviceId = randomUUID()
    const store = new MemoryTokenStore()
    const transport = () => createTransport({ baseUrl: server.url, tokens: store, deviceId: () => deviceId })
    await transport().login({ email: account.email, password: account.password, deviceId })
    const before = (await store.load())!
    const rotated = await transport().refresh()
    // Killed after the server rotated but before the device kept the answer: on restart the store holds the old pair.
    await store.save(before)
    const restarted = transport()
    const again = await restarted.refresh()
    expect(again.refreshToken).toBe(rotated.refreshToken)
    await expect(restarted.pull({ deviceId, schemaVersion: SCHEMA_VERSION, cursor: null, limit: 1 })).resolves.toBeTruthy()
    // Without the device id (an older app) the same replay is reuse: the session ends.
    const oldApp = new MemoryTokenStore()
    const legacy = () => createTransport({ baseUrl: server.url, tokens: oldApp })
    const other = randomUUID()
    await legacy().login({ email: account.email, password: account.password, deviceId: other })
    const kept = (await oldApp.load())!
    await legacy().refresh()
    await oldApp.save(kept)
    await expect(legacy().refresh()).rejects.toThrow()
  })
})

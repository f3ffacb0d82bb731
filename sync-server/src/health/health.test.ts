import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, createTestRedisPrefix, createUser, freePort, startTestServer, type TestDatabase, type TestRedisPrefix } from '../../test/support'

let db: TestDatabase
let redis: TestRedisPrefix

beforeAll(async () => {
  db = await createTestDatabase()
  redis = createTestRedisPrefix()
})

afterAll(async () => {
  await redis?.cleanup()
  await db?.drop()
})

describe('GET /health', () => {
  it('is 200 {"status":"ok"} when PostgreSQL and Redis answer', async () => {
    const server = await startTestServer({ databaseUrl: db.url, redisPrefix: redis.prefix })
    try {
      const response = await fetch(`${server.url}/health`)
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ status: 'ok' })
    } finally {
      await server.close()
    }
  })

  it('is 503 naming Redis when Redis is unreachable (and the server still starts)', async () => {
    const closedPort = await freePort()
    const server = await startTestServer({ databaseUrl: db.url, redisUrl: `redis://127.0.0.1:${closedPort}`, redisPrefix: redis.prefix })
    try {
      const response = await fetch(`${server.url}/health`)
      expect(response.status).toBe(503)
      const body = (await response.json()) as { error: { code: string; message: string; details: { failed: string[] } } }
      expect(body.error.code).toBe('unavailable')
      expect(body.error.message).toMatch(/Redis/)
      expect(body.error.details.failed).toEqual(['redis'])

      // Without Redis the login throttle cannot count: login fails closed (503) instead of allowing guessing.
      const user = await createUser(db.url)
      const login = await fetch(`${server.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: user.email, password: user.password, deviceId: randomUUID() }),
      })
      expect(login.status).toBe(503)
    } finally {
      await server.close()
    }
  })

  it('is 503 naming PostgreSQL when the database is unreachable', async () => {
    const closedPort = await freePort()
    const server = await startTestServer({ databaseUrl: `postgres://postgres@127.0.0.1:${closedPort}/none`, redisPrefix: redis.prefix })
    try {
      const response = await fetch(`${server.url}/health`)
      expect(response.status).toBe(503)
      const body = (await response.json()) as { error: { message: string; details: { failed: string[] } } }
      expect(body.error.details.failed).toEqual(['postgres'])
      expect(body.error.message).toMatch(/PostgreSQL/)
    } finally {
      await server.close()
    }
  })
})

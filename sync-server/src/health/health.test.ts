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

  it('is 200 "degraded" naming Redis when Redis is unreachable; sign-in still works, throttled in memory', async () => {
    const closedPort = await freePort()
    const server = await startTestServer({
      databaseUrl: db.url,
      redisUrl: `redis://127.0.0.1:${closedPort}`,
      redisPrefix: redis.prefix,
      config: { loginMaxFailures: 2 },
    })
    try {
      const response = await fetch(`${server.url}/health`)
      expect(response.status).toBe(200)
      const body = (await response.json()) as { status: string; degraded: string[]; message: string }
      expect(body.status).toBe('degraded')
      expect(body.degraded).toEqual(['redis'])
      expect(body.message).toMatch(/Redis/)

      // Fail-open: without Redis the throttle counts in this instance's memory, so sign-in keeps working …
      const user = await createUser(db.url)
      const attempt = (password: string) =>
        fetch(`${server.url}/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: user.email, password, deviceId: randomUUID() }),
        })
      expect((await attempt(user.password)).status).toBe(200)
      // … and guessing is still refused after LOGIN_MAX_FAILURES.
      expect((await attempt('wrong-password-1')).status).toBe(401)
      expect((await attempt('wrong-password-2')).status).toBe(429)
      const blocked = await attempt(user.password)
      expect(blocked.status).toBe(429)
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, createTestRedisPrefix, startTestServer, type TestDatabase, type TestRedisPrefix, type TestServer } from '../../test/support'

let db: TestDatabase
let redis: TestRedisPrefix
let server: TestServer

beforeAll(async () => {
  db = await createTestDatabase()
  redis = createTestRedisPrefix()
  server = await startTestServer({ databaseUrl: db.url, redisPrefix: redis.prefix, config: { bodyLimitBytes: 1024 * 1024 } })
})

afterAll(async () => {
  await server?.close()
  await redis?.cleanup()
  await db?.drop()
})

const postRaw = (path: string, body: string, contentType = 'application/json') =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body })

describe('HTTP error mapping', () => {
  it('answers malformed JSON with 400 in the error shape', async () => {
    const response = await postRaw('/v1/auth/login', '{"email": "a@b.c", ')
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('bad_request')
    expect(body.error.message).toEqual(expect.any(String))
  })

  it('answers a missing body with 400', async () => {
    const response = await fetch(`${server.url}/v1/auth/login`, { method: 'POST' })
    expect(response.status).toBe(400)
  })

  it('answers schema violations with 400 and the failing fields', async () => {
    const response = await postRaw('/v1/auth/login', JSON.stringify({ email: 'a@b.c', password: 'x', deviceId: 'nope', extra: 1 }))
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { code: string; details: Array<{ path: string }> } }
    expect(body.error.code).toBe('bad_request')
    expect(body.error.details.map((d) => d.path)).toContain('deviceId')
  })

  it('answers a body over the limit with 413', async () => {
    const huge = JSON.stringify({ refreshToken: 'x'.repeat(2 * 1024 * 1024) })
    const response = await postRaw('/v1/auth/refresh', huge)
    expect(response.status).toBe(413)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload_too_large')
  })

  it('answers an unknown route with 404 in the same shape', async () => {
    const response = await fetch(`${server.url}/v1/nothing-here?x=1`)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'Route GET /v1/nothing-here not found' } })
  })

  it('answers a non-JSON content type with 415 in the error shape', async () => {
    const response = await postRaw('/v1/auth/login', 'email=a', 'application/x-www-form-urlencoded')
    expect(response.status).toBe(415)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request')
  })

  it('echoes a request id (reusing a well-formed incoming one)', async () => {
    const response = await fetch(`${server.url}/health`, { headers: { 'x-request-id': 'trace-abc.123' } })
    expect(response.headers.get('x-request-id')).toBe('trace-abc.123')
    const generated = await fetch(`${server.url}/health`, { headers: { 'x-request-id': 'bad id with spaces' } })
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})

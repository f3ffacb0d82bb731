/**
 * Robustness against the real services: graceful shutdown under a push, Redis going away (a throwaway redis-server of
 * this test's own), PostgreSQL connections dying (pg_terminate_backend on this test's database only — the cluster is
 * shared, never stopped), two instances behind one database + Redis, and /metrics.
 */
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHlcClock, nodeIdForDevice } from '../../../src/shared/sync/hlc'
import { SCHEMA_VERSION } from '../../../src/shared/sync/protocol'
import { uuidv7 } from '../../../src/shared/ids/uuidv7'
import {
  createSignedInUser,
  createTestDatabase,
  createTestRedisPrefix,
  freePort,
  readSse,
  spawnServerProcess,
  startTestServer,
  type TestDatabase,
  type TestRedisPrefix,
} from '../../test/support'

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

const json = (headers: Record<string, string>) => ({ 'content-type': 'application/json', ...headers })

function companyMutations(session: { deviceId: string; user: { id: string } }, count: number, firstSeq = 1): Record<string, unknown>[] {
  const clock = createHlcClock({ node: nodeIdForDevice(session.deviceId) })
  const userId = session.user.id
  return Array.from({ length: count }, (_, i) => ({
    seq: firstSeq + i,
    table: 'companies',
    id: uuidv7(),
    op: 'upsert',
    fields: { code: `R-${randomUUID().slice(0, 12)}`, name: `회사 ${i}`, account_manager_id: userId },
    hlc: clock.tick(),
    base: null,
  }))
}

async function push(url: string, session: { deviceId: string; headers: Record<string, string> }, mutations: Record<string, unknown>[]) {
  const response = await fetch(`${url}/v1/sync/push`, {
    method: 'POST',
    headers: json(session.headers),
    body: JSON.stringify({ deviceId: session.deviceId, schemaVersion: SCHEMA_VERSION, mutations }),
  })
  return { status: response.status, body: (await response.json()) as { results?: { status: string }[] } }
}

async function pull(url: string, session: { deviceId: string; headers: Record<string, string> }, cursor: string | null = null) {
  const response = await fetch(`${url}/v1/sync/pull`, {
    method: 'POST',
    headers: json(session.headers),
    body: JSON.stringify({ deviceId: session.deviceId, schemaVersion: SCHEMA_VERSION, cursor }),
  })
  return { status: response.status, body: (await response.json()) as { changes?: { table: string; id: string }[]; hasMore?: boolean; cursor?: string } }
}

describe('graceful shutdown', () => {
  it('SIGTERM during a large push: the push completes and is acknowledged, then the process exits 0', async () => {
    const server = await spawnServerProcess({ DATABASE_URL: db.url, REDIS_PREFIX: redis.prefix, LOG_LEVEL: 'warn' })
    try {
      const session = await createSignedInUser(server.url, db.url, { tier: 'EXECUTIVE' })
      const mutations = companyMutations(session, 5_000)
      const pending = push(server.url, session, mutations)
      // Wait until the push is being processed (its transaction is open), then ask the server to stop.
      const probe = new pg.Client({ connectionString: db.url })
      await probe.connect()
      try {
        const deadline = Date.now() + 10_000
        for (;;) {
          const { rows } = await probe.query(
            `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`,
          )
          if (rows.length > 0 || Date.now() > deadline) break
          await new Promise((resolve) => setTimeout(resolve, 10))
        }
        const stopped = server.stop('SIGTERM')
        const answer = await pending
        expect(answer.status).toBe(200)
        expect(answer.body.results).toHaveLength(5_000)
        expect(answer.body.results!.every((r) => r.status === 'applied')).toBe(true)
        const code = await stopped
        if (code !== 0) console.log(server.output().slice(-3000))
        expect(code).toBe(0)
        expect(server.output()).toMatch(/Sync server stopped/)
        const { rows } = await probe.query<{ n: number }>(`SELECT count(*)::int AS n FROM companies WHERE id = ANY($1::uuid[])`, [mutations.map((m) => m.id)])
        expect(rows[0]!.n).toBe(5_000)
      } finally {
        await probe.end()
      }
    } finally {
      await server.stop('SIGKILL')
    }
  })
})

describe('Redis goes away', () => {
  it('push, pull and sign-in keep working, /health says degraded, and pokes come back with Redis', async () => {
    const port = await freePort()
    const start = () => execFileSync('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'yes'])
    const shutdown = () => {
      try {
        execFileSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave'])
      } catch {
        // already gone
      }
    }
    start()
    const redisUrl = `redis://127.0.0.1:${port}`
    await new Promise((resolve) => setTimeout(resolve, 200))
    const prefix = `${redis.prefix}own:`
    const one = await startTestServer({ databaseUrl: db.url, redisUrl, redisPrefix: prefix })
    const two = await startTestServer({ databaseUrl: db.url, redisUrl, redisPrefix: prefix })
    try {
      await Promise.all([one.services.pokes.ready(), two.services.pokes.ready()])
      const writer = await createSignedInUser(two.url, db.url, { tier: 'EXECUTIVE' })
      const reader = await createSignedInUser(one.url, db.url, { tier: 'EXECUTIVE' })
      const events = await readSse(`${one.url}/v1/sync/events`, reader.headers)
      await events.next('ready')

      shutdown()
      const deadline = Date.now() + 5_000
      while (one.services.redis.status === 'ready' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))

      const health = await fetch(`${one.url}/health`)
      expect(health.status).toBe(200)
      expect(await health.json()).toMatchObject({ status: 'degraded', degraded: ['redis'] })

      expect((await push(two.url, writer, companyMutations(writer, 3))).status).toBe(200)
      const page = await pull(one.url, reader)
      expect(page.status).toBe(200)
      expect(page.body.changes!.filter((c) => c.table === 'companies').length).toBeGreaterThanOrEqual(3)
      const late = await createSignedInUser(one.url, db.url)
      expect(late.accessToken).toBeTruthy()

      // Redis is back: both instances reconnect by themselves and pokes flow across instances again.
      start()
      const back = Date.now() + 10_000
      while ((one.services.redis.status !== 'ready' || two.services.redis.status !== 'ready') && Date.now() < back) {
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      await new Promise((resolve) => setTimeout(resolve, 300)) // the subscriber re-subscribes after its reconnect
      expect(await (await fetch(`${one.url}/health`)).json()).toEqual({ status: 'ok' })
      expect((await push(two.url, writer, companyMutations(writer, 1, 4))).status).toBe(200)
      await events.next('poke', 5_000)
      events.close()
    } finally {
      await one.close()
      await two.close()
      shutdown()
    }
  })
})

describe('PostgreSQL connections die', () => {
  it('requests answer 503 (never 500) while PostgreSQL is unreachable', async () => {
    const closedPort = await freePort()
    const server = await startTestServer({ databaseUrl: `postgres://postgres@127.0.0.1:${closedPort}/none`, redisPrefix: redis.prefix })
    try {
      const response = await fetch(`${server.url}/v1/auth/login`, {
        method: 'POST',
        headers: json({}),
        body: JSON.stringify({ email: 'x@example.test', password: 'whatever-123', deviceId: randomUUID() }),
      })
      expect(response.status).toBe(503)
      expect(response.headers.get('retry-after')).toBe('5')
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unavailable')
    } finally {
      await server.close()
    }
  })

  it('PG_STATEMENT_TIMEOUT_MS cancels a runaway statement: 503, and the connection is usable afterwards', async () => {
    const server = await startTestServer({
      databaseUrl: db.url,
      redisPrefix: redis.prefix,
      config: { pgStatementTimeoutMs: 100, pgPoolMax: 1 },
      routes: [
        async (app) => {
          app.get('/test/sleep', async () => {
            await server.services.pool.query('SELECT pg_sleep(2)')
            return { slept: true }
          })
        },
      ],
    })
    try {
      const started = Date.now()
      const response = await fetch(`${server.url}/test/sleep`)
      expect(response.status).toBe(503)
      expect(Date.now() - started).toBeLessThan(1_500)
      const { rows } = await server.services.pool.query<{ statement_timeout: string }>('SHOW statement_timeout')
      expect(rows[0]!.statement_timeout).toBe('100ms')
    } finally {
      await server.close()
    }
  })

  it('after pg_terminate_backend of every connection, the server recovers without a restart', async () => {
    const server = await startTestServer({ databaseUrl: db.url, redisPrefix: redis.prefix })
    const admin = new pg.Client({ connectionString: db.url })
    await admin.connect()
    try {
      const session = await createSignedInUser(server.url, db.url, { tier: 'EXECUTIVE' })
      expect((await pull(server.url, session)).status).toBe(200)
      const { rows } = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      )
      expect(rows.length).toBeGreaterThan(0)
      // The next requests may find a dead pooled connection (503) but never a 500, and the pool replaces it.
      const statuses: number[] = []
      for (let i = 0; i < 5; i++) statuses.push((await pull(server.url, session)).status)
      expect(statuses.every((s) => s === 200 || s === 503)).toBe(true)
      expect(statuses.at(-1)).toBe(200)
      expect((await push(server.url, session, companyMutations(session, 2))).status).toBe(200)
    } finally {
      await admin.end()
      await server.close()
    }
  })
})

describe('two instances, one PostgreSQL and one Redis', () => {
  it('a device on one instance is poked live and pulls what a device pushed through the other', async () => {
    const one = await startTestServer({ databaseUrl: db.url, redisPrefix: redis.prefix })
    const two = await startTestServer({ databaseUrl: db.url, redisPrefix: redis.prefix })
    try {
      await Promise.all([one.services.pokes.ready(), two.services.pokes.ready()])
      const reader = await createSignedInUser(one.url, db.url, { tier: 'EXECUTIVE' })
      const writer = await createSignedInUser(two.url, db.url, { tier: 'EXECUTIVE' })
      let cursor: string | null = null
      for (;;) {
        const page = await pull(one.url, reader, cursor)
        cursor = page.body.cursor!
        if (!page.body.hasMore) break
      }
      const events = await readSse(`${one.url}/v1/sync/events`, reader.headers)
      await events.next('ready')

      const mutations = companyMutations(writer, 1, 1)
      expect((await push(two.url, writer, mutations)).status).toBe(200)
      await events.next('poke', 5_000)
      events.close()

      const deadline = Date.now() + 10_000
      let seen = false
      while (!seen && Date.now() < deadline) {
        const page = await pull(one.url, reader, cursor)
        cursor = page.body.cursor!
        seen = page.body.changes!.some((c) => c.id === mutations[0]!.id)
        if (!seen) await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(seen).toBe(true)
    } finally {
      await one.close()
      await two.close()
    }
  })
})

describe('GET /metrics', () => {
  it('serves Prometheus text to loopback clients, counting requests, pushes, pulls, SSE devices, pool and Redis', async () => {
    const server = await startTestServer({ databaseUrl: db.url, redisPrefix: redis.prefix })
    try {
      // The pull-row series exist before any pull (the route adds only non-zero counts; an empty pull adds nothing).
      const fresh = await (await fetch(`${server.url}/metrics`)).text()
      expect(fresh).toMatch(/^crm_sync_pull_rows_total\{kind="change"\} 0$/m)
      expect(fresh).toMatch(/^crm_sync_pull_rows_total\{kind="removed"\} 0$/m)
      const session = await createSignedInUser(server.url, db.url, { tier: 'EXECUTIVE' })
      await push(server.url, session, companyMutations(session, 2))
      await pull(server.url, session)
      const events = await readSse(`${server.url}/v1/sync/events`, session.headers)
      await events.next('ready')
      const response = await fetch(`${server.url}/metrics`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
      const text = await response.text()
      events.close()
      expect(text).toMatch(/^crm_http_requests_total\{method="POST",route="\/v1\/sync\/push",status="200"\} 1$/m)
      expect(text).toMatch(/^crm_http_request_duration_seconds_bucket\{le="\+Inf",method="POST",route="\/v1\/auth\/login"\} 1$/m)
      expect(text).toMatch(/^crm_sync_push_mutations_total\{result="applied"\} 2$/m)
      expect(text).toMatch(/^crm_sync_pull_rows_total\{kind="change"\} [1-9]\d*$/m)
      expect(text).toMatch(/^crm_sse_connected_devices 1$/m)
      expect(text).toMatch(/^crm_pg_pool_connections\{state="total"\} [1-9]\d*$/m)
      expect(text).toMatch(/^crm_redis_up 1$/m)
      expect(text).toMatch(/^# TYPE crm_sync_conflicts gauge$/m)
    } finally {
      await server.close()
    }
  })

  it('with METRICS_TOKEN set, requires it as a Bearer token', async () => {
    const token = 'metrics-token-0123456789abcdef'
    const server = await startTestServer({ databaseUrl: db.url, redisPrefix: redis.prefix, config: { metricsToken: token } })
    try {
      expect((await fetch(`${server.url}/metrics`)).status).toBe(401)
      expect((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789abcd' } })).status).toBe(401)
      const ok = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })
      expect(ok.status).toBe(200)
      expect(await ok.text()).toMatch(/crm_process_uptime_seconds/)
    } finally {
      await server.close()
    }
  })
})

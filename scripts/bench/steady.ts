/**
 * Scenario 9: steady state — a synced device pulls and there is nothing new. What every open app does on each poke
 * and on its periodic pull, so its server cost is paid by every device all day. Timed: the server's own
 * Server-Timing of the pull (`pull`: the whole pull with, since 2026-12-08, the session check it reads in its first
 * statement; the access token's verification excluded); floor: a bare `SELECT 1` round trip through node-pg on a pool
 * to the same database. The whole request (`total`: from its arrival, token check and body parse included) is printed
 * beside it, no target.
 */
import { createPool } from '../../sync-server/db/pool'
import { seedServer } from '../../sync-server/demo/seed-server'
import { hashPassword } from '../../sync-server/src/auth/password'
import { startTestServer, type TestServer } from '../../sync-server/test/support'
import { createTestDevice, type TestDevice } from '../../test/support/device/test-device'
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from '../../src/demo'
import { figure, log, percentile, round, type Figure } from './common'
import { type BenchEnv } from './env'

export interface SteadyBenchOptions {
  /** Demo data scale on the server (the device's initial sync is not timed). */
  readonly scale: number
  readonly pulls: number
}

export async function runSteadyBench(env: BenchEnv, options: SteadyBenchOptions, out: Figure[] = []): Promise<Figure[]> {
  const db = await env.database()
  const pool = createPool(db.url, { max: 2 })
  pool.on('error', () => undefined)
  let server: TestServer | null = null
  let device: TestDevice | null = null
  try {
    log(`9. seeding PostgreSQL with the demo data at scale ${options.scale}`)
    await seedServer(pool, { seed: 'bench-steady', scale: options.scale, passwordHash: await hashPassword(DEFAULT_DEMO_PASSWORD) })
    await pool.query('ANALYZE')
    server = await startTestServer({ databaseUrl: db.url, redisPrefix: env.redisPrefix })
    // Server time per pull request, from the server's own Server-Timing header.
    const serverMs: number[] = []
    const totalMs: number[] = []
    const metered: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      const timing = response.headers.get('server-timing') ?? ''
      const dur = /dur=([\d.]+)/.exec(timing)?.[1]
      const total = /total;dur=([\d.]+)/.exec(timing)?.[1]
      if (url.includes('/v1/sync/pull') && dur !== undefined) serverMs.push(Number(dur))
      if (url.includes('/v1/sync/pull') && total !== undefined) totalMs.push(Number(total))
      return response
    }
    device = createTestDevice({ dir: env.dir, name: 'steady', serverUrl: server.url, autoSync: false, core: { liveEvents: false, fetch: metered } })
    await device.signIn(DEMO_ACCOUNTS.consultant.email, DEFAULT_DEMO_PASSWORD)
    const first = await device.engine.pull()
    log(`9. device synced (${first.upserted} rows, not timed); ${options.pulls} pulls with nothing new`)
    for (let i = 0; i < 5; i++) await device.engine.pull() // warm-up: statements prepared, pool connections open
    serverMs.length = 0
    totalMs.length = 0
    let changes = 0
    for (let i = 0; i < options.pulls; i++) changes += (await device.engine.pull()).upserted
    const requests = serverMs.length
    const p50 = percentile(serverMs, 50)
    const p95 = percentile(serverMs, 95)
    // Floor: the smallest thing the pull could do, one round trip to PostgreSQL through a warmed node-pg pool.
    const rtt: number[] = []
    for (let i = 0; i < options.pulls + 5; i++) {
      const started = performance.now()
      await pool.query('SELECT 1')
      if (i >= 5) rtt.push(performance.now() - started)
    }
    const floor = percentile(rtt, 50)
    const result = figure({
      scenario: '9. steady state',
      metric: `p50 server time of a pull with nothing new (1 device, OPERATOR scope, ${options.pulls} pulls, ${requests} requests, ${changes} rows) — p95 ${round(p95, 2)} ms; the whole request from its arrival (token check, body parse; no target) p50 ${round(percentile(totalMs, 50), 2)} ms`,
      value: round(p50, 3),
      unit: 'ms',
      floor: round(floor, 3),
      floorLabel: `p50 of a bare SELECT 1 round trip (node-pg pool, same database; p95 ${round(percentile(rtt, 95), 3)} ms)`,
      target: '≤ 3× floor',
      met: null,
      direction: 'lower-is-better',
    })
    out.push({ ...result, met: (result.ratio ?? Infinity) <= 3 })
    return out
  } finally {
    await device?.close().catch(() => undefined)
    await server?.close().catch(() => undefined)
    await pool.end().catch(() => undefined)
    await db.drop().catch(() => undefined)
  }
}

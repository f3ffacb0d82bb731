/**
 * Scenario 11: scope-proportional pull — an OPERATOR's first sync should cost what their scope holds, not what the
 * server holds. The same operator (the demo consultant, the same ~3,000 rows of scope) syncs a fresh device from two
 * servers that differ only in how many rows OTHER people own: ~100k and ~1M rows in total (quick: ~10k and ~100k).
 *
 * Seeding: the demo data at a small scale (seedServer: the operator's scope and the reference data), then
 * `inflate` (sync-server/demo/inflate.ts) clones the scoped tables' rows inside PostgreSQL for other owners, ids
 * spread over the whole uuid range between the operator's rows.
 *
 * Timed: `engine.pull()` of a real device (createTestDevice, as scenario 1) from an empty replica, median of a few
 * runs; figure = time at the large size, floor = time at the small size (target ≤ 1.3×).
 */
import { createPool } from '../../sync-server/db/pool'
import { seedServer } from '../../sync-server/demo/seed-server'
import { hashPassword } from '../../sync-server/src/auth/password'
import { startTestServer, type TestServer } from '../../sync-server/test/support'
import { createTestDevice } from '../../test/support/device/test-device'
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from '../../src/demo'
import { CLONED, inflate } from '../../sync-server/demo/inflate'
import { figure, log, median, round, type Figure } from './common'
import { type BenchEnv } from './env'

export interface ScopePullOptions {
  /** Demo data scale (the operator's scope and the reference data). */
  readonly baseScale: number
  /** Total rows of the small and the large server. */
  readonly sizes: readonly [number, number]
  /** Initial syncs timed per size (fresh device each). */
  readonly runs: number
}

interface Server {
  readonly target: number
  readonly totalRows: number
  readonly seedMs: number
  readonly inflateMs: number
  readonly url: string
  close(): Promise<void>
}

/** A database of ~`target` rows (the demo at the base scale + clones) and an in-process server on it. */
async function prepareServer(env: BenchEnv, options: ScopePullOptions, target: number): Promise<Server> {
  const db = await env.database()
  const pool = createPool(db.url, { max: 2 })
  pool.on('error', () => undefined)
  let server: TestServer | null = null
  const close = async (): Promise<void> => {
    await server?.close().catch(() => undefined)
    await pool.end().catch(() => undefined)
    await db.drop().catch(() => undefined)
  }
  try {
    const seedStarted = performance.now()
    const seeded = await seedServer(pool, { seed: 'bench-scope', scale: options.baseScale, passwordHash: await hashPassword(DEFAULT_DEMO_PASSWORD) })
    const seedMs = performance.now() - seedStarted
    const clonable = CLONED.reduce((sum, t) => sum + seeded.counts[t], 0)
    const copies = Math.max(0, Math.round((target - seeded.total) / clonable))
    const inflateStarted = performance.now()
    const inserted = await inflate(pool, { copies, operatorId: DEMO_ACCOUNTS.consultant.id })
    await pool.query('VACUUM ANALYZE')
    const inflateMs = performance.now() - inflateStarted
    const totalRows = seeded.total + inserted
    log(
      `11. ${totalRows.toLocaleString('en-US')} rows (demo ${seeded.total} in ${Math.round(seedMs)} ms + ${copies} clones, ${inserted} rows in ${Math.round(inflateMs)} ms)`,
    )
    server = await startTestServer({ databaseUrl: db.url, redisPrefix: `${env.redisPrefix}scope${target}:` })
    return { target, totalRows, seedMs, inflateMs, url: server.url, close }
  } catch (error) {
    await close()
    throw error
  }
}

/** One timed first sync of the operator on a fresh device: end to end, and the server's own time (Server-Timing). */
async function timedSync(env: BenchEnv, server: Server, name: string): Promise<{ ms: number; serverMs: number; rows: number }> {
  let serverMs = 0
  const metered: typeof fetch = async (input, init) => {
    const response = await fetch(input, init)
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (url.includes('/v1/sync/pull')) serverMs += Number(/dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? 0)
    return response
  }
  const device = createTestDevice({ dir: env.dir, name, serverUrl: server.url, autoSync: false, core: { liveEvents: false, fetch: metered } })
  try {
    await device.signIn(DEMO_ACCOUNTS.consultant.email, DEFAULT_DEMO_PASSWORD)
    serverMs = 0
    const started = performance.now()
    const result = await device.engine.pull()
    return { ms: performance.now() - started, serverMs, rows: result.upserted }
  } finally {
    await device.close().catch(() => undefined)
  }
}

export async function runScopePullBench(env: BenchEnv, options: ScopePullOptions, out: Figure[] = []): Promise<Figure[]> {
  const servers: Server[] = []
  try {
    for (const target of options.sizes) {
      log(`11. seeding ~${target.toLocaleString('en-US')} rows`)
      servers.push(await prepareServer(env, options, target))
    }
    const [small, large] = servers as [Server, Server]
    // Runs alternate between the two servers (after one untimed sync each: statements prepared, pages cached), so a
    // neighbour's load on the shared machine falls on both sizes alike.
    const runs = { small: [] as { ms: number; serverMs: number; rows: number }[], large: [] as { ms: number; serverMs: number; rows: number }[] }
    log(`11. ${options.runs} first syncs of the operator on each, alternating`)
    for (let run = -1; run < options.runs; run++) {
      const a = await timedSync(env, small, `scope-small-${run + 1}`)
      const b = await timedSync(env, large, `scope-large-${run + 1}`)
      if (run >= 0) {
        runs.small.push(a)
        runs.large.push(b)
      }
    }
    const fmt = (n: number): string => n.toLocaleString('en-US')
    const med = (samples: { ms: number; serverMs: number }[], key: 'ms' | 'serverMs'): number => round(median(samples.map((s) => s[key])), 1)
    const scopeRows = runs.large[0]?.rows ?? 0
    const result = figure({
      scenario: '11. scope-proportional pull',
      metric:
        `OPERATOR's initial sync (${fmt(scopeRows)} rows in scope) on a server of ${fmt(large.totalRows)} rows, median of ${options.runs} ` +
        `(alternating with the smaller server) — seeding ${round((large.seedMs + large.inflateMs) / 1000, 0)} s`,
      value: med(runs.large, 'ms'),
      unit: 'ms',
      floor: med(runs.small, 'ms'),
      floorLabel: `the same sync (${fmt(runs.small[0]?.rows ?? 0)} rows in scope) on a server of ${fmt(small.totalRows)} rows`,
      target: '≤ 1.3× floor',
      met: null,
      direction: 'lower-is-better',
    })
    // The server's own share: the device's apply and search-index rebuild take the same time at both sizes and would
    // hide a server that scans by database size.
    const server = figure({
      scenario: '11. scope-proportional pull',
      metric: `server time of that sync (Server-Timing summed over its requests), median of ${options.runs}`,
      value: med(runs.large, 'serverMs'),
      unit: 'ms',
      floor: med(runs.small, 'serverMs'),
      floorLabel: `the same at ${fmt(small.totalRows)} rows`,
      target: '≤ 1.3× floor',
      met: null,
      direction: 'lower-is-better',
    })
    out.push({ ...result, met: (result.ratio ?? Infinity) <= 1.3 }, { ...server, met: (server.ratio ?? Infinity) <= 1.3 })
    return out
  } finally {
    for (const server of servers) await server.close()
  }
}

/**
 * Scenario 4: one spawned server process (the real CLI, so its memory is its own: /proc/<pid>/status VmRSS) with N
 * devices holding SSE streams while M of them push and pull continuously for T seconds.
 */
import { createPool } from '../../sync-server/db/pool'
import { readSse, TEST_REDIS_URL, type ServerProcess, type SseReader } from '../../sync-server/test/support'
import { companyFields, newId, secondDevice, signedInDevice, type SyncTestEnv, type TestDevice } from '../../sync-server/test/support/sync-kit'
import { figure, log, mapLimit, percentile, round, rssMb, sleep, type Figure } from './common'
import { type BenchEnv } from './env'
import { spawnBenchServer } from './server-process'

export interface LoadBenchOptions {
  readonly devices: number
  readonly active: number
  readonly seconds: number
}

/** What push+pull cycles measured (scenario 4 and the scale-out scenario 10). */
export interface Cycle {
  pushMs: number[]
  pullMs: number[]
  errors: string[]
}

/** One device's push of one company edit, then one pull page: the load scenarios' unit of work. */
export async function cycle(device: TestDevice, companyId: string, round_: number, into: Cycle): Promise<void> {
  try {
    const mutation = device.mutation({
      table: 'companies',
      id: companyId,
      fields: round_ === 0 ? companyFields(device.userId) : { description: `부하 ${round_}` },
    })
    let started = performance.now()
    const pushed = await device.push([mutation])
    into.pushMs.push(performance.now() - started)
    if (pushed.status !== 200) into.errors.push(`push ${pushed.status}`)
    else if (pushed.body.results.some((r) => r.status === 'rejected')) into.errors.push('push rejected')
    started = performance.now()
    await device.pullPage()
    into.pullMs.push(performance.now() - started)
  } catch (error) {
    into.errors.push(error instanceof Error ? error.message.slice(0, 120) : String(error))
  }
}

/** Distinct warn/error messages from the server's JSON log lines, with the error's own message. */
function serverProblems(output: string, limit = 5): string[] {
  const seen = new Map<string, number>()
  for (const line of output.split('\n')) {
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string; code?: string } }
      if ((entry.level ?? 0) < 40) continue
      const key = `${entry.msg ?? '?'}${entry.err ? ` — ${entry.err.code ?? ''} ${entry.err.message ?? ''}` : ''}`
      seen.set(key, (seen.get(key) ?? 0) + 1)
    } catch {
      // not a log line
    }
  }
  return [...seen].slice(0, limit).map(([key, count]) => `${count}× ${key}`)
}

export async function runLoadBench(env: BenchEnv, options: LoadBenchOptions, out: Figure[] = []): Promise<Figure[]> {
  const db = await env.database()
  const pool = createPool(db.url, { max: 2 })
  pool.on('error', () => undefined)
  let server: ServerProcess | null = null
  const streams: SseReader[] = []
  try {
    // Hundreds of devices of one account sign in 4 at a time: above the default per-account concurrency cap (2).
    const serverEnv = { DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: `${env.redisPrefix}load:`, LOG_LEVEL: 'warn', LOGIN_MAX_CONCURRENT: '8' }
    // BENCH_PROFILE_DIR=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
    server = await spawnBenchServer(serverEnv)
    const pid = server.child.pid!
    const kit = { server: { url: server.url }, pool, databaseUrl: db.url, close: () => Promise.resolve() } as unknown as SyncTestEnv
    await sleep(500)
    const idleRss = (await rssMb(pid)) ?? NaN

    log(`4. signing in ${options.devices} devices (${options.active} active)`)
    const active = await mapLimit(Array.from({ length: options.active }), 4, () => signedInDevice(kit))
    const listener = await signedInDevice(kit)
    const passive = await mapLimit(Array.from({ length: Math.max(0, options.devices - options.active - 1) }), 4, () => secondDevice(kit, listener))
    const all: TestDevice[] = [...active, listener, ...passive]

    // Floor: the same push + pull cycle by one device on the otherwise idle server.
    const floor: Cycle = { pushMs: [], pullMs: [], errors: [] }
    const floorCompany = newId()
    for (let i = 0; i < 30; i++) await cycle(active[0]!, floorCompany, i, floor)

    log(`4. opening ${all.length} SSE streams`)
    const opened = await mapLimit(all, 20, async (device) => {
      const reader = await readSse(`${server!.url}/v1/sync/events`, device.headers)
      streams.push(reader)
      return reader.status
    })
    const sseErrors = opened.filter((status) => status !== 200).length
    await sleep(500)
    const connectedRss = (await rssMb(pid)) ?? NaN

    log(`4. ${options.active} devices pushing and pulling for ${options.seconds} s`)
    const load: Cycle = { pushMs: [], pullMs: [], errors: [] }
    let peakRss = connectedRss
    const stopAt = Date.now() + options.seconds * 1000
    const sampler = setInterval(() => {
      void rssMb(pid).then((mb) => {
        if (mb !== null) peakRss = Math.max(peakRss, mb)
      })
    }, 250)
    await Promise.all(
      active.map(async (device) => {
        const companyId = newId()
        for (let i = 0; Date.now() < stopAt; i++) await cycle(device, companyId, i, load)
      }),
    )
    clearInterval(sampler)
    const endRss = (await rssMb(pid)) ?? NaN
    peakRss = Math.max(peakRss, endRss)
    const errors = load.errors.length + sseErrors
    const cycles = load.pushMs.length
    const scenario = '4. server under load'
    const setup = `${options.devices} SSE devices, ${options.active} pushing+pulling for ${options.seconds} s, ${cycles} push+pull cycles`
    const distinctErrors = [...new Set(load.errors)].slice(0, 3).join('; ')
    // What the server logged about the failures (warn and above), so a miss comes with its cause.
    if (errors > 0) for (const line of serverProblems(server.output())) log(`4. server said: ${line}`)
    out.push(
      figure({
        scenario,
        metric: `errors (${setup})`,
        value: errors,
        unit: 'errors',
        floor: null,
        floorLabel: '—',
        target: '0',
        met: errors === 0,
        direction: 'lower-is-better',
        ...(distinctErrors ? { notes: distinctErrors } : {}),
      }),
      figure({
        scenario,
        metric: 'p99 push latency (1 mutation)',
        value: round(percentile(load.pushMs, 99), 1),
        unit: 'ms',
        floor: round(percentile(floor.pushMs, 99), 1),
        floorLabel: 'p99 of the same push by 1 device on the idle server',
        target: '≤ 250 ms',
        met: percentile(load.pushMs, 99) <= 250,
        direction: 'lower-is-better',
        notes: `p50 ${round(percentile(load.pushMs, 50), 1)} ms`,
      }),
      figure({
        scenario,
        metric: 'p99 pull latency (1 page)',
        value: round(percentile(load.pullMs, 99), 1),
        unit: 'ms',
        floor: round(percentile(floor.pullMs, 99), 1),
        floorLabel: 'p99 of the same pull by 1 device on the idle server',
        target: '≤ 250 ms',
        met: percentile(load.pullMs, 99) <= 250,
        direction: 'lower-is-better',
        notes: `p50 ${round(percentile(load.pullMs, 50), 1)} ms`,
      }),
      figure({
        scenario,
        metric: `server RSS peak (with ${all.length} SSE streams: ${round(connectedRss, 0)} MB before load, ${round(endRss, 0)} MB at end)`,
        value: round(peakRss, 1),
        unit: 'MB',
        floor: round(idleRss, 1),
        floorLabel: 'RSS of the same server process idle after start',
        target: '— (recorded)',
        met: null,
        direction: 'lower-is-better',
      }),
    )
    return out
  } finally {
    for (const stream of streams) stream.close()
    if (server) await server.stop().catch(() => null)
    await pool.end().catch(() => undefined)
    await db.drop().catch(() => undefined)
  }
}

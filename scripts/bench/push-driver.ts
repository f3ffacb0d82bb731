/**
 * Profiling driver for scenario 2 (not part of the bench): the same 10k offline edits pushed by a real device to an
 * in-process server, with per-statement counts and wall time (pg Client.prototype.query wrapped), node CPU, the
 * PostgreSQL backends' CPU (/proc/<pid>/stat) and optionally a V8 CPU profile of the push.
 *
 *   npx tsx scripts/bench/push-driver.ts            # PUSH_SCALE=20000 PUSH_RUNS=1 PUSH_PROFILE=/tmp/p.cpuprofile
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import pg from 'pg'
import { createPool } from '../../sync-server/db/pool'
import { seedServer } from '../../sync-server/demo/seed-server'
import { hashPassword } from '../../sync-server/src/auth/password'
import { startTestServer } from '../../sync-server/test/support'
import { createTestDevice } from '../../test/support/device/test-device'
import { DEFAULT_DEMO_PASSWORD } from '../../src/demo'
import { createBenchEnv } from './env'
import { createBenchWriter, writeOfflineEdits } from './offline-edits'

const scale = Number(process.env.PUSH_SCALE ?? 20_000)
const batches = (process.env.PUSH_BATCHES ?? '1000,1000').split(',').map(Number)
const runs = batches.length
const edits = 10_000

interface Stat {
  n: number
  ms: number
}
const stats = new Map<string, Stat>()
let recording = false
const original = pg.Client.prototype.query
// eslint-disable-next-line @typescript-eslint/no-explicit-any
;(pg.Client.prototype as any).query = function (this: pg.Client, ...args: any[]) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const result = (original as any).apply(this, args)
  if (!recording || !result || typeof result.then !== 'function') return result
  const text = typeof args[0] === 'string' ? args[0] : String(args[0]?.text ?? '?')
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 90)
  const started = performance.now()
  const done = (): void => {
    const stat = stats.get(key) ?? { n: 0, ms: 0 }
    stat.n += 1
    stat.ms += performance.now() - started
    stats.set(key, stat)
  }
  result.then(done, done)
  return result
}

function ticks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return Number(fields[11]) + Number(fields[12])
  } catch {
    return 0
  }
}

async function main(): Promise<void> {
  const env = createBenchEnv()
  const db = await env.database()
  const pool = createPool(db.url, { max: 2 })
  const admin = new pg.Client({ connectionString: db.url })
  await admin.connect()
  try {
    await seedServer(pool, { seed: 'bench', scale, passwordHash: await hashPassword(DEFAULT_DEMO_PASSWORD) })
    await pool.query('ANALYZE')
    const server = await startTestServer({ databaseUrl: db.url, redisPrefix: env.redisPrefix })
    const benchUser = await createBenchWriter(pool)
    const dbName = new URL(db.url).pathname.slice(1)
    for (let run = 0; run < runs; run++) {
      const device = createTestDevice({
        dir: env.dir,
        name: `writer${run}`,
        serverUrl: server.url,
        autoSync: false,
        core: { liveEvents: false, loop: { debounceMs: 0 }, pushBatchSize: batches[run]! },
      })
      await device.signIn(benchUser.email, DEFAULT_DEMO_PASSWORD)
      await device.engine.pull()
      writeOfflineEdits(device, benchUser.id, edits, `현장에서 수정 ${run}`)
      const pending = device.writer.pendingCount()
      await new Promise((r) => setTimeout(r, 200))
      const pids = async (): Promise<number[]> =>
        (await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [dbName])).rows.map((r) => r.pid)
      const before = new Map((await pids()).map((pid) => [pid, ticks(pid)]))
      stats.clear()
      const session = process.env.PUSH_PROFILE ? new Session() : null
      if (session) {
        session.connect()
        await session.post('Profiler.enable')
        await session.post('Profiler.setSamplingInterval', { interval: 200 })
        await session.post('Profiler.start')
        if (process.env.PUSH_HEAP)
          await session.post('HeapProfiler.startSampling', {
            samplingInterval: 4096,
            includeObjectsCollectedByMajorGC: true,
            includeObjectsCollectedByMinorGC: true,
          })
      }
      const cpu = process.cpuUsage()
      recording = true
      const started = performance.now()
      const result = await device.engine.push()
      const wall = performance.now() - started
      recording = false
      const used = process.cpuUsage(cpu)
      if (session) {
        const { profile } = await session.post('Profiler.stop')
        writeFileSync(`${process.env.PUSH_PROFILE}.${run}.cpuprofile`, JSON.stringify(profile))
        if (process.env.PUSH_HEAP) {
          const { profile: heap } = await session.post('HeapProfiler.stopSampling')
          writeFileSync(`${process.env.PUSH_PROFILE}.${run}.heapprofile`, JSON.stringify(heap))
        }
        session.disconnect()
      }
      let pgTicks = 0
      for (const pid of await pids()) pgTicks += ticks(pid) - (before.get(pid) ?? 0)
      const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
      console.log(
        `run ${run} (batch ${batches[run]}): ${pending} pending, ${JSON.stringify(result)} wall ${wall.toFixed(0)} ms, node CPU ${((used.user + used.system) / 1000).toFixed(0)} ms, PG CPU ${pgTicks * 10} ms, load ${load}`,
      )
      const sorted = [...stats].sort((a, b) => b[1].ms - a[1].ms)
      let n = 0
      let ms = 0
      for (const [, s] of sorted) {
        n += s.n
        ms += s.ms
      }
      console.log(`  statements ${n}, statement wall ${ms.toFixed(0)} ms`)
      for (const [key, s] of sorted.slice(0, Number(process.env.PUSH_TOP ?? 25)))
        console.log(`  ${String(s.n).padStart(5)} ${s.ms.toFixed(1).padStart(8)} ms  ${key}`)
      await device.close()
    }
    await server.close()
  } finally {
    await admin.end()
    await pool.end()
    await db.drop()
    await env.close()
  }
}

await main()

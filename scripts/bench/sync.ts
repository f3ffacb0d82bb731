/**
 * Scenarios 1–3: initial sync, push of offline edits, live propagation between two server instances.
 * The real server (Fastify + pg + ioredis) on a fresh PostgreSQL database seeded with the Korean demo data, and real
 * devices (createTestDevice: SQLite replica file + the local core) talking HTTP/SSE to it. Scenario 1's server is a
 * spawned `sync-server serve` process, as in production (its page building overlaps the device's apply instead of
 * sharing its event loop); scenarios 2–3 use in-process servers.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import pg from 'pg'
import { Redis } from 'ioredis'
import { createPool } from '../../sync-server/db/pool'
import { seedServer } from '../../sync-server/demo/seed-server'
import { hashPassword } from '../../sync-server/src/auth/password'
import { startTestServer, TEST_REDIS_URL, type ServerProcess, type TestServer } from '../../sync-server/test/support'
import { openReplica } from '../../src/main/db/open'
import { pauseSearchIndex, rebuildSearchIndex } from '../../src/main/db/search-index'
import { replicaRegistry } from '../../src/main/core/replica/registry'
import { quoteIdent } from '../../src/main/core/sqlite'
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { WAL_BOUND_BYTES } from '../../src/main/core/sync/disk-guard'
import { createTestDevice, type TestDevice } from '../../test/support/device/test-device'
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from '../../src/demo'
import { uuidv7 } from '../../src/shared/ids/uuidv7'
import { SYNCED_TABLES } from '../../src/shared/model/tables'
import { figure, log, percentile, round, sleep, timed, type Figure } from './common'
import { type BenchEnv } from './env'
import { createBenchWriter, pickIds, writeOfflineEdits, type OfflineEdits } from './offline-edits'
import { processCpuMs, spawnBenchServer } from './server-process'

const EXEC = DEMO_ACCOUNTS.executive

export interface SyncBenchOptions {
  readonly scale: number
  readonly edits: number
  readonly propagations: number
  /** Stop after scenario 1 (`--only 1`). */
  readonly initialOnly?: boolean
}

interface PgRow {
  [column: string]: unknown
}

function toSqlite(value: unknown): unknown {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'object') return JSON.stringify(value)
  return value
}

/**
 * The process's peak RSS from now until stop(): Linux's high-water mark (VmHWM in /proc/self/status, reset by writing
 * 5 to /proc/self/clear_refs) when available, else process.memoryUsage().rss sampled every 10 ms (a sample cannot
 * land inside a synchronous apply, so it may miss the top). Both are taken; the larger is reported.
 */
function watchPeakRss(): { stop(): { peakMb: number; beforeMb: number; source: string } } {
  const beforeMb = process.memoryUsage().rss / 1024 / 1024
  let hwm = false
  try {
    writeFileSync('/proc/self/clear_refs', '5')
    hwm = true
  } catch {
    // Not Linux, or not allowed: sampling only.
  }
  let sampled = beforeMb
  const timer = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage().rss / 1024 / 1024)
  }, 10)
  return {
    stop() {
      clearInterval(timer)
      sampled = Math.max(sampled, process.memoryUsage().rss / 1024 / 1024)
      const kb = hwm ? Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) : 0
      const hwmMb = kb / 1024
      return hwmMb > sampled ? { peakMb: hwmMb, beforeMb, source: 'VmHWM' } : { peakMb: sampled, beforeMb, source: 'rss sampled every 10 ms' }
    },
  }
}

/**
 * BENCH_PROFILE_DIR=<dir>: a V8 CPU profile of the device's side of scenario 1's plain pull alone (open it in Chrome
 * DevTools), written as <dir>/<name>-<time>.cpuprofile; the spawned server writes its own (CPU.<time>.<pid>….cpuprofile,
 * its whole life) when it stops. Without it, a no-op.
 */
async function startProfile(): Promise<{ stop(name: string): Promise<void> }> {
  const dir = process.env.BENCH_PROFILE_DIR
  if (!dir) return { stop: () => Promise.resolve() }
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  return {
    async stop(name) {
      const { profile } = await session.post('Profiler.stop')
      session.disconnect()
      mkdirSync(dir, { recursive: true })
      const file = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`)
      writeFileSync(file, JSON.stringify(profile))
      log(`CPU profile of the pull: ${file}`)
    },
  }
}

/** Floor of scenario 1: SELECT * of every synced table through `pg`, then prepared INSERTs into a fresh replica. */
async function initialSyncFloor(databaseUrl: string, dir: string): Promise<{ rows: number; selectMs: number; insertMs: number }> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const tables: { name: string; rows: PgRow[] }[] = []
  const select = await timed(async () => {
    for (const name of SYNCED_TABLES) tables.push({ name, rows: (await client.query<PgRow>(`SELECT * FROM ${quoteIdent(name)}`)).rows })
  })
  await client.end()
  const { sqlite } = openReplica(join(dir, 'floor.sqlite'))
  sqlite.pragma('foreign_keys = OFF')
  const registry = replicaRegistry()
  let rows = 0
  const insert = await timed(() => {
    sqlite.transaction(() => {
      // Same schema, search-index triggers paused as the engine pauses them on a first sync (no rebuild here).
      pauseSearchIndex(sqlite)
      for (const table of tables) {
        const meta = registry.get(table.name)
        if (!meta) continue
        const columns = meta.columns.map((c) => c.name)
        const statement = sqlite.prepare(
          `INSERT INTO ${quoteIdent(table.name)} (${columns.map(quoteIdent).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        )
        const params = new Array<unknown>(columns.length)
        for (const row of table.rows) {
          for (let i = 0; i < columns.length; i++) params[i] = toSqlite(row[columns[i]!])
          statement.run(params)
          rows++
        }
      }
    })()
  })
  sqlite.close()
  return { rows, selectMs: select.ms, insertMs: insert.ms }
}

/** Time spent waiting on the server (request sent → response headers), and the server's own Server-Timing. */
interface HttpMeter {
  waitMs: number
  serverMs: number
  requests: number
  reset(): void
}

function meteredFetch(): { fetch: typeof fetch; meter: HttpMeter } {
  const meter: HttpMeter = {
    waitMs: 0,
    serverMs: 0,
    requests: 0,
    reset() {
      meter.waitMs = 0
      meter.serverMs = 0
      meter.requests = 0
    },
  }
  const metered: typeof fetch = async (input, init) => {
    const started = performance.now()
    const response = await fetch(input, init)
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (url.includes('/v1/sync/push') || url.includes('/v1/sync/pull')) {
      meter.waitMs += performance.now() - started
      meter.requests += 1
      meter.serverMs += Number(/dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? 0)
    }
    return response
  }
  return { fetch: metered, meter }
}

function openDevice(dir: string, name: string, serverUrl: string, autoSync = false, fetchImpl?: typeof fetch, key?: Buffer): TestDevice {
  return createTestDevice({
    dir,
    name,
    serverUrl,
    autoSync,
    ...(key ? { key } : {}),
    core: { liveEvents: autoSync, loop: { debounceMs: 0 }, ...(fetchImpl ? { fetch: fetchImpl } : {}) },
  })
}

/** Floor of scenario 2: the same number of rows written with raw multi-row statements (rolled back). */
async function pushFloor(databaseUrl: string, plan: OfflineEdits): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { ms } = await timed(async () => {
      await client.query('BEGIN')
      const companies = Math.ceil(plan.creates / 5)
      const ids: string[] = []
      for (let start = 0; start < companies; start += 1_000) {
        const values: unknown[] = []
        const tuples: string[] = []
        for (let i = start; i < Math.min(companies, start + 1_000); i++) {
          const id = uuidv7()
          ids.push(id)
          values.push(id, `FLOOR-${i}`, `플로어 주식회사 ${i}`, EXEC.id)
          const n = values.length
          tuples.push(`($${n - 3}, $${n - 2}, $${n - 1}, $${n})`)
        }
        await client.query(`INSERT INTO companies (id, code, name, account_manager_id) VALUES ${tuples.join(', ')}`, values)
      }
      const contacts = plan.creates - companies * 2
      const branchIds: string[] = []
      for (let start = 0; start < ids.length; start += 1_000) {
        const values: unknown[] = []
        const tuples: string[] = []
        for (const companyId of ids.slice(start, start + 1_000)) {
          const id = uuidv7()
          branchIds.push(id)
          values.push(id, companyId, `FB-${id.slice(-12)}`, '본사')
          const n = values.length
          tuples.push(`($${n - 3}, $${n - 2}, $${n - 1}, $${n})`)
        }
        await client.query(`INSERT INTO branches (id, company_id, code, name) VALUES ${tuples.join(', ')}`, values)
      }
      for (let start = 0; start < Math.max(0, contacts); start += 1_000) {
        const values: unknown[] = []
        const tuples: string[] = []
        for (let i = start; i < Math.min(contacts, start + 1_000); i++) {
          values.push(uuidv7(), branchIds[i % branchIds.length], '길동', '홍')
          const n = values.length
          tuples.push(`($${n - 3}, $${n - 2}, $${n - 1}, $${n})`)
        }
        await client.query(`INSERT INTO contacts (id, branch_id, first_name, last_name) VALUES ${tuples.join(', ')}`, values)
      }
      await client.query(`UPDATE contacts AS t SET notes = '수정됨', updated_at = now() FROM unnest($1::uuid[]) AS v(id) WHERE t.id = v.id`, [plan.edits])
      await client.query(`UPDATE activities AS t SET deleted_at = now() FROM unnest($1::uuid[]) AS v(id) WHERE t.id = v.id`, [plan.deletes])
      await client.query('ROLLBACK')
    })
    const total = plan.creates + plan.edits.length + plan.deletes.length
    return total / (ms / 1000)
  } finally {
    await client.end()
  }
}

async function redisRoundTrips(count: number): Promise<number[]> {
  const sub = new Redis(TEST_REDIS_URL)
  const pub = new Redis(TEST_REDIS_URL)
  const channel = `crm-bench:${process.pid}:rtt`
  await sub.subscribe(channel)
  const samples: number[] = []
  try {
    for (let i = 0; i < count; i++) {
      const got = new Promise<void>((resolve) => sub.once('message', () => resolve()))
      const started = performance.now()
      await pub.publish(channel, String(i))
      await got
      samples.push(performance.now() - started)
    }
  } finally {
    sub.disconnect()
    pub.disconnect()
  }
  return samples
}

export async function runSyncBench(env: BenchEnv, options: SyncBenchOptions, out: Figure[] = []): Promise<Figure[]> {
  const figures = out
  const db = await env.database()
  const pool = createPool(db.url, { max: 2 })
  pool.on('error', () => undefined)
  const servers: TestServer[] = []
  const devices: TestDevice[] = []
  let spawned: ServerProcess | null = null
  try {
    log(`seeding PostgreSQL with the demo data at scale ${options.scale}`)
    const seeded = await seedServer(pool, { seed: 'bench', scale: options.scale, passwordHash: await hashPassword(DEFAULT_DEMO_PASSWORD) })
    await pool.query('ANALYZE')

    // ── 1. initial sync ──────────────────────────────────────────────────────────────────────────────────────────
    // The server in a process of its own (the real CLI), as between a device and the server in production: its page
    // building runs on the other core while the device applies the page before (the engine pulls one page ahead).
    // Until 2026-12-07 it ran in the bench's process and shared the device's event loop (docs/benchmarks.md).
    spawned = await spawnBenchServer({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: env.redisPrefix, LOG_LEVEL: 'warn' })
    const serverPid = spawned.child.pid!
    log(`1. initial sync of ${seeded.total} rows (EXECUTIVE; server process ${serverPid})`)
    const metered = meteredFetch()
    const exec = openDevice(env.dir, 'exec', spawned.url, false, metered.fetch)
    devices.push(exec)
    await exec.signIn(EXEC.email, DEFAULT_DEMO_PASSWORD)
    metered.meter.reset()
    const memory = watchPeakRss()
    const profile = await startProfile()
    const cpuBefore = process.cpuUsage()
    const serverCpuBefore = processCpuMs(serverPid)
    const pulled = await timed(() => exec.engine.pull())
    const pullCpu = process.cpuUsage(cpuBefore)
    const serverCpuAfter = processCpuMs(serverPid)
    const serverCpu = serverCpuBefore !== null && serverCpuAfter !== null ? `, server process CPU ${serverCpuAfter - serverCpuBefore} ms` : ''
    const peak = memory.stop()
    await profile.stop('initial-sync')
    // A first sync leaves search_grams to be filled right after it returns (searches scan meanwhile): timed apart,
    // and finished before anything else is measured.
    const gramsFill = await timed(() => exec.engine.searchReady())
    const rows = pulled.value.upserted
    const rate = rows / (pulled.ms / 1000)
    const floorCpuBefore = process.cpuUsage()
    const floor = await initialSyncFloor(db.url, env.dir)
    const floorCpu = process.cpuUsage(floorCpuBefore)
    const cpuMs = (usage: NodeJS.CpuUsage): number => Math.round((usage.user + usage.system) / 1000)
    const floorRate = floor.rows / ((floor.selectMs + floor.insertMs) / 1000)
    const syncFigure = figure({
      scenario: '1. initial sync',
      metric: `rows/s end to end (${rows.toLocaleString('en-US')} rows, ${pulled.value.pages} pages, ${(pulled.ms / 1000).toFixed(1)} s)`,
      value: Math.round(rate),
      unit: 'rows/s',
      floor: Math.round(floorRate),
      floorLabel: `pg SELECT * (${Math.round(floor.selectMs)} ms) + SQLite prepared INSERT, 1 tx (${Math.round(floor.insertMs)} ms)`,
      target: '≥ 50,000 rows/s and ≤ 2× floor',
      met: null,
      direction: 'higher-is-better',
      notes: `waiting for response headers ${Math.round(metered.meter.waitMs)} ms (server's own Server-Timing ${Math.round(metered.meter.serverMs)} ms) over ${metered.meter.requests} requests; the rest (${Math.round(pulled.ms - metered.meter.waitMs)} ms) is body transfer + JSON.parse + validation + apply + FTS rebuild on the device; search_grams filled after the pull returned in ${Math.round(gramsFill.ms)} ms (searches scan meanwhile); device process CPU ${cpuMs(pullCpu)} ms vs the floor's ${cpuMs(floorCpu)} ms${serverCpu} (server: a spawned sync-server process)`,
    })
    figures.push({ ...syncFigure, met: rate >= 50_000 && (syncFigure.ratio ?? Infinity) <= 2 })
    // The WAL during the first sync: checkpointed as pages are applied (issue 13), so it stays near WAL_BOUND_BYTES
    // plus one page instead of holding the whole replica (it was 140 MB beside a 4 KB main file at 194k rows).
    const replicaMb = statSync(exec.files.database).size / 1024 / 1024
    figures.push(
      figure({
        scenario: '1. initial sync',
        metric: `largest WAL between pages (replica file ${replicaMb.toFixed(1)} MB afterwards)`,
        value: Math.round((pulled.value.maxWalBytes / 1024 / 1024) * 10) / 10,
        unit: 'MB',
        floor: null,
        floorLabel: '—',
        target: `≤ ${WAL_BOUND_BYTES / 1024 / 1024} MB + one page`,
        met: pulled.value.maxWalBytes <= WAL_BOUND_BYTES + 64 * 1024 * 1024,
        direction: 'lower-is-better',
      }),
    )
    // Device memory during the first sync: the peak against what stays once the sync is over (the bench's process: the
    // device alone, the server being spawned; before 2026-12-07 both figures included an in-process server's share).
    await sleep(200)
    const afterMb = process.memoryUsage().rss / 1024 / 1024
    // What the end-of-sync search rebuild costs on this replica, and the short/초성 pieces' share (search_grams).
    const rebuild = await timed(() => rebuildSearchIndex(exec.sqlite))
    const grams = await timed(() =>
      exec.sqlite.transaction(() =>
        exec.sqlite.exec(`DELETE FROM search_grams; INSERT OR IGNORE INTO search_grams (gram, entity_type, later, name_length, name, entity_id)
          SELECT gram, entity_type, later, name_length, name, entity_id FROM search_grams_source`),
      )(),
    )
    log(`1. search rebuild on the synced replica: ${Math.round(rebuild.ms)} ms, of which search_grams ${Math.round(grams.ms)} ms`)
    const memoryFigure = figure({
      scenario: '1. initial sync',
      metric: `peak RSS of the device process during the sync (the server is a process of its own; RSS before the sync ${Math.round(peak.beforeMb)} MB; peak by ${peak.source})`,
      value: Math.round(peak.peakMb),
      unit: 'MB',
      floor: Math.round(afterMb),
      floorLabel: 'RSS of the same process 200 ms after the sync ended',
      target: '≤ 2× after',
      met: null,
      direction: 'lower-is-better',
    })
    figures.push({ ...memoryFigure, met: (memoryFigure.ratio ?? Infinity) <= 2 })
    // The same pull into an encrypted replica (the app's: SQLCipher v4 pages, raw 256-bit key), against the plain one.
    log(`1. the same initial sync into an encrypted replica`)
    const encrypted = openDevice(env.dir, 'exec-encrypted', spawned.url, false, undefined, randomBytes(32))
    devices.push(encrypted)
    await encrypted.signIn(EXEC.email, DEFAULT_DEMO_PASSWORD)
    const pulledEncrypted = await timed(() => encrypted.engine.pull())
    await encrypted.engine.searchReady()
    const encryptedRate = pulledEncrypted.value.upserted / (pulledEncrypted.ms / 1000)
    const encryptedFigure = figure({
      scenario: '1. initial sync',
      metric: `rows/s end to end into an encrypted replica (${pulledEncrypted.value.upserted.toLocaleString('en-US')} rows, ${(pulledEncrypted.ms / 1000).toFixed(1)} s)`,
      value: Math.round(encryptedRate),
      unit: 'rows/s',
      floor: Math.round(rate),
      floorLabel: 'the same pull into a plain replica, just before',
      target: '≤ 1.3× plain',
      met: null,
      direction: 'higher-is-better',
    })
    figures.push({ ...encryptedFigure, met: (encryptedFigure.ratio ?? Infinity) <= 1.3 })
    // `--only 1` stops here: scenario 1 includes its encrypted-vs-plain ratio (issue 18), not scenarios 2 and 3.
    if (options.initialOnly) return figures
    for (const device of devices.splice(0)) await device.close()
    await spawned.stop()
    spawned = null
    const server = await startTestServer({ databaseUrl: db.url, redisPrefix: env.redisPrefix })
    servers.push(server)

    // ── 2. push of offline edits ─────────────────────────────────────────────────────────────────────────────────
    const benchUser = await createBenchWriter(pool)
    log('2. first sync of the writing device (not measured)')
    const writerMeter = meteredFetch()
    const writerDevice = openDevice(env.dir, 'writer', server.url, false, writerMeter.fetch)
    devices.push(writerDevice)
    await writerDevice.signIn(benchUser.email, DEFAULT_DEMO_PASSWORD)
    await writerDevice.engine.pull()
    log(`2. push of ${options.edits} offline edits`)
    const { creates, edits: editIds, deletes: deleteIds } = writeOfflineEdits(writerDevice, benchUser.id, options.edits)
    const pending = writerDevice.writer.pendingCount()
    // The 10,000 local writes above are synchronous: on a loaded machine they block this process (device and
    // in-process server) longer than the server's 72 s keep-alive, and the push would go out on the socket the server
    // closes in the same tick ("Cannot reach the server"). One turn of the event loop lets both sides see the close.
    await sleep(100)
    writerMeter.meter.reset()
    const pushed = await timed(() => writerDevice.engine.push())
    const pushRate = pending / (pushed.ms / 1000)
    const reasons = [...new Set(writerDevice.writer.listRejected().map((e) => `${e.table}/${e.op}: ${e.rejectReason ?? '?'}`))].slice(0, 3)
    const pushFloorRate = await pushFloor(db.url, { creates, edits: editIds, deletes: deleteIds })
    figures.push(
      figure({
        scenario: '2. push offline edits',
        metric: `changes/s to acknowledgement (${pending.toLocaleString('en-US')}: ${creates} creates, ${editIds.length} edits, ${deleteIds.length} deletes; ${pushed.value.batches} batches; ${pushed.value.rejected} rejected)`,
        value: Math.round(pushRate),
        unit: 'changes/s',
        floor: Math.round(pushFloorRate),
        floorLabel: 'raw multi-row INSERT / UPDATE … FROM unnest in PostgreSQL (1 tx, rolled back)',
        target: '≥ 10,000 changes/s, 0 rejected',
        met: pushRate >= 10_000 && pushed.value.rejected === 0 && pushed.value.acknowledged === pending,
        direction: 'higher-is-better',
        notes:
          `waiting for the server ${Math.round(writerMeter.meter.waitMs)} ms of ${Math.round(pushed.ms)} ms over ${writerMeter.meter.requests} requests` +
          (reasons.length > 0 ? `; rejected: ${reasons.join('; ')}` : ''),
      }),
    )

    // ── 3. live propagation A → server 1 → Redis → server 2 → SSE → B ───────────────────────────────────────────
    log(`3. live propagation over ${options.propagations} edits`)
    const second = await startTestServer({ databaseUrl: db.url, redisPrefix: env.redisPrefix })
    servers.push(second)
    await second.services.pokes.ready()
    const receiver = openDevice(env.dir, 'receiver', second.url, true)
    devices.push(receiver)
    await receiver.signIn(benchUser.email, DEFAULT_DEMO_PASSWORD)
    // Let B finish its own first sync before measuring (it pulls everything on sign-in).
    const settle = Date.now() + 120_000
    while (Date.now() < settle) {
      await receiver.loop.idle()
      if (receiver.status.get().online) break
      await sleep(50)
    }
    await receiver.loop.idle()
    await sleep(300)
    await receiver.loop.idle()
    // A seeded company both devices hold (not one of the offline creates, which could have been rejected).
    const target = pickIds(writerDevice, 'companies', 1)[0]!
    const nameOf = receiver.sqlite.prepare<[string], string>(`SELECT name FROM companies WHERE id = ?`).pluck()
    const latencies: number[] = []
    let timeouts = 0
    for (let i = 0; i < options.propagations; i++) {
      const value = `실시간 ${i} ${Date.now()}`
      const seen = new Promise<number>((resolve) => {
        const check = (): boolean => nameOf.get(target) === value
        const off = receiver.onPulled(() => {
          if (check()) {
            off()
            clearTimeout(timer)
            resolve(performance.now())
          }
        })
        const timer = setTimeout(() => {
          off()
          resolve(-1)
        }, 5_000)
      })
      const started = performance.now()
      writerDevice.writer.upsert('companies', target, { name: value })
      await writerDevice.engine.push()
      const at = await seen
      if (at < 0) {
        timeouts++
        if (timeouts >= 3 && latencies.length === 0) throw new Error(`live propagation: the first ${timeouts} edits never reached device B within 5 s`)
      } else latencies.push(at - started)
      await sleep(20)
    }
    const rtt = await redisRoundTrips(Math.max(50, options.propagations))
    const redisP50 = percentile(rtt, 50)
    const redisP99 = percentile(rtt, 99)
    const p50 = percentile(latencies, 50)
    const p99 = percentile(latencies, 99)
    const note = timeouts > 0 ? `${timeouts} of ${options.propagations} edits not seen within 5 s` : undefined
    figures.push(
      figure({
        scenario: '3. live propagation',
        metric: `p50 edit on A → applied on B (2 server instances, ${latencies.length} edits)`,
        value: round(p50),
        unit: 'ms',
        floor: round(redisP50, 3),
        floorLabel: 'Redis pub/sub round trip p50 (ioredis)',
        target: '≤ 50 ms',
        met: p50 <= 50 && timeouts === 0,
        direction: 'lower-is-better',
        ...(note ? { notes: note } : {}),
      }),
      figure({
        scenario: '3. live propagation',
        metric: 'p99 edit on A → applied on B',
        value: round(p99),
        unit: 'ms',
        floor: round(redisP99, 3),
        floorLabel: 'Redis pub/sub round trip p99 (ioredis)',
        target: '≤ 200 ms',
        met: p99 <= 200 && timeouts === 0,
        direction: 'lower-is-better',
      }),
    )
  } finally {
    for (const device of devices) await device.close().catch(() => undefined)
    for (const server of servers) await server.close().catch(() => undefined)
    if (spawned) await spawned.stop().catch(() => null)
    await pool.end().catch(() => undefined)
    await db.drop().catch(() => undefined)
  }
  return figures
}

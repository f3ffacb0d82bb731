/**
 * A/B of the CPU a push+pull cycle costs, for a machine shared with other work (issue 20, seventh round): two server
 * processes side by side — A and B, each its own checkout (`--a`/`--b`, default this one) and settings
 * (`--a-env`/`--b-env`, `K=V,K=V`; `PG_SOCKET=<dir>` reaches PostgreSQL over its Unix socket) — on databases of
 * their own, driven in alternating closed-loop phases (A B, B A, A B …). Each phase reports the server process's CPU
 * ms per cycle and that of PostgreSQL's backends of its database (/proc), so the neighbours' load, which moves
 * latency and throughput by multiples, weighs on both sides alike; the medians over the rounds are the comparison.
 *
 *   tsx scripts/bench/ab-cpu.ts --a /tmp/base --rounds 6 --seconds 8
 *   tsx scripts/bench/ab-cpu.ts --b-env PG_SOCKET=/var/run/postgresql
 */
import { parseArgs } from 'node:util'
import { createPool } from '../../sync-server/db/pool'
import { readSse, TEST_REDIS_URL, type ServerProcess, type SseReader } from '../../sync-server/test/support'
import { secondDevice, signedInDevice, type SyncTestEnv } from '../../sync-server/test/support/sync-kit'
import { log, mapLimit, median, round } from './common'
import { backendCpuMs, backendCpuSeconds, loadAverage } from './cpu-budget'
import { createBenchEnv, type BenchEnv } from './env'
import { closedLoop, emptyCycle, loadDevices, warmUp, type LoadDevice } from './offered-load'
import { overSocket, processCpuMs, spawnBenchServer } from './server-process'

interface Side {
  readonly name: string
  readonly server: ServerProcess
  readonly pool: ReturnType<typeof createPool>
  readonly devices: LoadDevice[]
  readonly streams: SseReader[]
  readonly serverMs: number[]
  readonly postgresMs: number[]
  readonly rates: number[]
  close(): Promise<void>
}

function parseEnv(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const pair of (text ?? '').split(',').filter(Boolean)) {
    const at = pair.indexOf('=')
    out[pair.slice(0, at)] = pair.slice(at + 1)
  }
  return out
}

async function startSide(
  env: BenchEnv,
  name: string,
  root: string | undefined,
  settings: Record<string, string>,
  active: number,
  listeners: number,
): Promise<Side> {
  const db = await env.database()
  const pool = createPool(db.url, { max: 2 })
  pool.on('error', () => undefined)
  const { PG_SOCKET: socket, ...rest } = settings
  const server = await spawnBenchServer(
    {
      DATABASE_URL: socket ? overSocket(db.url, socket) : db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: `${env.redisPrefix}ab-${name}:`,
      LOG_LEVEL: 'warn',
      LOGIN_MAX_CONCURRENT: '8',
      ...rest,
    },
    root ? { cwd: root } : {},
  )
  const kit = { server: { url: server.url }, pool, databaseUrl: db.url, close: () => Promise.resolve() } as unknown as SyncTestEnv
  const devices = loadDevices(await mapLimit(Array.from({ length: active }), 4, () => signedInDevice(kit)))
  const listener = await signedInDevice(kit)
  const passive = await mapLimit(Array.from({ length: listeners }), 4, () => secondDevice(kit, listener))
  const streams: SseReader[] = []
  await mapLimit([...devices.map((d) => d.device), listener, ...passive], 20, async (device) => {
    streams.push(await readSse(`${server.url}/v1/sync/events`, device.headers))
  })
  await warmUp(devices, emptyCycle())
  return {
    name,
    server,
    pool,
    devices,
    streams,
    serverMs: [],
    postgresMs: [],
    rates: [],
    async close() {
      for (const stream of streams) stream.close()
      await server.stop().catch(() => null)
      await pool.end().catch(() => undefined)
      await db.drop().catch(() => undefined)
    },
  }
}

async function phase(side: Side, seconds: number): Promise<void> {
  const pid = side.server.child.pid!
  const serverBefore = processCpuMs(pid) ?? NaN
  const backendsBefore = await backendCpuMs(side.pool)
  const result = await closedLoop(side.devices, seconds)
  const serverMs = ((processCpuMs(pid) ?? NaN) - serverBefore) / result.cycles
  const postgresMs = (backendCpuSeconds(backendsBefore, await backendCpuMs(side.pool)) * 1000) / result.cycles
  side.serverMs.push(serverMs)
  side.postgresMs.push(postgresMs)
  side.rates.push(result.rate)
  log(
    `${side.name}: ${result.cycles} cycles, ${round(result.rate, 1)}/s, ${result.errors.length} errors; CPU per cycle server ${round(serverMs, 2)} ms, PostgreSQL ${round(postgresMs, 2)} ms (load ${loadAverage()})`,
  )
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      a: { type: 'string' },
      b: { type: 'string' },
      'a-env': { type: 'string' },
      'b-env': { type: 'string' },
      devices: { type: 'string', default: '20' },
      listeners: { type: 'string', default: '100' },
      rounds: { type: 'string', default: '4' },
      seconds: { type: 'string', default: '8' },
    },
  })
  const env = createBenchEnv()
  const sides: Side[] = []
  try {
    for (const [name, root, settings] of [
      ['A', values.a, values['a-env']],
      ['B', values.b, values['b-env']],
    ] as const) {
      sides.push(await startSide(env, name, root, parseEnv(settings), Number(values.devices), Number(values.listeners)))
      log(`${name}: ${root ?? 'this checkout'} ${settings ?? ''} ready`)
    }
    for (let r = 0; r < Number(values.rounds); r++) {
      for (const side of r % 2 === 0 ? sides : [...sides].reverse()) await phase(side, Number(values.seconds))
    }
    for (const side of sides) {
      log(
        `${side.name} median: server ${round(median(side.serverMs), 2)} ms, PostgreSQL ${round(median(side.postgresMs), 2)} ms per cycle, ${round(median(side.rates), 1)} cycles/s`,
      )
    }
  } finally {
    for (const side of sides) await side.close()
    await env.close()
  }
}

void main()

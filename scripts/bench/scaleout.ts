/**
 * Scenario 10: scale-out — two spawned `sync-server serve` instances (same PostgreSQL database and Redis prefix)
 * behind a round-robin balancer (balancer.ts, its own process on 127.0.0.1), N SSE streams and M devices pushing +
 * pulling for T seconds. The same load is first run against ONE instance through the same balancer code (a balancer
 * process with one upstream), then against both: throughput (push+pull cycles/s) of two over one is the scale-out.
 *
 * Fairness on the shared 2 cores: the load generator is this process in both phases, with the same devices, the same
 * settings and the same closed loop (each active device sends its next push when its previous pull answered); both
 * phases go through a balancer process; the CPU time of the generator, the balancer and each instance is reported per
 * phase (/proc/<pid>/stat, process.cpuUsage) so a generator that saturates shows. Instances are not pinned to cores:
 * a Node instance runs its JavaScript on one thread anyway, and pinning would forbid PostgreSQL, Redis, the balancer
 * and the generator the pinned core's idle time — the one-instance phase would then get a core less than it can use.
 *
 * Streams: M active devices (a user each, as in scenario 4) hold their own stream; the other N − M are held by
 * devices of one listening user, at most 40 streams per signed-in device — a stream costs the server the connection, a
 * token check and a poke-bus entry, and signing in 2,000 devices (argon2id each) would add a minute of setup and
 * nothing to what is measured. File descriptors: the generator needs one per stream, the balancer two and the
 * instances one each; the bench checks the soft limit (`ulimit -n`) and scales the streams down, saying so, if it is
 * too low; the balancer raises its own soft limit to the hard limit.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { createPool } from '../../sync-server/db/pool'
import { readSse, REPO_ROOT, spawnServerProcess, TEST_REDIS_URL, type ServerProcess, type SseReader } from '../../sync-server/test/support'
import { newId, secondDevice, signedInDevice, type SyncTestEnv, type TestDevice } from '../../sync-server/test/support/sync-kit'
import { figure, log, mapLimit, percentile, round, sleep, type Figure } from './common'
import { type BenchEnv } from './env'
import { cycle } from './load'

export interface ScaleOutOptions {
  readonly streams: number
  readonly active: number
  readonly seconds: number
}

interface Balancer {
  readonly url: string
  readonly pid: number
  stop(): Promise<void>
}

/** Starts balancer.ts in its own process (soft fd limit raised to the hard one) and waits for its port. */
async function startBalancer(upstreams: readonly string[]): Promise<Balancer> {
  const script = resolve(REPO_ROOT, 'scripts/bench/balancer.ts')
  const child: ChildProcess = spawn(
    '/bin/sh',
    ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"', process.execPath, '--import', 'tsx', script, ...upstreams],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const port = await new Promise<number>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`balancer did not start: ${output}`)), 30_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening (\d+)/.exec(chunk.toString())
      if (match) {
        clearTimeout(timer)
        ok(Number(match[1]))
      }
    })
    child.once('exit', (code) => fail(new Error(`balancer exited with ${code}: ${output}`)))
  })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat (clock ticks of 1/100 s). */
async function cpuSeconds(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return NaN
  }
}

/** The soft limit on open files of this process (what `ulimit -n` printed when it started). */
function openFilesLimit(): number {
  try {
    const match = /Max open files\s+(\d+|unlimited)/.exec(readFileSync('/proc/self/limits', 'utf8'))
    return match?.[1] === 'unlimited' ? Infinity : Number(match?.[1] ?? 1024)
  } catch {
    return 1024
  }
}

interface PhaseResult {
  readonly cycles: number
  readonly seconds: number
  readonly pushMs: number[]
  readonly pullMs: number[]
  readonly errors: string[]
  /** CPU seconds used during the load: generator, balancer, each instance. */
  readonly cpu: { generator: number; balancer: number; instances: number[] }
}

/** Opens the streams through the balancer, runs the load, closes the streams. */
async function runPhase(
  kit: { server: { url: string } },
  balancer: Balancer,
  instances: readonly ServerProcess[],
  holders: readonly TestDevice[],
  active: readonly TestDevice[],
  options: ScaleOutOptions,
): Promise<PhaseResult> {
  kit.server.url = balancer.url
  const streams: SseReader[] = []
  const errors: string[] = []
  try {
    const opened = await mapLimit(holders, 20, async (device) => {
      const reader = await readSse(`${balancer.url}/v1/sync/events`, device.headers)
      streams.push(reader)
      return reader.status
    })
    for (const status of opened) if (status !== 200) errors.push(`stream ${status}`)
    // Every stream got its `ready` event: it really reached an instance through the balancer.
    await Promise.all(streams.map((s) => s.next('ready', 30_000).catch(() => errors.push('stream: no ready event'))))
    await sleep(300)
    const pids = instances.map((i) => i.child.pid!)
    const before = { generator: process.cpuUsage(), balancer: await cpuSeconds(balancer.pid), instances: await Promise.all(pids.map(cpuSeconds)) }
    const load = { pushMs: [] as number[], pullMs: [] as number[], errors }
    const started = performance.now()
    const stopAt = Date.now() + options.seconds * 1000
    await Promise.all(
      active.map(async (device) => {
        const companyId = newId()
        for (let i = 0; Date.now() < stopAt; i++) await cycle(device, companyId, i, load)
      }),
    )
    const seconds = (performance.now() - started) / 1000
    const generatorUsage = process.cpuUsage(before.generator)
    const cpu = {
      generator: (generatorUsage.user + generatorUsage.system) / 1e6,
      balancer: (await cpuSeconds(balancer.pid)) - before.balancer,
      instances: await Promise.all(pids.map(async (pid, i) => (await cpuSeconds(pid)) - before.instances[i]!)),
    }
    return { cycles: load.pullMs.length, seconds, pushMs: load.pushMs, pullMs: load.pullMs, errors, cpu }
  } finally {
    for (const stream of streams) stream.close()
    await sleep(200)
  }
}

/** A figure whose target is "at most `max` × its floor". */
function withinFloor(max: number, input: Omit<Parameters<typeof figure>[0], 'met'>): Figure {
  const result = figure({ ...input, met: null })
  return { ...result, met: (result.ratio ?? Infinity) <= max }
}

export async function runScaleOutBench(env: BenchEnv, options: ScaleOutOptions, out: Figure[] = []): Promise<Figure[]> {
  const db = await env.database()
  const pool = createPool(db.url, { max: 2 })
  pool.on('error', () => undefined)
  const instances: ServerProcess[] = []
  const balancers: Balancer[] = []
  try {
    // One descriptor per stream here, plus sockets of the active devices, pg, Redis and the module files.
    const limit = openFilesLimit()
    const streams = Math.min(options.streams, Math.max(options.active, limit - options.active - 256))
    if (streams < options.streams) log(`10. ulimit -n is ${limit}: ${streams} streams instead of ${options.streams} (raise it with \`ulimit -n\`)`)

    const serverEnv = {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: `${env.redisPrefix}scale:`,
      LOG_LEVEL: 'warn',
      LOGIN_MAX_CONCURRENT: '8',
    }
    log('10. starting 2 server instances')
    instances.push(...(await Promise.all([spawnServerProcess(serverEnv, { timeoutMs: 60_000 }), spawnServerProcess(serverEnv, { timeoutMs: 60_000 })])))
    const [one, two] = await Promise.all([startBalancer([instances[0]!.url]), startBalancer(instances.map((i) => i.url))])
    balancers.push(one, two)
    const kit = { server: { url: two.url }, pool, databaseUrl: db.url, close: () => Promise.resolve() }
    const syncEnv = kit as unknown as SyncTestEnv

    log(`10. signing in ${options.active} active devices and the stream holders`)
    const active = await mapLimit(Array.from({ length: options.active }), 4, () => signedInDevice(syncEnv))
    const passive = streams - options.active
    const listener = await signedInDevice(syncEnv)
    const listeners = [
      listener,
      ...(await mapLimit(Array.from({ length: Math.max(0, Math.ceil(passive / 40) - 1) }), 4, () => secondDevice(syncEnv, listener))),
    ]
    const holders: TestDevice[] = [...active, ...Array.from({ length: passive }, (_, i) => listeners[i % listeners.length]!)]

    // Floor: the same push + pull cycle by one device, both instances idle, through the balancer.
    const floor = { pushMs: [] as number[], pullMs: [] as number[], errors: [] as string[] }
    const floorCompany = newId()
    for (let i = 0; i < 30; i++) await cycle(active[0]!, floorCompany, i, floor)

    log(`10. one instance: ${streams} streams, ${options.active} devices pushing and pulling for ${options.seconds} s`)
    const single = await runPhase(kit, one, [instances[0]!], holders, active, options)
    log(`10. two instances: the same load`)
    const double = await runPhase(kit, two, instances, holders, active, options)

    const scenario = '10. scale-out'
    const rate = (p: PhaseResult): number => p.cycles / p.seconds
    const cpuNote = (p: PhaseResult): string =>
      `CPU s: generator ${round(p.cpu.generator, 1)}, balancer ${round(p.cpu.balancer, 1)}, instance${p.cpu.instances.length > 1 ? 's' : ''} ${p.cpu.instances.map((s) => round(s, 1)).join(' + ')}`
    const setup = `${streams} SSE streams, ${options.active} pushing+pulling for ${options.seconds} s`
    const errors = double.errors.length
    const speedup = rate(double) / rate(single)
    const distinct = [...new Set([...double.errors, ...floor.errors])].slice(0, 3).join('; ')
    if (errors > 0 || single.errors.length > 0)
      for (const instance of instances) log(`10. instance said: ${instance.output().split('\n').slice(-5).join(' | ')}`)
    const p99 = (samples: number[]): number => round(percentile(samples, 99), 1)
    out.push(
      figure({
        scenario,
        metric: `errors, 2 instances (${setup}, ${double.cycles} cycles; 1 instance: ${single.errors.length} errors)`,
        value: errors,
        unit: 'errors',
        floor: null,
        floorLabel: '—',
        target: '0',
        met: errors === 0 && floor.errors.length === 0,
        direction: 'lower-is-better',
        ...(distinct ? { notes: distinct } : {}),
      }),
      withinFloor(5, {
        scenario,
        metric: `p99 push latency, 2 instances — p50 ${round(percentile(double.pushMs, 50), 1)} ms; 1 instance p99 ${p99(single.pushMs)} ms`,
        value: p99(double.pushMs),
        unit: 'ms',
        floor: p99(floor.pushMs),
        floorLabel: 'p99 of the same push by 1 device, idle instances, through the balancer',
        target: '≤ 5× floor',
        direction: 'lower-is-better',
      }),
      withinFloor(5, {
        scenario,
        metric: `p99 pull latency, 2 instances — p50 ${round(percentile(double.pullMs, 50), 1)} ms; 1 instance p99 ${p99(single.pullMs)} ms`,
        value: p99(double.pullMs),
        unit: 'ms',
        floor: p99(floor.pullMs),
        floorLabel: 'p99 of the same pull by 1 device, idle instances, through the balancer',
        target: '≤ 5× floor',
        direction: 'lower-is-better',
      }),
      figure({
        scenario,
        metric: `throughput, 2 instances: ${round(speedup, 2)}× one instance (${cpuNote(double)}; 1 instance: ${cpuNote(single)})`,
        value: round(rate(double), 1),
        unit: 'cycles/s',
        floor: round(rate(single), 1),
        floorLabel: 'push+pull cycles/s of ONE instance, same load, same generator, same run',
        target: '≥ 1.7× one instance',
        met: speedup >= 1.7,
        direction: 'higher-is-better',
      }),
    )
    return out
  } finally {
    for (const balancer of balancers) await balancer.stop().catch(() => undefined)
    for (const instance of instances) await instance.stop().catch(() => null)
    await pool.end().catch(() => undefined)
    await db.drop().catch(() => undefined)
  }
}

/**
 * Scenario 4: one spawned server process (the real CLI, so its memory is its own: /proc/<pid>/status VmRSS) with N
 * devices holding SSE streams while M of them push and pull (offered-load.ts):
 *
 * 1. latency at a stated offered load, open loop: each active device one push+pull cycle every 1 / `perDeviceHz`
 *    seconds (1 s in every mode), push latency counted from the cycle's scheduled start — issue 20's p99 target (≤ 5×
 *    the idle p99) is checked here. Why one a second: a device syncs its local edits 1 s after the last of a burst
 *    (src/main/core/sync/loop.ts DEFAULT_DEBOUNCE_MS), so one push+pull a second is what a device that never stops
 *    editing sends; a consultant's edits (a call logged, a contact corrected) come minutes apart, so this is a
 *    pessimistic "active";
 * 2. capacity, closed loop: the same devices with no think time for `capacitySeconds` — cycles/s, with its p50/p99
 *    recorded but no ratio target (its latency is devices ÷ throughput by Little's law, not the server's);
 * 3. optionally (`curve`, full run): the open loop again at shares of that capacity, `curveSeconds` each.
 */
import { createPool } from '../../sync-server/db/pool'
import { readSse, TEST_REDIS_URL, type ServerProcess, type SseReader } from '../../sync-server/test/support'
import { newId, secondDevice, signedInDevice, type SyncTestEnv, type TestDevice } from '../../sync-server/test/support/sync-kit'
import { figure, log, mapLimit, percentile, round, rssMb, sleep, type Figure } from './common'
import { backendCpuMs, backendCpuSeconds, busyShare, loadAverage, machineJiffies } from './cpu-budget'
import { closedLoop, cycle, emptyCycle, latencies, loadDevices, openLoop, openLoopNote, warmUp, type LoadDevice, type LoopResult } from './offered-load'
import { type BenchEnv } from './env'
import { processCpuMs, spawnBenchServer } from './server-process'

export interface LoadBenchOptions {
  readonly devices: number
  readonly active: number
  /** Length of the open-loop phase (the target's measurement). */
  readonly seconds: number
  /** Cycles per second of each active device in the open loop. */
  readonly perDeviceHz: number
  readonly capacitySeconds: number
  /** Shares of the measured capacity (e.g. [0.25, 0.5, 0.75]) to offer in short open-loop phases; [] for none. */
  readonly curve: readonly number[]
  readonly curveSeconds: number
  /** Cycles of the idle floor (its p99 is the target's denominator: 30 samples make p99 their maximum). */
  readonly floorCycles: number
}

/** Distinct warn/error messages from the server's JSON log lines, with the error's own message. */
export function serverProblems(output: string, limit = 5): string[] {
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
    const active = loadDevices(await mapLimit(Array.from({ length: options.active }), 4, () => signedInDevice(kit)))
    const listener = await signedInDevice(kit)
    const passive = await mapLimit(Array.from({ length: Math.max(0, options.devices - options.active - 1) }), 4, () => secondDevice(kit, listener))
    const all: TestDevice[] = [...active.map((a) => a.device), listener, ...passive]

    // Floor: the same push + pull cycle by one device on the otherwise idle server (its first cycle, the create, too).
    const floor = emptyCycle()
    const floorDevice: LoadDevice = { device: active[0]!.device, companyId: newId(), rounds: 0 }
    for (let i = 0; i < options.floorCycles; i++) await cycle(floorDevice, floor)

    log(`4. opening ${all.length} SSE streams`)
    const opened = await mapLimit(all, 20, async (device) => {
      const reader = await readSse(`${server!.url}/v1/sync/events`, device.headers)
      streams.push(reader)
      return reader.status
    })
    const sseErrors = opened.filter((status) => status !== 200).length
    await sleep(500)
    const connectedRss = (await rssMb(pid)) ?? NaN

    const warm = emptyCycle()
    await warmUp(active, warm)
    let peakRss = connectedRss
    const sampler = setInterval(() => {
      void rssMb(pid).then((mb) => {
        if (mb !== null) peakRss = Math.max(peakRss, mb)
      })
    }, 250)
    // How busy the whole machine was in each phase (the neighbours included): at 100% the capacity is the machine's.
    const busyIn = new Map<LoopResult, number>()
    const phase = async (label: string, run: () => Promise<LoopResult>): Promise<LoopResult> => {
      log(`4. ${label} (load ${loadAverage()})`)
      const before = machineJiffies()
      // CPU per cycle of the server process and of PostgreSQL's backends (less swayed by the neighbours than latency).
      const serverBefore = processCpuMs(pid) ?? NaN
      const backendsBefore = await backendCpuMs(pool)
      const result = await run()
      const busy = busyShare(before, machineJiffies())
      const serverMs = ((processCpuMs(pid) ?? NaN) - serverBefore) / result.cycles
      const postgresMs = (backendCpuSeconds(backendsBefore, await backendCpuMs(pool)) * 1000) / result.cycles
      busyIn.set(result, busy)
      log(
        `4.   ${result.cycles} cycles, ${round(result.rate, 1)} cycles/s, ${latencies(result)}; machine ${Math.round(busy * 100)}% busy; CPU per cycle: server ${round(serverMs, 2)} ms, PostgreSQL ${round(postgresMs, 2)} ms`,
      )
      return result
    }
    // The target's measurement: a stated offered load, open loop (offered-load.ts).
    const open = await phase(`${options.active} devices, open loop, ${options.perDeviceHz} cycle/s each for ${options.seconds} s`, () =>
      openLoop(active, options.perDeviceHz, options.seconds),
    )
    // Capacity: the same devices with no think time (what this scenario measured until the sixth round).
    const closed = await phase(`${options.active} devices, closed loop (capacity) for ${options.capacitySeconds} s`, () =>
      closedLoop(active, options.capacitySeconds),
    )
    const curve: { share: number; result: LoopResult }[] = []
    for (const share of options.curve) {
      const hz = (share * closed.rate) / options.active
      curve.push({
        share,
        result: await phase(`open loop at ${share * 100}% of capacity for ${options.curveSeconds} s`, () => openLoop(active, hz, options.curveSeconds)),
      })
    }
    clearInterval(sampler)
    const endRss = (await rssMb(pid)) ?? NaN
    peakRss = Math.max(peakRss, endRss)
    const phases = [open, closed, ...curve.map((c) => c.result)]
    const loadErrors = phases.flatMap((p) => p.errors)
    const errors = loadErrors.length + sseErrors + floor.errors.length + warm.errors.length
    const scenario = '4. server under load'
    const setup = `${options.devices} SSE devices, ${options.active} active: ${open.cycles} cycles open loop (${options.seconds} s) + ${closed.cycles} closed loop (${options.capacitySeconds} s)${curve.length > 0 ? ` + ${curve.map((c) => c.result.cycles).join(' + ')} (curve)` : ''}`
    const distinctErrors = [...new Set([...floor.errors, ...warm.errors, ...loadErrors])].slice(0, 3).join('; ')
    // What the server logged about the failures (warn and above), so a miss comes with its cause.
    if (errors > 0) for (const line of serverProblems(server.output())) log(`4. server said: ${line}`)
    const p = (samples: readonly number[], q: number): number => round(percentile(samples, q), 1)
    const offered = `${options.active} devices × ${options.perDeviceHz} cycle/s, open loop (push latency from its scheduled start)`
    const latencyTarget = (value: number, floorP99: number): boolean => value <= 5 * floorP99
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
        metric: `p99 push latency (1 mutation) at ${offered} — p50 ${p(open.pushMs, 50)} ms; ${openLoopNote(open)}; machine ${Math.round((busyIn.get(open) ?? NaN) * 100)}% busy`,
        value: p(open.pushMs, 99),
        unit: 'ms',
        floor: p(floor.pushMs, 99),
        floorLabel: `p99 of the same push by 1 device on the idle server (${floor.pushMs.length} pushes)`,
        target: '≤ 5× floor',
        met: latencyTarget(percentile(open.pushMs, 99), percentile(floor.pushMs, 99)) && open.notStarted === 0,
        direction: 'lower-is-better',
      }),
      figure({
        scenario,
        metric: `p99 pull latency (1 page) at the same load — p50 ${p(open.pullMs, 50)} ms`,
        value: p(open.pullMs, 99),
        unit: 'ms',
        floor: p(floor.pullMs, 99),
        floorLabel: `p99 of the same pull by 1 device on the idle server (${floor.pullMs.length} pulls)`,
        target: '≤ 5× floor',
        met: latencyTarget(percentile(open.pullMs, 99), percentile(floor.pullMs, 99)) && open.notStarted === 0,
        direction: 'lower-is-better',
      }),
      figure({
        scenario,
        metric: `capacity: cycles/s with ${options.active} devices in a closed loop (no think time; latency there is devices ÷ throughput by Little's law: ${round((options.active / closed.rate) * 1000, 0)} ms a cycle) — ${latencies(closed)}; machine ${Math.round((busyIn.get(closed) ?? NaN) * 100)}% busy`,
        value: round(closed.rate, 1),
        unit: 'cycles/s',
        floor: null,
        floorLabel: '—',
        target: '— (recorded)',
        met: null,
        direction: 'higher-is-better',
      }),
      ...curve.map(({ share, result }) =>
        figure({
          scenario,
          metric: `p99 push latency at ${share * 100}% of that capacity, open loop (${options.curveSeconds} s) — ${latencies(result)}; ${openLoopNote(result)}`,
          value: p(result.pushMs, 99),
          unit: 'ms',
          floor: p(floor.pushMs, 99),
          floorLabel: 'p99 of the same push by 1 device on the idle server',
          target: '— (recorded)',
          met: null,
          direction: 'lower-is-better',
        }),
      ),
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

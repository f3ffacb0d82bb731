/**
 * How the load scenarios (4, server under load; 10, scale-out) drive their active devices, in two shapes:
 *
 * - **closed loop** (capacity): each device sends its next push as soon as its previous pull answered, no think time.
 *   That saturates the machine by construction, so its latency is not the server's: by Little's law the time of a
 *   cycle is just devices ÷ throughput (50 devices at 208 cycles/s: 240 ms a cycle, whatever the server does). What it
 *   measures is throughput: cycles/s at saturation.
 * - **open loop** (latency at a stated offered load): each device has a fixed schedule — one cycle every 1/rate
 *   seconds from a random phase — whatever the server answers. A cycle that starts late (its device's previous cycle
 *   ran past this one's slot) starts at once, and its push latency is counted from its **scheduled** start, not from
 *   when it was sent (coordinated-omission correction: a slow server cannot hide its slowness by delaying the load
 *   that would have measured it). Cycles still unstarted when the phase ends are counted as not started; when there
 *   are any, the server did not carry the offered load and the percentiles are a lower bound.
 *
 * A cycle is one device's push of one company edit, then one pull page (the pull is sent when the push answers, as a
 * device does after its own push, so its latency is its own).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { companyFields, newId, type TestDevice } from '../../sync-server/test/support/sync-kit'
import { percentile, round, sleep } from './common'

/** What push+pull cycles measured. */
export interface Cycle {
  /** Push latency; in an open loop from the cycle's scheduled start. */
  pushMs: number[]
  /** Push latency from when it was sent (the same as pushMs in a closed loop): the server's part of a late cycle. */
  pushSentMs: number[]
  pullMs: number[]
  errors: string[]
}

export const emptyCycle = (): Cycle => ({ pushMs: [], pushSentMs: [], pullMs: [], errors: [] })

/** An active device and the company it edits: its first cycle creates it, the later ones edit it (across phases). */
export interface LoadDevice {
  readonly device: TestDevice
  readonly companyId: string
  rounds: number
}

export const loadDevices = (devices: readonly TestDevice[]): LoadDevice[] => devices.map((device) => ({ device, companyId: newId(), rounds: 0 }))

/**
 * One device's push of one company edit, then one pull page: the load scenarios' unit of work. `scheduledAt`
 * (performance.now() time) is when an open loop meant to start it: the push's latency is counted from there.
 */
export async function cycle(load: LoadDevice, into: Cycle, scheduledAt?: number): Promise<void> {
  const { device, companyId } = load
  const round_ = load.rounds++
  try {
    const mutation = device.mutation({
      table: 'companies',
      id: companyId,
      fields: round_ === 0 ? companyFields(device.userId) : { description: `부하 ${round_}` },
    })
    let started = performance.now()
    const pushed = await device.push([mutation])
    const answered = performance.now()
    into.pushMs.push(answered - (scheduledAt ?? started))
    into.pushSentMs.push(answered - started)
    // A failed push ends the cycle (a device would retry it later): one error per cycle at most.
    if (pushed.status !== 200) return void into.errors.push(`push ${pushed.status}`)
    if (pushed.body.results.some((r) => r.status === 'rejected')) return void into.errors.push('push rejected')
    started = performance.now()
    await device.pullPage()
    into.pullMs.push(performance.now() - started)
  } catch (error) {
    into.errors.push(error instanceof Error ? error.message.slice(0, 120) : String(error))
  }
}

export interface LoopResult extends Cycle {
  readonly shape: 'closed' | 'open'
  /** Cycles sent (each ends with its pull answered or with an error). */
  readonly cycles: number
  readonly seconds: number
  /**
   * Cycles per second that ended with their pull answered within the phase's `seconds` (the drain after it and the
   * cycles that failed — a 503 is quick and carries nothing — are not counted); a closed loop counts its whole phase,
   * drain included (closedLoop).
   */
  readonly rate: number
  /** Open loop: the offered cycles/s over all devices; null for a closed loop. */
  readonly offered: number | null
  /** Open loop: cycles whose slot came before the end but which never started (the server fell behind). */
  readonly notStarted: number
  /** Open loop: p99 of (actual start − scheduled start), ms — the generator's own timer lag plus any backlog. */
  readonly startLagP99: number
  /** p99 and maximum of this process's event-loop delay during the phase, ms: a busy or descheduled generator. */
  readonly generatorLagP99: number
  readonly generatorLagMax: number
}

function lagMonitor(): { stop(): { generatorLagP99: number; generatorLagMax: number } } {
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  histogram.enable()
  return {
    stop() {
      histogram.disable()
      const some = histogram.count > 0
      return { generatorLagP99: some ? histogram.percentile(99) / 1e6 : NaN, generatorLagMax: some ? histogram.max / 1e6 : NaN }
    },
  }
}

/** One cycle of one device (`cycle`; a stand-in in the tests). */
export type CycleWork = (load: LoadDevice, into: Cycle, scheduledAt?: number) => Promise<void>

/**
 * Every device cycles back to back for `seconds` (no think time): throughput at saturation. The rate is the answered
 * cycles over the whole phase, the drain after `seconds` included: the phase starts and ends with no cycle in flight,
 * so that is its mean throughput. (Counting only the cycles that end within `seconds` is not: all devices start
 * together and share the machine, so their cycles end in waves one cycle time apart — 13 s with 200 devices on one
 * capped instance — and a 30 s window holds one or two of them.)
 */
export async function closedLoop(devices: readonly LoadDevice[], seconds: number, work: CycleWork = cycle): Promise<LoopResult> {
  const into = emptyCycle()
  const lag = lagMonitor()
  const started = performance.now()
  const stopAt = started + seconds * 1000
  let cycles = 0
  await Promise.all(
    devices.map(async (load) => {
      while (performance.now() < stopAt) {
        await work(load, into)
        cycles += 1
      }
    }),
  )
  const rate = into.pullMs.length / ((performance.now() - started) / 1000)
  return { ...into, shape: 'closed', cycles, seconds, rate, offered: null, notStarted: 0, startLagP99: 0, ...lag.stop() }
}

/**
 * Each device starts one cycle every 1000 / `perDeviceHz` ms from a random phase, for `seconds`; a late cycle starts
 * at once and its push latency counts from its slot (see the module comment).
 */
export async function openLoop(devices: readonly LoadDevice[], perDeviceHz: number, seconds: number, work: CycleWork = cycle): Promise<LoopResult> {
  const into = emptyCycle()
  const period = 1000 / perDeviceHz
  const lags: number[] = []
  let notStarted = 0
  let cycles = 0
  let inTime = 0
  const lag = lagMonitor()
  const started = performance.now() + 20
  const stopAt = started + seconds * 1000
  await Promise.all(
    devices.map(async (load) => {
      for (let slot = started + Math.random() * period; slot < stopAt; slot += period) {
        const wait = slot - performance.now()
        if (wait > 0) await sleep(wait)
        const now = performance.now()
        if (now >= stopAt) {
          notStarted += Math.ceil((stopAt - slot) / period)
          return
        }
        lags.push(now - slot)
        const answered = into.pullMs.length
        await work(load, into, slot)
        cycles += 1
        if (into.pullMs.length > answered && performance.now() <= stopAt) inTime += 1
      }
    }),
  )
  return {
    ...into,
    shape: 'open',
    cycles,
    seconds,
    rate: inTime / seconds,
    offered: perDeviceHz * devices.length,
    notStarted,
    startLagP99: percentile(lags, 99),
    ...lag.stop(),
  }
}

/**
 * Each device's first cycle (the create of the company it then edits), 4 at a time, before any timed phase: a create
 * takes the scope lock exclusively (a new `account_manager_id`), so all devices creating in the same second queue
 * behind each other — a start-up burst no steady load has (the idle floor's first cycle is a create too).
 */
export async function warmUp(devices: readonly LoadDevice[], into: Cycle): Promise<void> {
  const pending = devices.filter((load) => load.rounds === 0)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(4, pending.length) }, async () => {
      while (next < pending.length) await cycle(pending[next++]!, into)
    }),
  )
}

const ms = (samples: readonly number[], p: number): number => round(percentile(samples, p), 1)

/** "push p50 / p99 a / b ms, pull p50 / p99 c / d ms" */
export function latencies(result: Cycle): string {
  return `push p50 / p99 ${ms(result.pushMs, 50)} / ${ms(result.pushMs, 99)} ms, pull p50 / p99 ${ms(result.pullMs, 50)} / ${ms(result.pullMs, 99)} ms`
}

/** How an open-loop phase went: offered vs carried, lateness, the generator's own lag. */
export function openLoopNote(result: LoopResult): string {
  const carried = `offered ${round(result.offered ?? 0, 1)} cycles/s, carried ${round(result.rate, 1)}`
  const behind =
    result.notStarted > 0 ? `; ${result.notStarted} cycles never started (the load was above what it carried: the percentiles are a lower bound)` : ''
  // A generator stall delays every cycle due meanwhile, and the correction counts that against the server: the push
  // p99 from its send and the stall's maximum say how much of a p99 is the generator's.
  return (
    `${carried}${behind}; push p99 from its send ${round(percentile(result.pushSentMs, 99), 1)} ms; start lag p99 ${round(result.startLagP99, 1)} ms, ` +
    `generator event-loop delay p99 / max ${round(result.generatorLagP99, 1)} / ${round(result.generatorLagMax, 0)} ms`
  )
}

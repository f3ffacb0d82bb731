/**
 * Poke watermark (docs/sync-protocol.md § Pokes). A poke for a push carries the committing transaction's id T. The
 * pull horizon (pg_snapshot_xmin) is cluster-wide: when the poke arrives it may not have passed T yet, and the pull
 * the poke triggers comes back without T's changes. So after each successful sync, while the stored watermark is not
 * above T (every change of a transaction below the watermark has been delivered), pull again after a short backoff —
 * 10, 20, 40 … ms (each wait at most 1 s) for about 5 s in all; after that the periodic sync takes over. The first
 * waits are short because what holds the horizon is usually another push committing a few ms later, and a colleague's
 * edit is on someone's open screen waiting (docs/benchmarks.md, scenario 8); an empty re-pull costs one indexed read.
 * A poke without a txid (an older server) just triggers one sync, as before.
 */
import { type Timers, type TimerHandle } from './timers'

export interface PokeChaseOptions {
  readonly timers: Timers
  /** Start a sync (the loop's trigger('poke'); coalesced with a running one). */
  readonly trigger: () => void
  /** The stored watermark (decimal xid8), null before the first complete pull. */
  readonly watermark: () => string | null
  readonly baseMs?: number
  readonly maxDelayMs?: number
  /** Give up (leave it to the periodic sync) once this long has passed since the poke. */
  readonly maxWaitMs?: number
}

export interface PokeChaser {
  /** A poke arrived; `txid` is its payload's txid (anything else is ignored). */
  poke(txid: unknown): void
  /** A sync completed: pull again later if the watermark has not passed the poked transaction yet. */
  synced(): void
  /** Forget the target and cancel the timer (sign-out, stop). */
  stop(): void
  readonly target: bigint | null
}

export const POKE_CHASE_BASE_MS = 10
export const POKE_CHASE_MAX_DELAY_MS = 1_000
export const POKE_CHASE_MAX_WAIT_MS = 5_000

function parseXid(value: unknown): bigint | null {
  return typeof value === 'string' && /^\d{1,20}$/.test(value) ? BigInt(value) : null
}

export function createPokeChaser(options: PokeChaseOptions): PokeChaser {
  const { timers } = options
  const baseMs = options.baseMs ?? POKE_CHASE_BASE_MS
  const maxDelayMs = options.maxDelayMs ?? POKE_CHASE_MAX_DELAY_MS
  const maxWaitMs = options.maxWaitMs ?? POKE_CHASE_MAX_WAIT_MS
  let target: bigint | null = null
  let since = 0
  let delay = baseMs
  let timer: TimerHandle | null = null

  const cancel = (): void => {
    if (timer !== null) timers.clearTimeout(timer)
    timer = null
  }
  const reset = (): void => {
    cancel()
    target = null
  }
  const passed = (): boolean => {
    if (target === null) return true
    const watermark = parseXid(options.watermark())
    return watermark !== null && watermark > target
  }

  return {
    poke(txid) {
      const t = parseXid(txid)
      if (t !== null && (target === null || t > target)) {
        // A newer commit: a fresh chase (short waits again).
        target = t
        since = timers.now()
        delay = baseMs
        cancel()
      }
      options.trigger()
    },
    synced() {
      if (target === null) return
      if (passed()) return reset()
      if (timer !== null) return
      const elapsed = timers.now() - since
      if (elapsed + delay > maxWaitMs) return reset()
      const wait = delay
      delay = Math.min(delay * 2, maxDelayMs)
      timer = timers.setTimeout(() => {
        timer = null
        options.trigger()
      }, wait)
    },
    stop: reset,
    get target() {
      return target
    },
  }
}

/**
 * When to sync. Triggers: start, local changes (debounced, so typing a note is one sync not fifty), a server poke,
 * a reconnect, and a periodic timer (pokes are hints and may be lost). Failures back off exponentially with full
 * jitter, capped, so a fleet of laptops coming back online does not hammer the server in lockstep.
 *
 * Single flight: never two syncs at once (they would push the same outbox entries twice and race on the cursor);
 * any number of triggers during a sync schedule exactly one more.
 */
import { fullJitterDelay, realTimers, type BackoffOptions, type Timers, type TimerHandle } from './timers'

export const SYNC_TRIGGERS = ['start', 'local', 'poke', 'reconnect', 'periodic', 'manual', 'retry'] as const
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number]

export interface SyncLoopOptions {
  /** One sync (SyncEngine.syncOnce). */
  readonly run: () => Promise<unknown>
  readonly timers?: Timers
  readonly random?: () => number
  /** Quiet time after the last local change before syncing. */
  readonly debounceMs?: number
  readonly periodMs?: number
  readonly backoff?: BackoffOptions
  /**
   * False for failures only the user can fix (sign in again, update the app): the loop pauses — no retries, no
   * periodic syncs — until resume() or a manual trigger.
   */
  readonly shouldRetry?: (error: unknown) => boolean
  /** A server-requested minimum wait (HTTP 429 Retry-After). */
  readonly retryAfterMs?: (error: unknown) => number | undefined
  readonly onStart?: (trigger: SyncTrigger) => void
  readonly onSuccess?: () => void
  /** `retryInMs` is null when the loop paused. */
  readonly onError?: (error: unknown, retryInMs: number | null) => void
}

export interface SyncLoop {
  /** Sync now and keep syncing periodically. */
  start(): void
  /** Cancel every timer and wait for a running sync to finish. */
  stop(): Promise<void>
  /** Sync as soon as possible (coalesced with a running sync). */
  trigger(reason: SyncTrigger): void
  /** A local write committed: sync after the debounce. */
  notifyLocalChange(): void
  /** Leave the paused state (after sign-in) and sync. */
  resume(): void
  /** Resolves when no sync is running or queued (tests). */
  idle(): Promise<void>
  readonly state: { readonly running: boolean; readonly paused: boolean; readonly failures: number; readonly retryAt: number | null }
}

export const DEFAULT_DEBOUNCE_MS = 1_000
export const DEFAULT_PERIOD_MS = 60_000
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 5 * 60_000 }

export function createSyncLoop(options: SyncLoopOptions): SyncLoop {
  const timers = options.timers ?? realTimers
  const random = options.random ?? Math.random
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS
  const periodMs = options.periodMs ?? DEFAULT_PERIOD_MS
  const backoff = options.backoff ?? DEFAULT_BACKOFF
  const shouldRetry = options.shouldRetry ?? (() => true)

  let started = false
  let paused = false
  let inFlight: Promise<void> | null = null
  let again: SyncTrigger | null = null
  let failures = 0
  let retryAt: number | null = null
  let debounceTimer: TimerHandle | null = null
  let retryTimer: TimerHandle | null = null
  let periodicTimer: TimerHandle | null = null
  let idleWaiters: Array<() => void> = []

  const clear = (handle: TimerHandle | null): null => {
    if (handle !== null) timers.clearTimeout(handle)
    return null
  }

  const armPeriodic = (): void => {
    periodicTimer = clear(periodicTimer)
    if (started && !paused) periodicTimer = timers.setTimeout(() => trigger('periodic'), periodMs)
  }

  const settleIdle = (): void => {
    if (inFlight || again) return
    const waiters = idleWaiters
    idleWaiters = []
    for (const resolve of waiters) resolve()
  }

  const runNow = (reason: SyncTrigger): void => {
    if (inFlight) {
      again = again ?? reason
      return
    }
    debounceTimer = clear(debounceTimer)
    retryTimer = clear(retryTimer)
    retryAt = null
    options.onStart?.(reason)
    inFlight = (async () => {
      // Yield first so `inFlight` is assigned before anything below runs, even if run() throws synchronously.
      await Promise.resolve()
      let failed: unknown = null
      let ok = false
      try {
        await options.run()
        ok = true
      } catch (error) {
        failed = error
      }
      inFlight = null
      if (!started) return
      if (ok) {
        failures = 0
        options.onSuccess?.()
        armPeriodic()
        if (again) {
          const next = again
          again = null
          runNow(next)
        }
        return
      }
      // A failure: the retry below also covers any trigger that arrived meanwhile.
      again = null
      if (!shouldRetry(failed)) {
        paused = true
        periodicTimer = clear(periodicTimer)
        options.onError?.(failed, null)
        return
      }
      const delay = Math.max(fullJitterDelay(failures, backoff, random), options.retryAfterMs?.(failed) ?? 0)
      failures += 1
      retryAt = timers.now() + delay
      retryTimer = timers.setTimeout(() => runNow('retry'), delay)
      armPeriodic()
      options.onError?.(failed, delay)
    })().finally(settleIdle)
  }

  function trigger(reason: SyncTrigger): void {
    if (!started) return
    if (paused && reason !== 'manual') return
    if (reason === 'manual') paused = false
    // While backing off, only a sign that the server is back (poke, reconnect) or the user asking skips the wait;
    // the periodic timer and local edits wait for the scheduled retry, which will carry them.
    if (retryTimer !== null && (reason === 'periodic' || reason === 'local')) return
    runNow(reason)
  }

  return {
    start() {
      if (started) return
      started = true
      paused = false
      runNow('start')
      armPeriodic()
    },

    async stop() {
      started = false
      debounceTimer = clear(debounceTimer)
      retryTimer = clear(retryTimer)
      periodicTimer = clear(periodicTimer)
      again = null
      retryAt = null
      if (inFlight) await inFlight
    },

    trigger,

    notifyLocalChange() {
      if (!started || paused) return
      debounceTimer = clear(debounceTimer)
      debounceTimer = timers.setTimeout(() => {
        debounceTimer = null
        trigger('local')
      }, debounceMs)
    },

    resume() {
      if (!started) return
      paused = false
      failures = 0
      runNow('manual')
      armPeriodic()
    },

    idle() {
      if (!inFlight && !again) return Promise.resolve()
      return new Promise((resolve) => idleWaiters.push(resolve))
    },

    get state() {
      return { running: inFlight !== null, paused, failures, retryAt }
    },
  }
}

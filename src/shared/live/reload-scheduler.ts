/**
 * When to reload after change notices: soon after the first one, then at most once per interval, the interval doubling
 * while notices keep coming (a 100k-row first sync is 20+ pull pages in a few seconds: it costs a handful of reloads,
 * not one per page) and resetting after a quiet spell. A reload never overlaps itself; notices that arrive while one
 * runs cause exactly one more. Pure (timers injected) so it is tested under Node.
 *
 * Only bulk notices (a pull page too large to name its rows) grow the interval. A notice naming its few rows — a
 * colleague's edit, a mark on a roster — is what the user is waiting to see: it reloads after the short first delay, at
 * most once per minimum interval however often such notices come. (With the backoff for every notice, a colleague
 * editing every ~150 ms pushed B's screen 2 s behind: docs/benchmarks.md, scenario 8.)
 */
export interface SchedulerTimers {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const browserTimers: SchedulerTimers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface ReloadSchedulerOptions {
  /** Delay after the first notice of a quiet period: lets notices of the same moment (several pages) land together. */
  readonly firstDelayMs?: number
  /** Minimum time between two reloads while notices keep coming; doubles up to maxIntervalMs. */
  readonly minIntervalMs?: number
  readonly maxIntervalMs?: number
  readonly timers?: SchedulerTimers
}

/** `rows`: the notice names its (few) rows; `bulk`: a page of many (grows the backoff). */
export type NoticeSize = 'rows' | 'bulk'

export interface ReloadScheduler {
  /** Something this reload depends on changed. */
  notify(size?: NoticeSize): void
  /** Stop: no pending reload runs. */
  cancel(): void
}

export const RELOAD_FIRST_DELAY_MS = 16
export const RELOAD_MIN_INTERVAL_MS = 100
export const RELOAD_MAX_INTERVAL_MS = 2_000

export function createReloadScheduler(reload: () => unknown, options: ReloadSchedulerOptions = {}): ReloadScheduler {
  const timers = options.timers ?? browserTimers
  const firstDelay = options.firstDelayMs ?? RELOAD_FIRST_DELAY_MS
  const minInterval = options.minIntervalMs ?? RELOAD_MIN_INTERVAL_MS
  const maxInterval = options.maxIntervalMs ?? RELOAD_MAX_INTERVAL_MS
  let interval = minInterval
  let lastStart = Number.NEGATIVE_INFINITY
  let timer: unknown = null
  let running = false
  let dirty = false
  let cancelled = false
  /** A bulk notice arrived since the last reload started. */
  let bulk = false

  const schedule = (): void => {
    if (timer !== null || running || cancelled) return
    const now = timers.now()
    const sinceLast = now - lastStart
    let delay: number
    if (!bulk) {
      // Only rows named: at once (the next turn of the event loop still gathers notices of the same moment), and never
      // more often than the minimum interval; the backoff is left as it is.
      delay = Math.max(0, minInterval - sinceLast)
    } else if (sinceLast >= interval * 2) {
      // Quiet for a while: react fast, and start the backoff over.
      interval = minInterval
      delay = firstDelay
    } else {
      delay = Math.max(firstDelay, interval - sinceLast)
      interval = Math.min(maxInterval, interval * 2)
    }
    timer = timers.setTimeout(run, delay)
  }

  const run = (): void => {
    timer = null
    if (cancelled) return
    running = true
    dirty = false
    bulk = false
    lastStart = timers.now()
    let result: unknown
    try {
      result = reload()
    } catch {
      result = undefined
    }
    void Promise.resolve(result)
      .catch(() => undefined)
      .finally(() => {
        running = false
        if (dirty) schedule()
      })
  }

  return {
    notify(size = 'bulk') {
      if (cancelled) return
      if (size === 'bulk') bulk = true
      if (running) {
        dirty = true
        return
      }
      schedule()
    },
    cancel() {
      cancelled = true
      if (timer !== null) timers.clearTimeout(timer)
      timer = null
    },
  }
}

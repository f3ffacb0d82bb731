/**
 * Injected time for everything that waits (the sync loop, SSE reconnects), so tests drive it with fake timers and a
 * seeded random instead of sleeping.
 */

export type TimerHandle = unknown

export interface Timers {
  setTimeout(fn: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
  now(): number
}

export const realTimers: Timers = {
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, ms)
    // A pending retry must never keep a Node process (tests, CLI) alive on its own.
    handle.unref?.()
    return handle
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>)
  },
  now: () => Date.now(),
}

export interface BackoffOptions {
  readonly baseMs: number
  readonly capMs: number
}

/**
 * "Full jitter" exponential backoff: a uniformly random delay in [0, min(cap, base·2^attempt)). Spreading retries over
 * the whole window is what keeps a fleet of laptops that lost the server together from reconnecting together
 * (a thundering herd every interval) — see the AWS architecture blog "Exponential Backoff And Jitter".
 * `attempt` counts failures so far, starting at 0.
 */
export function fullJitterDelay(attempt: number, { baseMs, capMs }: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30))
  return Math.floor(random() * ceiling)
}

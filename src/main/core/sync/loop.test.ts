import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SyncError } from './errors'
import { createSyncLoop, type SyncLoop, type SyncLoopOptions } from './loop'
import { fullJitterDelay, type Timers } from './timers'

/** vitest's fake timers behind the injected Timers interface. */
const fakeTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
}

interface Deferred {
  resolve(): void
  reject(error: unknown): void
}

/** A run() whose calls are counted and finished by the test. */
function controllableRun() {
  const calls: Deferred[] = []
  const run = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        calls.push({ resolve, reject })
      }),
  )
  return { run, calls }
}

const settle = () => vi.advanceTimersByTimeAsync(0)

describe('full jitter', () => {
  it('stays within [0, min(cap, base·2^attempt))', () => {
    const backoff = { baseMs: 1_000, capMs: 30_000 }
    expect(fullJitterDelay(0, backoff, () => 0.999)).toBe(999)
    expect(fullJitterDelay(3, backoff, () => 0.5)).toBe(4_000)
    expect(fullJitterDelay(10, backoff, () => 0.999)).toBe(29_970)
    expect(fullJitterDelay(1_000, backoff, () => 0)).toBe(0)
  })
})

describe('sync loop', () => {
  let loop: SyncLoop | null = null
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(async () => {
    await loop?.stop()
    loop = null
    vi.useRealTimers()
  })

  const make = (run: () => Promise<unknown>, extra: Partial<SyncLoopOptions> = {}) => {
    loop = createSyncLoop({
      run,
      timers: fakeTimers,
      random: () => 0.5,
      debounceMs: 1_000,
      periodMs: 60_000,
      backoff: { baseMs: 1_000, capMs: 16_000 },
      ...extra,
    })
    return loop
  }

  it('syncs on start and then periodically', async () => {
    const run = vi.fn(() => Promise.resolve())
    make(run).start()
    await settle()
    expect(run).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(59_999)
    expect(run).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(run).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(run).toHaveBeenCalledTimes(3)
  })

  it('debounces local changes: a burst of edits is one sync, 1 s after the last', async () => {
    const run = vi.fn(() => Promise.resolve())
    const l = make(run)
    l.start()
    await settle()
    run.mockClear()
    for (let i = 0; i < 10; i++) {
      l.notifyLocalChange()
      await vi.advanceTimersByTimeAsync(300)
    }
    expect(run).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('never runs two syncs at once; any number of triggers during a sync schedule exactly one more', async () => {
    const { run, calls } = controllableRun()
    const l = make(run)
    l.start()
    await settle()
    expect(run).toHaveBeenCalledTimes(1)
    l.trigger('poke')
    l.trigger('poke')
    l.trigger('reconnect')
    l.trigger('manual')
    await settle()
    expect(run).toHaveBeenCalledTimes(1)
    calls[0]!.resolve()
    await settle()
    expect(run).toHaveBeenCalledTimes(2)
    calls[1]!.resolve()
    await settle()
    expect(run).toHaveBeenCalledTimes(2)
    await l.idle()
  })

  it('backs off exponentially with full jitter on failure, capped, and resets after a success', async () => {
    let fail = true
    const run = vi.fn(() => (fail ? Promise.reject(new SyncError('offline', 'down')) : Promise.resolve()))
    const delays: (number | null)[] = []
    make(run, { onError: (_e, ms) => delays.push(ms), periodMs: 10 * 60_000 }).start()
    await settle()
    for (let i = 0; i < 6; i++) await vi.advanceTimersByTimeAsync(delays.at(-1)!)
    // random() = 0.5: half of 1 s, 2 s, 4 s, 8 s, then the 16 s cap.
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000])
    expect(run).toHaveBeenCalledTimes(7)
    fail = false
    await vi.advanceTimersByTimeAsync(8_000)
    expect(loop!.state.failures).toBe(0)
    fail = true
    loop!.trigger('manual')
    await settle()
    expect(delays.at(-1)).toBe(500)
  })

  it('local edits and the periodic timer wait for the scheduled retry; a poke skips the wait', async () => {
    const run = vi.fn(() => Promise.reject(new SyncError('offline', 'down')))
    const l = make(run, { random: () => 0.99, periodMs: 1_000 })
    l.start()
    await settle()
    expect(run).toHaveBeenCalledTimes(1)
    l.notifyLocalChange()
    await vi.advanceTimersByTimeAsync(980) // the debounce and the periodic timer fire, the retry (990 ms) has not
    expect(run).toHaveBeenCalledTimes(1)
    l.trigger('poke')
    await settle()
    expect(run).toHaveBeenCalledTimes(2)
  })

  it('honours a Retry-After hint', async () => {
    const run = vi.fn(() => Promise.reject(new SyncError('rate_limited', 'slow down', { retryAfterMs: 30_000 })))
    const delays: (number | null)[] = []
    make(run, { onError: (_e, ms) => delays.push(ms), retryAfterMs: (e) => (e instanceof SyncError ? e.details.retryAfterMs : undefined) }).start()
    await settle()
    expect(delays).toEqual([30_000])
  })

  it('pauses on errors only the user can fix, until resumed', async () => {
    const run = vi.fn((): Promise<void> => Promise.reject(new SyncError('auth', 'sign in again')))
    const delays: (number | null)[] = []
    const l = make(run, { onError: (_e, ms) => delays.push(ms), shouldRetry: (e) => !(e instanceof SyncError && !e.retryable) })
    l.start()
    await settle()
    expect(delays).toEqual([null])
    expect(l.state.paused).toBe(true)
    l.notifyLocalChange()
    l.trigger('poke')
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(run).toHaveBeenCalledTimes(1)
    run.mockImplementation(() => Promise.resolve())
    l.resume()
    await settle()
    expect(run).toHaveBeenCalledTimes(2)
    expect(l.state.paused).toBe(false)
  })

  it('a synchronous throw in run() still leaves the loop usable', async () => {
    let first = true
    const run = vi.fn((): Promise<void> => {
      if (first) {
        first = false
        throw new Error('boom')
      }
      return Promise.resolve()
    })
    const l = make(run)
    l.start()
    await settle()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(run).toHaveBeenCalledTimes(2)
    expect(l.state.running).toBe(false)
  })

  it('stop() cancels timers and waits for the running sync', async () => {
    const { run, calls } = controllableRun()
    const l = make(run)
    l.start()
    await settle()
    let stopped = false
    const stopping = l.stop().then(() => (stopped = true))
    await settle()
    expect(stopped).toBe(false)
    calls[0]!.resolve()
    await stopping
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(run).toHaveBeenCalledTimes(1)
  })
})

import { describe, expect, it } from 'vitest'
import { createReloadScheduler, type SchedulerTimers } from './reload-scheduler'

/** A manual clock: timers fire only when the test advances time. */
function manualTimers(): SchedulerTimers & { advance(ms: number): Promise<void> } {
  let now = 0
  let timers: { at: number; fn: () => void; id: number }[] = []
  let next = 1
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = next++
      timers.push({ at: now + ms, fn, id })
      return id
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id)
    },
    async advance(ms) {
      const end = now + ms
      for (;;) {
        const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0]
        if (!due) break
        timers = timers.filter((t) => t !== due)
        now = due.at
        due.fn()
        // Let the reload's promise settle (the scheduler reschedules in .finally).
        for (let i = 0; i < 5; i++) await Promise.resolve()
      }
      now = end
    },
  }
}

describe('reload scheduler', () => {
  it('reloads once shortly after a burst of notices', async () => {
    const timers = manualTimers()
    let runs = 0
    const s = createReloadScheduler(() => void runs++, { timers })
    for (let i = 0; i < 10; i++) s.notify()
    await timers.advance(15)
    expect(runs).toBe(0)
    await timers.advance(1)
    expect(runs).toBe(1)
    await timers.advance(10_000)
    expect(runs).toBe(1)
  })

  it('backs off while notices keep coming (one reload per page would be 100 here) and ends with a fresh reload', async () => {
    const timers = manualTimers()
    const at: number[] = []
    const s = createReloadScheduler(() => void at.push(timers.now()), { timers })
    // A notice every 50 ms for 5 s: a 100-page first sync.
    for (let i = 0; i < 100; i++) {
      s.notify()
      await timers.advance(50)
    }
    await timers.advance(5_000)
    expect(at.length).toBeLessThanOrEqual(10)
    // The last reload ran after the last notice (at 4,950 ms).
    expect(at.at(-1)!).toBeGreaterThan(4_950)
    // Gaps never exceed the cap.
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeLessThanOrEqual(2_000 + 50)
  })

  it('shows notices that name their rows soon, however long they keep coming (a colleague editing), at most one per interval', async () => {
    const timers = manualTimers()
    const at: number[] = []
    const s = createReloadScheduler(() => void at.push(timers.now()), { timers })
    // An edit every 150 ms for 6 s: each reloads at once (the bulk backoff would leave them up to 2 s behind).
    for (let i = 0; i < 40; i++) {
      s.notify('rows')
      await timers.advance(150)
    }
    expect(at).toHaveLength(40)
    for (const [i, t] of at.entries()) expect(t).toBe(i * 150)
    // Faster than the minimum interval: still at most one reload per 100 ms.
    at.length = 0
    await timers.advance(1_000)
    for (let i = 0; i < 100; i++) {
      s.notify('rows')
      await timers.advance(10)
    }
    await timers.advance(200)
    expect(at.length).toBeLessThanOrEqual(11)
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(100)
  })

  it('never overlaps a running reload; notices during it cause exactly one more', async () => {
    const timers = manualTimers()
    let running = 0
    let overlap = false
    let runs = 0
    let finish: (() => void) | null = null
    const s = createReloadScheduler(
      () =>
        new Promise<void>((resolve) => {
          runs++
          running++
          if (running > 1) overlap = true
          finish = () => {
            running--
            resolve()
          }
        }),
      { timers },
    )
    s.notify()
    await timers.advance(16)
    expect(runs).toBe(1)
    s.notify()
    s.notify()
    await timers.advance(5_000)
    expect(runs).toBe(1)
    finish!()
    for (let i = 0; i < 10; i++) await Promise.resolve()
    await timers.advance(5_000)
    expect(runs).toBe(2)
    expect(overlap).toBe(false)
  })

  it('does nothing after cancel', async () => {
    const timers = manualTimers()
    let runs = 0
    const s = createReloadScheduler(() => void runs++, { timers })
    s.notify()
    s.cancel()
    await timers.advance(1_000)
    expect(runs).toBe(0)
  })
})

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type PullResponse } from '../../../shared/sync/protocol'
import { createTempDir, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { createMemoryServer, type MemoryServer } from '../../../../test/support/device/memory-server'
import { createTestDevice, type TestDevice } from '../../../../test/support/device/test-device'
import { createPokeChaser } from './poke-chase'
import { type Timers } from './timers'
import { type EventHandlers } from './transport'

/** vitest's fake timers behind the injected Timers interface. */
const fakeTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
}

describe('poke chaser', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('re-triggers after each sync with 10, 20, 40 … ms waits until the watermark is above the txid', () => {
    let watermark: string | null = '100'
    const trigger = vi.fn()
    const chaser = createPokeChaser({ timers: fakeTimers, trigger, watermark: () => watermark })
    chaser.poke('150')
    expect(trigger).toHaveBeenCalledTimes(1)
    chaser.synced()
    vi.advanceTimersByTime(9)
    expect(trigger).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1)
    expect(trigger).toHaveBeenCalledTimes(2)
    chaser.synced()
    vi.advanceTimersByTime(20)
    expect(trigger).toHaveBeenCalledTimes(3)
    watermark = '150' // not above: the transaction 150 itself may still be missing
    chaser.synced()
    vi.advanceTimersByTime(40)
    expect(trigger).toHaveBeenCalledTimes(4)
    watermark = '151'
    chaser.synced()
    vi.advanceTimersByTime(10_000)
    expect(trigger).toHaveBeenCalledTimes(4)
    expect(chaser.target).toBeNull()
  })

  it('compares as BigInt, ignores a poke without (or with a malformed) txid, and gives up after ~5 s', () => {
    const trigger = vi.fn()
    const chaser = createPokeChaser({ timers: fakeTimers, trigger, watermark: () => '99999999999999999' })
    chaser.poke(undefined)
    chaser.poke('12x')
    chaser.synced()
    vi.advanceTimersByTime(10_000)
    expect(trigger).toHaveBeenCalledTimes(2)
    chaser.poke('100000000000000000') // longer than the watermark: larger as a number (string order would agree here, BigInt always does)
    for (let i = 0; i < 50; i++) {
      chaser.synced()
      vi.advanceTimersToNextTimer()
    }
    // 1 poke + the retries that fit in 5 s (10+20+40+80+160+320+640+1000+1000+1000 = 4270 ms)
    expect(trigger).toHaveBeenCalledTimes(2 + 1 + 10)
    expect(chaser.target).toBeNull()
  })
})

const SERVER = 'http://sync.test'
const KIM = { id: '0190a000-0000-7000-8000-0000000000a1', email: 'kim@augu.kr' }

describe('device: a poke whose txid is above the watermark', () => {
  let dir: TempDir
  let server: MemoryServer
  let device: TestDevice

  beforeEach(() => {
    dir = createTempDir()
    server = createMemoryServer({ accounts: [{ password: 'pw', user: KIM }] })
  })
  afterEach(async () => {
    await device.close()
    vi.useRealTimers()
    dir.remove()
  })

  it('keeps pulling (short backoff) until the watermark passes it, then stops', async () => {
    vi.useFakeTimers()
    let handlers: EventHandlers | null = null
    // The server's pull horizon, controlled by the test: it lags behind the poked commit for a while.
    let horizon = '100'
    device = createTestDevice({
      dir: dir.path,
      serverUrl: SERVER,
      core: {
        timers: fakeTimers,
        random: () => 0.5,
        liveEvents: true,
        transportFactory: (url, tokens) => {
          const inner = server.transportFor(url, tokens)
          return {
            ...inner,
            async pull(request): Promise<PullResponse> {
              return { ...(await inner.pull(request)), watermark: horizon }
            },
            events(h) {
              handlers = h
              return { close: () => undefined }
            },
          }
        },
      },
    })
    device.start()
    await device.signIn(KIM.email, 'pw')
    await vi.advanceTimersByTimeAsync(0)
    await device.loop.idle()
    expect(handlers).not.toBeNull()
    const before = server.pulls.length

    server.serverWrite('companies', testId(1), { code: 'C-1', name: '다른 기기' })
    handlers!.onEvent({ event: 'poke', data: { at: new Date().toISOString(), txid: '150' } })
    await vi.advanceTimersByTimeAsync(0)
    await device.loop.idle()
    expect(server.pulls.length).toBe(before + 1)
    expect(device.state.get('watermark')).toBe('100')

    await vi.advanceTimersByTimeAsync(10)
    await device.loop.idle()
    expect(server.pulls.length).toBe(before + 2)
    await vi.advanceTimersByTimeAsync(20)
    await device.loop.idle()
    expect(server.pulls.length).toBe(before + 3)

    horizon = '151'
    await vi.advanceTimersByTimeAsync(40)
    await device.loop.idle()
    expect(server.pulls.length).toBe(before + 4)
    expect(device.state.get('watermark')).toBe('151')

    // Passed: no more chasing (the periodic sync is 60 s away).
    await vi.advanceTimersByTimeAsync(10_000)
    expect(server.pulls.length).toBe(before + 4)
  })

  it('a poke without a txid (an older server) syncs once, as before', async () => {
    vi.useFakeTimers()
    let handlers: EventHandlers | null = null
    device = createTestDevice({
      dir: dir.path,
      serverUrl: SERVER,
      core: {
        timers: fakeTimers,
        random: () => 0.5,
        liveEvents: true,
        transportFactory: (url, tokens) => ({
          ...server.transportFor(url, tokens),
          events(h) {
            handlers = h
            return { close: () => undefined }
          },
        }),
      },
    })
    device.start()
    await device.signIn(KIM.email, 'pw')
    await vi.advanceTimersByTimeAsync(0)
    await device.loop.idle()
    const before = server.pulls.length
    handlers!.onEvent({ event: 'poke', data: { at: new Date().toISOString() } })
    await vi.advanceTimersByTimeAsync(10_000)
    await device.loop.idle()
    expect(server.pulls.length).toBe(before + 1)
  })
})

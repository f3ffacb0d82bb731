/**
 * The load scenarios' drivers (scripts/bench/offered-load.ts, cpu-budget.ts): an open loop keeps its schedule when
 * the server is slow (coordinated-omission correction), a cycle's push latency counts from its slot, and a CPU budget
 * really caps a process (or says why it cannot).
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { TestDevice } from '../../sync-server/test/support/sync-kit'
import { createCpuCap } from '../../scripts/bench/cpu-budget'
import { closedLoop, cycle, emptyCycle, openLoop, type Cycle, type LoadDevice } from '../../scripts/bench/offered-load'
import { processCpuMs } from '../../scripts/bench/server-process'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const tmp = mkdtempSync(path.join(tmpdir(), 'crm-bench-load-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const stubLoad = (pushMs: number): LoadDevice => ({
  device: {
    userId: 'u',
    mutation: (m: unknown) => m,
    push: async () => {
      await sleep(pushMs)
      return { status: 200, body: { results: [] } }
    },
    pullPage: async () => ({}),
  } as unknown as TestDevice,
  companyId: 'c',
  rounds: 0,
})

describe('open loop', () => {
  it('keeps every slot of its schedule when a cycle runs late, and counts the push from its slot', async () => {
    const calls: { slot: number; start: number; end: number }[] = []
    let first = true
    const work = async (_load: LoadDevice, into: Cycle, slot?: number): Promise<void> => {
      const start = performance.now()
      // The server stalls once for 4 periods.
      await sleep(first ? 200 : 1)
      first = false
      const end = performance.now()
      calls.push({ slot: slot!, start, end })
      into.pushMs.push(end - slot!)
      into.pullMs.push(0)
    }
    const result = await openLoop([stubLoad(0)], 20, 0.6, work)
    const period = 50
    // No slot is dropped or moved: a slow answer does not lower the load it is measured at.
    for (let i = 1; i < calls.length; i++) expect(calls[i]!.slot - calls[i - 1]!.slot).toBeCloseTo(period, 6)
    // The cycles whose slots passed during the stall start at once, back to back, and their latency includes the wait.
    expect(calls[1]!.start - calls[0]!.end).toBeLessThan(15)
    expect(result.pushMs[1]).toBeGreaterThan(140)
    expect(calls.length + result.notStarted).toBeGreaterThanOrEqual(11)
    expect(result.offered).toBe(20)
  })

  it('counts the slots it never reached as not started when the load is above what is carried', async () => {
    const work = async (_load: LoadDevice, into: Cycle): Promise<void> => {
      await sleep(100)
      into.pullMs.push(0)
    }
    const result = await openLoop([stubLoad(0)], 50, 0.5, work)
    expect(result.cycles).toBeLessThanOrEqual(6)
    expect(result.notStarted).toBeGreaterThanOrEqual(15)
  })

  it('a closed loop sends the next cycle when the previous answered', async () => {
    const result = await closedLoop([stubLoad(20), stubLoad(20)], 0.3)
    expect(result.errors).toEqual([])
    expect(result.cycles).toBeGreaterThanOrEqual(8)
    expect(result.offered).toBeNull()
  })

  it("cycle: the push latency is counted from the slot it was scheduled for, the pull's from its own start", async () => {
    const into = emptyCycle()
    await cycle(stubLoad(10), into, performance.now() - 100)
    expect(into.errors).toEqual([])
    expect(into.pushMs[0]).toBeGreaterThanOrEqual(108)
    expect(into.pullMs[0]).toBeLessThan(50)
  })
})

describe('CPU budget', () => {
  it('falls back to no cap, and says why, where there is no cgroup v1 cpu controller', () => {
    const cap = createCpuCap('x', 0.25, { root: path.join(tmp, 'none') })
    expect(cap.cores).toBeNull()
    expect(cap.uncappedBecause).toMatch(/cgroup/)
    cap.add(process.pid)
    cap.remove()
  })

  it('writes the quota over a short period', () => {
    const root = path.join(tmp, 'fake')
    // A directory standing in for the controller's mount (the kernel would create the group's files itself).
    mkdirSync(root)
    writeFileSync(path.join(root, 'cpu.cfs_quota_us'), '-1')
    const cap = createCpuCap('g', 0.25, { root })
    expect(cap.cores).toBe(0.25)
    expect(readFileSync(path.join(root, 'g/cpu.cfs_period_us'), 'utf8')).toBe('10000')
    expect(readFileSync(path.join(root, 'g/cpu.cfs_quota_us'), 'utf8')).toBe('2500')
  })

  const real = existsSync('/sys/fs/cgroup/cpu/cpu.cfs_quota_us') && process.getuid?.() === 0
  it.skipIf(!real)('caps a busy process at its budget (root, cgroup v1)', async () => {
    const cap = createCpuCap(`crm-test-${process.pid}`, 0.2)
    expect(cap.uncappedBecause).toBeNull()
    const child = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' })
    try {
      cap.add(child.pid!)
      const before = processCpuMs(child.pid!)!
      const started = performance.now()
      await sleep(1_000)
      const used = (processCpuMs(child.pid!)! - before) / (performance.now() - started)
      // A spinning process alone would use a whole core; capped at 0.2 it gets a fifth (tick resolution 10 ms).
      expect(used).toBeLessThan(0.3)
      expect(cap.stat().throttled).toBeGreaterThan(10)
    } finally {
      child.kill('SIGKILL')
      await new Promise((resolve) => child.once('exit', resolve))
      cap.remove()
    }
    expect(existsSync(`/sys/fs/cgroup/cpu/crm-test-${process.pid}`)).toBe(false)
  })
})

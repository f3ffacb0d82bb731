/**
 * CPU accounting for the load scenarios on a shared machine: a fixed CPU budget for a process (a cgroup v1 `cpu`
 * controller quota, as if the process had a machine of its own of that size), the CPU time of PostgreSQL's backends
 * of one database, and how busy the whole machine was.
 */
import { mkdirSync, readFileSync, rmdirSync, writeFileSync, existsSync } from 'node:fs'
import type pg from 'pg'
import { processCpuMs } from './server-process'

const CPU_ROOT = '/sys/fs/cgroup/cpu'

export interface CpuCap {
  /** The share of one core the capped processes get together (quota ÷ period), or null when uncapped. */
  readonly cores: number | null
  /** Why there is no cap (not root, no cgroup v1 cpu controller …); null when capped. */
  readonly uncappedBecause: string | null
  /** Moves a process (all its threads) into the cgroup. */
  add(pid: number): void
  /** cpu.stat: periods, throttled periods and throttled time so far. */
  stat(): { periods: number; throttled: number; throttledMs: number }
  /** Moves any process still inside back to the root group and removes the cgroup. */
  remove(): void
}

const uncapped = (reason: string): CpuCap => ({
  cores: null,
  uncappedBecause: reason,
  add: () => undefined,
  stat: () => ({ periods: 0, throttled: 0, throttledMs: 0 }),
  remove: () => undefined,
})

/**
 * A cgroup v1 CPU quota of `cores` (e.g. 0.25: 2.5 ms of CPU per 10 ms period). The short period keeps a throttled
 * process's stalls short (at most period − quota, 7.5 ms at 0.25), so latency measures the budget, not the
 * throttling's granularity. Falls back to no cap — and says why — where cgroup v1's cpu controller is not mounted
 * (cgroup v2 only) or not writable (not root).
 */
export function createCpuCap(name: string, cores: number, { periodUs = 10_000, root = CPU_ROOT }: { periodUs?: number; root?: string } = {}): CpuCap {
  if (!existsSync(`${root}/cpu.cfs_quota_us`))
    return uncapped(existsSync('/sys/fs/cgroup/cgroup.controllers') ? 'cgroup v2 only (no v1 cpu controller)' : 'no cgroup v1 cpu controller')
  const dir = `${root}/${name}`
  try {
    mkdirSync(dir)
    writeFileSync(`${dir}/cpu.cfs_period_us`, String(periodUs))
    writeFileSync(`${dir}/cpu.cfs_quota_us`, String(Math.round(cores * periodUs)))
  } catch (error) {
    try {
      rmdirSync(dir)
    } catch {
      // never created
    }
    return uncapped(`cgroup not writable (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  return {
    cores,
    uncappedBecause: null,
    add(pid) {
      writeFileSync(`${dir}/cgroup.procs`, String(pid))
    },
    stat() {
      const text = readFileSync(`${dir}/cpu.stat`, 'utf8')
      const read = (key: string): number => Number(new RegExp(`^${key} (\\d+)`, 'm').exec(text)?.[1] ?? 0)
      return { periods: read('nr_periods'), throttled: read('nr_throttled'), throttledMs: read('throttled_time') / 1e6 }
    },
    remove() {
      try {
        for (const pid of readFileSync(`${dir}/cgroup.procs`, 'utf8').split('\n').filter(Boolean)) writeFileSync(`${root}/cgroup.procs`, pid)
        rmdirSync(dir)
      } catch {
        // already gone
      }
    },
  }
}

/** CPU ms used so far by each PostgreSQL backend of the pool's database (other than the asking one), by pid. */
export async function backendCpuMs(pool: pg.Pool): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')
  const out = new Map<number, number>()
  for (const { pid } of rows) {
    const ms = processCpuMs(pid)
    if (ms !== null) out.set(pid, ms)
  }
  return out
}

/**
 * CPU seconds PostgreSQL's backends of the database used between two `backendCpuMs` readings: the difference for
 * backends seen at both, all of it for backends that started in between. A backend that ended in between is missed
 * (the instances' pools keep theirs for 30 s idle, longer than any gap in a phase).
 */
export function backendCpuSeconds(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0
  for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0)
  return ms / 1000
}

/** /proc/stat's first line: busy and total jiffies of all cores together. */
export function machineJiffies(): { busy: number; total: number } {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0)
    const idle = fields[3]! + (fields[4] ?? 0)
    return { busy: total - idle, total }
  } catch {
    return { busy: NaN, total: NaN }
  }
}

/** Share of the machine's cores busy between two machineJiffies readings (0–1). */
export const busyShare = (before: { busy: number; total: number }, after: { busy: number; total: number }): number =>
  (after.busy - before.busy) / (after.total - before.total)

export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
  } catch {
    return '?'
  }
}

/**
 * Shared pieces of `npm run bench`: the result shape, percentiles, the machine description and small helpers.
 *
 * Every figure is reported next to a floor measured in the same run on the same machine (what the hardware does with
 * no application code in the way), and their ratio expressed as "× the floor's cost": for rates floor ÷ figure, for
 * durations figure ÷ floor. A ratio of 1 means the application adds nothing; 2 means it takes twice the raw work.
 */
import { execFileSync } from 'node:child_process'
import { cpus, loadavg, totalmem } from 'node:os'

export type Unit = 'rows/s' | 'changes/s' | 'cycles/s' | 'ms' | 'MB' | 'KB' | 'MB/s' | 'errors'

export interface Figure {
  /** Scenario number and name, e.g. "1. initial sync". */
  readonly scenario: string
  /** What was measured, e.g. "rows/s end to end". */
  readonly metric: string
  readonly value: number
  readonly unit: Unit
  /** The floor measured in the same run (same unit as value), or null where no floor applies (error counts). */
  readonly floor: number | null
  /** What the floor is. */
  readonly floorLabel: string
  /** × the floor's cost (see the module comment); null without a floor. */
  readonly ratio: number | null
  /** The target in words, e.g. "≥ 50,000 rows/s, ≤ 2× floor". */
  readonly target: string
  /** Whether the target was met; null when the figure has no target. */
  readonly met: boolean | null
  readonly notes?: string
}

export type Direction = 'higher-is-better' | 'lower-is-better'

export function ratioOf(value: number, floor: number | null, direction: Direction): number | null {
  if (floor === null || floor <= 0 || value <= 0) return null
  return direction === 'higher-is-better' ? floor / value : value / floor
}

export function figure(input: Omit<Figure, 'ratio'> & { readonly direction: Direction }): Figure {
  const { direction, ...rest } = input
  return { ...rest, ratio: ratioOf(input.value, input.floor, direction) }
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]!
}

export const median = (samples: readonly number[]): number => percentile(samples, 50)

export function round(value: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now()
  const value = await fn()
  return { ms: performance.now() - started, value }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i]!, i)
    }
  })
  await Promise.all(workers)
  return results
}

export interface Machine {
  readonly cpu: string
  readonly cores: number
  readonly memoryGb: number
  readonly node: string
  readonly postgres: string
  readonly redis: string
  readonly loadAverage: readonly [number, number, number]
  readonly startedAt: string
}

function tryExec(file: string, args: string[]): string {
  try {
    return execFileSync(file, args, { encoding: 'utf8', timeout: 5_000 }).trim()
  } catch {
    return 'unknown'
  }
}

export function describeMachine(postgresVersion: string): Machine {
  const info = cpus()
  const redis = /redis_version:(\S+)/.exec(tryExec('redis-cli', ['-h', '127.0.0.1', 'info', 'server']))?.[1] ?? tryExec('redis-server', ['--version'])
  const [a, b, c] = loadavg()
  return {
    cpu: info[0]?.model.trim() ?? 'unknown',
    cores: info.length,
    memoryGb: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    postgres: postgresVersion,
    redis,
    loadAverage: [round(a!), round(b!), round(c!)],
    startedAt: new Date().toISOString(),
  }
}

/** Resident set size of a process in MB, from /proc/<pid>/status (VmRSS); null when unreadable. */
export async function rssMb(pid: number): Promise<number | null> {
  const { readFile } = await import('node:fs/promises')
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]
    return kb ? Number(kb) / 1024 : null
  } catch {
    return null
  }
}

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}

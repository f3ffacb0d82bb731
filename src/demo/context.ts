/**
 * Shared state of one generator run: the seed, the reference time, per-table PRNG streams and id makers, and the
 * rows earlier tables produced that later tables point at (kept as the rows themselves — only parents are kept;
 * leaf tables are generated, yielded and dropped).
 */
import { DAY_MS, isoTimestamp, kstDate } from './clock'
import { demoUuidV7 } from './ids'
import { forkRandom, type DemoSeed, type Random } from './prng'

/** A row in wire encoding keyed by SQL column name (docs/architecture.md §2). */
export type WireRow = Record<string, unknown>

export interface DemoContext {
  readonly seed: DemoSeed
  readonly scale: number
  /** The reference "now" (ms since epoch); every generated time is at or before it except future plans. */
  readonly nowMs: number
  /** The reference date in KST, YYYY-MM-DD. */
  readonly today: string
  /** Two years before the reference: when the demo company's history starts. */
  readonly historyStartMs: number
  /** A PRNG stream for one purpose; the same name always gives the same stream for a seed. */
  random(stream: string): Random
}

export function createContext(seed: DemoSeed, scale: number, nowMs: number): DemoContext {
  return {
    seed,
    scale,
    nowMs,
    today: kstDate(nowMs),
    historyStartMs: nowMs - 730 * DAY_MS,
    random: (stream) => forkRandom(seed, stream),
  }
}

/** Makes ids for one table from its own stream, so ids do not shift when another table's row count changes. */
export function idMaker(ctx: DemoContext, table: string): (createdMs: number) => string {
  const random = ctx.random(`id:${table}`)
  return (createdMs) => demoUuidV7(random, createdMs)
}

export interface CommonColumnsInput {
  readonly id: string
  readonly createdMs: number
  /** Defaults to createdMs. */
  readonly updatedMs?: number
  readonly createdBy: string | null
  /** Defaults to createdBy. */
  readonly updatedBy?: string | null
  readonly deletedMs?: number | null
  readonly deletedBy?: string | null
}

/** The seven columns every synced table has (docs/architecture.md §3), in wire encoding. */
export function commonColumns(input: CommonColumnsInput): WireRow {
  const updatedMs = Math.max(input.createdMs, input.updatedMs ?? input.createdMs)
  const deleted = input.deletedMs != null
  return {
    id: input.id,
    created_at: isoTimestamp(input.createdMs),
    updated_at: isoTimestamp(deleted ? Math.max(updatedMs, input.deletedMs as number) : updatedMs),
    deleted_at: deleted ? isoTimestamp(input.deletedMs as number) : null,
    created_by: input.createdBy,
    updated_by: input.updatedBy === undefined ? input.createdBy : input.updatedBy,
    deleted_by: deleted ? (input.deletedBy ?? input.createdBy) : null,
  }
}

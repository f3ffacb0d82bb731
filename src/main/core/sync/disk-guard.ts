/**
 * A full disk during sync, named and handled: "disk full: N MB needed" instead of "sync failed, retrying", no retry
 * that downloads the same page again until free space changes, and a check before a first sync that the replica will
 * fit. Also keeps the WAL bounded while pages are applied, so a first sync never needs twice the replica's size.
 */
import { statSync } from 'node:fs'
import { dirname } from 'node:path'
import { freeBytes, MEGABYTE, toMegabytes } from '../files/disk-space'
import { type Sqlite } from '../sqlite'
import { SyncError } from './errors'
import { type TimerHandle, type Timers } from './timers'

/** Free space a first sync wants before it starts (a 194k-row replica is ~140 MB; most are far smaller). */
export const DEFAULT_FIRST_SYNC_MIN_FREE_BYTES = 256 * MEGABYTE
/**
 * During bulk apply (auto-checkpoint off, see engine.ts bulkMode) the WAL is checkpointed whenever it passes this size,
 * and journal_size_limit truncates it back to it: the WAL stays about this big instead of holding the whole replica.
 */
export const WAL_BOUND_BYTES = 32 * MEGABYTE

export function isDiskFullError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && (code.startsWith('SQLITE_FULL') || code === 'ENOSPC')
}

/** The replica's directory, or null for an in-memory database. */
export function replicaDir(sqlite: Sqlite): string | null {
  return sqlite.memory || !sqlite.name ? null : dirname(sqlite.name)
}

export function walBytes(sqlite: Sqlite): number {
  if (replicaDir(sqlite) === null) return 0
  try {
    return statSync(`${sqlite.name}-wal`).size
  } catch {
    return 0
  }
}

export function diskFullError(neededBytes: number, cause?: unknown): SyncError {
  const mb = toMegabytes(neededBytes)
  return new SyncError('disk_full', `Disk full: ${mb} MB needed`, { neededBytes: mb * MEGABYTE, cause })
}

/** Before a first sync into an empty replica: refuse to start a download that cannot fit. */
export function assertRoomForFirstSync(sqlite: Sqlite, minFreeBytes: number): void {
  const dir = replicaDir(sqlite)
  if (dir === null) return
  const free = freeBytes(dir)
  if (free !== null && free < minFreeBytes) throw diskFullError(minFreeBytes - free)
}

/**
 * The SQLITE_FULL thrown while applying a page, as a named error: room for the WAL bound plus this page again (the
 * page's JSON size is a fair upper bound of its rows on disk), less what is free now.
 */
export function diskFullWhileApplying(sqlite: Sqlite, pageBytes: number, cause: unknown): SyncError {
  const dir = replicaDir(sqlite)
  const free = dir === null ? 0 : (freeBytes(dir) ?? 0)
  return diskFullError(Math.max(WAL_BOUND_BYTES + pageBytes - free, MEGABYTE), cause)
}

/** Called after each applied page in bulk mode: checkpoint once the WAL passes the bound. Returns the WAL size seen. */
export function checkpointIfLarge(sqlite: Sqlite, boundBytes: number = WAL_BOUND_BYTES): number {
  const size = walBytes(sqlite)
  if (size < boundBytes) return size
  try {
    // PASSIVE never waits for readers (the UI keeps working); with no reader pinning old frames it copies everything,
    // the next write restarts the WAL from its start and journal_size_limit cuts the file back.
    sqlite.pragma('wal_checkpoint(PASSIVE)')
  } catch {
    // Busy: the next page tries again.
  }
  return size
}

/**
 * Watches free space while sync is paused by a full disk, and calls `onChange` once it has grown by at least 1 MB (or
 * by what was needed, if less), so sync resumes by itself when the user frees space. Returns the stop function.
 */
export function watchFreeSpace(dir: string, neededBytes: number, onChange: () => void, timers: Timers, intervalMs = 5_000): () => void {
  const start = freeBytes(dir) ?? 0
  let handle: TimerHandle | null = null
  const check = (): void => {
    const now = freeBytes(dir)
    if (now !== null && now - start >= Math.min(neededBytes, MEGABYTE)) {
      handle = null
      onChange()
      return
    }
    handle = timers.setTimeout(check, intervalMs)
  }
  handle = timers.setTimeout(check, intervalMs)
  return () => {
    if (handle !== null) timers.clearTimeout(handle)
    handle = null
  }
}

/**
 * Is the replica file whole, and what kind of failure is this? A copy of the database taken while it was being written
 * (a file backup, a synced folder) opens without any error although it is corrupt: lists work, search fails, and the
 * outbox itself may be damaged — so the device checks on open instead of trusting the file.
 */
import { type Sqlite } from '../core/sqlite'
import { ReplicaKeyError } from './replica-key'

/** `quick`: PRAGMA quick_check, on every open (O(N), skips the index-vs-table cross check). `full`: integrity_check. */
export type IntegrityDepth = 'quick' | 'full'

export interface IntegrityReport {
  readonly ok: boolean
  /** SQLite's own words, at most a few lines (a damaged file can produce thousands). */
  readonly problems: readonly string[]
}

const MAX_PROBLEMS = 20

/** Runs the check; a check that itself throws (the header or schema is unreadable) is a failed check, not a crash. */
export function checkReplicaIntegrity(sqlite: Sqlite, depth: IntegrityDepth): IntegrityReport {
  try {
    const rows = sqlite.pragma(`${depth === 'quick' ? 'quick_check' : 'integrity_check'}(${MAX_PROBLEMS})`) as Record<string, unknown>[]
    const problems = rows.map((row) => String(Object.values(row)[0])).filter((line) => line !== 'ok')
    return { ok: problems.length === 0, problems }
  } catch (error) {
    return { ok: false, problems: [errorMessage(error)] }
  }
}

/** The kinds of trouble with the replica file that the app names to the user. */
export type ReplicaFailureKind = 'damaged' | 'not-a-database' | 'disk-full' | 'other'

/** Classifies an error thrown by better-sqlite3, node:fs or the encrypted open (encryption.ts). */
export function classifyReplicaError(error: unknown): ReplicaFailureKind {
  // The key loaded but does not unlock the file: a foreign file or a damaged first page (a wrong key looks the same).
  if (error instanceof ReplicaKeyError && error.reason === 'wrong') {
    return classifyReplicaError(error.cause) === 'damaged' ? 'damaged' : 'not-a-database'
  }
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return 'other'
  if (code === 'SQLITE_NOTADB') return 'not-a-database'
  // SQLITE_CORRUPT and its extended codes (SQLITE_CORRUPT_VTAB for a damaged search index, …).
  if (code.startsWith('SQLITE_CORRUPT')) return 'damaged'
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') return 'disk-full'
  return 'other'
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Rebuilding this PC's copy: set the damaged file aside (renamed with a timestamp, never deleted — support may want
 * it), create a fresh replica in its place carrying the device's identity and the valid unsent outbox entries, and let
 * the next sync do the rest (push the kept entries, then a first pull of everything in scope).
 *
 * Used on open when the integrity check fails, from the open-failure window, and from the "rebuild this PC's copy"
 * action in settings.
 */
import { existsSync, renameSync } from 'node:fs'
import { type Sqlite } from '../core/sqlite'
import { openReplica, type OpenReplicaOptions, type Replica } from './open'
import { checkReplicaIntegrity, type IntegrityReport } from './replica-health'
import { salvageReplica, type ReplicaSalvage } from './replica-salvage'

/** What the user is told after a rebuild (kept in app_settings until they have seen it). */
export interface ReplicaRepairReport {
  readonly at: string
  readonly reason: 'damaged' | 'requested'
  /** Where the old file went. */
  readonly setAsideFile: string
  /** Unsent changes carried over (they are sent on the next sync). */
  readonly keptChanges: number
  /** Outbox rows that were unreadable or invalid and are not sent. */
  readonly discardedChanges: number
  /** Whether the device still knows who was signed in (otherwise the user signs in again). */
  readonly identityKept: boolean
  readonly problems: readonly string[]
}

const SIDE_FILES = ['', '-wal', '-shm'] as const

/** Renames the replica and its -wal/-shm to `<file>.damaged-<UTC timestamp>`; returns the new main file name. */
export function setReplicaAside(file: string, now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  let target = `${file}.damaged-${stamp}`
  for (let n = 2; existsSync(target); n++) target = `${file}.damaged-${stamp}-${n}`
  for (const suffix of SIDE_FILES) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix)
  }
  return target
}

/** Writes the carried identity and outbox entries into a freshly created replica (one transaction). */
export function restoreSalvage(sqlite: Sqlite, salvage: ReplicaSalvage): void {
  const setState = sqlite.prepare<[string, string]>('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
  const insertEntry = sqlite.prepare(
    `INSERT INTO outbox (seq, table_name, row_id, op, fields, hlc, base, created_at, status, reject_reason)
     VALUES (@seq, @table_name, @row_id, @op, @fields, @hlc, @base, @created_at, @status, @reject_reason)`,
  )
  sqlite.exec('CREATE TABLE IF NOT EXISTS app_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
  const setSetting = sqlite.prepare<[string, string]>(
    'INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  )
  sqlite.transaction(() => {
    for (const [key, value] of Object.entries(salvage.state)) setState.run(key, value)
    for (const [key, value] of Object.entries(salvage.appSettings)) setSetting.run(key, value)
    // The base watermark belonged to the old copy's pull history; the rebuilt copy has none yet, and the server
    // compares it only to detect concurrent edits, so keeping it is right (it says what the user had seen).
    for (const entry of salvage.outbox) insertEntry.run(entry)
  })()
}

export interface RebuildOptions extends OpenReplicaOptions {
  readonly knownTables: ReadonlySet<string>
  readonly reason: ReplicaRepairReport['reason']
  readonly problems?: readonly string[]
  readonly now?: Date
}

/** The replica file must be closed. Salvage, set aside, create fresh, restore. */
export function rebuildReplica(file: string, options: RebuildOptions): { replica: Replica; report: ReplicaRepairReport } {
  const now = options.now ?? new Date()
  const salvage = existsSync(file)
    ? salvageReplica(file, options.knownTables, options.key)
    : { state: {}, appSettings: {}, outbox: [], discarded: 0, readErrors: [] }
  const setAsideFile = setReplicaAside(file, now)
  const replica = openReplica(file, options)
  restoreSalvage(replica.sqlite, salvage)
  const report: ReplicaRepairReport = {
    at: now.toISOString(),
    reason: options.reason,
    setAsideFile,
    keptChanges: salvage.outbox.length,
    discardedChanges: salvage.discarded,
    identityKept: typeof salvage.state.device_id === 'string' && typeof salvage.state.user_id === 'string',
    problems: [...(options.problems ?? []), ...salvage.readErrors].slice(0, 20),
  }
  return { replica, report }
}

export interface CheckedOpen {
  readonly replica: Replica
  /** Set when the file was damaged and has been rebuilt. */
  readonly repaired: ReplicaRepairReport | null
  readonly integrity: IntegrityReport
}

/**
 * Opens the replica and runs the quick check; a damaged file is rebuilt at once (its unsent work kept). Errors that are
 * not damage found by the check (a file that cannot be opened at all, a full disk) are thrown for the caller to name.
 */
export function openCheckedReplica(file: string, options: Omit<RebuildOptions, 'reason' | 'problems'>): CheckedOpen {
  const replica = openReplica(file, options)
  const integrity = checkReplicaIntegrity(replica.sqlite, 'quick')
  if (integrity.ok) return { replica, repaired: null, integrity }
  replica.sqlite.close()
  const rebuilt = rebuildReplica(file, { ...options, reason: 'damaged', problems: integrity.problems })
  return { replica: rebuilt.replica, repaired: rebuilt.report, integrity }
}

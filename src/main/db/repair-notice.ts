/**
 * The last rebuild of this PC's copy, kept in the replica (app_settings) until the user has seen it: the app tells
 * them once what happened, how many unsent changes were kept and where the old file is.
 */
import { type Sqlite } from '../core/sqlite'
import { type ReplicaRepairReport } from './replica-rebuild'

const KEY = 'replica_repair'

function ensureTable(sqlite: Sqlite): void {
  sqlite.exec('CREATE TABLE IF NOT EXISTS app_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
}

export function recordRepair(sqlite: Sqlite, report: ReplicaRepairReport): void {
  ensureTable(sqlite)
  sqlite.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(report))
}

export function pendingRepairNotice(sqlite: Sqlite): ReplicaRepairReport | null {
  ensureTable(sqlite)
  const row = sqlite.prepare<[string], { value: string }>('SELECT value FROM app_settings WHERE key = ?').get(KEY)
  if (!row) return null
  try {
    return JSON.parse(row.value) as ReplicaRepairReport
  } catch {
    return null
  }
}

export function dismissRepairNotice(sqlite: Sqlite): void {
  ensureTable(sqlite)
  sqlite.prepare('DELETE FROM app_settings WHERE key = ?').run(KEY)
}

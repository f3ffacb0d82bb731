/**
 * A stand-in DevicePort until the local core's session and sync API lands in src/main/core.
 *
 * It keeps the first-run choice in a real SQLite file (its own table, so it never collides with the core's migrations)
 * and reports the outbox honestly when the core's `outbox` table exists. It cannot sign in to a server: `session.login`
 * answers `session.loginUnavailable`. src/main/device.ts is the only caller; swap it there, nowhere else.
 */
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { IpcFailure } from '../shared/ipc/errors'
import { type SessionState, type SessionUser, type SyncStatus } from '../shared/ipc/contract'
import { type DevicePort } from './handlers/context'

const DEMO_USER: SessionUser = {
  id: '01900000-0000-7000-8000-000000000001',
  name: '김민준',
  email: 'demo@augu.kr',
  role: 'MANAGER',
}

export function openInterimDevice(dbFile: string): DevicePort {
  mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true })
  const db = new Database(dbFile)
  db.pragma('journal_mode = WAL')
  db.exec('CREATE TABLE IF NOT EXISTS interim_device_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
  const select = db.prepare<[string], { value: string }>('SELECT value FROM interim_device_state WHERE key = ?')
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO interim_device_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  )
  const remove = db.prepare<[string]>('DELETE FROM interim_device_state WHERE key = ?')

  const readSession = (): SessionState => {
    const mode = select.get('session_mode')?.value
    return mode === 'demo' ? { status: 'demo', user: DEMO_USER } : { status: 'none' }
  }

  const outboxCounts = (): { pending: number; rejected: number } => {
    const hasOutbox = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").get()
    if (!hasOutbox) return { pending: 0, rejected: 0 }
    const rows = db.prepare<[], { status: string; n: number }>('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status').all()
    return {
      pending: rows.find((r) => r.status === 'pending')?.n ?? 0,
      rejected: rows.find((r) => r.status === 'rejected')?.n ?? 0,
    }
  }

  const status = (): SyncStatus => ({
    connection: 'local-only',
    syncing: false,
    ...outboxCounts(),
    lastSyncedAt: select.get('last_synced_at')?.value ?? null,
  })

  return {
    async sessionState() {
      return readSession()
    },
    async startDemo() {
      if (readSession().status !== 'none') throw new IpcFailure('session.alreadyStarted')
      upsert.run('session_mode', 'demo')
      return readSession()
    },
    async login() {
      throw new IpcFailure('session.loginUnavailable')
    },
    async logout({ discardUnsynced }) {
      const { pending } = outboxCounts()
      if (pending > 0 && !discardUnsynced) throw new IpcFailure('session.unsyncedChanges', { count: pending })
      remove.run('session_mode')
      return readSession()
    },
    async syncStatus() {
      return status()
    },
    async syncNow() {
      if (readSession().status !== 'signed-in') throw new IpcFailure('sync.notSignedIn')
      return status()
    },
    close() {
      db.close()
    },
  }
}

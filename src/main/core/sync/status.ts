/**
 * What the status bar shows, as one observable snapshot: "sync stuck with no feedback" and "rejections that appear
 * only after reconnecting" are what offline field users complain about most (design field notes). The counts are read
 * from the replica (cheap indexed COUNTs) whenever something that could change them happens.
 */
import { type OutboxStore } from '../outbox/outbox-store'
import { type Sqlite } from '../sqlite'
import { type DeviceState } from '../state'
import { summarizeError, type ErrorSummary } from './errors'

export interface SyncStatus {
  /** null until the first attempt tells us. */
  readonly online: boolean | null
  readonly syncing: boolean
  /** Local changes not yet accepted by the server. */
  readonly pendingCount: number
  /** Changes the server refused: kept and shown until the user dismisses or re-applies them. */
  readonly rejectedCount: number
  /** Open conflicts the signed-in user is party to. */
  readonly openConflictsCount: number
  readonly lastSyncAt: string | null
  readonly lastError: ErrorSummary | null
  /** Sync paused until the user signs in again. */
  readonly needsSignIn: boolean
  /** Sync paused: the server does not accept this app version. */
  readonly needsUpdate: boolean
  /** When the next automatic retry happens (epoch ms), while backing off. */
  readonly nextRetryAt: number | null
}

export type StatusListener = (status: SyncStatus) => void

export interface SyncStatusStore {
  get(): SyncStatus
  subscribe(listener: StatusListener): () => void
  update(patch: Partial<SyncStatus>): void
  /** Re-read the counts and last sync time from the replica. */
  refreshCounts(): void
  /** Record a failed sync (classifies the error). */
  failed(error: unknown, nextRetryAt: number | null): void
  /** Record a successful sync. */
  succeeded(): void
}

export interface StatusCounts {
  readonly pendingCount: number
  readonly rejectedCount: number
  readonly openConflictsCount: number
  readonly lastSyncAt: string | null
}

/** Counts from the replica: the outbox, and OPEN conflicts where the signed-in user won or lost. */
export function createStatusCounter(sqlite: Sqlite, state: DeviceState, outbox: OutboxStore): () => StatusCounts {
  const conflicts = sqlite.prepare<[string, string], { n: number }>(
    `SELECT COUNT(*) AS n FROM sync_conflicts
      WHERE status = 'OPEN' AND deleted_at IS NULL AND (winning_user_id = ? OR losing_user_id = ?)`,
  )
  return () => {
    const user = state.get('user_id')
    return {
      pendingCount: outbox.pendingCount(),
      rejectedCount: outbox.rejectedCount(),
      openConflictsCount: user ? (conflicts.get(user, user)?.n ?? 0) : 0,
      lastSyncAt: state.get('last_sync_at'),
    }
  }
}

const INITIAL: SyncStatus = {
  online: null,
  syncing: false,
  pendingCount: 0,
  rejectedCount: 0,
  openConflictsCount: 0,
  lastSyncAt: null,
  lastError: null,
  needsSignIn: false,
  needsUpdate: false,
  nextRetryAt: null,
}

export function createSyncStatusStore(counts: () => StatusCounts): SyncStatusStore {
  let status: SyncStatus = { ...INITIAL, ...counts() }
  const listeners = new Set<StatusListener>()

  const update = (patch: Partial<SyncStatus>): void => {
    const next = { ...status, ...patch }
    // Listeners hear only real changes (the renderer re-renders on every message).
    if ((Object.keys(next) as (keyof SyncStatus)[]).every((k) => Object.is(next[k], status[k]) || sameSummary(next[k], status[k]))) return
    status = next
    for (const listener of listeners) {
      try {
        listener(status)
      } catch {
        // One broken subscriber must not stop the others or the sync.
      }
    }
  }

  return {
    get: () => status,
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    update,
    refreshCounts: () => update(counts()),
    failed(error, nextRetryAt) {
      const summary = summarizeError(error)
      update({
        ...counts(),
        syncing: false,
        lastError: summary,
        nextRetryAt,
        // Only "cannot reach" means offline; a server error means it is there and unhappy.
        online: summary.kind === 'offline' ? false : true,
        needsSignIn: summary.kind === 'auth',
        needsUpdate: summary.kind === 'schema_version',
      })
    },
    succeeded() {
      update({ ...counts(), syncing: false, online: true, lastError: null, nextRetryAt: null, needsSignIn: false, needsUpdate: false })
    },
  }
}

function sameSummary(a: unknown, b: unknown): boolean {
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false
  const x = a as ErrorSummary
  const y = b as ErrorSummary
  return x.kind === y.kind && x.message === y.message
}

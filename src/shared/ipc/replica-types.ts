/** What the renderer learns about this PC's copy of the data (the SQLite replica). */

/** The last time the copy was rebuilt (damaged on open, or asked for), until the user has read it. */
export interface ReplicaRepairNotice {
  readonly at: string
  readonly reason: 'damaged' | 'requested'
  /** Where the old file was kept (renamed with a timestamp, never deleted). */
  readonly setAsideFile: string
  /** Unsent changes carried into the new copy (sent on the next sync). */
  readonly keptChanges: number
  /** Unreadable or invalid outbox rows that could not be kept. */
  readonly discardedChanges: number
  /** False when the copy no longer knew who was signed in (the user signs in again). */
  readonly identityKept: boolean
}

export interface ReplicaHealth {
  readonly notice: ReplicaRepairNotice | null
  /** Changes not yet sent: a rebuild keeps them, but the user should know before asking for one. */
  readonly pendingChanges: number
  /** A rebuild is scheduled for the next start. */
  readonly rebuildRequested: boolean
}

export interface ReplicaCheckResult {
  readonly ok: boolean
  /** SQLite's own words (at most a few lines). */
  readonly problems: readonly string[]
  readonly checkedAt: string
}

export interface ReplicaRebuildResult {
  /** True when the app restarts now to rebuild; false when the rebuild waits for the next start (web harness). */
  readonly restarting: boolean
}

/**
 * "This PC's copy" for the renderer: the last rebuild's notice, an on-demand full integrity check, and the support
 * action "rebuild this PC's copy" (a marker beside the replica, then a restart: the rebuild runs on the next open, when
 * nothing holds the file — src/main/device.ts openDeviceReplica).
 */
import { existsSync, writeFileSync } from 'node:fs'
import { type ReplicaCheckResult, type ReplicaHealth, type ReplicaRebuildResult } from '../shared/ipc/replica-types'
import { type Sqlite } from './core/sqlite'
import { dismissRepairNotice, pendingRepairNotice } from './db/repair-notice'
import { checkReplicaIntegrity } from './db/replica-health'

export interface ReplicaPort {
  health(): ReplicaHealth
  check(): ReplicaCheckResult
  rebuild(): ReplicaRebuildResult
  dismissNotice(): ReplicaHealth
}

export interface ReplicaPortDeps {
  readonly sqlite: Sqlite
  /** The marker file that asks the next start to rebuild (device.ts rebuildMarkerFile). */
  readonly markerFile: string
  readonly pendingChanges: () => number
  /** Relaunches the app (Electron); absent in the web harness and tests, where the rebuild waits for the next start. */
  readonly restartApp?: (() => void) | undefined
  readonly now?: () => Date
}

export function createReplicaPort(deps: ReplicaPortDeps): ReplicaPort {
  const now = deps.now ?? (() => new Date())
  const health = (): ReplicaHealth => {
    const report = pendingRepairNotice(deps.sqlite)
    return {
      notice: report
        ? {
            at: report.at,
            reason: report.reason,
            setAsideFile: report.setAsideFile,
            keptChanges: report.keptChanges,
            discardedChanges: report.discardedChanges,
            identityKept: report.identityKept,
          }
        : null,
      pendingChanges: deps.pendingChanges(),
      rebuildRequested: existsSync(deps.markerFile),
    }
  }
  return {
    health,
    check() {
      const result = checkReplicaIntegrity(deps.sqlite, 'full')
      return { ok: result.ok, problems: result.problems, checkedAt: now().toISOString() }
    },
    rebuild() {
      writeFileSync(deps.markerFile, now().toISOString())
      if (!deps.restartApp) return { restarting: false }
      // After the answer has gone back to the renderer.
      const restart = deps.restartApp
      setTimeout(restart, 200)
      return { restarting: true }
    },
    dismissNotice() {
      dismissRepairNotice(deps.sqlite)
      return health()
    },
  }
}

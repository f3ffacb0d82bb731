/**
 * What main does when the replica cannot be opened (Electron-free; index.ts shows the page and forwards the choice).
 * Before this, SQLITE_CORRUPT / SQLITE_NOTADB / SQLITE_FULL thrown from openDevice inside app.whenReady() had no catch
 * and the app showed no window at all.
 */
import { existsSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { classifyReplicaError, errorMessage } from '../db/replica-health'
import { ReplicaKeyError } from '../db/replica-key'
import { IpcFailure } from '../../shared/ipc/errors'
import { rebuildReplica } from '../db/replica-rebuild'
import { recordRepair } from '../db/repair-notice'
import { freeBytes, MEGABYTE, toMegabytes } from '../core/files/disk-space'
import { writeReadableExport } from './export-readable'
import { type RecoveryAction, type RecoveryProblem } from './recovery-page'

/**
 * Whether the replica's key cannot be loaded at all (missing or unreadable, or no OS keychain to keep one): nothing the
 * recovery window offers could help — a rebuild or an export needs the key too — so main shows an error box and quits,
 * leaving every file as it is for support. A key that loads but does not unlock the file (a foreign file, a damaged
 * first page) is a damaged file: the recovery window handles it.
 */
export function isReplicaKeyUnavailable(error: unknown): boolean {
  if (error instanceof ReplicaKeyError) return error.reason !== 'wrong'
  return error instanceof IpcFailure && error.code === 'secrets.encryptionUnavailable'
}

/** Opening a replica needs room for its WAL and the search index's catch-up: at least this much free. */
const MIN_FREE_TO_OPEN = 64 * MEGABYTE

/** Names the failure for the page; for a full disk, how much must be freed. */
export function describeOpenFailure(error: unknown, dbFile: string): RecoveryProblem {
  const kind = classifyReplicaError(error)
  if (kind !== 'disk-full') return { kind, detail: errorMessage(error) }
  const wal = existsSync(`${dbFile}-wal`) ? statSync(`${dbFile}-wal`).size : 0
  const needed = Math.max(MIN_FREE_TO_OPEN, wal)
  const free = freeBytes(dirname(dbFile))
  return { kind, detail: errorMessage(error), neededMb: free === null ? null : toMegabytes(Math.max(needed - free, 1)) }
}

export interface RecoveryDeps<T> {
  readonly dbFile: string
  /** Opens the device (throws the same way the first attempt did). */
  readonly open: () => T
  /** Synced table names (what an export reads and a rebuild may keep outbox entries for). */
  readonly tables: readonly string[]
  /** Where "export what is readable" writes its file (Documents in Electron). */
  readonly exportDir: string
  /**
   * The replica's encryption key (the same one the device opens with). Salvage and export read the damaged file with
   * it, and the rebuilt copy is encrypted with it: a rebuild never writes a plain file.
   */
  readonly key: () => Buffer
  /** The migrations the rebuilt copy is created with (Electron passes its packaged copy, as to openDevice). */
  readonly migrationsFolder?: string
  readonly now?: () => Date
}

export type RecoveryOutcome<T> = { readonly opened: T } | { readonly problem: RecoveryProblem }

export function createReplicaRecovery<T>(
  deps: RecoveryDeps<T>,
  first: unknown,
): {
  readonly problem: () => RecoveryProblem
  choose(action: RecoveryAction): Promise<RecoveryOutcome<T>>
} {
  const now = deps.now ?? (() => new Date())
  let problem = describeOpenFailure(first, deps.dbFile)

  const tryOpen = (notice: RecoveryProblem['notice']): RecoveryOutcome<T> => {
    try {
      return { opened: deps.open() }
    } catch (error) {
      problem = { ...describeOpenFailure(error, deps.dbFile), notice }
      return { problem }
    }
  }

  return {
    problem: () => problem,
    async choose(action) {
      if (action === 'retry') {
        return tryOpen({ ko: '아직 열 수 없습니다. 위의 안내를 확인하세요.', en: 'It still cannot be opened; see above.' })
      }
      if (action === 'export') {
        try {
          const result = await writeReadableExport(deps.dbFile, deps.exportDir, deps.tables, now(), deps.key())
          problem = {
            ...problem,
            notice: {
              ko: `읽을 수 있는 내용을 저장했습니다 (보내지 않은 변경 ${result.outboxEntries}건, 행 ${result.rows}개): ${result.file}`,
              en: `Saved what was readable (${result.outboxEntries} unsent changes, ${result.rows} rows): ${result.file}`,
            },
          }
        } catch (error) {
          problem = { ...problem, notice: { ko: `내보내지 못했습니다: ${errorMessage(error)}`, en: `The export failed: ${errorMessage(error)}` } }
        }
        return { problem }
      }
      // rebuild: set the file aside, start a fresh copy with what could be kept, then open normally.
      try {
        const { replica, report } = rebuildReplica(deps.dbFile, {
          key: deps.key(),
          ...(deps.migrationsFolder ? { migrationsFolder: deps.migrationsFolder } : {}),
          knownTables: new Set(deps.tables),
          reason: 'requested',
          problems: [problem.detail],
          now: now(),
        })
        recordRepair(replica.sqlite, report)
        replica.sqlite.close()
      } catch (error) {
        problem = { ...describeOpenFailure(error, deps.dbFile), notice: { ko: '다시 받지 못했습니다.', en: 'The rebuild failed.' } }
        return { problem }
      }
      return tryOpen({ ko: '다시 받은 사본도 열 수 없습니다.', en: 'The rebuilt copy cannot be opened either.' })
    },
  }
}

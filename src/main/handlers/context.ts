/**
 * What the handlers need from the rest of main. Electron and the web harness each build one of these; the handlers
 * never import electron, so the same table runs under plain Node.
 */
import { type AppRuntime, type MyPermissions, type ParsedInputOf, type RecordLastEdit, type SessionState, type SyncStatus } from '../../shared/ipc/contract'
import { type SyncedTable } from '../../shared/model/tables'
import { type CustomerRepos } from '../core/customers'
import { type RecordRepos } from '../core/records'
import { type SalesRepos } from '../core/sales'
import { type SyncReviewRepo } from '../core/sync/review'
import { type TrainingRepos } from '../core/training'
import { type ImportService } from '../core/transfer/import/service'
import { type AttendanceListItem } from '../../shared/ipc/transfer-types'
import { type KpiRepo } from '../core/kpi'
import { type ProductsRepo } from '../core/products'
import { type DashboardRepo } from '../core/dashboard'
import { type MeetingsRepo } from '../core/meetings'
import { type AdminRepos } from '../core/admin'
import { type AdminOnlineDevice } from '../core/admin/online'
import { type IdleLock } from '../idle-lock'
import { type DeviceFiles } from '../core/files'
import { type ReplicaPort } from '../replica-port'
import { type ChangeNotice } from '../../shared/ipc/live'

/** The local device: session and sync. The Electron-free core (src/main/core) behind src/main/device-port.ts. */
export interface DevicePort {
  sessionState(): Promise<SessionState>
  startDemo(): Promise<SessionState>
  login(input: ParsedInputOf<'session.login'>): Promise<SessionState>
  /**
   * `removeCopy`: also erase this PC's copy (replica, key, tokens). Refused (`session.unsyncedChanges`) while changes
   * wait to be sent, unless `confirmDiscard` equals their number (the user confirmed exactly what is lost).
   */
  logout(options: { force: boolean; removeCopy?: boolean; confirmDiscard?: number }): Promise<SessionState>
  /** Online: the signed-in user's new password (clears a pending forced change). */
  changePassword(input: ParsedInputOf<'session.changePassword'>): Promise<SessionState>
  /** What the current user may write (the server's rule, read from the replica's directory). */
  permissions(): Promise<MyPermissions>
  syncStatus(): Promise<SyncStatus>
  syncNow(): Promise<SyncStatus>
  /** Who last changed a synced row and whether it is still here (forms open on a record watch it). */
  lastEdit(table: SyncedTable, id: string): Promise<RecordLastEdit>
  /** Companies, branches, contacts and activities, on the local replica. */
  readonly customers: CustomerRepos
  /** Global search, saved list filters and the trash, across every domain's records. */
  readonly records: RecordRepos
  /** Leads and opportunities, on the local replica. */
  readonly sales: SalesRepos
  /** The sync panel: rejected changes, conflicts and renamed codes, and what the user does about them. */
  readonly syncReview: SyncReviewRepo
  /** Projects, sessions, classes, rosters and attendance marks, on the local replica. */
  readonly training: TrainingRepos
  /** Spreadsheet import with review: preview (no writes) and an all-or-nothing commit, on the local replica. */
  readonly transfer: ImportService & {
    /** Every attendance mark on the replica (the attendance export and the everything-I-can-see workbook). */
    attendance(): AttendanceListItem[]
  }
  /** KPI definitions, targets, recorded actuals and achievement, on the local replica. */
  readonly kpi: KpiRepo
  /** The product master (상품, 상품 분류), on the local replica. */
  readonly products: ProductsRepo
  /** The home dashboard's figures and the user's day, from the local replica. */
  readonly dashboard: DashboardRepo
  /** Meetings with participants, agenda, minutes, action items and proposed products; the calendar. */
  readonly meetings: MeetingsRepo
  /** Users, roles and permissions, departments, teams, campaigns and industries, on the local replica. */
  readonly admin: AdminRepos
  /** Account creation, passwords, devices and the audit log: the server's side of administration. */
  readonly adminOnline: AdminOnlineDevice
  /** The idle lock: settings, locked state and the offline password check. */
  readonly lock: IdleLock
  /** Attachments: the device's file store, uploads and downloads (core/files). */
  readonly files: DeviceFiles
  /** This PC's copy of the data: the last rebuild's notice, a full integrity check, "rebuild this PC's copy". */
  readonly replica: ReplicaPort
  /**
   * The push stream to the renderer (docs/architecture.md §8, "The change stream"): every committed local write and applied pull page, and
   * the sync status whenever it changes. Electron (index.ts) and the web harness forward both; each returns the
   * unsubscribe.
   */
  onChanges(listener: (notice: ChangeNotice) => void): () => void
  onSyncStatus(listener: (status: SyncStatus) => void): () => void
  /** Stops syncing and closes the database. */
  close(): Promise<void>
}

export interface Logger {
  info(message: string, details?: Record<string, unknown>): void
  warn(message: string, details?: Record<string, unknown>): void
  error(message: string, details?: Record<string, unknown>): void
}

export interface HandlerContext {
  readonly app: { readonly name: string; readonly version: string; readonly runtime: AppRuntime; readonly platform: string }
  readonly device: DevicePort
  /** Opens an already-checked http(s) URL outside the app (Electron: shell.openExternal). */
  readonly openExternal: (url: URL) => Promise<void>
  /**
   * Electron only: open a local file with the OS's default application (shell.openPath) and save one where the user
   * chooses (a save dialog; null when cancelled). Without it (the web harness) the renderer downloads the file.
   */
  readonly localFiles?: {
    open(path: string): Promise<void>
    saveAs(path: string, fileName: string): Promise<string | null>
  }
  readonly log: Logger
}

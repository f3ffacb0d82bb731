/**
 * Adapts the Electron-free local core (src/main/core) to the IPC contract: contract-shaped session and sync status,
 * and the core's errors turned into typed, translatable IpcFailures. No message text from the core or the server ever
 * reaches the renderer; the renderer shows its own translation of the code.
 */
import { readAssignerFacts } from './core/outbox/assignment-guard'
import { type ReplicaPort } from './replica-port'
import { DEMO_ACCOUNTS } from '../demo/accounts'
import { displayName } from '../shared/domain/korean-name'
import { type SessionState, type SessionUser, type SyncStatus, type UserRole } from '../shared/ipc/contract'
import { IpcFailure, type IpcErrorCode } from '../shared/ipc/errors'
import { type AppSettings } from './app-settings'
import { createIdleLock } from './idle-lock'
import { type DeviceCore } from './core/device'
import { createCustomers } from './core/customers'
import { ReplicaNotEmptyError } from './demo/seed-device'
import { createSales } from './core/sales'
import { createTraining } from './core/training'
import { createImportService } from './core/transfer/import/service'
import { createAttendanceList } from './core/transfer/attendance-list'
import { uuidv7 } from '../shared/ids/uuidv7'
import { createKpi } from './core/kpi'
import { createProducts } from './core/products'
import { createDashboard } from './core/dashboard'
import { createMeetings } from './core/meetings'
import { createRecords } from './core/records'
import { createAdmin } from './core/admin'
import { AdminOnlineError, createAdminOnlineDevice, type AdminOnlineFailure } from './core/admin/online'
import { createSyncReview } from './core/sync/review'
import { createPermissionsReader } from './core/common/permissions'
import { createUserNames, domainContextOf, toTier } from './core/common/context'
import { quoteIdent } from './core/sqlite'
import { writableTables } from '../shared/model/permission-rules'
import { OtherUserPendingError, type SessionUser as CoreUser } from './core/session'
import { isSyncError, type SyncErrorKind } from './core/sync/errors'
import { type DevicePort } from './handlers/context'
import { createFilesDevice } from './core/files'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The local user of demo mode: the demo data's team manager, so "my" pipeline and team views have rows.
 * Demo data is never pushed anywhere.
 */
const DEMO_ACCOUNT = DEMO_ACCOUNTS.manager
export const DEMO_USER: SessionUser = {
  id: DEMO_ACCOUNT.id,
  name: displayName(DEMO_ACCOUNT),
  email: DEMO_ACCOUNT.email,
  role: 'MANAGER',
}

const ROLES: readonly UserRole[] = ['EXECUTIVE', 'MANAGER', 'OPERATOR']

export function toSessionUser(user: CoreUser): SessionUser {
  const { firstName, lastName, tier } = user
  const name = typeof lastName === 'string' && typeof firstName === 'string' && (lastName || firstName) ? displayName({ lastName, firstName }) : user.email
  const role = ROLES.find((r) => r === tier) ?? 'OPERATOR'
  return { id: user.id, name, email: user.email, role }
}

const LOGIN_ERRORS: Record<SyncErrorKind, IpcErrorCode> = {
  auth: 'session.invalidCredentials',
  forbidden: 'session.forbidden',
  wiped: 'session.deviceWiped',
  offline: 'session.serverUnreachable',
  rate_limited: 'session.rateLimited',
  schema_version: 'session.versionMismatch',
  server: 'session.serverError',
  client: 'session.serverError',
  protocol: 'session.serverError',
  disk_full: 'session.diskFull',
}

function loginFailure(error: unknown): never {
  if (error instanceof OtherUserPendingError) {
    throw new IpcFailure('session.otherUserPending', {
      email: error.previousEmail,
      pending: error.pending,
      rejected: error.rejected,
    })
  }
  if (isSyncError(error)) {
    const seconds = error.details.retryAfterMs ? Math.ceil(error.details.retryAfterMs / 1000) : 0
    throw new IpcFailure(LOGIN_ERRORS[error.kind], error.kind === 'rate_limited' ? { seconds } : {})
  }
  throw error
}

function syncFailureCode(kind: SyncErrorKind | 'internal' | undefined): IpcErrorCode {
  if (kind === 'offline') return 'sync.offline'
  if (kind === 'auth') return 'sync.signInAgain'
  if (kind === 'wiped') return 'session.deviceWiped'
  if (kind === 'schema_version') return 'sync.appOutdated'
  return 'sync.failed'
}

export interface CoreDevicePortOptions {
  readonly core: DeviceCore
  readonly settings: AppSettings
  /** Closes what the core does not own (the database). */
  readonly closeDatabase: () => void
  /** Fills an empty replica with the demo data (local rows only, never in the outbox); throws if it is not empty. */
  readonly seedDemo: () => void
  /** Empties the replica of every synced row and local edit, so demo rows never meet a company server. */
  readonly clearReplica: () => void
  /** The device's file store directory (attachments); default: beside nothing, in the OS temp directory (tests). */
  readonly filesDir?: string
  readonly replica: ReplicaPort
}

export function createCoreDevicePort({ core, settings, closeDatabase, seedDemo, clearReplica, filesDir, replica }: CoreDevicePortOptions): DevicePort {
  const isDemo = (): boolean => settings.get('mode') === 'demo'

  const sessionState = (): SessionState => {
    if (isDemo()) return { status: 'demo', user: DEMO_USER }
    const user = core.session.current()
    if (!user) return { status: 'none' }
    return {
      status: 'signed-in',
      user: toSessionUser(user),
      serverUrl: core.session.serverUrl() ?? '',
      ...(core.session.passwordChangeRequired() ? { passwordChangeRequired: true } : {}),
    }
  }

  const syncStatus = (): SyncStatus => {
    const s = core.status.get()
    const localOnly = isDemo() || core.session.current() === null
    return {
      connection: localOnly ? 'local-only' : s.online === null ? 'connecting' : s.online ? 'online' : 'offline',
      syncing: s.syncing,
      // Demo edits are never sent anywhere: no "changes to send".
      pending: isDemo() ? 0 : s.pendingCount,
      rejected: s.rejectedCount,
      conflicts: s.openConflictsCount,
      lastSyncedAt: s.lastSyncAt,
      attention: localOnly
        ? null
        : s.needsSignIn
          ? 'sign-in'
          : s.needsUpdate
            ? 'update'
            : s.lastError?.kind === 'disk_full'
              ? 'disk-full'
              : s.lastError && s.nextRetryAt
                ? 'retrying'
                : null,
      diskFullNeededMb: !localOnly && s.lastError?.kind === 'disk_full' ? Math.ceil((s.lastError.neededBytes ?? 0) / (1024 * 1024)) : null,
      nextRetryAt: !localOnly && s.nextRetryAt !== null ? new Date(s.nextRetryAt).toISOString() : null,
    }
  }

  const permissionsReader = createPermissionsReader(core.sqlite)
  const lock = createIdleLock(settings)
  // One context for every domain (core/<domain>/index.ts: create<Domain>(ctx)); the customers, sales and products
  // repositories are shared by their screens and the import (which writes through them, so it obeys the same rules).
  const ctx = domainContextOf(core, () => new Date())
  const customers = createCustomers(ctx)
  const sales = createSales(ctx)
  const products = createProducts(ctx)
  const adminOnline = createAdminOnlineDevice(core)
  const files = createFilesDevice(core, ctx, filesDir ?? join(tmpdir(), `crm-files-${core.state.get('device_id') ?? 'device'}`))

  // The status is pushed, not polled: the core's status store notifies on every change; identical contract-shaped
  // snapshots (a page's count refresh that changed nothing) are not sent twice.
  const statusListeners = new Set<(status: SyncStatus) => void>()
  let lastPushed = ''
  const pushStatus = (): void => {
    if (statusListeners.size === 0) return
    const status = syncStatus()
    const key = JSON.stringify(status)
    if (key === lastPushed) return
    lastPushed = key
    for (const listener of statusListeners) {
      try {
        listener(status)
      } catch {
        // A closed window's listener must not stop the others.
      }
    }
  }
  core.status.subscribe(pushStatus)
  // Demo seeding and leaving the demo write the replica without the writer: every table may have changed.
  const everythingChanged = (): void => {
    core.announceChanges({ source: 'local', tables: core.registry.tables.map((t) => t.name) })
    lastPushed = ''
    pushStatus()
  }

  const userNames = createUserNames(core.sqlite)

  return {
    customers,
    records: createRecords(ctx),
    sales,
    syncReview: createSyncReview(core),
    training: createTraining(ctx),
    transfer: {
      ...createImportService({ sqlite: core.sqlite, writer: core.writer, customers, leads: sales.leads, products, newId: uuidv7 }),
      attendance: createAttendanceList(core.sqlite).list,
    },
    kpi: createKpi(ctx),
    products,
    dashboard: createDashboard(ctx),
    meetings: createMeetings(ctx),
    admin: createAdmin(ctx),
    adminOnline,
    lock,
    files,

    async sessionState() {
      return sessionState()
    },

    async permissions() {
      const user = core.session.current() ?? core.session.localUser()
      if (!user) return { source: 'none', tables: {} }
      const permissions = permissionsReader.forUser(user.id, toTier(user.tier))
      const assigner = readAssignerFacts(core.sqlite, user.id)
      return { source: permissions.source, tables: writableTables(permissions), ...(assigner ? { assigner } : {}) }
    },

    async startDemo() {
      if (sessionState().status !== 'none') throw new IpcFailure('session.alreadyStarted')
      if (settings.get('demo_seeded') !== '1') {
        try {
          seedDemo()
        } catch (error) {
          // Rows of a signed-out account are still here (kept for their unsynced edits): never mix demo data into them.
          if (error instanceof ReplicaNotEmptyError) throw new IpcFailure('session.alreadyStarted')
          throw error
        }
        settings.set('demo_seeded', '1')
        everythingChanged()
      }
      // The demo user may edit the demo data; the edits stay on this PC (nothing ever syncs in demo mode).
      core.session.startLocal({ id: DEMO_USER.id, email: DEMO_USER.email, tier: 'MANAGER', lastName: DEMO_ACCOUNT.lastName, firstName: DEMO_ACCOUNT.firstName })
      settings.set('mode', 'demo')
      pushStatus()
      return sessionState()
    },

    async login(input) {
      // Demo data must not meet a company server: leave demo mode (sign out) first.
      if (isDemo()) throw new IpcFailure('session.alreadyStarted')
      try {
        await core.session.signIn(input)
      } catch (error) {
        loginFailure(error)
      }
      pushStatus()
      // The idle lock checks the password offline against this (scrypt, random salt), never the server's hash.
      await lock.rememberPassword(input.password)
      return sessionState()
    },

    async changePassword({ currentPassword, newPassword }) {
      try {
        await adminOnline.changePassword(currentPassword, newPassword)
      } catch (error) {
        if (!(error instanceof AdminOnlineError)) throw error
        const codes: Record<AdminOnlineFailure, IpcErrorCode> = {
          onlineRequired: 'admin.onlineRequired',
          signInAgain: 'sync.signInAgain',
          notAllowed: 'admin.notAllowed',
          duplicateEmail: 'admin.serverRefused',
          rejected: 'admin.serverRefused',
          wrongPassword: 'account.wrongPassword',
          tooManyAttempts: 'account.tooManyAttempts',
        }
        throw new IpcFailure(codes[error.kind])
      }
      core.session.passwordChanged()
      // The server answered nothing but this while the change was pending: sync now that it will.
      void core.syncNow().catch(() => undefined)
      return sessionState()
    },

    async logout({ force }) {
      if (isDemo()) {
        // Leaving the demo empties the replica: a later sign-in must start from the company's data alone. The user's
        // demo edits go with it, so they are counted and confirmed first (the renderer asks with this count).
        core.status.refreshCounts()
        const edits = core.status.get().pendingCount
        if (edits > 0 && !force) throw new IpcFailure('session.unsyncedChanges', { count: edits })
        clearReplica()
        core.session.endLocal()
        settings.set('demo_seeded', null)
        settings.set('mode', null)
        // The emptied outbox: without a recount the status bar kept "보낼 변경 130건" from the demo forever.
        core.status.refreshCounts()
        everythingChanged()
        pushStatus()
        return sessionState()
      }
      if (core.session.current()) {
        const result = await core.session.signOut({ force })
        if (!result.signedOut) throw new IpcFailure('session.unsyncedChanges', { count: result.pending })
        lock.forget()
      }
      pushStatus()
      return sessionState()
    },

    async syncStatus() {
      return syncStatus()
    },

    async syncNow() {
      if (syncStatus().connection === 'local-only') throw new IpcFailure('sync.notSignedIn')
      try {
        await core.syncNow()
      } catch (error) {
        const kind = isSyncError(error) ? error.kind : core.status.get().lastError?.kind
        throw new IpcFailure(syncFailureCode(kind))
      }
      return syncStatus()
    },

    replica,
    onChanges: (listener) => core.onChanges(listener),

    async lastEdit(table, id) {
      const meta = core.registry.get(table)
      const columns = meta ? new Set(meta.columns.map((c) => c.name)) : new Set<string>()
      if (!meta || !columns.has('updated_at')) return { exists: false, deleted: false, updatedAt: null, updatedById: null, updatedByName: null }
      const row = core.sqlite
        .prepare<[string], { updated_at: string | null; updated_by: string | null; deleted_at: string | null }>(
          `SELECT updated_at, updated_by, ${columns.has('deleted_at') ? 'deleted_at' : 'NULL AS deleted_at'} FROM ${quoteIdent(table)} WHERE id = ?`,
        )
        .get(id)
      if (!row) return { exists: false, deleted: false, updatedAt: null, updatedById: null, updatedByName: null }
      const deleted = row.deleted_at !== null
      return {
        exists: !deleted,
        deleted,
        updatedAt: row.updated_at,
        updatedById: row.updated_by,
        updatedByName: row.updated_by ? (userNames([row.updated_by]).get(row.updated_by) ?? null) : null,
      }
    },

    onSyncStatus(listener) {
      statusListeners.add(listener)
      return () => {
        statusListeners.delete(listener)
      }
    },

    async close() {
      statusListeners.clear()
      // The file loop's retry must not wake up on a closed database.
      await files.stop()
      await core.stop()
      closeDatabase()
    },
  }
}

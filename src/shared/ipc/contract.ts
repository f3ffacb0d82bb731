/**
 * The IPC contract between the renderer and main: one entry per channel of `ipcChannels`, each with the zod schema of
 * its input (validated in main before any handler runs) and the type of its output.
 *
 * Everything else is derived from here: the `window.crm` API type (`CrmApi`), the main-side handler table type
 * (`HandlerTable`) and the preload's function list.
 */
import { z } from 'zod'
import { type ChannelAction, type ChannelDomain, type IpcChannel } from './channels'
import { trashContract } from './trash-contract'
import { customerContract } from './contract-customers'
import { salesContract, syncReviewContract } from './sales-contract'
import { trainingContract } from './training-contract'
import { kpiContract } from './kpi-contract'
import { productsContract } from './products-contract'
import { transferContract } from './transfer-contract'
import { dashboardContract } from './dashboard-contract'
import { replicaContract } from './replica-contract'
import { meetingsContract } from './meetings-contract'
import { adminContract } from './admin-contract'
import { lockContract } from './lock-contract'
import { filesContract } from './files-contract'
import { type IpcResult } from './errors'
import { returns, type Returns } from './returns'
import { type PermissionAction } from '../model/permission-rules'
import { SYNCED_TABLES, type SyncedTable } from '../model/tables'
import { type AssignerFacts } from '../domain/assignment'

interface ChannelSpec {
  readonly input: z.ZodType
  readonly output: object
}

// ---- value shapes ---------------------------------------------------------------------------------------------------

export type AppRuntime = 'electron' | 'web-harness'

export interface AppInfo {
  readonly name: string
  readonly version: string
  readonly runtime: AppRuntime
  /** `process.platform` of the machine running main (`win32`, `darwin`, `linux`). */
  readonly platform: string
  /** Version of the synced schema this build speaks (see src/shared/sync/protocol.ts). */
  readonly schemaVersion: number
}

export type UserRole = 'EXECUTIVE' | 'MANAGER' | 'OPERATOR'

export interface SessionUser {
  readonly id: string
  /** Korean order, family name first, no space (홍길동). */
  readonly name: string
  readonly email: string
  readonly role: UserRole
}

/**
 * `none` is the first run: the user has not chosen demo data or a company server yet. `notice: 'device-wiped'`: it is
 * the first run again because an administrator revoked this PC with wipe and its copy was erased.
 */
export type SessionState =
  | { readonly status: 'none'; readonly notice?: 'device-wiped' }
  | { readonly status: 'demo'; readonly user: SessionUser }
  | {
      readonly status: 'signed-in'
      readonly user: SessionUser
      readonly serverUrl: string
      /** Signed in with an administrator's one-time password: the app asks for a new one before anything else. */
      readonly passwordChangeRequired?: boolean
    }

/**
 * What the signed-in (or demo) user may write, per synced table, by the rule the server enforces
 * (src/shared/model/permission-rules.ts). `none`: nobody is signed in, nothing is writable.
 */
export interface MyPermissions {
  readonly source: 'role' | 'tier' | 'none'
  readonly tables: Partial<Record<SyncedTable, readonly PermissionAction[]>>
  /**
   * Who the user is for the owner rule (src/shared/domain/assignment.ts), so owner pickers offer only the people the
   * server would accept. Absent when the directory does not know the user yet (the server stays the referee).
   */
  readonly assigner?: AssignerFacts
}

export interface SyncStatus {
  /**
   * `local-only`: no server to sync with (first run, demo data). `connecting`: signed in, no answer from the server
   * yet since the app started.
   */
  readonly connection: 'online' | 'offline' | 'connecting' | 'local-only'
  readonly syncing: boolean
  /** Local changes written but not yet acknowledged by the server. */
  readonly pending: number
  /** Changes the server refused; they stay visible until the user deals with them. */
  readonly rejected: number
  /** Open conflicts the user is party to (a concurrent edit won over theirs, or theirs over someone else's). */
  readonly conflicts: number
  /** ISO-8601 UTC of the last successful sync, null if never. */
  readonly lastSyncedAt: string | null
  /** Sync is paused or failing and the user should know why; null when all is well. */
  readonly attention: 'sign-in' | 'update' | 'retrying' | 'disk-full' | null
  /** With attention 'disk-full': how many MB must be freed (sync resumes by itself once space is freed). */
  readonly diskFullNeededMb: number | null
  /** ISO-8601 UTC of the next automatic retry while backing off. */
  readonly nextRetryAt: string | null
}

/**
 * Who last changed a record and when, and whether it is still on this device and not deleted (it may have left the
 * user's scope). A form open on the record uses it to say "someone else changed this" (lib/concurrent-edit.ts).
 */
export interface RecordLastEdit {
  /** False when the row is gone from the replica (out of scope) or soft-deleted. */
  readonly exists: boolean
  readonly deleted: boolean
  readonly updatedAt: string | null
  readonly updatedById: string | null
  /** 홍길동; null when the directory does not know the user. */
  readonly updatedByName: string | null
}

// ---- input schemas --------------------------------------------------------------------------------------------------

const noInput = z.undefined()

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** https everywhere; plain http only to this machine (a developer's local sync server). */
export const serverUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value)
      if (url.username || url.password) return false
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
    } catch {
      return false
    }
  }, 'must be an https:// URL')

export const loginInputSchema = z.strictObject({
  serverUrl: serverUrlSchema,
  email: z.string().trim().min(3).max(255),
  password: z.string().min(1).max(1024),
})
export type LoginInput = z.input<typeof loginInputSchema>

/** The server's rule (src/shared/sync/protocol.ts changePasswordRequestSchema): at least 10 characters. */
export const PASSWORD_MIN_LENGTH = 10
export const changePasswordInputSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(PASSWORD_MIN_LENGTH).max(1024),
})

// ---- the contract ---------------------------------------------------------------------------------------------------

export const ipcContract = {
  'app.info': { input: noInput, output: returns<AppInfo>() },
  /** Opens an http(s) link in the user's browser after main has checked it; the renderer never navigates away. */
  'app.openExternal': { input: z.strictObject({ url: z.string().max(2048) }), output: returns<{ opened: boolean }>() },
  'session.state': { input: noInput, output: returns<SessionState>() },
  'session.startDemo': { input: noInput, output: returns<SessionState>() },
  'session.login': { input: loginInputSchema, output: returns<SessionState>() },
  /** Read from the replica's directory; the server still checks every write. */
  'session.permissions': { input: noInput, output: returns<MyPermissions>() },
  /**
   * Refuses (`session.unsyncedChanges`) while local changes are unsynced, unless `force`. Even forced, unsynced changes
   * stay on this PC and are sent when the same user signs in again; only the tokens are forgotten.
   */
  'session.logout': {
    input: z
      .strictObject({
        force: z.boolean().default(false),
        /** Also erase this PC's copy (replica, its key, tokens). */
        removeCopy: z.boolean().default(false),
        /** With removeCopy while changes wait to be sent: their number, as the user confirmed it. */
        confirmDiscard: z.number().int().min(0).max(10_000_000).optional(),
      })
      .optional(),
    output: returns<SessionState>(),
  },
  /**
   * Online only: the signed-in user's own password (settings; and the forced change after a reset). Other devices of
   * the user are signed out; this one stays signed in. `account.wrongPassword` when the current one is wrong.
   */
  'session.changePassword': { input: changePasswordInputSchema, output: returns<SessionState>() },
  'sync.status': { input: noInput, output: returns<SyncStatus>() },
  'sync.now': { input: noInput, output: returns<SyncStatus>() },
  'sync.lastEdit': { input: z.strictObject({ table: z.enum(SYNCED_TABLES), id: z.string().uuid() }), output: returns<RecordLastEdit>() },
  ...customerContract,
  ...salesContract,
  ...syncReviewContract,
  ...trainingContract,
  ...kpiContract,
  ...productsContract,
  ...transferContract,
  ...dashboardContract,
  ...meetingsContract,
  ...adminContract,
  ...lockContract,
  ...filesContract,
  ...replicaContract,
  ...trashContract,
} as const satisfies { readonly [K in IpcChannel]: ChannelSpec }

type Contract = typeof ipcContract

/** What the caller passes (before zod defaults and transforms). */
export type InputOf<K extends IpcChannel> = z.input<Contract[K]['input']>
/** What the handler receives (after validation). */
export type ParsedInputOf<K extends IpcChannel> = z.output<Contract[K]['input']>
export type OutputOf<K extends IpcChannel> = Contract[K]['output'] extends Returns<infer O> ? O : never

/** One function of `window.crm`; channels without input take no argument. */
export type ChannelFunction<K extends IpcChannel> =
  undefined extends InputOf<K> ? (input?: InputOf<K>) => Promise<IpcResult<OutputOf<K>>> : (input: InputOf<K>) => Promise<IpcResult<OutputOf<K>>>

/** `window.crm.<domain>.<action>(input)`, exactly one function per channel. */
export type CrmApi = {
  readonly [D in ChannelDomain]: {
    readonly [A in ChannelAction<IpcChannel, D>]: `${D}.${A}` extends IpcChannel ? ChannelFunction<`${D}.${A}`> : never
  }
}

/** Who is calling, as established by the transport (Electron sender frame, or the harness's HTTP origin). */
export interface CallMeta {
  readonly channel: IpcChannel
  readonly origin: string
}

/** Main's implementation of every channel; used unchanged by Electron's ipcMain and by the web harness. */
export type HandlerTable = {
  readonly [K in IpcChannel]: (input: ParsedInputOf<K>, meta: CallMeta) => Promise<OutputOf<K>> | OutputOf<K>
}

/**
 * Who is using this device. Three rules protect unsynced work ("unsynced work lost on logout" is a top complaint of
 * offline field users — design field notes):
 * - Signing out never deletes the outbox or the replica: only the tokens. With pending changes it refuses unless
 *   forced, and even forced the changes stay and are sent when the same user signs in again.
 * - A different person (or a different server) may sign in only when the outbox is empty (no pending and no rejected
 *   entries), because the outbox belongs to the last user and their edits must reach the server as theirs.
 * - Opening the app offline needs no network: the last signed-in user's profile is in sync_state.
 *
 * Device id: one per installation, generated on first run and kept across restarts and sign-ins of the same user.
 * The server binds a device id to one user ("sign in with a new device id" otherwise), so when a different person
 * takes over the machine the replica of the previous user is cleared (everything in it is on the server — the outbox
 * is empty by the rule above) and a fresh device id is issued.
 */
import { uuidv7 } from '../../shared/ids/uuidv7'
import { nodeIdForDevice } from '../../shared/sync/hlc'
import { SCHEMA_VERSION } from '../../shared/sync/protocol'
import { type DeviceClock } from './clock'
import { type OutboxStore } from './outbox/outbox-store'
import { type TableRegistry } from './replica/table-meta'
import { quoteIdent, type Sqlite } from './sqlite'
import { type DeviceState } from './state'
import { SyncError } from './sync/errors'
import { type Transport } from './sync/transport'

/** `sync_state.signed_in` value of a local-only (demo) session. */
export const LOCAL_SESSION = 'local'

export interface SessionUser {
  readonly id: string
  readonly email: string
  /** The rest of the server's public profile (tier, names …), as received. */
  readonly [key: string]: unknown
}

export interface SignInInput {
  readonly serverUrl: string
  readonly email: string
  readonly password: string
}

export type SignOutResult =
  | { readonly signedOut: true; readonly pending: number }
  /** Refused: `pending` local changes have not reached the server. Call again with `force` to sign out anyway. */
  | { readonly signedOut: false; readonly pending: number }

export interface Session {
  signIn(input: SignInInput): Promise<SessionUser>
  /** Resume as the last signed-in user without any network; null when nobody is signed in. */
  openOffline(): SessionUser | null
  signOut(options?: { readonly force?: boolean }): Promise<SignOutResult>
  current(): SessionUser | null
  /**
   * A local-only user (the demo): local writes are attributed to them and kept in the outbox, but nothing syncs —
   * `current()` stays null, so the sync loop and live events never start. Ended by `endLocal()`.
   */
  startLocal(user: SessionUser): void
  localUser(): SessionUser | null
  endLocal(): void
  deviceId(): string
  serverUrl(): string | null
  /** True after signing in with a one-time password until a new password is chosen (POST /v1/auth/password). */
  passwordChangeRequired(): boolean
  /** The new password was accepted by the server. */
  passwordChanged(): void
  /** The transport for the current server (throws when none was ever configured). */
  transport(): Transport
}

export class OtherUserPendingError extends Error {
  override readonly name = 'OtherUserPendingError'
  constructor(
    readonly previousEmail: string,
    readonly pending: number,
    readonly rejected: number,
  ) {
    super(
      `${previousEmail} still has ${pending} unsynced and ${rejected} rejected change(s) on this device. ` +
        `Sign in as ${previousEmail} and sync (or dismiss the rejected changes) before another account can use this device.`,
    )
  }
}

export interface SessionOptions {
  readonly sqlite: Sqlite
  readonly state: DeviceState
  readonly outbox: OutboxStore
  readonly clock: DeviceClock
  readonly registry: TableRegistry
  readonly createTransport: (serverUrl: string) => Transport
  readonly schemaVersion?: number
  readonly newDeviceId?: () => string
  readonly onSignedIn?: (user: SessionUser) => void
  readonly onSignedOut?: () => void
}

/** The device id, created on first run. Call before anything derives from it (the clock's node id). */
export function ensureDeviceId(state: DeviceState, generate: () => string = uuidv7): string {
  const existing = state.get('device_id')
  if (existing) return existing
  const id = generate()
  state.set('device_id', id)
  return id
}

export function normalizeServerUrl(url: string): string {
  return url.trim().replace(/\/+$/, '')
}

export function createSession(options: SessionOptions): Session {
  const { sqlite, state, outbox, clock, registry } = options
  const schemaVersion = options.schemaVersion ?? SCHEMA_VERSION
  const newDeviceId = options.newDeviceId ?? uuidv7
  let transport: Transport | null = null

  const profile = (): SessionUser | null => {
    const text = state.get('user_profile')
    if (!text) return null
    try {
      return JSON.parse(text) as SessionUser
    } catch {
      return null
    }
  }

  const transportFor = (serverUrl: string): Transport => {
    if (!transport || transport.baseUrl !== serverUrl) transport = options.createTransport(serverUrl)
    return transport
  }

  /** Drop the previous user's replica (all of it is on the server) and start pulling from scratch. */
  const resetReplica = (): void => {
    for (const table of [...registry.tables].reverse()) sqlite.prepare(`DELETE FROM ${quoteIdent(table.name)}`).run()
    for (const key of ['pull_cursor', 'watermark', 'last_sync_at'] as const) state.set(key, null)
  }

  const assertOutboxEmpty = (previous: SessionUser | null): void => {
    const pending = outbox.pendingCount()
    const rejected = outbox.rejectedCount()
    if (pending + rejected > 0) throw new OtherUserPendingError(previous?.email ?? 'The previous user', pending, rejected)
  }

  return {
    async signIn({ serverUrl: rawUrl, email, password }) {
      const serverUrl = normalizeServerUrl(rawUrl)
      const previous = profile()
      const previousServer = state.get('server_url')
      // Decided before the network call: a mistyped password must not cost the previous user their replica.
      const takeover =
        previous !== null && (previous.email.trim().toLowerCase() !== email.trim().toLowerCase() || (previousServer !== null && previousServer !== serverUrl))
      if (takeover) assertOutboxEmpty(previous)
      const deviceId = takeover ? newDeviceId() : ensureDeviceId(state, newDeviceId)

      const client = transportFor(serverUrl)
      const result = await client.login({ email: email.trim(), password, deviceId })
      const { min, max } = result.schemaVersions
      if (schemaVersion < min || schemaVersion > max) {
        await client.logout()
        throw new SyncError(
          'schema_version',
          schemaVersion < min ? 'This app is too old for the server — update the app' : 'The server is older than this app; try again later',
        )
      }
      const user = result.user as SessionUser
      if (!takeover && previous !== null && previous.id !== user.id) {
        // Same email, different account (re-created user): the outbox still belongs to the old account.
        if (outbox.pendingCount() + outbox.rejectedCount() > 0) {
          await client.logout()
          assertOutboxEmpty(previous)
        }
      }
      const switching = takeover || (previous !== null && previous.id !== user.id)
      sqlite.transaction(() => {
        if (switching) resetReplica()
        state.set('device_id', deviceId)
        state.set('user_id', user.id)
        state.set('user_profile', JSON.stringify(user))
        state.set('server_url', serverUrl)
        state.set('schema_version', String(schemaVersion))
        state.set('signed_in', '1')
        state.set('password_change_required', result.passwordChangeRequired === true ? '1' : null)
      })()
      if (clock.node !== nodeIdForDevice(deviceId)) clock.rebind(deviceId)
      options.onSignedIn?.(user)
      return user
    },

    openOffline() {
      if (state.get('signed_in') !== '1') return null
      const user = profile()
      const serverUrl = state.get('server_url')
      if (serverUrl) transportFor(serverUrl)
      if (user) options.onSignedIn?.(user)
      return user
    },

    async signOut({ force = false } = {}) {
      const pending = outbox.pendingCount()
      if (pending > 0 && !force) return { signedOut: false, pending }
      const serverUrl = state.get('server_url')
      // Only the tokens go (logout clears them even offline). The outbox and the replica stay on disk.
      if (serverUrl) await transportFor(serverUrl).logout()
      state.set('signed_in', '0')
      options.onSignedOut?.()
      return { signedOut: true, pending }
    },

    current() {
      return state.get('signed_in') === '1' ? profile() : null
    },

    startLocal(user) {
      if (state.get('signed_in') === '1') throw new Error('A server account is signed in; sign out before a local session')
      sqlite.transaction(() => {
        state.set('user_id', user.id)
        state.set('user_profile', JSON.stringify(user))
        state.set('signed_in', LOCAL_SESSION)
      })()
    },

    localUser() {
      return state.get('signed_in') === LOCAL_SESSION ? profile() : null
    },

    endLocal() {
      if (state.get('signed_in') !== LOCAL_SESSION) return
      sqlite.transaction(() => {
        state.set('signed_in', '0')
        state.set('user_id', null)
        state.set('user_profile', null)
      })()
    },

    deviceId: () => ensureDeviceId(state, newDeviceId),

    passwordChangeRequired: () => state.get('signed_in') === '1' && state.get('password_change_required') === '1',

    passwordChanged() {
      state.set('password_change_required', null)
    },

    serverUrl: () => state.get('server_url'),

    transport() {
      const serverUrl = state.get('server_url')
      if (!serverUrl) throw new SyncError('auth', 'No server configured; sign in first')
      return transportFor(serverUrl)
    },
  }
}

/**
 * The administration calls that need the server itself (sync-server/src/admin): creating an account (the password is
 * hashed there and never stored on a device) and reading the audit log. Made from the main process with the session's
 * access token, which never reaches the renderer; a 401 refreshes once through the sync transport (the one place that
 * rotates tokens) and retries once.
 *
 * A local session (the demo) has no server, and an offline device cannot reach it: both answer `onlineRequired`.
 */
import { z } from 'zod'
import { displayName } from '../../../shared/domain/korean-name'
import { USER_TIERS } from '../../../shared/model/enums'
import { type AdminUserDevice, type AuditPage } from '../../../shared/ipc/admin-types'
import { type auditQuerySchema, type recordHistoryQuerySchema, type userCreateSchema } from '../../../shared/model/validation/admin'
import { type DeviceCore } from '../device'
import { type Session } from '../session'
import { type TokenStore } from '../sync/tokens'

export type AdminOnlineFailure = 'onlineRequired' | 'signInAgain' | 'notAllowed' | 'duplicateEmail' | 'rejected' | 'wrongPassword' | 'tooManyAttempts'

export class AdminOnlineError extends Error {
  override readonly name = 'AdminOnlineError'
  constructor(
    readonly kind: AdminOnlineFailure,
    detail: string,
  ) {
    super(detail)
  }
}

export interface CreatedAccount {
  readonly id: string
  readonly name: string
  readonly email: string
}

export interface AdminOnline {
  createUser(input: z.output<typeof userCreateSchema>): Promise<CreatedAccount>
  audit(query: z.output<typeof auditQuerySchema>): Promise<AuditPage>
  recordHistory(query: z.output<typeof recordHistoryQuerySchema>): Promise<AuditPage>
  /** A user's devices and live sessions (administrators). */
  userDevices(userId: string): Promise<AdminUserDevice[]>
  /** Revoke a device; with `wipe` it also erases its copy on its next contact (its unsent edits are lost). */
  revokeDevice(deviceId: string, wipe: boolean): Promise<void>
  /** A one-time password the user must replace at their next sign-in; shown once. */
  resetPassword(userId: string): Promise<string>
  /** The signed-in user's own password (settings, and the forced change after a reset). */
  changePassword(currentPassword: string, newPassword: string): Promise<void>
}

export interface AdminOnlineDeps {
  readonly session: Pick<Session, 'current' | 'serverUrl' | 'transport'>
  readonly tokens: TokenStore
  readonly fetch: typeof fetch
  readonly timeoutMs?: number
}

const createdSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), firstName: z.string(), lastName: z.string(), tier: z.enum(USER_TIERS) }),
})

const auditSchema = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      table: z.string(),
      rowId: z.string(),
      action: z.string(),
      changes: z.record(z.string(), z.object({ old: z.unknown(), new: z.unknown() })).nullable(),
      userId: z.string().nullable(),
      userName: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  nextBefore: z.string().nullable(),
})

const devicesSchema = z.object({
  devices: z.array(
    z.object({
      deviceId: z.string(),
      createdAt: z.string(),
      lastSeenAt: z.string(),
      schemaVersion: z.number(),
      revokedAt: z.string().nullable(),
      wipeRequestedAt: z.string().nullable(),
      sessions: z.array(
        z.object({ id: z.string(), createdAt: z.string(), expiresAt: z.string(), ip: z.string().nullable(), userAgent: z.string().nullable() }),
      ),
    }),
  ),
})

const searchOf = (query: Readonly<Record<string, unknown>>): string => {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value))
  return search.toString()
}

const errorSchema = z.object({ error: z.object({ code: z.string(), details: z.unknown().optional() }) })

export function createAdminOnline({ session, tokens, fetch: doFetch, timeoutMs = 20_000 }: AdminOnlineDeps): AdminOnline {
  const send = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> => {
    const serverUrl = session.serverUrl()
    // current() is null for a local (demo) session: there is no company server to ask.
    if (!session.current() || !serverUrl) throw new AdminOnlineError('onlineRequired', 'No server session')
    let stored = await tokens.load()
    if (!stored) throw new AdminOnlineError('signInAgain', 'No tokens')
    for (let attempt = 0; ; attempt += 1) {
      let response: Response
      try {
        response = await doFetch(`${serverUrl}${path}`, {
          method,
          headers: {
            accept: 'application/json',
            authorization: `Bearer ${stored.accessToken}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        })
      } catch {
        throw new AdminOnlineError('onlineRequired', `Cannot reach the server (${path})`)
      }
      if (response.status === 401 && attempt === 0) {
        await response.body?.cancel()
        try {
          stored = await session.transport().refresh()
        } catch {
          throw new AdminOnlineError('signInAgain', 'The session could not be refreshed')
        }
        continue
      }
      if (response.status === 204) return null
      if (response.ok) return response.json()
      const parsed = errorSchema.safeParse(await response.json().catch(() => null))
      const reason = (parsed.data?.error.details as { reason?: unknown } | undefined)?.reason
      if (response.status === 401) throw new AdminOnlineError('signInAgain', 'The server no longer accepts this session')
      if (response.status === 429) throw new AdminOnlineError('tooManyAttempts', 'Too many attempts; try again later')
      if (response.status === 403 && path === '/v1/auth/password') throw new AdminOnlineError('wrongPassword', 'The current password is incorrect')
      if (response.status === 403) throw new AdminOnlineError('notAllowed', 'Administration is not allowed for this user')
      if (reason === 'duplicate_email') throw new AdminOnlineError('duplicateEmail', 'The address is already used')
      if (response.status >= 500) throw new AdminOnlineError('onlineRequired', `The server failed (${response.status})`)
      throw new AdminOnlineError('rejected', `The server refused (${response.status} ${parsed.data?.error.code ?? ''})`)
    }
  }

  return {
    async createUser(input) {
      const { user } = createdSchema.parse(await send('POST', '/admin/users', input))
      return { id: user.id, email: user.email, name: displayName({ lastName: user.lastName, firstName: user.firstName }) }
    },
    async audit(query) {
      return auditSchema.parse(await send('GET', `/admin/audit?${searchOf(query)}`))
    },
    async recordHistory(query) {
      return auditSchema.parse(await send('GET', `/v1/records/history?${searchOf(query)}`))
    },
    async userDevices(userId) {
      return devicesSchema.parse(await send('GET', `/admin/users/${encodeURIComponent(userId)}/devices`)).devices
    },
    async revokeDevice(deviceId, wipe) {
      await send('POST', `/admin/devices/${encodeURIComponent(deviceId)}/revoke`, { wipe })
    },
    async resetPassword(userId) {
      return z.object({ oneTimePassword: z.string() }).parse(await send('POST', `/admin/users/${encodeURIComponent(userId)}/password-reset`, {}))
        .oneTimePassword
    },
    async changePassword(currentPassword, newPassword) {
      await send('POST', '/v1/auth/password', { currentPassword, newPassword })
    },
  }
}

/** The server-only administration of a running device, and a pull right after it so what the server made is here. */
export interface AdminOnlineDevice extends AdminOnline {
  /** Pull now (best effort) so an account the server just created is on this device when the screen reloads. */
  pullNow(): Promise<void>
}

export function createAdminOnlineDevice(core: Pick<DeviceCore, 'session' | 'tokens' | 'fetch' | 'syncNow'>): AdminOnlineDevice {
  return {
    ...createAdminOnline({ session: core.session, tokens: core.tokens, fetch: core.fetch }),
    async pullNow() {
      try {
        await core.syncNow()
      } catch {
        // Offline right after creating: the next scheduled sync delivers the user.
      }
    },
  }
}

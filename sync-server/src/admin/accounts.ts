/**
 * Account administration through the server (issue 17 "Accounts", issue 18 wipe): a user's devices and sessions,
 * revoking a device (optionally with wipe), and resetting a password to a one-time password. Each is audited, and
 * each obeys the account rule (src/shared/model/account-rules.ts): below executive, only users below your own tier.
 */
import { randomInt } from 'node:crypto'
import type { Pool } from 'pg'
import { userAdminRefusal, USER_ADMIN_REFUSAL_MESSAGES } from '../../../src/shared/model/account-rules'
import { hashPassword } from '../auth/password'
import { revokeUserSessions } from '../auth/sessions'
import { isUserTier, type UserTier } from '../auth/user-tier'
import { forbidden, HttpError } from '../http/errors'
import { withTransaction, type Queryable } from '../postgres/transaction'
import { writeAudit, type AuditActor } from '../sync/audit'

export interface AccountActor extends AuditActor {
  readonly tier: UserTier
}

const notFound = (what: string): HttpError => new HttpError(404, 'not_found', what)

/** The target's tier, or 404; then the rule, or 403. */
async function requireAdministrable(db: Queryable, actor: AccountActor, userId: string): Promise<UserTier> {
  const { rows } = await db.query<{ user_tier: string }>(`SELECT user_tier FROM users WHERE id = $1`, [userId])
  const tier = rows[0]?.user_tier
  if (!isUserTier(tier)) throw notFound('No such user')
  const refusal = userAdminRefusal(actor.tier, { targetTier: tier })
  if (refusal && userId !== actor.userId) throw forbidden(USER_ADMIN_REFUSAL_MESSAGES[refusal])
  return tier
}

export interface DeviceSession {
  readonly id: string
  readonly createdAt: string
  readonly expiresAt: string
  readonly ip: string | null
  readonly userAgent: string | null
}

export interface UserDevice {
  readonly deviceId: string
  readonly createdAt: string
  readonly lastSeenAt: string
  readonly schemaVersion: number
  readonly revokedAt: string | null
  readonly wipeRequestedAt: string | null
  /** Live sign-ins (not revoked, not expired) on this device: at most one since a new sign-in ends the older. */
  readonly sessions: readonly DeviceSession[]
}

/** The server's pool parses timestamps as text (wire types); a plain pool gives Dates. Either way: ISO UTC. */
const iso = (value: string | Date): string => new Date(value).toISOString()

export async function listUserDevices(pool: Pool, actor: AccountActor, userId: string): Promise<UserDevice[]> {
  await requireAdministrable(pool, actor, userId)
  const { rows } = await pool.query<{
    device_id: string
    created_at: string | Date
    last_seen_at: string | Date
    schema_version: number
    revoked_at: string | Date | null
    wipe_requested_at: string | Date | null
    sessions: { id: string; created_at: string; expires_at: string; ip: string | null; user_agent: string | null }[] | null
  }>(
    `SELECT d.device_id, d.created_at, d.last_seen_at, d.schema_version, d.revoked_at, d.wipe_requested_at,
            (SELECT json_agg(json_build_object('id', s.id, 'created_at', s.created_at, 'expires_at', s.expires_at,
                                               'ip', s.ip_address, 'user_agent', s.user_agent) ORDER BY s.created_at DESC)
               FROM user_sessions s
              WHERE s.device_id = d.device_id AND s.user_id = d.user_id AND s.revoked_at IS NULL
                AND s.rotated_at IS NULL AND s.expires_at > now()) AS sessions
       FROM sync_devices d
      WHERE d.user_id = $1
      ORDER BY d.revoked_at NULLS FIRST, d.last_seen_at DESC`,
    [userId],
  )
  return rows.map((row) => ({
    deviceId: row.device_id,
    createdAt: iso(row.created_at),
    lastSeenAt: iso(row.last_seen_at),
    schemaVersion: row.schema_version,
    revokedAt: row.revoked_at === null ? null : iso(row.revoked_at),
    wipeRequestedAt: row.wipe_requested_at === null ? null : iso(row.wipe_requested_at),
    sessions: (row.sessions ?? []).map((s) => ({
      id: s.id,
      createdAt: iso(s.created_at),
      expiresAt: iso(s.expires_at),
      ip: s.ip,
      userAgent: s.user_agent,
    })),
  }))
}

export interface RevokeOutcome {
  readonly found: boolean
  readonly alreadyRevoked: boolean
  readonly wipe: boolean
  readonly sessionsRevoked: number
  readonly userId: string | null
}

/**
 * Revokes the device and every session on it; with `wipe`, also marks it for wiping: from then on every request from
 * it answers 410 device_wiped and the app erases its replica, key and tokens (unsent edits on it are lost — the
 * administration screen says so before confirming). Used by the CLI and the administration API.
 */
export async function revokeDeviceIn(db: Queryable, deviceId: string, wipe: boolean): Promise<RevokeOutcome> {
  const { rows } = await db.query<{ user_id: string; revoked: boolean }>(
    `SELECT user_id::text AS user_id, revoked_at IS NOT NULL AS revoked FROM sync_devices WHERE device_id = $1 FOR UPDATE`,
    [deviceId],
  )
  const device = rows[0]
  if (!device) return { found: false, alreadyRevoked: false, wipe, sessionsRevoked: 0, userId: null }
  await db.query(
    `UPDATE sync_devices SET revoked_at = coalesce(revoked_at, now()),
            wipe_requested_at = CASE WHEN $2 THEN coalesce(wipe_requested_at, now()) ELSE wipe_requested_at END
      WHERE device_id = $1`,
    [deviceId, wipe],
  )
  const sessions = await db.query(`UPDATE user_sessions SET revoked_at = now(), successor_sealed = NULL WHERE device_id = $1 AND revoked_at IS NULL`, [
    deviceId,
  ])
  return { found: true, alreadyRevoked: device.revoked, wipe, sessionsRevoked: sessions.rowCount ?? 0, userId: device.user_id }
}

export async function adminRevokeDevice(pool: Pool, actor: AccountActor, deviceId: string, wipe: boolean): Promise<RevokeOutcome> {
  return withTransaction(pool, async (tx) => {
    const owner = await tx.query<{ user_id: string }>(`SELECT user_id::text AS user_id FROM sync_devices WHERE device_id = $1`, [deviceId])
    if (!owner.rows[0]) throw notFound('No such device')
    await requireAdministrable(tx, actor, owner.rows[0].user_id)
    const outcome = await revokeDeviceIn(tx, deviceId, wipe)
    await writeAudit(
      tx,
      [{ table: 'sync_devices', rowId: deviceId, action: 'UPDATE', changes: { [wipe ? 'wipe_requested_at' : 'revoked_at']: { old: null, new: 'now' } } }],
      actor,
    )
    return outcome
  })
}

/** Readable one-time password: no 0/O/1/l/I, grouped for reading aloud over the phone. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'
export function generateOneTimePassword(): string {
  const groups = Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''))
  return groups.join('-')
}

/**
 * Sets a one-time password the user must replace at their next sign-in, and ends every session of theirs (whoever
 * holds the old password or a token is out). The password is shown once to the administrator and never stored.
 */
export async function resetPassword(pool: Pool, actor: AccountActor, userId: string): Promise<{ oneTimePassword: string; sessionsRevoked: number }> {
  if (userId === actor.userId) throw forbidden('Change your own password in Settings, not by a reset')
  const oneTimePassword = generateOneTimePassword()
  const hash = await hashPassword(oneTimePassword)
  return withTransaction(pool, async (tx) => {
    await requireAdministrable(tx, actor, userId)
    await tx.query(
      `INSERT INTO user_credentials (user_id, password_hash, must_change_password, password_changed_at)
       VALUES ($1, $2, true, now())
       ON CONFLICT (user_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, must_change_password = true,
                                           password_changed_at = now(), updated_at = now()`,
      [userId, hash],
    )
    const sessionsRevoked = await revokeUserSessions(tx, userId)
    await writeAudit(tx, [{ table: 'user_credentials', rowId: userId, action: 'UPDATE', changes: { must_change_password: { old: null, new: true } } }], actor)
    return { oneTimePassword, sessionsRevoked }
  })
}

/**
 * Refresh-token sessions (user_sessions). One row per issued refresh token; the rows of one sign-in share a
 * `family_id` and its absolute end (`family_expires_at`): rotation never extends a sign-in past it. Refreshing marks
 * the presented row rotated and inserts its successor. Presenting a rotated token again means two parties hold the
 * chain (a stolen token): the whole family is revoked, which also ends every access token issued from it
 * (`app.authenticate` checks the session row) — except once, within the grace window, from the same device
 * (refresh-grace.ts: a crash between the server's rotation and the device saving the new token).
 */
import { uuidv7 } from '../../../src/shared/ids/uuidv7'
import type { Queryable } from '../postgres/transaction'
import { isUserTier, type UserTier } from './user-tier'

export interface NewSession {
  readonly userId: string
  readonly deviceId: string
  /** Omitted on sign-in (a new family starts), given on rotation. */
  readonly familyId?: string
  readonly refreshTokenHash: string
  readonly ttlMs: number
  /** On sign-in: the family's absolute lifetime. On rotation the family's end is copied from the rotated row. */
  readonly maxAgeMs?: number
  readonly familyExpiresAt?: Date | null
  readonly ip: string | null
  readonly userAgent: string | null
}

export async function insertSession(db: Queryable, session: NewSession): Promise<{ id: string; familyId: string }> {
  const id = uuidv7()
  const familyId = session.familyId ?? uuidv7()
  await db.query(
    `WITH bound AS (
       SELECT coalesce($9::timestamptz, now() + $10 * interval '1 millisecond') AS family_end
     )
     INSERT INTO user_sessions (id, user_id, device_id, family_id, refresh_token_hash, expires_at, family_expires_at, ip_address, user_agent, created_at)
     SELECT $1, $2, $3, $4, $5,
            CASE WHEN bound.family_end IS NULL THEN now() + $6 * interval '1 millisecond'
                 ELSE least(now() + $6 * interval '1 millisecond', bound.family_end) END,
            bound.family_end, $7, $8, now()
       FROM bound`,
    [
      id,
      session.userId,
      session.deviceId,
      familyId,
      session.refreshTokenHash,
      session.ttlMs,
      session.ip,
      session.userAgent?.slice(0, 1000) ?? null,
      session.familyExpiresAt ?? null,
      session.familyExpiresAt ? null : (session.maxAgeMs ?? null),
    ],
  )
  return { id, familyId }
}

export interface StoredSession {
  readonly id: string
  readonly userId: string
  readonly deviceId: string
  readonly familyId: string
  readonly familyExpiresAt: Date | null
  readonly rotated: boolean
  readonly revoked: boolean
  readonly expired: boolean
  /** Milliseconds since it was rotated (null when not rotated). */
  readonly rotatedAgoMs: number | null
  readonly successorId: string | null
  readonly successorSealed: string | null
  readonly graceUsed: boolean
}

interface SessionRow {
  id: string
  user_id: string
  device_id: string
  family_id: string
  family_expires_at: Date | null
  rotated: boolean
  revoked: boolean
  expired: boolean
  rotated_ago_ms: number | null
  successor_id: string | null
  successor_sealed: string | null
  grace_used: boolean
}

const SESSION_COLUMNS = `id, user_id, device_id, family_id, family_expires_at,
            rotated_at IS NOT NULL AS rotated, revoked_at IS NOT NULL AS revoked, expires_at <= now() AS expired,
            (extract(epoch FROM now() - rotated_at) * 1000)::float8 AS rotated_ago_ms,
            successor_id, successor_sealed, grace_used_at IS NOT NULL AS grace_used`

const toSession = (row: SessionRow): StoredSession => ({
  id: row.id,
  userId: row.user_id,
  deviceId: row.device_id,
  familyId: row.family_id,
  familyExpiresAt: row.family_expires_at,
  rotated: row.rotated,
  revoked: row.revoked,
  expired: row.expired,
  rotatedAgoMs: row.rotated_ago_ms,
  successorId: row.successor_id,
  successorSealed: row.successor_sealed,
  graceUsed: row.grace_used,
})

/** Locks the row (FOR UPDATE) so two concurrent refreshes with one token cannot both rotate it. */
export async function findSessionByTokenHashForUpdate(db: Queryable, refreshTokenHash: string): Promise<StoredSession | null> {
  const { rows } = await db.query<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM user_sessions WHERE refresh_token_hash = $1 FOR UPDATE`, [refreshTokenHash])
  return rows[0] ? toSession(rows[0]) : null
}

export async function findSessionByIdForUpdate(db: Queryable, sessionId: string): Promise<StoredSession | null> {
  const { rows } = await db.query<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM user_sessions WHERE id = $1 FOR UPDATE`, [sessionId])
  return rows[0] ? toSession(rows[0]) : null
}

/**
 * Marks a row rotated, remembering its successor (sealed) for the grace window. Older rows of the family forget
 * theirs: only the newest rotation can be replayed.
 */
export async function markSessionRotated(
  db: Queryable,
  session: { id: string; familyId: string },
  successor: { id: string; sealed: string | null },
): Promise<void> {
  await db.query(`UPDATE user_sessions SET successor_sealed = NULL WHERE family_id = $1 AND successor_sealed IS NOT NULL`, [session.familyId])
  await db.query(`UPDATE user_sessions SET rotated_at = now(), successor_id = $2, successor_sealed = $3 WHERE id = $1`, [
    session.id,
    successor.id,
    successor.sealed,
  ])
}

/** The grace is spent: the sealed successor is forgotten, a second replay is reuse. */
export async function markGraceUsed(db: Queryable, sessionId: string): Promise<void> {
  await db.query(`UPDATE user_sessions SET grace_used_at = now(), successor_sealed = NULL WHERE id = $1`, [sessionId])
}

export async function revokeFamily(db: Queryable, familyId: string): Promise<number> {
  const result = await db.query(`UPDATE user_sessions SET revoked_at = now(), successor_sealed = NULL WHERE family_id = $1 AND revoked_at IS NULL`, [familyId])
  return result.rowCount ?? 0
}

/** Logout: revokes the family of the session an access token was issued from. */
export async function revokeFamilyOfSession(db: Queryable, sessionId: string): Promise<number> {
  const result = await db.query(
    `UPDATE user_sessions SET revoked_at = now(), successor_sealed = NULL
      WHERE family_id = (SELECT family_id FROM user_sessions WHERE id = $1) AND revoked_at IS NULL`,
    [sessionId],
  )
  return result.rowCount ?? 0
}

/** A new sign-in on a device ends that device's older sessions (one live sign-in per device). */
export async function revokeDeviceSessions(db: Queryable, deviceId: string): Promise<number> {
  const result = await db.query(`UPDATE user_sessions SET revoked_at = now(), successor_sealed = NULL WHERE device_id = $1 AND revoked_at IS NULL`, [deviceId])
  return result.rowCount ?? 0
}

/**
 * Tier, role or active flag changed, or the password was reset: every session of the user on every device ends.
 * Their devices keep their outboxes; the next request answers 401 and the user signs in again. `exceptSessionId`
 * keeps the caller's own session (a user changing their own password stays signed in here).
 */
export async function revokeUserSessions(db: Queryable, userId: string, exceptSessionId: string | null = null): Promise<number> {
  const result = await db.query(
    `UPDATE user_sessions SET revoked_at = now(), successor_sealed = NULL
      WHERE user_id = $1 AND revoked_at IS NULL
        AND ($2::uuid IS NULL OR family_id <> (SELECT family_id FROM user_sessions WHERE id = $2::uuid))`,
    [userId, exceptSessionId],
  )
  return result.rowCount ?? 0
}

/** What every authenticated request knows about its caller, read from the database (never from the token). */
export interface LiveSession {
  readonly tier: UserTier
  readonly roleId: string | null
  readonly mustChangePassword: boolean
}

export type SessionState = { readonly state: 'live'; readonly session: LiveSession } | { readonly state: 'ended' } | { readonly state: 'wiped' }

/** The columns a session check reads (sessionStateSql); `live` is null when the session row was not found. */
export interface SessionStateRow {
  readonly wiped: boolean
  readonly live: boolean | null
  readonly user_tier: string | null
  readonly role_id: string | null
  readonly must_change: boolean | null
}

/**
 * Whether an access token's session still stands — not revoked, the user active, the device not revoked — and the
 * user's current tier and role, as a one-row FROM item (columns: SessionStateRow) for the SQL expressions of the
 * session id, user id and device id. One indexed lookup per authenticated request: the price of logout, demotion and
 * reuse detection taking effect at once instead of after the access token's TTL. The pull reads it in its own first
 * statement (pull.ts) instead of a statement of its own.
 */
export function sessionStateSql(sessionId: string, userId: string, deviceId: string): string {
  // Aliases of their own (ss_…): the pull's statement has its own `d` and `e`.
  return `(SELECT coalesce((SELECT ss_w.wipe_requested_at IS NOT NULL FROM sync_devices ss_w WHERE ss_w.device_id = ${deviceId}), false) AS wiped,
            (ss_s.revoked_at IS NULL AND ss_u.is_active IS NOT FALSE AND ss_u.deleted_at IS NULL AND ss_d.revoked_at IS NULL) AS live,
            ss_u.user_tier, ss_u.role_id, ss_c.must_change_password AS must_change
       FROM (SELECT 1) ss_one
       LEFT JOIN user_sessions ss_s ON ss_s.id = ${sessionId} AND ss_s.user_id = ${userId} AND ss_s.device_id = ${deviceId}
       LEFT JOIN users ss_u ON ss_u.id = ss_s.user_id
       LEFT JOIN sync_devices ss_d ON ss_d.device_id = ss_s.device_id
       LEFT JOIN user_credentials ss_c ON ss_c.user_id = ss_s.user_id)`
}

/** A device revoked with wipe is told so (410) before anything else. */
export function sessionStateOf(row: SessionStateRow | undefined): SessionState {
  if (row?.wiped) return { state: 'wiped' }
  if (!row?.live || !isUserTier(row.user_tier)) return { state: 'ended' }
  return { state: 'live', session: { tier: row.user_tier, roleId: row.role_id, mustChangePassword: row.must_change === true } }
}

/** The session check as a statement of its own (every authenticated route but the pull). */
export async function loadSessionState(db: Queryable, sessionId: string, userId: string, deviceId: string): Promise<SessionState> {
  const { rows } = await db.query<SessionStateRow>(`SELECT * FROM ${sessionStateSql('$1', '$2', '$3')} sess`, [sessionId, userId, deviceId])
  return sessionStateOf(rows[0])
}

/** True when the device was revoked with wipe (410 device_wiped on every request from it). */
export async function isDeviceWiped(db: Queryable, deviceId: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM sync_devices WHERE device_id = $1 AND wipe_requested_at IS NOT NULL`, [deviceId])
  return rows.length > 0
}

/**
 * Refresh-token sessions (user_sessions). One row per issued refresh token; the rows of one login share a
 * `family_id`. Refreshing marks the presented row rotated and inserts its successor. Presenting a rotated token
 * again means two parties hold the chain (a stolen token): the whole family is revoked, which also ends every
 * access token issued from it (`app.authenticate` checks the session row).
 */
import { uuidv7 } from '../../../src/shared/ids/uuidv7'
import type { Queryable } from '../postgres/transaction'

export interface NewSession {
  readonly userId: string
  readonly deviceId: string
  /** Omitted on login (a new family starts), given on rotation. */
  readonly familyId?: string
  readonly refreshTokenHash: string
  readonly ttlMs: number
  readonly ip: string | null
  readonly userAgent: string | null
}

export async function insertSession(db: Queryable, session: NewSession): Promise<{ id: string; familyId: string }> {
  const id = uuidv7()
  const familyId = session.familyId ?? uuidv7()
  await db.query(
    `INSERT INTO user_sessions (id, user_id, device_id, family_id, refresh_token_hash, expires_at, ip_address, user_agent, created_at)
     VALUES ($1, $2, $3, $4, $5, now() + $6 * interval '1 millisecond', $7, $8, now())`,
    [id, session.userId, session.deviceId, familyId, session.refreshTokenHash, session.ttlMs, session.ip, session.userAgent?.slice(0, 1000) ?? null],
  )
  return { id, familyId }
}

export interface StoredSession {
  readonly id: string
  readonly userId: string
  readonly deviceId: string
  readonly familyId: string
  readonly rotated: boolean
  readonly revoked: boolean
  readonly expired: boolean
}

interface SessionRow {
  id: string
  user_id: string
  device_id: string
  family_id: string
  rotated: boolean
  revoked: boolean
  expired: boolean
}

/** Locks the row (FOR UPDATE) so two concurrent refreshes with one token cannot both rotate it. */
export async function findSessionByTokenHashForUpdate(db: Queryable, refreshTokenHash: string): Promise<StoredSession | null> {
  const { rows } = await db.query<SessionRow>(
    `SELECT id, user_id, device_id, family_id,
            rotated_at IS NOT NULL AS rotated, revoked_at IS NOT NULL AS revoked, expires_at <= now() AS expired
       FROM user_sessions WHERE refresh_token_hash = $1 FOR UPDATE`,
    [refreshTokenHash],
  )
  const row = rows[0]
  if (!row) return null
  return { id: row.id, userId: row.user_id, deviceId: row.device_id, familyId: row.family_id, rotated: row.rotated, revoked: row.revoked, expired: row.expired }
}

export async function markSessionRotated(db: Queryable, sessionId: string): Promise<void> {
  await db.query(`UPDATE user_sessions SET rotated_at = now() WHERE id = $1`, [sessionId])
}

export async function revokeFamily(db: Queryable, familyId: string): Promise<number> {
  const result = await db.query(`UPDATE user_sessions SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId])
  return result.rowCount ?? 0
}

/** Logout: revokes the family of the session an access token was issued from. */
export async function revokeFamilyOfSession(db: Queryable, sessionId: string): Promise<number> {
  const result = await db.query(
    `UPDATE user_sessions SET revoked_at = now()
      WHERE family_id = (SELECT family_id FROM user_sessions WHERE id = $1) AND revoked_at IS NULL`,
    [sessionId],
  )
  return result.rowCount ?? 0
}

/**
 * Whether an access token's session still stands: not revoked, the user active, the device not revoked.
 * One primary-key lookup per authenticated request — the price of logout and reuse detection taking effect at
 * once instead of after the access token's TTL.
 */
export async function isSessionLive(db: Queryable, sessionId: string, userId: string): Promise<boolean> {
  const { rows } = await db.query<{ live: boolean }>(
    `SELECT true AS live
       FROM user_sessions s
       JOIN users u ON u.id = s.user_id
       LEFT JOIN sync_devices d ON d.device_id = s.device_id
      WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL
        AND u.is_active IS NOT FALSE AND u.deleted_at IS NULL AND d.revoked_at IS NULL`,
    [sessionId, userId],
  )
  return rows.length > 0
}

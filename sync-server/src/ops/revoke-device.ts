/**
 * `npm run sync-server -- revoke-device --device ID`: a lost or stolen laptop. Revokes every session signed in on the
 * device and the device itself, in one transaction. Its next request answers 401 (the session check in
 * app.authenticate), its refresh token no longer works, and signing in again with that device id answers 403: the
 * user has to sign in on a fresh install (a new device id). Rows the device pushed stay.
 */
import type { Pool } from 'pg'
import { withTransaction } from '../postgres/transaction'

export interface RevokeDeviceResult {
  readonly found: boolean
  readonly alreadyRevoked: boolean
  readonly sessionsRevoked: number
  readonly userId: string | null
}

export async function revokeDevice(pool: Pool, deviceId: string): Promise<RevokeDeviceResult> {
  return withTransaction(pool, async (client) => {
    const { rows } = await client.query<{ user_id: string; revoked: boolean }>(
      `SELECT user_id::text AS user_id, revoked_at IS NOT NULL AS revoked FROM sync_devices WHERE device_id = $1 FOR UPDATE`,
      [deviceId],
    )
    const device = rows[0]
    if (!device) return { found: false, alreadyRevoked: false, sessionsRevoked: 0, userId: null }
    if (!device.revoked) await client.query(`UPDATE sync_devices SET revoked_at = now() WHERE device_id = $1`, [deviceId])
    const sessions = await client.query(`UPDATE user_sessions SET revoked_at = now() WHERE device_id = $1 AND revoked_at IS NULL`, [deviceId])
    return { found: true, alreadyRevoked: device.revoked, sessionsRevoked: sessions.rowCount ?? 0, userId: device.user_id }
  })
}

/**
 * `npm run sync-server -- revoke-device --device ID [--wipe]`: a lost or stolen laptop. Revokes every session signed
 * in on the device and the device itself, in one transaction. Its next request answers 401 (the session check in
 * app.authenticate), its refresh token no longer works, and signing in again with that device id answers 403: the
 * user has to sign in on a fresh install (a new device id). Rows the device pushed stay.
 *
 * With --wipe, every request from the device — sign-in, refresh, push, pull, events — answers 410 device_wiped
 * instead, and the app erases its replica, key and tokens (docs/security.md § Device). The same operation is in the
 * administration API (admin/accounts.ts).
 */
import type { Pool } from 'pg'
import { revokeDeviceIn, type RevokeOutcome } from '../admin/accounts'
import { withTransaction } from '../postgres/transaction'

export type RevokeDeviceResult = RevokeOutcome

export async function revokeDevice(pool: Pool, deviceId: string, wipe = false): Promise<RevokeDeviceResult> {
  return withTransaction(pool, (client) => revokeDeviceIn(client, deviceId, wipe))
}

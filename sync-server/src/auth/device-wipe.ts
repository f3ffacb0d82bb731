/**
 * Wipe on revoke (docs/operations.md "Revoking and wiping a device"): an administrator revoked a lost laptop with
 * `--wipe`, which sets `sync_devices.wipe_requested_at`. Every request that names that device — sign-in with its id,
 * refresh, push, pull, events — answers 410 `device_wiped`, checked before the session check would answer 401, so the
 * laptop learns it must erase its copy (replica, key, tokens) on its next contact instead of merely asking to sign in.
 */
import type { Queryable } from '../postgres/transaction'
import { HttpError } from '../http/errors'

export async function deviceWiped(db: Queryable, deviceId: string | null | undefined): Promise<boolean> {
  if (!deviceId) return false
  const { rows } = await db.query<{ wiped: boolean }>(
    `SELECT wipe_requested_at IS NOT NULL AS wiped FROM sync_devices WHERE device_id = $1`,
    [deviceId],
  )
  return rows[0]?.wiped === true
}

export const deviceWipedError = (): HttpError =>
  new HttpError(410, 'device_wiped', 'This device was revoked with wipe: erase the local copy and sign in on a fresh install')

/** Throws the 410 when the device is marked for wiping. */
export async function assertDeviceNotWiped(db: Queryable, deviceId: string | null | undefined): Promise<void> {
  if (await deviceWiped(db, deviceId)) throw deviceWipedError()
}

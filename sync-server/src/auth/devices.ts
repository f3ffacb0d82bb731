/**
 * Binding a device to a user at login (sync_devices). A device id holds one user's replica and outbox sequence, so
 * it is never shared: a device id bound to another user is refused rather than silently re-bound (the app makes a
 * new device id when a different person signs in on the same machine).
 */
import type { Queryable } from '../postgres/transaction'

export type BindResult = 'bound' | 'other_user' | 'revoked'

export interface DeviceBinding {
  readonly deviceId: string
  readonly userId: string
  /** The device's schema version if the login said; otherwise a new row records `defaultSchemaVersion`. */
  readonly schemaVersion: number | undefined
  readonly defaultSchemaVersion: number
}

export async function bindDevice(db: Queryable, { deviceId, userId, schemaVersion, defaultSchemaVersion }: DeviceBinding): Promise<BindResult> {
  const { rows } = await db.query<{ user_id: string }>(
    `INSERT INTO sync_devices (device_id, user_id, schema_version, created_at, last_seen_at)
     VALUES ($1, $2, coalesce($3::integer, $4::integer), now(), now())
     ON CONFLICT (device_id) DO UPDATE
       SET last_seen_at = now(), schema_version = coalesce($3::integer, sync_devices.schema_version)
       WHERE sync_devices.user_id = EXCLUDED.user_id AND sync_devices.revoked_at IS NULL
     RETURNING user_id`,
    [deviceId, userId, schemaVersion ?? null, defaultSchemaVersion],
  )
  if (rows[0]) return 'bound'
  // The conflicting row was not updated: find out why, for a precise answer.
  const existing = await db.query<{ user_id: string; revoked: boolean }>(
    `SELECT user_id, revoked_at IS NOT NULL AS revoked FROM sync_devices WHERE device_id = $1`,
    [deviceId],
  )
  const row = existing.rows[0]
  if (row && row.user_id !== userId) return 'other_user'
  return 'revoked'
}

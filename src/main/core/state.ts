/**
 * Device bookkeeping in the device-only `sync_state` key/value table (docs/architecture.md §4).
 *
 * Everything that must survive a restart and must change atomically with replica writes lives here, in the same
 * SQLite file: a write's HLC stamp and outbox sequence, a pull page's cursor and watermark. Keeping it in SQLite (not
 * a side file) is what makes "page + cursor" and "edit + outbox entry + clock" single transactions.
 */
import { type Sqlite } from './sqlite'

export const STATE_KEYS = [
  /** This installation's UUID: the server's sync_devices key, the HLC node id and the outbox sequence's namespace. */
  'device_id',
  /** The last signed-in user (kept after sign-out: the outbox belongs to them). */
  'user_id',
  /** '1' while a user is signed in (or opened offline), 'local' for the demo's local-only user, '0' after sign-out. */
  'signed_in',
  /** JSON of the signed-in user's public profile, for offline start. */
  'user_profile',
  'server_url',
  /** Opaque server pull position; null until the first page is applied. */
  'pull_cursor',
  /** Server transaction watermark delivered with the cursor; every outbox entry carries it as `base`. */
  'watermark',
  /** The greatest HLC stamp issued or observed: a restart never goes backwards. */
  'hlc',
  /** The greatest outbox seq ever issued: seqs never repeat even after the outbox empties (server idempotency). */
  'last_seq',
  /** ISO time of the last successful full sync (push + pull to the end). */
  'last_sync_at',
  /** The device schema version the replica was built with. */
  'schema_version',
  /** '1' after signing in with a one-time password (an administrator's reset): a new password must be chosen first. */
  'password_change_required',
  /** JSON list of codes the server changed on push (sync/renamed-codes.ts), shown in the sync panel until dismissed. */
  'renamed_codes',
] as const
export type StateKey = (typeof STATE_KEYS)[number]

export interface DeviceState {
  get(key: StateKey): string | null
  /** `null` removes the key. Runs inside the caller's transaction when there is one. */
  set(key: StateKey, value: string | null): void
  /** The signed-in user's id, or null when nobody is signed in. Writes need one (created_by/updated_by). */
  currentUserId(): string | null
}

export function createDeviceState(sqlite: Sqlite): DeviceState {
  // Prepared once: the clock persists on every stamp, so this is on the write path.
  const select = sqlite.prepare<[string], { value: string | null }>('SELECT value FROM sync_state WHERE key = ?')
  const upsert = sqlite.prepare<[string, string]>('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
  const remove = sqlite.prepare<[string]>('DELETE FROM sync_state WHERE key = ?')

  const get = (key: StateKey): string | null => select.get(key)?.value ?? null

  return {
    get,
    set(key, value) {
      if (value === null) remove.run(key)
      else upsert.run(key, value)
    },
    currentUserId() {
      // 'local': the demo's local-only user — their edits are written (and never sent anywhere).
      const signedIn = get('signed_in')
      return signedIn === '1' || signedIn === 'local' ? get('user_id') : null
    },
  }
}

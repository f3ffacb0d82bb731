/**
 * Device-local settings of the app layer (not synced, not sync bookkeeping): today only whether this PC runs on demo
 * data. Kept in the replica file so a future demo seed and its flag commit together.
 */
import { type Sqlite } from './core/sqlite'

/**
 * `mode`: 'demo' while the PC runs on demo data; `demo_seeded`: the replica holds the demo rows (and nothing else);
 * `idle_lock_minutes` / `unlock_verifier`: the idle lock (idle-lock.ts).
 */
export const APP_SETTING_KEYS = ['mode', 'demo_seeded', 'idle_lock_minutes', 'unlock_verifier'] as const
export type AppSettingKey = (typeof APP_SETTING_KEYS)[number]

export interface AppSettings {
  get(key: AppSettingKey): string | null
  /** `null` removes the key. */
  set(key: AppSettingKey, value: string | null): void
}

export function createAppSettings(sqlite: Sqlite): AppSettings {
  sqlite.exec('CREATE TABLE IF NOT EXISTS app_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
  const select = sqlite.prepare<[string], { value: string }>('SELECT value FROM app_settings WHERE key = ?')
  const upsert = sqlite.prepare<[string, string]>('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
  const remove = sqlite.prepare<[string]>('DELETE FROM app_settings WHERE key = ?')
  return {
    get: (key) => select.get(key)?.value ?? null,
    set: (key, value) => {
      if (value === null) remove.run(key)
      else upsert.run(key, value)
    },
  }
}

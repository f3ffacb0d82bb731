/**
 * Saved list filters ("VIP 거래 중", "내 담당 고객사"): a preference of this PC and this user, not shared data, so they
 * are not synced and need no migration. They live as JSON in the device-local `app_settings` key/value table (the
 * same table the app layer keeps its mode in), one key per user and list: `saved_filters:<user id>:<scope>`.
 */
import { z } from 'zod'
import { uuidv7 } from '../../../shared/ids/uuidv7'
import { companyFiltersSchema } from '../../../shared/ipc/contract-customers'
import { COMPANY_SORTS, FILTER_SCOPES } from '../../../shared/model/customer-views'
import { type CompanyFilters, type CompanySort, type FilterScope, type SavedFilter } from '../../../shared/model/customer-views'
import { type Sqlite } from '../sqlite'
import { type DeviceState } from '../state'

/** What was stored is re-checked on read: an older app version or a hand-edited file must not break the list. */
const storedFilter = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(FILTER_SCOPES),
  filters: companyFiltersSchema,
  sort: z.enum(COMPANY_SORTS),
})

export interface SavedFiltersRepo {
  list(scope: FilterScope): SavedFilter[]
  /** Saving under an existing name replaces that filter. */
  save(scope: FilterScope, name: string, filters: CompanyFilters, sort: CompanySort): SavedFilter
  remove(scope: FilterScope, id: string): boolean
}

export function createSavedFiltersRepo(sqlite: Sqlite, state: DeviceState): SavedFiltersRepo {
  sqlite.exec('CREATE TABLE IF NOT EXISTS app_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
  const select = sqlite.prepare<[string], { value: string }>('SELECT value FROM app_settings WHERE key = ?')
  const upsert = sqlite.prepare<[string, string]>('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')

  // Demo mode has no signed-in user: its filters are kept under "local".
  const keyOf = (scope: FilterScope): string => `saved_filters:${state.get('user_id') ?? 'local'}:${scope}`

  const read = (scope: FilterScope): SavedFilter[] => {
    const raw = select.get(keyOf(scope))?.value
    if (!raw) return []
    try {
      const parsed: unknown = JSON.parse(raw)
      if (!Array.isArray(parsed)) return []
      return parsed.flatMap((entry) => {
        const checked = storedFilter.safeParse(entry)
        return checked.success ? [checked.data] : []
      })
    } catch {
      return []
    }
  }
  const write = (scope: FilterScope, filters: SavedFilter[]): void => {
    upsert.run(keyOf(scope), JSON.stringify(filters))
  }

  return {
    list: read,
    save(scope, name, filters, sort) {
      const existing = read(scope)
      const previous = existing.find((f) => f.name === name)
      const saved: SavedFilter = { id: previous?.id ?? uuidv7(), name, scope, filters, sort }
      write(
        scope,
        [...existing.filter((f) => f.name !== name), saved].sort((a, b) => a.name.localeCompare(b.name, 'ko')),
      )
      return saved
    },
    remove(scope, id) {
      const existing = read(scope)
      const kept = existing.filter((f) => f.id !== id)
      if (kept.length === existing.length) return false
      write(scope, kept)
      return true
    },
  }
}

/**
 * Who did something, by name: the who-columns hold user ids, and the timeline, lists and filters show 홍길동.
 * The signed-in user may not be in the replica's user directory yet (first offline start before a pull), so their
 * own profile from sync_state answers for them.
 */
import { displayName } from '../../../shared/domain/korean-name'
import { type Sqlite } from '../sqlite'
import { type DeviceState } from '../state'

export interface PeopleDirectory {
  nameOf(userId: string | null): string | null
  /** nameOf for many ids in one statement (a list or timeline names its rows' authors); unknown ids are left out. */
  namesOf(userIds: Iterable<string | null>): Map<string, string>
  /** Everyone in the directory, 가나다 order (filters and form choices). */
  list(): Array<{ id: string; name: string }>
}

interface ProfileShape {
  readonly id?: unknown
  readonly firstName?: unknown
  readonly lastName?: unknown
  readonly email?: unknown
}

export function createPeopleDirectory(sqlite: Sqlite, state: DeviceState): PeopleDirectory {
  const byId = sqlite.prepare<[string], { last_name: string; first_name: string }>('SELECT last_name, first_name FROM users WHERE id = ?')
  // The ids as the outer loop (CROSS JOIN): one primary-key lookup each, whatever the statistics say about users.
  const byIds = sqlite.prepare<[string], { id: string; last_name: string; first_name: string }>(
    'SELECT u.id, u.last_name, u.first_name FROM json_each(?) j CROSS JOIN users u WHERE u.id = j.value',
  )
  const all = sqlite.prepare<[], { id: string; last_name: string; first_name: string }>(
    'SELECT id, last_name, first_name FROM users WHERE deleted_at IS NULL AND is_active = 1 ORDER BY last_name || first_name, id',
  )

  const ownProfile = (userId: string): string | null => {
    const raw = state.get('user_profile')
    if (!raw || state.get('user_id') !== userId) return null
    try {
      const profile = JSON.parse(raw) as ProfileShape
      const last = typeof profile.lastName === 'string' ? profile.lastName : ''
      const first = typeof profile.firstName === 'string' ? profile.firstName : ''
      const name = displayName({ lastName: last, firstName: first })
      return name || (typeof profile.email === 'string' ? profile.email : null)
    } catch {
      return null
    }
  }

  return {
    nameOf(userId) {
      if (!userId) return null
      const row = byId.get(userId)
      return row ? displayName({ lastName: row.last_name, firstName: row.first_name }) : ownProfile(userId)
    },
    namesOf(userIds) {
      const wanted = [...new Set([...userIds].filter((id): id is string => !!id))]
      const names = new Map<string, string>()
      if (wanted.length === 0) return names
      for (const row of byIds.all(JSON.stringify(wanted))) names.set(row.id, displayName({ lastName: row.last_name, firstName: row.first_name }))
      for (const id of wanted) {
        if (names.has(id)) continue
        const own = ownProfile(id)
        if (own !== null) names.set(id, own)
      }
      return names
    },
    list: () => all.all().map((row) => ({ id: row.id, name: displayName({ lastName: row.last_name, firstName: row.first_name }) })),
  }
}

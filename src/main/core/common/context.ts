/**
 * What every domain's repositories need from the device: the replica for reads (plain SQL, deleted rows excluded),
 * the writer for every write (row + outbox entry in one transaction), who is acting and what time it is. Time and ids
 * are injected so tests can pin them. Each domain folder (core/<domain>/index.ts) has one `create<Domain>(ctx)` that
 * takes a DomainContext and returns that domain's repositories.
 */
import { displayName } from '../../../shared/domain/korean-name'
import { uuidv7 } from '../../../shared/ids/uuidv7'
import { USER_TIERS, type UserTier } from '../../../shared/model/enums'
import { type DeviceCore } from '../device'
import { type Writer } from '../outbox/writer'
import { type Sqlite } from '../sqlite'
import { type DeviceState } from '../state'

export interface Actor {
  readonly id: string
  readonly tier: UserTier
}

export interface RepoContext {
  readonly sqlite: Sqlite
  readonly writer: Writer
  /** The signed-in user, or null (writes then fail with NotSignedInError from the writer). */
  readonly actor: () => Actor | null
  readonly now: () => Date
  readonly newId: () => string
}

/** The repositories' view of a running device: its replica, its writer, the signed-in user, the clock and ids. */
export function repoContextOf(core: Pick<DeviceCore, 'sqlite' | 'writer' | 'session'>, now: () => Date): RepoContext {
  return {
    sqlite: core.sqlite,
    writer: core.writer,
    actor: () => {
      const user = core.session.current() ?? core.session.localUser()
      return user ? { id: user.id, tier: toTier(user.tier) } : null
    },
    now,
    newId: uuidv7,
  }
}

/** What every `create<Domain>(ctx)` takes: the repository context plus this device's state and id. */
export interface DomainContext extends RepoContext {
  /** This device's local settings (signed-in user, preferences such as saved filters). */
  readonly state: DeviceState
  /** This device's id, stamped on attendance marks; null before the device has one. */
  readonly deviceId: () => string | null
}

/** The domains' view of a running device (device-port.ts builds one and hands it to every domain). */
export function domainContextOf(core: Pick<DeviceCore, 'sqlite' | 'writer' | 'session' | 'state'>, now: () => Date = () => new Date()): DomainContext {
  return { ...repoContextOf(core, now), state: core.state, deviceId: () => core.state.get('device_id') }
}

export function toTier(value: unknown): UserTier {
  return (USER_TIERS as readonly unknown[]).includes(value) ? (value as UserTier) : 'OPERATOR'
}

interface NameRow {
  id: string
  first_name: string
  last_name: string
}

/** Display names (홍길동) of users the replica knows; ids it does not know are simply absent. */
export function createUserNames(sqlite: Sqlite): (ids: Iterable<string | null | undefined>) => Map<string, string> {
  const one = sqlite.prepare<[string], NameRow>('SELECT id, first_name, last_name FROM users WHERE id = ?')
  return (ids) => {
    const names = new Map<string, string>()
    for (const id of new Set(ids)) {
      if (!id || names.has(id)) continue
      const row = one.get(id)
      if (row) names.set(id, displayName({ lastName: row.last_name, firstName: row.first_name }))
    }
    return names
  }
}

/**
 * A signed-in device for the repositories' tests: a real SQLite replica file, the real writer and clock, pinned time
 * and predictable ids. Not used by production code.
 */
import { uuidv7 } from '../../../shared/ids/uuidv7'
import { type UserTier } from '../../../shared/model/enums'
import { createDeviceClock } from '../clock'
import { createOutboxStore, type OutboxStore } from '../outbox/outbox-store'
import { createWriter, type Writer } from '../outbox/writer'
import { replicaRegistry } from '../replica/registry'
import { type Sqlite } from '../sqlite'
import { createDeviceState, type DeviceState } from '../state'
import { openTestReplica, signInLocally } from '../testing/fixtures'
import { type Actor, type RepoContext } from './context'
import { openReplica } from '../../db/open'

export interface RepoTestDevice extends RepoContext {
  readonly state: DeviceState
  readonly outbox: OutboxStore
  readonly writer: Writer
  /** Move the pinned wall clock. */
  setNow(iso: string): void
  /** A user row as the server would have sent it (reference data), so names resolve. */
  addUser(user: { id: string; lastName: string; firstName: string; tier?: UserTier }): void
  signInAs(actor: Actor): void
  close(): void
}

/** `key`: encrypt the replica as the app does (default plain). */
export function openRepoTestDevice(file: string, startIso = '2026-11-02T01:00:00.000Z', key?: Buffer): RepoTestDevice {
  const { sqlite } = key ? openReplica(file, { key }) : openTestReplica(file)
  let now = new Date(startIso)
  const state = createDeviceState(sqlite)
  state.set('device_id', '0190a000-0000-7000-8000-00000000d001')
  const clock = createDeviceClock(state, { deviceId: '0190a000-0000-7000-8000-00000000d001', now: () => now.getTime() })
  const outbox = createOutboxStore(sqlite, state)
  const writer = createWriter(sqlite, clock, state, { registry: replicaRegistry(), outbox })
  let actor: Actor | null = null
  return {
    sqlite: sqlite as Sqlite,
    writer,
    state,
    outbox,
    actor: () => actor,
    now: () => now,
    newId: uuidv7,
    setNow(iso) {
      now = new Date(iso)
    },
    addUser({ id, lastName, firstName, tier = 'OPERATOR' }) {
      sqlite
        .prepare(
          `INSERT INTO users (id, email, first_name, last_name, role_id, user_tier, is_active)
           VALUES (?, ?, ?, ?, '0190a000-0000-7000-8000-0000000000f0', ?, 1)`,
        )
        .run(id, `${id.slice(-4)}@augu.kr`, firstName, lastName, tier)
    },
    signInAs(next) {
      actor = next
      signInLocally(state, { id: next.id, email: `${next.id.slice(-4)}@augu.kr` })
    },
    close: () => sqlite.close(),
  }
}

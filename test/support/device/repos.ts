/**
 * Signed-in devices for the repositories' tests: a real SQLite replica file, the real writer and clock. Two shapes of
 * the same wiring: `openRepoTestDevice` (pinned time, a switchable actor, predictable ids) and `openRepoHarness` (wall
 * clock, a fixed signed-in user and the customer repositories already built). Test-only: lint keeps production code
 * from importing test/.
 */
import { uuidv7 } from '../../../src/shared/ids/uuidv7'
import { type UserTier } from '../../../src/shared/model/enums'
import { createDeviceClock } from '../../../src/main/core/clock'
import { createOutboxStore, type OutboxStore } from '../../../src/main/core/outbox/outbox-store'
import { createWriter, type Writer } from '../../../src/main/core/outbox/writer'
import { replicaRegistry } from '../../../src/main/core/replica/registry'
import { type Sqlite } from '../../../src/main/core/sqlite'
import { createDeviceState, type DeviceState } from '../../../src/main/core/state'
import { createTempDir, openTestReplica, signInLocally } from './fixtures'
import { type Actor, type DomainContext } from '../../../src/main/core/common/context'
import { createCustomers, type CustomerRepos } from '../../../src/main/core/customers'
import { createRecords, type RecordRepos } from '../../../src/main/core/records'
import { openReplica } from '../../../src/main/db/open'

const TEST_DEVICE_ID = '0190a000-0000-7000-8000-00000000d001'

/** The device state, outbox and writer every repository test needs; `now` undefined = the wall clock. */
function wireDevice(sqlite: Sqlite, now?: () => number): { state: DeviceState; outbox: OutboxStore; writer: Writer } {
  const state = createDeviceState(sqlite)
  state.set('device_id', TEST_DEVICE_ID)
  const clock = createDeviceClock(state, { deviceId: TEST_DEVICE_ID, ...(now ? { now } : {}) })
  const outbox = createOutboxStore(sqlite, state)
  const writer = createWriter(sqlite, clock, state, { registry: replicaRegistry(), outbox })
  return { state, outbox, writer }
}

export interface RepoTestDevice extends DomainContext {
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
  const { state, outbox, writer } = wireDevice(sqlite as Sqlite, () => now.getTime())
  let actor: Actor | null = null
  return {
    sqlite: sqlite as Sqlite,
    writer,
    state,
    outbox,
    actor: () => actor,
    now: () => now,
    newId: uuidv7,
    deviceId: () => TEST_DEVICE_ID,
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
      // The tier in the profile, as the server's sign-in answer has it: the writer's permission check reads it.
      signInLocally(state, { id: next.id, email: `${next.id.slice(-4)}@augu.kr`, tier: next.tier })
    },
    close: () => sqlite.close(),
  }
}

export const TEST_USER = { id: '0190a000-0000-7000-8000-0000000000a1', email: 'kim@augu.kr', firstName: '민준', lastName: '김' }

export interface RepoHarness {
  readonly sqlite: Sqlite
  readonly state: DeviceState
  readonly writer: Writer
  readonly repos: CustomerRepos
  readonly records: RecordRepos
  close(): void
}

/** A replica in a fresh temp dir with TEST_USER signed in, the wall clock, and the customer and records repositories. */
export function openRepoHarness(): RepoHarness {
  const dir = createTempDir('crm-repos-')
  const { sqlite } = openTestReplica(dir.file('replica.sqlite'))
  const { state, writer } = wireDevice(sqlite)
  signInLocally(state, TEST_USER)
  const ctx: DomainContext = {
    sqlite,
    writer,
    state,
    actor: () => ({ id: TEST_USER.id, tier: 'OPERATOR' }),
    now: () => new Date(),
    newId: uuidv7,
    deviceId: () => TEST_DEVICE_ID,
  }
  return {
    sqlite,
    state,
    writer,
    repos: createCustomers(ctx),
    records: createRecords(ctx),
    close: () => {
      sqlite.close()
      dir.remove()
    },
  }
}

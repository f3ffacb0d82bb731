/** A replica with a signed-in user, a writer and the customer repositories, for the repositories' tests. */
import { createDeviceClock } from '../clock'
import { createOutboxStore } from '../outbox/outbox-store'
import { createWriter, type Writer } from '../outbox/writer'
import { replicaRegistry } from '../replica/registry'
import { type Sqlite } from '../sqlite'
import { createDeviceState, type DeviceState } from '../state'
import { createTempDir, openTestReplica, signInLocally } from '../testing/fixtures'
import { createCustomerRepos, type CustomerRepos } from './index'

export const TEST_USER = { id: '0190a000-0000-7000-8000-0000000000a1', email: 'kim@augu.kr', firstName: '민준', lastName: '김' }

export interface RepoHarness {
  readonly sqlite: Sqlite
  readonly state: DeviceState
  readonly writer: Writer
  readonly repos: CustomerRepos
  close(): void
}

export function openRepoHarness(): RepoHarness {
  const dir = createTempDir('crm-repos-')
  const { sqlite } = openTestReplica(dir.file('replica.sqlite'))
  const state = createDeviceState(sqlite)
  const deviceId = '0190a000-0000-7000-8000-00000000d001'
  state.set('device_id', deviceId)
  signInLocally(state, TEST_USER)
  const clock = createDeviceClock(state, { deviceId })
  const writer = createWriter(sqlite, clock, state, { registry: replicaRegistry(), outbox: createOutboxStore(sqlite, state) })
  return {
    sqlite,
    state,
    writer,
    repos: createCustomerRepos({ sqlite, writer, state }),
    close: () => {
      sqlite.close()
      dir.remove()
    },
  }
}

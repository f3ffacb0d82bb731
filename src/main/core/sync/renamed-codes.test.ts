import { afterEach, describe, expect, it } from 'vitest'
import { type PushRequest, type PushResponse } from '../../../shared/sync/protocol'
import { createDeviceClock } from '../clock'
import { createConflictActions } from '../outbox/conflicts'
import { createOutboxStore } from '../outbox/outbox-store'
import { createWriter } from '../outbox/writer'
import { replicaRegistry } from '../replica/registry'
import { createSyncReviewRepo } from './review'
import { createDeviceState } from '../state'
import { createTempDir, openTestReplica, signInLocally, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { createSyncEngine } from './engine'

const DEVICE = '0190a000-0000-7000-8000-00000000d001'
const USER = { id: '0190a000-0000-7000-8000-0000000000a1', email: 'kim@augu.kr' }
const SERVER_TIME = '2026-12-07T05:00:00.000Z'

describe('a code the server changed on push (CONTRACTS.md §2)', () => {
  let dir: TempDir
  afterEach(() => dir.remove())

  it('is acknowledged, noted for the sync panel with the row name, and can be dismissed', async () => {
    dir = createTempDir()
    const { sqlite } = openTestReplica(dir.file('d.sqlite'))
    const state = createDeviceState(sqlite)
    state.set('device_id', DEVICE)
    signInLocally(state, USER)
    const clock = createDeviceClock(state, { deviceId: DEVICE })
    const registry = replicaRegistry()
    const outbox = createOutboxStore(sqlite, state)
    const writer = createWriter(sqlite, clock, state, { registry, outbox })
    // The server's answer when C-TAKEN already exists there: applied, kept as C-TAKEN-2.
    const push = (request: PushRequest): Promise<PushResponse> =>
      Promise.resolve({
        serverTime: SERVER_TIME,
        results: request.mutations.map((m) =>
          m.fields.code === 'C-TAKEN'
            ? { seq: m.seq, status: 'applied' as const, renamed: { field: 'code' as const, from: 'C-TAKEN', to: 'C-TAKEN-2' } }
            : { seq: m.seq, status: 'applied' as const },
        ),
      })
    const engine = createSyncEngine({ sqlite, registry, state, clock, outbox, transport: { push, pull: () => Promise.reject(new Error('no pull here')) } })
    writer.upsert('companies', testId(1), { code: 'C-TAKEN', name: '아우구교육' })
    writer.upsert('companies', testId(2), { code: 'C-FREE', name: '한빛제약' })

    expect(await engine.push()).toMatchObject({ acknowledged: 2, rejected: 0 })
    expect(writer.pendingCount()).toBe(0)
    const review = createSyncReviewRepo({ sqlite, writer, conflicts: createConflictActions(sqlite, state, clock, writer), registry, state })
    expect(review.list().renamed).toEqual([{ table: 'companies', rowId: testId(1), rowLabel: '아우구교육', from: 'C-TAKEN', to: 'C-TAKEN-2', at: SERVER_TIME }])
    expect(review.dismissRenamed(testId(1)).renamed).toEqual([])
    sqlite.close()
  })
})

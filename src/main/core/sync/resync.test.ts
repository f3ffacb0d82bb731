import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDeviceClock } from '../clock'
import { createOutboxStore } from '../outbox/outbox-store'
import { createWriter } from '../outbox/writer'
import { replicaRegistry } from '../replica/registry'
import { createDeviceState } from '../state'
import { countRows, createTempDir, openTestReplica, signInLocally, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { createMemoryServer, type MemoryServer } from '../../../../test/support/device/memory-server'
import { createSyncEngine } from './engine'
import { SyncError } from './errors'

const DEVICE = '0190a000-0000-7000-8000-00000000d002'
const USER = { id: '0190a000-0000-7000-8000-0000000000a2', email: 'lee@augu.kr' }
const T0 = Date.parse('2026-11-25T07:00:00.000Z')

describe('sync engine: 410 resync_required (server gc collected the log behind the cursor)', () => {
  let dir: TempDir
  let server: MemoryServer

  beforeEach(() => {
    dir = createTempDir()
    server = createMemoryServer({ now: () => T0 + 5_000 })
  })
  afterEach(() => dir.remove())

  it('restarts the pull from cursor null once, keeping the outbox and the pending edit on top', async () => {
    const replica = openTestReplica(dir.file('d.sqlite'))
    const { sqlite } = replica
    try {
      const state = createDeviceState(sqlite)
      state.set('device_id', DEVICE)
      signInLocally(state, USER)
      const clock = createDeviceClock(state, { deviceId: DEVICE, now: () => T0 })
      const registry = replicaRegistry()
      const outbox = createOutboxStore(sqlite, state)
      const writer = createWriter(sqlite, clock, state, { registry, outbox })
      const engine = createSyncEngine({ sqlite, registry, transport: server.transport, state, clock, outbox })

      for (let i = 1; i <= 3; i++) server.serverWrite('companies', testId(i), { code: `C-${i}`, name: `회사${i}` })
      await engine.pull()
      writer.upsert('companies', testId(1), { name: '내 이름' })
      server.serverWrite('companies', testId(4), { code: 'C-4', name: '회사4' })

      server.failNext('pull', new SyncError('client', 'cursor collected', { status: 410, code: 'resync_required' }))
      const report = await engine.pull()
      expect(server.pulls.slice(-2).map((p) => p.cursor)).toEqual(['3', null])
      expect(report.upserted).toBe(4)
      expect(countRows(sqlite, 'companies')).toBe(4)
      expect(writer.pendingCount()).toBe(1)
      expect(sqlite.prepare('SELECT name FROM companies WHERE id = ?').get(testId(1))).toEqual({ name: '내 이름' })
    } finally {
      sqlite.close()
    }
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type PullRequest, type PullResponse } from '../../../shared/sync/protocol'
import { createDeviceClock } from '../clock'
import { createOutboxStore } from '../outbox/outbox-store'
import { createWriter } from '../outbox/writer'
import { replicaRegistry } from '../replica/registry'
import { createDeviceState } from '../state'
import { countRows, createTempDir, openTestReplica, signInLocally, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { createSyncEngine } from './engine'
import { SyncError } from './errors'
import { type Transport } from './transport'

const DEVICE = '0190a000-0000-7000-8000-00000000d003'
const USER = { id: '0190a000-0000-7000-8000-0000000000a3', email: 'kim@augu.kr' }
const T0 = Date.parse('2026-11-25T07:00:00.000Z')
const SERVER_TIME = new Date(T0).toISOString()

type Change = PullResponse['changes'][number]
const company = (n: number, name = `회사${n}`): Change => ({
  table: 'companies',
  id: testId(n),
  row: { id: testId(n), code: `C-${n}`, name, updated_at: SERVER_TIME },
})

/**
 * A fake server: `snapshot` is what a pull from cursor null returns (one change per page), any other cursor at or
 * past the end is answered with 410 when `collected` is set, and `failAt` makes the pull of that cursor throw.
 */
function fakeServer() {
  const pulls: (string | null)[] = []
  const fake = {
    snapshot: [] as Change[],
    collected: false,
    failAt: null as string | null,
    pulls,
    transport: {
      async push() {
        await Promise.resolve()
        return { results: [], serverTime: SERVER_TIME }
      },
      async pull(request: PullRequest): Promise<PullResponse> {
        await Promise.resolve()
        pulls.push(request.cursor)
        if (request.cursor !== null && request.cursor === fake.failAt) {
          fake.failAt = null
          throw new SyncError('offline', 'connection lost mid-snapshot')
        }
        const from = request.cursor === null ? 0 : Number(request.cursor)
        if (fake.collected && request.cursor !== null && from >= fake.snapshot.length) {
          throw new SyncError('client', 'cursor collected', { status: 410, code: 'resync_required' })
        }
        const changes = fake.snapshot.slice(from, from + 1)
        const cursor = from + changes.length
        return {
          changes,
          removed: [],
          cursor: String(cursor),
          hasMore: cursor < fake.snapshot.length,
          watermark: String(100 + cursor),
          serverTime: SERVER_TIME,
        }
      },
    } satisfies Pick<Transport, 'push' | 'pull'>,
  }
  return fake
}

describe('sync engine: a full re-sync sweeps rows the snapshot no longer contains', () => {
  let dir: TempDir
  beforeEach(() => {
    dir = createTempDir()
  })
  afterEach(() => dir.remove())

  const setup = (file: string, fake: ReturnType<typeof fakeServer>) => {
    const replica = openTestReplica(dir.file(file))
    const { sqlite } = replica
    const state = createDeviceState(sqlite)
    state.set('device_id', DEVICE)
    signInLocally(state, USER)
    const clock = createDeviceClock(state, { deviceId: DEVICE, now: () => T0 })
    const registry = replicaRegistry()
    const outbox = createOutboxStore(sqlite, state)
    const writer = createWriter(sqlite, clock, state, { registry, outbox })
    const engine = createSyncEngine({ sqlite, registry, transport: fake.transport, state, clock, outbox })
    return { sqlite, state, writer, engine }
  }

  it('after a 410 the completed snapshot deletes undelivered rows, keeping rows with pending edits', async () => {
    const fake = fakeServer()
    const { sqlite, writer, engine } = setup('d.sqlite', fake)
    try {
      fake.snapshot = [company(1), company(2), company(3), company(4)]
      await engine.pull()
      expect(countRows(sqlite, 'companies')).toBe(4)
      writer.upsert('companies', testId(3), { name: '내 이름' })

      // Server gc: rows 3 and 4 were deleted and their tombstones collected; the device's cursor is collected too.
      fake.snapshot = [company(1), company(2, '새 이름')]
      fake.collected = true
      const report = await engine.pull()
      expect(fake.pulls.slice(-3)).toEqual(['4', null, '1'])
      expect(report.removed).toBe(1)
      const ids = sqlite.prepare('SELECT id FROM companies ORDER BY id').pluck().all()
      expect(ids).toEqual([testId(1), testId(2), testId(3)])
      expect(sqlite.prepare('SELECT name FROM companies WHERE id = ?').pluck().get(testId(2))).toBe('새 이름')
      expect(writer.pendingCount()).toBe(1)
    } finally {
      sqlite.close()
    }
  })

  it('a snapshot interrupted mid-way sweeps nothing, even after a restart; the next full snapshot sweeps', async () => {
    const fake = fakeServer()
    const first = setup('d.sqlite', fake)
    fake.snapshot = [company(1), company(2), company(3), company(4)]
    await first.engine.pull()
    fake.snapshot = [company(1), company(2)]
    fake.collected = true
    fake.failAt = '1'
    await expect(first.engine.pull()).rejects.toThrow(/mid-snapshot/)
    expect(countRows(first.sqlite, 'companies')).toBe(4)
    first.sqlite.close()

    // The app restarts: the pull resumes from the stored cursor, which is not a full snapshot in this process.
    const second = setup('d.sqlite', fake)
    try {
      expect(second.state.get('pull_cursor')).toBe('1')
      await second.engine.pull()
      expect(countRows(second.sqlite, 'companies')).toBe(4)

      // Next time the server answers 410, the full snapshot completes here and sweeps.
      await second.engine.pull()
      expect(countRows(second.sqlite, 'companies')).toBe(2)
    } finally {
      second.sqlite.close()
    }
  })

  it('a first sync over an empty replica does not track or sweep anything', async () => {
    const fake = fakeServer()
    const { sqlite, engine } = setup('d.sqlite', fake)
    try {
      fake.snapshot = [company(1), company(2)]
      const report = await engine.pull()
      expect(report).toMatchObject({ upserted: 2, removed: 0 })
      expect(sqlite.prepare(`SELECT count(*) FROM temp.sqlite_master WHERE name = 'sync_snapshot_seen'`).pluck().get()).toBe(0)
    } finally {
      sqlite.close()
    }
  })
})

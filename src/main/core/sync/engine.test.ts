import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDeviceClock } from '../clock'
import { createOutboxStore } from '../outbox/outbox-store'
import { createWriter } from '../outbox/writer'
import { replicaRegistry } from '../replica/registry'
import { createDeviceState } from '../state'
import { countRows, createTempDir, openTestReplica, signInLocally, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { createMemoryServer, type MemoryServer } from '../../../../test/support/device/memory-server'
import { createSyncEngine } from './engine'
import { createSearchRepo } from '../records/search'
import { isSearchGramsPending } from '../../db/search-index'

const DEVICE = '0190a000-0000-7000-8000-00000000d001'
const USER = { id: '0190a000-0000-7000-8000-0000000000a1', email: 'kim@augu.kr' }
const T0 = Date.parse('2026-11-25T07:00:00.000Z')

function openDevice(file: string, server: MemoryServer, options: { pushBatchSize?: number; pullLimit?: number } = {}) {
  const replica = openTestReplica(file)
  const { sqlite } = replica
  const state = createDeviceState(sqlite)
  state.set('device_id', DEVICE)
  signInLocally(state, USER)
  let wall = T0
  const clock = createDeviceClock(state, { deviceId: DEVICE, now: () => wall })
  const registry = replicaRegistry()
  const outbox = createOutboxStore(sqlite, state)
  const writer = createWriter(sqlite, clock, state, { registry, outbox })
  const engine = createSyncEngine({ sqlite, registry, transport: server.transport, state, clock, outbox, ...options })
  return {
    sqlite,
    state,
    clock,
    outbox,
    writer,
    engine,
    advance: (ms: number) => (wall += ms),
    close: () => sqlite.close(),
  }
}

const company = (n: number) => ({ code: `C-${n}`, name: `회사${n}` })

describe('sync engine', () => {
  let dir: TempDir
  let server: MemoryServer
  let device: ReturnType<typeof openDevice>

  beforeEach(() => {
    dir = createTempDir()
    server = createMemoryServer({ now: () => T0 + 5_000 })
  })
  afterEach(() => {
    device.close()
    dir.remove()
  })

  it('pushes the outbox in seq order, in batches, and deletes what the server acknowledged', async () => {
    device = openDevice(dir.file('d.sqlite'), server, { pushBatchSize: 2 })
    for (let i = 1; i <= 5; i++) device.writer.upsert('companies', testId(i), company(i))
    const report = await device.engine.push()
    expect(report).toEqual({ acknowledged: 5, rejected: 0, batches: 3 })
    expect(server.pushes.map((p) => p.mutations.map((m) => m.seq))).toEqual([[1, 2], [3, 4], [5]])
    expect(countRows(device.sqlite, 'outbox')).toBe(0)
    expect(server.row('companies', testId(3))).toMatchObject({ name: '회사3' })
  })

  it('never has two pushes in flight: the next request goes out only after the previous answer is settled', async () => {
    // The server orders one device's pushes by its row lock, not by seq: a request N+1 that took the lock before N
    // would raise the device's last seq past N's, and N would then be answered `duplicate` without being applied
    // (docs/sync-protocol.md § Push, "one request at a time"). So the device must not pipeline its pushes.
    let inFlight = 0
    let most = 0
    const sent: number[][] = []
    const transport = {
      ...server.transport,
      push: async (body: Parameters<MemoryServer['transport']['push']>[0]) => {
        inFlight += 1
        most = Math.max(most, inFlight)
        sent.push(body.mutations.map((m) => m.seq))
        // Only entries the previous answer did not settle may be in this request.
        expect(device.writer.pendingCount()).toBe(5 - sent.slice(0, -1).flat().length)
        await new Promise((resolve) => setTimeout(resolve, 5))
        try {
          return await server.transport.push(body)
        } finally {
          inFlight -= 1
        }
      },
    }
    device = openDevice(dir.file('d.sqlite'), server, { pushBatchSize: 2 })
    const engine = createSyncEngine({
      sqlite: device.sqlite,
      registry: replicaRegistry(),
      transport,
      state: device.state,
      clock: device.clock,
      outbox: device.outbox,
      pushBatchSize: 2,
    })
    for (let i = 1; i <= 5; i++) device.writer.upsert('companies', testId(i), company(i))
    expect(await engine.push()).toEqual({ acknowledged: 5, rejected: 0, batches: 3 })
    expect(most).toBe(1)
    expect(sent).toEqual([[1, 2], [3, 4], [5]])
  })

  it('keeps rejected entries with their reason, never resends them, and does not block later ones', async () => {
    server = createMemoryServer({ reject: (m) => (m.fields.name === 'bad' ? 'forbidden: out of scope' : null) })
    device = openDevice(dir.file('d.sqlite'), server)
    device.writer.upsert('companies', testId(1), { code: 'C-1', name: 'bad' })
    device.writer.upsert('companies', testId(2), company(2))
    expect(await device.engine.push()).toMatchObject({ acknowledged: 1, rejected: 1 })
    expect(device.writer.listRejected()).toMatchObject([{ seq: 1, rejectReason: 'forbidden: out of scope' }])
    expect(server.row('companies', testId(2))).toBeDefined()
    await device.engine.push()
    expect(server.pushes).toHaveLength(1)
    expect(device.writer.pendingCount()).toBe(0)
    expect(device.writer.rejectedCount()).toBe(1)
  })

  it("rejects locally, with the schema's message, an entry the server's schema would refuse, and sends the rest", async () => {
    device = openDevice(dir.file('d.sqlite'), server)
    device.writer.upsert('companies', testId(1), company(1))
    device.writer.upsert('companies', testId(2), company(2))
    // A field name that is no SQL name (a damaged or hand-edited outbox): the whole push would be refused for it.
    device.sqlite.prepare(`UPDATE outbox SET fields = '{"Bad-Name":1}' WHERE seq = 1`).run()
    expect(await device.engine.push()).toMatchObject({ acknowledged: 1, rejected: 1 })
    expect(device.writer.listRejected()).toMatchObject([{ seq: 1, rejectReason: 'Invalid change (not sent): Invalid key in record' }])
    expect(server.pushes.map((p) => p.mutations.map((m) => m.seq))).toEqual([[2]])
  })

  it('a lost push response is harmless: the resend is answered duplicate and applied once', async () => {
    device = openDevice(dir.file('d.sqlite'), server)
    device.writer.upsert('companies', testId(1), company(1))
    server.loseNextPushResponse()
    await expect(device.engine.push()).rejects.toThrow(/connection reset/)
    expect(device.writer.pendingCount()).toBe(1)
    expect(server.lastAppliedSeq(DEVICE)).toBe(1)
    await device.engine.push()
    expect(device.writer.pendingCount()).toBe(0)
    expect(server.pushes).toHaveLength(2)
  })

  it('pulls page by page, persisting the cursor and watermark, and resumes from the cursor after a restart', async () => {
    for (let i = 1; i <= 5; i++) server.serverWrite('companies', testId(i), company(i))
    device = openDevice(dir.file('d.sqlite'), server, { pullLimit: 2 })
    const report = await device.engine.pull()
    expect(report).toEqual({ pages: 3, upserted: 5, removed: 0, maxWalBytes: expect.any(Number) })
    expect(countRows(device.sqlite, 'companies')).toBe(5)
    expect(device.state.get('pull_cursor')).toBe('5')
    expect(device.state.get('watermark')).toBe('5')
    // Edits made now carry the watermark as base.
    expect(device.writer.upsert('companies', testId(1), { name: 'x' })?.seq).toBe(1)
    expect(device.outbox.get(1)?.base).toBe('5')
    device.close()

    server.serverWrite('companies', testId(6), company(6))
    device = openDevice(dir.file('d.sqlite'), server, { pullLimit: 2 })
    await device.engine.pull()
    expect(server.pulls.at(-1)?.cursor).toBe('5')
    expect(countRows(device.sqlite, 'companies')).toBe(6)
  })

  it('a first sync returns before search_grams is filled; search answers meanwhile and the pieces follow', async () => {
    for (let i = 1; i <= 5; i++) server.serverWrite('companies', testId(i), { code: `C-${i}`, name: i % 2 ? `김민준 상사 ${i}` : `테크 ${i}` })
    device = openDevice(dir.file('d.sqlite'), server, { pullLimit: 2 })
    const search = createSearchRepo(device.sqlite)
    const ids = (q: string) => search.search(q, 10).groups.flatMap((g) => g.hits.map((h) => h.id))
    await device.engine.pull()
    // The FTS index is rebuilt within the pull; the short and 초성 pieces are not, and searches scan meanwhile.
    expect(isSearchGramsPending(device.sqlite)).toBe(true)
    expect(countRows(device.sqlite, 'search_grams')).toBe(0)
    const meanwhile = ['김', '민준', 'ㄱㅁㅈ', '테크'].map(ids)
    expect(meanwhile.map((hits) => hits.length)).toEqual([3, 3, 3, 2])
    await device.engine.searchReady()
    expect(isSearchGramsPending(device.sqlite)).toBe(false)
    expect(countRows(device.sqlite, 'search_grams')).toBeGreaterThan(0)
    expect(['김', '민준', 'ㄱㅁㅈ', '테크'].map(ids)).toEqual(meanwhile)
  })

  /**
   * An engine over a fresh replica pulling pages of 2 rows through `pull`, recording each applied page's cursor in
   * `events` after whatever `pull` records.
   */
  function pagedEngine(pull: MemoryServer['transport']['pull'], events: string[]) {
    const replica = openTestReplica(dir.file('p.sqlite'))
    const state = createDeviceState(replica.sqlite)
    state.set('device_id', DEVICE)
    signInLocally(state, USER)
    device = { close: () => replica.sqlite.close() } as typeof device
    return createSyncEngine({
      sqlite: replica.sqlite,
      registry: replicaRegistry(),
      transport: { ...server.transport, pull },
      state,
      clock: createDeviceClock(state, { deviceId: DEVICE, now: () => T0 }),
      outbox: createOutboxStore(replica.sqlite, state),
      pullLimit: 2,
      onPulled: () => events.push(`applied ${state.get('pull_cursor')}`),
    })
  }

  it("requests the next page before applying this one, with the cursor this page's transaction stores", async () => {
    for (let i = 1; i <= 5; i++) server.serverWrite('companies', testId(i), company(i))
    const events: string[] = []
    const engine = pagedEngine((body) => {
      events.push(`request ${body.cursor}`)
      return server.transport.pull(body)
    }, events)
    expect(await engine.pull()).toEqual({ pages: 3, upserted: 5, removed: 0, maxWalBytes: expect.any(Number) })
    expect(events).toEqual(['request null', 'request 2', 'applied 2', 'request 4', 'applied 4', 'applied 5'])
  })

  it('the next page is on its way (sent, not only asked for) before this one is applied', async () => {
    for (let i = 1; i <= 5; i++) server.serverWrite('companies', testId(i), company(i))
    const events: string[] = []
    // As the real transport: the request goes out only after a few turns (token lookup, fetch's own promises).
    const engine = pagedEngine(async (body) => {
      for (let i = 0; i < 20; i++) await Promise.resolve()
      await new Promise<void>((resolve) => process.nextTick(resolve))
      events.push(`sent ${body.cursor}`)
      return server.transport.pull(body)
    }, events)
    await engine.pull()
    expect(events).toEqual(['sent null', 'sent 2', 'applied 2', 'sent 4', 'applied 4', 'applied 5'])
  })

  it('keeps pending local edits on top of pulled rows', async () => {
    server.serverWrite('companies', testId(1), { ...company(1), website: 'old', description: 'old' })
    device = openDevice(dir.file('d.sqlite'), server)
    await device.engine.pull()
    // Offline edit of the name; meanwhile someone else edits the name and the website on the server.
    device.writer.upsert('companies', testId(1), { name: '내 이름' })
    server.serverWrite('companies', testId(1), { name: '그들의 이름', website: 'new' })
    const page = await device.engine.pull()
    expect(page.upserted).toBe(1)
    const row = device.sqlite.prepare('SELECT name, website FROM companies WHERE id = ?').get(testId(1))
    expect(row).toEqual({ name: '내 이름', website: 'new' })
    expect(device.writer.pendingCount()).toBe(1)
  })

  it('applies a page in one transaction: a failing row leaves the replica and the cursor untouched', () => {
    device = openDevice(dir.file('d.sqlite'), server)
    const good = { id: testId(1), ...company(1) }
    const bad = { id: testId(2), code: 'C-2', name: { not: 'a string' } }
    expect(() =>
      device.engine.applyPage({
        changes: [
          { table: 'companies', id: testId(1), row: good },
          { table: 'companies', id: testId(2), row: bad },
        ],
        removed: [],
        cursor: '2',
        hasMore: false,
        watermark: '2',
        serverTime: new Date(T0).toISOString(),
      }),
    ).toThrow(TypeError)
    expect(countRows(device.sqlite, 'companies')).toBe(0)
    expect(device.state.get('pull_cursor')).toBeNull()
  })

  it('applies parents before children within a page, removes rows that left the scope, and skips unknown tables', () => {
    device = openDevice(dir.file('d.sqlite'), server)
    const report = device.engine.applyPage({
      changes: [
        { table: 'contacts', id: testId(3), row: { id: testId(3), branch_id: testId(2), first_name: '길동', last_name: '홍', is_active: 1 } },
        { table: 'future_table', id: testId(9), row: { id: testId(9) } },
        { table: 'branches', id: testId(2), row: { id: testId(2), company_id: testId(1), code: 'B', name: '본사' } },
        { table: 'companies', id: testId(1), row: { id: testId(1), ...company(1) } },
      ],
      removed: [],
      cursor: '1',
      hasMore: false,
      watermark: '1',
      serverTime: new Date(T0).toISOString(),
    })
    expect(report).toMatchObject({ upserted: 3, skipped: 1, tables: ['companies', 'branches', 'contacts'] })
    expect(device.sqlite.prepare('SELECT is_active FROM contacts').get()).toEqual({ is_active: 1 })
    device.engine.applyPage({
      changes: [],
      removed: [{ table: 'companies', id: testId(1) }],
      cursor: '2',
      hasMore: false,
      watermark: '2',
      serverTime: new Date(T0).toISOString(),
    })
    expect(countRows(device.sqlite, 'companies')).toBe(0)
    expect(countRows(device.sqlite, 'branches')).toBe(1)
  })

  it('syncOnce pushes then pulls, advances the clock past server time and records the sync time', async () => {
    server = createMemoryServer({ now: () => T0 + 3_600_000 }) // the server is an hour ahead of this laptop
    device = openDevice(dir.file('d.sqlite'), server)
    device.writer.upsert('companies', testId(1), company(1))
    const report = await device.engine.syncOnce()
    expect(report.push.acknowledged).toBe(1)
    expect(report.pull.upserted).toBe(1)
    expect(device.clock.last() > new Date(T0 + 3_600_000).toISOString()).toBe(true)
    expect(device.state.get('last_sync_at')).not.toBeNull()
    // A later local edit sorts after the server's time even though the wall clock is behind.
    const edit = device.writer.upsert('companies', testId(1), { name: 'later' })
    expect(edit!.hlc > new Date(T0 + 3_600_000).toISOString()).toBe(true)
  })

  it('two devices editing different fields of the same row offline both keep their edit', async () => {
    device = openDevice(dir.file('a.sqlite'), server)
    device.writer.upsert('companies', testId(1), company(1))
    await device.engine.syncOnce()
    device.close()
    // Second device on its own file (same helper, different device id).
    const other = openTestReplica(dir.file('b.sqlite'))
    const otherState = createDeviceState(other.sqlite)
    const otherId = '0190a000-0000-7000-8000-00000000d002'
    otherState.set('device_id', otherId)
    signInLocally(otherState, { id: '0190a000-0000-7000-8000-0000000000a2', email: 'lee@augu.kr' })
    const otherClock = createDeviceClock(otherState, { deviceId: otherId, now: () => T0 + 1 })
    const registry = replicaRegistry()
    const otherWriter = createWriter(other.sqlite, otherClock, otherState, { registry })
    const otherEngine = createSyncEngine({ sqlite: other.sqlite, registry, transport: server.transport, state: otherState, clock: otherClock })
    await otherEngine.syncOnce()
    device = openDevice(dir.file('a.sqlite'), server)
    device.writer.upsert('companies', testId(1), { website: 'https://a.example' })
    otherWriter.upsert('companies', testId(1), { description: '설명' })
    await otherEngine.syncOnce()
    await device.engine.syncOnce()
    await otherEngine.syncOnce()
    for (const db of [device.sqlite, other.sqlite]) {
      expect(db.prepare('SELECT website, description FROM companies').get()).toEqual({ website: 'https://a.example', description: '설명' })
    }
    other.sqlite.close()
  })

  it('keeps pulling while a page says it stopped short of the newest commit (behind), then stops', async () => {
    server.serverWrite('companies', testId(1), company(1))
    const replica = openTestReplica(dir.file('b.sqlite'))
    const state = createDeviceState(replica.sqlite)
    state.set('device_id', DEVICE)
    signInLocally(state, USER)
    let calls = 0
    const waits: number[] = []
    const transport = {
      ...server.transport,
      pull: async (body: Parameters<MemoryServer['transport']['pull']>[0]) => {
        calls += 1
        const page = await server.transport.pull(body)
        // The first two answers are held back behind a transaction still open on the server.
        return calls <= 2 ? { ...page, behind: true } : page
      },
    }
    const engine = createSyncEngine({
      sqlite: replica.sqlite,
      registry: replicaRegistry(),
      transport,
      state,
      clock: createDeviceClock(state, { deviceId: DEVICE, now: () => T0 }),
      outbox: createOutboxStore(replica.sqlite, state),
      delay: async (ms) => {
        waits.push(ms)
      },
    })
    device = { close: () => replica.sqlite.close() } as typeof device
    expect((await engine.pull()).pages).toBe(3)
    expect(calls).toBe(3)
    expect(waits).toEqual([10, 20])
  })
})

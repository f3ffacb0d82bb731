import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type SyncStatus } from './sync/status'
import { type Timers } from './sync/timers'
import { createTempDir, testId, type TempDir } from '../../../test/support/device/fixtures'
import { createMemoryServer, type MemoryServer } from '../../../test/support/device/memory-server'
import { createTestDevice, type TestDevice } from '../../../test/support/device/test-device'

const SERVER = 'http://sync.test'
const KIM = { id: '0190a000-0000-7000-8000-0000000000a1', email: 'kim@augu.kr' }
const LEE = { id: '0190a000-0000-7000-8000-0000000000a2', email: 'lee@augu.kr' }

describe('device core', () => {
  let dir: TempDir
  let server: MemoryServer
  let device: TestDevice

  beforeEach(() => {
    dir = createTempDir()
    server = createMemoryServer({
      accounts: [{ password: 'pw', user: KIM }],
      reject: (m) => (m.fields.name === '금지' ? 'forbidden: not in your scope' : null),
    })
  })
  afterEach(async () => {
    await device.close()
    vi.useRealTimers()
    dir.remove()
  })

  const open = (timers?: Timers) =>
    createTestDevice({
      dir: dir.path,
      serverUrl: SERVER,
      core: { transportFactory: (url, tokens) => server.transportFor(url, tokens), ...(timers ? { timers, random: () => 0.5 } : {}) },
    })

  it('status: pending, rejected and open-conflict counts, online state, sign-in needed; subscribers hear changes', async () => {
    device = open()
    await device.signIn(KIM.email, 'pw')
    const seen: SyncStatus[] = []
    const unsubscribe = device.status.subscribe((s) => seen.push(s))
    device.writer.upsert('companies', testId(1), { code: 'C-1', name: '허용' })
    device.writer.upsert('companies', testId(2), { code: 'C-2', name: '금지' })
    expect(device.status.get().pendingCount).toBe(2)
    await device.syncNow()
    expect(device.status.get()).toMatchObject({ pendingCount: 0, rejectedCount: 1, online: true, syncing: false, lastError: null })
    expect(device.status.get().lastSyncAt).not.toBeNull()
    expect(seen.some((s) => s.syncing)).toBe(true)

    server.setOnline(false)
    await expect(device.syncNow()).rejects.toMatchObject({ kind: 'offline' })
    expect(device.status.get()).toMatchObject({ online: false, lastError: { kind: 'offline' } })
    server.setOnline(true)

    await device.session.signOut()
    await expect(device.syncNow()).rejects.toMatchObject({ kind: 'auth' })
    expect(device.status.get().needsSignIn).toBe(true)
    unsubscribe()
    const count = seen.length
    device.status.update({ online: false, lastError: null })
    expect(seen).toHaveLength(count)
  })

  it('conflicts: counts open ones the user is party to; "apply mine again" re-sends the losing value and resolves', async () => {
    device = open()
    await device.signIn(KIM.email, 'pw')
    server.serverWrite('companies', testId(1), { code: 'C-1', name: '이씨가 쓴 이름' })
    const conflict = {
      table_name: 'companies',
      row_id: testId(1),
      field: 'name',
      winning_value: '이씨가 쓴 이름',
      winning_hlc: '2026-11-25T07:00:02.000Z-0000-8000000000000002',
      winning_user_id: LEE.id,
      losing_value: '김이 쓴 이름',
      losing_hlc: '2026-11-25T07:00:01.000Z-0000-8000000000000001',
      losing_user_id: KIM.id,
      kind: 'FIELD',
      status: 'OPEN',
      created_at: '2026-11-25T07:00:03.000Z',
    }
    server.serverWrite('sync_conflicts', testId(100), conflict)
    server.serverWrite('sync_conflicts', testId(101), { ...conflict, losing_user_id: LEE.id, winning_user_id: LEE.id })
    await device.syncNow()
    expect(device.status.get().openConflictsCount).toBe(1)
    const [open1] = device.conflicts.listOpen()
    expect(open1).toMatchObject({ id: testId(100), field: 'name', losingValue: '김이 쓴 이름', winningValue: '이씨가 쓴 이름' })

    const result = device.conflicts.applyMine(testId(100))
    expect(result.fields).toEqual({ name: '김이 쓴 이름' })
    expect(device.status.get().openConflictsCount).toBe(0)
    expect(() => device.conflicts.applyMine(testId(100))).toThrow(/already RESOLVED/)
    await device.syncNow()
    expect(server.row('companies', testId(1))).toMatchObject({ name: '김이 쓴 이름' })
    expect(server.row('sync_conflicts', testId(100))).toMatchObject({ status: 'RESOLVED' })
    expect(Object.keys(server.pushes.at(-1)!.mutations.at(-1)!.fields).sort()).toEqual(['resolved_at', 'status'])
  })

  it('the loop syncs after local edits (debounced) without the app asking', async () => {
    vi.useFakeTimers()
    const timers: Timers = {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      now: () => Date.now(),
    }
    device = open(timers)
    device.start()
    await device.signIn(KIM.email, 'pw')
    await vi.advanceTimersByTimeAsync(0)
    const pushesBefore = server.pushes.length
    device.writer.upsert('companies', testId(1), { code: 'C-1', name: '자동' })
    device.writer.upsert('companies', testId(1), { website: 'https://auto.kr' })
    await vi.advanceTimersByTimeAsync(999)
    expect(server.pushes.length).toBe(pushesBefore)
    await vi.advanceTimersByTimeAsync(1)
    await device.loop.idle()
    expect(server.pushes.length).toBe(pushesBefore + 1)
    expect(server.row('companies', testId(1))).toMatchObject({ name: '자동', website: 'https://auto.kr' })
    expect(device.status.get().pendingCount).toBe(0)
  })

  it('brings the planner statistics up to date after a first sync that filled the replica', async () => {
    device = open()
    await device.signIn(KIM.email, 'pw')
    for (let i = 1; i <= 1_200; i++) server.serverWrite('companies', testId(i), { code: `C-${i}`, name: `고객사 ${i}` })
    const analysed = (): number =>
      device.sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`).get()
        ? (device.sqlite.prepare(`SELECT count(*) AS n FROM sqlite_stat1 WHERE tbl = 'companies'`).get() as { n: number }).n
        : 0
    expect(analysed()).toBe(0) // empty at open: nothing to analyse
    await device.syncNow()
    expect(analysed()).toBeGreaterThan(0)
  })
})

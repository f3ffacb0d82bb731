import { CHANGE_IDS_LIMIT } from '../../../shared/ipc/live'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDeviceClock, type DeviceClock } from '../clock'
import { replicaRegistry } from '../replica/registry'
import { type Sqlite } from '../sqlite'
import { createDeviceState, type DeviceState } from '../state'
import { countRows, createTempDir, openTestReplica, signInLocally, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { createOutboxStore, type OutboxStore } from './outbox-store'
import { NotSignedInError, createWriter, type ChangeEvent, type Writer } from './writer'

const DEVICE = '0190a000-0000-7000-8000-00000000d001'
const USER = { id: '0190a000-0000-7000-8000-0000000000a1', email: 'kim@augu.kr' }

interface Harness {
  sqlite: Sqlite
  state: DeviceState
  clock: DeviceClock
  outbox: OutboxStore
  writer: Writer
  events: ChangeEvent[]
  close(): void
}

function open(file: string, wall = () => Date.parse('2026-11-25T07:00:00.000Z')): Harness {
  const { sqlite } = openTestReplica(file)
  const state = createDeviceState(sqlite)
  state.set('device_id', DEVICE)
  const clock = createDeviceClock(state, { deviceId: DEVICE, now: wall })
  const outbox = createOutboxStore(sqlite, state)
  const events: ChangeEvent[] = []
  const writer = createWriter(sqlite, clock, state, { registry: replicaRegistry(), outbox, onChange: (e) => events.push(e) })
  return { sqlite, state, clock, outbox, writer, events, close: () => sqlite.close() }
}

describe('writer', () => {
  let dir: TempDir
  let h: Harness
  beforeEach(() => {
    dir = createTempDir()
    h = open(dir.file('w.sqlite'))
    signInLocally(h.state, USER)
  })
  afterEach(() => {
    h.close()
    dir.remove()
  })

  it('creates a row and its outbox entry together, with display columns set locally', () => {
    const id = testId(1)
    const result = h.writer.upsert('companies', id, { code: 'C-1', name: '삼성전자', tags: ['VIP'] })
    expect(result).not.toBeNull()
    const row = h.sqlite.prepare('SELECT * FROM companies WHERE id = ?').get(id) as Record<string, unknown>
    expect(row).toMatchObject({ name: '삼성전자', tags: '["VIP"]', created_by: USER.id, updated_by: USER.id, tier: 'BRONZE' })
    const [entry] = h.outbox.pendingBatch(10)
    expect(entry).toMatchObject({ table: 'companies', rowId: id, op: 'upsert', status: 'pending', base: null, hlc: h.clock.last() })
    // The whole row as the device shows it (defaults included), minus the server-authored columns.
    expect(entry!.fields).toMatchObject({ code: 'C-1', name: '삼성전자', tags: ['VIP'], tier: 'BRONZE', payment_terms: 30 })
    expect(entry!.fields).not.toHaveProperty('created_by')
    expect(entry!.fields).not.toHaveProperty('updated_at')
    expect(entry!.fields).toHaveProperty('created_at')
    // The change stream names the row when few rows changed (screens with one record open reload only for theirs).
    expect(h.events).toEqual([{ tables: ['companies'], ids: { companies: [id] } }])
  })

  it('records only the fields that changed, and nothing when nothing changed', () => {
    const id = testId(2)
    h.writer.upsert('companies', id, { code: 'C-2', name: 'LG', website: null })
    const edit = h.writer.upsert('companies', id, { code: 'C-2', name: 'LG전자', website: null })
    expect(edit?.fields).toEqual({ name: 'LG전자' })
    expect(h.writer.upsert('companies', id, { name: 'LG전자' })).toBeNull()
    expect(h.writer.pendingCount()).toBe(2)
    // The watermark of the last pull is the edit's base.
    h.state.set('watermark', '12345')
    expect(h.writer.upsert('companies', id, { website: 'https://lg.com' })?.seq).toBe(3)
    expect(h.outbox.get(3)?.base).toBe('12345')
  })

  it('a thrown error inside transaction() leaves neither the rows nor the outbox entries', () => {
    const company = testId(3)
    expect(() =>
      h.writer.transaction(() => {
        h.writer.upsert('companies', company, { code: 'C-3', name: '현대' })
        h.writer.upsert('branches', testId(4), { company_id: company, code: 'B-1', name: '본사' })
        throw new Error('lead conversion failed half-way')
      }),
    ).toThrow('half-way')
    expect(countRows(h.sqlite, 'companies')).toBe(0)
    expect(countRows(h.sqlite, 'branches')).toBe(0)
    expect(countRows(h.sqlite, 'outbox')).toBe(0)
    expect(h.events).toEqual([])
  })

  it('a failing write (NOT NULL) leaves no outbox entry', () => {
    expect(() => h.writer.upsert('companies', testId(5), { code: 'C-5' })).toThrow(/NOT NULL/)
    expect(countRows(h.sqlite, 'outbox')).toBe(0)
  })

  it('groups several writes atomically and notifies once after commit', () => {
    h.writer.transaction(() => {
      h.writer.upsert('companies', testId(6), { code: 'C-6', name: '카카오' })
      h.writer.upsert('branches', testId(7), { company_id: testId(6), code: 'B-1', name: '판교' })
      h.writer.upsert('contacts', testId(8), { branch_id: testId(7), first_name: '길동', last_name: '홍', is_active: true })
    })
    expect(h.events).toHaveLength(1)
    expect([...h.events[0]!.tables].sort()).toEqual(['branches', 'companies', 'contacts'])
    expect(h.events[0]!.ids).toEqual({ companies: [testId(6)], branches: [testId(7)], contacts: [testId(8)] })
    const seqs = h.outbox.pendingBatch(10).map((e) => e.seq)
    expect(seqs).toEqual([1, 2, 3])
  })

  it('names tables only (no ids) for a transaction larger than CHANGE_IDS_LIMIT rows', () => {
    h.writer.transaction(() => {
      for (let i = 0; i <= CHANGE_IDS_LIMIT; i++) h.writer.upsert('companies', testId(1000 + i), { code: `C-${i}`, name: `회사 ${i}` })
    })
    expect(h.events).toEqual([{ tables: ['companies'] }])
  })

  it('remove sets the tombstone and restore clears it, each as an outbox entry', () => {
    const id = testId(9)
    h.writer.upsert('companies', id, { code: 'C-9', name: '네이버' })
    const removed = h.writer.remove('companies', id)
    expect(removed).toMatchObject({ op: 'delete' })
    expect(Object.keys(removed!.fields)).toEqual(['deleted_at'])
    const row = h.sqlite.prepare('SELECT deleted_at, deleted_by FROM companies WHERE id = ?').get(id) as Record<string, unknown>
    expect(row.deleted_at).toBeTruthy()
    expect(row.deleted_by).toBe(USER.id)
    expect(h.writer.remove('companies', id)).toBeNull()
    const restored = h.writer.restore('companies', id)
    expect(restored).toMatchObject({ op: 'upsert', fields: { deleted_at: null } })
    expect(h.sqlite.prepare('SELECT deleted_at, deleted_by FROM companies WHERE id = ?').get(id)).toEqual({ deleted_at: null, deleted_by: null })
    expect(h.writer.restore('companies', id)).toBeNull()
  })

  it('never reuses a sequence number after the outbox empties', () => {
    h.writer.upsert('companies', testId(10), { code: 'C-10', name: 'A' })
    h.writer.upsert('companies', testId(10), { name: 'B' })
    h.outbox.acknowledge(1)
    h.outbox.acknowledge(2)
    expect(countRows(h.sqlite, 'outbox')).toBe(0)
    expect(h.writer.upsert('companies', testId(10), { name: 'C' })?.seq).toBe(3)
  })

  it('keeps the outbox, the clock and the sequence across a restart', () => {
    h.writer.upsert('companies', testId(11), { code: 'C-11', name: 'A' })
    const stamp = h.clock.last()
    h.close()
    // Restart with a wall clock an hour behind.
    h = open(dir.file('w.sqlite'), () => Date.parse('2026-11-25T06:00:00.000Z'))
    expect(h.writer.pendingCount()).toBe(1)
    const next = h.writer.upsert('companies', testId(11), { name: 'B' })
    expect(next?.seq).toBe(2)
    expect(next!.hlc > stamp).toBe(true)
  })

  it('refuses writes when nobody is signed in', () => {
    h.state.set('signed_in', '0')
    expect(() => h.writer.upsert('companies', testId(12), { code: 'C', name: 'N' })).toThrow(NotSignedInError)
    expect(countRows(h.sqlite, 'outbox')).toBe(0)
  })

  it('rejects unknown columns and tables', () => {
    // The types refuse both (wire-row.test.ts); a caller that casts past them still meets the run-time check.
    // @ts-expect-error -- not a column of companies
    expect(() => h.writer.upsert('companies', testId(13), { code: 'C', name: 'N', nope: 1 })).toThrow(/no column nope/)
    // @ts-expect-error -- not a synced table
    expect(() => h.writer.upsert('outbox', testId(13), {})).toThrow(/Not a synced table/)
  })

  it('lists and dismisses rejected entries, and applies them again as new edits', () => {
    const id = testId(14)
    h.writer.upsert('companies', id, { code: 'C-14', name: 'A' })
    const edit = h.writer.upsert('companies', id, { name: 'B' })!
    h.outbox.reject(edit.seq, 'forbidden: not your company')
    expect(h.writer.rejectedCount()).toBe(1)
    expect(h.writer.listRejected()).toMatchObject([{ seq: edit.seq, rejectReason: 'forbidden: not your company', fields: { name: 'B' } }])
    // The replica still shows B, but "apply mine again" must still send it, with a fresh stamp and a new seq.
    const again = h.writer.applyMineAgain(edit.seq)!
    expect(again.seq).toBeGreaterThan(edit.seq)
    expect(again.hlc > edit.hlc).toBe(true)
    expect(again.fields).toEqual({ name: 'B' })
    expect(h.writer.rejectedCount()).toBe(0)
    h.outbox.reject(again.seq, 'still no')
    expect(h.writer.dismissRejected(again.seq)).toBe(true)
    expect(h.writer.dismissRejected(1)).toBe(false) // pending, not rejected
    expect(h.writer.pendingCount()).toBe(1)
  })

  it('reapply sends a value even when the replica already shows it (conflict: apply mine again)', () => {
    const id = testId(15)
    h.writer.upsert('companies', id, { code: 'C-15', name: 'Mine' })
    const result = h.writer.reapply('companies', id, { name: 'Mine' })
    expect(result?.fields).toEqual({ name: 'Mine' })
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createReplicaStatements } from '../replica/statements'
import { createTempDir, signInLocally, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { createTestDevice, type TestDevice } from '../../../../test/support/device/test-device'
import { SalesRuleError } from '../sales/rules'
import { createSyncReviewRepo, type SyncReviewRepo } from './review'

const ME = { id: testId(0xa1), email: 'kim@augu.kr' }
const COLLEAGUE = testId(0xa2)
const LEAD = testId(0x11)
const CONFLICT = testId(0xcf)

describe('sync review (real core, real SQLite)', () => {
  let dir: TempDir
  let device: TestDevice
  let review: SyncReviewRepo
  let refreshed: number

  beforeEach(() => {
    dir = createTempDir()
    device = createTestDevice({ dir: dir.path })
    signInLocally(device.state, ME)
    refreshed = 0
    review = createSyncReviewRepo({ ...device, refreshStatus: () => void (refreshed += 1) })
    // What a pull would have delivered: the user directory and a conflict the server recorded.
    const statements = createReplicaStatements(device.sqlite)
    const users = device.registry.require('users')
    for (const [id, last, first] of [
      [ME.id, '김', '민준'],
      [COLLEAGUE, '박', '서준'],
    ] as const) {
      statements.upsertFields(users, id, {
        email: `${first}@augu.kr`,
        first_name: first,
        last_name: last,
        role_id: testId(0xf0),
        user_tier: 'OPERATOR',
        is_active: true,
      })
    }
    device.writer.upsert('leads', LEAD, { code: 'L-1', company_name: '한빛제약', contact_name: '최지우' })
    statements.upsertFields(device.registry.require('sync_conflicts'), CONFLICT, {
      table_name: 'leads',
      row_id: LEAD,
      field: 'contact_name',
      winning_value: '최지우',
      winning_hlc: '2026-11-25T07:00:05.000Z-0000-00000000000000a2',
      winning_user_id: COLLEAGUE,
      losing_value: '박지훈',
      losing_hlc: '2026-11-25T07:00:01.000Z-0000-00000000000000a1',
      losing_user_id: ME.id,
      kind: 'FIELD',
      status: 'OPEN',
    })
  })
  afterEach(async () => {
    await device.close()
    dir.remove()
  })

  it('lists conflicts with names, row labels and the edit times read from the stamps', () => {
    expect(review.list().conflicts).toEqual([
      expect.objectContaining({
        id: CONFLICT,
        rowLabel: '한빛제약',
        field: 'contact_name',
        winningValue: '최지우',
        losingValue: '박지훈',
        winningUserName: '박서준',
        losingUserName: '김민준',
        winningAt: '2026-11-25T07:00:05.000Z',
        losingAt: '2026-11-25T07:00:01.000Z',
        mineLost: true,
      }),
    ])
  })

  it('applies mine again as a new pending edit and resolves the conflict in the same step', () => {
    const pending = device.outbox.pendingCount()
    expect(review.applyMine(CONFLICT).conflicts).toEqual([])
    expect(device.sqlite.prepare('SELECT contact_name FROM leads WHERE id = ?').get(LEAD)).toEqual({ contact_name: '박지훈' })
    const sent = device.outbox.pendingBatch(100).slice(pending)
    expect(sent.map((e) => [e.table, e.fields.contact_name ?? e.fields.status])).toEqual([
      ['leads', '박지훈'],
      ['sync_conflicts', 'RESOLVED'],
    ])
    expect(refreshed).toBe(1)
    expect(() => review.keepTheirs(CONFLICT)).toThrow(SalesRuleError)
  })

  it('keeps theirs without touching the row', () => {
    review.keepTheirs(CONFLICT)
    expect(device.sqlite.prepare('SELECT contact_name FROM leads WHERE id = ?').get(LEAD)).toEqual({ contact_name: '최지우' })
    expect(device.sqlite.prepare('SELECT status FROM sync_conflicts WHERE id = ?').get(CONFLICT)).toEqual({ status: 'RESOLVED' })
  })

  it('lists rejected changes with the reason and re-applies or dismisses them', () => {
    const first = device.writer.upsert('leads', testId(0x12), { code: 'L-2', company_name: '거부상사' })!
    const second = device.writer.upsert('leads', testId(0x13), { code: 'L-3', company_name: '거부물산' })!
    device.outbox.reject(first.seq, '권한 없음')
    device.outbox.reject(second.seq, '권한 없음')
    expect(review.list().rejected.map((r) => [r.rowLabel, r.reason])).toEqual([
      ['거부상사', '권한 없음'],
      ['거부물산', '권한 없음'],
    ])
    const pending = device.outbox.pendingCount()
    expect(review.applyMineAgain(first.seq).rejected.map((r) => r.rowLabel)).toEqual(['거부물산'])
    expect(device.outbox.pendingCount()).toBe(pending + 1)
    expect(review.dismissRejected(second.seq).rejected).toEqual([])
    expect(device.outbox.rejectedCount()).toBe(0)
    expect(() => review.dismissRejected(second.seq)).toThrow(SalesRuleError)
  })
})

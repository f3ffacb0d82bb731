import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { opportunityCloseSchema, opportunityCreateSchema, opportunityEditSchema, opportunityMoveSchema } from '../../../shared/model/validation/sales'
import { countRows, createTempDir, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { SalesRuleError } from './rules'
import { createOpportunitiesRepo, probabilityAfterMove, type OpportunitiesRepo } from './opportunities'
import { openRepoTestDevice, type RepoTestDevice } from '../../../../test/support/device/repos'

const CONSULTANT = { id: testId(0xa1), tier: 'OPERATOR' } as const
const COMPANY = testId(0xc1)

describe('probabilityAfterMove', () => {
  it('follows the stage default unless the user typed one; closing always sets 100 or 0', () => {
    expect(probabilityAfterMove({ stage: 'QUALIFYING', probability: 10 }, 'PROPOSAL')).toBe(50)
    expect(probabilityAfterMove({ stage: 'QUALIFYING', probability: 35 }, 'PROPOSAL')).toBe(35)
    expect(probabilityAfterMove({ stage: 'QUALIFYING', probability: 10 }, 'PROPOSAL', 60)).toBe(60)
    expect(probabilityAfterMove({ stage: 'NEGOTIATION', probability: 90 }, 'CLOSED_LOST')).toBe(0)
  })
})

describe('opportunities repository (real SQLite)', () => {
  let dir: TempDir
  let device: RepoTestDevice
  let repo: OpportunitiesRepo

  beforeEach(() => {
    dir = createTempDir()
    device = openRepoTestDevice(dir.file('opps.sqlite'), '2026-11-02T01:00:00.000Z')
    device.addUser({ id: CONSULTANT.id, lastName: '김', firstName: '민준' })
    device.signInAs(CONSULTANT)
    device.writer.upsert('companies', COMPANY, { code: 'C-1', name: '삼성전자' })
    repo = createOpportunitiesRepo(device)
  })
  afterEach(() => {
    device.close()
    dir.remove()
  })

  const create = (title: string, extra: Record<string, unknown> = {}) => repo.create(opportunityCreateSchema.parse({ title, companyId: COMPANY, ...extra }))

  it('creates with the stage default probability, a first history row, and a derived expected amount', () => {
    const opp = create('신입사원 입문교육', { amount: 30_000_000, nextAction: '제안서 발송', nextActionDate: '2026-11-10' })
    expect(opp).toMatchObject({
      stage: 'QUALIFYING',
      probability: 10,
      amount: 30_000_000,
      expectedAmount: 3_000_000,
      companyName: '삼성전자',
      accountManagerName: '김민준',
      nextActionDate: '2026-11-10',
    })
    expect(opp.history).toMatchObject([{ fromStage: null, toStage: 'QUALIFYING', changedByName: '김민준' }])
    expect(device.sqlite.prepare('SELECT * FROM opportunities WHERE id = ?').get(opp.id)).not.toHaveProperty('expected_amount')
  })

  it('groups the board by stage in pipeline order with totals; deleted ones are gone', () => {
    const a = create('A', { amount: 10_000_000, expectedCloseDate: '2026-12-01' })
    create('B', { amount: 20_000_000, expectedCloseDate: '2026-11-15' })
    const c = create('C', { amount: 5_000_000 })
    repo.move(opportunityMoveSchema.parse({ id: a.id, stage: 'PROPOSAL' }))
    device.writer.remove('opportunities', c.id)

    const board = repo.board()
    expect(board.map((col) => col.stage)).toEqual(['QUALIFYING', 'NEEDS_ANALYSIS', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST'])
    expect(board[0]).toMatchObject({ totalAmount: 20_000_000, totalExpected: 2_000_000 })
    expect(board[0]!.cards.map((card) => card.title)).toEqual(['B'])
    expect(board[2]).toMatchObject({ totalAmount: 10_000_000, totalExpected: 5_000_000 })
  })

  it('moves a stage with a history row and the new default probability, but keeps a probability the user set', () => {
    const opp = create('역량진단', { amount: 10_000_000 })
    device.setNow('2026-11-05T01:00:00.000Z')
    const moved = repo.move(opportunityMoveSchema.parse({ id: opp.id, stage: 'NEEDS_ANALYSIS' }))
    expect(moved).toMatchObject({ stage: 'NEEDS_ANALYSIS', probability: 25, expectedAmount: 2_500_000 })
    expect(countRows(device.sqlite, 'opportunity_stage_history')).toBe(2)

    repo.update(opportunityEditSchema.parse({ id: opp.id, title: '역량진단', amount: 10_000_000, probability: 40 }))
    device.setNow('2026-11-09T01:00:00.000Z')
    const again = repo.move(opportunityMoveSchema.parse({ id: opp.id, stage: 'PROPOSAL' }))
    expect(again.probability).toBe(40)
    expect(again.history.map((h) => [h.fromStage, h.toStage])).toEqual([
      [null, 'QUALIFYING'],
      ['QUALIFYING', 'NEEDS_ANALYSIS'],
      ['NEEDS_ANALYSIS', 'PROPOSAL'],
    ])
    device.setNow('2026-11-12T13:00:00.000Z')
    expect(repo.get(opp.id).daysInStage).toEqual({ QUALIFYING: 3, NEEDS_ANALYSIS: 4, PROPOSAL: 3 })
  })

  it('closes won or lost with the reason and the close date, and refuses to move a closed one', () => {
    const won = create('영업 리더십', { amount: 50_000_000 })
    device.setNow('2026-11-20T01:00:00.000Z')
    const closed = repo.close(opportunityCloseSchema.parse({ id: won.id, outcome: 'WON', reason: '기존 과정 만족도 높음' }))
    expect(closed).toMatchObject({
      stage: 'CLOSED_WON',
      probability: 100,
      expectedAmount: 50_000_000,
      closeReason: '기존 과정 만족도 높음',
      actualCloseDate: '2026-11-20',
    })
    expect(closed.history.at(-1)).toMatchObject({ fromStage: 'QUALIFYING', toStage: 'CLOSED_WON', reason: '기존 과정 만족도 높음' })
    expect(closed.daysInStage).toEqual({ QUALIFYING: 18 })
    expect(() => repo.move(opportunityMoveSchema.parse({ id: won.id, stage: 'PROPOSAL' }))).toThrow(SalesRuleError)

    const lost = create('CS 교육')
    expect(repo.close(opportunityCloseSchema.parse({ id: lost.id, outcome: 'LOST', reason: '예산 삭감', closeDate: '2026-11-19' }))).toMatchObject({
      stage: 'CLOSED_LOST',
      probability: 0,
      actualCloseDate: '2026-11-19',
    })
  })

  it('writes the stage and its history row together or not at all', () => {
    const opp = create('코칭')
    device.sqlite.exec("CREATE TRIGGER no_history BEFORE INSERT ON opportunity_stage_history BEGIN SELECT RAISE(ABORT, 'full'); END")
    const pending = device.outbox.pendingCount()
    expect(() => repo.move(opportunityMoveSchema.parse({ id: opp.id, stage: 'PROPOSAL' }))).toThrow(/full/)
    expect(repo.get(opp.id).stage).toBe('QUALIFYING')
    expect(device.outbox.pendingCount()).toBe(pending)
  })
})

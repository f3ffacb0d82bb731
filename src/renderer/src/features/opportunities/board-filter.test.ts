import { describe, expect, it } from 'vitest'
import { type BoardColumn, type OpportunityCard } from '../../../../shared/ipc/sales-types'
import { filterBoard, NO_BOARD_FILTERS } from './board-filter'

const card = (over: Partial<OpportunityCard>): OpportunityCard => ({
  id: over.id ?? 'x',
  code: 'O-1',
  title: '리더십 과정',
  companyId: 'c',
  companyName: '삼성전자',
  stage: 'PROPOSAL',
  probability: 50,
  amount: 10_000_000,
  expectedAmount: 5_000_000,
  expectedCloseDate: '2026-12-20',
  nextAction: null,
  nextActionDate: null,
  accountManagerName: '김민준',
  accountManagerId: 'u1',
  teamId: 't1',
  teamName: '기업영업1팀',
  actualCloseDate: null,
  ...over,
})

const board: BoardColumn[] = [
  {
    stage: 'PROPOSAL',
    cards: [card({ id: 'a' }), card({ id: 'b', accountManagerId: 'u2', teamId: 't2', amount: 90_000_000, expectedCloseDate: '2026-03-01' })],
    totalAmount: 100_000_000,
    totalExpected: 0,
  },
]
const ids = (columns: readonly BoardColumn[]) => columns.flatMap((c) => c.cards.map((x) => x.id))

describe('board filters', () => {
  it('filter by owner, team, amount and period, with totals that follow', () => {
    const today = '2026-12-07'
    expect(ids(filterBoard(board, { ...NO_BOARD_FILTERS, ownerId: 'u2' }, today))).toEqual(['b'])
    expect(ids(filterBoard(board, { ...NO_BOARD_FILTERS, teamId: 't1' }, today))).toEqual(['a'])
    const big = filterBoard(board, { ...NO_BOARD_FILTERS, minAmount: 50_000_000 }, today)
    expect(ids(big)).toEqual(['b'])
    expect(big[0]?.totalAmount).toBe(90_000_000)
    expect(ids(filterBoard(board, { ...NO_BOARD_FILTERS, period: 'thisMonth' }, today))).toEqual(['a'])
    expect(ids(filterBoard(board, { ...NO_BOARD_FILTERS, period: 'overdue' }, today))).toEqual(['b'])
    expect(ids(filterBoard(board, { ...NO_BOARD_FILTERS, text: 'ㄹㄷㅅ' }, today))).toEqual(['a', 'b'])
  })
})

/**
 * The pipeline board's filters: text (title, code, company, owner), owner, team, period and a minimum amount. Open
 * cards are placed in a period by their expected close date, won and lost ones by the day they closed. Each column's
 * totals follow the filter.
 */
import { matchesText } from '../../../../shared/domain/korean-text'
import { type BoardColumn, type OpportunityCard } from '../../../../shared/ipc/sales-types'

export const BOARD_PERIODS = ['all', 'thisMonth', 'thisQuarter', 'thisYear', 'overdue'] as const
export type BoardPeriod = (typeof BOARD_PERIODS)[number]

export interface BoardFilters {
  readonly text: string
  readonly ownerId: string
  readonly teamId: string
  readonly period: BoardPeriod
  /** Whole won; 0 for any amount. */
  readonly minAmount: number
}

export const NO_BOARD_FILTERS: BoardFilters = { text: '', ownerId: '', teamId: '', period: 'all', minAmount: 0 }

/** Won and lost show this many of their most recent cards at first; "더 보기" adds as many again. */
export const CLOSED_WINDOW = 20

function inPeriod(card: OpportunityCard, period: BoardPeriod, today: string): boolean {
  if (period === 'all') return true
  const closed = card.stage === 'CLOSED_WON' || card.stage === 'CLOSED_LOST'
  const date = closed ? card.actualCloseDate : card.expectedCloseDate
  if (period === 'overdue') return !closed && date !== null && date < today
  if (!date) return false
  const [year, month] = today.split('-').map(Number) as [number, number]
  const [y, m] = date.split('-').map(Number) as [number, number]
  if (period === 'thisYear') return y === year
  if (period === 'thisQuarter') return y === year && Math.ceil(m / 3) === Math.ceil(month / 3)
  return y === year && m === month
}

export function filterBoard(columns: readonly BoardColumn[], filters: BoardFilters, today: string): readonly BoardColumn[] {
  const { text, ownerId, teamId, period, minAmount } = filters
  if (text.trim() === '' && !ownerId && !teamId && period === 'all' && minAmount <= 0) return columns
  return columns.map((column) => {
    const cards = column.cards.filter(
      (card) =>
        (!ownerId || card.accountManagerId === ownerId) &&
        (!teamId || card.teamId === teamId) &&
        (minAmount <= 0 || (card.amount ?? 0) >= minAmount) &&
        inPeriod(card, period, today) &&
        matchesText([card.title, card.code, card.companyName, card.accountManagerName], text),
    )
    return {
      ...column,
      cards,
      totalAmount: cards.reduce((sum, card) => sum + (card.amount ?? 0), 0),
      totalExpected: cards.reduce((sum, card) => sum + (card.expectedAmount ?? 0), 0),
    }
  })
}

/** Owners and teams that appear on the board, for the filter menus (가나다 order). */
export function boardChoices(columns: readonly BoardColumn[]): {
  owners: Array<{ id: string; name: string }>
  teams: Array<{ id: string; name: string }>
} {
  const owners = new Map<string, string>()
  const teams = new Map<string, string>()
  for (const card of columns.flatMap((c) => c.cards)) {
    owners.set(card.accountManagerId, card.accountManagerName ?? '—')
    if (card.teamId) teams.set(card.teamId, card.teamName ?? '—')
  }
  const sorted = (map: Map<string, string>) => [...map].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'ko'))
  return { owners: sorted(owners), teams: sorted(teams) }
}

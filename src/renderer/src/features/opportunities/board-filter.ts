/** The pipeline board's own text filter: cards by title, code, company or owner; each column's totals follow. */
import { matchesText } from '../../../../shared/domain/korean-text'
import { type BoardColumn } from '../../../../shared/ipc/sales-types'

export function filterBoard(columns: readonly BoardColumn[], query: string): readonly BoardColumn[] {
  if (query.trim() === '') return columns
  return columns.map((column) => {
    const cards = column.cards.filter((card) => matchesText([card.title, card.code, card.companyName, card.accountManagerName], query))
    return {
      ...column,
      cards,
      totalAmount: cards.reduce((sum, card) => sum + (card.amount ?? 0), 0),
      totalExpected: cards.reduce((sum, card) => sum + (card.expectedAmount ?? 0), 0),
    }
  })
}

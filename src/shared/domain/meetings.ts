// Derived figures of a meeting: its length and the money of the products proposed in it. Computed from the stored
// rows every time, never stored (docs/schema-review.md §3.6 dropped meetings.duration and meeting_products.total_price).
//
// Rounding: `meeting_products.discount_percent` is a RATE (0–100, two decimals), not an amount. Each line is rounded
// once, half up, to whole won by meetingProductTotal; the meeting's total is the sum of the rounded lines, so the page
// adds up exactly line by line. A line's discount in won is its gross minus its rounded total.

import { minutesBetweenTimes } from './dates'
import { assertWon } from './money'
import { meetingProductTotal } from './project-finance'

/** Minutes from start to end ('10:00'–'11:30' → 90); null when the end is not after the start. */
export function meetingDurationMinutes(startTime: string, endTime: string): number | null {
  const minutes = minutesBetweenTimes(startTime, endTime)
  return minutes > 0 ? minutes : null
}

export interface ProposalLineFigures {
  readonly quantity: number
  /** Whole won; null when neither the user nor the product's list price gave one. */
  readonly unitPrice: number | null
  readonly discountPercent: number
}

export interface ProposalLineAmounts {
  /** quantity × unit price, before the discount. */
  readonly gross: number
  /** gross − total: the discount in whole won. */
  readonly discount: number
  /** quantity × unit price × (1 − discount % / 100), rounded half up to whole won. */
  readonly total: number
}

/** One proposed product's amounts; null when the line has no unit price (it cannot be priced yet). */
export function proposalLineAmounts(line: ProposalLineFigures): ProposalLineAmounts | null {
  const total = meetingProductTotal(line)
  if (total === null || line.unitPrice === null) return null
  const gross = line.quantity * line.unitPrice
  assertWon(gross, 'quantity × unit_price')
  return { gross, discount: gross - total, total }
}

export interface ProposalTotals extends ProposalLineAmounts {
  /** Lines without a unit price, left out of the sums (shown so a missing price is noticed, not hidden). */
  readonly unpricedLines: number
}

/** The meeting's proposal: sums of the priced lines' gross, discount and (rounded) totals. */
export function meetingProposalTotals(lines: readonly ProposalLineFigures[]): ProposalTotals {
  let gross = 0
  let discount = 0
  let total = 0
  let unpricedLines = 0
  for (const line of lines) {
    const amounts = proposalLineAmounts(line)
    if (!amounts) {
      unpricedLines += 1
      continue
    }
    gross += amounts.gross
    discount += amounts.discount
    total += amounts.total
  }
  assertWon(gross, 'proposal gross')
  return { gross, discount, total, unpricedLines }
}

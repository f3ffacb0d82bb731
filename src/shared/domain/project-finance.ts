// Derived money figures of projects, products and proposal line items. They are computed from their sources, never
// stored (docs/architecture.md §3). A missing source gives a missing figure (null), not a guess: a project whose costs
// were not entered has no margin yet, rather than a 100 % one.

import { assertWon } from './money'
import { divideRounded, hundredthsRatioPercent, toHundredths } from './rounding'

type Won = number | null | undefined

function known(value: Won, what: string): value is number {
  if (value === null || value === undefined) return false
  assertWon(value, what)
  return true
}

/**
 * revenue − actual cost, in won; null unless both are known. A cost of 0 is "no costs booked yet" (a project in
 * planning, or one created from a won opportunity), not a 100 % margin: the figure stays "—" until a cost is entered.
 */
export function projectMargin({ revenue, actualCost }: { revenue: Won; actualCost: Won }): number | null {
  if (!known(revenue, 'revenue') || !known(actualCost, 'actual_cost')) return null
  if (actualCost === 0) return null
  return revenue - actualCost
}

/** margin / revenue × 100, two decimals; null when the margin is unknown or revenue is 0. */
export function projectMarginPercent(figures: { revenue: Won; actualCost: Won }): number | null {
  const margin = projectMargin(figures)
  if (margin === null || !figures.revenue) return null
  return hundredthsRatioPercent(BigInt(margin), BigInt(figures.revenue))
}

/** list price − cost, in won; null unless both are known. */
export function productMargin({ listPrice, cost }: { listPrice: Won; cost: Won }): number | null {
  if (!known(listPrice, 'list_price') || !known(cost, 'cost')) return null
  return listPrice - cost
}

/** margin / list price × 100, two decimals; null when the margin is unknown or the list price is 0. */
export function productMarginPercent(figures: { listPrice: Won; cost: Won }): number | null {
  const margin = productMargin(figures)
  if (margin === null || !figures.listPrice) return null
  return hundredthsRatioPercent(BigInt(margin), BigInt(figures.listPrice))
}

/**
 * A proposal line: quantity × unit price × (1 − discount % / 100), rounded to whole won (halves up).
 * No discount means 0 %; no quantity or unit price means no total.
 */
export function meetingProductTotal({
  quantity,
  unitPrice,
  discountPercent,
}: {
  quantity: number | null | undefined
  unitPrice: Won
  discountPercent?: number | null | undefined
}): number | null {
  if (quantity === null || quantity === undefined || !known(unitPrice, 'unit_price')) return null
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError(`quantity must be a whole number ≥ 0, got ${quantity}`)
  const discount = discountPercent ?? 0
  if (!Number.isFinite(discount) || discount < 0 || discount > 100) {
    throw new RangeError(`discount_percent must be 0–100, got ${discount}`)
  }
  const total = divideRounded(BigInt(quantity) * BigInt(unitPrice) * (10_000n - toHundredths(discount)), 10_000n)
  if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError('meeting product total exceeds the safe integer range')
  }
  return Number(total)
}

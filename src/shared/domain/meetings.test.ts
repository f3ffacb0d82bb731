import { describe, expect, it } from 'vitest'
import { meetingDurationMinutes, meetingProposalTotals, proposalLineAmounts } from './meetings'

describe('meetingDurationMinutes', () => {
  it('counts minutes from start to end and refuses an end that is not after the start', () => {
    expect(meetingDurationMinutes('10:00', '11:30')).toBe(90)
    expect(meetingDurationMinutes('09:05', '09:06')).toBe(1)
    expect(meetingDurationMinutes('14:00', '14:00')).toBeNull()
    expect(meetingDurationMinutes('14:00', '13:30')).toBeNull()
  })
})

describe('proposalLineAmounts (discount_percent is a rate; one half-up rounding per line)', () => {
  it('computes gross, discount and total in whole won (hand-computed)', () => {
    // 20 × 350,000 = 7,000,000; 7,000,000 × 0.9 = 6,300,000
    expect(proposalLineAmounts({ quantity: 20, unitPrice: 350_000, discountPercent: 10 })).toEqual({
      gross: 7_000_000,
      discount: 700_000,
      total: 6_300_000,
    })
    // 3 × 333,333 = 999,999; × (1 − 0.125) = 874,999.125 → 874,999; discount 125,000
    expect(proposalLineAmounts({ quantity: 3, unitPrice: 333_333, discountPercent: 12.5 })).toEqual({
      gross: 999_999,
      discount: 125_000,
      total: 874_999,
    })
    // 1 × 999 × 0.5 = 499.5 → 500 (half up); discount 499
    expect(proposalLineAmounts({ quantity: 1, unitPrice: 999, discountPercent: 50 })).toEqual({ gross: 999, discount: 499, total: 500 })
    expect(proposalLineAmounts({ quantity: 2, unitPrice: 1_000, discountPercent: 0 })).toEqual({ gross: 2_000, discount: 0, total: 2_000 })
    expect(proposalLineAmounts({ quantity: 2, unitPrice: 1_000, discountPercent: 100 })).toEqual({ gross: 2_000, discount: 2_000, total: 0 })
  })

  it('has no amounts without a unit price, and refuses a rate outside 0–100', () => {
    expect(proposalLineAmounts({ quantity: 2, unitPrice: null, discountPercent: 0 })).toBeNull()
    expect(() => proposalLineAmounts({ quantity: 1, unitPrice: 1_000, discountPercent: 101 })).toThrow(RangeError)
  })
})

describe('meetingProposalTotals', () => {
  it('sums the rounded lines and counts the unpriced ones', () => {
    const totals = meetingProposalTotals([
      { quantity: 20, unitPrice: 350_000, discountPercent: 10 }, // 6,300,000
      { quantity: 3, unitPrice: 333_333, discountPercent: 12.5 }, // 874,999
      { quantity: 1, unitPrice: 999, discountPercent: 50 }, // 500
      { quantity: 5, unitPrice: null, discountPercent: 0 },
    ])
    expect(totals).toEqual({ gross: 8_000_998, discount: 825_499, total: 7_175_499, unpricedLines: 1 })
    expect(totals.gross - totals.discount).toBe(totals.total)
  })

  it('is zero for a meeting with no products', () => {
    expect(meetingProposalTotals([])).toEqual({ gross: 0, discount: 0, total: 0, unpricedLines: 0 })
  })
})

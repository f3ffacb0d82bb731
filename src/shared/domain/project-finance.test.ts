import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { meetingProductTotal, productMargin, productMarginPercent, projectMargin, projectMarginPercent } from './project-finance'

describe('project margin', () => {
  it('is revenue minus actual cost', () => {
    expect(projectMargin({ revenue: 50_000_000, actualCost: 32_000_000 })).toBe(18_000_000)
    expect(projectMargin({ revenue: 10_000_000, actualCost: 12_500_000 })).toBe(-2_500_000)
  })

  it('is unknown until both figures are entered', () => {
    expect(projectMargin({ revenue: 50_000_000, actualCost: null })).toBeNull()
    expect(projectMargin({ revenue: undefined, actualCost: 1_000 })).toBeNull()
    expect(projectMarginPercent({ revenue: 50_000_000, actualCost: null })).toBeNull()
  })

  it('is unknown while no cost is booked (0), instead of a 100 % margin', () => {
    expect(projectMargin({ revenue: 50_000_000, actualCost: 0 })).toBeNull()
    expect(projectMarginPercent({ revenue: 50_000_000, actualCost: 0 })).toBeNull()
  })

  it('gives the margin percent with two decimals', () => {
    expect(projectMarginPercent({ revenue: 50_000_000, actualCost: 32_000_000 })).toBe(36)
    expect(projectMarginPercent({ revenue: 30_000_000, actualCost: 20_000_000 })).toBe(33.33)
    expect(projectMarginPercent({ revenue: 3, actualCost: 1 })).toBe(66.67)
    expect(projectMarginPercent({ revenue: 10_000_000, actualCost: 12_500_000 })).toBe(-25)
  })

  it('has no margin percent without revenue', () => {
    expect(projectMarginPercent({ revenue: 0, actualCost: 1_000_000 })).toBeNull()
    expect(projectMarginPercent({ revenue: null, actualCost: 0 })).toBeNull()
  })

  it('refuses fractional won', () => {
    expect(() => projectMargin({ revenue: 100.5, actualCost: 1 })).toThrow(/revenue/)
  })

  it('keeps the percent within half a hundredth of the exact ratio', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 12 }), fc.integer({ min: 1, max: 10 ** 12 }), (revenue, actualCost) => {
        const percent = projectMarginPercent({ revenue, actualCost })!
        const exact = ((revenue - actualCost) / revenue) * 100
        return Math.abs(percent - exact) <= 0.005 + 1e-9 * Math.max(1, Math.abs(exact))
      }),
    )
  })
})

describe('product margin', () => {
  it('is list price minus cost', () => {
    expect(productMargin({ listPrice: 3_000_000, cost: 1_800_000 })).toBe(1_200_000)
    expect(productMargin({ listPrice: 3_000_000, cost: null })).toBeNull()
  })

  it('has a margin % of the list price, two decimals; none without a price or a cost', () => {
    // 1,200,000 / 3,000,000 = 40 %
    expect(productMarginPercent({ listPrice: 3_000_000, cost: 1_800_000 })).toBe(40)
    // 1,000,000 / 3,000,000 = 33.333… → 33.33 %
    expect(productMarginPercent({ listPrice: 3_000_000, cost: 2_000_000 })).toBe(33.33)
    // cost above price: a loss, −50 %
    expect(productMarginPercent({ listPrice: 2_000_000, cost: 3_000_000 })).toBe(-50)
    expect(productMarginPercent({ listPrice: 0, cost: 0 })).toBeNull()
    expect(productMarginPercent({ listPrice: 3_000_000, cost: undefined })).toBeNull()
  })
})

describe('meeting product total', () => {
  it('multiplies quantity by unit price and takes off the discount, in whole won', () => {
    expect(meetingProductTotal({ quantity: 3, unitPrice: 1_500_000, discountPercent: 10 })).toBe(4_050_000)
    expect(meetingProductTotal({ quantity: 1, unitPrice: 999, discountPercent: 15 })).toBe(849) // 849.15
    expect(meetingProductTotal({ quantity: 1, unitPrice: 999, discountPercent: 50 })).toBe(500) // 499.5
    expect(meetingProductTotal({ quantity: 7, unitPrice: 333_333, discountPercent: 12.5 })).toBe(2_041_665) // 2,041,664.625
  })

  it('treats a missing discount as none', () => {
    expect(meetingProductTotal({ quantity: 2, unitPrice: 500_000, discountPercent: null })).toBe(1_000_000)
    expect(meetingProductTotal({ quantity: 2, unitPrice: 500_000 })).toBe(1_000_000)
  })

  it('has no total without a quantity or a unit price', () => {
    expect(meetingProductTotal({ quantity: null, unitPrice: 500_000 })).toBeNull()
    expect(meetingProductTotal({ quantity: 2, unitPrice: null })).toBeNull()
  })

  it('refuses impossible inputs', () => {
    expect(() => meetingProductTotal({ quantity: 1.5, unitPrice: 1_000 })).toThrow(RangeError)
    expect(() => meetingProductTotal({ quantity: -1, unitPrice: 1_000 })).toThrow(RangeError)
    expect(() => meetingProductTotal({ quantity: 1, unitPrice: 1_000, discountPercent: 120 })).toThrow(RangeError)
    expect(() => meetingProductTotal({ quantity: 10 ** 6, unitPrice: 10 ** 12 })).toThrow(RangeError)
  })

  it('never exceeds the undiscounted price and never goes below zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 10_000 }).map((h) => h / 100),
        (quantity, unitPrice, discountPercent) => {
          const total = meetingProductTotal({ quantity, unitPrice, discountPercent })!
          return Number.isSafeInteger(total) && total >= 0 && total <= quantity * unitPrice
        },
      ),
    )
  })
})

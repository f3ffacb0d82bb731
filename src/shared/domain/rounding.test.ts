import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { divideRounded, hundredthsRatioPercent, ratioPercent, toHundredths } from './rounding'

describe('divideRounded', () => {
  it('rounds halves away from zero and everything else to the nearest integer', () => {
    expect(divideRounded(5n, 2n)).toBe(3n)
    expect(divideRounded(-5n, 2n)).toBe(-3n)
    expect(divideRounded(5n, -2n)).toBe(-3n)
    expect(divideRounded(7n, 3n)).toBe(2n)
    expect(divideRounded(8n, 3n)).toBe(3n)
    expect(divideRounded(0n, 7n)).toBe(0n)
  })

  it('never strays more than half a unit from the exact quotient', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), (n, d) => {
        const q = divideRounded(n, d)
        const twiceError = 2n * (q * d - n)
        return twiceError <= d && twiceError >= -d
      }),
    )
  })

  it('refuses division by zero', () => {
    expect(() => divideRounded(1n, 0n)).toThrow(RangeError)
  })
})

describe('ratioPercent', () => {
  it('gives percentages with two decimals, exactly', () => {
    expect(ratioPercent(1, 3)).toBe(33.33)
    expect(ratioPercent(2, 3)).toBe(66.67)
    expect(ratioPercent(50, 200)).toBe(25)
    expect(ratioPercent(-1, 8)).toBe(-12.5)
  })

  it('is null when the whole is zero', () => {
    expect(ratioPercent(5, 0)).toBeNull()
    expect(hundredthsRatioPercent(5n, 0n)).toBeNull()
  })

  it('takes two-decimal inputs at face value', () => {
    expect(toHundredths(0.1 + 0.2)).toBe(30n)
    expect(toHundredths(12.34)).toBe(1234n)
    expect(() => toHundredths(Number.NaN)).toThrow(RangeError)
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  assertWon,
  formatMoney,
  formatMoneyCompact,
  formatMoneyExact,
  formatWon,
  formatWonCompact,
  formatWonProse,
  isWon,
  parseWon,
  percentOfWon,
} from './money'

describe('formatting won', () => {
  it('shows currency with the won sign and grouping', () => {
    expect(formatWon(1_234_568)).toBe('₩1,234,568')
    expect(formatWon(0)).toBe('₩0')
    expect(formatWon(-0)).toBe('₩0')
    expect(formatWon(-50_000)).toBe('-₩50,000')
  })

  it('writes prose amounts with 원', () => {
    expect(formatWonProse(1_234_568)).toBe('1,234,568원')
    expect(formatWonProse(-1_000)).toBe('-1,000원')
  })

  it('compacts to 만, 억 and 조', () => {
    expect(formatWonCompact(12_345_678)).toBe('1235만')
    expect(formatWonCompact(1_234_567_890)).toBe('12.3억')
    expect(formatWonCompact(100_000_000)).toBe('1억')
    expect(formatWonCompact(150_000_000)).toBe('1.5억')
    expect(formatWonCompact(10_000)).toBe('1만')
    expect(formatWonCompact(1_500_000_000_000)).toBe('1.5조')
    expect(formatWonCompact(-35_000_000)).toBe('-3500만')
    expect(formatWonCompact(9_999)).toBe('9,999원')
    expect(formatWonCompact(0)).toBe('0원')
  })

  it('moves to the next unit when rounding reaches it', () => {
    expect(formatWonCompact(99_994_999)).toBe('9999만')
    expect(formatWonCompact(99_995_000)).toBe('1억')
    expect(formatWonCompact(999_990_000_000)).toBe('9999.9억')
    expect(formatWonCompact(999_995_000_000)).toBe('1조')
  })

  it('refuses fractions of a won and unsafe integers', () => {
    expect(() => formatWon(10.5)).toThrow(RangeError)
    expect(() => formatWonProse(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError)
    expect(() => formatWonCompact(Number.NaN)).toThrow(RangeError)
    expect(() => assertWon(0.1, 'unit_price')).toThrow(/unit_price/)
    expect(isWon(1_000)).toBe(true)
    expect(isWon('1000')).toBe(false)
  })
})

describe("amounts in the reader's language", () => {
  it("writes Korean amounts exactly in 조/억/만 groups (the company page's ₩369,892,000,000)", () => {
    expect(formatMoneyExact(369_892_000_000, 'ko')).toBe('3,698억 9,200만원')
    expect(formatMoneyExact(1_234_568, 'ko')).toBe('123만 4,568원')
    expect(formatMoneyExact(50_000_000, 'ko')).toBe('5,000만원')
    expect(formatMoneyExact(100_000_000, 'ko')).toBe('1억원')
    expect(formatMoneyExact(1_500_000_000_007, 'ko')).toBe('1조 5,000억 7원')
    expect(formatMoneyExact(9_999, 'ko')).toBe('9,999원')
    expect(formatMoneyExact(0, 'ko')).toBe('0원')
    expect(formatMoneyExact(-35_000_000, 'ko')).toBe('-3,500만원')
    expect(formatMoney(369_892_000_000, 'ko')).toBe('3,698억 9,200만원')
  })

  it('writes English amounts without 억/만: compact from a million, exact below', () => {
    expect(formatMoney(369_892_000_000, 'en')).toBe('₩369.9B')
    expect(formatMoney(1_234_568, 'en')).toBe('₩1.2M')
    expect(formatMoney(50_000_000, 'en')).toBe('₩50M')
    expect(formatMoney(999_999, 'en')).toBe('₩999,999')
    expect(formatMoney(-2_500_000, 'en')).toBe('-₩2.5M')
    expect(formatMoney(1_500_000_000_000, 'en')).toBe('₩1.5T')
    expect(formatMoneyCompact(999_950_000, 'en')).toBe('₩1B')
    expect(formatMoneyCompact(999_940_000, 'en')).toBe('₩999.9M')
    expect(formatMoneyCompact(0, 'en')).toBe('₩0')
    expect(formatMoneyExact(369_892_000_000, 'en')).toBe('₩369,892,000,000')
    expect(formatMoneyCompact(150_000_000, 'ko')).toBe('1.5억')
  })

  it('never writes a Korean unit in English, and every Korean amount reads back to the same won', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (won) => {
        const english = `${formatMoney(won, 'en')} ${formatMoneyCompact(won, 'en')} ${formatMoneyExact(won, 'en')}`
        return !/[\uac00-\ud7a3]/.test(english) && parseWon(formatMoneyExact(won, 'ko')) === won
      }),
    )
  })
})

describe('parseWon', () => {
  it.each([
    ['1,234,000원', 1_234_000],
    ['₩1,234,000', 1_234_000],
    ['￦ 1,234,000', 1_234_000],
    ['1234000', 1_234_000],
    ['3500만', 35_000_000],
    ['3,500만원', 35_000_000],
    ['1.2억', 120_000_000],
    ['1.25억원', 125_000_000],
    ['1억 2천만원', 120_000_000],
    ['1억2천5백만', 125_000_000],
    ['천만원', 10_000_000],
    ['5천원', 5_000],
    ['만원', 10_000],
    ['2조 3000억', 2_300_000_000_000],
    ['１２３４원', 1_234],
    ['-50,000원', -50_000],
    ['1,234.00', 1_234],
    ['0원', 0],
  ])('reads %s as %d', (input, won) => {
    expect(parseWon(input)).toBe(won)
  })

  it.each(['', '원', 'abc', '1,23,4', '10.5', '1.234567만', '3만 2억', '2천 3천', '1억억', '12a', '1.2.3', '99999999999999999'])('refuses %j', (input) => {
    expect(parseWon(input)).toBeNull()
  })

  it('reads back every amount it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (won) => {
        return parseWon(formatWon(won).replace('-₩', '-')) === won && parseWon(formatWonProse(won)) === won
      }),
    )
  })

  it('reads compact amounts back to within their rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 10 ** 15 }), (won) => {
        const back = parseWon(formatWonCompact(won))
        return back !== null && Math.abs(back - won) <= Math.max(5_000, won * 0.05)
      }),
    )
  })
})

describe('percentOfWon', () => {
  it('rounds to whole won, halves away from zero', () => {
    expect(percentOfWon(15, 50)).toBe(8)
    expect(percentOfWon(-15, 50)).toBe(-8)
    expect(percentOfWon(1_234_567, 35)).toBe(432_098)
    expect(percentOfWon(1_000_000, 12.5)).toBe(125_000)
    expect(percentOfWon(Number.MAX_SAFE_INTEGER, 100)).toBe(Number.MAX_SAFE_INTEGER)
  })
})

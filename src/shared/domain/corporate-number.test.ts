import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { corporateNumberCheckDigit, formatCorporateNumber, isValidCorporateNumber, normalizeCorporateNumber } from './corporate-number'

const twelveDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }).map((d) => d.join(''))

describe('법인등록번호', () => {
  it('accepts a real number with or without the hyphen', () => {
    expect(isValidCorporateNumber('130111-0006246')).toBe(true)
    expect(isValidCorporateNumber('1301110006246')).toBe(true)
  })

  it('rejects a wrong check digit or length', () => {
    expect(isValidCorporateNumber('130111-0006245')).toBe(false)
    expect(isValidCorporateNumber('130111-000624')).toBe(false)
    expect(isValidCorporateNumber('130111-00062460')).toBe(false)
    expect(isValidCorporateNumber('13011a-0006246')).toBe(false)
  })

  it('validates every number completed with its check digit, and only that digit', () => {
    fc.assert(
      fc.property(twelveDigits, fc.integer({ min: 1, max: 9 }), (twelve, delta) => {
        const check = corporateNumberCheckDigit(twelve)
        return isValidCorporateNumber(twelve + check) && !isValidCorporateNumber(twelve + ((check + delta) % 10))
      }),
    )
  })

  it('is stored as 13 digits and displayed NNNNNN-NNNNNNN', () => {
    expect(normalizeCorporateNumber('130111-0006246')).toBe('1301110006246')
    expect(formatCorporateNumber('1301110006246')).toBe('130111-0006246')
    expect(formatCorporateNumber('130111')).toBe('130111')
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { businessEntityType, businessNumberCheckDigit, formatBusinessNumber, isValidBusinessNumber, normalizeBusinessNumber } from './business-number'

const nineDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map((d) => d.join(''))

describe('사업자등록번호', () => {
  it('accepts real numbers with or without hyphens and spaces', () => {
    expect(isValidBusinessNumber('124-81-00998')).toBe(true)
    expect(isValidBusinessNumber('120-88-00767')).toBe(true)
    expect(isValidBusinessNumber('1248100998')).toBe(true)
    expect(isValidBusinessNumber(' 124 81 00998 ')).toBe(true)
    expect(isValidBusinessNumber('124–81–00998')).toBe(true) // en dashes pasted from a document
  })

  it('rejects a wrong check digit, wrong length and stray characters', () => {
    expect(isValidBusinessNumber('124-81-00997')).toBe(false)
    expect(isValidBusinessNumber('124-81-0099')).toBe(false)
    expect(isValidBusinessNumber('124-81-009981')).toBe(false)
    expect(isValidBusinessNumber('124.81.00998')).toBe(false)
    expect(isValidBusinessNumber('')).toBe(false)
  })

  it('validates every number completed with its check digit', () => {
    fc.assert(fc.property(nineDigits, (nine) => isValidBusinessNumber(nine + businessNumberCheckDigit(nine))))
  })

  it('catches every single mistyped digit', () => {
    fc.assert(
      fc.property(nineDigits, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (nine, pos, delta) => {
        const digits = [...(nine + businessNumberCheckDigit(nine))].map(Number)
        digits[pos] = ((digits[pos] ?? 0) + delta) % 10
        return !isValidBusinessNumber(digits.join(''))
      }),
    )
  })

  it('is stored as ten digits and displayed NNN-NN-NNNNN', () => {
    expect(normalizeBusinessNumber('124-81-00998')).toBe('1248100998')
    expect(formatBusinessNumber('1248100998')).toBe('124-81-00998')
    expect(formatBusinessNumber(' 124 81 00998')).toBe('124-81-00998')
    expect(formatBusinessNumber(' 12-34 ')).toBe('12-34') // partial input is shown as typed
  })

  it('tells the entity type from digits 4–5', () => {
    expect(businessEntityType('124-81-00998')).toBe('CORPORATION_HEAD_OFFICE')
    expect(businessEntityType('120-88-00767')).toBe('CORPORATION_HEAD_OFFICE')
    expect(businessEntityType('123-86-00000')).toBe('CORPORATION_HEAD_OFFICE')
    expect(businessEntityType('123-87-00000')).toBe('CORPORATION_HEAD_OFFICE')
    expect(businessEntityType('123-85-00000')).toBe('CORPORATION_BRANCH')
    expect(businessEntityType('123-82-00000')).toBe('NON_PROFIT')
    expect(businessEntityType('123-83-00000')).toBe('GOVERNMENT')
    expect(businessEntityType('123-84-00000')).toBe('FOREIGN_CORPORATION')
    expect(businessEntityType('123-01-00000')).toBe('INDIVIDUAL')
    expect(businessEntityType('123-79-00000')).toBe('INDIVIDUAL')
    expect(businessEntityType('123-00-00000')).toBeNull()
    expect(businessEntityType('123-80-00000')).toBeNull()
    expect(businessEntityType('123-95-00000')).toBeNull()
    expect(businessEntityType('123-81')).toBeNull()
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatPhone, formatPhoneInternational, isMobilePhone, isValidPhone, normalizePhone, phoneKind } from './phone'

describe('normalizePhone', () => {
  it('stores digits only', () => {
    expect(normalizePhone('010-1234-5678')).toBe('01012345678')
    expect(normalizePhone(' (02) 123 4567 ')).toBe('021234567')
    expect(normalizePhone('０１０.１２３４.５６７８')).toBe('01012345678') // full-width digits from an IME
  })

  it('turns +82 and 0082 into the domestic form', () => {
    expect(normalizePhone('+82 10-1234-5678')).toBe('01012345678')
    expect(normalizePhone('+82-2-123-4567')).toBe('021234567')
    expect(normalizePhone('+82 (0)10 1234 5678')).toBe('01012345678')
    expect(normalizePhone('0082-10-1234-5678')).toBe('01012345678')
  })

  it('keeps the + of other countries so they are not read as Korean numbers', () => {
    expect(normalizePhone('+1 (415) 555-0100')).toBe('+14155550100')
    // A carrier access code (001, 002, 00700 …) is not guessed at: the number stays invalid and is shown as typed.
    expect(isValidPhone('001-81-3-1234-5678')).toBe(false)
  })
})

describe('formatPhone', () => {
  const cases: Array<[string, string, string]> = [
    ['01012345678', '010-1234-5678', 'MOBILE'],
    ['0111234567', '011-123-4567', 'MOBILE'],
    ['01712345678', '017-1234-5678', 'MOBILE'],
    ['021234567', '02-123-4567', 'SEOUL'],
    ['0212345678', '02-1234-5678', 'SEOUL'],
    ['0311234567', '031-123-4567', 'AREA'],
    ['05112345678', '051-1234-5678', 'AREA'],
    ['0641234567', '064-123-4567', 'AREA'],
    ['07012345678', '070-1234-5678', 'INTERNET'],
    ['0801234567', '080-123-4567', 'TOLL_FREE'],
    ['15881234', '1588-1234', 'REPRESENTATIVE'],
    ['16441234', '1644-1234', 'REPRESENTATIVE'],
    ['18001234', '1800-1234', 'REPRESENTATIVE'],
  ]

  it.each(cases)('%s is shown as %s (%s)', (stored, shown, kind) => {
    expect(formatPhone(stored)).toBe(shown)
    expect(phoneKind(stored)).toBe(kind)
    expect(isValidPhone(stored)).toBe(true)
  })

  it('shows +82 input in the domestic form', () => {
    expect(formatPhone('+82 10 1234 5678')).toBe('010-1234-5678')
  })

  it('leaves numbers it cannot place as the user typed them', () => {
    for (const bad of ['0101234567', '010123456789', '0201234567', '0591234567', '07012345', '08012345678', '17001234', '12345', '']) {
      expect(isValidPhone(bad), bad).toBe(false)
      expect(formatPhone(` ${bad} `)).toBe(bad)
    }
  })

  it('accepts foreign numbers in E.164 form', () => {
    expect(phoneKind('+1 415 555 0100')).toBe('FOREIGN')
    expect(formatPhone('+1 415 555 0100')).toBe('+14155550100')
    expect(isValidPhone('+1 23')).toBe(false)
  })

  it('round-trips: formatting then normalizing gives the stored digits back', () => {
    const mobile = fc.stringMatching(/^010\d{8}$/)
    const seoul = fc.stringMatching(/^02[2-9]\d{6,7}$/)
    const area = fc.stringMatching(/^0(3[1-3]|4[1-4]|5[1-5]|6[1-4])[2-9]\d{6,7}$/)
    fc.assert(
      fc.property(fc.oneof(mobile, seoul, area), (digits) => {
        return isValidPhone(digits) && normalizePhone(formatPhone(digits)) === digits
      }),
    )
  })
})

describe('formatPhoneInternational', () => {
  it('drops the trunk 0 after +82', () => {
    expect(formatPhoneInternational('010-1234-5678')).toBe('+82-10-1234-5678')
    expect(formatPhoneInternational('021234567')).toBe('+82-2-123-4567')
    expect(formatPhoneInternational('0311234567')).toBe('+82-31-123-4567')
    expect(formatPhoneInternational('07012345678')).toBe('+82-70-1234-5678')
  })

  it('keeps company lines domestic: they cannot be dialled from abroad', () => {
    expect(formatPhoneInternational('15881234')).toBe('1588-1234')
  })
})

describe('isMobilePhone', () => {
  it('takes 010 and the older 011/016/017/018/019 numbers', () => {
    for (const n of ['010-1234-5678', '011-123-4567', '016-1234-5678', '017-123-4567', '018-123-4567', '019-1234-5678', '+82 10 1234 5678']) {
      expect(isMobilePhone(n)).toBe(true)
    }
  })

  it('refuses desk lines, internet phones, company lines and foreign numbers', () => {
    for (const n of ['02-123-4567', '031-1234-5678', '070-1234-5678', '1588-1234', '080-123-4567', '+1 415 555 0100', '010-123']) {
      expect(isMobilePhone(n)).toBe(false)
    }
  })
})

import { describe, expect, it } from 'vitest'
import { describeValue } from './describe-value'

const words = { empty: '(비어 있음)', yes: '예', no: '아니요' }

describe('describeValue', () => {
  it('shows empty, money, flags and lists the way a consultant reads them', () => {
    expect(describeValue('phone', null, words)).toBe('(비어 있음)')
    expect(describeValue('phone', '', words)).toBe('(비어 있음)')
    expect(describeValue('amount', 30_000_000, words)).toBe('3,000만원')
    expect(describeValue('probability', 40, words)).toBe('40')
    expect(describeValue('phone', '01011112222', words)).toBe('010-1111-2222')
    expect(describeValue('phone', '0212345678', words)).toBe('02-1234-5678')
    expect(describeValue('bant_need', true, words)).toBe('예')
    expect(describeValue('tags', ['VIP', '재계약'], words)).toBe('VIP, 재계약')
    expect(describeValue('custom_fields', { a: 1 }, words)).toBe('{"a":1}')
  })
})

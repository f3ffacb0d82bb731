import { describe, expect, it } from 'vitest'
import { isValidEmail, normalizeEmail } from './email'

describe('e-mail', () => {
  it('accepts ordinary business addresses', () => {
    for (const ok of ['hong@samsung.com', 'gildong.hong+crm@augu.co.kr', 'a_b-c@sub.example.org', 'HONG@Example.COM', 'hong@한국.kr']) {
      expect(isValidEmail(ok), ok).toBe(true)
    }
  })

  it('rejects what is not an address', () => {
    for (const bad of [
      '',
      'hong',
      'hong@',
      '@samsung.com',
      'hong@samsung',
      'hong@@samsung.com',
      'ho ng@samsung.com',
      'hong.@samsung.com',
      '.hong@samsung.com',
      'ho..ng@samsung.com',
      'hong@-samsung.com',
      'hong@samsung.c0m',
      'hong@samsung..com',
      `${'a'.repeat(65)}@x.com`,
    ]) {
      expect(isValidEmail(bad), bad).toBe(false)
    }
  })

  it('stores addresses trimmed and lower-cased so duplicates are found', () => {
    expect(normalizeEmail('  Hong@Samsung.COM ')).toBe('hong@samsung.com')
    expect(isValidEmail('  Hong@Samsung.COM ')).toBe(true)
  })
})

/** The renderer's money helpers follow the language the user chose (the one-formatter rule: test/unit/one-money-formatter.test.ts). */
import { describe, expect, it } from 'vitest'
import { i18n, initI18n } from '../i18n'
import { money, moneyCompact, moneyExact, moneyOrDash } from './money'

describe('lib/money', () => {
  it('follows the language the user chose', async () => {
    initI18n('ko')
    expect(money(369_892_000_000)).toBe('3,698억 9,200만원')
    expect(moneyCompact(185_000_000)).toBe('1.9억')
    expect(moneyOrDash(null)).toBe('—')
    await i18n.changeLanguage('en')
    expect(money(369_892_000_000)).toBe('₩369.9B')
    expect(moneyCompact(185_000_000)).toBe('₩185M')
    expect(moneyExact(185_000_000)).toBe('₩185,000,000')
    await i18n.changeLanguage('ko')
  })
})

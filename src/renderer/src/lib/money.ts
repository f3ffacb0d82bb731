/**
 * The renderer's one way to show an amount: the shared formatters (src/shared/domain/money.ts) in the language the
 * user chose. Components call these while rendering; a language switch re-renders every component that uses
 * useTranslation, so the amounts follow. Exports (XLSX/CSV) keep plain numbers and do not come through here.
 */
import { formatMoney, formatMoneyCompact, formatMoneyExact, type MoneyLanguage } from '../../../shared/domain/money'
import { i18n } from '../i18n'

export function moneyLanguage(): MoneyLanguage {
  return i18n.language === 'en' ? 'en' : 'ko'
}

/** Tables, pages, running text: 3,698억 9,200만원 / ₩369.9B. */
export function money(amount: number): string {
  return formatMoney(amount, moneyLanguage())
}

/** Cards, chart axes and bar labels: 3698.9억 / ₩369.9B. */
export function moneyCompact(amount: number): string {
  return formatMoneyCompact(amount, moneyLanguage())
}

/** Tooltips and form echoes, where every won counts: 3,698억 9,200만원 / ₩369,892,000,000. */
export function moneyExact(amount: number): string {
  return formatMoneyExact(amount, moneyLanguage())
}

/** A nullable amount for a table cell: '—' when there is none. */
export function moneyOrDash(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? '—' : money(amount)
}

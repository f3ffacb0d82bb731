// KRW amounts are whole won held in safe integers on every side (docs/architecture.md §2): no minor unit, no floats.

import { divideRounded, toHundredths } from './rounding'

const currencyFormat = new Intl.NumberFormat('ko-KR', { style: 'currency', currency: 'KRW' })
const groupedFormat = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 0 })

/** True for a whole-won amount: an integer JavaScript numbers hold exactly. */
export function isWon(value: unknown): value is number {
  return Number.isSafeInteger(value)
}

/** Throws a RangeError unless the value is whole won (fractions and unsafe integers are bugs, not data). */
export function assertWon(value: number, what = 'amount'): void {
  if (!isWon(value)) throw new RangeError(`${what} must be whole won (a safe integer), got ${value}`)
}

/** ₩1,234,568 — tables and forms. */
export function formatWon(amount: number): string {
  assertWon(amount)
  return currencyFormat.format(amount + 0) // + 0 turns -0 into 0
}

/** 1,234,568원 — sentences and labels. */
export function formatWonProse(amount: number): string {
  assertWon(amount)
  return `${groupedFormat.format(amount + 0)}원`
}

const COMPACT_UNITS = [
  { size: 10n ** 12n, suffix: '조', decimals: 1 },
  { size: 10n ** 8n, suffix: '억', decimals: 1 },
  { size: 10n ** 4n, suffix: '만', decimals: 0 },
] as const

/**
 * Compact Korean units for cards and chart axes: 1235만, 12.3억, 1.5조 (rounded half away from zero; a value that
 * rounds up to the next unit moves to it: 9999.5만 → 1억). Below 1만 the amount is shown in full (9,999원).
 */
export function formatWonCompact(amount: number): string {
  assertWon(amount)
  const sign = amount < 0 ? '-' : ''
  const abs = BigInt(Math.abs(amount))
  for (const [i, unit] of COMPACT_UNITS.entries()) {
    if (abs < unit.size) continue
    const larger = COMPACT_UNITS[i - 1]
    if (larger && inUnit(abs, unit) >= (larger.size / unit.size) * 10n ** BigInt(unit.decimals)) {
      return sign + unitText(abs, larger)
    }
    return sign + unitText(abs, unit)
  }
  return formatWonProse(amount)
}

type CompactUnit = (typeof COMPACT_UNITS)[number]

/** The amount in the unit, as an integer count of 10^-decimals of it. */
function inUnit(abs: bigint, unit: CompactUnit): bigint {
  return divideRounded(abs * 10n ** BigInt(unit.decimals), unit.size)
}

function unitText(abs: bigint, unit: CompactUnit): string {
  const scaled = inUnit(abs, unit)
  if (unit.decimals === 0) return `${scaled}${unit.suffix}`
  const scale = 10n ** BigInt(unit.decimals)
  const fraction = (scaled % scale).toString().padStart(unit.decimals, '0').replace(/0+$/, '')
  return `${scaled / scale}${fraction ? `.${fraction}` : ''}${unit.suffix}`
}

const BIG_UNITS: Readonly<Record<string, bigint>> = { 조: 10n ** 12n, 억: 10n ** 8n, 만: 10n ** 4n }
const SMALL_UNITS: Readonly<Record<string, bigint>> = { 천: 1000n, 백: 100n, 십: 10n }
const TOKEN = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?|([조억만천백십])/y

type Token = { kind: 'number'; digits: string; fraction: string } | { kind: 'unit'; unit: string }

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = []
  TOKEN.lastIndex = 0
  while (TOKEN.lastIndex < text.length) {
    const match = TOKEN.exec(text)
    if (!match) return null
    const [, digits, fraction = '', unit] = match
    if (unit) tokens.push({ kind: 'unit', unit })
    else if (digits) tokens.push({ kind: 'number', digits: digits.replace(/,/g, ''), fraction })
  }
  return tokens
}

/**
 * Whole won from what people type: "1,234,000원", "₩1,234,000", "3500만", "1.2억", "1억 2천만원", "천만원", "-50,000".
 * Returns null for anything else, for amounts with a fraction of a won ("10.5") and beyond the safe-integer range.
 */
export function parseWon(input: string): number | null {
  let text = input.normalize('NFKC').replace(/\s+/g, '')
  let negative = false
  if (/^[-−]/.test(text)) {
    negative = true
    text = text.slice(1)
  }
  text = text.replace(/^(₩|krw)/i, '').replace(/원$/, '')
  if (text.length === 0) return null
  const tokens = tokenize(text)
  if (!tokens || tokens.length === 0) return null

  // Work in integers scaled by 10^(longest fraction) so "1.2억" is exact.
  const fractionDigits = Math.max(0, ...tokens.map((t) => (t.kind === 'number' ? t.fraction.length : 0)))
  const scale = 10n ** BigInt(fractionDigits)
  let total = 0n
  let group = 0n // the part before the next 조/억/만
  let groupHasContent = false
  let pending: bigint | null = null // a number waiting for its unit
  let lastBig = 10n ** 16n
  let lastSmall = 10n ** 4n
  for (const token of tokens) {
    if (token.kind === 'number') {
      if (pending !== null) return null
      pending = BigInt(token.digits + token.fraction.padEnd(fractionDigits, '0'))
      continue
    }
    const small = SMALL_UNITS[token.unit]
    if (small !== undefined) {
      if (small >= lastSmall) return null // 천 before 백 before 십, each once
      group += (pending ?? scale) * small
      lastSmall = small
    } else {
      const big = BIG_UNITS[token.unit] ?? 0n
      if (big >= lastBig) return null // 조 before 억 before 만, each once
      const amount = group + (pending ?? 0n)
      total += (groupHasContent || pending !== null ? amount : scale) * big
      lastBig = big
      lastSmall = 10n ** 4n
      group = 0n
      groupHasContent = false
      pending = null
      continue
    }
    pending = null
    groupHasContent = true
  }
  total += group + (pending ?? 0n)
  if (total % scale !== 0n) return null
  const won = total / scale
  if (won > BigInt(Number.MAX_SAFE_INTEGER)) return null
  return negative && won !== 0n ? -Number(won) : Number(won)
}

/** amount × percent / 100 in whole won, rounded half away from zero (percent with up to two decimals). */
export function percentOfWon(amount: number, percent: number): number {
  assertWon(amount)
  return Number(divideRounded(BigInt(amount) * toHundredths(percent), 10_000n))
}

// ── Display in the user's language ───────────────────────────────────────────────────────────────────────────────
// Every amount a screen shows goes through formatMoney / formatMoneyCompact / formatMoneyExact (the renderer's
// lib/money.ts passes the current language). Korean readers count large sums in 만 (10^4) and 억 (10^8), so a full
// ₩369,892,000,000 is unreadable to them; English readers count in thousands, so 억/만 mean nothing in English.

/** The languages amounts are written for (the app's UI languages). */
export type MoneyLanguage = 'ko' | 'en'

const KO_GROUPS = [
  { size: 10n ** 12n, suffix: '조' },
  { size: 10n ** 8n, suffix: '억' },
  { size: 10n ** 4n, suffix: '만' },
] as const
const groupedEn = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/**
 * The exact amount, as each language reads it — tables, pages, forms and tooltips.
 * Korean: in 조/억/만 groups, nothing rounded (369,892,000,000 → 3,698억 9,200만원; 1,234,568 → 123만 4,568원).
 * English: ₩369,892,000,000 (thousands separators are how English readers count).
 */
export function formatMoneyExact(amount: number, language: MoneyLanguage): string {
  assertWon(amount)
  if (language === 'en') return formatWon(amount)
  const sign = amount < 0 ? '-' : ''
  let rest = BigInt(Math.abs(amount))
  const parts: string[] = []
  for (const group of KO_GROUPS) {
    const count = rest / group.size
    rest %= group.size
    if (count > 0n) parts.push(`${groupedFormat.format(count)}${group.suffix}`)
  }
  if (rest > 0n || parts.length === 0) parts.push(groupedFormat.format(rest))
  return `${sign}${parts.join(' ')}원`
}

const EN_COMPACT_UNITS = [
  { size: 10n ** 12n, suffix: 'T', decimals: 1 },
  { size: 10n ** 9n, suffix: 'B', decimals: 1 },
  { size: 10n ** 6n, suffix: 'M', decimals: 1 },
] as const

/**
 * Short amounts for cards, chart axes and bar labels, one decimal at most.
 * Korean: 1235만, 12.3억, 1.5조 (formatWonCompact). English: ₩1.2M, ₩369.9B, ₩1.5T; below a million in full (₩999,999).
 * A value that rounds up to the next unit moves to it (₩999.95M → ₩1B).
 */
export function formatMoneyCompact(amount: number, language: MoneyLanguage): string {
  if (language === 'ko') return formatWonCompact(amount)
  assertWon(amount)
  const sign = amount < 0 ? '-' : ''
  const abs = BigInt(Math.abs(amount))
  for (const [i, unit] of EN_COMPACT_UNITS.entries()) {
    if (abs < unit.size) continue
    const larger = EN_COMPACT_UNITS[i - 1]
    if (larger && divideRounded(abs * 10n, unit.size) >= 10_000n) return `${sign}₩${enUnitText(abs, larger)}`
    return `${sign}₩${enUnitText(abs, unit)}`
  }
  return `${sign}₩${groupedEn.format(Number(abs))}`
}

function enUnitText(abs: bigint, unit: (typeof EN_COMPACT_UNITS)[number]): string {
  const tenths = divideRounded(abs * 10n, unit.size)
  const whole = tenths / 10n
  const fraction = tenths % 10n
  return `${groupedEn.format(Number(whole))}${fraction === 0n ? '' : `.${fraction}`}${unit.suffix}`
}

/**
 * The amount a screen shows in running text and tables. Korean: exact in 억/만 (3,698억 9,200만원) — the unit is how
 * Koreans read, and nothing is lost. English: compact from a million up (₩369.9B), exact below (₩250,000); screens
 * put the exact figure (formatMoneyExact) in the title so it is one hover away.
 */
export function formatMoney(amount: number, language: MoneyLanguage): string {
  if (language === 'ko') return formatMoneyExact(amount, 'ko')
  return formatMoneyCompact(amount, 'en')
}

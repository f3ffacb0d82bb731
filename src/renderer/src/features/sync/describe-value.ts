/**
 * A synced value as a person reads it in the sync panel: empty for null/'' (the server treats SQL NULL and JSON null
 * alike), won amounts with separators, phone digits as 010-1234-5678, true/false as yes/no, lists joined. Never "[object Object]".
 */
import { moneyExact } from '../../lib/money'
import { formatPhone } from '../../../../shared/domain/phone'

const PHONE_FIELDS = new Set(['phone', 'mobile', 'fax'])
const MONEY_FIELDS = new Set(['amount', 'budget', 'annual_revenue', 'credit_limit', 'contract_amount', 'unit_price', 'total_price'])

export interface ValueWords {
  readonly empty: string
  readonly yes: string
  readonly no: string
}

export function describeValue(field: string, value: unknown, words: ValueWords): string {
  if (value === null || value === undefined || value === '') return words.empty
  if (typeof value === 'boolean') return value ? words.yes : words.no
  if (typeof value === 'number') return MONEY_FIELDS.has(field) && Number.isSafeInteger(value) ? moneyExact(value) : String(value)
  if (typeof value === 'string') return PHONE_FIELDS.has(field) ? formatPhone(value) : value
  if (Array.isArray(value)) return value.map((item) => describeValue(field, item, words)).join(', ')
  return JSON.stringify(value)
}

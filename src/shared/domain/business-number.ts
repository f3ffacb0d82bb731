// 사업자등록번호 (business registration number): stored as 10 digits, displayed NNN-NN-NNNNN.
// Checksum and entity codes as in docs (field notes, "Korean business data").

const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const

/** Entity types told by digits 4–5. */
export const BUSINESS_ENTITY_TYPES = [
  { value: 'CORPORATION_HEAD_OFFICE', labelKo: '법인 본점', labelEn: 'Corporation (head office)' },
  { value: 'CORPORATION_BRANCH', labelKo: '법인 지점', labelEn: 'Corporation (branch)' },
  { value: 'NON_PROFIT', labelKo: '비영리법인', labelEn: 'Non-profit organisation' },
  { value: 'GOVERNMENT', labelKo: '국가·지방자치단체', labelEn: 'Government body' },
  { value: 'FOREIGN_CORPORATION', labelKo: '외국법인', labelEn: 'Foreign corporation' },
  { value: 'INDIVIDUAL', labelKo: '개인사업자', labelEn: 'Sole proprietor' },
] as const

export type BusinessEntityType = (typeof BUSINESS_ENTITY_TYPES)[number]['value']

/** Removes hyphens (any dash) and whitespace; keeps every other character so invalid input stays invalid. */
export function normalizeBusinessNumber(input: string): string {
  return input.replace(/[\s\-‐‑‒–—―−]/g, '')
}

function digitsOf(input: string): number[] | null {
  const normalized = normalizeBusinessNumber(input)
  if (!/^\d{10}$/.test(normalized)) return null
  return [...normalized].map(Number)
}

/** The check digit (10th digit) for the first nine digits. */
export function businessNumberCheckDigit(firstNine: string): number {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError('businessNumberCheckDigit: expected nine digits')
  const d = [...firstNine].map(Number)
  let sum = 0
  WEIGHTS.forEach((weight, i) => {
    sum += (d[i] ?? 0) * weight
  })
  sum += Math.floor(((d[8] ?? 0) * 5) / 10)
  return (10 - (sum % 10)) % 10
}

/** True iff the input is 10 digits (hyphens/spaces allowed) and the check digit matches. */
export function isValidBusinessNumber(input: string): boolean {
  const digits = digitsOf(input)
  if (!digits) return false
  const normalized = digits.join('')
  return businessNumberCheckDigit(normalized.slice(0, 9)) === digits[9]
}

/** NNN-NN-NNNNN for 10 digits; anything else is returned as typed (trimmed) so the user sees what is stored. */
export function formatBusinessNumber(input: string): string {
  const normalized = normalizeBusinessNumber(input)
  if (!/^\d{10}$/.test(normalized)) return input.trim()
  return `${normalized.slice(0, 3)}-${normalized.slice(3, 5)}-${normalized.slice(5)}`
}

/**
 * The entity type from digits 4–5, or null when the input is not 10 digits or the code is not one we know
 * (00, 80, 89, 90–99). The checksum is not required: a mistyped number still has a readable type.
 */
export function businessEntityType(input: string): BusinessEntityType | null {
  const digits = digitsOf(input)
  if (!digits) return null
  const code = (digits[3] ?? 0) * 10 + (digits[4] ?? 0)
  if (code >= 1 && code <= 79) return 'INDIVIDUAL'
  switch (code) {
    case 81:
    case 86:
    case 87:
    case 88:
      return 'CORPORATION_HEAD_OFFICE'
    case 85:
      return 'CORPORATION_BRANCH'
    case 82:
      return 'NON_PROFIT'
    case 83:
      return 'GOVERNMENT'
    case 84:
      return 'FOREIGN_CORPORATION'
    default:
      return null
  }
}

// 법인등록번호 (corporate registration number): stored as 13 digits, displayed NNNNNN-NNNNNNN.

/** Removes hyphens (any dash) and whitespace; keeps every other character so invalid input stays invalid. */
export function normalizeCorporateNumber(input: string): string {
  return input.replace(/[\s\-‐‑‒–—―−]/g, '')
}

/** The check digit (13th digit) for the first twelve digits: weights alternate 1, 2. */
export function corporateNumberCheckDigit(firstTwelve: string): number {
  if (!/^\d{12}$/.test(firstTwelve)) throw new RangeError('corporateNumberCheckDigit: expected twelve digits')
  let sum = 0
  for (let i = 0; i < 12; i++) sum += Number(firstTwelve[i]) * (i % 2 === 0 ? 1 : 2)
  return (10 - (sum % 10)) % 10
}

/** True iff the input is 13 digits (hyphens/spaces allowed) and the check digit matches. */
export function isValidCorporateNumber(input: string): boolean {
  const normalized = normalizeCorporateNumber(input)
  if (!/^\d{13}$/.test(normalized)) return false
  return corporateNumberCheckDigit(normalized.slice(0, 12)) === Number(normalized[12])
}

/** NNNNNN-NNNNNNN for 13 digits; anything else is returned as typed (trimmed). */
export function formatCorporateNumber(input: string): string {
  const normalized = normalizeCorporateNumber(input)
  if (!/^\d{13}$/.test(normalized)) return input.trim()
  return `${normalized.slice(0, 6)}-${normalized.slice(6)}`
}

// E-mail addresses: a practical check for data entry (not full RFC 5322), and the form used to store and compare.

const MAX_LENGTH = 254
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/
// Labels of letters (any script, for IDN such as 한국.kr), digits and inner hyphens; the last label is alphabetic.
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u
const TOP_LEVEL = /^\p{L}{2,63}$/u

/** Trimmed and lower-cased: providers treat addresses case-insensitively, and duplicates must be found. */
export function normalizeEmail(input: string): string {
  return input.normalize('NFC').trim().toLowerCase()
}

export function isValidEmail(input: string): boolean {
  const email = normalizeEmail(input)
  if (email.length === 0 || email.length > MAX_LENGTH) return false
  const at = email.lastIndexOf('@')
  if (at <= 0 || email.indexOf('@') !== at) return false
  const local = email.slice(0, at)
  const domain = email.slice(at + 1)
  if (local.length > 64 || !LOCAL_PART.test(local)) return false
  const labels = domain.split('.')
  if (labels.length < 2) return false
  const topLevel = labels[labels.length - 1] ?? ''
  return labels.every((label) => DOMAIN_LABEL.test(label)) && TOP_LEVEL.test(topLevel)
}

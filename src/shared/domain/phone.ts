// Korean phone numbers: stored as digits, displayed by prefix (field notes, "Korean business data").
// A number given with +82 is stored in its domestic form (0…); numbers of other countries keep a leading "+".

export const PHONE_KINDS = [
  { value: 'MOBILE', labelKo: '휴대전화', labelEn: 'Mobile' },
  { value: 'SEOUL', labelKo: '서울 지역번호', labelEn: 'Seoul landline' },
  { value: 'AREA', labelKo: '지역번호', labelEn: 'Landline' },
  { value: 'INTERNET', labelKo: '인터넷전화(070)', labelEn: 'Internet phone (070)' },
  { value: 'TOLL_FREE', labelKo: '수신자부담(080)', labelEn: 'Toll-free (080)' },
  { value: 'REPRESENTATIVE', labelKo: '대표번호', labelEn: 'Company line' },
  { value: 'FOREIGN', labelKo: '해외 번호', labelEn: 'Foreign number' },
] as const

export type PhoneKind = (typeof PHONE_KINDS)[number]['value']

const AREA_CODES = new Set(['031', '032', '033', '041', '042', '043', '044', '051', '052', '053', '054', '055', '061', '062', '063', '064'])
const OLD_MOBILE_PREFIXES = new Set(['011', '016', '017', '018', '019'])

/** Digits only, +82 / 0082 turned into the domestic 0…; other countries keep "+" (E.164 style). */
export function normalizePhone(input: string): string {
  const text = input.normalize('NFKC').trim()
  const digits = text.replace(/\D/g, '')
  let international: string | null = null
  if (text.startsWith('+')) international = digits
  // Only 0082 is taken as an access code: Korean carriers use 001/002/00700…, which cannot be told apart reliably.
  else if (digits.startsWith('0082')) international = digits.slice(2)
  if (international === null) return digits
  if (!international.startsWith('82')) return `+${international}`
  const national = international.slice(2)
  // "+82 (0)10 …" is a common way to write it: the trunk 0 may already be there.
  return national.startsWith('0') ? national : `0${national}`
}

/** What kind of number this is, or null when it is not a valid Korean (or plausible foreign) number. */
export function phoneKind(input: string): PhoneKind | null {
  const n = normalizePhone(input)
  if (n.startsWith('+')) return /^\+[1-9]\d{7,14}$/.test(n) ? 'FOREIGN' : null
  const len = n.length
  if (/^1[568]\d{6}$/.test(n)) return 'REPRESENTATIVE'
  if (n.startsWith('010')) return len === 11 ? 'MOBILE' : null
  if (OLD_MOBILE_PREFIXES.has(n.slice(0, 3))) return len === 10 || len === 11 ? 'MOBILE' : null
  if (n.startsWith('070')) return len === 11 ? 'INTERNET' : null
  if (n.startsWith('080')) return len === 10 ? 'TOLL_FREE' : null
  if (n.startsWith('02')) return (len === 9 || len === 10) && n[2] !== '0' ? 'SEOUL' : null
  if (AREA_CODES.has(n.slice(0, 3))) return (len === 10 || len === 11) && n[3] !== '0' ? 'AREA' : null
  return null
}

export function isValidPhone(input: string): boolean {
  return phoneKind(input) !== null
}

/**
 * A 휴대전화 number: 010, or the older 011/016/017/018/019 still in use. The mobile field of a contact takes only these
 * (a desk line there would get text messages and KakaoTalk invitations it can never receive); foreign mobiles cannot
 * be told from landlines, so they belong in the phone field.
 */
export function isMobilePhone(input: string): boolean {
  return phoneKind(input) === 'MOBILE'
}

function splitDomestic(n: string, kind: Exclude<PhoneKind, 'FOREIGN'>): string[] {
  const prefixLength = kind === 'SEOUL' ? 2 : kind === 'REPRESENTATIVE' ? 4 : 3
  const prefix = n.slice(0, prefixLength)
  const rest = n.slice(prefixLength)
  return [prefix, rest.slice(0, rest.length - 4), rest.slice(-4)].filter((part) => part.length > 0)
}

/** 010-1234-5678, 02-123-4567, 031-1234-5678, 070-1234-5678, 080-123-4567, 1588-1234; other input as typed. */
export function formatPhone(input: string): string {
  const kind = phoneKind(input)
  if (kind === null) return input.trim()
  const n = normalizePhone(input)
  if (kind === 'FOREIGN') return n
  return splitDomestic(n, kind).join('-')
}

/**
 * +82-10-1234-5678 for calling from abroad. Company lines (15XX/16XX/18XX) cannot be dialled from abroad and keep
 * their domestic form.
 */
export function formatPhoneInternational(input: string): string {
  const kind = phoneKind(input)
  if (kind === null) return input.trim()
  const n = normalizePhone(input)
  if (kind === 'FOREIGN') return n
  if (kind === 'REPRESENTATIVE') return formatPhone(n)
  const [prefix = '', ...rest] = splitDomestic(n, kind)
  return ['+82', prefix.slice(1), ...rest].join('-')
}

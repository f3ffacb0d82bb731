// Company names as people type them: "(주)한빛전자", "㈜ 한빛전자", "주식회사 한빛전자" and "한빛 전자" are one company.
// The same key is computed in SQL on the device (companyNameKeySql) so the duplicate check scans without loading rows.

/** Legal-form markers that are not part of the name (checked longest first). */
export const COMPANY_FORM_MARKERS = [
  '주식회사',
  '유한회사',
  '유한책임회사',
  '합자회사',
  '합명회사',
  '사단법인',
  '재단법인',
  '(주)',
  '㈜',
  '(유)',
  '(사)',
  '(재)',
] as const

/** Lower case, NFC, without legal-form markers, spaces or punctuation. */
export function companyNameKey(name: string): string {
  let key = name.normalize('NFC').toLowerCase()
  for (const marker of COMPANY_FORM_MARKERS) key = key.split(marker).join('')
  return key.replace(/[\s.,·\-_'"()&]/g, '')
}

/** The same key as an SQL expression over a column (names of markers are constants, not user input). */
export function companyNameKeySql(column: string): string {
  let expr = `lower(${column})`
  for (const marker of COMPANY_FORM_MARKERS) expr = `replace(${expr}, '${marker}', '')`
  for (const ch of [' ', '.', ',', '·', '-', '_', "''", '"', '(', ')', '&']) expr = `replace(${expr}, '${ch}', '')`
  return expr
}

/** Likely the same company: equal keys, or one key inside the other when the shorter is long enough to mean it. */
export function similarCompanyNames(a: string, b: string): boolean {
  const x = companyNameKey(a)
  const y = companyNameKey(b)
  if (!x || !y) return false
  if (x === y) return true
  const [short, long] = x.length <= y.length ? [x, y] : [y, x]
  return short.length >= 4 && long.includes(short)
}

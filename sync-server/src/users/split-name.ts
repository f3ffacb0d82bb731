/**
 * Splits a full name typed on the command line into users.last_name (family) and users.first_name (given).
 *
 * Korean names are written family-first without a space (홍길동); the family name is one syllable except for a
 * handful of two-syllable ones (남궁, 제갈, 선우 …). With a space, Hangul keeps family-first (홍 길동) and other
 * scripts are read given-first (John Smith).
 * TODO(shared): use splitKoreanName from src/shared/domain/korean-name.ts once it exists (declared once).
 */
const TWO_SYLLABLE_FAMILY_NAMES = new Set(['남궁', '제갈', '선우', '황보', '독고', '사공', '서문', '동방', '어금', '망절'])
const HANGUL = /[\uac00-\ud7a3]/

export interface SplitName {
  readonly familyName: string
  readonly givenName: string
}

export function splitFullName(fullName: string): SplitName {
  const name = fullName.trim().replace(/\s+/g, ' ')
  const parts = name.split(' ')
  if (parts.length > 1) {
    if (HANGUL.test(parts[0]!)) return { familyName: parts[0]!, givenName: parts.slice(1).join(' ') }
    return { familyName: parts[parts.length - 1]!, givenName: parts.slice(0, -1).join(' ') }
  }
  if (!HANGUL.test(name) || name.length < 2) return { familyName: '', givenName: name }
  const familyLength = name.length >= 3 && TWO_SYLLABLE_FAMILY_NAMES.has(name.slice(0, 2)) ? 2 : 1
  return { familyName: name.slice(0, familyLength), givenName: name.slice(familyLength) }
}

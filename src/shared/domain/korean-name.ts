// Person names. Korean (and other East Asian) names are written family name first with no space (홍길동);
// Latin names given name first (John Smith). The seed's `first_name || ' ' || last_name` rendered "길동 홍".

/** Two-syllable family names, longest-match before the one-syllable rule. */
export const KOREAN_COMPOUND_SURNAMES = ['남궁', '제갈', '선우', '황보', '독고', '사공', '서문', '동방', '어금', '망절'] as const

export interface PersonName {
  lastName?: string | null
  firstName?: string | null
}

const EAST_ASIAN = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u
const HANGUL = /\p{Script=Hangul}/u

function clean(part: string | null | undefined): string {
  return (part ?? '').normalize('NFC').trim().replace(/\s+/g, ' ')
}

/** 홍길동 for East Asian family names, "John Smith" for others; whichever part is missing is left out. */
export function displayName({ lastName, firstName }: PersonName): string {
  const last = clean(lastName)
  const first = clean(firstName)
  if (!last) return first
  if (!first) return last
  return EAST_ASIAN.test(last) ? `${last}${first}` : `${first} ${last}`
}

/**
 * Splits a full name typed in one field. Korean: a space, if typed, is where the family name ends ("황 보라" is
 * 황 + 보라); otherwise a known two-syllable family name is taken when at least one syllable follows it
 * (남궁민수 → 남궁 + 민수), else the first syllable. Latin: the last word is the family name.
 */
export function splitKoreanName(fullName: string): { lastName: string; firstName: string } {
  const name = clean(fullName)
  if (!name) return { lastName: '', firstName: '' }
  const words = name.split(' ')
  if (words.length > 1) {
    if (EAST_ASIAN.test(words[0] ?? '')) return { lastName: words[0] ?? '', firstName: words.slice(1).join('') }
    return { lastName: words[words.length - 1] ?? '', firstName: words.slice(0, -1).join(' ') }
  }
  if (!EAST_ASIAN.test(name)) return { lastName: '', firstName: name }
  const chars = [...name]
  const two = chars.slice(0, 2).join('')
  const familyLength = chars.length >= 3 && HANGUL.test(two) && (KOREAN_COMPOUND_SURNAMES as readonly string[]).includes(two) ? 2 : 1
  return { lastName: chars.slice(0, familyLength).join(''), firstName: chars.slice(familyLength).join('') }
}

/** "홍길동 부장님" with a title (직급 or 직책), "홍길동님" without; a title already ending in 님 is not doubled. */
export function honorificName(name: string, title?: string | null): string {
  const person = clean(name)
  const rank = clean(title)
  if (!rank) return person ? `${person}님` : ''
  const honoured = rank.endsWith('님') ? rank : `${rank}님`
  return person ? `${person} ${honoured}` : honoured
}

// Sorting and searching Korean text: 가나다 order, initial-consonant (초성) search, and one search normaliser used
// for both the indexed text and the query.

const collator = new Intl.Collator('ko-KR', { numeric: true })

/** 가나다 order (Hangul before Latin, "2반" before "10반"); use as a sort comparator. */
export function compareKorean(a: string, b: string): number {
  return collator.compare(a, b)
}

const CHOSEONG = ['ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'] as const
const CHOSEONG_SET: ReadonlySet<string> = new Set(CHOSEONG)
const SYLLABLE_FIRST = 0xac00
const SYLLABLE_LAST = 0xd7a3
const SYLLABLES_PER_INITIAL = 21 * 28

function initialOf(char: string): string | undefined {
  const code = char.codePointAt(0) ?? 0
  if (code < SYLLABLE_FIRST || code > SYLLABLE_LAST) return undefined
  return CHOSEONG[Math.floor((code - SYLLABLE_FIRST) / SYLLABLES_PER_INITIAL)]
}

/** 홍길동 → ㅎㄱㄷ; characters that are not Hangul syllables are kept as they are. */
export function toChoseong(text: string): string {
  return [...text.normalize('NFC')].map((char) => initialOf(char) ?? char).join('')
}

/** True when the query is made only of initial consonants (ㅎㄱㄷ), so the search should match by 초성. */
export function isChoseongQuery(query: string): boolean {
  const chars = [...query.replace(/\s+/g, '')]
  return chars.length > 0 && chars.every((char) => CHOSEONG_SET.has(char))
}

/**
 * Whether the query occurs in the text when each initial consonant of the query may stand for any syllable that starts
 * with it: ㅎㄱㄷ and 홍ㄱ동 both match 홍길동. Letters compare case-insensitively.
 *
 * Word gaps: a match lies inside one word, or runs on across gaps only when it begins at the start of a word (a whole
 * name typed without its spaces: ㅅㅅㅈㅈ finds "삼성 전자"). So ㅅㅅ does not find "주식회사 서해랩스" through the
 * 사 | 서 that happen to meet at a gap. A query the user typed with a space may cross gaps anywhere.
 */
export function matchesChoseong(text: string, query: string): boolean {
  const chars: string[] = []
  /** For each kept character: whether it starts a word (the first character, or one after whitespace). */
  const wordStart: boolean[] = []
  let afterGap = true
  for (const char of text.normalize('NFC').toLowerCase()) {
    if (/\s/.test(char)) {
      afterGap = true
      continue
    }
    chars.push(char)
    wordStart.push(afterGap)
    afterGap = false
  }
  const normalQuery = query.normalize('NFC').trim()
  const crossesFreely = /\s/.test(normalQuery)
  const q = [...normalQuery.replace(/\s+/g, '').toLowerCase()]
  if (q.length === 0) return true
  for (let start = 0; start + q.length <= chars.length; start++) {
    let all = true
    for (let j = 0; j < q.length && all; j++) {
      const qc = q[j] ?? ''
      const tc = chars[start + j] ?? ''
      all = tc === qc || (CHOSEONG_SET.has(qc) && initialOf(tc) === qc)
      // Entering a new word mid-match is allowed only for a match that began at a word start.
      if (all && j > 0 && wordStart[start + j] && !wordStart[start] && !crossesFreely) all = false
    }
    if (all) return true
  }
  return false
}

/**
 * A list's text filter: whether any of the fields holds the query as a substring (after searchKey, so digits match
 * with or without separators) or by 초성. An empty query matches everything.
 */
export function matchesText(fields: ReadonlyArray<string | null | undefined>, query: string): boolean {
  const q = searchKey(query)
  if (q === '') return true
  return fields.some((field) => field != null && field !== '' && (searchKey(field).includes(q) || matchesChoseong(field, q)))
}

/**
 * The form text is indexed and searched in: NFC, full-width ASCII to ASCII, ㈜ to (주), lower case, single spaces,
 * and separators between digits removed so "010-1234-5678", "010 1234 5678" and "01012345678" (or a business number
 * with or without hyphens) find each other.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/㈜/g, '(주)')
    .toLowerCase()
    .replace(/(?<=\d)[\s\-‐‑‒–—―−.()]+(?=\d)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

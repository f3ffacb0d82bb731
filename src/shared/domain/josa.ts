// Korean particles depend on the last sound of the word before them: 교육을 but 과정을, 리드를, 카드를. Messages that
// name a record ("…을(를) 옮겼습니다") read far better with the right one than with the bracketed both-forms fallback.

const HANGUL_FIRST = 0xac00
const HANGUL_LAST = 0xd7a3

/** True/false when the word ends in a Hangul syllable with/without a final consonant (받침); null otherwise. */
export function endsWithBatchim(word: string): boolean | null {
  const last = word.trim().normalize('NFC').at(-1)
  if (!last) return null
  const code = last.codePointAt(0) ?? 0
  if (code < HANGUL_FIRST || code > HANGUL_LAST) return null
  return (code - HANGUL_FIRST) % 28 !== 0
}

/** The object particle for `word`: 을 after a final consonant, 를 after a vowel, 을(를) when it cannot be told. */
export function objectParticle(word: string): '을' | '를' | '을(를)' {
  const batchim = endsWithBatchim(word)
  return batchim === null ? '을(를)' : batchim ? '을' : '를'
}

/** The direction particle for `word`: 로 after a vowel or ㄹ (수주로, 서울로), 으로 after other final consonants (제안으로). */
export function directionParticle(word: string): '으로' | '로' | '(으)로' {
  const batchim = endsWithBatchim(word)
  if (batchim === null) return '(으)로'
  const code = word.trim().normalize('NFC').at(-1)?.codePointAt(0) ?? 0
  // Final consonant index 8 is ㄹ.
  return !batchim || (code - HANGUL_FIRST) % 28 === 8 ? '로' : '으로'
}

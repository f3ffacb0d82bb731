import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { displayName, honorificName, KOREAN_COMPOUND_SURNAMES, splitKoreanName } from './korean-name'

describe('displayName', () => {
  it('writes Korean names family name first with no space', () => {
    expect(displayName({ lastName: '홍', firstName: '길동' })).toBe('홍길동')
    expect(displayName({ lastName: '남궁', firstName: '민수' })).toBe('남궁민수')
    expect(displayName({ lastName: ' 홍 ', firstName: ' 길동 ' })).toBe('홍길동')
  })

  it('writes Latin names given name first', () => {
    expect(displayName({ lastName: 'Smith', firstName: 'John' })).toBe('John Smith')
    expect(displayName({ lastName: 'Smith', firstName: 'Mary  Ann' })).toBe('Mary Ann Smith')
  })

  it('shows whichever part exists', () => {
    expect(displayName({ lastName: '홍', firstName: null })).toBe('홍')
    expect(displayName({ lastName: null, firstName: 'John' })).toBe('John')
    expect(displayName({})).toBe('')
  })

  it('composes decomposed Hangul (pasted from macOS) before joining', () => {
    expect(displayName({ lastName: '홍'.normalize('NFD'), firstName: '길동'.normalize('NFD') })).toBe('홍길동')
  })
})

describe('splitKoreanName', () => {
  it('takes the first syllable as the family name', () => {
    expect(splitKoreanName('홍길동')).toEqual({ lastName: '홍', firstName: '길동' })
    expect(splitKoreanName('김철')).toEqual({ lastName: '김', firstName: '철' })
  })

  it('knows two-syllable family names', () => {
    expect(splitKoreanName('남궁민수')).toEqual({ lastName: '남궁', firstName: '민수' })
    expect(splitKoreanName('제갈공명')).toEqual({ lastName: '제갈', firstName: '공명' })
    expect(splitKoreanName('선우용녀')).toEqual({ lastName: '선우', firstName: '용녀' })
    expect(splitKoreanName('독고영재')).toEqual({ lastName: '독고', firstName: '영재' })
    expect(splitKoreanName('황보관')).toEqual({ lastName: '황보', firstName: '관' })
  })

  it('does not take a whole two-syllable name as a family name', () => {
    expect(splitKoreanName('선우')).toEqual({ lastName: '선', firstName: '우' })
  })

  it('lets a typed space decide where the family name ends', () => {
    expect(splitKoreanName('황 보라')).toEqual({ lastName: '황', firstName: '보라' })
    expect(splitKoreanName('남궁 민수')).toEqual({ lastName: '남궁', firstName: '민수' })
  })

  it('splits Latin names at the last word', () => {
    expect(splitKoreanName('John Smith')).toEqual({ lastName: 'Smith', firstName: 'John' })
    expect(splitKoreanName('Mary Ann Smith')).toEqual({ lastName: 'Smith', firstName: 'Mary Ann' })
    expect(splitKoreanName('Madonna')).toEqual({ lastName: '', firstName: 'Madonna' })
    expect(splitKoreanName('   ')).toEqual({ lastName: '', firstName: '' })
  })

  it('gives back the name it split when displayed again', () => {
    const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCodePoint(c))
    const koreanName = fc.array(syllable, { minLength: 2, maxLength: 5 }).map((s) => s.join(''))
    fc.assert(fc.property(koreanName, (name) => displayName(splitKoreanName(name)) === name))
    for (const surname of KOREAN_COMPOUND_SURNAMES) {
      expect(displayName(splitKoreanName(`${surname}민수`))).toBe(`${surname}민수`)
    }
  })
})

describe('honorificName', () => {
  it('addresses people by name and title', () => {
    expect(honorificName('홍길동', '부장')).toBe('홍길동 부장님')
    expect(honorificName('홍길동', '팀장님')).toBe('홍길동 팀장님')
    expect(honorificName('홍길동')).toBe('홍길동님')
    expect(honorificName('홍길동', '  ')).toBe('홍길동님')
    expect(honorificName('', '대표')).toBe('대표님')
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareKorean, isChoseongQuery, matchesChoseong, searchKey, toChoseong } from './korean-text'

describe('compareKorean', () => {
  it('sorts in 가나다 order with numbers by value', () => {
    const names = ['홍길동', '김철수', '이영희', '박민준', 'Apple', '가나다', '10반', '2반']
    expect([...names].sort(compareKorean)).toEqual(['2반', '10반', '가나다', '김철수', '박민준', '이영희', '홍길동', 'Apple'])
  })
})

describe('초성', () => {
  it('extracts initial consonants', () => {
    expect(toChoseong('홍길동')).toBe('ㅎㄱㄷ')
    expect(toChoseong('삼성전자(주)')).toBe('ㅅㅅㅈㅈ(ㅈ)')
    expect(toChoseong('까치 LG')).toBe('ㄲㅊ LG')
    expect(toChoseong('홍길동'.normalize('NFD'))).toBe('ㅎㄱㄷ')
  })

  it('recognises a consonant-only query', () => {
    expect(isChoseongQuery('ㅎㄱㄷ')).toBe(true)
    expect(isChoseongQuery('ㅅㅅ ㅈㅈ')).toBe(true)
    expect(isChoseongQuery('홍ㄱㄷ')).toBe(false)
    expect(isChoseongQuery('ㄳ')).toBe(false) // a final-only cluster is never an initial
    expect(isChoseongQuery('  ')).toBe(false)
  })

  it('finds names by their initial consonants, as on every phone', () => {
    expect(matchesChoseong('홍길동', 'ㅎㄱㄷ')).toBe(true)
    expect(matchesChoseong('홍길동', 'ㄱㄷ')).toBe(true)
    expect(matchesChoseong('홍길동', '홍ㄱ동')).toBe(true)
    expect(matchesChoseong('삼성 전자', 'ㅅㅅㅈㅈ')).toBe(true)
    expect(matchesChoseong('Samsung 전자', 'sams')).toBe(true)
    expect(matchesChoseong('홍길동', 'ㅎㄷ')).toBe(false)
    expect(matchesChoseong('홍길동', 'ㄲ')).toBe(false)
    expect(matchesChoseong('홍길동', 'ㅎㄱㄷㅇ')).toBe(false)
    expect(matchesChoseong('아무거나', '')).toBe(true)
  })

  it('does not match across a word gap from the middle of a word', () => {
    // 회사 | 서해: ㅅ of 사 and ㅅ of 서 meet only at the gap.
    expect(matchesChoseong('주식회사 서해랩스', 'ㅅㅅ')).toBe(false)
    expect(matchesChoseong('주식회사 서해랩스', 'ㅅㅎㄹㅅ')).toBe(true)
    expect(matchesChoseong('주식회사 서해랩스', 'ㅈㅅㅎㅅㅅㅎ')).toBe(true)
    expect(matchesChoseong('주식회사 서해랩스', 'ㅎㅅ ㅅㅎ')).toBe(true)
    expect(matchesChoseong('주식회사 서해랩스', 'ㅎㅅㅅㅎ')).toBe(false)
  })

  it('matches every text by its own 초성 and by itself', () => {
    const hangul = fc
      .array(
        fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCodePoint(c)),
        { minLength: 1, maxLength: 8 },
      )
      .map((s) => s.join(''))
    fc.assert(fc.property(hangul, (text) => matchesChoseong(text, toChoseong(text)) && matchesChoseong(text, text) && isChoseongQuery(toChoseong(text))))
  })
})

describe('searchKey', () => {
  it('makes phone and business numbers findable however they were typed', () => {
    expect(searchKey('010-1234-5678')).toBe('01012345678')
    expect(searchKey('010 1234 5678')).toBe('01012345678')
    expect(searchKey('010.1234.5678')).toBe('01012345678')
    expect(searchKey('사업자 124-81-00998')).toBe('사업자 1248100998')
    expect(searchKey('010-1234-5678').includes(searchKey('1234-5678'))).toBe(true)
  })

  it('ignores case, width, composition and extra spaces', () => {
    expect(searchKey('  Samsung   Electronics ')).toBe('samsung electronics')
    expect(searchKey('ＬＧ　전자')).toBe('lg 전자')
    expect(searchKey('홍길동'.normalize('NFD'))).toBe('홍길동')
    expect(searchKey('㈜삼성')).toBe('(주)삼성')
  })

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => searchKey(searchKey(s)) === searchKey(s)))
  })
})

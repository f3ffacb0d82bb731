import { describe, expect, it } from 'vitest'
import { directionParticle, endsWithBatchim, objectParticle } from './josa'

describe('objectParticle', () => {
  it('picks 을 after a final consonant and 를 after a vowel', () => {
    expect(objectParticle('신입사원 입문교육')).toBe('을')
    expect(objectParticle('영업 리더십 과정')).toBe('을')
    expect(objectParticle('CS 교육')).toBe('을')
    expect(objectParticle('코칭')).toBe('을')
    expect(objectParticle('리더')).toBe('를')
    expect(objectParticle('한빛제약 세미나')).toBe('를')
  })

  it('falls back to both forms when the last letter is not Hangul', () => {
    expect(objectParticle('ERP')).toBe('을(를)')
    expect(objectParticle('2026')).toBe('을(를)')
    expect(objectParticle('')).toBe('을(를)')
    expect(endsWithBatchim('  과정  ')).toBe(true)
  })
})

describe('directionParticle', () => {
  it('uses 로 after a vowel or ㄹ and 으로 after other final consonants', () => {
    expect(directionParticle('수주')).toBe('로')
    expect(directionParticle('서울')).toBe('로')
    expect(directionParticle('제안')).toBe('으로')
    expect(directionParticle('니즈 분석')).toBe('으로')
    expect(directionParticle('Proposal')).toBe('(으)로')
  })
})

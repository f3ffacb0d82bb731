import { describe, expect, it } from 'vitest'
import * as domain from './index'

describe('domain index', () => {
  it('exposes the rules screens and the server use', () => {
    for (const name of [
      'bantScore',
      'isValidBusinessNumber',
      'formatBusinessNumber',
      'isValidCorporateNumber',
      'formatPhone',
      'isValidEmail',
      'formatWon',
      'parseWon',
      'displayName',
      'splitKoreanName',
      'compareKorean',
      'matchesChoseong',
      'searchKey',
      'formatKoreanDate',
      'fiscalPeriodRange',
      'defaultProbability',
      'expectedAmount',
      'stageDurations',
      'projectMargin',
      'meetingProductTotal',
      'achievementPercent',
      'weightedAchievement',
      'trainingCompletion',
    ]) {
      expect(typeof (domain as Record<string, unknown>)[name], name).toBe('function')
    }
  })

  it('works end to end for a proposal shown to a Korean customer', () => {
    const total = domain.meetingProductTotal({ quantity: 2, unitPrice: 4_500_000, discountPercent: 10 })!
    expect(domain.formatWonProse(total)).toBe('8,100,000원')
    expect(domain.formatWonCompact(domain.expectedAmount(total, domain.defaultProbability('PROPOSAL'))!)).toBe('405만')
    expect(domain.honorificName(domain.displayName({ lastName: '남궁', firstName: '민수' }), '부장')).toBe('남궁민수 부장님')
  })
})

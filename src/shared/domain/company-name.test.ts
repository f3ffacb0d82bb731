import { describe, expect, it } from 'vitest'
import { companyNameKey, similarCompanyNames } from './company-name'

describe('company name key', () => {
  it('ignores legal-form markers, spaces and case', () => {
    expect(companyNameKey('(주)한빛전자')).toBe('한빛전자')
    expect(companyNameKey('㈜ 한빛 전자')).toBe('한빛전자')
    expect(companyNameKey('주식회사 한빛전자')).toBe('한빛전자')
    expect(companyNameKey('Hanbit Co.')).toBe('hanbitco')
  })

  it('calls names similar only when they mean the same company', () => {
    expect(similarCompanyNames('(주)한빛전자', '한빛 전자')).toBe(true)
    expect(similarCompanyNames('한빛전자판매', '한빛전자')).toBe(true)
    expect(similarCompanyNames('삼성', '삼성전자')).toBe(false)
  })
})

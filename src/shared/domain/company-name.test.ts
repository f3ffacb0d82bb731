import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { companyNameKey, companyNameKeySql, similarCompanyNames } from './company-name'

describe('company name key', () => {
  it('ignores legal-form markers, spaces and case', () => {
    expect(companyNameKey('(주)한빛전자')).toBe('한빛전자')
    expect(companyNameKey('㈜ 한빛 전자')).toBe('한빛전자')
    expect(companyNameKey('주식회사 한빛전자')).toBe('한빛전자')
    expect(companyNameKey('Hanbit Co.')).toBe('hanbitco')
  })

  it('computes the same key in SQLite as in TypeScript', () => {
    const db = new Database(':memory:')
    const names = ['(주)한빛전자', '㈜ 한빛 전자', "O'Neil & Sons", '사단법인 한국HRD협회', 'A.B-C_D']
    for (const name of names) {
      const row = db.prepare(`SELECT ${companyNameKeySql('?')} AS key`).get(name) as { key: string }
      expect(row.key).toBe(companyNameKey(name))
    }
    db.close()
  })

  it('calls names similar only when they mean the same company', () => {
    expect(similarCompanyNames('(주)한빛전자', '한빛 전자')).toBe(true)
    expect(similarCompanyNames('한빛전자판매', '한빛전자')).toBe(true)
    expect(similarCompanyNames('삼성', '삼성전자')).toBe(false)
  })
})

import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { companyNameKey, companyNameKeySql } from '../../../shared/domain/company-name'

describe('company name key in SQL', () => {
  it('is the same key SQLite computes as TypeScript, so the duplicate scan agrees with the form', () => {
    const db = new Database(':memory:')
    const names = ['(주)한빛전자', '㈜ 한빛 전자', "O'Neil & Sons", '사단법인 한국HRD협회', 'A.B-C_D', '주식회사 가나']
    for (const name of names) {
      const row = db.prepare(`SELECT ${companyNameKeySql('?')} AS key`).get(name) as { key: string }
      expect(row.key).toBe(companyNameKey(name))
    }
    db.close()
  })
})

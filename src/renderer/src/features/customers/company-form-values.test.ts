import { describe, expect, it } from 'vitest'
import { type CompanyRecord } from '../../../../shared/model/customer-views'
import { companyCreateSchema, companyUpdateSchema } from '../../../../shared/model/validation/customers'
import { createInput, customFieldsText, emptyCompanyValues, updateInput, valuesFromCompany } from './company-form-values'

const company: CompanyRecord = {
  id: '0190a000-0000-7000-8000-000000000001',
  code: 'C-1',
  name: '(주)한빛전자',
  businessNumber: '1248100998',
  corporateNumber: null,
  representative: '김대표',
  industryId: null,
  industryName: null,
  companySize: 'SMB',
  annualRevenue: 1_200_000_000,
  employeeCount: 120,
  website: null,
  description: null,
  tier: 'GOLD',
  status: 'ACTIVE',
  accountManagerId: null,
  accountManagerName: null,
  tags: ['교육 열심', 'HRD'],
  customFields: { '주거래 은행': '국민은행' },
  creditLimit: null,
  paymentTerms: 30,
  fiscalYearEnd: '12-31',
  createdAt: '2026-11-25T00:00:00.000Z',
  updatedAt: '2026-11-25T00:00:00.000Z',
}

describe('company form values', () => {
  it('shows the stored business number hyphenated and sends nothing when nothing changed', () => {
    const values = valuesFromCompany(company)
    expect(values.businessNumber).toBe('124-81-00998')
    expect(updateInput(values, values)).toEqual({})
  })

  it('sends only the changed fields, an emptied select as null', () => {
    const initial = valuesFromCompany(company)
    const edited = { ...initial, tier: 'VIP', companySize: '', representative: '' }
    const input = updateInput(edited, initial)
    expect(input).toEqual({ tier: 'VIP', companySize: null, representative: '' })
    expect(companyUpdateSchema.parse(input)).toEqual({ tier: 'VIP', companySize: null, representative: null })
  })

  it('builds a create input the shared schema accepts from a form with only a name', () => {
    const parsed = companyCreateSchema.parse(createInput({ ...emptyCompanyValues(), name: '한빛전자' }))
    expect(parsed).toMatchObject({ name: '한빛전자', tier: 'BRONZE', status: 'PROSPECT', businessNumber: null, industryId: null })
  })

  it('edits tags, custom fields, credit limit, payment terms and fiscal year end, sending only those', () => {
    const initial = valuesFromCompany(company)
    expect(initial.tags).toBe('교육 열심, HRD')
    const edited = {
      ...initial,
      tags: '교육 열심, 리더십, HRD, 리더십',
      customFields: customFieldsText([
        { key: '주거래 은행', value: '국민은행' },
        { key: '구매 담당 부서', value: '인사팀' },
      ]),
      creditLimit: '50,000,000',
      paymentTerms: '60',
      fiscalYearEnd: '3/31',
    }
    expect(companyUpdateSchema.parse(updateInput(edited, initial))).toEqual({
      tags: ['교육 열심', '리더십', 'HRD'],
      customFields: { '주거래 은행': '국민은행', '구매 담당 부서': '인사팀' },
      creditLimit: 50_000_000,
      paymentTerms: 60,
      fiscalYearEnd: '03-31',
    })
  })

  it('refuses a fiscal year end that is no day, payment terms beyond a year and a custom field key used twice', () => {
    const initial = valuesFromCompany(company)
    const bad = {
      ...initial,
      fiscalYearEnd: '02-30',
      paymentTerms: '400',
      customFields: customFieldsText([
        { key: '은행', value: 'a' },
        { key: '은행', value: 'b' },
      ]),
    }
    const result = companyUpdateSchema.safeParse(updateInput(bad, initial))
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.message).sort()).toEqual(['validation.customFieldKey', 'validation.fiscalYearEnd', 'validation.paymentTerms'])
  })
})

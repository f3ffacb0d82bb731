import { describe, expect, it } from 'vitest'
import { type CompanyRecord } from '../../../../shared/model/customer-views'
import { companyCreateSchema, companyUpdateSchema } from '../../../../shared/model/validation/customers'
import { createInput, emptyCompanyValues, updateInput, valuesFromCompany } from './company-form-values'

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
})

import { describe, expect, it } from 'vitest'
import { activityLogSchema, companyCreateSchema, companyUpdateSchema, contactCreateSchema, fieldErrors } from './customers'

const errorsOf = (result: { success: boolean; error?: Parameters<typeof fieldErrors>[0] }): ReturnType<typeof fieldErrors> =>
  result.success || !result.error ? {} : fieldErrors(result.error)

describe('company validation', () => {
  it('stores a valid business number as digits and fills tier/status defaults', () => {
    const parsed = companyCreateSchema.parse({ name: ' (주)한빛전자 ', businessNumber: '124-81-00998', phone: '02-123-4567' })
    expect(parsed).toMatchObject({ name: '(주)한빛전자', businessNumber: '1248100998', phone: '021234567', tier: 'BRONZE', status: 'PROSPECT' })
  })

  it('tells a wrong check digit from a wrong shape', () => {
    expect(errorsOf(companyCreateSchema.safeParse({ name: '한빛', businessNumber: '124-81-00999' }))).toEqual({
      businessNumber: 'validation.businessNumberChecksum',
    })
    expect(errorsOf(companyCreateSchema.safeParse({ name: '한빛', businessNumber: '12-81-0099' }))).toEqual({
      businessNumber: 'validation.businessNumberFormat',
    })
  })

  it('requires a name and rejects bad phones and e-mails', () => {
    expect(errorsOf(companyCreateSchema.safeParse({ name: '  ', phone: '123', email: 'kim@' }))).toEqual({
      name: 'validation.required',
      phone: 'validation.phone',
      email: 'validation.email',
    })
  })

  it('treats an emptied optional field as null and an absent one as unchanged on edit', () => {
    const parsed = companyUpdateSchema.parse({ businessNumber: '', website: '' })
    expect(parsed).toEqual({ businessNumber: null, website: null })
    expect('name' in parsed).toBe(false)
  })

  it('accepts amounts typed with separators and refuses fractions', () => {
    expect(companyUpdateSchema.parse({ annualRevenue: '1,200,000,000' }).annualRevenue).toBe(1_200_000_000)
    expect(errorsOf(companyUpdateSchema.safeParse({ employeeCount: '12.5' }))).toEqual({ employeeCount: 'validation.number' })
  })
})

describe('contact and activity validation', () => {
  it('normalises a mobile number and lower-cases the e-mail', () => {
    const parsed = contactCreateSchema.parse({
      branchId: '0190a000-0000-7000-8000-000000000001',
      lastName: '홍',
      firstName: '길동',
      mobile: '010 1234 5678',
      email: 'Hong@Example.CO.KR',
    })
    expect(parsed).toMatchObject({ mobile: '01012345678', email: 'hong@example.co.kr' })
  })

  it('takes only a mobile number in the mobile field, in its own words', () => {
    const base = { branchId: '0190a000-0000-7000-8000-000000000001', lastName: '홍', firstName: '길동' }
    const landline = contactCreateSchema.safeParse({ ...base, mobile: '02-123-4567' })
    expect(landline.error?.issues.map((i) => i.message)).toEqual(['validation.mobile'])
    const garbage = contactCreateSchema.safeParse({ ...base, mobile: '12345' })
    expect(garbage.error?.issues.map((i) => i.message)).toEqual(['validation.phone'])
    expect(contactCreateSchema.parse({ ...base, mobile: '011-123-4567', phone: '02-123-4567' })).toMatchObject({ mobile: '0111234567', phone: '021234567' })
  })

  it('checks a birthday, completes a LinkedIn address and keeps the active flag', () => {
    const base = { branchId: '0190a000-0000-7000-8000-000000000001', lastName: '홍', firstName: '길동' }
    expect(contactCreateSchema.parse({ ...base, birthday: '1985-03-14', linkedinUrl: 'linkedin.com/in/hong', isActive: false })).toMatchObject({
      birthday: '1985-03-14',
      linkedinUrl: 'https://linkedin.com/in/hong',
      isActive: false,
    })
    expect(contactCreateSchema.safeParse({ ...base, birthday: '1985-02-30' }).error?.issues[0]?.message).toBe('validation.date')
    expect(contactCreateSchema.safeParse({ ...base, birthday: '2999-01-01' }).error?.issues[0]?.message).toBe('validation.futureDate')
    expect(contactCreateSchema.safeParse({ ...base, linkedinUrl: 'hong gildong' }).error?.issues[0]?.message).toBe('validation.url')
  })

  it('needs a subject for an activity', () => {
    const result = activityLogSchema.safeParse({
      entityType: 'COMPANY',
      entityId: '0190a000-0000-7000-8000-000000000001',
      activityType: 'KAKAO',
      subject: '',
    })
    expect(errorsOf(result)).toEqual({ subject: 'validation.required' })
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { compareKorean } from '../../../shared/domain/korean-text'
import { companyCreateSchema, contactCreateSchema } from '../../../shared/model/validation/customers'
import { openRepoHarness, type RepoHarness } from '../../../../test/support/device/repos'

let h: RepoHarness
beforeEach(() => {
  h = openRepoHarness()
})
afterEach(() => h.close())

const create = (fields: Record<string, unknown>, allowDuplicates = false) => h.repos.companies.create(companyCreateSchema.parse(fields), { allowDuplicates })

const createdId = (fields: Record<string, unknown>): string => {
  const result = create(fields, true)
  if (result.status !== 'created') throw new Error('not created')
  return result.id
}

const list = (extra: Partial<Parameters<RepoHarness['repos']['companies']['list']>[0]> = {}) =>
  h.repos.companies.list({ filters: {}, sort: 'name', offset: 0, limit: 100, ...extra })

describe('companies repository', () => {
  it('creates a company with its head office and one outbox entry per row, in one transaction', () => {
    const id = createdId({ name: '(주)한빛전자', businessNumber: '124-81-00998', phone: '02-123-4567' })
    const page = h.repos.companyPage.get(id)
    expect(page.company).toMatchObject({ name: '(주)한빛전자', businessNumber: '1248100998', tier: 'BRONZE', status: 'PROSPECT' })
    expect(page.branches).toEqual([expect.objectContaining({ name: '본사', branchType: 'HEADQUARTERS', phone: '021234567', isPrimary: true })])
    expect(h.writer.pendingCount()).toBe(2)
  })

  it('warns about the same business number, a similar name, or the same phone, and saves when overridden', () => {
    createdId({ name: '(주)한빛전자', businessNumber: '124-81-00998', phone: '02-123-4567' })
    const byNumber = create({ name: '전혀 다른 이름', businessNumber: '1248100998' })
    expect(byNumber).toMatchObject({ status: 'duplicates', duplicates: [{ name: '(주)한빛전자', reasons: ['businessNumber'] }] })
    const byName = create({ name: '한빛 전자 주식회사' })
    expect(byName).toMatchObject({ status: 'duplicates', duplicates: [{ reasons: ['name'] }] })
    const byPhone = create({ name: '새로운회사', phone: '021234567' })
    expect(byPhone).toMatchObject({ status: 'duplicates', duplicates: [{ reasons: ['phone'] }] })
    expect(create({ name: '삼성' })).toMatchObject({ status: 'created' })
    expect(create({ name: '한빛 전자 주식회사' }, true)).toMatchObject({ status: 'created' })
    expect(list().total).toBe(3)
  })

  it('sorts 가나다 in SQL, the same order as Korean collation, with legal-form prefixes ignored', () => {
    const names = ['하나은행', '(주)가나다', '나라상사', 'Apple Korea', '다음커뮤니케이션', '가온누리', '마음건강', '㈜바다']
    for (const name of names) createdId({ name })
    const sorted = list().items.map((item) => item.name)
    const strip = (n: string): string => n.replace(/^\(주\)|^㈜/, '')
    const hangul = names.filter((n) => /^[가-힣]/.test(strip(n))).sort((a, b) => compareKorean(strip(a), strip(b)))
    expect(sorted).toEqual([...hangul, 'Apple Korea'])
  })

  it('pages in SQL and filters by tier, status and account manager', () => {
    for (let i = 0; i < 25; i++)
      createdId({ name: `고객사${String(i).padStart(2, '0')}`, tier: i % 5 === 0 ? 'VIP' : 'SILVER', status: i % 2 ? 'ACTIVE' : 'PROSPECT' })
    const first = list({ limit: 10 })
    const second = list({ limit: 10, offset: 10 })
    expect(first.total).toBe(25)
    expect(first.items.map((i) => i.name)).toEqual(Array.from({ length: 10 }, (_, i) => `고객사${String(i).padStart(2, '0')}`))
    expect(second.items[0]?.name).toBe('고객사10')
    expect(list({ filters: { tiers: ['VIP'] } }).total).toBe(5)
    expect(list({ filters: { tiers: ['VIP'], statuses: ['ACTIVE'] } }).items.map((i) => i.name)).toEqual(['고객사05', '고객사15'])
    expect(list({ filters: { accountManagerId: '0190a000-0000-7000-8000-0000000000ff' } }).total).toBe(0)
  })

  it('filters by text: name, business number, representative, and 초성 that stays inside words', () => {
    createdId({ name: '주식회사 서해랩스', representative: '김서해' })
    createdId({ name: '삼성전자', businessNumber: '124-81-00998' })
    createdId({ name: '한빛소프트' })
    const names = (text: string): string[] => list({ filters: { text } }).items.map((item) => item.name)
    expect(names('서해')).toEqual(['주식회사 서해랩스'])
    expect(names('124-81')).toEqual(['삼성전자'])
    expect(names('1248100998')).toEqual(['삼성전자'])
    expect(names('ㅎㅂ')).toEqual(['한빛소프트'])
    expect(names('ㅅㅎㄹㅅ')).toEqual(['주식회사 서해랩스'])
    expect(names('ㅅㅅ')).toEqual(['삼성전자'])
    expect(list({ filters: { text: '없는이름' } }).total).toBe(0)
  })

  it('edits only changed fields and soft-deletes the company with its branches and contacts', () => {
    const id = createdId({ name: '한빛전자' })
    expect(h.repos.companies.update(id, { tier: 'GOLD' })).toBe(true)
    expect(h.repos.companies.update(id, { tier: 'GOLD' })).toBe(false)
    const branchId = h.repos.companyPage.get(id).branches[0]!.id
    h.repos.contacts.createContact(contactCreateSchema.parse({ branchId, lastName: '홍', firstName: '길동' }), { allowDuplicates: false })
    expect(h.repos.companies.remove(id)).toBe(true)
    expect(list().total).toBe(0)
    expect(() => h.repos.companyPage.get(id)).toThrow(/No company/)
    const tombstones = h.sqlite.prepare('SELECT count(*) AS n FROM contacts WHERE deleted_at IS NOT NULL').get() as { n: number }
    expect(tombstones.n).toBe(1)
    const ops = h.sqlite.prepare("SELECT table_name, op FROM outbox WHERE op = 'delete' ORDER BY seq").all()
    expect(ops).toEqual([
      { table_name: 'contacts', op: 'delete' },
      { table_name: 'branches', op: 'delete' },
      { table_name: 'companies', op: 'delete' },
    ])
  })

  it('warns about a contact with the same mobile number', () => {
    const id = createdId({ name: '한빛전자' })
    const branchId = h.repos.companyPage.get(id).branches[0]!.id
    const contact = (fields: Record<string, unknown>) =>
      h.repos.contacts.createContact(contactCreateSchema.parse({ branchId, lastName: '홍', firstName: '길동', ...fields }), { allowDuplicates: false })
    expect(contact({ mobile: '010-1234-5678' })).toMatchObject({ status: 'created' })
    expect(contact({ mobile: '01012345678' })).toMatchObject({ status: 'duplicates', duplicates: [{ name: '홍길동', reasons: ['phone'] }] })
    expect(h.repos.companyPage.get(id).contacts.map((c) => c.name)).toEqual(['홍길동'])
  })
})

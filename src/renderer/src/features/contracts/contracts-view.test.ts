import { type TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { type ContractView } from '../../../../shared/ipc/training-types'
import { contractExportColumns, contractExportRows, filterContracts } from './contracts-view'

const contract = (over: Partial<ContractView>): ContractView => ({
  id: 'k1',
  code: 'CT-AAAA-BBBB-CCCC',
  title: '2027 신임 팀장 리더십',
  companyId: 'c1',
  companyName: '아우구전자',
  opportunityId: null,
  opportunityTitle: null,
  amount: 48_000_000,
  signedDate: null,
  startDate: '2027-01-04',
  endDate: '2027-03-31',
  status: 'DRAFT',
  projects: [],
  ...over,
})

const list = [
  contract({}),
  contract({ id: 'k2', code: 'CT-2', title: '영업 역량 강화', companyName: '한빛물산', status: 'SIGNED' }),
  contract({ id: 'k3', code: 'CT-3', title: '신입 입문 과정', companyName: '아우구전자', status: 'ACTIVE' }),
]

describe('filterContracts', () => {
  it('keeps every contract for an empty filter', () => {
    expect(filterContracts(list, { query: '', status: '' })).toHaveLength(3)
  })
  it('filters by status and by company, title, number or 초성 together', () => {
    expect(filterContracts(list, { query: '', status: 'SIGNED' }).map((k) => k.id)).toEqual(['k2'])
    expect(filterContracts(list, { query: '아우구', status: '' }).map((k) => k.id)).toEqual(['k1', 'k3'])
    expect(filterContracts(list, { query: 'ㅎㅂ', status: '' }).map((k) => k.id)).toEqual(['k2'])
    expect(filterContracts(list, { query: 'ct-3', status: '' }).map((k) => k.id)).toEqual(['k3'])
    expect(filterContracts(list, { query: '아우구', status: 'SIGNED' })).toEqual([])
  })
})

describe('contract export', () => {
  const t = ((key: string): string => `[${key}]`) as unknown as TFunction
  it('labels the status, writes the amount as won and lists the linked projects', () => {
    const rows = contractExportRows(
      [
        contract({
          projects: [
            { id: 'p1', code: 'PJ-1', name: '리더십 1기' },
            { id: 'p2', code: 'PJ-2', name: '리더십 2기' },
          ],
        }),
      ],
      t,
    )
    expect(rows[0]).toMatchObject({ status: '[contracts.statuses.DRAFT]', amount: 48_000_000, projects: 'PJ-1 리더십 1기; PJ-2 리더십 2기' })
    const columns = contractExportColumns(t)
    expect(columns.find((c) => c.key === 'amount')?.kind).toBe('won')
    expect(columns.map((c) => c.key)).toEqual(Object.keys(rows[0]!))
  })
})

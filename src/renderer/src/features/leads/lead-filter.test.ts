import { describe, expect, it } from 'vitest'
import { type LeadSummary } from '../../../../shared/ipc/sales-types'
import { filterLeads } from './lead-filter'

const lead = (code: string, companyName: string, contactName: string | null): LeadSummary => ({
  id: code,
  code,
  companyName,
  contactName,
  status: 'NEW',
  source: null,
  bant: { budget: false, authority: false, need: false, timeline: false },
  bantScore: 0,
  assignedToName: null,
  assignmentPending: false,
  createdAt: '2026-11-25T00:00:00.000Z',
})

const leads = [lead('L-1', '(주)한빛교육', '홍길동'), lead('L-2', '대한상사', '김서연'), lead('L-3', 'ＡＢＣ컨설팅', null)]
const codes = (query: string) => filterLeads(leads, query).map((l) => l.code)

describe('filterLeads', () => {
  it('finds 1- and 2-character words, 초성 and codes; an empty box shows everything', () => {
    expect(codes('')).toEqual(['L-1', 'L-2', 'L-3'])
    expect(codes('한')).toEqual(['L-1', 'L-2'])
    expect(codes('서연')).toEqual(['L-2'])
    expect(codes('ㅎㄱㄷ')).toEqual(['L-1'])
    expect(codes('l-3')).toEqual(['L-3'])
  })

  it('compares full-width letters and ㈜ like their plain forms', () => {
    expect(codes('abc')).toEqual(['L-3'])
    expect(codes('㈜한빛')).toEqual(['L-1'])
  })
})

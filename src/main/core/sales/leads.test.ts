import { isGeneratedRecordCode } from '../../../shared/ids/record-code'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { leadConversionSchema, leadCreateSchema, leadEditSchema } from '../../../shared/model/validation/sales'
import { countRows, createTempDir, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { SalesRuleError } from './rules'
import { createLeadsRepo, type LeadsRepo } from './leads'
import { openRepoTestDevice, type RepoTestDevice } from '../../../../test/support/device/repos'

const CONSULTANT = { id: testId(0xa1), tier: 'OPERATOR' } as const
const MANAGER = { id: testId(0xa2), tier: 'MANAGER' } as const

describe('leads repository (real SQLite)', () => {
  let dir: TempDir
  let device: RepoTestDevice
  let leads: LeadsRepo

  beforeEach(() => {
    dir = createTempDir()
    device = openRepoTestDevice(dir.file('leads.sqlite'))
    device.addUser({ id: CONSULTANT.id, lastName: '김', firstName: '민준' })
    device.addUser({ id: MANAGER.id, lastName: '이', firstName: '서연', tier: 'MANAGER' })
    // The manager leads the consultant's team: approving an assignment to a team member is the manager's to do
    // (src/shared/domain/assignment.ts).
    device.sqlite.prepare(`INSERT INTO teams (id, code, name, team_lead_id) VALUES (?, 'T1', '영업1팀', ?)`).run(testId(0xb1), MANAGER.id)
    device.sqlite.prepare(`INSERT INTO team_members (id, team_id, user_id) VALUES (?, ?, ?)`).run(testId(0xb2), testId(0xb1), CONSULTANT.id)
    device.signInAs(CONSULTANT)
    leads = createLeadsRepo(device)
  })
  afterEach(() => {
    device.close()
    dir.remove()
  })

  const create = (companyName: string, bant = {}) =>
    leads.create(
      leadCreateSchema.parse({ companyName, contactName: '박지훈', bant: { budget: false, authority: false, need: false, timeline: false, ...bant } }),
    )

  it('creates a lead offline with an outbox entry, and computes the BANT score without storing it', () => {
    const lead = create('한빛제약', { budget: true, need: true })
    expect(lead).toMatchObject({ companyName: '한빛제약', status: 'NEW', bantScore: 50, bant: { budget: true, need: true } })
    expect(lead.code).toSatisfy((code: string) => isGeneratedRecordCode('leads', code))
    expect(device.outbox.pendingBatch(10).map((e) => e.table)).toEqual(['leads'])
    // The stored column stays at its default: the score is derived on every read.
    expect(device.sqlite.prepare('SELECT score FROM leads WHERE id = ?').get(lead.id)).toEqual({ score: 0 })

    const edited = leads.update(
      leadEditSchema.parse({
        id: lead.id,
        companyName: '한빛제약',
        contactName: '박지훈',
        status: 'QUALIFIED',
        bant: { budget: true, authority: true, need: true, timeline: true },
      }),
    )
    expect(edited.bantScore).toBe(100)
    // Only the changed fields travel.
    expect(Object.keys(device.outbox.pendingBatch(10)[1]!.fields).sort()).toEqual(['bant_authority', 'bant_timeline', 'status'])
  })

  it('lists by status with a pipeline count for every status, deleted leads excluded', () => {
    const a = create('가나상사')
    create('다라물산')
    const c = create('마바전자')
    leads.update(leadEditSchema.parse({ id: a.id, companyName: '가나상사', status: 'CONTACTED', bant: a.bant }))
    device.writer.remove('leads', c.id)

    const all = leads.list()
    expect(all.leads.map((l) => l.companyName).sort()).toEqual(['가나상사', '다라물산'])
    expect(all.pipeline).toEqual([
      { status: 'NEW', count: 1 },
      { status: 'CONTACTED', count: 1 },
      { status: 'QUALIFIED', count: 0 },
      { status: 'UNQUALIFIED', count: 0 },
      { status: 'CONVERTED', count: 0 },
    ])
    expect(leads.list({ status: 'CONTACTED' }).leads.map((l) => l.id)).toEqual([a.id])
  })

  it('files an assignment request offline as PENDING; only a manager may decide it', () => {
    const lead = create('사아건설')
    const requested = leads.requestAssignment({ leadId: lead.id, assignedTo: CONSULTANT.id, reason: '지역 담당' })
    expect(requested.assignmentPending).toBe(true)
    expect(requested.assignments).toMatchObject([{ status: 'PENDING', assignedToName: '김민준', requestedByName: '김민준', reason: '지역 담당' }])
    const assignmentId = requested.assignments[0]!.id

    expect(() => leads.decideAssignment({ assignmentId, approve: true, rejectionReason: null })).toThrow(SalesRuleError)
    expect(countRows(device.sqlite, 'lead_assignments', "status = 'PENDING'")).toBe(1)

    device.signInAs(MANAGER)
    const approved = leads.decideAssignment({ assignmentId, approve: true, rejectionReason: null })
    expect(approved).toMatchObject({ assignedTo: CONSULTANT.id, assignedToName: '김민준', assignmentPending: false })
    expect(approved.assignments[0]).toMatchObject({ status: 'APPROVED', approvedByName: '이서연' })
    expect(() => leads.decideAssignment({ assignmentId, approve: false, rejectionReason: '중복' })).toThrow(/APPROVED/)
  })

  it('converts into company + head office + contact + opportunity in one transaction and links the lead', () => {
    const lead = create('푸른바이오', { budget: true })
    const before = device.outbox.pendingCount()
    const result = leads.convert(
      leadConversionSchema.parse({
        leadId: lead.id,
        companyName: '(주)푸른바이오',
        contact: { lastName: '박', firstName: '지훈', phone: '010-2222-3333' },
        opportunityTitle: '팀장 리더십 과정',
        amount: 24_000_000,
        expectedCloseDate: '2026-12-20',
      }),
    )
    const row = (table: string, id: string | null) => device.sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>
    expect(row('companies', result.companyId)).toMatchObject({ name: '(주)푸른바이오', account_manager_id: CONSULTANT.id })
    expect(row('branches', result.branchId)).toMatchObject({ company_id: result.companyId, name: '본사', branch_type: 'HEADQUARTERS', is_primary: 1 })
    expect(row('contacts', result.contactId)).toMatchObject({ branch_id: result.branchId, last_name: '박', first_name: '지훈', mobile: '01022223333' })
    expect(row('opportunities', result.opportunityId)).toMatchObject({
      company_id: result.companyId,
      contact_id: result.contactId,
      stage: 'QUALIFYING',
      probability: 10,
      amount: 24_000_000,
    })
    expect(countRows(device.sqlite, 'opportunity_stage_history', `opportunity_id = '${result.opportunityId}'`)).toBe(1)
    const converted = leads.get(lead.id)
    expect(converted).toMatchObject({ status: 'CONVERTED', convertedToCompanyId: result.companyId, convertedToOpportunityId: result.opportunityId })
    expect(converted.convertedAt).toBe('2026-11-02T01:00:00.000Z')
    // company, branch, contact, opportunity, history, lead: six mutations waiting for the server.
    expect(device.outbox.pendingCount() - before).toBe(6)
    expect(() => leads.convert(leadConversionSchema.parse({ leadId: lead.id, companyName: 'X', opportunityTitle: 'Y' }))).toThrow(SalesRuleError)
  })

  it('assigns a new lead to the person who created it', () => {
    expect(create('새봄상사')).toMatchObject({ assignedTo: CONSULTANT.id, assignedToName: '김민준' })
  })

  it('offers the matching company on convert and converts into it: no second company, the contact joins its head office', () => {
    const companyId = testId(0xc1)
    const branchId = testId(0xc2)
    device.sqlite.prepare(`INSERT INTO companies (id, code, name) VALUES (?, 'C-1', '(주)푸른바이오')`).run(companyId)
    device.sqlite.prepare(`INSERT INTO branches (id, company_id, code, name, is_primary) VALUES (?, ?, 'B-1', '본사', 1)`).run(branchId, companyId)
    const lead = create('푸른바이오')
    expect(leads.companyMatches(lead.id)).toMatchObject([{ id: companyId, name: '(주)푸른바이오', reasons: ['name'] }])
    expect(leads.companyMatches(create('전혀다른회사').id)).toEqual([])

    const companies = countRows(device.sqlite, 'companies')
    const result = leads.convert(
      leadConversionSchema.parse({
        leadId: lead.id,
        existingCompanyId: companyId,
        companyName: '푸른바이오',
        contact: { lastName: '박', firstName: '지훈', phone: '010-2222-3333' },
        opportunityTitle: '신입 교육',
      }),
    )
    expect(result).toMatchObject({ companyId, branchId })
    expect(countRows(device.sqlite, 'companies')).toBe(companies)
    expect(device.sqlite.prepare('SELECT branch_id FROM contacts WHERE id = ?').get(result.contactId)).toEqual({ branch_id: branchId })
    expect(device.sqlite.prepare('SELECT company_id, branch_id FROM opportunities WHERE id = ?').get(result.opportunityId)).toEqual({
      company_id: companyId,
      branch_id: branchId,
    })
    expect(leads.get(lead.id)).toMatchObject({ status: 'CONVERTED', convertedToCompanyId: companyId })
    const gone = create('또다른리드')
    expect(() =>
      leads.convert(leadConversionSchema.parse({ leadId: gone.id, existingCompanyId: testId(0xc9), companyName: 'X', opportunityTitle: 'Y' })),
    ).toThrow(SalesRuleError)
  })

  it('rolls the whole conversion back when any part fails', () => {
    const lead = create('하늘교육')
    device.sqlite.exec("CREATE TRIGGER fail_contacts BEFORE INSERT ON contacts BEGIN SELECT RAISE(ABORT, 'disk says no'); END")
    const before = device.outbox.pendingCount()
    expect(() =>
      leads.convert(
        leadConversionSchema.parse({ leadId: lead.id, companyName: '하늘교육', contact: { lastName: '최', firstName: '유리' }, opportunityTitle: 'CS 교육' }),
      ),
    ).toThrow(/disk says no/)
    expect(countRows(device.sqlite, 'companies')).toBe(0)
    expect(countRows(device.sqlite, 'opportunities')).toBe(0)
    expect(leads.get(lead.id).status).toBe('NEW')
    expect(device.outbox.pendingCount()).toBe(before)
  })
})

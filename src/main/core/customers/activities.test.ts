import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { activityLogSchema, activityUpdateSchema, companyCreateSchema, contactCreateSchema } from '../../../shared/model/validation/customers'
import { openRepoHarness, TEST_USER, type RepoHarness } from '../../../../test/support/device/repos'

let h: RepoHarness
let companyId: string
let contactId: string
beforeEach(async () => {
  h = openRepoHarness()
  const result = h.repos.companies.create(companyCreateSchema.parse({ name: '한빛전자' }), { allowDuplicates: true })
  if (result.status !== 'created') throw new Error('not created')
  companyId = result.id
  const branchId = h.repos.companyPage.get(companyId).branches[0]!.id
  // Distinct timestamps, so the expected history order does not depend on the clock's resolution.
  await new Promise((resolve) => setTimeout(resolve, 5))
  const contact = h.repos.contacts.createContact(contactCreateSchema.parse({ branchId, lastName: '홍', firstName: '길동' }), {
    allowDuplicates: true,
  })
  if (contact.status !== 'created') throw new Error('not created')
  contactId = contact.id
})
afterEach(() => h.close())

describe('activities', () => {
  it('fixes a mistaken log with only the changed fields', () => {
    const id = h.repos.activities.log(activityLogSchema.parse({ entityType: 'COMPANY', entityId: companyId, activityType: 'EMAIL', subject: '견적 문의' }))
    expect(h.repos.activities.update(id, activityUpdateSchema.parse({ activityType: 'CALL' }))).toBe(true)
    expect(h.repos.activities.timeline('COMPANY', companyId, 10)[0]).toMatchObject({ key: id, activityType: 'CALL', subject: '견적 문의' })
    const last = h.sqlite.prepare('SELECT fields FROM outbox ORDER BY seq DESC LIMIT 1').get() as { fields: string }
    expect(JSON.parse(last.fields)).toEqual({ activity_type: 'CALL' })
    expect(activityUpdateSchema.safeParse({ subject: ' ' }).success).toBe(false)
    expect(() => h.repos.activities.update('0190a000-0000-7000-8000-00000000ffff', { subject: 'x' })).toThrow(/No activity/)
  })

  it('logs an activity through the writer (pending for sync) and shows it first on the timeline', async () => {
    const before = h.writer.pendingCount()
    await new Promise((resolve) => setTimeout(resolve, 5))
    h.repos.activities.log(activityLogSchema.parse({ entityType: 'CONTACT', entityId: contactId, activityType: 'KAKAO', subject: '교육 일정 안내 보냄' }))
    expect(h.writer.pendingCount()).toBe(before + 1)
    const timeline = h.repos.activities.timeline('COMPANY', companyId, 50)
    expect(timeline[0]).toMatchObject({
      kind: 'activity',
      activityType: 'KAKAO',
      subject: '교육 일정 안내 보냄',
      entityType: 'CONTACT',
      entityLabel: '홍길동',
      actorName: '김민준',
    })
  })

  it('merges record history: who created and who edited the company and its contacts', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5))
    h.repos.companies.update(companyId, { tier: 'VIP' })
    const timeline = h.repos.activities.timeline('COMPANY', companyId, 50)
    expect(timeline.map((e) => [e.kind, e.entityLabel])).toEqual([
      ['updated', '한빛전자'],
      ['created', '홍길동'],
      ['created', '한빛전자'],
    ])
    expect(timeline.every((e) => e.actorName === `${TEST_USER.lastName}${TEST_USER.firstName}`)).toBe(true)
  })

  it('refuses an activity about a record that is not on the device', () => {
    expect(() =>
      h.repos.activities.log(
        activityLogSchema.parse({ entityType: 'COMPANY', entityId: '0190a000-0000-7000-8000-00000000ffff', activityType: 'NOTE', subject: 'x' }),
      ),
    ).toThrow(/No COMPANY/)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addTeamMember,
  branchFields,
  companyFields,
  contactFields,
  createTeam,
  newId,
  opportunityFields,
  signedInDevice,
  startSyncTestEnv,
  type SyncTestEnv,
  type TestDevice,
} from '../../test/support/sync-kit'

let env: SyncTestEnv
beforeAll(async () => {
  env = await startSyncTestEnv()
})
afterAll(async () => {
  await env?.close()
})

const answers = (body: { results: { status: string; reason?: string }[] }): string[] => body.results.map((r) => r.reason ?? r.status)
const hidden = (column: string, table: string): string => `${column}: the referenced ${table} row does not exist or is not in your scope`
const ids = (device: TestDevice, table: string): string[] => [...(device.replica.get(table)?.keys() ?? [])].sort()

/** A company with a branch and a contact, managed by `owner` (pushed by `by`, default the owner). */
async function companyTree(owner: TestDevice, by: TestDevice = owner): Promise<{ company: string; branch: string; contact: string }> {
  const tree = { company: newId(), branch: newId(), contact: newId() }
  const { body } = await by.push([
    by.mutation({ table: 'companies', id: tree.company, fields: companyFields(owner.userId) }),
    by.mutation({ table: 'branches', id: tree.branch, fields: branchFields(tree.company) }),
    by.mutation({ table: 'contacts', id: tree.contact, fields: contactFields(tree.branch) }),
  ])
  expect(answers(body)).toEqual(['applied', 'applied', 'applied'])
  return tree
}

function meetingFields(organizerId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: `M-${newId().slice(-12)}`,
    title: '제안 회의',
    target: 'CUSTOMER',
    type: 'PROPOSAL',
    date: '2026-03-02',
    start_time: '10:00',
    end_time: '11:00',
    organizer_id: organizerId,
    ...extra,
  }
}

describe('push: foreign keys may only point at rows the writer can see', () => {
  it('rejects an opportunity on a company out of scope: nothing changes and the company does not enter scope', async () => {
    const owner = await signedInDevice(env)
    const seller = await signedInDevice(env)
    const theirs = await companyTree(owner)
    await seller.sync()

    const opportunity = newId()
    const meeting = newId()
    const activity = newId()
    const next = newId()
    const { body } = await seller.push([
      seller.mutation({ table: 'opportunities', id: opportunity, fields: opportunityFields(theirs.company, seller.userId) }),
      seller.mutation({ table: 'meetings', id: meeting, fields: meetingFields(seller.userId, { company_id: theirs.company }) }),
      seller.mutation({ table: 'activities', id: activity, fields: { entity_type: 'CONTACT', entity_id: theirs.contact, activity_type: 'CALL' } }),
      // A rejected mutation does not stop the ones after it.
      seller.mutation({ table: 'companies', id: next, fields: companyFields(seller.userId) }),
    ])
    expect(answers(body)).toEqual([hidden('company_id', 'companies'), hidden('company_id', 'companies'), hidden('entity_id', 'contacts'), 'applied'])

    const { rows } = await env.pool.query(
      `SELECT (SELECT count(*) FROM opportunities WHERE id = $1)::int + (SELECT count(*) FROM meetings WHERE id = $2)::int
            + (SELECT count(*) FROM activities WHERE id = $3)::int AS n,
              (SELECT count(*) FROM audit_logs WHERE row_id = ANY($4))::int AS audited,
              (SELECT count(*) FROM change_log WHERE audience_user_id = $5 AND row_id = ANY($6))::int AS entries`,
      [opportunity, meeting, activity, [opportunity, meeting, activity], seller.userId, Object.values(theirs)],
    )
    expect(rows[0]).toEqual({ n: 0, audited: 0, entries: 0 })
    await seller.sync()
    expect(ids(seller, 'companies')).toEqual([next])
    expect(ids(seller, 'branches')).toEqual([])
    expect(ids(seller, 'contacts')).toEqual([])
    expect(ids(seller, 'opportunities')).toEqual([])
  })

  it('applies references to rows in scope, and to rows created earlier in the same push', async () => {
    const seller = await signedInDevice(env)
    const mine = await companyTree(seller)
    const opportunity = newId()
    const company = newId()
    const branch = newId()
    const contact = newId()
    const activity = newId()
    const { body } = await seller.push([
      seller.mutation({ table: 'opportunities', id: opportunity, fields: opportunityFields(mine.company, seller.userId, { contact_id: mine.contact }) }),
      seller.mutation({ table: 'companies', id: company, fields: companyFields(seller.userId) }),
      seller.mutation({ table: 'branches', id: branch, fields: branchFields(company) }),
      seller.mutation({ table: 'contacts', id: contact, fields: contactFields(branch) }),
      seller.mutation({
        table: 'meetings',
        id: newId(),
        fields: meetingFields(seller.userId, { company_id: company, branch_id: branch, opportunity_id: opportunity }),
      }),
      seller.mutation({ table: 'activities', id: activity, fields: { entity_type: 'COMPANY', entity_id: company, activity_type: 'NOTE' } }),
      seller.mutation({ table: 'opportunities', id: opportunity, fields: { company_id: company, contact_id: contact } }),
    ])
    expect(answers(body)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied', 'applied', 'applied'])
    const { rows } = await env.pool.query(`SELECT company_id, contact_id FROM opportunities WHERE id = $1`, [opportunity])
    expect(rows[0]).toEqual({ company_id: company, contact_id: contact })
  })

  it('checks edits too: moving an opportunity or an activity to a row out of scope is rejected', async () => {
    const owner = await signedInDevice(env)
    const seller = await signedInDevice(env)
    const theirs = await companyTree(owner)
    const mine = await companyTree(seller)
    const opportunity = newId()
    const activity = newId()
    expect(
      answers(
        (
          await seller.push([
            seller.mutation({ table: 'opportunities', id: opportunity, fields: opportunityFields(mine.company, seller.userId) }),
            seller.mutation({ table: 'activities', id: activity, fields: { entity_type: 'COMPANY', entity_id: mine.company, activity_type: 'CALL' } }),
          ])
        ).body,
      ),
    ).toEqual(['applied', 'applied'])

    const { body } = await seller.push([
      seller.mutation({ table: 'opportunities', id: opportunity, fields: { company_id: theirs.company } }),
      seller.mutation({ table: 'opportunities', id: opportunity, fields: { contact_id: theirs.contact, title: '바뀐 제목' } }),
      seller.mutation({ table: 'activities', id: activity, fields: { entity_id: theirs.company } }),
      seller.mutation({ table: 'activities', id: activity, fields: { entity_type: 'CONTACT', entity_id: theirs.contact } }),
      // Re-sending the value the row already holds sets nothing new.
      seller.mutation({ table: 'opportunities', id: opportunity, fields: { company_id: mine.company, title: '그대로' } }),
    ])
    expect(answers(body)).toEqual([
      hidden('company_id', 'companies'),
      hidden('contact_id', 'contacts'),
      hidden('entity_id', 'companies'),
      hidden('entity_id', 'contacts'),
      'applied',
    ])
    const { rows } = await env.pool.query(`SELECT company_id, contact_id, title FROM opportunities WHERE id = $1`, [opportunity])
    expect(rows[0]).toEqual({ company_id: mine.company, contact_id: null, title: '그대로' })
    const { rows: act } = await env.pool.query(`SELECT entity_type, entity_id FROM activities WHERE id = $1`, [activity])
    expect(act[0]).toEqual({ entity_type: 'COMPANY', entity_id: mine.company })
  })

  it('keeps a reference the row already holds, even to a row the editor cannot see', async () => {
    const exec = await signedInDevice(env, 'EXECUTIVE')
    const organizer = await signedInDevice(env)
    const colleague = await signedInDevice(env)
    const mine = await companyTree(organizer)
    const theirs = await companyTree(colleague)
    const colleagueOpportunity = newId()
    const otherOpportunity = newId()
    const meeting = newId()
    expect(
      answers(
        (
          await exec.push([
            exec.mutation({ table: 'opportunities', id: colleagueOpportunity, fields: opportunityFields(mine.company, colleague.userId) }),
            exec.mutation({ table: 'opportunities', id: otherOpportunity, fields: opportunityFields(theirs.company, colleague.userId) }),
            // The executive may reference anything (no check): the organizer's meeting points at the colleague's opportunity.
            exec.mutation({
              table: 'meetings',
              id: meeting,
              fields: meetingFields(organizer.userId, { company_id: mine.company, opportunity_id: colleagueOpportunity }),
            }),
          ])
        ).body,
      ),
    ).toEqual(['applied', 'applied', 'applied'])

    const { body } = await organizer.push([
      organizer.mutation({ table: 'meetings', id: meeting, fields: { title: '일정 변경', opportunity_id: colleagueOpportunity } }),
      organizer.mutation({ table: 'meetings', id: meeting, fields: { opportunity_id: otherOpportunity } }),
    ])
    expect(answers(body)).toEqual(['applied', hidden('opportunity_id', 'opportunities')])
  })

  it('lets a manager reference a team member’s company, and refuses one bad reference among many (bulk path)', async () => {
    const manager = await signedInDevice(env, 'MANAGER')
    const member = await signedInDevice(env)
    const outsider = await signedInDevice(env)
    const team = await createTeam(env.pool)
    await addTeamMember(env.pool, team, manager.userId)
    await addTeamMember(env.pool, team, member.userId)
    const theirs = await companyTree(member)
    const foreign = await companyTree(outsider)

    const mutations = Array.from({ length: 40 }, (_, i) =>
      manager.mutation({
        table: 'opportunities',
        id: newId(),
        fields: opportunityFields(i === 23 ? foreign.company : theirs.company, i % 2 === 0 ? manager.userId : member.userId),
      }),
    )
    const { body } = await manager.push(mutations)
    expect(answers(body)).toEqual(mutations.map((_, i) => (i === 23 ? hidden('company_id', 'companies') : 'applied')))
    const { rows } = await env.pool.query(`SELECT count(*)::int AS n FROM opportunities WHERE company_id = ANY($1)`, [[theirs.company, foreign.company]])
    expect(rows[0].n).toBe(39)
    await manager.sync()
    expect(ids(manager, 'companies')).toEqual([theirs.company])
  })

  it('does not check an executive', async () => {
    const exec = await signedInDevice(env, 'EXECUTIVE')
    const owner = await signedInDevice(env)
    const theirs = await companyTree(owner)
    const { body } = await exec.push([exec.mutation({ table: 'opportunities', id: newId(), fields: opportunityFields(theirs.company, exec.userId) })])
    expect(answers(body)).toEqual(['applied'])
  })
})

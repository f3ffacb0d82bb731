import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readSse, type SseReader } from '../../test/support'
import {
  addTeamMember,
  branchFields,
  companyFields,
  contactFields,
  createTeam,
  newId,
  opportunityFields,
  signedInDevice,
  pushApplied,
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

/** A company with one branch and one contact, created by `owner` and managed by them. */
async function companyTree(owner: TestDevice): Promise<{ company: string; branch: string; contact: string }> {
  const company = newId()
  const branch = newId()
  const contact = newId()
  await pushApplied(owner, [
    owner.mutation({ table: 'companies', id: company, fields: companyFields(owner.userId) }),
    owner.mutation({ table: 'branches', id: branch, fields: branchFields(company) }),
    owner.mutation({ table: 'contacts', id: contact, fields: contactFields(branch) }),
  ])
  return { company, branch, contact }
}

const ids = (device: TestDevice, table: string): string[] => [...(device.replica.get(table)?.keys() ?? [])].sort()

describe('scopes', () => {
  it('operator sees only their rows, manager their team, executive everything; reference data goes to all', async () => {
    const manager = await signedInDevice(env, 'MANAGER')
    const teammate = await signedInDevice(env)
    const outsider = await signedInDevice(env)
    const exec = await signedInDevice(env, 'EXECUTIVE')
    const team = await createTeam(env.pool)
    await addTeamMember(env.pool, team, manager.userId)
    await addTeamMember(env.pool, team, teammate.userId)

    const mine = await companyTree(teammate)
    const theirs = await companyTree(outsider)
    for (const device of [manager, teammate, outsider, exec]) await device.sync()

    expect(ids(teammate, 'companies')).toEqual([mine.company])
    expect(ids(teammate, 'contacts')).toEqual([mine.contact])
    expect(ids(outsider, 'companies')).toEqual([theirs.company])
    expect(ids(manager, 'companies')).toEqual([mine.company])
    expect(ids(manager, 'branches')).toEqual([mine.branch])
    expect(ids(exec, 'companies')).toEqual(expect.arrayContaining([mine.company, theirs.company]))
    // Reference data: every user's directory holds everyone (and never a secret column).
    for (const device of [manager, teammate, outsider]) {
      expect(ids(device, 'users')).toEqual(expect.arrayContaining([manager.userId, teammate.userId, outsider.userId, exec.userId]))
      expect(ids(device, 'teams')).toContain(team)
    }
  })

  it('a reassigned company leaves the old owner with its branches and contacts and enters the new owner', async () => {
    const manager = await signedInDevice(env, 'MANAGER')
    const from = await signedInDevice(env)
    const to = await signedInDevice(env)
    const bystander = await signedInDevice(env)
    const team = await createTeam(env.pool)
    for (const device of [manager, from, to]) await addTeamMember(env.pool, team, device.userId)
    const tree = await companyTree(from)
    for (const device of [from, to, bystander]) await device.sync()
    expect(ids(from, 'contacts')).toEqual([tree.contact])
    expect(ids(to, 'companies')).toEqual([])

    // Someone who does not own it may not take it (the owner may hand it over: ownership.test.ts)…
    const refused = await to.push([to.mutation({ table: 'companies', id: tree.company, fields: { account_manager_id: to.userId } })])
    expect(refused.body.results[0]!.status).toBe('rejected')

    // …their manager may reassign it. The pokes go to both owners and the manager, not to a bystander.
    const streams = await Promise.all([from, to, bystander].map((device) => readSse(`${env.server.url}/v1/sync/events`, device.headers)))
    const [fromStream, toStream, bystanderStream] = streams as [SseReader, SseReader, SseReader]
    try {
      await Promise.all(streams.map((stream) => stream.next('ready')))
      await manager.sync()
      await pushApplied(manager, [manager.mutation({ table: 'companies', id: tree.company, fields: { account_manager_id: to.userId } })])
      await Promise.all([fromStream.next('poke'), toStream.next('poke')])
      // One instance delivers to all its streams in one pass: had the bystander been in the audience, it would be poked.
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(bystanderStream.events.filter((e) => e.event === 'poke')).toEqual([])
    } finally {
      for (const stream of streams) stream.close()
    }

    const fromPages = await from.sync()
    const removed = fromPages.flatMap((p) => p.removed)
    expect(removed).toEqual(
      expect.arrayContaining([
        { table: 'companies', id: tree.company },
        { table: 'branches', id: tree.branch },
        { table: 'contacts', id: tree.contact },
      ]),
    )
    expect(ids(from, 'companies')).toEqual([])
    expect(ids(from, 'contacts')).toEqual([])

    await to.sync()
    expect(ids(to, 'companies')).toEqual([tree.company])
    expect(ids(to, 'branches')).toEqual([tree.branch])
    expect(ids(to, 'contacts')).toEqual([tree.contact])
    expect(to.row('companies', tree.company)?.account_manager_id).toBe(to.userId)
    const { rows } = await env.pool.query(`SELECT audience_user_id, kind, table_name FROM change_log WHERE audience_user_id IS NOT NULL AND row_id = ANY($1)`, [
      [tree.company, tree.branch, tree.contact],
    ])
    // One leave entry per row that left (the refused push above added one more for the company: "refresh what I refused").
    const left = rows.filter((r) => r.audience_user_id === from.userId && r.kind === 'leave').map((r) => r.table_name)
    expect(new Set(left)).toEqual(new Set(['companies', 'branches', 'contacts']))
    expect(rows.filter((r) => r.audience_user_id === to.userId && r.kind === 'enter')).toHaveLength(3)
    await bystander.sync()
    expect(ids(bystander, 'companies')).toEqual([])
  })

  it('an opportunity, a project role and a meeting invitation bring their company (and rows) into scope', async () => {
    const exec = await signedInDevice(env, 'EXECUTIVE')
    const seller = await signedInDevice(env)
    const coordinator = await signedInDevice(env)
    const guest = await signedInDevice(env)
    const tree = await companyTree(exec)
    for (const device of [seller, coordinator, guest]) await device.sync()
    expect(ids(seller, 'companies')).toEqual([])

    const opportunity = newId()
    const project = newId()
    const session = newId()
    const meeting = newId()
    const participant = newId()
    const agenda = newId()
    await pushApplied(exec, [
      exec.mutation({ table: 'opportunities', id: opportunity, fields: opportunityFields(tree.company, seller.userId) }),
      exec.mutation({
        table: 'projects',
        id: project,
        fields: { code: `P-${project.slice(-6)}`, name: '신입사원 교육', company_id: tree.company, coordinator_id: coordinator.userId },
      }),
      exec.mutation({
        table: 'training_sessions',
        id: session,
        fields: { project_id: project, session_number: 1, start_date: '2026-03-02', end_date: '2026-03-03' },
      }),
      exec.mutation({
        table: 'meetings',
        id: meeting,
        fields: {
          code: `M-${meeting.slice(-6)}`,
          title: '제안',
          target: 'INTERNAL',
          type: 'TEAM',
          date: '2026-03-01',
          start_time: '10:00',
          end_time: '11:00',
          organizer_id: exec.userId,
        },
      }),
      exec.mutation({ table: 'meeting_agenda', id: agenda, fields: { meeting_id: meeting, sequence: 1, topic: '일정' } }),
    ])
    await seller.sync()
    expect(ids(seller, 'opportunities')).toEqual([opportunity])
    expect(ids(seller, 'companies')).toEqual([tree.company])
    expect(ids(seller, 'contacts')).toEqual([tree.contact])
    await coordinator.sync()
    expect(ids(coordinator, 'projects')).toEqual([project])
    expect(ids(coordinator, 'training_sessions')).toEqual([session])
    expect(ids(coordinator, 'companies')).toEqual([tree.company])
    await guest.sync()
    expect(ids(guest, 'meetings')).toEqual([])

    // Inviting the guest later: the meeting and its agenda enter the guest's scope without changing themselves.
    await pushApplied(exec, [
      exec.mutation({ table: 'meeting_participants', id: participant, fields: { meeting_id: meeting, participant_type: 'INTERNAL', user_id: guest.userId } }),
    ])
    await guest.sync()
    expect(ids(guest, 'meetings')).toEqual([meeting])
    expect(ids(guest, 'meeting_agenda')).toEqual([agenda])

    // Un-inviting removes them again.
    await pushApplied(exec, [exec.mutation({ table: 'meeting_participants', id: participant, op: 'delete' })])
    const pages = await guest.sync()
    expect(pages.flatMap((p) => p.removed)).toEqual(
      expect.arrayContaining([
        { table: 'meetings', id: meeting },
        { table: 'meeting_agenda', id: agenda },
      ]),
    )
    expect(ids(guest, 'meetings')).toEqual([])
  })

  it('a new team member brings their rows to the manager (principals change)', async () => {
    const manager = await signedInDevice(env, 'MANAGER')
    const exec = await signedInDevice(env, 'EXECUTIVE')
    const newcomer = await signedInDevice(env)
    const team = await createTeam(env.pool)
    await addTeamMember(env.pool, team, manager.userId)
    const tree = await companyTree(newcomer)
    await manager.sync()
    expect(ids(manager, 'companies')).toEqual([])
    await pushApplied(exec, [exec.mutation({ table: 'team_members', id: newId(), fields: { team_id: team, user_id: newcomer.userId } })])
    await manager.sync()
    expect(ids(manager, 'companies')).toEqual([tree.company])
    expect(ids(manager, 'contacts')).toEqual([tree.contact])
  })

  it('lead assignments are approved by managers, not operators', async () => {
    const manager = await signedInDevice(env, 'MANAGER')
    const operator = await signedInDevice(env)
    const team = await createTeam(env.pool)
    await addTeamMember(env.pool, team, manager.userId)
    await addTeamMember(env.pool, team, operator.userId)
    const lead = newId()
    const assignment = newId()
    await pushApplied(operator, [
      operator.mutation({ table: 'leads', id: lead, fields: { code: `L-${lead.slice(-6)}`, company_name: '한빛상사', assigned_to: operator.userId } }),
      operator.mutation({ table: 'lead_assignments', id: assignment, fields: { lead_id: lead, assigned_from: operator.userId, assigned_to: operator.userId } }),
    ])
    const denied = await operator.push([operator.mutation({ table: 'lead_assignments', id: assignment, fields: { status: 'APPROVED' } })])
    expect(denied.body.results[0]!.reason).toMatch(/needs a manager/)
    await manager.sync()
    await pushApplied(manager, [
      manager.mutation({
        table: 'lead_assignments',
        id: assignment,
        fields: { status: 'APPROVED', approved_by: manager.userId, approved_at: new Date().toISOString() },
      }),
    ])
  })
})

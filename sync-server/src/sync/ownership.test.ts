/**
 * Nobody takes what is not theirs (issue 12): writing an owner column is an assign action
 * (src/shared/domain/assignment.ts). Before the rule, an operator who only attended another operator's meeting took
 * the company and the meeting by writing themselves into account_manager_id / organizer_id, and the owner's next
 * pull removed both; the same worked for project_manager_id through a project team membership.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addTeamMember, companyFields, createTeam, newId, signedInDevice, startSyncTestEnv, type SyncTestEnv } from '../../test/support/sync-kit'

let env: SyncTestEnv

beforeAll(async () => {
  env = await startSyncTestEnv()
})
afterAll(async () => {
  await env?.close()
})

const answers = (body: { results: { status: string; reason_code?: string }[] }): string[] => body.results.map((r) => r.reason_code ?? r.status)

async function owner(table: string, id: string, column: string): Promise<string> {
  const { rows } = await env.pool.query(`SELECT ${column} AS v FROM ${table} WHERE id = $1`, [id])
  return rows[0].v
}

function meetingFields(organizer: string, company: string): Record<string, unknown> {
  return {
    code: `M-${newId().slice(-8)}`,
    title: '제안 미팅',
    target: 'CUSTOMER',
    type: 'PROPOSAL',
    date: '2026-03-01',
    start_time: '10:00',
    end_time: '11:00',
    organizer_id: organizer,
    company_id: company,
  }
}

describe('owner columns: only the owner, their manager or an executive assigns', () => {
  it('refuses a takeover through a meeting the attacker only attends; the owner keeps company, meeting and participant', async () => {
    const victim = await signedInDevice(env)
    const attacker = await signedInDevice(env)
    const company = newId()
    const meeting = newId()
    const participant = newId()
    const setup = await victim.push([
      victim.mutation({ table: 'companies', id: company, fields: companyFields(victim.userId) }),
      victim.mutation({ table: 'meetings', id: meeting, fields: meetingFields(victim.userId, company) }),
      victim.mutation({
        table: 'meeting_participants',
        id: participant,
        fields: { meeting_id: meeting, participant_type: 'INTERNAL', user_id: attacker.userId },
      }),
    ])
    expect(answers(setup.body)).toEqual(['applied', 'applied', 'applied'])
    await attacker.sync()
    expect(attacker.replica.get('companies')?.has(company)).toBe(true)

    const { body } = await attacker.push([
      attacker.mutation({ table: 'companies', id: company, fields: { account_manager_id: attacker.userId } }),
      attacker.mutation({ table: 'meetings', id: meeting, fields: { organizer_id: attacker.userId } }),
      // Editing what one may edit still works.
      attacker.mutation({ table: 'meetings', id: meeting, fields: { description: '참석자 메모' } }),
    ])
    expect(answers(body)).toEqual(['assign_not_allowed', 'assign_not_allowed', 'applied'])
    expect(body.results[0]!.reason).toMatch(/account_manager_id/)
    expect(await owner('companies', company, 'account_manager_id')).toBe(victim.userId)
    expect(await owner('meetings', meeting, 'organizer_id')).toBe(victim.userId)
    await victim.sync()
    expect(victim.replica.get('companies')?.has(company)).toBe(true)
    expect(victim.replica.get('meetings')?.has(meeting)).toBe(true)
    expect(victim.replica.get('meeting_participants')?.has(participant)).toBe(true)
  })

  it('refuses a takeover of project_manager_id through a project team membership', async () => {
    const exec = await signedInDevice(env, 'EXECUTIVE')
    const pm = await signedInDevice(env)
    const member = await signedInDevice(env)
    const company = newId()
    const project = newId()
    const setup = await exec.push([
      exec.mutation({ table: 'companies', id: company, fields: companyFields(pm.userId) }),
      exec.mutation({
        table: 'projects',
        id: project,
        fields: { code: `P-${project.slice(-8)}`, name: '리더십 과정', company_id: company, project_manager_id: pm.userId },
      }),
      exec.mutation({ table: 'project_team_members', id: newId(), fields: { project_id: project, user_id: member.userId } }),
    ])
    expect(answers(setup.body)).toEqual(['applied', 'applied', 'applied'])
    const { body } = await member.push([
      member.mutation({ table: 'projects', id: project, fields: { project_manager_id: member.userId } }),
      member.mutation({ table: 'projects', id: project, fields: { coordinator_id: member.userId } }),
      member.mutation({ table: 'projects', id: project, fields: { progress: 40 } }),
    ])
    expect(answers(body)).toEqual(['assign_not_allowed', 'assign_not_allowed', 'applied'])
    expect(await owner('projects', project, 'project_manager_id')).toBe(pm.userId)
    // The project manager may name the coordinator.
    const named = await pm.push([pm.mutation({ table: 'projects', id: project, fields: { coordinator_id: member.userId } })])
    expect(answers(named.body)).toEqual(['applied'])
  })

  it('lets the owner hand over, a manager reassign within the team, an executive anything; a create is the writer’s', async () => {
    const manager = await signedInDevice(env, 'MANAGER')
    const a = await signedInDevice(env)
    const b = await signedInDevice(env)
    const outsider = await signedInDevice(env)
    const team = await createTeam(env.pool, manager.userId)
    await addTeamMember(env.pool, team, a.userId)
    await addTeamMember(env.pool, team, b.userId)
    const exec = await signedInDevice(env, 'EXECUTIVE')

    const company = newId()
    const created = await a.push([
      a.mutation({ table: 'companies', id: company, fields: companyFields(a.userId) }),
      // An operator cannot create a record owned by someone else.
      a.mutation({ table: 'companies', id: newId(), fields: companyFields(b.userId) }),
    ])
    expect(answers(created.body)).toEqual(['applied', 'assign_not_allowed'])

    // The manager moves it from a to b (both in the team), but not to someone outside the team.
    const reassigned = await manager.push([
      manager.mutation({ table: 'companies', id: company, fields: { account_manager_id: outsider.userId } }),
      manager.mutation({ table: 'companies', id: company, fields: { account_manager_id: b.userId } }),
    ])
    expect(answers(reassigned.body)).toEqual(['assign_not_allowed', 'applied'])
    // The new owner hands it back; an executive gives it to anyone.
    expect(answers((await b.push([b.mutation({ table: 'companies', id: company, fields: { account_manager_id: a.userId } })])).body)).toEqual(['applied'])
    expect(answers((await exec.push([exec.mutation({ table: 'companies', id: company, fields: { account_manager_id: outsider.userId } })])).body)).toEqual([
      'applied',
    ])
    expect(await owner('companies', company, 'account_manager_id')).toBe(outsider.userId)
    // A manager creates for a team member.
    const forTeam = newId()
    expect(answers((await manager.push([manager.mutation({ table: 'companies', id: forTeam, fields: companyFields(a.userId) })])).body)).toEqual(['applied'])
  })
})

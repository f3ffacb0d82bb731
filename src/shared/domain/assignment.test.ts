import { describe, expect, it } from 'vitest'
import { allowedOwners, assignerOf, assignmentRefusal, type Assigner } from './assignment'

const me = 'a0000000-0000-7000-8000-000000000001'
const teammate = 'a0000000-0000-7000-8000-000000000002'
const stranger = 'a0000000-0000-7000-8000-000000000003'
const as = (tier: Assigner['tier'], team: string[] = []): Assigner => ({ userId: me, tier, covers: (id) => [me, ...team].includes(id) })

describe('assignmentRefusal (the owner rule shared by server and device)', () => {
  it('refuses an operator taking a record owned by someone else, and allows other edits', () => {
    expect(assignmentRefusal(as('OPERATOR'), 'companies', { account_manager_id: stranger }, { account_manager_id: me })?.column).toBe('account_manager_id')
    expect(assignmentRefusal(as('OPERATOR'), 'meetings', { organizer_id: stranger }, { organizer_id: me })?.column).toBe('organizer_id')
    expect(assignmentRefusal(as('OPERATOR'), 'companies', { account_manager_id: stranger }, { name: 'x' })).toBeNull()
    expect(assignmentRefusal(as('OPERATOR'), 'companies', { account_manager_id: stranger }, { account_manager_id: stranger })).toBeNull()
  })

  it('lets the owner hand over, the project manager name the coordinator, a manager move within the team, an executive anything', () => {
    expect(assignmentRefusal(as('OPERATOR'), 'companies', { account_manager_id: me }, { account_manager_id: stranger })).toBeNull()
    expect(assignmentRefusal(as('OPERATOR'), 'projects', { project_manager_id: me }, { coordinator_id: stranger })).toBeNull()
    expect(assignmentRefusal(as('OPERATOR'), 'projects', { coordinator_id: me, project_manager_id: stranger }, { project_manager_id: me })?.column).toBe(
      'project_manager_id',
    )
    expect(assignmentRefusal(as('MANAGER', [teammate]), 'leads', { assigned_to: teammate }, { assigned_to: me })).toBeNull()
    expect(assignmentRefusal(as('MANAGER', [teammate]), 'leads', { assigned_to: stranger }, { assigned_to: teammate })?.column).toBe('assigned_to')
    expect(assignmentRefusal(as('EXECUTIVE'), 'leads', { assigned_to: stranger }, { assigned_to: me })).toBeNull()
  })

  it('makes a create the writer’s unless a manager (for the team) or an executive names someone else', () => {
    expect(assignmentRefusal(as('OPERATOR'), 'companies', null, { account_manager_id: me })).toBeNull()
    expect(assignmentRefusal(as('OPERATOR'), 'companies', null, { account_manager_id: stranger })?.column).toBe('account_manager_id')
    expect(assignmentRefusal(as('MANAGER', [teammate]), 'companies', null, { account_manager_id: teammate })).toBeNull()
    expect(assignmentRefusal(as('OPERATOR'), 'projects', null, { project_manager_id: me, operator_id: stranger })).toBeNull()
  })
})

describe('allowedOwners (what an owner picker offers)', () => {
  const people = [null, me, teammate, stranger]
  it('offers an operator only themselves (or no one) on a new record, and keeps someone else’s record as it is', () => {
    expect(allowedOwners(as('OPERATOR'), 'companies', 'account_manager_id', null, {}, people)).toEqual([null, me])
    expect(allowedOwners(as('OPERATOR'), 'companies', 'account_manager_id', { account_manager_id: stranger }, {}, people)).toEqual([stranger])
    // The owner may hand over to anyone.
    expect(allowedOwners(as('OPERATOR'), 'companies', 'account_manager_id', { account_manager_id: me }, {}, people)).toEqual(people)
  })

  it('offers a manager the team, an executive everyone, and a new project’s manager its coordinator', () => {
    const manager = assignerOf({ userId: me, tier: 'MANAGER', covered: [teammate.toUpperCase()] })
    expect(allowedOwners(manager, 'leads', 'assigned_to', { assigned_to: teammate }, {}, people)).toEqual([null, me, teammate])
    expect(allowedOwners(as('EXECUTIVE'), 'leads', 'assigned_to', { assigned_to: me }, {}, people)).toEqual(people)
    expect(allowedOwners(as('OPERATOR'), 'projects', 'coordinator_id', null, { project_manager_id: me, operator_id: stranger }, people)).toEqual(people)
    // An operator cannot make a project someone else's, so nothing it could name beside that would be accepted.
    expect(allowedOwners(as('OPERATOR'), 'projects', 'project_manager_id', null, {}, people)).toEqual([null, me])
    expect(allowedOwners(as('OPERATOR'), 'projects', 'coordinator_id', null, { project_manager_id: stranger }, people)).toEqual([])
  })
})

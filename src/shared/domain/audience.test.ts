import { describe, expect, it } from 'vitest'
import {
  audienceMembers,
  audienceOfTier,
  audiencesOfTier,
  departmentTree,
  ownerMembers,
  teamMembersDuring,
  teamsOfUser,
  type DepartmentNode,
  type TeamLead,
  type TeamMembership,
  type TeamStint,
} from './audience'

describe('audienceOfTier', () => {
  it('OPERATOR sees their own, MANAGER their team, EXECUTIVE the company', () => {
    expect(audienceOfTier('OPERATOR')).toBe('me')
    expect(audienceOfTier('MANAGER')).toBe('team')
    expect(audienceOfTier('EXECUTIVE')).toBe('company')
  })

  it('a tier may choose any audience up to its own, narrowest first', () => {
    expect(audiencesOfTier('OPERATOR')).toEqual(['me'])
    expect(audiencesOfTier('MANAGER')).toEqual(['me', 'team'])
    expect(audiencesOfTier('EXECUTIVE')).toEqual(['me', 'team', 'company'])
  })
})

describe('audienceMembers', () => {
  // Me: lead of T1; member of T2; member of deleted T3; left T4.
  const teams: TeamLead[] = [
    { teamId: 'T1', leadId: 'me', live: true },
    { teamId: 'T2', leadId: 'x', live: true },
    { teamId: 'T3', leadId: 'x', live: false },
    { teamId: 'T4', leadId: 'x', live: true },
    { teamId: 'T5', leadId: 'me', live: false },
  ]
  const memberships: TeamMembership[] = [
    { teamId: 'T1', userId: 'u2', active: true },
    { teamId: 'T1', userId: 'u3', active: false },
    { teamId: 'T2', userId: 'me', active: true },
    { teamId: 'T2', userId: 'u4', active: true },
    { teamId: 'T3', userId: 'me', active: true },
    { teamId: 'T3', userId: 'u5', active: true },
    { teamId: 'T4', userId: 'me', active: false },
    { teamId: 'T4', userId: 'u6', active: true },
    { teamId: 'T5', userId: 'u7', active: true },
  ]
  const members = (audience: 'me' | 'team' | 'company') => audienceMembers({ userId: 'me', audience, memberships, teams })

  it('team: me, active members of live teams I lead or actively belong to — not left members, deleted teams, or teams I left', () => {
    expect([...members('team')!].sort()).toEqual(['me', 'u2', 'u4'])
  })

  it('my teams: live teams I lead or actively belong to', () => {
    expect([...teamsOfUser({ userId: 'me', memberships, teams })].sort()).toEqual(['T1', 'T2'])
    expect([...teamsOfUser({ userId: 'u6', memberships, teams })]).toEqual(['T4'])
    expect([...teamsOfUser({ userId: 'nobody', memberships, teams })]).toEqual([])
  })

  it('me is just the user; company is everyone (null)', () => {
    expect([...members('me')!]).toEqual(['me'])
    expect(members('company')).toBeNull()
  })

  it('a manager in no team still sees their own records', () => {
    expect([...audienceMembers({ userId: 'lonely', audience: 'team', memberships, teams })!]).toEqual(['lonely'])
  })
})

describe('teamMembersDuring', () => {
  // Q4 2026: 2026-10-01 … 2026-12-31.
  const q4 = { start: '2026-10-01', end: '2026-12-31' }
  const stints: TeamStint[] = [
    { teamId: 'T1', userId: 'stayed', joinedOn: '2026-01-01', leftOn: null },
    { teamId: 'T1', userId: 'leftBefore', joinedOn: '2026-01-01', leftOn: '2026-09-30' },
    { teamId: 'T1', userId: 'leftOnFirstDay', joinedOn: '2026-01-01', leftOn: '2026-10-01' },
    { teamId: 'T1', userId: 'joinedOnLastDay', joinedOn: '2026-12-31', leftOn: null },
    { teamId: 'T1', userId: 'joinedAfter', joinedOn: '2027-01-01', leftOn: null },
    { teamId: 'T2', userId: 'otherTeam', joinedOn: '2026-01-01', leftOn: null },
    // Left and came back within the quarter: one person, counted once.
    { teamId: 'T1', userId: 'returned', joinedOn: '2026-01-01', leftOn: '2026-10-10' },
    { teamId: 'T1', userId: 'returned', joinedOn: '2026-11-01', leftOn: null },
  ]

  it('counts whoever was in the team on any day of the period, edges included', () => {
    expect([...teamMembersDuring('T1', stints, q4)].sort()).toEqual(['joinedOnLastDay', 'leftOnFirstDay', 'returned', 'stayed'])
  })
})

describe('departmentTree', () => {
  // HQ ─┬ SALES ─┬ S1
  //     │        └ S2 (deleted) ── S2a
  //     └ HR
  const departments: DepartmentNode[] = [
    { id: 'HQ', parentId: null, live: true },
    { id: 'SALES', parentId: 'HQ', live: true },
    { id: 'S1', parentId: 'SALES', live: true },
    { id: 'S2', parentId: 'SALES', live: false },
    { id: 'S2a', parentId: 'S2', live: true },
    { id: 'HR', parentId: 'HQ', live: true },
  ]

  it('is the department and its live sub-departments, not what hangs below a deleted one', () => {
    expect([...departmentTree('SALES', departments)].sort()).toEqual(['S1', 'SALES'])
    expect([...departmentTree('HQ', departments)].sort()).toEqual(['HQ', 'HR', 'S1', 'SALES'])
    expect([...departmentTree('S1', departments)]).toEqual(['S1'])
  })

  it('ends on a cycle in bad data', () => {
    const cycle: DepartmentNode[] = [
      { id: 'A', parentId: 'B', live: true },
      { id: 'B', parentId: 'A', live: true },
    ]
    expect([...departmentTree('A', cycle)].sort()).toEqual(['A', 'B'])
  })
})

describe('ownerMembers', () => {
  const range = { start: '2026-10-01', end: '2026-12-31' }
  const org = {
    range,
    stints: [
      { teamId: 'T1', userId: 'kim', joinedOn: '2026-01-01', leftOn: null },
      { teamId: 'T1', userId: 'lee', joinedOn: '2026-01-01', leftOn: '2026-06-30' },
    ],
    departments: [
      { id: 'HQ', parentId: null, live: true },
      { id: 'SALES', parentId: 'HQ', live: true },
      { id: 'S1', parentId: 'SALES', live: true },
    ],
    users: [
      { userId: 'kim', departmentId: 'S1' },
      { userId: 'park', departmentId: 'SALES' },
      { userId: 'choi', departmentId: 'HQ' },
      { userId: 'jung', departmentId: null },
    ],
  }
  const of = (type: 'USER' | 'TEAM' | 'DEPARTMENT' | 'COMPANY' | null, id: string | null) => {
    const members = ownerMembers({ owner: { type, id }, ...org })
    return members === null ? null : [...members].sort()
  }

  it('a user stands for themself, a team for its members during the period, a department for its tree', () => {
    expect(of('USER', 'lee')).toEqual(['lee'])
    expect(of('TEAM', 'T1')).toEqual(['kim'])
    expect(of('DEPARTMENT', 'SALES')).toEqual(['kim', 'park'])
    expect(of('DEPARTMENT', 'HQ')).toEqual(['choi', 'kim', 'park'])
  })

  it('the company (or no owner type) is everyone; an owner without an id is nobody', () => {
    expect(of('COMPANY', 'HQ')).toBeNull()
    expect(of(null, null)).toBeNull()
    expect(of('TEAM', null)).toEqual([])
  })
})

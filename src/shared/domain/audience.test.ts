import { describe, expect, it } from 'vitest'
import { audienceMembers, audienceOfTier, type TeamLead, type TeamMembership } from './audience'

describe('audienceOfTier', () => {
  it('OPERATOR sees their own, MANAGER their team, EXECUTIVE the company', () => {
    expect(audienceOfTier('OPERATOR')).toBe('me')
    expect(audienceOfTier('MANAGER')).toBe('team')
    expect(audienceOfTier('EXECUTIVE')).toBe('company')
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

  it('me is just the user; company is everyone (null)', () => {
    expect([...members('me')!]).toEqual(['me'])
    expect(members('company')).toBeNull()
  })

  it('a manager in no team still sees their own records', () => {
    expect([...audienceMembers({ userId: 'lonely', audience: 'team', memberships, teams })!]).toEqual(['lonely'])
  })
})

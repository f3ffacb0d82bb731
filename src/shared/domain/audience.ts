// Whose records a user's dashboards and reports count: the device's mirror of the sync server's scope rule
// (sync-server/src/sync/scope.ts principalsSql), so a figure never counts rows the user could not open.

import { type UserTier } from '../model/enums'

/** me: my own records; team: those of everyone in my teams; company: everything. */
export type Audience = 'me' | 'team' | 'company'

/** OPERATOR sees their own records, MANAGER their teams', EXECUTIVE the whole company's. */
export function audienceOfTier(tier: UserTier): Audience {
  return tier === 'EXECUTIVE' ? 'company' : tier === 'MANAGER' ? 'team' : 'me'
}

/** A team membership as the replica holds it. */
export interface TeamMembership {
  readonly teamId: string
  readonly userId: string
  /** False once the member left (left_at set) or the row was deleted. */
  readonly active: boolean
}

/** A team, with its lead. */
export interface TeamLead {
  readonly teamId: string
  readonly leadId: string | null
  /** False for a deleted team: it grants nothing. */
  readonly live: boolean
}

/**
 * The users whose records count for `audience`, or null for "everyone" (company).
 * team: me, every active member of a live team I actively belong to, and of a live team I lead.
 */
export function audienceMembers({
  userId,
  audience,
  memberships,
  teams,
}: {
  userId: string
  audience: Audience
  memberships: readonly TeamMembership[]
  teams: readonly TeamLead[]
}): ReadonlySet<string> | null {
  if (audience === 'company') return null
  const members = new Set([userId])
  if (audience === 'me') return members
  const live = new Set(teams.filter((t) => t.live).map((t) => t.teamId))
  const mine = new Set<string>()
  for (const m of memberships) if (m.active && m.userId === userId && live.has(m.teamId)) mine.add(m.teamId)
  for (const t of teams) if (t.live && t.leadId === userId) mine.add(t.teamId)
  for (const m of memberships) if (m.active && mine.has(m.teamId)) members.add(m.userId)
  return members
}

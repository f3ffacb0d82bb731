// Whose records count, decided once for every screen:
// - a viewer's audience (dashboard, KPI screen): the device's mirror of the sync server's scope rule
//   (sync-server/src/sync/scope.ts principalsSql), so a figure never counts rows the user could not open;
// - an owner's people over a period (a KPI target of a user, team, department or the company).

import { type KpiEntityType, type UserTier } from '../model/enums'
import { type DateRange } from './fiscal-period'

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

/** The audiences a tier may choose, narrowest first: up to its own (an EXECUTIVE may also look at just their team). */
export function audiencesOfTier(tier: UserTier): readonly Audience[] {
  const widest = audienceOfTier(tier)
  return widest === 'company' ? ['me', 'team', 'company'] : widest === 'team' ? ['me', 'team'] : ['me']
}

interface Organisation {
  readonly memberships: readonly TeamMembership[]
  readonly teams: readonly TeamLead[]
}

/** "My teams": the live teams a user actively belongs to or leads. */
export function teamsOfUser({ userId, memberships, teams }: Organisation & { userId: string }): ReadonlySet<string> {
  const live = new Set(teams.filter((t) => t.live).map((t) => t.teamId))
  const mine = new Set<string>()
  for (const m of memberships) if (m.active && m.userId === userId && live.has(m.teamId)) mine.add(m.teamId)
  for (const t of teams) if (t.live && t.leadId === userId) mine.add(t.teamId)
  return mine
}

/**
 * The users whose records count for `audience`, or null for "everyone" (company).
 * team: me, every active member of a live team I actively belong to, and of a live team I lead.
 */
export function audienceMembers({ userId, audience, memberships, teams }: Organisation & { userId: string; audience: Audience }): ReadonlySet<string> | null {
  if (audience === 'company') return null
  const members = new Set([userId])
  if (audience === 'me') return members
  const mine = teamsOfUser({ userId, memberships, teams })
  for (const m of memberships) if (m.active && mine.has(m.teamId)) members.add(m.userId)
  return members
}

// ── Whom an owner stands for over a period ──────────────────────────────────────────────────────────────────────
// A figure owned by a person, team, department or the company (a KPI target) counts the records of the people the owner
// stands for *during the period*, not of today's viewer audience: someone who left a team before the quarter is not
// the team's that quarter, and a department includes its sub-departments.

/** Who a figure belongs to (kpi_targets.entity_type / entity_id); a null type is the company. */
export interface FigureOwner {
  readonly type: KpiEntityType | null
  readonly id: string | null
}

/** One stay of a user in a team, in Korean calendar days; a deleted membership row is not a stint. */
export interface TeamStint {
  readonly teamId: string
  readonly userId: string
  readonly joinedOn: string
  /** The day they left, null while still a member. */
  readonly leftOn: string | null
}

/** A department of the tree; a deleted one (live false) and what hangs below it no longer belong to its parent. */
export interface DepartmentNode {
  readonly id: string
  readonly parentId: string | null
  readonly live: boolean
}

/** A (not deleted) user and their department. */
export interface DepartmentMember {
  readonly userId: string
  readonly departmentId: string | null
}

/** The team's members during the range: joined by its last day and not left before its first. */
export function teamMembersDuring(teamId: string, stints: readonly TeamStint[], range: DateRange): ReadonlySet<string> {
  const members = new Set<string>()
  for (const s of stints) {
    if (s.teamId === teamId && s.joinedOn <= range.end && (s.leftOn === null || s.leftOn >= range.start)) members.add(s.userId)
  }
  return members
}

/** The department and every live department below it. */
export function departmentTree(rootId: string, departments: readonly DepartmentNode[]): ReadonlySet<string> {
  const tree = new Set([rootId])
  const children = new Map<string, string[]>()
  for (const d of departments) {
    if (!d.live || d.parentId === null) continue
    const list = children.get(d.parentId)
    if (list) list.push(d.id)
    else children.set(d.parentId, [d.id])
  }
  const queue = [rootId]
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const child of children.get(id) ?? []) {
      if (tree.has(child)) continue // a cycle in bad data must not loop forever
      tree.add(child)
      queue.push(child)
    }
  }
  return tree
}

/**
 * The users whose records count toward an owner's figure over `range`, or null for the whole company.
 * USER: themself; TEAM: its members during the range; DEPARTMENT: its users, sub-departments included; COMPANY: all.
 * An owner without an id stands for nobody.
 */
export function ownerMembers({
  owner,
  range,
  stints,
  departments,
  users,
}: {
  owner: FigureOwner
  range: DateRange
  stints: readonly TeamStint[]
  departments: readonly DepartmentNode[]
  users: readonly DepartmentMember[]
}): ReadonlySet<string> | null {
  if (owner.type === 'COMPANY' || owner.type === null) return null
  if (!owner.id) return new Set()
  if (owner.type === 'USER') return new Set([owner.id])
  if (owner.type === 'TEAM') return teamMembersDuring(owner.id, stints, range)
  const tree = departmentTree(owner.id, departments)
  return new Set(users.filter((u) => u.departmentId !== null && tree.has(u.departmentId)).map((u) => u.userId))
}

// Who gets the coordinator's home (코디네이터 홈) instead of the sales tiles, and which days "this week" covers.
// There is no COORDINATOR tier: a coordinator is an OPERATOR who runs training. The role's name says so when an
// administrator gave one (the demo's COORDINATOR role); without it, what the person does decides: someone named on
// live projects (PM, coordinator, operator or a 차수's coordinator) with no open sales work of their own.

import { addDays, dayOfWeek } from './dates'
import { type UserTier } from '../model/enums'

/** Role names (roles.name, upper-cased) that are training operations by definition. */
export const COORDINATOR_ROLE_NAMES: ReadonlySet<string> = new Set(['COORDINATOR', 'TRAINING_COORDINATOR', 'PROJECT_MANAGER', '교육 코디네이터', '코디네이터'])

export interface HomeFacts {
  readonly tier: UserTier
  /** roles.name of the user's role, when the replica knows it. */
  readonly roleName: string | null
  /** Live projects the user runs (PM, coordinator, operator, or coordinator of one of its 차수). */
  readonly projectsRun: number
  /** Open leads and opportunities the user owns. */
  readonly openSales: number
}

/**
 * Managers and executives keep their team / company figures (they watch sales and training together). An operator
 * whose role is a coordinator's gets the coordinator home; an operator without such a role gets it when they run
 * training and have no open sales of their own (a consultant who also coordinates keeps the sales tiles).
 */
export function homeKind(facts: HomeFacts): 'coordinator' | 'sales' {
  if (facts.tier !== 'OPERATOR') return 'sales'
  if (facts.roleName !== null && COORDINATOR_ROLE_NAMES.has(facts.roleName.trim().toUpperCase())) return 'coordinator'
  return facts.projectsRun > 0 && facts.openSales === 0 ? 'coordinator' : 'sales'
}

/** Monday to Sunday of the week holding `today` (the Korean working week). */
export function weekAround(today: string): { readonly start: string; readonly end: string } {
  const back = (dayOfWeek(today) + 6) % 7
  const start = addDays(today, -back)
  return { start, end: addDays(start, 6) }
}

/**
 * Who may administer whom (issue 12 "Managers over executives"): one rule, read by the server's administration API,
 * the push referee (sync-server/src/sync/permissions.ts) and the administration screen (to hide what would be refused).
 *
 * - Executives administer everyone.
 * - Anyone else whose role grants user administration edits only users BELOW their own tier, and can give a tier
 *   only below their own: a manager cannot touch, demote or deactivate an executive or another manager, nor make one.
 * - A role can only be given by someone who holds every grant in it (no escalation by handing out a bigger role).
 */
import type { UserTier } from './enums'

export const TIER_RANK: Readonly<Record<UserTier, number>> = { OPERATOR: 0, MANAGER: 1, EXECUTIVE: 2 }

export type UserAdminRefusal = 'target_at_or_above_own_tier' | 'tier_at_or_above_own' | 'missing_role_grants'

export interface UserAdminChange {
  /** The target's tier now (null for a new account). */
  readonly targetTier: UserTier | null
  /** The tier being given, when it changes (or on create). */
  readonly newTier?: UserTier | undefined
}

/** Null when an actor of `actorTier` may make this change to a user; otherwise why not. */
export function userAdminRefusal(actorTier: UserTier, change: UserAdminChange): UserAdminRefusal | null {
  if (actorTier === 'EXECUTIVE') return null
  if (change.targetTier !== null && TIER_RANK[change.targetTier] >= TIER_RANK[actorTier]) return 'target_at_or_above_own_tier'
  if (change.newTier !== undefined && TIER_RANK[change.newTier] >= TIER_RANK[actorTier]) return 'tier_at_or_above_own'
  return null
}

export interface Grant {
  readonly resource: string
  readonly action: string
}

/** Whether `held` covers `wanted`, wildcards included: `*` is covered only by `*`. */
function covers(held: readonly Grant[], wanted: Grant): boolean {
  const action = wanted.action.toUpperCase()
  return held.some((h) => {
    const heldAction = h.action.toUpperCase()
    return (h.resource === '*' || h.resource === wanted.resource) && (heldAction === '*' || heldAction === action)
  })
}

/** The grants of a role the actor does not hold themselves (empty: they may give it). Executives hold everything. */
export function missingGrants(actorTier: UserTier, actorGrants: readonly Grant[], roleGrants: readonly Grant[]): Grant[] {
  if (actorTier === 'EXECUTIVE') return []
  return roleGrants.filter((grant) => !covers(actorGrants, grant))
}

export const USER_ADMIN_REFUSAL_MESSAGES: Readonly<Record<UserAdminRefusal, string>> = {
  target_at_or_above_own_tier: 'only an executive may change a user at or above your own tier',
  tier_at_or_above_own: 'only an executive may give a tier at or above your own',
  missing_role_grants: 'only an executive, or someone who holds every permission in the role, may give that role',
}

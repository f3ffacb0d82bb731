/** The user tiers the scopes are built on (architecture §4), declared once in src/shared/model/enums.ts. */
import { USER_TIERS, type UserTier } from '../../../src/shared/model/enums'

export { USER_TIERS, type UserTier }

export function isUserTier(value: unknown): value is UserTier {
  return typeof value === 'string' && (USER_TIERS as readonly string[]).includes(value)
}

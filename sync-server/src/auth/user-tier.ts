/**
 * The user tiers the scopes are built on (architecture §4).
 * TODO(shared): switch to the list in src/shared/model/enums.ts once it exists, so it is declared once.
 */
export const USER_TIERS = ['OPERATOR', 'MANAGER', 'EXECUTIVE'] as const
export type UserTier = (typeof USER_TIERS)[number]

export function isUserTier(value: unknown): value is UserTier {
  return typeof value === 'string' && (USER_TIERS as readonly string[]).includes(value)
}

/**
 * Who may do what in administration beyond the writer's per-table check: the signed-in user, a role's grants, and the
 * guard that keeps an administrator from locking themselves out.
 */
import { displayName } from '../../../shared/domain/korean-name'
import { type UserTier } from '../../../shared/model/enums'
import { rolePermissions, tierPermissions, type Permissions } from '../../../shared/model/permission-rules'
import { type RepoContext } from '../common/context'
import { AdminRuleError } from './rules'

export interface UserRow {
  id: string
  email: string
  first_name: string
  last_name: string
  user_tier: UserTier
  role_id: string
  role_name: string | null
  department_id: string | null
  department_name: string | null
  position: string | null
  is_active: number
}

export const USER_ROWS_SQL = `SELECT u.id, u.email, u.first_name, u.last_name, u.user_tier, u.role_id, r.name AS role_name, u.department_id,
            d.name AS department_name, u.position, u.is_active
       FROM users u
       LEFT JOIN roles r ON r.id = u.role_id AND r.deleted_at IS NULL
       LEFT JOIN departments d ON d.id = u.department_id AND d.deleted_at IS NULL
      WHERE u.deleted_at IS NULL`

export const nameOf = (row: { last_name: string; first_name: string }): string => displayName({ lastName: row.last_name, firstName: row.first_name })

export interface AdminAccess {
  /**
   * The signed-in user's id. Whether they may write each table is the writer's check (outbox/write-permission.ts);
   * the rules here are the more specific ones (user administration by tier, self-lockout).
   */
  requireSignedIn(): string
  grantsOfRole(roleId: string): { resource: string; action: string }[]
  permissionsWith(tier: UserTier, grants: readonly { resource: string; action: string }[]): Permissions
  /**
   * An administrator must not take away their own administration with one click (demote or deactivate themselves, or
   * tick the first grant of their own role, which replaces the tier defaults): nobody might be left to undo it.
   */
  refuseSelfLockout(after: Permissions, active?: boolean): void
  actorRow(actorId: string): UserRow | undefined
}

export function createAdminAccess(ctx: RepoContext): AdminAccess {
  const { sqlite } = ctx
  const userRows = sqlite.prepare<[], UserRow>(USER_ROWS_SQL)
  const grantRows = sqlite.prepare<[], { role_id: string; resource: string; action: string }>(
    `SELECT rp.role_id, p.resource, p.action FROM role_permissions rp
       JOIN permissions p ON p.id = rp.permission_id AND p.deleted_at IS NULL
      WHERE rp.deleted_at IS NULL`,
  )

  const requireSignedIn = (): string => {
    const actor = ctx.actor()
    if (!actor) throw new AdminRuleError('signInToEdit', 'Nobody is signed in')
    return actor.id
  }

  const grantsOfRole = (roleId: string): { resource: string; action: string }[] => grantRows.all().filter((row) => row.role_id === roleId)
  const permissionsWith = (tier: UserTier, grants: readonly { resource: string; action: string }[]): Permissions =>
    grants.length === 0 ? tierPermissions(tier) : rolePermissions(grants, tier)
  const refuseSelfLockout = (after: Permissions, active = true): void => {
    if (!active || !after.allows('users', 'update') || !after.allows('role_permissions', 'create')) {
      throw new AdminRuleError('selfLockout', 'The change would remove your own administration rights')
    }
  }
  const actorRow = (actorId: string) => userRows.all().find((row) => row.id === actorId)

  return { requireSignedIn, grantsOfRole, permissionsWith, refuseSelfLockout, actorRow }
}

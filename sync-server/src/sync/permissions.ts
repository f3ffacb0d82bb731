/**
 * What a user may *do* (design architecture §4): scopes decide which rows, permissions decide which writes.
 *
 * `role_permissions` (resource × action) is the source of truth: a resource is a business area of
 * src/shared/model/permissions.ts (or `*`) covering one or more tables, an action is CREATE, UPDATE, DELETE (also
 * covers an undelete) or APPROVE (or `*`). A role with no permission rows
 * at all falls back to the defaults of its user's tier below, so a fresh installation works before an administrator
 * has filled the matrix. The matrix (docs/sync-protocol.md § Permissions):
 *
 * | tables                                                             | OPERATOR            | MANAGER        | EXECUTIVE |
 * |--------------------------------------------------------------------|---------------------|----------------|-----------|
 * | customer, sales, project, training, meeting, activity rows         | create/update/delete| + approve      | all       |
 * | kpi_targets                                                        | read only           | write          | all       |
 * | instructors (the training pool operators maintain day to day)      | create/update       | write          | all       |
 * | industries, product_categories, products, kpi_definitions, campaigns | read only         | write          | all       |
 * | roles, permissions, role_permissions, departments, teams, team_members, users (others) | read only | read only | all |
 * | users: own row, except email, user_tier, role_id, department_id, is_active | update     | update         | all       |
 * | sync_conflicts: status/resolved_at of conflicts they are party to  | update              | update         | update    |
 * | instructor_clashes (recorded by the server on push)                | none                | none           | none      |
 *
 * Approving or rejecting a lead assignment (writing its status away from PENDING, or approved_by/approved_at) needs
 * `approve` on lead_assignments: MANAGERs and EXECUTIVEs by default.
 */
import { missingGrants, USER_ADMIN_REFUSAL_MESSAGES, userAdminRefusal } from '../../../src/shared/model/account-rules'
import type { UserTier } from '../../../src/shared/model/enums'
import { isUserTier } from '../auth/user-tier'
import { rolePermissions, tierPermissions, type PermissionAction, type Permissions } from '../../../src/shared/model/permission-rules'
import type { SyncedTable } from '../../../src/shared/model/tables'
import type { Queryable } from '../postgres/transaction'
import type { WireValues } from './merge-row'

// The tier defaults and role grants are shared with the device (src/shared/model/permission-rules.ts).
export { rolePermissions, tierPermissions, type PermissionAction, type Permissions }

export async function loadPermissions(db: Queryable, userId: string, tier: UserTier): Promise<Permissions> {
  const { rows } = await db.query<{ resource: string; action: string }>(
    `SELECT p.resource, p.action
       FROM users u
       JOIN role_permissions rp ON rp.role_id = u.role_id AND rp.deleted_at IS NULL
       JOIN permissions p ON p.id = rp.permission_id AND p.deleted_at IS NULL
      WHERE u.id = $1`,
    [userId],
  )
  const permissions = rows.length === 0 ? tierPermissions(tier) : rolePermissions(rows, tier)
  // A user administrator below executive may give a role only if they hold its every grant: load the (few) roles'
  // grants once per push so authorizeWrite can check without a query per mutation.
  if (tier === 'EXECUTIVE' || !permissions.allows('users', 'update')) return permissions
  const grants = await db.query<{ role_id: string; resource: string; action: string }>(
    `SELECT rp.role_id, p.resource, p.action FROM role_permissions rp JOIN permissions p ON p.id = rp.permission_id AND p.deleted_at IS NULL
      WHERE rp.deleted_at IS NULL`,
  )
  const roleGrants = new Map<string, { resource: string; action: string }[]>()
  for (const row of grants.rows) roleGrants.set(row.role_id, [...(roleGrants.get(row.role_id) ?? []), { resource: row.resource, action: row.action }])
  return { ...permissions, roleGrants }
}

/** Columns of a user's own row that change who they are in the organisation: an administrator's job. */
const PRIVILEGED_USER_COLUMNS: ReadonlySet<string> = new Set(['email', 'user_tier', 'role_id', 'department_id', 'is_active'])
/** What resolving a conflict may write. */
const CONFLICT_RESOLUTION_COLUMNS: ReadonlySet<string> = new Set(['status', 'resolved_at'])
const APPROVAL_COLUMNS: ReadonlySet<string> = new Set(['approved_by', 'approved_at'])

export interface WriteRequest {
  readonly table: SyncedTable
  readonly rowId: string
  /** The row before the write; null for a create. */
  readonly existing: WireValues | null
  readonly fields: Readonly<Record<string, unknown>>
  readonly userId: string
}

function actionsOf(request: WriteRequest): PermissionAction[] {
  if (!request.existing) return ['create']
  const actions: PermissionAction[] = []
  const names = Object.keys(request.fields)
  if (names.includes('deleted_at')) actions.push('delete')
  if (names.some((name) => name !== 'deleted_at')) actions.push('update')
  return actions
}

function isApproval(request: WriteRequest): boolean {
  if (request.table !== 'lead_assignments') return false
  const status = request.fields.status
  const decides = typeof status === 'string' && status !== 'PENDING' && status !== request.existing?.status
  return decides || Object.keys(request.fields).some((name) => APPROVAL_COLUMNS.has(name))
}

/** Null when allowed; otherwise the reason the write is refused. */
export function authorizeWrite(permissions: Permissions, request: WriteRequest): string | null {
  const { table, fields } = request
  if (table === 'instructor_clashes') return 'instructor clashes are recorded by the server, not written by devices'
  if (table === 'sync_conflicts') {
    if (!request.existing) return 'conflicts are recorded by the server, not created by devices'
    const other = Object.keys(fields).filter((name) => !CONFLICT_RESOLUTION_COLUMNS.has(name))
    return other.length === 0 ? null : `a conflict is resolved by writing status or resolved_at only (not ${other.join(', ')})`
  }
  const actions = actionsOf(request)
  const ownProfile = table === 'users' && request.existing !== null && request.rowId === request.userId
  for (const action of actions) {
    if (permissions.allows(table, action)) continue
    if (ownProfile && action === 'update') {
      const privileged = Object.keys(fields).filter((name) => PRIVILEGED_USER_COLUMNS.has(name))
      if (privileged.length === 0) continue
      return `only an administrator may change ${privileged.join(', ')} of a user`
    }
    return `no permission to ${action} ${table}`
  }
  // A users grant administers people below its holder only (src/shared/model/account-rules.ts): nobody but an
  // executive edits a user at or above their own tier or gives such a tier, and roles are given through the
  // administration API, which checks that the giver holds every grant of the role.
  if (table === 'users' && permissions.tier !== 'EXECUTIVE') {
    const targetTier = isUserTier(request.existing?.user_tier) ? request.existing.user_tier : null
    const newTier = isUserTier(fields.user_tier) && fields.user_tier !== targetTier ? fields.user_tier : undefined
    // Your own row is "below you" for this rule (you may edit your profile) but never a way to raise your own tier.
    const target = ownProfile ? null : request.existing ? (targetTier ?? 'EXECUTIVE') : null
    const refusal = userAdminRefusal(permissions.tier, { targetTier: target, newTier: request.existing ? newTier : (newTier ?? 'EXECUTIVE') })
    if (refusal) return USER_ADMIN_REFUSAL_MESSAGES[refusal]
    if (typeof fields.role_id === 'string' && fields.role_id !== request.existing?.role_id) {
      const missing = missingGrants(permissions.tier, permissions.grants ?? [], permissions.roleGrants?.get(fields.role_id) ?? [])
      if (missing.length > 0) return USER_ADMIN_REFUSAL_MESSAGES.missing_role_grants
    }
  }
  if (isApproval(request) && !permissions.allows(table, 'approve')) return 'approving or rejecting a lead assignment needs a manager'
  return null
}

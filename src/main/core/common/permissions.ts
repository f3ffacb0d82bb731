/**
 * The signed-in user's write permissions, read from the replica's copy of the directory (users, role_permissions and
 * permissions are reference tables every device holds) with the same rule the server enforces
 * (src/shared/model/permission-rules.ts). The UI uses it to hide edits the server would refuse; the server stays the
 * referee, so a stale replica can at worst show a control whose change is then rejected and shown in the sync panel.
 */
import { rolePermissions, tierPermissions, writableTables, type Permissions } from '../../../shared/model/permission-rules'
import { type UserTier } from '../../../shared/model/enums'
import { type Sqlite } from '../sqlite'

export interface GrantRow {
  readonly resource: string
  readonly action: string
}

export function createPermissionsReader(sqlite: Sqlite): {
  forUser(userId: string, tier: UserTier): Permissions
  writableTables(userId: string, tier: UserTier): ReturnType<typeof writableTables>
} {
  const grants = sqlite.prepare<[string], GrantRow>(
    `SELECT p.resource, p.action
       FROM users u
       JOIN role_permissions rp ON rp.role_id = u.role_id AND rp.deleted_at IS NULL
       JOIN permissions p ON p.id = rp.permission_id AND p.deleted_at IS NULL
      WHERE u.id = ?`,
  )
  const forUser = (userId: string, tier: UserTier): Permissions => {
    const rows = grants.all(userId)
    return rows.length === 0 ? tierPermissions(tier) : rolePermissions(rows, tier)
  }
  return { forUser, writableTables: (userId, tier) => writableTables(forUser(userId, tier)) }
}

/**
 * Roles and their permission matrix (resource × action). A permission and a grant row that do not exist yet get a
 * name-derived id (UUIDv5), so two administrators ticking the same box offline write the same row instead of
 * colliding on a unique index.
 */
import { type z } from 'zod'
import { compareKorean } from '../../../shared/domain/korean-text'
import { PAIR_ID_NAMESPACE, uuidv5 } from '../../../shared/ids/pair-id'
import { PERMISSION_RESOURCES, type PermissionAction } from '../../../shared/model/permissions'
import { type permissionSetSchema, type roleSaveSchema } from '../../../shared/model/validation/admin'
import { type AdminRole } from '../../../shared/ipc/admin-types'
import { type RepoContext } from '../common/context'
import { type AdminAccess } from './access'
import { AdminRuleError } from './rules'

export interface AdminRoles {
  roles(): AdminRole[]
  saveRole(input: z.output<typeof roleSaveSchema>): AdminRole[]
  setPermission(input: z.output<typeof permissionSetSchema>): AdminRole[]
}

const RESOURCE_ACTIONS: ReadonlyMap<string, readonly PermissionAction[]> = new Map(PERMISSION_RESOURCES.map((r) => [r.resource, r.actions]))

export function createAdminRoles(ctx: RepoContext, access: AdminAccess): AdminRoles {
  const { sqlite, writer } = ctx
  const { requireSignedIn, grantsOfRole, permissionsWith, refuseSelfLockout, actorRow } = access
  const roleRows = sqlite.prepare<[], { id: string; name: string; description: string | null; user_count: number }>(
    `SELECT r.id, r.name, r.description,
            (SELECT count(*) FROM users u WHERE u.role_id = r.id AND u.deleted_at IS NULL) AS user_count
       FROM roles r WHERE r.deleted_at IS NULL`,
  )
  const roleById = sqlite.prepare<[string], { id: string; name: string }>('SELECT id, name FROM roles WHERE id = ? AND deleted_at IS NULL')
  const roleByName = sqlite.prepare<[string], { id: string }>('SELECT id FROM roles WHERE lower(name) = lower(?) AND deleted_at IS NULL')
  const roleUsers = sqlite.prepare<[string], { n: number }>('SELECT count(*) AS n FROM users WHERE role_id = ? AND deleted_at IS NULL')
  const grantRows = sqlite.prepare<[], { role_id: string; resource: string; action: string }>(
    `SELECT rp.role_id, p.resource, p.action FROM role_permissions rp
       JOIN permissions p ON p.id = rp.permission_id AND p.deleted_at IS NULL
      WHERE rp.deleted_at IS NULL`,
  )
  const permissionByPair = sqlite.prepare<[string, string], { id: string }>(
    'SELECT id FROM permissions WHERE resource = ? AND action = ? AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1',
  )
  const grantOf = sqlite.prepare<[string, string], { id: string; deleted_at: string | null }>(
    `SELECT id, deleted_at FROM role_permissions WHERE role_id = ? AND permission_id = ?
      ORDER BY deleted_at IS NOT NULL, created_at, id`,
  )

  const roles = (): AdminRole[] => {
    const grants = new Map<string, string[]>()
    for (const row of grantRows.all()) {
      const list = grants.get(row.role_id) ?? []
      list.push(`${row.resource}:${row.action.toUpperCase()}`)
      grants.set(row.role_id, list)
    }
    return roleRows
      .all()
      .map((row) => ({
        id: row.id,
        name: row.name,
        description: row.description,
        userCount: row.user_count,
        grants: [...new Set(grants.get(row.id) ?? [])].sort(),
      }))
      .sort((a, b) => compareKorean(a.name, b.name))
  }

  const saveRole: AdminRoles['saveRole'] = (input) => {
    if (input.id === undefined) {
      requireSignedIn()
      if (roleByName.get(input.name)) throw new AdminRuleError('duplicateName', `A role named ${input.name} exists`)
      writer.upsert('roles', ctx.newId(), { name: input.name, description: input.description })
      return roles()
    }
    if (!roleById.get(input.id)) throw new AdminRuleError('notFound', `No role ${input.id}`)
    if (input.deleted) {
      requireSignedIn()
      // users.role_id is required: a role still held would leave users pointing at a tombstone.
      if ((roleUsers.get(input.id)?.n ?? 0) > 0) throw new AdminRuleError('roleInUse', `Role ${input.id} is still held`)
      writer.remove('roles', input.id)
      return roles()
    }
    requireSignedIn()
    const clash = roleByName.get(input.name)
    if (clash && clash.id !== input.id) throw new AdminRuleError('duplicateName', `A role named ${input.name} exists`)
    writer.upsert('roles', input.id, { name: input.name, description: input.description })
    return roles()
  }

  const setPermission: AdminRoles['setPermission'] = ({ roleId, resource, action, granted }) => {
    if (!RESOURCE_ACTIONS.get(resource)?.includes(action)) throw new AdminRuleError('unknownPermission', `${resource}:${action}`)
    if (!roleById.get(roleId)) throw new AdminRuleError('notFound', `No role ${roleId}`)
    const actorId = requireSignedIn()
    const self = actorRow(actorId)
    if (self?.role_id === roleId) {
      const key = `${resource}:${action}`
      const current = grantsOfRole(roleId).filter((g) => `${g.resource}:${g.action.toUpperCase()}` !== key)
      refuseSelfLockout(permissionsWith(self.user_tier, granted ? [...current, { resource, action }] : current))
    }
    writer.transaction(() => {
      let permissionId = permissionByPair.get(resource, action)?.id
      if (permissionId === undefined) {
        if (!granted) return
        permissionId = uuidv5(`permissions:${resource}:${action}`, PAIR_ID_NAMESPACE)
        const label = PERMISSION_RESOURCES.find((r) => r.resource === resource)?.label ?? resource
        writer.upsert('permissions', permissionId, { resource, action, description: `${label} ${action}` })
      }
      const rows = grantOf.all(roleId, permissionId)
      const live = rows.filter((row) => row.deleted_at === null)
      if (granted) {
        if (live.length > 0) return
        const tombstone = rows[0]
        if (tombstone) writer.restore('role_permissions', tombstone.id)
        else
          writer.upsert('role_permissions', uuidv5(`role_permissions:${roleId}:${permissionId}`, PAIR_ID_NAMESPACE), {
            role_id: roleId,
            permission_id: permissionId,
          })
      } else {
        for (const row of live) writer.remove('role_permissions', row.id)
      }
    })
    return roles()
  }

  return { roles, saveRole, setPermission }
}

/**
 * Administration on the device: the user directory's organisation fields, roles and their permission matrix,
 * departments (a tree) and teams with their members. All of these are reference tables every device holds, so reads
 * are plain SQL on the replica and every change goes through the writer (which checks the user's permission for each
 * table and operation) and syncs like any other row; the server re-checks each write against the writer's role
 * (sync-server/src/sync/permissions.ts) and recomputes scopes when a tier, department or membership changes.
 *
 * - Team membership keeps its history: leaving sets left_at, re-joining reopens the same row (the server's unique
 *   index allows one live row per team and user). Nothing is hard-deleted.
 * - A permission (resource × action) and a grant row that do not exist yet get a name-derived id (UUIDv5), so two
 *   administrators ticking the same box offline write the same row instead of colliding on a unique index.
 * - Creating accounts (passwords) and reading the audit log need the server: see core/admin/online.ts.
 */
import { categoryTree, createsCategoryCycle } from '../../../shared/domain/product-categories'
import { displayName } from '../../../shared/domain/korean-name'
import { compareKorean } from '../../../shared/domain/korean-text'
import { PAIR_ID_NAMESPACE, uuidv5 } from '../../../shared/ids/pair-id'
import { type TeamMemberRole, type UserTier } from '../../../shared/model/enums'
import { PERMISSION_RESOURCES, type PermissionAction } from '../../../shared/model/permissions'
import { missingGrants, userAdminRefusal } from '../../../shared/model/account-rules'
import { rolePermissions, tierPermissions, type Permissions } from '../../../shared/model/permission-rules'
import {
  type departmentSaveSchema,
  type membershipSetSchema,
  type permissionSetSchema,
  type roleSaveSchema,
  type teamSaveSchema,
  type userSaveSchema,
} from '../../../shared/model/validation/admin'
import { type AdminDepartment, type AdminRole, type AdminTeam, type AdminTeamMember, type AdminUser, type AdminUserTeam } from '../../../shared/ipc/admin-types'
import { type z } from 'zod'
import { type RepoContext } from './context'
import { RuleError } from '../rule-error'

export const ADMIN_RULES = [
  'notFound',
  'signInToEdit',
  'notAllowed',
  'departmentCycle',
  'roleInUse',
  'duplicateCode',
  'duplicateName',
  'unknownPermission',
  'selfLockout',
] as const
export type AdminRule = (typeof ADMIN_RULES)[number]

export class AdminRuleError extends RuleError<AdminRule> {}

export interface AdminRepo {
  users(): AdminUser[]
  saveUser(input: z.output<typeof userSaveSchema>): AdminUser
  roles(): AdminRole[]
  saveRole(input: z.output<typeof roleSaveSchema>): AdminRole[]
  setPermission(input: z.output<typeof permissionSetSchema>): AdminRole[]
  departments(): AdminDepartment[]
  saveDepartment(input: z.output<typeof departmentSaveSchema>): AdminDepartment[]
  teams(): AdminTeam[]
  saveTeam(input: z.output<typeof teamSaveSchema>): AdminTeam[]
  setMembership(input: z.output<typeof membershipSetSchema>): AdminTeam[]
}

interface UserRow {
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

interface MembershipRow {
  id: string
  team_id: string
  user_id: string
  role: TeamMemberRole
  joined_at: string
  left_at: string | null
  deleted_at: string | null
}

interface DepartmentRow {
  id: string
  code: string
  name: string
  parent_id: string | null
  manager_id: string | null
  description: string | null
  is_active: number
}

interface TeamRow {
  id: string
  code: string
  name: string
  department_id: string | null
  department_name: string | null
  team_lead_id: string | null
  description: string | null
  is_active: number
}

const nameOf = (row: { last_name: string; first_name: string }): string => displayName({ lastName: row.last_name, firstName: row.first_name })

const RESOURCE_ACTIONS: ReadonlyMap<string, readonly PermissionAction[]> = new Map(PERMISSION_RESOURCES.map((r) => [r.resource, r.actions]))

export function createAdminRepo(ctx: RepoContext): AdminRepo {
  const { sqlite, writer } = ctx

  const userRows = sqlite.prepare<[], UserRow>(
    `SELECT u.id, u.email, u.first_name, u.last_name, u.user_tier, u.role_id, r.name AS role_name, u.department_id,
            d.name AS department_name, u.position, u.is_active
       FROM users u
       LEFT JOIN roles r ON r.id = u.role_id AND r.deleted_at IS NULL
       LEFT JOIN departments d ON d.id = u.department_id AND d.deleted_at IS NULL
      WHERE u.deleted_at IS NULL`,
  )
  const userById = sqlite.prepare<[string], { id: string }>('SELECT id FROM users WHERE id = ? AND deleted_at IS NULL')
  const currentTeams = sqlite.prepare<[], { user_id: string; team_id: string; name: string; role: TeamMemberRole }>(
    `SELECT m.user_id, m.team_id, t.name, m.role
       FROM team_members m JOIN teams t ON t.id = m.team_id AND t.deleted_at IS NULL
      WHERE m.deleted_at IS NULL AND m.left_at IS NULL`,
  )
  const membershipOf = sqlite.prepare<[string, string], MembershipRow>(
    `SELECT id, team_id, user_id, role, joined_at, left_at, deleted_at FROM team_members
      WHERE team_id = ? AND user_id = ? ORDER BY deleted_at IS NOT NULL, joined_at DESC, id LIMIT 1`,
  )
  const openMemberships = sqlite.prepare<[string], MembershipRow>(
    `SELECT id, team_id, user_id, role, joined_at, left_at, deleted_at FROM team_members
      WHERE user_id = ? AND deleted_at IS NULL AND left_at IS NULL`,
  )
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
  const departmentRows = sqlite.prepare<[], DepartmentRow>(
    'SELECT id, code, name, parent_id, manager_id, description, is_active FROM departments WHERE deleted_at IS NULL',
  )
  const departmentUsers = sqlite.prepare<[], { department_id: string; n: number }>(
    'SELECT department_id, count(*) AS n FROM users WHERE deleted_at IS NULL AND department_id IS NOT NULL GROUP BY department_id',
  )
  const teamRows = sqlite.prepare<[], TeamRow>(
    `SELECT t.id, t.code, t.name, t.department_id, d.name AS department_name, t.team_lead_id, t.description, t.is_active
       FROM teams t LEFT JOIN departments d ON d.id = t.department_id AND d.deleted_at IS NULL
      WHERE t.deleted_at IS NULL`,
  )
  const teamById = sqlite.prepare<[string], { id: string }>('SELECT id FROM teams WHERE id = ? AND deleted_at IS NULL')
  const memberRows = sqlite.prepare<[], MembershipRow & { first_name: string; last_name: string }>(
    `SELECT m.id, m.team_id, m.user_id, m.role, m.joined_at, m.left_at, m.deleted_at, u.first_name, u.last_name
       FROM team_members m JOIN users u ON u.id = m.user_id AND u.deleted_at IS NULL
      WHERE m.deleted_at IS NULL AND m.left_at IS NULL`,
  )
  const userNames = sqlite.prepare<[], { id: string; first_name: string; last_name: string }>(
    'SELECT id, first_name, last_name FROM users WHERE deleted_at IS NULL',
  )
  const codeTaken = (table: 'departments' | 'teams') =>
    sqlite.prepare<[string, string], { id: string }>(`SELECT id FROM ${table} WHERE lower(code) = lower(?) AND id <> ? AND deleted_at IS NULL`)
  const departmentCodeTaken = codeTaken('departments')
  const teamCodeTaken = codeTaken('teams')

  /**
   * The signed-in user's id. Whether they may write each table is the writer's check (outbox/write-permission.ts);
   * the rules below it here are the more specific ones (user administration by tier, self-lockout).
   */
  const requireSignedIn = (): string => {
    const actor = ctx.actor()
    if (!actor) throw new AdminRuleError('signInToEdit', 'Nobody is signed in')
    return actor.id
  }
  const nowIso = (): string => ctx.now().toISOString()

  const grantsOfRole = (roleId: string): { resource: string; action: string }[] => grantRows.all().filter((row) => row.role_id === roleId)
  const permissionsWith = (tier: UserTier, grants: readonly { resource: string; action: string }[]): Permissions =>
    grants.length === 0 ? tierPermissions(tier) : rolePermissions(grants, tier)
  /**
   * An administrator must not take away their own administration with one click (demote or deactivate themselves, or
   * tick the first grant of their own role, which replaces the tier defaults): nobody might be left to undo it.
   */
  const refuseSelfLockout = (after: Permissions, active = true): void => {
    if (!active || !after.allows('users', 'update') || !after.allows('role_permissions', 'create')) {
      throw new AdminRuleError('selfLockout', 'The change would remove your own administration rights')
    }
  }
  const actorRow = (actorId: string) => userRows.all().find((row) => row.id === actorId)

  const teamsByUser = (): Map<string, AdminUserTeam[]> => {
    const map = new Map<string, AdminUserTeam[]>()
    for (const row of currentTeams.all()) {
      const list = map.get(row.user_id) ?? []
      list.push({ teamId: row.team_id, name: row.name, role: row.role })
      map.set(row.user_id, list)
    }
    for (const list of map.values()) list.sort((a, b) => compareKorean(a.name, b.name))
    return map
  }

  const users = (): AdminUser[] => {
    const teams = teamsByUser()
    return userRows
      .all()
      .map((row) => ({
        id: row.id,
        name: nameOf(row),
        email: row.email,
        tier: row.user_tier,
        roleId: row.role_id,
        roleName: row.role_name,
        departmentId: row.department_id,
        departmentName: row.department_name,
        position: row.position,
        isActive: row.is_active === 1,
        teams: teams.get(row.id) ?? [],
      }))
      .sort((a, b) => Number(b.isActive) - Number(a.isActive) || compareKorean(a.name, b.name))
  }

  const join = (teamId: string, userId: string, role: TeamMemberRole): void => {
    const existing = membershipOf.get(teamId, userId)
    if (existing && existing.deleted_at === null) {
      if (existing.left_at === null) {
        if (existing.role !== role) writer.upsert('team_members', existing.id, { role })
        return
      }
      // Re-joining reopens the row: one live row per (team, user) on the server.
      writer.upsert('team_members', existing.id, { left_at: null, joined_at: nowIso(), role })
      return
    }
    writer.upsert('team_members', ctx.newId(), { team_id: teamId, user_id: userId, role, joined_at: nowIso(), left_at: null })
  }

  const leave = (teamId: string, userId: string): void => {
    const existing = membershipOf.get(teamId, userId)
    if (existing && existing.deleted_at === null && existing.left_at === null) writer.upsert('team_members', existing.id, { left_at: nowIso() })
  }

  const saveUser: AdminRepo['saveUser'] = (input) => {
    const actorId = requireSignedIn()
    if (!userById.get(input.id)) throw new AdminRuleError('notFound', `No user ${input.id}`)
    if (input.roleId !== undefined && !roleById.get(input.roleId)) throw new AdminRuleError('notFound', `No role ${input.roleId}`)
    if (input.departmentId && !departmentRows.all().some((d) => d.id === input.departmentId)) {
      throw new AdminRuleError('notFound', `No department ${input.departmentId}`)
    }
    const self = input.id === actorId ? actorRow(actorId) : undefined
    // The server's rule (src/shared/model/account-rules.ts): below executive, only users below your tier, only tiers
    // below yours, and only roles whose every grant you hold.
    const actorTier = ctx.actor()?.tier ?? 'OPERATOR'
    const target = actorRow(input.id)
    const newTier = input.tier !== undefined && input.tier !== target?.user_tier ? input.tier : undefined
    if (target && userAdminRefusal(actorTier, { targetTier: self ? null : target.user_tier, newTier })) {
      throw new AdminRuleError('notAllowed', 'Only an executive changes a user at or above your tier')
    }
    if (
      input.roleId !== undefined &&
      input.roleId !== target?.role_id &&
      missingGrants(actorTier, grantsOfRole(actorRow(actorId)?.role_id ?? ''), grantsOfRole(input.roleId)).length > 0
    ) {
      throw new AdminRuleError('notAllowed', 'You can only give a role whose every permission you hold')
    }
    if (self) {
      const roleId = input.roleId ?? self.role_id
      refuseSelfLockout(permissionsWith(input.tier ?? self.user_tier, grantsOfRole(roleId)), input.isActive ?? self.is_active === 1)
    }
    if (input.teamIds) {
      for (const teamId of input.teamIds) if (!teamById.get(teamId)) throw new AdminRuleError('notFound', `No team ${teamId}`)
    }
    writer.transaction(() => {
      const fields: Record<string, unknown> = {}
      if (input.tier !== undefined) fields.user_tier = input.tier
      if (input.roleId !== undefined) fields.role_id = input.roleId
      if (input.departmentId !== undefined) fields.department_id = input.departmentId
      if (input.isActive !== undefined) fields.is_active = input.isActive
      if (Object.keys(fields).length > 0) writer.upsert('users', input.id, fields)
      if (input.teamIds) {
        const wanted = new Set(input.teamIds)
        for (const open of openMemberships.all(input.id)) if (!wanted.has(open.team_id)) leave(open.team_id, input.id)
        const current = new Set(openMemberships.all(input.id).map((m) => m.team_id))
        for (const teamId of wanted) if (!current.has(teamId)) join(teamId, input.id, 'MEMBER')
      }
    })
    const saved = users().find((u) => u.id === input.id)
    if (!saved) throw new AdminRuleError('notFound', `No user ${input.id}`)
    return saved
  }

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

  const saveRole: AdminRepo['saveRole'] = (input) => {
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

  const setPermission: AdminRepo['setPermission'] = ({ roleId, resource, action, granted }) => {
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

  // Same tree rules as product categories and industries (src/shared/domain/product-categories.ts), siblings by code.
  const departments = (): AdminDepartment[] => {
    const names = new Map(userNames.all().map((u) => [u.id, nameOf(u)]))
    const counts = new Map(departmentUsers.all().map((r) => [r.department_id, r.n]))
    const rows = departmentRows.all().map((row) => ({ ...row, parentId: row.parent_id }))
    return categoryTree(rows, (a, b) => a.code.localeCompare(b.code)).map(({ category: row, depth }) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      parentId: row.parent_id,
      managerId: row.manager_id,
      managerName: row.manager_id ? (names.get(row.manager_id) ?? null) : null,
      description: row.description,
      isActive: row.is_active === 1,
      depth,
      userCount: counts.get(row.id) ?? 0,
    }))
  }

  const wouldCycle = (id: string, parentId: string | null): boolean =>
    createsCategoryCycle(
      departmentRows.all().map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id })),
      id,
      parentId,
    )

  const saveDepartment: AdminRepo['saveDepartment'] = (input) => {
    const id = input.id ?? ctx.newId()
    requireSignedIn()
    if (input.id !== undefined && !departmentRows.all().some((d) => d.id === input.id)) throw new AdminRuleError('notFound', `No department ${input.id}`)
    if (input.parentId !== null && !departmentRows.all().some((d) => d.id === input.parentId)) {
      throw new AdminRuleError('notFound', `No department ${input.parentId}`)
    }
    if (input.managerId !== null && !userById.get(input.managerId)) throw new AdminRuleError('notFound', `No user ${input.managerId}`)
    if (wouldCycle(id, input.parentId)) throw new AdminRuleError('departmentCycle', `${id} cannot sit under ${input.parentId}`)
    if (departmentCodeTaken.get(input.code, id)) throw new AdminRuleError('duplicateCode', `Department code ${input.code} is taken`)
    writer.upsert('departments', id, {
      code: input.code,
      name: input.name,
      parent_id: input.parentId,
      manager_id: input.managerId,
      description: input.description,
      is_active: input.isActive,
    })
    return departments()
  }

  const teams = (): AdminTeam[] => {
    const names = new Map(userNames.all().map((u) => [u.id, nameOf(u)]))
    const members = new Map<string, AdminTeamMember[]>()
    for (const row of memberRows.all()) {
      const list = members.get(row.team_id) ?? []
      list.push({ membershipId: row.id, userId: row.user_id, name: nameOf(row), role: row.role, joinedAt: row.joined_at })
      members.set(row.team_id, list)
    }
    return teamRows
      .all()
      .map((row) => ({
        id: row.id,
        code: row.code,
        name: row.name,
        departmentId: row.department_id,
        departmentName: row.department_name,
        leadId: row.team_lead_id,
        leadName: row.team_lead_id ? (names.get(row.team_lead_id) ?? null) : null,
        description: row.description,
        isActive: row.is_active === 1,
        members: (members.get(row.id) ?? []).sort((a, b) => (a.role === b.role ? compareKorean(a.name, b.name) : a.role === 'LEAD' ? -1 : 1)),
      }))
      .sort((a, b) => compareKorean(a.name, b.name))
  }

  const saveTeam: AdminRepo['saveTeam'] = (input) => {
    const id = input.id ?? ctx.newId()
    requireSignedIn()
    if (input.id !== undefined && !teamById.get(input.id)) throw new AdminRuleError('notFound', `No team ${input.id}`)
    if (input.departmentId !== null && !departmentRows.all().some((d) => d.id === input.departmentId)) {
      throw new AdminRuleError('notFound', `No department ${input.departmentId}`)
    }
    if (input.leadId !== null && !userById.get(input.leadId)) throw new AdminRuleError('notFound', `No user ${input.leadId}`)
    if (teamCodeTaken.get(input.code, id)) throw new AdminRuleError('duplicateCode', `Team code ${input.code} is taken`)
    writer.transaction(() => {
      writer.upsert('teams', id, {
        code: input.code,
        name: input.name,
        department_id: input.departmentId,
        team_lead_id: input.leadId,
        description: input.description,
        is_active: input.isActive,
      })
      // The lead is a member too, so the team's scope (a manager sees the team's rows) includes them; a replaced lead
      // stays in the team as a member.
      for (const member of memberRows.all()) {
        if (member.team_id === id && member.role === 'LEAD' && member.user_id !== input.leadId) writer.upsert('team_members', member.id, { role: 'MEMBER' })
      }
      if (input.leadId !== null) join(id, input.leadId, 'LEAD')
    })
    return teams()
  }

  const setMembership: AdminRepo['setMembership'] = ({ teamId, userId, member, role }) => {
    if (!teamById.get(teamId)) throw new AdminRuleError('notFound', `No team ${teamId}`)
    if (!userById.get(userId)) throw new AdminRuleError('notFound', `No user ${userId}`)
    requireSignedIn()
    writer.transaction(() => (member ? join(teamId, userId, role) : leave(teamId, userId)))
    return teams()
  }

  return { users, saveUser, roles, saveRole, setPermission, departments, saveDepartment, teams, saveTeam, setMembership }
}

/** The user directory's organisation fields in administration: tier, role, department, active, teams. */
import { type z } from 'zod'
import { compareKorean } from '../../../shared/domain/korean-text'
import { type TeamMemberRole } from '../../../shared/model/enums'
import { missingGrants, userAdminRefusal } from '../../../shared/model/account-rules'
import { type userSaveSchema } from '../../../shared/model/validation/admin'
import { type AdminUser, type AdminUserTeam } from '../../../shared/ipc/admin-types'
import { type RepoContext } from '../common/context'
import { nameOf, USER_ROWS_SQL, type AdminAccess, type UserRow } from './access'
import { type Memberships } from './memberships'
import { AdminRuleError } from './rules'

export interface AdminUsers {
  users(): AdminUser[]
  saveUser(input: z.output<typeof userSaveSchema>): AdminUser
}

export function createAdminUsers(ctx: RepoContext, { access, memberships }: { access: AdminAccess; memberships: Memberships }): AdminUsers {
  const { sqlite, writer } = ctx
  const { requireSignedIn, grantsOfRole, permissionsWith, refuseSelfLockout, actorRow } = access
  const userRows = sqlite.prepare<[], UserRow>(USER_ROWS_SQL)
  const userById = sqlite.prepare<[string], { id: string }>('SELECT id FROM users WHERE id = ? AND deleted_at IS NULL')
  const currentTeams = sqlite.prepare<[], { user_id: string; team_id: string; name: string; role: TeamMemberRole }>(
    `SELECT m.user_id, m.team_id, t.name, m.role
       FROM team_members m JOIN teams t ON t.id = m.team_id AND t.deleted_at IS NULL
      WHERE m.deleted_at IS NULL AND m.left_at IS NULL`,
  )
  const roleById = sqlite.prepare<[string], { id: string; name: string }>('SELECT id, name FROM roles WHERE id = ? AND deleted_at IS NULL')
  const departmentById = sqlite.prepare<[string], { id: string }>('SELECT id FROM departments WHERE id = ? AND deleted_at IS NULL')
  const teamById = sqlite.prepare<[string], { id: string }>('SELECT id FROM teams WHERE id = ? AND deleted_at IS NULL')

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

  const saveUser: AdminUsers['saveUser'] = (input) => {
    const actorId = requireSignedIn()
    if (!userById.get(input.id)) throw new AdminRuleError('notFound', `No user ${input.id}`)
    if (input.roleId !== undefined && !roleById.get(input.roleId)) throw new AdminRuleError('notFound', `No role ${input.roleId}`)
    if (input.departmentId && !departmentById.get(input.departmentId)) {
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
        for (const open of memberships.openOf(input.id)) if (!wanted.has(open.team_id)) memberships.leave(open.team_id, input.id)
        const current = new Set(memberships.openOf(input.id).map((m) => m.team_id))
        for (const teamId of wanted) if (!current.has(teamId)) memberships.join(teamId, input.id, 'MEMBER')
      }
    })
    const saved = users().find((u) => u.id === input.id)
    if (!saved) throw new AdminRuleError('notFound', `No user ${input.id}`)
    return saved
  }

  return { users, saveUser }
}

/** The organisation in administration: departments (a tree) and teams with their members. */
import { type z } from 'zod'
import { categoryTree, createsCategoryCycle } from '../../../shared/domain/product-categories'
import { compareKorean } from '../../../shared/domain/korean-text'
import { type departmentSaveSchema, type membershipSetSchema, type teamSaveSchema } from '../../../shared/model/validation/admin'
import { type AdminDepartment, type AdminTeam, type AdminTeamMember } from '../../../shared/ipc/admin-types'
import { type RepoContext } from '../common/context'
import { nameOf, type AdminAccess } from './access'
import { type MembershipRow, type Memberships } from './memberships'
import { AdminRuleError } from './rules'

export interface AdminOrg {
  departments(): AdminDepartment[]
  saveDepartment(input: z.output<typeof departmentSaveSchema>): AdminDepartment[]
  teams(): AdminTeam[]
  saveTeam(input: z.output<typeof teamSaveSchema>): AdminTeam[]
  setMembership(input: z.output<typeof membershipSetSchema>): AdminTeam[]
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

export function createAdminOrg(ctx: RepoContext, { access, memberships }: { access: AdminAccess; memberships: Memberships }): AdminOrg {
  const { sqlite, writer } = ctx
  const { requireSignedIn } = access
  const { join, leave } = memberships
  const userById = sqlite.prepare<[string], { id: string }>('SELECT id FROM users WHERE id = ? AND deleted_at IS NULL')
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

  const saveDepartment: AdminOrg['saveDepartment'] = (input) => {
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

  const saveTeam: AdminOrg['saveTeam'] = (input) => {
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

  const setMembership: AdminOrg['setMembership'] = ({ teamId, userId, member, role }) => {
    if (!teamById.get(teamId)) throw new AdminRuleError('notFound', `No team ${teamId}`)
    if (!userById.get(userId)) throw new AdminRuleError('notFound', `No user ${userId}`)
    requireSignedIn()
    writer.transaction(() => (member ? join(teamId, userId, role) : leave(teamId, userId)))
    return teams()
  }

  return { departments, saveDepartment, teams, saveTeam, setMembership }
}

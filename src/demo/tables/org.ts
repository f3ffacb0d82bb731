/** roles, permissions, role_permissions, departments, users, teams, team_members. */
import { type UserTier } from '../../shared/model/enums'
import { DEMO_ACCOUNTS, type DemoAccount } from '../accounts'
import { DAY_MS, isoTimestamp } from '../clock'
import { commonColumns, idMaker, type WireRow } from '../context'
import { fakeMobile, fakePerson } from '../korean-fakes'
import { type DemoState, type TeamInfo, type Unit, type UserInfo } from '../state'
import { PERMISSION_RESOURCES } from '../../shared/model/permissions'

const ROLES: readonly (readonly [string, string])[] = [
  ['ADMIN', '시스템 관리자: 사용자, 권한, 설정을 관리합니다.'],
  ['EXECUTIVE', '경영진: 전사 현황을 보고 계약과 KPI를 승인합니다.'],
  ['SALES_MANAGER', '영업팀장: 팀의 고객과 영업 기회를 관리하고 리드 배정을 승인합니다.'],
  ['SALES_REP', '영업 컨설턴트: 담당 고객사, 리드, 영업 기회를 관리합니다.'],
  ['PROJECT_MANAGER', '프로젝트 매니저: 교육 프로젝트를 총괄합니다.'],
  ['COORDINATOR', '교육 코디네이터: 차수·분반 운영과 출결을 관리합니다.'],
  ['CONSULTANT', 'HR 컨설턴트: 컨설팅·진단 프로젝트를 수행합니다.'],
  ['STAFF', '경영지원: 계약·정산 업무와 조회를 담당합니다.'],
]

/** The permission vocabulary is the product's own (src/shared/model/permissions.ts); the demo only chooses grants. */
const RESOURCES: readonly (readonly [string, string, readonly string[]])[] = PERMISSION_RESOURCES.map(
  ({ resource, label, actions }) => [resource, label, actions] as const,
)

const ACTION_LABELS: Readonly<Record<string, string>> = {
  READ: '조회',
  CREATE: '등록',
  UPDATE: '수정',
  DELETE: '삭제',
  EXPORT: '내보내기',
  ASSIGN: '배정',
  APPROVE: '승인',
}

/** resource → granted actions per role; `*` = every action of the resource, a resource absent = none. */
const GRANTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ADMIN: Object.fromEntries(RESOURCES.map(([r]) => [r, '*'])),
  EXECUTIVE: {
    users: 'READ',
    companies: '*',
    contacts: '*',
    leads: '*',
    opportunities: '*',
    contracts: '*',
    projects: '*',
    training: '*',
    meetings: '*',
    products: '*',
    kpis: '*',
    activities: '*',
    reports: '*',
    settings: 'READ',
  },
  SALES_MANAGER: {
    users: 'READ',
    companies: '*',
    contacts: '*',
    leads: '*',
    opportunities: '*',
    contracts: 'READ CREATE UPDATE',
    projects: 'READ',
    training: 'READ',
    meetings: '*',
    products: 'READ',
    kpis: 'READ CREATE UPDATE DELETE',
    activities: '*',
    reports: '*',
  },
  SALES_REP: {
    users: 'READ',
    companies: 'READ CREATE UPDATE',
    contacts: 'READ CREATE UPDATE',
    leads: 'READ CREATE UPDATE',
    opportunities: 'READ CREATE UPDATE',
    contracts: 'READ CREATE',
    projects: 'READ',
    training: 'READ',
    meetings: 'READ CREATE UPDATE DELETE',
    products: 'READ',
    kpis: 'READ',
    activities: 'READ CREATE UPDATE DELETE',
    reports: 'READ',
  },
  PROJECT_MANAGER: {
    users: 'READ',
    companies: 'READ UPDATE',
    contacts: 'READ CREATE UPDATE',
    opportunities: 'READ',
    contracts: 'READ',
    projects: '*',
    training: '*',
    meetings: '*',
    products: 'READ',
    kpis: 'READ',
    activities: '*',
    reports: '*',
  },
  COORDINATOR: {
    users: 'READ',
    companies: 'READ',
    contacts: 'READ',
    projects: 'READ UPDATE',
    training: 'READ CREATE UPDATE EXPORT',
    meetings: 'READ CREATE UPDATE',
    products: 'READ',
    kpis: 'READ',
    activities: 'READ CREATE UPDATE',
    reports: 'READ',
  },
  CONSULTANT: {
    users: 'READ',
    companies: 'READ',
    contacts: 'READ CREATE UPDATE',
    opportunities: 'READ UPDATE',
    contracts: 'READ',
    projects: 'READ UPDATE',
    training: 'READ UPDATE',
    meetings: '*',
    products: 'READ',
    kpis: 'READ',
    activities: '*',
    reports: 'READ',
  },
  STAFF: {
    users: 'READ',
    companies: 'READ',
    contacts: 'READ',
    opportunities: 'READ',
    contracts: 'READ UPDATE',
    projects: 'READ',
    training: 'READ',
    products: '*',
    kpis: 'READ',
    activities: 'READ',
    reports: '*',
    settings: 'READ',
  },
}

const DEPARTMENTS: readonly (readonly [Unit, string, string, string])[] = [
  ['EXEC', 'D00', '대표이사실', '전사 경영 총괄'],
  ['SALES', 'D10', '영업본부', '기업·공공 고객 대상 교육 영업'],
  ['OPS', 'D20', '교육사업본부', '교육 프로젝트 기획과 운영'],
  ['CONSULTING', 'D30', '컨설팅본부', '조직개발, 진단, 코칭'],
  ['SUPPORT', 'D40', '경영지원본부', '재무, 인사, 마케팅'],
]

const TEAM_TEMPLATES: readonly (readonly [Unit, string])[] = [
  ['SALES', '기업영업1팀'],
  ['OPS', '교육운영1팀'],
  ['SALES', '기업영업2팀'],
  ['CONSULTING', '조직개발컨설팅팀'],
  ['OPS', '교육운영2팀'],
  ['SUPPORT', '경영지원팀'],
  ['SALES', '공공·금융영업팀'],
  ['OPS', '콘텐츠개발팀'],
  ['SALES', '기업영업3팀'],
  ['CONSULTING', '진단·평가팀'],
  ['OPS', '교육운영3팀'],
  ['SUPPORT', '마케팅팀'],
  ['SALES', '기업영업4팀'],
  ['OPS', '이러닝운영팀'],
  ['CONSULTING', '코칭센터'],
  ['SALES', '영업기획팀'],
  ['OPS', '교육운영4팀'],
  ['SALES', '기업영업5팀'],
  ['OPS', '교육운영5팀'],
  ['SALES', '기업영업6팀'],
]

function teamTemplate(index: number): readonly [Unit, string] {
  const fixed = TEAM_TEMPLATES[index]
  if (fixed) return fixed
  const extra = index - TEAM_TEMPLATES.length
  return extra % 2 === 0 ? ['SALES', `기업영업${7 + extra / 2}팀`] : ['OPS', `교육운영${6 + (extra - 1) / 2}팀`]
}

const HEAD_UNITS: readonly Unit[] = ['SALES', 'OPS', 'CONSULTING', 'SUPPORT']

interface PlannedUser extends UserInfo {
  readonly firstName: string
  readonly lastName: string
  readonly email: string
  readonly position: string
  readonly title: string
  readonly phone: string
  readonly lastLoginMs: number | null
  readonly updatedMs: number
}

interface PlannedMembership {
  readonly teamId: string
  readonly userId: string
  readonly lead: boolean
  readonly joinedMs: number
  readonly leftMs: number | null
}

/** The organisation is small and self-referencing (departments ↔ users ↔ teams), so it is planned in one go. */
interface PlannedTeam extends Omit<TeamInfo, 'leadId'> {
  leadId: string
  readonly createdMs: number
  readonly description: string
}

interface OrgPlan {
  readonly adminId: string
  readonly users: PlannedUser[]
  readonly teams: PlannedTeam[]
  readonly memberships: PlannedMembership[]
  readonly departmentManager: Map<Unit, string>
}

const plans = new WeakMap<DemoState, OrgPlan>()

function orgPlan(state: DemoState): OrgPlan {
  const existing = plans.get(state)
  if (existing) return existing
  const { ctx } = state
  const random = ctx.random('org')
  const newUserId = idMaker(ctx, 'users')
  const newTeamId = idMaker(ctx, 'teams')
  const start = ctx.historyStartMs
  const departmentId = (unit: Unit): string => {
    const found = state.departments.find((d) => d.unit === unit)
    if (!found) throw new Error(`department ${unit} not generated yet`)
    return found.id
  }

  const takenEmails = new Set<string>(Object.values(DEMO_ACCOUNTS).map((a) => a.email))
  const users: PlannedUser[] = []
  const addUser = (input: {
    account?: DemoAccount
    tier: UserTier
    role: string
    unit: Unit
    teamId: string | null
    position: string
    title: string
    createdMs: number
    isActive?: boolean
    senior?: boolean
  }): PlannedUser => {
    const person = fakePerson(random, { senior: input.senior ?? false })
    let email = input.account?.email
    if (!email) {
      email = `${person.romanized}@augu.demo`
      for (let n = 2; takenEmails.has(email); n++) email = `${person.romanized}${n}@augu.demo`
      takenEmails.add(email)
    }
    const isActive = input.isActive ?? true
    // Someone who left did so at least a month after joining, and last signed in before leaving.
    const updatedMs = isActive
      ? Math.min(ctx.nowMs, input.createdMs + random.int(0, 300) * DAY_MS)
      : Math.min(ctx.nowMs - DAY_MS, Math.max(input.createdMs + 30 * DAY_MS, ctx.nowMs - random.int(30, 200) * DAY_MS))
    const user: PlannedUser = {
      id: input.account?.id ?? newUserId(input.createdMs),
      firstName: input.account?.firstName ?? person.givenName,
      lastName: input.account?.lastName ?? person.familyName,
      fullName: input.account ? input.account.lastName + input.account.firstName : person.fullName,
      email,
      tier: input.tier,
      role: input.account?.role ?? input.role,
      unit: input.unit,
      departmentId: departmentId(input.unit),
      teamId: input.teamId,
      position: input.account?.position ?? input.position,
      title: input.account?.title ?? input.title,
      phone: fakeMobile(random),
      isActive,
      createdMs: input.createdMs,
      updatedMs,
      lastLoginMs: isActive ? ctx.nowMs - random.int(0, 10 * 24 * 60) * 60_000 : updatedMs - random.int(60, 7 * 24 * 60) * 60_000,
    }
    users.push(user)
    return user
  }

  const rolloutMs = () => start + random.int(0, 10) * DAY_MS + random.int(0, 8 * 3600) * 1000
  const hiredMs = () => start + random.int(30, 690) * DAY_MS + random.int(0, 8 * 3600) * 1000

  const ceo = addUser({
    account: DEMO_ACCOUNTS.executive,
    tier: 'EXECUTIVE',
    role: 'EXECUTIVE',
    unit: 'EXEC',
    teamId: null,
    position: '대표이사',
    title: '대표이사',
    createdMs: start,
  })
  const departmentManager = new Map<Unit, string>([['EXEC', ceo.id]])
  const headCount = Math.min(4, 1 + Math.floor(state.plan.users / 25))
  for (const unit of HEAD_UNITS.slice(0, headCount)) {
    const head = addUser({
      tier: 'EXECUTIVE',
      role: 'EXECUTIVE',
      unit,
      teamId: null,
      position: random.pick(['전무', '상무', '상무', '이사']),
      title: '본부장',
      createdMs: start + random.int(0, 2) * DAY_MS,
      senior: true,
    })
    departmentManager.set(unit, head.id)
  }

  const rest = state.plan.users - users.length
  const teamCount = Math.max(2, Math.round(rest / 6))
  const teams: PlannedTeam[] = []
  for (let i = 0; i < teamCount; i++) {
    const [unit, name] = teamTemplate(i)
    const createdMs = start + random.int(0, 3) * DAY_MS
    teams.push({
      id: newTeamId(createdMs),
      code: `TM${String(i + 1).padStart(2, '0')}`,
      name,
      unit,
      departmentId: departmentId(unit),
      leadId: '',
      memberIds: [],
      createdMs,
      description: `${name} (${DEPARTMENTS.find((d) => d[0] === unit)?.[2] ?? ''})`,
    })
  }

  const memberships: PlannedMembership[] = []
  const leadRole: Readonly<Record<Unit, string>> = {
    EXEC: 'EXECUTIVE',
    SALES: 'SALES_MANAGER',
    OPS: 'PROJECT_MANAGER',
    CONSULTING: 'CONSULTANT',
    SUPPORT: 'ADMIN',
  }
  teams.forEach((team, i) => {
    const account = i === 0 ? DEMO_ACCOUNTS.manager : undefined
    const lead = addUser({
      account,
      tier: 'MANAGER',
      role: leadRole[team.unit],
      unit: team.unit,
      teamId: team.id,
      position: random.pick(['부장', '부장', '차장']),
      title: '팀장',
      createdMs: rolloutMs(),
      senior: true,
    })
    team.leadId = lead.id
    team.memberIds.push(lead.id)
    memberships.push({ teamId: team.id, userId: lead.id, lead: true, joinedMs: lead.createdMs, leftMs: null })
    if (!departmentManager.has(team.unit)) departmentManager.set(team.unit, lead.id)
  })
  for (const unit of HEAD_UNITS) if (!departmentManager.has(unit)) departmentManager.set(unit, ceo.id)

  const operatorCount = state.plan.users - users.length
  const inactiveEvery = 40
  for (let i = 0; i < operatorCount; i++) {
    const team = teams[i % teams.length] as PlannedTeam
    const account = i === 0 ? DEMO_ACCOUNTS.consultant : i === 1 ? DEMO_ACCOUNTS.coordinator : undefined
    const position = random.weighted([
      ['사원', 3],
      ['주임', 2],
      ['대리', 4],
      ['과장', 3],
      ['차장', 1],
    ] as const)
    const senior = position === '과장' || position === '차장'
    const role =
      team.unit === 'SALES'
        ? 'SALES_REP'
        : team.unit === 'OPS'
          ? senior && random.chance(0.6)
            ? 'PROJECT_MANAGER'
            : 'COORDINATOR'
          : team.unit === 'CONSULTING'
            ? 'CONSULTANT'
            : 'STAFF'
    const title =
      role === 'SALES_REP'
        ? '영업 컨설턴트'
        : role === 'PROJECT_MANAGER'
          ? '프로젝트 매니저'
          : role === 'COORDINATOR'
            ? '교육 코디네이터'
            : role === 'CONSULTANT'
              ? 'HR 컨설턴트'
              : '매니저'
    const isActive = account !== undefined || (i + 1) % inactiveEvery !== 0
    const createdMs = account || random.chance(0.7) ? rolloutMs() : hiredMs()
    const user = addUser({ account, tier: 'OPERATOR', role, unit: team.unit, teamId: team.id, position, title, createdMs, isActive })
    const leftMs = isActive ? null : user.updatedMs
    // Some early staff moved between teams of their unit: the old membership stays with left_at (history).
    const previous = teams.find((t) => t.unit === team.unit && t.id !== team.id)
    if (!account && isActive && previous && createdMs < start + 60 * DAY_MS && random.chance(0.2)) {
      const movedMs = createdMs + random.int(60, 400) * DAY_MS
      memberships.push({ teamId: previous.id, userId: user.id, lead: false, joinedMs: createdMs, leftMs: movedMs })
      memberships.push({ teamId: team.id, userId: user.id, lead: false, joinedMs: movedMs, leftMs: null })
    } else {
      memberships.push({ teamId: team.id, userId: user.id, lead: false, joinedMs: createdMs, leftMs })
    }
    team.memberIds.push(user.id)
  }

  const plan: OrgPlan = { adminId: ceo.id, users, teams, memberships, departmentManager }
  plans.set(state, plan)
  return plan
}

/** The user who set the system up: the executive demo account. */
export const ADMIN_ID = DEMO_ACCOUNTS.executive.id

export function buildRoles(state: DemoState): WireRow[] {
  const newId = idMaker(state.ctx, 'roles')
  const createdMs = state.ctx.historyStartMs - 3 * DAY_MS
  return ROLES.map(([name, description], i) => {
    const id = newId(createdMs + i)
    state.roleIds.set(name, id)
    return { ...commonColumns({ id, createdMs: createdMs + i, createdBy: ADMIN_ID }), name, description }
  })
}

const permissionIds = new WeakMap<DemoState, Map<string, string>>()

export function buildPermissions(state: DemoState): WireRow[] {
  const newId = idMaker(state.ctx, 'permissions')
  const createdMs = state.ctx.historyStartMs - 3 * DAY_MS
  const ids = new Map<string, string>()
  permissionIds.set(state, ids)
  const rows: WireRow[] = []
  for (const [resource, label, actions] of RESOURCES) {
    for (const action of actions) {
      const id = newId(createdMs + rows.length)
      ids.set(`${resource}:${action}`, id)
      rows.push({
        ...commonColumns({ id, createdMs: createdMs + rows.length, createdBy: ADMIN_ID }),
        resource,
        action,
        description: `${label} ${ACTION_LABELS[action] ?? action}`,
      })
    }
  }
  return rows
}

export function buildRolePermissions(state: DemoState): WireRow[] {
  const newId = idMaker(state.ctx, 'role_permissions')
  const createdMs = state.ctx.historyStartMs - 3 * DAY_MS + 60_000
  const ids = permissionIds.get(state) ?? new Map<string, string>()
  const rows: WireRow[] = []
  for (const [role] of ROLES) {
    const grants = GRANTS[role] ?? {}
    for (const [resource, , actions] of RESOURCES) {
      const granted = grants[resource]
      if (!granted) continue
      const list = granted === '*' ? actions : granted.split(' ')
      for (const action of list) {
        const permissionId = ids.get(`${resource}:${action}`)
        const roleId = state.roleIds.get(role)
        if (!permissionId || !roleId) throw new Error(`unknown permission ${resource}:${action} for ${role}`)
        rows.push({
          ...commonColumns({ id: newId(createdMs + rows.length), createdMs: createdMs + rows.length, createdBy: ADMIN_ID }),
          role_id: roleId,
          permission_id: permissionId,
        })
      }
    }
  }
  return rows
}

export function buildDepartments(state: DemoState): WireRow[] {
  const newId = idMaker(state.ctx, 'departments')
  const createdMs = state.ctx.historyStartMs - 2 * DAY_MS
  let rootId: string | null = null
  const rows: WireRow[] = []
  for (const [unit, code, name, description] of DEPARTMENTS) {
    const id = newId(createdMs + rows.length)
    state.departments.push({ id, code, unit })
    rows.push({
      ...commonColumns({ id, createdMs: createdMs + rows.length, createdBy: ADMIN_ID }),
      code,
      name,
      parent_id: rootId,
      manager_id: null,
      description,
      is_active: true,
    })
    rootId ??= id
  }
  // The managers are users (generated next): departments.manager_id is SYNCED_TABLES' one back-reference.
  const plan = orgPlan(state)
  rows.forEach((row, i) => {
    const unit = DEPARTMENTS[i]?.[0] as Unit
    row.manager_id = plan.departmentManager.get(unit) ?? null
  })
  return rows
}

export function buildUsers(state: DemoState): WireRow[] {
  const plan = orgPlan(state)
  return plan.users.map((user) => {
    const roleId = state.roleIds.get(user.role)
    if (!roleId) throw new Error(`unknown role ${user.role}`)
    state.users.push({
      id: user.id,
      fullName: user.fullName,
      tier: user.tier,
      role: user.role,
      unit: user.unit,
      departmentId: user.departmentId,
      teamId: user.teamId,
      isActive: user.isActive,
      createdMs: user.createdMs,
    })
    return {
      ...commonColumns({ id: user.id, createdMs: user.createdMs, updatedMs: user.updatedMs, createdBy: plan.adminId }),
      email: user.email,
      first_name: user.firstName,
      last_name: user.lastName,
      phone: user.phone,
      department_id: user.departmentId,
      position: user.position,
      title: user.title,
      role_id: roleId,
      user_tier: user.tier,
      is_active: user.isActive,
      last_login_at: user.lastLoginMs === null ? null : isoTimestamp(user.lastLoginMs),
    }
  })
}

export function buildTeams(state: DemoState): WireRow[] {
  const plan = orgPlan(state)
  return plan.teams.map((team) => {
    state.teams.push({
      id: team.id,
      code: team.code,
      name: team.name,
      unit: team.unit,
      departmentId: team.departmentId,
      leadId: team.leadId,
      memberIds: team.memberIds,
    })
    return {
      ...commonColumns({ id: team.id, createdMs: team.createdMs, createdBy: plan.adminId }),
      code: team.code,
      name: team.name,
      department_id: team.departmentId,
      team_lead_id: team.leadId,
      description: team.description,
      is_active: true,
    }
  })
}

export function buildTeamMembers(state: DemoState): WireRow[] {
  const plan = orgPlan(state)
  const newId = idMaker(state.ctx, 'team_members')
  return plan.memberships.map((m) => ({
    ...commonColumns({
      id: newId(m.joinedMs),
      createdMs: m.joinedMs,
      updatedMs: m.leftMs ?? m.joinedMs,
      createdBy: plan.adminId,
    }),
    team_id: m.teamId,
    user_id: m.userId,
    role: m.lead ? 'LEAD' : 'MEMBER',
    joined_at: isoTimestamp(m.joinedMs),
    left_at: m.leftMs === null ? null : isoTimestamp(m.leftMs),
  }))
}

/** Active users of a unit (optionally only some roles): the pools owners and assignees are drawn from. */
export function activeUsers(state: DemoState, units: readonly Unit[], roles?: readonly string[]): UserInfo[] {
  return state.users.filter((u) => u.isActive && units.includes(u.unit) && (roles === undefined || roles.includes(u.role)))
}

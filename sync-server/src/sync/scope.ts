/**
 * Who sees which rows (design architecture §4, docs/architecture.md §7) — one definition per synced table, all in this
 * file so they are reviewed together. The same definitions serve pull filtering, push authorization (a written row must
 * be in scope before and after the write), the enter/leave computation after a scope-affecting write
 * (scope-changes.ts) and the poke audience (audience.ts).
 *
 * Every definition is parameterized by `p`, an SQL expression of type uuid[] holding the *principals*: the user, and
 * for a MANAGER also the active members of the manager's teams (principalsSql). With a constant array (`$1::uuid[]`)
 * it filters one user's rows; with a per-user column (`pr.principals`) inside a LATERAL it evaluates many users at once.
 *
 * Tombstones stay in scope: a deleted company is still delivered to its account manager, so the device learns of the
 * delete. Only *links* that grant scope (an opportunity, a project team membership, a meeting participation, a team
 * membership …) stop granting it once deleted.
 */
import type { SyncedTable } from '../../../src/shared/model/tables'
import { REFERENCE_TABLES } from '../../../src/shared/model/tables'

/** A team membership that still grants scope: not deleted and not left (a set left_at counts as left, even if future). */
const activeMembership = (a: string): string => `${a}.deleted_at IS NULL AND ${a}.left_at IS NULL`

/**
 * The principals of a user as an SQL uuid[] expression, `u` being an SQL expression of the user id.
 * MANAGER: the manager, every active member of a live team the manager actively belongs to, and of a live team the
 * manager leads (teams.team_lead_id). Everyone else: just the user. (EXECUTIVE never reaches a predicate.)
 */
export function principalsSql(u: string): string {
  return `(CASE WHEN (SELECT s_u.user_tier FROM users s_u WHERE s_u.id = ${u}) = 'MANAGER' THEN ARRAY(
      SELECT ${u}
      UNION SELECT s_m.user_id FROM team_members s_mine
        JOIN teams s_t ON s_t.id = s_mine.team_id AND s_t.deleted_at IS NULL
        JOIN team_members s_m ON s_m.team_id = s_mine.team_id AND ${activeMembership('s_m')}
       WHERE s_mine.user_id = ${u} AND ${activeMembership('s_mine')}
      UNION SELECT s_m.user_id FROM teams s_t
        JOIN team_members s_m ON s_m.team_id = s_t.id AND ${activeMembership('s_m')}
       WHERE s_t.team_lead_id = ${u} AND s_t.deleted_at IS NULL)
    ELSE ARRAY[${u}]::uuid[] END)`
}

/**
 * The inverse of principalsSql: MANAGERs whose principals include any of `users` (an SQL uuid[] expression), i.e. whose
 * scope changes when these users' scope changes.
 */
export function managersOfSql(users: string): string {
  return `SELECT s_mine.user_id AS manager_id FROM team_members s_m
        JOIN teams s_t ON s_t.id = s_m.team_id AND s_t.deleted_at IS NULL
        JOIN team_members s_mine ON s_mine.team_id = s_m.team_id AND ${activeMembership('s_mine')}
        JOIN users s_u ON s_u.id = s_mine.user_id AND s_u.user_tier = 'MANAGER'
       WHERE s_m.user_id = ANY(${users}) AND ${activeMembership('s_m')}
      UNION SELECT s_t.team_lead_id FROM team_members s_m
        JOIN teams s_t ON s_t.id = s_m.team_id AND s_t.deleted_at IS NULL
        JOIN users s_u ON s_u.id = s_t.team_lead_id AND s_u.user_tier = 'MANAGER'
       WHERE s_m.user_id = ANY(${users}) AND ${activeMembership('s_m')}`
}

// ── Scope as id sets ───────────────────────────────────────────────────────────────────────────────────────────────
//
// Each table's scope is an SQL query returning the ids in scope (`SELECT … AS id`), built only from UNIONs and
// top-level `IN (…)`. That shape is what PostgreSQL plans well in every place scope is used: with a constant principals
// array it turns `IN` into a hash semi-join or a hashed sub-plan computed once per statement, and with a per-user array
// inside a LATERAL it computes each user's set once. (The equivalent row predicates with correlated EXISTS … OR EXISTS
// cost a chain of index probes per row: ~25× slower on a first pull of 80,000 contacts.)

/** Ids of a table whose scope is "the parent is in scope": `SELECT id FROM table WHERE column IN (parent set)`. */
const via = (table: string, column: string, parent: string): string => `SELECT id FROM ${table} WHERE ${column} IN (${parent})`

/** Projects the principals manage, coordinate, operate or are an active team member of. */
const myProjects = (p: string): string =>
  `SELECT id FROM projects WHERE project_manager_id = ANY(${p}) OR coordinator_id = ANY(${p}) OR operator_id = ANY(${p})
   UNION SELECT project_id FROM project_team_members WHERE user_id = ANY(${p}) AND deleted_at IS NULL AND is_active`

/** Meetings the principals organise or attend (an internal participant row that is not deleted). */
const myMeetings = (p: string): string =>
  `SELECT id FROM meetings WHERE organizer_id = ANY(${p})
   UNION SELECT meeting_id FROM meeting_participants WHERE user_id = ANY(${p}) AND deleted_at IS NULL`

/** Companies managed by a principal, or with a live opportunity, project or meeting of theirs. */
const myCompanies = (p: string): string =>
  `SELECT id FROM companies WHERE account_manager_id = ANY(${p})
   UNION SELECT company_id FROM opportunities WHERE account_manager_id = ANY(${p}) AND deleted_at IS NULL
   UNION SELECT company_id FROM projects WHERE deleted_at IS NULL AND id IN (${myProjects(p)})
   UNION SELECT company_id FROM meetings WHERE deleted_at IS NULL AND company_id IS NOT NULL AND id IN (${myMeetings(p)})`

const myBranches = (p: string): string => via('branches', 'company_id', myCompanies(p))
const myContacts = (p: string): string => via('contacts', 'branch_id', myBranches(p))
const myOpportunities = (p: string): string => `SELECT id FROM opportunities WHERE account_manager_id = ANY(${p})`
const myLeads = (p: string): string => `SELECT id FROM leads WHERE assigned_to = ANY(${p})`
const mySessions = (p: string): string => via('training_sessions', 'project_id', myProjects(p))
const myClasses = (p: string): string => via('training_classes', 'session_id', mySessions(p))

/** Teams a principal actively belongs to or leads (TEAM KPI targets). */
const myTeams = (p: string): string =>
  `SELECT team_id FROM team_members WHERE user_id = ANY(${p}) AND ${activeMembership('team_members')}
   UNION SELECT id FROM teams WHERE team_lead_id = ANY(${p}) AND deleted_at IS NULL`

/** Departments of the principals: their own, and those of their teams (DEPARTMENT KPI targets). */
const myDepartments = (p: string): string =>
  `SELECT department_id FROM users WHERE id = ANY(${p}) AND department_id IS NOT NULL
   UNION SELECT department_id FROM teams WHERE department_id IS NOT NULL AND id IN (${myTeams(p)})`

const myKpiTargets = (p: string): string =>
  `SELECT id FROM kpi_targets WHERE entity_type IS NULL OR entity_type = 'COMPANY'
   UNION SELECT id FROM kpi_targets WHERE entity_type = 'USER' AND entity_id = ANY(${p})
   UNION SELECT id FROM kpi_targets WHERE entity_type = 'TEAM' AND entity_id IN (${myTeams(p)})
   UNION SELECT id FROM kpi_targets WHERE entity_type = 'DEPARTMENT' AND entity_id IN (${myDepartments(p)})`

/** Activities hanging on a row in scope (ACTIVITY_ENTITY_TYPES). */
const myActivities = (p: string): string =>
  [
    ['COMPANY', myCompanies(p)],
    ['CONTACT', myContacts(p)],
    ['LEAD', myLeads(p)],
    ['OPPORTUNITY', myOpportunities(p)],
    ['PROJECT', myProjects(p)],
  ]
    .map(([type, set]) => `SELECT id FROM activities WHERE entity_type = '${type}' AND entity_id IN (${set})`)
    .join('\n   UNION ')

/** SQL returning the ids of a table in the scope of principals `p` (an SQL uuid[] expression). */
export type ScopeSet = (p: string) => string

const everything =
  (table: string): ScopeSet =>
  () =>
    `SELECT id FROM ${table}`

// ── One scope per synced table ────────────────────────────────────────────────────────────────────────────────────

export const SCOPE_SETS: { readonly [T in SyncedTable]: ScopeSet } = {
  // Reference data: every signed-in user receives all of it (users without secrets: those live in user_credentials).
  roles: everything('roles'),
  permissions: everything('permissions'),
  role_permissions: everything('role_permissions'),
  departments: everything('departments'),
  users: everything('users'),
  teams: everything('teams'),
  team_members: everything('team_members'),
  industries: everything('industries'),
  product_categories: everything('product_categories'),
  products: everything('products'),
  instructors: everything('instructors'),
  kpi_definitions: everything('kpi_definitions'),
  campaigns: everything('campaigns'),

  // Customers: companies they manage or work with, and those companies' branches and contacts.
  companies: myCompanies,
  branches: myBranches,
  contacts: myContacts,

  // Sales: opportunities they manage (with their stage history), contracts of their companies, leads assigned to them.
  opportunities: myOpportunities,
  opportunity_stage_history: (p) => via('opportunity_stage_history', 'opportunity_id', myOpportunities(p)),
  contracts: (p) => via('contracts', 'company_id', myCompanies(p)),
  leads: myLeads,
  lead_assignments: (p) => via('lead_assignments', 'lead_id', myLeads(p)),

  // Projects they run or are on, with sessions, classes, enrolments, attendance, feedback and the trainees there.
  projects: myProjects,
  project_team_members: (p) => via('project_team_members', 'project_id', myProjects(p)),
  training_sessions: mySessions,
  training_classes: myClasses,
  // A trainee is visible where they are enrolled or were marked present (walk-ins have attendance but no enrolment).
  trainees: (p) =>
    `SELECT trainee_id FROM enrollments WHERE deleted_at IS NULL AND class_id IN (${myClasses(p)})
     UNION SELECT trainee_id FROM attendance_records WHERE deleted_at IS NULL AND class_id IN (${myClasses(p)})`,
  enrollments: (p) => via('enrollments', 'class_id', myClasses(p)),
  attendance_records: (p) => via('attendance_records', 'class_id', myClasses(p)),
  training_feedback: (p) => via('training_feedback', 'session_id', mySessions(p)),

  // Meetings they organise or attend, with everything hanging on them.
  meetings: myMeetings,
  meeting_participants: (p) => via('meeting_participants', 'meeting_id', myMeetings(p)),
  meeting_agenda: (p) => via('meeting_agenda', 'meeting_id', myMeetings(p)),
  meeting_minutes: (p) => via('meeting_minutes', 'meeting_id', myMeetings(p)),
  meeting_action_items: (p) => via('meeting_action_items', 'meeting_id', myMeetings(p)),
  meeting_products: (p) => via('meeting_products', 'meeting_id', myMeetings(p)),

  // KPI targets for themselves, their teams and departments, and our company as a whole; actuals follow targets.
  kpi_targets: myKpiTargets,
  kpi_actuals: (p) => via('kpi_actuals', 'kpi_target_id', myKpiTargets(p)),

  // Activities on any row in scope.
  activities: myActivities,

  // Conflicts they are party to (as the winning or the losing writer).
  sync_conflicts: (p) =>
    `SELECT id FROM sync_conflicts WHERE winning_user_id = ANY(${p}) UNION SELECT id FROM sync_conflicts WHERE losing_user_id = ANY(${p})`,
}

/** The row predicate for alias `t` of `table`: in the set. Used with a constant principals array. */
export function scopePredicate(table: SyncedTable, t: string, p: string): string {
  return `${t}.id IN (${SCOPE_SETS[table](p)})`
}

const referenceTables: ReadonlySet<string> = new Set(REFERENCE_TABLES)

/** What a request may see: everything (EXECUTIVE) or the rows of a set of principals. */
export type Scope = { readonly kind: 'all' } | { readonly kind: 'principals'; readonly ids: readonly string[] }

/** True when the table needs no predicate for this scope (reference data, or an executive). */
export function isUnrestricted(scope: Scope, table: SyncedTable): boolean {
  return scope.kind === 'all' || referenceTables.has(table)
}

/**
 * The predicate for `table` under `scope`, with the principals bound to parameter `$param` (uuid[]); `'true'` when
 * unrestricted. Callers pass `scope.ids` as that parameter.
 */
export function scopeCondition(table: SyncedTable, alias: string, scope: Scope, param: number): string {
  if (isUnrestricted(scope, table)) return 'true'
  return scopePredicate(table, alias, `$${param}::uuid[]`)
}

/** Loads a user's tier and principals in one round trip; an EXECUTIVE (or an unknown user: none) is handled here. */
export async function loadScope(db: { query: <R>(sql: string, params: unknown[]) => Promise<{ rows: R[] }> }, userId: string): Promise<{ scope: Scope; tier: string | null }> {
  const { rows } = await db.query<{ tier: string; principals: string[] }>(
    `SELECT u.user_tier AS tier, ${principalsSql('u.id')} AS principals FROM users u WHERE u.id = $1 AND u.deleted_at IS NULL`,
    [userId],
  )
  const row = rows[0]
  if (!row) return { scope: { kind: 'principals', ids: [] }, tier: null }
  if (row.tier === 'EXECUTIVE') return { scope: { kind: 'all' }, tier: row.tier }
  return { scope: { kind: 'principals', ids: row.principals }, tier: row.tier }
}

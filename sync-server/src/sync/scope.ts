/**
 * Who sees which rows (design architecture §4, docs/architecture.md §7), as SQL predicates — one function per synced
 * table, all in this file so they are reviewed together. The same predicates serve pull filtering, push
 * authorization (a written row must be in scope before and after the write), the enter/leave computation after a
 * scope-affecting write (scope-changes.ts) and the poke audience.
 *
 * Every predicate is parameterized by `p`, an SQL expression of type uuid[] holding the *principals*: the user, and for
 * a MANAGER also the active members of the manager's teams (principalsSql). `t` is the alias of the row being tested.
 * Predicates are plain boolean SQL (EXISTS chains), so they work both with a constant array (`$1::uuid[]`, where
 * PostgreSQL can hash the sub-queries) and with a per-user column (`pr.principals`, one user per row).
 *
 * Tombstones stay in scope: a deleted company is still delivered to its account manager, so the device learns of the
 * delete. Only *links* that grant scope (an opportunity, a project team membership, a meeting participation, a team
 * membership …) stop granting it once deleted.
 *
 * Aliases inside the helpers are distinct per helper (`s_c`, `s_o` …) so that an id expression passed in (which names
 * an outer alias) can never be captured by an inner one.
 */
import type { SyncedTable } from '../../../src/shared/model/tables'
import { REFERENCE_TABLES } from '../../../src/shared/model/tables'

/** An SQL boolean expression over alias `t` and the principals array `p`. */
export type ScopePredicate = (t: string, p: string) => string

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

// ── Building blocks: "this row is mine" for the rows that grant scope by naming a user ───────────────────────────

/** A project the principals manage, coordinate, operate or are an active team member of. */
function projectIsMine(pj: string, p: string): string {
  return `(${pj}.project_manager_id = ANY(${p}) OR ${pj}.coordinator_id = ANY(${p}) OR ${pj}.operator_id = ANY(${p})
    OR EXISTS (SELECT 1 FROM project_team_members s_ptm WHERE s_ptm.project_id = ${pj}.id AND s_ptm.user_id = ANY(${p})
               AND s_ptm.deleted_at IS NULL AND s_ptm.is_active))`
}

/** A meeting the principals organise or attend (an internal participant row that is not deleted). */
function meetingIsMine(m: string, p: string): string {
  return `(${m}.organizer_id = ANY(${p})
    OR EXISTS (SELECT 1 FROM meeting_participants s_mp WHERE s_mp.meeting_id = ${m}.id AND s_mp.user_id = ANY(${p})
               AND s_mp.deleted_at IS NULL))`
}

/** The company `id` is in scope: managed by a principal, or a live opportunity, project or meeting of theirs is with it. */
function companyInScope(id: string, p: string, accountManager?: string): string {
  const managed = accountManager
    ? `${accountManager} = ANY(${p})`
    : `EXISTS (SELECT 1 FROM companies s_c WHERE s_c.id = ${id} AND s_c.account_manager_id = ANY(${p}))`
  return `(${managed}
    OR EXISTS (SELECT 1 FROM opportunities s_o WHERE s_o.company_id = ${id} AND s_o.deleted_at IS NULL AND s_o.account_manager_id = ANY(${p}))
    OR EXISTS (SELECT 1 FROM projects s_pj WHERE s_pj.company_id = ${id} AND s_pj.deleted_at IS NULL AND ${projectIsMine('s_pj', p)})
    OR EXISTS (SELECT 1 FROM meetings s_mt WHERE s_mt.company_id = ${id} AND s_mt.deleted_at IS NULL AND ${meetingIsMine('s_mt', p)}))`
}

const branchInScope = (id: string, p: string): string =>
  `EXISTS (SELECT 1 FROM branches s_b WHERE s_b.id = ${id} AND ${companyInScope('s_b.company_id', p)})`

const contactInScope = (id: string, p: string): string =>
  `EXISTS (SELECT 1 FROM contacts s_ct WHERE s_ct.id = ${id} AND ${branchInScope('s_ct.branch_id', p)})`

const opportunityInScope = (id: string, p: string): string =>
  `EXISTS (SELECT 1 FROM opportunities s_op WHERE s_op.id = ${id} AND s_op.account_manager_id = ANY(${p}))`

const leadInScope = (id: string, p: string): string =>
  `EXISTS (SELECT 1 FROM leads s_l WHERE s_l.id = ${id} AND s_l.assigned_to = ANY(${p}))`

const projectInScope = (id: string, p: string): string =>
  `EXISTS (SELECT 1 FROM projects s_pr WHERE s_pr.id = ${id} AND ${projectIsMine('s_pr', p)})`

const sessionInScope = (id: string, p: string): string =>
  `EXISTS (SELECT 1 FROM training_sessions s_ts WHERE s_ts.id = ${id} AND ${projectInScope('s_ts.project_id', p)})`

const classInScope = (id: string, p: string): string =>
  `EXISTS (SELECT 1 FROM training_classes s_tc WHERE s_tc.id = ${id} AND ${sessionInScope('s_tc.session_id', p)})`

const meetingInScope = (id: string, p: string): string =>
  `EXISTS (SELECT 1 FROM meetings s_me WHERE s_me.id = ${id} AND ${meetingIsMine('s_me', p)})`

/** Teams a principal actively belongs to or leads (for TEAM KPI targets). */
const principalTeams = (p: string): string =>
  `SELECT s_tm.team_id FROM team_members s_tm WHERE s_tm.user_id = ANY(${p}) AND ${activeMembership('s_tm')}
   UNION SELECT s_tl.id FROM teams s_tl WHERE s_tl.team_lead_id = ANY(${p}) AND s_tl.deleted_at IS NULL`

/** Departments of the principals (their own department_id, and the departments of their teams). */
const principalDepartments = (p: string): string =>
  `SELECT s_du.department_id FROM users s_du WHERE s_du.id = ANY(${p}) AND s_du.department_id IS NOT NULL
   UNION SELECT s_dt.department_id FROM teams s_dt WHERE s_dt.id IN (${principalTeams(p)}) AND s_dt.department_id IS NOT NULL`

/** The row an activity hangs on (ACTIVITY_ENTITY_TYPES) is in scope. */
function activityEntityInScope(t: string, p: string): string {
  return `(CASE ${t}.entity_type
      WHEN 'COMPANY' THEN ${companyInScope(`${t}.entity_id`, p)}
      WHEN 'CONTACT' THEN ${contactInScope(`${t}.entity_id`, p)}
      WHEN 'LEAD' THEN ${leadInScope(`${t}.entity_id`, p)}
      WHEN 'OPPORTUNITY' THEN ${opportunityInScope(`${t}.entity_id`, p)}
      WHEN 'PROJECT' THEN ${projectInScope(`${t}.entity_id`, p)}
      ELSE false END)`
}

const everyone: ScopePredicate = () => 'true'

// ── One predicate per synced table ────────────────────────────────────────────────────────────────────────────────

export const SCOPE_PREDICATES: { readonly [T in SyncedTable]: ScopePredicate } = {
  // Reference data: every signed-in user receives all of it (users without secrets: those live in user_credentials).
  roles: everyone,
  permissions: everyone,
  role_permissions: everyone,
  departments: everyone,
  users: everyone,
  teams: everyone,
  team_members: everyone,
  industries: everyone,
  product_categories: everyone,
  products: everyone,
  instructors: everyone,
  kpi_definitions: everyone,
  campaigns: everyone,

  // Customers: companies they manage or work with, and those companies' branches and contacts.
  companies: (t, p) => companyInScope(`${t}.id`, p, `${t}.account_manager_id`),
  branches: (t, p) => companyInScope(`${t}.company_id`, p),
  contacts: (t, p) => branchInScope(`${t}.branch_id`, p),

  // Sales: opportunities they manage (with their stage history), contracts of their companies, leads assigned to them.
  opportunities: (t, p) => `${t}.account_manager_id = ANY(${p})`,
  opportunity_stage_history: (t, p) => opportunityInScope(`${t}.opportunity_id`, p),
  contracts: (t, p) => companyInScope(`${t}.company_id`, p),
  leads: (t, p) => `${t}.assigned_to = ANY(${p})`,
  lead_assignments: (t, p) => leadInScope(`${t}.lead_id`, p),

  // Projects they run or are on, with sessions, classes, enrolments, attendance, feedback and the trainees there.
  projects: (t, p) => projectIsMine(t, p),
  project_team_members: (t, p) => projectInScope(`${t}.project_id`, p),
  training_sessions: (t, p) => projectInScope(`${t}.project_id`, p),
  training_classes: (t, p) => sessionInScope(`${t}.session_id`, p),
  // A trainee is visible where they are enrolled or were marked present (walk-ins have attendance but no enrolment).
  trainees: (t, p) => `(EXISTS (SELECT 1 FROM enrollments s_en WHERE s_en.trainee_id = ${t}.id AND s_en.deleted_at IS NULL
                                AND ${classInScope('s_en.class_id', p)})
      OR EXISTS (SELECT 1 FROM attendance_records s_ar WHERE s_ar.trainee_id = ${t}.id AND s_ar.deleted_at IS NULL
                 AND ${classInScope('s_ar.class_id', p)}))`,
  enrollments: (t, p) => classInScope(`${t}.class_id`, p),
  attendance_records: (t, p) => classInScope(`${t}.class_id`, p),
  training_feedback: (t, p) => sessionInScope(`${t}.session_id`, p),

  // Meetings they organise or attend, with everything hanging on them.
  meetings: (t, p) => meetingIsMine(t, p),
  meeting_participants: (t, p) => meetingInScope(`${t}.meeting_id`, p),
  meeting_agenda: (t, p) => meetingInScope(`${t}.meeting_id`, p),
  meeting_minutes: (t, p) => meetingInScope(`${t}.meeting_id`, p),
  meeting_action_items: (t, p) => meetingInScope(`${t}.meeting_id`, p),
  meeting_products: (t, p) => meetingInScope(`${t}.meeting_id`, p),

  // KPI targets for themselves, their teams and departments, and our company as a whole; actuals follow targets.
  kpi_targets: (t, p) => `(${t}.entity_type IS NULL OR ${t}.entity_type = 'COMPANY'
      OR (${t}.entity_type = 'USER' AND ${t}.entity_id = ANY(${p}))
      OR (${t}.entity_type = 'TEAM' AND ${t}.entity_id IN (${principalTeams(p)}))
      OR (${t}.entity_type = 'DEPARTMENT' AND ${t}.entity_id IN (${principalDepartments(p)})))`,
  kpi_actuals: (t, p) =>
    `EXISTS (SELECT 1 FROM kpi_targets s_kt WHERE s_kt.id = ${t}.kpi_target_id AND ${SCOPE_PREDICATES.kpi_targets('s_kt', p)})`,

  // Activities on any row in scope.
  activities: (t, p) => activityEntityInScope(t, p),

  // Conflicts they are party to (as the winning or the losing writer).
  sync_conflicts: (t, p) => `(${t}.winning_user_id = ANY(${p}) OR ${t}.losing_user_id = ANY(${p}))`,
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
  return SCOPE_PREDICATES[table](alias, `$${param}::uuid[]`)
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

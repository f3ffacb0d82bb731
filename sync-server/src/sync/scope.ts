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

// ── Scope as id sets and row predicates ─────────────────────────────────────────────────────────────────────────
//
// Each table's scope has two equivalent forms, defined side by side:
// - `set(p)`: SQL returning the ids in scope, built from UNIONs and top-level `IN (…)` only. Inside a LATERAL over
//   many users (`pr.principals`) PostgreSQL computes each user's set once, with hash semi-joins;
// - `predicate(t, p)`: a condition on alias `t` testing the row's own columns against its parent's set
//   (`t.branch_id IN (branches in scope)`), for one user with a constant array: the parent set is a hashed sub-plan
//   computed once per statement, and no table is scanned for its own ids.
// Correlated `EXISTS … OR EXISTS …` would cost a chain of index probes per row instead (~25× slower on a first pull).
// Both forms are built twice from the same definitions (buildScopes): with `IN (…)` links (SCOPES, for the callers
// above) and with `= ANY(ARRAY(…))` links (PROBE_SCOPES, behind scopeIdCondition) for paging one user's rows of a big
// table, where a predicate tested per row would read the whole table (bench scenario 11).

export interface TableScope {
  /** SQL: `SELECT … AS id` of the rows in scope. */
  readonly set: (p: string) => string
  /** SQL boolean on alias `t`. */
  readonly predicate: (t: string, p: string) => string
}

/** How a set is tied to its parent set: `column IN (set)` (hash semi-joins) or `column = ANY(ARRAY(set))` (probes). */
type Within = (column: string, set: string) => string

/** Every table's scope, with parent sets joined by `within`. */
function buildScopes(within: Within): { readonly [T in SyncedTable]: TableScope } {
  /** The row's scope follows its parent's: `column` points at a row of the parent set. */
  const viaParent = (table: string, column: string, parent: (p: string) => string): TableScope => ({
    set: (p) => `SELECT id FROM ${table} WHERE ${within(column, parent(p))}`,
    predicate: (t, p) => within(`${t}.${column}`, parent(p)),
  })

  /** The row's own columns decide (no sub-query). */
  const ownColumns = (table: string, condition: (t: string, p: string) => string): TableScope => ({
    set: (p) => `SELECT s_own.id FROM ${table} s_own WHERE ${condition('s_own', p)}`,
    predicate: condition,
  })

  const everything = (table: string): TableScope => ({ set: () => `SELECT id FROM ${table}`, predicate: () => 'true' })

  /** Projects the principals manage, coordinate or operate (own columns) or are an active team member of. */
  const projectRoles = (t: string, p: string): string =>
    `${t}.project_manager_id = ANY(${p}) OR ${t}.coordinator_id = ANY(${p}) OR ${t}.operator_id = ANY(${p})`
  const projectMemberships = (p: string): string => `SELECT project_id FROM project_team_members WHERE user_id = ANY(${p}) AND deleted_at IS NULL AND is_active`
  const myProjects = (p: string): string => `SELECT id FROM projects WHERE ${projectRoles('projects', p)} UNION ${projectMemberships(p)}`

  /** Meetings the principals organise or attend (an internal participant row that is not deleted). */
  const participations = (p: string): string => `SELECT meeting_id FROM meeting_participants WHERE user_id = ANY(${p}) AND deleted_at IS NULL`
  const myMeetings = (p: string): string => `SELECT id FROM meetings WHERE organizer_id = ANY(${p}) UNION ${participations(p)}`

  /** Companies a live opportunity, project or meeting of the principals is with. */
  const grantedCompanies = (p: string): string =>
    `SELECT company_id FROM opportunities WHERE account_manager_id = ANY(${p}) AND deleted_at IS NULL
     UNION SELECT company_id FROM projects WHERE deleted_at IS NULL AND ${within('id', myProjects(p))}
     UNION SELECT company_id FROM meetings WHERE deleted_at IS NULL AND company_id IS NOT NULL AND ${within('id', myMeetings(p))}`
  const myCompanies = (p: string): string => `SELECT id FROM companies WHERE account_manager_id = ANY(${p}) UNION ${grantedCompanies(p)}`

  const myBranches = (p: string): string => `SELECT id FROM branches WHERE ${within('company_id', myCompanies(p))}`
  const myContacts = (p: string): string => `SELECT id FROM contacts WHERE ${within('branch_id', myBranches(p))}`
  const myOpportunities = (p: string): string => `SELECT id FROM opportunities WHERE account_manager_id = ANY(${p})`
  const myLeads = (p: string): string => `SELECT id FROM leads WHERE assigned_to = ANY(${p})`
  const mySessions = (p: string): string => `SELECT id FROM training_sessions WHERE ${within('project_id', myProjects(p))}`
  const myClasses = (p: string): string => `SELECT id FROM training_classes WHERE ${within('session_id', mySessions(p))}`

  /** Teams a principal actively belongs to or leads (TEAM KPI targets). */
  const myTeams = (p: string): string =>
    `SELECT team_id FROM team_members WHERE user_id = ANY(${p}) AND ${activeMembership('team_members')}
     UNION SELECT id FROM teams WHERE team_lead_id = ANY(${p}) AND deleted_at IS NULL`

  /** Departments of the principals: their own, and those of their teams (DEPARTMENT KPI targets). */
  const myDepartments = (p: string): string =>
    `SELECT department_id FROM users WHERE id = ANY(${p}) AND department_id IS NOT NULL
     UNION SELECT department_id FROM teams WHERE department_id IS NOT NULL AND ${within('id', myTeams(p))}`

  const kpiTargetScope: TableScope = {
    set: (p) =>
      `SELECT id FROM kpi_targets WHERE entity_type IS NULL OR entity_type = 'COMPANY'
       UNION SELECT id FROM kpi_targets WHERE entity_type = 'USER' AND entity_id = ANY(${p})
       UNION SELECT id FROM kpi_targets WHERE entity_type = 'TEAM' AND ${within('entity_id', myTeams(p))}
       UNION SELECT id FROM kpi_targets WHERE entity_type = 'DEPARTMENT' AND ${within('entity_id', myDepartments(p))}`,
    predicate: (t, p) =>
      `(${t}.entity_type IS NULL OR ${t}.entity_type = 'COMPANY'
        OR (${t}.entity_type = 'USER' AND ${t}.entity_id = ANY(${p}))
        OR (${t}.entity_type = 'TEAM' AND ${within(`${t}.entity_id`, myTeams(p))})
        OR (${t}.entity_type = 'DEPARTMENT' AND ${within(`${t}.entity_id`, myDepartments(p))}))`,
  }

  /** The rows an activity may hang on (ACTIVITY_ENTITY_TYPES), with their sets. */
  const activityEntities = (p: string): (readonly [string, string])[] => [
    ['COMPANY', myCompanies(p)],
    ['CONTACT', myContacts(p)],
    ['LEAD', myLeads(p)],
    ['OPPORTUNITY', myOpportunities(p)],
    ['PROJECT', myProjects(p)],
  ]

  const activityScope: TableScope = {
    set: (p) =>
      activityEntities(p)
        .map(([type, set]) => `SELECT id FROM activities WHERE entity_type = '${type}' AND ${within('entity_id', set)}`)
        .join('\n     UNION '),
    predicate: (t, p) =>
      `(CASE ${t}.entity_type ${activityEntities(p)
        .map(([type, set]) => `WHEN '${type}' THEN ${within(`${t}.entity_id`, set)}`)
        .join(' ')} ELSE false END)`,
  }

  /** The records a file may hang on (ATTACHMENT_ENTITY_TYPES), with their sets: an attachment is seen with its record. */
  const attachmentEntities = (p: string): (readonly [string, string])[] => [
    ['MEETING_MINUTES', `SELECT id FROM meeting_minutes WHERE ${within('meeting_id', myMeetings(p))}`],
    ['COMPANY', myCompanies(p)],
    ['OPPORTUNITY', myOpportunities(p)],
    ['PROJECT', myProjects(p)],
    ['TRAINING_CLASS', myClasses(p)],
    ['ACTIVITY', activityScope.set(p)],
  ]

  const attachmentScope: TableScope = {
    set: (p) =>
      attachmentEntities(p)
        .map(([type, set]) => `SELECT id FROM attachments WHERE entity_type = '${type}' AND ${within('entity_id', set)}`)
        .join('\n     UNION '),
    predicate: (t, p) =>
      `(CASE ${t}.entity_type ${attachmentEntities(p)
        .map(([type, set]) => `WHEN '${type}' THEN ${within(`${t}.entity_id`, set)}`)
        .join(' ')} ELSE false END)`,
  }

  const enrolledTrainees = (p: string): string =>
    `SELECT trainee_id FROM enrollments WHERE deleted_at IS NULL AND ${within('class_id', myClasses(p))}
     UNION SELECT trainee_id FROM attendance_records WHERE deleted_at IS NULL AND ${within('class_id', myClasses(p))}`

  // ── One scope per synced table ────────────────────────────────────────────────────────────────────────────────────

  return {
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

    // Customers: companies they manage or work with (an opportunity, project or meeting), with branches and contacts.
    companies: { set: myCompanies, predicate: (t, p) => `(${t}.account_manager_id = ANY(${p}) OR ${within(`${t}.id`, grantedCompanies(p))})` },
    branches: viaParent('branches', 'company_id', myCompanies),
    contacts: viaParent('contacts', 'branch_id', myBranches),

    // Sales: opportunities they manage (with their stage history), contracts of their companies, leads assigned to them.
    opportunities: ownColumns('opportunities', (t, p) => `${t}.account_manager_id = ANY(${p})`),
    opportunity_stage_history: viaParent('opportunity_stage_history', 'opportunity_id', myOpportunities),
    contracts: viaParent('contracts', 'company_id', myCompanies),
    leads: ownColumns('leads', (t, p) => `${t}.assigned_to = ANY(${p})`),
    lead_assignments: viaParent('lead_assignments', 'lead_id', myLeads),

    // Projects they run or are on, with sessions, classes, enrolments, attendance, feedback and the trainees there.
    projects: { set: myProjects, predicate: (t, p) => `(${projectRoles(t, p)} OR ${within(`${t}.id`, projectMemberships(p))})` },
    project_team_members: viaParent('project_team_members', 'project_id', myProjects),
    training_sessions: viaParent('training_sessions', 'project_id', myProjects),
    training_classes: viaParent('training_classes', 'session_id', mySessions),
    // A trainee is visible where they are enrolled or were marked present (walk-ins have attendance but no enrolment),
    // and to whoever created them: a trainee made offline may reach the server before the enrolment that puts it on
    // one of their classes (a push replayed one mutation at a time, or split), and must not be refused meanwhile.
    trainees: {
      set: (p) => `SELECT id FROM trainees WHERE created_by = ANY(${p}) UNION ${enrolledTrainees(p)}`,
      predicate: (t, p) => `(${t}.created_by = ANY(${p}) OR ${within(`${t}.id`, enrolledTrainees(p))})`,
    },
    enrollments: viaParent('enrollments', 'class_id', myClasses),
    attendance_records: viaParent('attendance_records', 'class_id', myClasses),
    training_feedback: viaParent('training_feedback', 'session_id', mySessions),

    // Meetings they organise or attend, with everything hanging on them.
    meetings: { set: myMeetings, predicate: (t, p) => `(${t}.organizer_id = ANY(${p}) OR ${within(`${t}.id`, participations(p))})` },
    meeting_participants: viaParent('meeting_participants', 'meeting_id', myMeetings),
    meeting_agenda: viaParent('meeting_agenda', 'meeting_id', myMeetings),
    meeting_minutes: viaParent('meeting_minutes', 'meeting_id', myMeetings),
    meeting_action_items: viaParent('meeting_action_items', 'meeting_id', myMeetings),
    meeting_products: viaParent('meeting_products', 'meeting_id', myMeetings),

    // KPI targets for themselves, their teams and departments, and our company as a whole; actuals follow targets.
    kpi_targets: kpiTargetScope,
    kpi_actuals: viaParent('kpi_actuals', 'kpi_target_id', kpiTargetScope.set),

    // Activities on any row in scope.
    activities: activityScope,
    // Files on any record in scope (meeting minutes, companies, opportunities, projects, classes, activities).
    attachments: attachmentScope,

    // Instructor double bookings (server-authored) of classes in either project they see: the row names the other
    // class by numbers, times and coordinator only, so it tells nothing of a project out of their scope beyond that.
    instructor_clashes: {
      set: (p) =>
        `SELECT id FROM instructor_clashes WHERE ${within('project_a_id', myProjects(p))} UNION SELECT id FROM instructor_clashes WHERE ${within('project_b_id', myProjects(p))}`,
      predicate: (t, p) => `(${within(`${t}.project_a_id`, myProjects(p))} OR ${within(`${t}.project_b_id`, myProjects(p))})`,
    },

    // Conflicts they are party to (as the winning or the losing writer).
    sync_conflicts: ownColumns('sync_conflicts', (t, p) => `(${t}.winning_user_id = ANY(${p}) OR ${t}.losing_user_id = ANY(${p}))`),
  }
}

/**
 * The definitions as the LATERAL (audience, scope changes) and per-row predicate callers use them: `IN (…)`, so a
 * parent set becomes a hashed sub-plan or a hash semi-join.
 */
export const SCOPES = buildScopes((column, set) => `${column} IN (${set})`)

/**
 * The same definitions for ONE user's ids in a big table (a first pull's pages): `= ANY(ARRAY(…))` makes every parent
 * set an init-plan computed once and every step an index probe of the child's foreign-key index, so the cost follows
 * the rows in scope, not the table. With `IN (…)` the planner hash-joins against a sequential scan of the child
 * table as soon as its estimate of the parent set (UNIONs overestimate) times a random page passes the table's size:
 * a first pull of ~3,000 rows read 71k buffers on a 1M-row server (docs/benchmarks.md, scenario 11).
 */
const PROBE_SCOPES = buildScopes((column, set) => `${column} = ANY(ARRAY(${set}))`)

/**
 * `alias.id` among the ids in scope for one set of principals bound to `$param` (uuid[]), evaluated by index probes
 * (PROBE_SCOPES); `'true'` when unrestricted. For paging one user's rows of a table in id order.
 */
export function scopeIdCondition(table: SyncedTable, alias: string, scope: Scope, param: number): string {
  if (isUnrestricted(scope, table)) return 'true'
  return `${alias}.id = ANY(ARRAY(${PROBE_SCOPES[table].set(`$${param}::uuid[]`)}))`
}

/** The ids of `table` in the scope of principals `p` (an SQL uuid[] expression). */
export function scopeSet(table: SyncedTable, p: string): string {
  return SCOPES[table].set(p)
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
  return SCOPES[table].predicate(alias, `$${param}::uuid[]`)
}

/**
 * Loads a user's tier and principals in one round trip; an EXECUTIVE (or an unknown user: none) is handled here. Also
 * returns the authz epoch of the same snapshot (rights-cache.ts), null for an unknown user.
 */
export async function loadScope(
  db: { query: <R>(sql: string, params: unknown[]) => Promise<{ rows: R[] }> },
  userId: string,
): Promise<{ scope: Scope; tier: string | null; epoch: string | null }> {
  const { rows } = await db.query<{ tier: string; principals: string[]; epoch: string | null }>(
    `SELECT u.user_tier AS tier, ${principalsSql('u.id')} AS principals, (SELECT a.epoch FROM authz_epoch a WHERE a.id = 1)::text AS epoch
       FROM users u WHERE u.id = $1 AND u.deleted_at IS NULL`,
    [userId],
  )
  const row = rows[0]
  if (!row) return { scope: { kind: 'principals', ids: [] }, tier: null, epoch: null }
  if (row.tier === 'EXECUTIVE') return { scope: { kind: 'all' }, tier: row.tier, epoch: row.epoch }
  return { scope: { kind: 'principals', ids: row.principals }, tier: row.tier, epoch: row.epoch }
}

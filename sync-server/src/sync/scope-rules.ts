/**
 * What can change a scope, as data (docs/architecture.md §7), next to scope.ts which it mirrors: review them together.
 * For each table: the columns naming users who hold the row, the rows it grants scope to, the link columns that decide
 * whether it grants at all, and the parent columns its scope follows; the organisation columns that change principals;
 * and the parent → child edges along which a scope change spreads. Plus the scope lock that serializes scope changes.
 */
import type { SyncedTable } from '../../../src/shared/model/tables'
import { SYNCED_TABLES } from '../../../src/shared/model/tables'
import type { Queryable } from '../postgres/transaction'

export interface Grant {
  readonly column: string
  readonly table: SyncedTable
}

export interface ScopeRule {
  /** Columns naming a user who gets the row (and what it grants) in scope. */
  readonly principals?: readonly string[]
  /** Rows this row puts in scope for its principals. */
  readonly grants?: readonly Grant[]
  /** Columns that decide whether a link row grants at all. */
  readonly links?: readonly string[]
  /** Columns tying the row to the parent its scope derives from: a change moves it between audiences. */
  readonly parents?: readonly string[]
  /** Other users holding the row through it (SQL over $1 = row ids, returning user_id). */
  readonly holders?: string
}

const companyGrant: Grant = { column: 'company_id', table: 'companies' }

/** Mirrors the predicates in scope.ts: review the two together. */
export const RULES: { readonly [T in SyncedTable]?: ScopeRule } = {
  companies: { principals: ['account_manager_id'] },
  opportunities: { principals: ['account_manager_id'], grants: [companyGrant], links: ['deleted_at'] },
  projects: {
    principals: ['project_manager_id', 'coordinator_id', 'operator_id'],
    grants: [companyGrant],
    links: ['deleted_at'],
    holders: `SELECT user_id FROM project_team_members WHERE project_id = ANY($1::uuid[]) AND deleted_at IS NULL AND is_active`,
  },
  project_team_members: { principals: ['user_id'], grants: [{ column: 'project_id', table: 'projects' }], links: ['deleted_at', 'is_active'] },
  meetings: {
    principals: ['organizer_id'],
    grants: [companyGrant],
    links: ['deleted_at'],
    holders: `SELECT user_id FROM meeting_participants WHERE meeting_id = ANY($1::uuid[]) AND deleted_at IS NULL AND user_id IS NOT NULL`,
  },
  meeting_participants: { principals: ['user_id'], grants: [{ column: 'meeting_id', table: 'meetings' }], links: ['deleted_at'] },
  leads: { principals: ['assigned_to'] },
  // The creator keeps a trainee made before its enrolment. The server writes created_by once, on create, so it never
  // triggers a scope change (a create without grants is delivered by its own change entry).
  trainees: { principals: ['created_by'] },
  enrollments: { parents: ['class_id'], grants: [{ column: 'trainee_id', table: 'trainees' }], links: ['deleted_at'] },
  attendance_records: { parents: ['class_id'], grants: [{ column: 'trainee_id', table: 'trainees' }], links: ['deleted_at'] },
  branches: { parents: ['company_id'] },
  contacts: { parents: ['branch_id'] },
  contracts: { parents: ['company_id'] },
  opportunity_stage_history: { parents: ['opportunity_id'] },
  lead_assignments: { parents: ['lead_id'] },
  training_sessions: { parents: ['project_id'] },
  training_classes: { parents: ['session_id'] },
  training_feedback: { parents: ['session_id'] },
  meeting_agenda: { parents: ['meeting_id'] },
  meeting_minutes: { parents: ['meeting_id'] },
  meeting_action_items: { parents: ['meeting_id'] },
  meeting_products: { parents: ['meeting_id'] },
  kpi_targets: { parents: ['entity_type', 'entity_id'] },
  kpi_actuals: { parents: ['kpi_target_id'] },
  activities: { parents: ['entity_type', 'entity_id'] },
  attachments: { parents: ['entity_type', 'entity_id'] },
  // Written by the server only (devices may write nothing): a project's audience change reaches it through CHILD_EDGES.
  instructor_clashes: { parents: ['project_a_id', 'project_b_id'] },
  // Written by the server only (devices may change status and resolved_at), listed for completeness.
  sync_conflicts: { principals: ['winning_user_id', 'losing_user_id'] },
}

/** Organisation changes that alter principals (or the KPI teams/departments): recompute those users in full. */
export const ORG_COLUMNS: { readonly [T in SyncedTable]?: readonly string[] } = {
  users: ['user_tier', 'department_id', 'deleted_at'],
  team_members: ['team_id', 'user_id', 'left_at', 'deleted_at'],
  teams: ['team_lead_id', 'department_id', 'deleted_at'],
}

/** Downward edges: a child's scope follows its parent's. SQL over $1 = parent ids, returning (parent, child). */
export const CHILD_EDGES: readonly { readonly parent: SyncedTable; readonly child: SyncedTable; readonly sql: string }[] = [
  ...(['branches', 'contracts'] as const).map((child) => ({
    parent: 'companies' as const,
    child,
    sql: `SELECT company_id AS parent, id AS child FROM ${child} WHERE company_id = ANY($1::uuid[])`,
  })),
  { parent: 'branches', child: 'contacts', sql: `SELECT branch_id AS parent, id AS child FROM contacts WHERE branch_id = ANY($1::uuid[])` },
  {
    parent: 'opportunities',
    child: 'opportunity_stage_history',
    sql: `SELECT opportunity_id AS parent, id AS child FROM opportunity_stage_history WHERE opportunity_id = ANY($1::uuid[])`,
  },
  { parent: 'leads', child: 'lead_assignments', sql: `SELECT lead_id AS parent, id AS child FROM lead_assignments WHERE lead_id = ANY($1::uuid[])` },
  ...(['project_team_members', 'training_sessions'] as const).map((child) => ({
    parent: 'projects' as const,
    child,
    sql: `SELECT project_id AS parent, id AS child FROM ${child} WHERE project_id = ANY($1::uuid[])`,
  })),
  // A clash follows both of its projects: whoever enters either project receives it.
  {
    parent: 'projects',
    child: 'instructor_clashes',
    sql: `SELECT project_a_id AS parent, id AS child FROM instructor_clashes WHERE project_a_id = ANY($1::uuid[])
          UNION ALL SELECT project_b_id, id FROM instructor_clashes WHERE project_b_id = ANY($1::uuid[])`,
  },
  ...(['training_classes', 'training_feedback'] as const).map((child) => ({
    parent: 'training_sessions' as const,
    child,
    sql: `SELECT session_id AS parent, id AS child FROM ${child} WHERE session_id = ANY($1::uuid[])`,
  })),
  ...(['enrollments', 'attendance_records'] as const).map((child) => ({
    parent: 'training_classes' as const,
    child,
    sql: `SELECT class_id AS parent, id AS child FROM ${child} WHERE class_id = ANY($1::uuid[])`,
  })),
  ...(['enrollments', 'attendance_records'] as const).map((parent) => ({
    parent,
    child: 'trainees' as const,
    sql: `SELECT id AS parent, trainee_id AS child FROM ${parent} WHERE id = ANY($1::uuid[])`,
  })),
  ...(['meeting_participants', 'meeting_agenda', 'meeting_minutes', 'meeting_action_items', 'meeting_products'] as const).map((child) => ({
    parent: 'meetings' as const,
    child,
    sql: `SELECT meeting_id AS parent, id AS child FROM ${child} WHERE meeting_id = ANY($1::uuid[])`,
  })),
  { parent: 'kpi_targets', child: 'kpi_actuals', sql: `SELECT kpi_target_id AS parent, id AS child FROM kpi_actuals WHERE kpi_target_id = ANY($1::uuid[])` },
  ...(
    [
      ['companies', 'COMPANY'],
      ['contacts', 'CONTACT'],
      ['leads', 'LEAD'],
      ['opportunities', 'OPPORTUNITY'],
      ['projects', 'PROJECT'],
    ] as const
  ).map(([parent, type]) => ({
    parent,
    child: 'activities' as const,
    sql: `SELECT entity_id AS parent, id AS child FROM activities WHERE entity_type = '${type}' AND entity_id = ANY($1::uuid[])`,
  })),
  // A file's scope follows the record it is attached to.
  ...(
    [
      ['meeting_minutes', 'MEETING_MINUTES'],
      ['companies', 'COMPANY'],
      ['opportunities', 'OPPORTUNITY'],
      ['projects', 'PROJECT'],
      ['training_classes', 'TRAINING_CLASS'],
      ['activities', 'ACTIVITY'],
    ] as const
  ).map(([parent, type]) => ({
    parent,
    child: 'attachments' as const,
    sql: `SELECT entity_id AS parent, id AS child FROM attachments WHERE entity_type = '${type}' AND entity_id = ANY($1::uuid[])`,
  })),
]

/** Every column whose change can alter a scope, per table (principals, grants, links, parents, organisation). */
const SCOPE_COLUMNS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  SYNCED_TABLES.flatMap((table) => {
    const rule = RULES[table]
    const columns = [
      ...(rule?.principals ?? []),
      ...(rule?.grants ?? []).map((g) => g.column),
      ...(rule?.links ?? []),
      ...(rule?.parents ?? []),
      ...(ORG_COLUMNS[table] ?? []),
    ]
    return columns.length > 0 ? [[table, new Set(columns)] as const] : []
  }),
)

/** The columns of `table` whose change can alter a scope (empty for tables no scope depends on). */
export function scopeColumns(table: string): ReadonlySet<string> {
  return SCOPE_COLUMNS.get(table) ?? new Set()
}

/**
 * A conservative look at a raw mutation, before anything is loaded: could applying it change someone's scope?
 * (A create always carries its scope columns, which are NOT NULL; a delete writes deleted_at.) push.ts uses it to
 * choose the scope lock's mode before the transaction gets its id.
 */
export function mayChangeScope(raw: unknown): boolean {
  if (raw === null || typeof raw !== 'object') return false
  const { table, op, fields } = raw as { table?: unknown; op?: unknown; fields?: unknown }
  const columns = typeof table === 'string' ? SCOPE_COLUMNS.get(table) : undefined
  if (!columns) return false
  if (op === 'delete') return columns.has('deleted_at')
  return fields !== null && typeof fields === 'object' && Object.keys(fields).some((name) => columns.has(name))
}

/** Arbitrary but fixed advisory-lock key ("scop"): scope-changing pushes hold it exclusively, all others shared. */
const SCOPE_LOCK_KEY = 0x73636f70

/**
 * The scope lock (transaction-scoped). Exclusive for a push that may change scopes, shared for every other push, so
 * a scope change and its enter/leave entries are computed while no other write is in flight, and no write can slip
 * between them. Take it before anything assigns the transaction its id, so the txid order follows the lock order.
 */
export async function lockScope(db: Queryable, mode: 'shared' | 'exclusive'): Promise<void> {
  await db.query(mode === 'exclusive' ? 'SELECT pg_advisory_xact_lock($1)' : 'SELECT pg_advisory_xact_lock_shared($1)', [SCOPE_LOCK_KEY])
}

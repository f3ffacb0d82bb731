/**
 * Scope changes (docs/architecture.md §7): after a write that changes who may see which rows — reassigning an account
 * manager, a lead, a project role, a meeting participant, a team membership, a tier … — the rows that entered or left a
 * user's scope are written to change_log as `enter`/`leave` entries addressed to that user, in the same transaction.
 * Pull turns `enter` into the row (if still in scope) and `leave` into `removed` (if not in scope now): the entries are
 * hints checked again at pull time, so this module may over-approximate but must never miss a row.
 *
 * Computing every user's whole scope before and after each write would be far too slow, so the work is narrowed:
 * - *roots*: the rows whose own scope the write can change — the written row, and the rows it grants scope to
 *   (an opportunity grants its company, a project team membership its project and that project's company …);
 * - *users*: for a change that names users (account_manager_id, organizer_id, user_id …) only those users, old and new,
 *   everyone who holds the row through the same link (a project's team, a meeting's participants), and the MANAGERs
 *   whose principals include them; for a structural change (a branch moved to another company) every user;
 * - each affected user's scope of the roots is evaluated before and after; the difference is expanded to the roots'
 *   descendants (a company's branches, contacts, contracts and activities …), which share their root's fate.
 * Changes to the organisation itself (a user's tier or department, team memberships, team leads) alter a user's
 * principals, so those users' scopes are recomputed in full, in SQL, without leaving the database.
 *
 * Callers hold the scope lock (push.ts), so two scope-changing transactions never compute against each other's
 * uncommitted state.
 */
import type { SyncedTable } from '../../../src/shared/model/tables'
import { SYNCED_TABLES } from '../../../src/shared/model/tables'
import type { Queryable } from '../postgres/transaction'
import type { ChangeLogEntry } from './change-log'
import type { WireValues } from './merge-row'
import { managersOfSql, principalsSql, scopeSet } from './scope'
import { CHILD_EDGES, ORG_COLUMNS, RULES } from './scope-rules'
import { TABLES } from './tables'

/** One row's state before (null: created in this batch) and after a batch. */
export interface RowTransition {
  readonly table: SyncedTable
  readonly id: string
  readonly before: WireValues | null
  readonly after: WireValues
}

/** Tables whose rows are not visible to everyone: the domain of a full recomputation. */
const SCOPED_TABLES = SYNCED_TABLES.filter((name) => !TABLES.get(name)!.reference)

type IdsByTable = Map<SyncedTable, Set<string>>

const add = (map: IdsByTable, table: SyncedTable, id: unknown): void => {
  if (typeof id !== 'string') return
  const set = map.get(table) ?? new Set<string>()
  set.add(id)
  map.set(table, set)
}

const changed = (t: RowTransition, columns: readonly string[] = []): boolean =>
  t.before !== null && columns.some((name) => JSON.stringify(t.before![name] ?? null) !== JSON.stringify(t.after[name] ?? null))

/** What one batch needs recomputed; built from the in-memory transitions before anything is written. */
export interface ScopeChangePlan {
  /** Roots evaluated for the named users only. */
  readonly namedRoots: IdsByTable
  readonly namedUsers: Set<string>
  /** Roots evaluated for every user (structural changes). */
  readonly sharedRoots: IdsByTable
  /** Users whose principals (or KPI teams/departments) change: recomputed in full. */
  readonly fullUsers: Set<string>
  /** Granting rows (existing ones) whose other holders must be named (projects' team, meetings' participants). */
  readonly holderRows: IdsByTable
  /** Teams whose members/lead are affected by a membership or lead change. */
  readonly teams: Set<string>
}

export function planScopeChanges(transitions: readonly RowTransition[]): ScopeChangePlan | null {
  const plan: ScopeChangePlan = {
    namedRoots: new Map(),
    namedUsers: new Set(),
    sharedRoots: new Map(),
    fullUsers: new Set(),
    holderRows: new Map(),
    teams: new Set(),
  }
  const inBatch = new Map(transitions.map((t) => [`${t.table}:${t.id}`, t]))
  let any = false

  for (const t of transitions) {
    const org = ORG_COLUMNS[t.table]
    if (org) {
      if (t.table === 'users' ? changed(t, org) : t.before === null || changed(t, org)) {
        any = true
        planOrgChange(plan, t)
      }
      continue
    }
    const rule = RULES[t.table]
    if (!rule) continue
    const triggered =
      t.before === null
        ? rule.grants !== undefined
        : changed(t, [...(rule.principals ?? []), ...(rule.grants ?? []).map((g) => g.column), ...(rule.links ?? []), ...(rule.parents ?? [])])
    if (!triggered) continue
    any = true
    const structural = rule.parents !== undefined
    const roots = structural ? plan.sharedRoots : plan.namedRoots
    if (t.before !== null) add(roots, t.table, t.id)
    for (const name of rule.principals ?? []) {
      if (t.before) add2(plan.namedUsers, t.before[name])
      add2(plan.namedUsers, t.after[name])
    }
    if (rule.holders && t.before !== null) add(plan.holderRows, t.table, t.id)
    for (const grant of rule.grants ?? []) {
      for (const target of [t.before?.[grant.column], t.after[grant.column]]) {
        if (typeof target !== 'string') continue
        const inner = inBatch.get(`${grant.table}:${target}`)
        if (inner?.before === null) continue // created in this batch: delivered by its own change entry
        add(roots, grant.table, target)
      }
    }
  }
  return any ? plan : null
}

function add2(set: Set<string>, value: unknown): void {
  if (typeof value === 'string') set.add(value)
}

function planOrgChange(plan: ScopeChangePlan, t: RowTransition): void {
  if (t.table === 'users') {
    plan.fullUsers.add(t.id)
    return
  }
  for (const state of [t.before, t.after]) {
    if (!state) continue
    if (t.table === 'team_members') {
      add2(plan.fullUsers, state.user_id)
      add2(plan.teams, state.team_id)
    } else {
      add2(plan.fullUsers, state.team_lead_id)
      plan.teams.add(t.id)
    }
  }
}

type Query = Queryable['query']

/** Fills in what needs the database: holders, upward grants (a project's company), team members, managers. */
async function completePlan(db: Queryable, plan: ScopeChangePlan): Promise<void> {
  for (const [table, ids] of plan.holderRows) {
    const sql = RULES[table]?.holders
    if (!sql) continue
    const { rows } = await db.query<{ user_id: string }>(sql, [[...ids]])
    for (const row of rows) plan.namedUsers.add(row.user_id)
  }
  // A project or meeting root also grants its company (one level up: projects/meetings → companies).
  for (const roots of [plan.namedRoots, plan.sharedRoots]) {
    for (const table of ['projects', 'meetings'] as const) {
      const ids = roots.get(table)
      if (!ids || ids.size === 0) continue
      const { rows } = await db.query<{ company_id: string | null }>(`SELECT company_id FROM ${table} WHERE id = ANY($1::uuid[])`, [[...ids]])
      for (const row of rows) add(roots, 'companies', row.company_id)
    }
  }
  if (plan.teams.size > 0) {
    const { rows } = await db.query<{ user_id: string }>(
      `SELECT user_id FROM team_members WHERE team_id = ANY($1::uuid[]) AND deleted_at IS NULL AND left_at IS NULL
       UNION SELECT team_lead_id FROM teams WHERE id = ANY($1::uuid[]) AND team_lead_id IS NOT NULL`,
      [[...plan.teams]],
    )
    for (const row of rows) plan.fullUsers.add(row.user_id)
  }
  if (plan.namedUsers.size > 0) {
    const { rows } = await db.query<{ manager_id: string }>(managersOfSql('$1::uuid[]'), [[...plan.namedUsers]])
    for (const row of rows) plan.namedUsers.add(row.manager_id)
  }
}

/** SELECT (user_id, table_name, row_id) for `roots` and the users of `pr` (whose SQL uses $1 for its user filter). */
function rootsQuery(roots: IdsByTable, userFilter: string): { sql: string; params: unknown[] } | null {
  const parts: string[] = []
  const params: unknown[] = []
  for (const [table, ids] of roots) {
    if (ids.size === 0 || TABLES.get(table)!.reference) continue
    params.push([...ids])
    // LATERAL: each user's set is computed once, then intersected with the roots.
    parts.push(
      `SELECT pr.user_id, '${table}'::text AS table_name, s.id AS row_id
         FROM pr CROSS JOIN LATERAL (${scopeSet(table, 'pr.principals')}) s(id) WHERE s.id = ANY($${params.length + 2}::uuid[])`,
    )
  }
  if (parts.length === 0) return null
  const sql = `WITH pr AS (
      SELECT u.id AS user_id, ${principalsSql('u.id')} AS principals FROM users u
       WHERE u.deleted_at IS NULL AND u.user_tier <> 'EXECUTIVE' AND NOT (u.id = ANY($2::uuid[])) AND ${userFilter})
    ${parts.join('\nUNION ALL\n')}`
  return { sql, params }
}

interface Snapshot {
  readonly named: Set<string>
  readonly shared: Set<string>
}

const key = (user: string, table: string, id: string): string => `${user}|${table}|${id}`

async function evaluateRoots(query: Query, plan: ScopeChangePlan): Promise<Snapshot> {
  const run = async (roots: IdsByTable, users: string[] | null): Promise<Set<string>> => {
    if (users !== null && users.length === 0) return new Set()
    // $1 null = every user (a structural change can move a row between any audiences).
    const built = rootsQuery(roots, '($1::uuid[] IS NULL OR u.id = ANY($1::uuid[]))')
    if (!built) return new Set()
    const { rows } = await query<{ user_id: string; table_name: string; row_id: string }>(built.sql, [users, [...plan.fullUsers], ...built.params])
    return new Set(rows.map((row) => key(row.user_id, row.table_name, row.row_id)))
  }
  return { named: await run(plan.namedRoots, [...plan.namedUsers]), shared: await run(plan.sharedRoots, null) }
}

/** SELECT (user_id, table_name, row_id) of the whole scope of the users in $1 (executives: every row). */
function fullScopeSql(): string {
  const parts = SCOPED_TABLES.map(
    (table) =>
      `SELECT pr.user_id, '${table}'::text AS table_name, s.id AS row_id
         FROM pr CROSS JOIN LATERAL (${scopeSet(table, 'pr.principals')}) s(id) WHERE NOT pr.exec
       UNION ALL SELECT pr.user_id, '${table}'::text, t.id FROM pr JOIN ${table} t ON pr.exec`,
  )
  return `WITH pr AS (
      SELECT u.id AS user_id, u.user_tier = 'EXECUTIVE' AS exec, ${principalsSql('u.id')} AS principals FROM users u
       WHERE u.id = ANY($1::uuid[]) AND u.deleted_at IS NULL)
    ${parts.join('\nUNION ALL\n')}`
}

export interface ScopeChangeTracker {
  /** Call after the batch's rows are written: appends enter/leave entries, returns the users they address. */
  finish(): Promise<{ entries: ChangeLogEntry[]; users: Set<string> }>
}

/**
 * Call before the batch's rows are written: completes the plan and records each affected user's scope of the roots
 * (and the full scope of users whose principals change, in a temporary table).
 */
export async function trackScopeChanges(db: Queryable, plan: ScopeChangePlan): Promise<ScopeChangeTracker> {
  await completePlan(db, plan)
  const before = await evaluateRoots(db.query.bind(db), plan)
  const fullUsers = [...plan.fullUsers]
  if (fullUsers.length > 0) {
    // ON COMMIT DELETE ROWS keeps the table per pooled connection; a savepoint rollback may have dropped it.
    await db.query(`CREATE TEMP TABLE IF NOT EXISTS sync_scope_before (user_id uuid, table_name text, row_id uuid) ON COMMIT DELETE ROWS`)
    await db.query(`DELETE FROM sync_scope_before`)
    await db.query(`INSERT INTO sync_scope_before (user_id, table_name, row_id) ${fullScopeSql()}`, [fullUsers])
  }

  return {
    async finish() {
      const after = await evaluateRoots(db.query.bind(db), plan)
      const entered = new Map<string, IdsByTable>()
      const left = new Map<string, IdsByTable>()
      const collect = (target: Map<string, IdsByTable>, from: Set<string>, minus: Set<string>): void => {
        for (const k of from) {
          if (minus.has(k)) continue
          const [user, table, id] = k.split('|') as [string, SyncedTable, string]
          const byTable = target.get(user) ?? new Map()
          add(byTable, table, id)
          target.set(user, byTable)
        }
      }
      for (const group of ['named', 'shared'] as const) {
        collect(entered, after[group], before[group])
        collect(left, before[group], after[group])
      }
      const entries = await expandToDescendants(db, entered, left)
      const users = new Set([...entered.keys(), ...left.keys()])

      if (fullUsers.length > 0) {
        const { rows } = await db.query<{ audience_user_id: string }>(
          `WITH after AS (${fullScopeSql()}),
                entered AS (SELECT * FROM after EXCEPT SELECT * FROM sync_scope_before),
                gone AS (SELECT * FROM sync_scope_before EXCEPT SELECT * FROM after)
           INSERT INTO change_log (table_name, row_id, audience_user_id, kind)
           SELECT table_name, row_id, user_id, 'enter' FROM entered
           UNION ALL SELECT table_name, row_id, user_id, 'leave' FROM gone
           RETURNING audience_user_id`,
          [fullUsers],
        )
        for (const row of rows) users.add(row.audience_user_id)
        await db.query(`DELETE FROM sync_scope_before`)
      }
      return { entries, users }
    },
  }
}

/**
 * Every root that entered or left a user's scope takes its descendants along (a company's branches, their contacts,
 * the activities on them …). The descendant graph is read once for all roots; entries are then written per user.
 */
async function expandToDescendants(db: Queryable, entered: Map<string, IdsByTable>, left: Map<string, IdsByTable>): Promise<ChangeLogEntry[]> {
  const frontier: IdsByTable = new Map()
  for (const perUser of [...entered.values(), ...left.values()]) {
    for (const [table, ids] of perUser) for (const id of ids) add(frontier, table, id)
  }
  const children = new Map<string, string[]>() // "table:id" → ["table:id", …]
  const seen: IdsByTable = new Map()
  let pending = frontier
  while (pending.size > 0) {
    const next: IdsByTable = new Map()
    for (const [table, ids] of pending) {
      const fresh = [...ids].filter((id) => !seen.get(table)?.has(id))
      for (const id of fresh) add(seen, table, id)
      if (fresh.length === 0) continue
      for (const edge of CHILD_EDGES.filter((e) => e.parent === table)) {
        const { rows } = await db.query<{ parent: string; child: string | null }>(edge.sql, [fresh])
        for (const row of rows) {
          if (!row.child) continue
          const parentKey = `${table}:${row.parent}`
          const list = children.get(parentKey) ?? []
          list.push(`${edge.child}:${row.child}`)
          children.set(parentKey, list)
          add(next, edge.child, row.child)
        }
      }
    }
    pending = next
  }

  const entries: ChangeLogEntry[] = []
  const emit = (perUser: Map<string, IdsByTable>, kind: 'enter' | 'leave'): void => {
    for (const [user, roots] of perUser) {
      const reached = new Set<string>()
      const stack = [...roots].flatMap(([table, ids]) => [...ids].map((id) => `${table}:${id}`))
      while (stack.length > 0) {
        const node = stack.pop()!
        if (reached.has(node)) continue
        reached.add(node)
        stack.push(...(children.get(node) ?? []))
      }
      for (const node of reached) {
        const at = node.indexOf(':')
        entries.push({ table: node.slice(0, at), rowId: node.slice(at + 1), audienceUserId: user, kind })
      }
    }
  }
  emit(entered, 'enter')
  emit(left, 'leave')
  return entries
}

/**
 * Who may change who owns a record (docs/security.md § Sync authorization, issue 12 "Nobody takes what is not theirs").
 *
 * Owner columns decide whose scope a record is in. Seeing a record (through a meeting one attends, a project team one
 * is on, a company one's opportunity is with) is not owning it: writing an owner column is an *assign* action, allowed
 *
 * - to the current owner of that column (handing over, or giving it up),
 * - for the secondary owner columns of a table with a primary one (a project's coordinator and operator), to the
 *   record's primary owner (the project manager),
 * - to a MANAGER whose principals (the manager and the active members of the manager's teams) hold both the old and
 *   the new owner (an empty side counts as held),
 * - to an EXECUTIVE.
 *
 * (A lead_assignments row is a request to assign, filed by anyone; approving it writes leads.assigned_to, which is
 * checked like any assign.) On create the owner is the writer: naming someone else (or no one) is allowed to managers for people of their teams
 * and to executives; a secondary owner may be named by the record's primary owner.
 *
 * One rule read by the server (sync-server/src/sync/batch.ts refuses the mutation with `assign_not_allowed`) and by
 * the device (src/main/core/outbox/assignment-guard.ts refuses the local write before it reaches the outbox).
 */
import type { UserTier } from '../model/enums'

export interface OwnerColumns {
  /** Every column naming an owner of the row. */
  readonly columns: readonly string[]
  /** The column naming the record's main owner, who may also set the others. */
  readonly primary?: string
}

/** Owner columns per table (SQL names). Organisation tables (users, teams) are the administrators' and not listed. */
export const OWNER_COLUMNS: { readonly [table: string]: OwnerColumns } = {
  companies: { columns: ['account_manager_id'] },
  opportunities: { columns: ['account_manager_id'] },
  leads: { columns: ['assigned_to'] },
  campaigns: { columns: ['owner_id'] },
  projects: { columns: ['project_manager_id', 'coordinator_id', 'operator_id'], primary: 'project_manager_id' },
  training_sessions: { columns: ['coordinator_id'] },
  meetings: { columns: ['organizer_id'] },
}

export function ownerColumnsOf(table: string): readonly string[] {
  return OWNER_COLUMNS[table]?.columns ?? []
}

export interface Assigner {
  readonly userId: string
  readonly tier: UserTier
  /** For a MANAGER: whether the manager's principals hold this user (the manager and their teams' active members). */
  covers(userId: string): boolean
}

export interface AssignmentRefusal {
  readonly column: string
  readonly message: string
}

const asId = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value.toLowerCase() : null)

/**
 * Null when `assigner` may write `fields` over `before` (null: a create); otherwise the first owner column it may not
 * set, with the reason. Only owner columns whose value changes are looked at.
 */
export function assignmentRefusal(
  assigner: Assigner,
  table: string,
  before: Readonly<Record<string, unknown>> | null,
  fields: Readonly<Record<string, unknown>>,
): AssignmentRefusal | null {
  const owners = OWNER_COLUMNS[table]
  if (!owners || assigner.tier === 'EXECUTIVE') return null
  const me = assigner.userId.toLowerCase()
  const covered = (id: string | null): boolean => id === null || id === me || (assigner.tier === 'MANAGER' && assigner.covers(id))
  // The primary owner as the record has it: before the write, or (a create) as the create names it.
  const primaryHolder = owners.primary ? asId(before ? before[owners.primary] : fields[owners.primary]) : null
  for (const column of owners.columns) {
    if (!(column in fields)) continue
    const next = asId(fields[column])
    const old = before ? asId(before[column]) : null
    if (before && next === old) continue
    if (!before && next === me) continue
    if (before && old === me) continue
    if (owners.primary && column !== owners.primary && primaryHolder === me) continue
    if (covered(old) && covered(next) && (assigner.tier === 'MANAGER' || (!before && next === null))) continue
    return {
      column,
      message: before
        ? `only the current owner, their manager or an executive may change ${column}`
        : `a new record is yours: only a manager (for their team) or an executive may give ${column} to someone else`,
    }
  }
  return null
}

/** What a screen knows of the signed-in user for the owner rule: the device reads it from the replica's directory. */
export interface AssignerFacts {
  readonly userId: string
  readonly tier: UserTier
  /** For a MANAGER: the members of the teams the manager is in or leads (empty for other tiers). */
  readonly covered: readonly string[]
}

export function assignerOf(facts: AssignerFacts): Assigner {
  const covered = new Set(facts.covered.map((id) => id.toLowerCase()))
  return { userId: facts.userId, tier: facts.tier, covers: (id) => covered.has(id.toLowerCase()) }
}

/**
 * Which of `candidates` (user ids; null for "no one") the assigner may put in `column` of a record — `before` is the
 * record as stored (null for a create) and `draft` the other values of the form (a new project's manager decides who
 * may name its coordinator). The value the record already holds is always kept, so a picker can still show it.
 */
export function allowedOwners<T extends string | null>(
  assigner: Assigner,
  table: string,
  column: string,
  before: Readonly<Record<string, unknown>> | null,
  draft: Readonly<Record<string, unknown>>,
  candidates: readonly T[],
): T[] {
  const current = before ? asId(before[column]) : null
  // Only the primary owner of the draft matters to this column; the draft's other owner columns are judged on their own.
  const primary = OWNER_COLUMNS[table]?.primary
  const context = primary && primary !== column && primary in draft ? { [primary]: draft[primary] } : {}
  return candidates.filter(
    (candidate) => (before !== null && asId(candidate) === current) || assignmentRefusal(assigner, table, before, { ...context, [column]: candidate }) === null,
  )
}

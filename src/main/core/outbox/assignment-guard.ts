/**
 * The device side of the owner rule (src/shared/domain/assignment.ts): the writer refuses a local write that names an
 * owner the server would refuse, before it reaches the replica or the outbox, so the app says so at once instead of
 * showing a change the next sync takes back. The signed-in user's tier and, for a manager, the members of their
 * teams are read from the replica's directory (users, teams, team_members), as the server reads its own.
 *
 * An unknown user (the demo, a directory not pulled yet) is not checked here: the server stays the referee.
 */
import { assignerOf, assignmentRefusal, OWNER_COLUMNS, type AssignerFacts } from '../../../shared/domain/assignment'
import { USER_TIERS, type UserTier } from '../../../shared/model/enums'
import { type Sqlite } from '../sqlite'

const isUserTier = (value: string): value is UserTier => (USER_TIERS as readonly string[]).includes(value)

export class AssignmentRefusedError extends Error {
  override readonly name = 'AssignmentRefusedError'
  constructor(
    readonly table: string,
    readonly column: string,
    message: string,
  ) {
    super(message)
  }
}

export type AssignmentGuard = (
  table: string,
  before: Readonly<Record<string, unknown>> | null,
  fields: Readonly<Record<string, unknown>>,
  userId: string,
) => void

/** Team members a manager's scope covers: members of live teams the manager is in or leads (server: scope.ts). */
const COVERED_SQL = `
  SELECT m.user_id AS id FROM team_members mine
    JOIN teams t ON t.id = mine.team_id AND t.deleted_at IS NULL
    JOIN team_members m ON m.team_id = mine.team_id AND m.deleted_at IS NULL AND m.left_at IS NULL
   WHERE mine.user_id = ? AND mine.deleted_at IS NULL AND mine.left_at IS NULL
  UNION SELECT m.user_id FROM teams t
    JOIN team_members m ON m.team_id = t.id AND m.deleted_at IS NULL AND m.left_at IS NULL
   WHERE t.team_lead_id = ? AND t.deleted_at IS NULL`

/**
 * The signed-in user's tier and (for a manager) covered team members, as the replica's directory has them; null for
 * a user the directory does not know (the demo, a directory not pulled yet). Read fresh: teams change with each pull.
 */
export function readAssignerFacts(sqlite: Sqlite, userId: string): AssignerFacts | null {
  const tier = sqlite.prepare<[string], { tier: string | null }>('SELECT user_tier AS tier FROM users WHERE id = ?').get(userId)?.tier
  if (!tier || !isUserTier(tier)) return null
  const covered =
    tier === 'MANAGER'
      ? sqlite
          .prepare<[string, string], { id: string }>(COVERED_SQL)
          .all(userId, userId)
          .map((row) => row.id)
      : []
  return { userId, tier, covered }
}

export function createAssignmentGuard(sqlite: Sqlite): AssignmentGuard {
  return (table, before, fields, userId) => {
    const owners = OWNER_COLUMNS[table]
    if (!owners || !owners.columns.some((column) => column in fields)) return
    // Read at the write, not cached: the writer is created before the replica schema exists in some tests, and a pull
    // may have moved the user between teams since the last write.
    const facts = readAssignerFacts(sqlite, userId)
    if (!facts) return
    const refused = assignmentRefusal(assignerOf(facts), table, before, fields)
    if (refused) throw new AssignmentRefusedError(table, refused.column, refused.message)
  }
}

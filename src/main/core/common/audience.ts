/**
 * Whose records a dashboard, report or KPI figure counts, read from the replica's organisation rows (teams,
 * team_members, departments, users) and decided by the shared rules (src/shared/domain/audience.ts), so every screen
 * counts the same people.
 */
import {
  audienceMembers,
  ownerMembers,
  teamsOfUser,
  type Audience,
  type FigureOwner,
  type TeamLead,
  type TeamMembership,
} from '../../../shared/domain/audience'
import { type DateRange } from '../../../shared/domain/fiscal-period'
import { type Sqlite } from '../sqlite'

/**
 * SQL for the ids of the live projects an audience works on: managed, coordinated or operated by one of its users, or
 * with one of them active on the project team. `param` names a JSON-array parameter of user ids (NULL = every
 * project). One rule for the dashboard's figures and the KPI measures.
 */
export function projectsOfUsersSql(param: string): string {
  const mine = (column: string): string => `${column} IN (SELECT value FROM json_each(${param}))`
  return `SELECT p.id FROM projects p WHERE p.deleted_at IS NULL AND (${param} IS NULL
    OR ${mine('p.project_manager_id')} OR ${mine('p.coordinator_id')} OR ${mine('p.operator_id')}
    OR p.id IN (SELECT project_id FROM project_team_members WHERE deleted_at IS NULL AND is_active = 1 AND ${mine('user_id')}))`
}

export interface AudienceReader {
  /** The user ids a viewer's audience covers, or null for the whole company. */
  membersOf(userId: string, audience: Audience): ReadonlySet<string> | null
  /** The viewer's teams: live teams they actively belong to or lead. */
  teamsOf(userId: string): ReadonlySet<string>
  /** The user ids an owner's figure counts over `range` (a team's members then, a department's tree), null for all. */
  ownerMembers(owner: FigureOwner, range: DateRange): ReadonlySet<string> | null
}

export function createAudienceReader(sqlite: Sqlite): AudienceReader {
  const teams = sqlite.prepare<[], { id: string; team_lead_id: string | null; live: number }>('SELECT id, team_lead_id, deleted_at IS NULL AS live FROM teams')
  const memberships = sqlite.prepare<[], { team_id: string; user_id: string; active: number }>(
    'SELECT team_id, user_id, (deleted_at IS NULL AND left_at IS NULL) AS active FROM team_members',
  )
  // Joined and left are instants; the period is in Korean days. A row whose times cannot be read is no stint.
  const stints = sqlite.prepare<[string], { team_id: string; user_id: string; joined_on: string; left_on: string | null }>(
    `SELECT team_id, user_id, date(joined_at, '+9 hours') AS joined_on, date(left_at, '+9 hours') AS left_on
       FROM team_members
      WHERE deleted_at IS NULL AND team_id = ? AND date(joined_at, '+9 hours') IS NOT NULL
        AND (left_at IS NULL OR date(left_at, '+9 hours') IS NOT NULL)`,
  )
  const departments = sqlite.prepare<[], { id: string; parent_id: string | null; live: number }>(
    'SELECT id, parent_id, deleted_at IS NULL AS live FROM departments',
  )
  const users = sqlite.prepare<[], { id: string; department_id: string | null }>(
    'SELECT id, department_id FROM users WHERE deleted_at IS NULL AND department_id IS NOT NULL',
  )

  const organisation = (): { teams: TeamLead[]; memberships: TeamMembership[] } => ({
    teams: teams.all().map((t) => ({ teamId: t.id, leadId: t.team_lead_id, live: t.live === 1 })),
    memberships: memberships.all().map((m) => ({ teamId: m.team_id, userId: m.user_id, active: m.active === 1 })),
  })

  return {
    membersOf(userId, audience) {
      if (audience !== 'team') return audienceMembers({ userId, audience, memberships: [], teams: [] })
      return audienceMembers({ userId, audience, ...organisation() })
    },

    teamsOf(userId) {
      return teamsOfUser({ userId, ...organisation() })
    },

    ownerMembers(owner, range) {
      const { type, id } = owner
      return ownerMembers({
        owner,
        range,
        // Only the rows the owner's kind needs: a USER or COMPANY reads nothing.
        stints: type === 'TEAM' && id ? stints.all(id).map((s) => ({ teamId: s.team_id, userId: s.user_id, joinedOn: s.joined_on, leftOn: s.left_on })) : [],
        departments: type === 'DEPARTMENT' ? departments.all().map((d) => ({ id: d.id, parentId: d.parent_id, live: d.live === 1 })) : [],
        users: type === 'DEPARTMENT' ? users.all().map((u) => ({ userId: u.id, departmentId: u.department_id })) : [],
      })
    },
  }
}

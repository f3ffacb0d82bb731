/**
 * Whose records a dashboard or report counts, read from the replica's organisation rows (teams, team_members) and
 * decided by the shared rule (src/shared/domain/audience.ts), so every figure of a tier counts the same people.
 */
import { audienceMembers, type Audience } from '../../../shared/domain/audience'
import { type Sqlite } from '../sqlite'

export interface AudienceReader {
  /** The user ids whose records count, or null for the whole company. */
  membersOf(userId: string, audience: Audience): ReadonlySet<string> | null
}

export function createAudienceReader(sqlite: Sqlite): AudienceReader {
  const teams = sqlite.prepare<[], { id: string; team_lead_id: string | null; live: number }>(
    'SELECT id, team_lead_id, deleted_at IS NULL AS live FROM teams',
  )
  const memberships = sqlite.prepare<[], { team_id: string; user_id: string; active: number }>(
    'SELECT team_id, user_id, (deleted_at IS NULL AND left_at IS NULL) AS active FROM team_members',
  )
  return {
    membersOf(userId, audience) {
      if (audience !== 'team') return audienceMembers({ userId, audience, memberships: [], teams: [] })
      return audienceMembers({
        userId,
        audience,
        teams: teams.all().map((t) => ({ teamId: t.id, leadId: t.team_lead_id, live: t.live === 1 })),
        memberships: memberships.all().map((m) => ({ teamId: m.team_id, userId: m.user_id, active: m.active === 1 })),
      })
    },
  }
}

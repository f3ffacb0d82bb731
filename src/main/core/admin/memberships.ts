/**
 * Team membership keeps its history: leaving sets left_at, re-joining reopens the same row (the server's unique index
 * allows one live row per team and user). Nothing is hard-deleted.
 */
import { type TeamMemberRole } from '../../../shared/model/enums'
import { type RepoContext } from '../common/context'

export interface MembershipRow {
  id: string
  team_id: string
  user_id: string
  role: TeamMemberRole
  joined_at: string
  left_at: string | null
  deleted_at: string | null
}

export interface Memberships {
  join(teamId: string, userId: string, role: TeamMemberRole): void
  leave(teamId: string, userId: string): void
  /** A user's open memberships (not left, not deleted). */
  openOf(userId: string): MembershipRow[]
}

export function createMemberships(ctx: RepoContext): Memberships {
  const { sqlite, writer } = ctx
  const membershipOf = sqlite.prepare<[string, string], MembershipRow>(
    `SELECT id, team_id, user_id, role, joined_at, left_at, deleted_at FROM team_members
      WHERE team_id = ? AND user_id = ? ORDER BY deleted_at IS NOT NULL, joined_at DESC, id LIMIT 1`,
  )
  const openMemberships = sqlite.prepare<[string], MembershipRow>(
    `SELECT id, team_id, user_id, role, joined_at, left_at, deleted_at FROM team_members
      WHERE user_id = ? AND deleted_at IS NULL AND left_at IS NULL`,
  )
  const nowIso = (): string => ctx.now().toISOString()

  const join = (teamId: string, userId: string, role: TeamMemberRole): void => {
    const existing = membershipOf.get(teamId, userId)
    if (existing && existing.deleted_at === null) {
      if (existing.left_at === null) {
        if (existing.role !== role) writer.upsert('team_members', existing.id, { role })
        return
      }
      // Re-joining reopens the row: one live row per (team, user) on the server.
      writer.upsert('team_members', existing.id, { left_at: null, joined_at: nowIso(), role })
      return
    }
    writer.upsert('team_members', ctx.newId(), { team_id: teamId, user_id: userId, role, joined_at: nowIso(), left_at: null })
  }

  const leave = (teamId: string, userId: string): void => {
    const existing = membershipOf.get(teamId, userId)
    if (existing && existing.deleted_at === null && existing.left_at === null) writer.upsert('team_members', existing.id, { left_at: nowIso() })
  }

  return { join, leave, openOf: (userId) => openMemberships.all(userId) }
}

/** A project's team (프로젝트 팀): who can be put on it, adding or editing a member, removing one. */
import { type z } from 'zod'
import { displayName } from '../../../shared/domain/korean-name'
import { compareKorean } from '../../../shared/domain/korean-text'
import { pairId } from '../../../shared/ids/pair-id'
import { type teamMemberSaveSchema } from '../../../shared/model/validation/training'
import { type InstructorOption, type ProjectDetail } from '../../../shared/ipc/training-types'
import { type RepoContext } from '../common/context'
import { type ProjectLookups } from './project-rows'
import { TrainingRuleError } from './rules'

export interface ProjectTeam {
  /** Active users who can be put on a project team, 가나다 order. */
  teamCandidates(): InstructorOption[]
  /** Adds a member or edits their role / allocation (one row per project and user). */
  saveTeamMember(input: z.output<typeof teamMemberSaveSchema>): ProjectDetail
  removeTeamMember(input: { readonly projectId: string; readonly userId: string }): ProjectDetail
}

export function createProjectTeam(
  ctx: RepoContext,
  { lookups, page: get }: { lookups: ProjectLookups; page: (projectId: string) => ProjectDetail },
): ProjectTeam {
  const { sqlite, writer } = ctx
  const { requireActor, requireProject } = lookups
  const memberRow = sqlite.prepare<[string, string], { id: string }>(
    `SELECT id FROM project_team_members WHERE project_id = ? AND user_id = ? AND deleted_at IS NULL
      ORDER BY created_at, id LIMIT 1`,
  )
  const activeUsers = sqlite.prepare<[], { id: string; last_name: string; first_name: string }>(
    'SELECT id, last_name, first_name FROM users WHERE deleted_at IS NULL AND is_active = 1',
  )

  return {
    teamCandidates: () =>
      activeUsers
        .all()
        .map((u) => ({ id: u.id, name: displayName({ lastName: u.last_name, firstName: u.first_name }) }))
        .sort((a, b) => compareKorean(a.name, b.name)),

    saveTeamMember(input) {
      requireActor()
      requireProject(input.projectId)
      // A pair id: two devices adding the same person offline write one row (the server allows one live row per pair).
      const id = memberRow.get(input.projectId, input.userId)?.id ?? pairId('project_team_members', input.projectId, input.userId)
      writer.upsert('project_team_members', id, {
        project_id: input.projectId,
        user_id: input.userId,
        role: input.role,
        allocation_percent: input.allocationPercent,
        is_active: true,
        deleted_at: null,
      })
      return get(input.projectId)
    },

    removeTeamMember({ projectId, userId }) {
      requireActor()
      requireProject(projectId)
      const row = memberRow.get(projectId, userId)
      if (!row) throw new TrainingRuleError('notFound', 'not on the team')
      writer.remove('project_team_members', row.id)
      return get(projectId)
    },
  }
}

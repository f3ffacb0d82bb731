/**
 * Project records (프로젝트) on the device: create from scratch or from a won opportunity, edit every field the schema
 * holds, delete (soft, synced) and restore. A coordinator's brand-new company has no project until someone makes one
 * here, so this is the start of the whole training loop (sessions, classes, rosters hang under a project).
 *
 * - Codes: `PJ-XXXX-XXXX-XXXX` from the shared generator (src/shared/ids/record-code.ts), so two devices creating projects offline never
 *   collide; the server's unique index stays the referee.
 * - From a won opportunity: company, branch, title and amount (as revenue) are carried over and the project links
 *   the opportunity (projects.opportunity_id); the opportunity's proposed products are shown on the project, read from
 *   its meetings, never copied (they stay editable where they live).
 * - Scope: the server sends a project to its manager, coordinator and operator (and its team), so a project created
 *   with nobody in those columns would vanish from its creator's next pull; the creator becomes the coordinator unless
 *   someone else is chosen.
 */
import { displayName } from '../../../shared/domain/korean-name'
import { compareKorean } from '../../../shared/domain/korean-text'
import { type projectSaveSchema } from '../../../shared/model/validation/projects'
import { type DeletedProject, type OpportunityTraining, type ProjectDetail, type ProjectFormOptions } from '../../../shared/ipc/training-types'
import { type z } from 'zod'
import { type RepoContext } from '../common/context'
import { newRecordCode } from '../../../shared/ids/record-code'
import { TrainingRuleError } from './rules'
import { toWireFields } from '../common/wire'

type ProjectSave = z.output<typeof projectSaveSchema>

export interface ProjectRecordsRepo {
  /** Creates (no id) or edits a project; answers the project page. */
  save(input: ProjectSave): ProjectDetail
  /** A new project from a won opportunity (`notWon` otherwise); its company, branch, title and amount carried over. */
  fromOpportunity(opportunityId: string): ProjectDetail
  /** Whether the opportunity is won and which projects / contracts were made from it. */
  forOpportunity(opportunityId: string): OpportunityTraining
  remove(id: string): void
  restore(id: string): ProjectDetail
  /** Deleted projects, latest first (at most 200): what can be restored. */
  deleted(): DeletedProject[]
  formOptions(): ProjectFormOptions
}

export function createProjectRecordsRepo(ctx: RepoContext, detail: (id: string) => ProjectDetail): ProjectRecordsRepo {
  const { sqlite, writer } = ctx
  const companyExists = sqlite.prepare<[string], { id: string }>('SELECT id FROM companies WHERE id = ? AND deleted_at IS NULL')
  const projectRow = sqlite.prepare<[string], { id: string; deleted_at: string | null; coordinator_id: string | null }>(
    'SELECT id, deleted_at, coordinator_id FROM projects WHERE id = ?',
  )
  const opportunity = sqlite.prepare<
    [string],
    { id: string; title: string; company_id: string; branch_id: string | null; amount: number | null; stage: string; expected_close_date: string | null }
  >('SELECT id, title, company_id, branch_id, amount, stage, expected_close_date FROM opportunities WHERE id = ? AND deleted_at IS NULL')
  const projectsOfOpportunity = sqlite.prepare<[string], { id: string; code: string; name: string }>(
    'SELECT id, code, name FROM projects WHERE opportunity_id = ? AND deleted_at IS NULL ORDER BY created_at, id',
  )
  const contractsOfOpportunity = sqlite.prepare<[string], { id: string; code: string; title: string }>(
    'SELECT id, code, title FROM contracts WHERE opportunity_id = ? AND deleted_at IS NULL ORDER BY created_at, id',
  )
  const deletedRows = sqlite.prepare<[], { id: string; code: string; name: string; company_name: string | null; deleted_at: string }>(
    `SELECT p.id, p.code, p.name, c.name AS company_name, p.deleted_at FROM projects p LEFT JOIN companies c ON c.id = p.company_id
      WHERE p.deleted_at IS NOT NULL ORDER BY p.deleted_at DESC, p.id LIMIT 200`,
  )
  const companies = sqlite.prepare<[], { id: string; name: string }>('SELECT id, name FROM companies WHERE deleted_at IS NULL')
  const branches = sqlite.prepare<[], { id: string; name: string; company_id: string }>(
    'SELECT id, name, company_id FROM branches WHERE deleted_at IS NULL ORDER BY name, id',
  )
  const users = sqlite.prepare<[], { id: string; last_name: string; first_name: string }>(
    'SELECT id, last_name, first_name FROM users WHERE deleted_at IS NULL AND is_active = 1',
  )
  const contracts = sqlite.prepare<[], { id: string; code: string; title: string; company_id: string }>(
    'SELECT id, code, title, company_id FROM contracts WHERE deleted_at IS NULL ORDER BY created_at DESC, id',
  )

  // Permission to write projects is the writer's check (outbox/write-permission.ts).
  const requireSignedIn = (): string => {
    const actor = ctx.actor()
    if (!actor) throw new TrainingRuleError('signInToEdit', 'Nobody is signed in')
    return actor.id
  }
  const requireCompany = (id: string): void => {
    if (!companyExists.get(id)) throw new TrainingRuleError('notFound', `No company ${id} on this device`)
  }

  return {
    save(input) {
      const { id: existingId, ...fields } = input
      requireCompany(fields.companyId)
      if (existingId) {
        requireSignedIn()
        const row = projectRow.get(existingId)
        if (!row || row.deleted_at !== null) throw new TrainingRuleError('notFound', `No project ${existingId} on this device`)
        writer.upsert('projects', existingId, toWireFields(fields))
        return detail(existingId)
      }
      const actorId = requireSignedIn()
      const id = ctx.newId()
      writer.upsert('projects', id, {
        ...toWireFields(fields),
        code: newRecordCode('projects'),
        coordinator_id: fields.coordinatorId ?? (fields.projectManagerId || fields.operatorId ? null : actorId),
      })
      return detail(id)
    },

    fromOpportunity(opportunityId) {
      const actorId = requireSignedIn()
      const opp = opportunity.get(opportunityId)
      if (!opp) throw new TrainingRuleError('notFound', `No opportunity ${opportunityId} on this device`)
      if (opp.stage !== 'CLOSED_WON') throw new TrainingRuleError('notWon', 'only a won opportunity becomes a project')
      const id = ctx.newId()
      writer.upsert('projects', id, {
        code: newRecordCode('projects'),
        name: opp.title,
        company_id: opp.company_id,
        branch_id: opp.branch_id,
        opportunity_id: opp.id,
        revenue: opp.amount,
        status: 'PLANNING',
        phase: 'INITIATION',
        priority: 'MEDIUM',
        progress: 0,
        coordinator_id: actorId,
      })
      return detail(id)
    },

    forOpportunity(opportunityId) {
      const opp = opportunity.get(opportunityId)
      if (!opp) throw new TrainingRuleError('notFound', `No opportunity ${opportunityId} on this device`)
      return {
        opportunityId,
        won: opp.stage === 'CLOSED_WON',
        projects: projectsOfOpportunity.all(opportunityId),
        contracts: contractsOfOpportunity.all(opportunityId),
      }
    },

    remove(id) {
      requireSignedIn()
      const row = projectRow.get(id)
      if (!row || row.deleted_at !== null) throw new TrainingRuleError('notFound', `No project ${id} on this device`)
      writer.remove('projects', id)
    },

    restore(id) {
      requireSignedIn()
      const row = projectRow.get(id)
      if (!row) throw new TrainingRuleError('notFound', `No project ${id} on this device`)
      if (row.deleted_at !== null) writer.restore('projects', id)
      return detail(id)
    },

    deleted: () => deletedRows.all().map((r) => ({ id: r.id, code: r.code, name: r.name, companyName: r.company_name, deletedAt: r.deleted_at })),

    formOptions() {
      const byCompany = new Map<string, { id: string; name: string }[]>()
      for (const b of branches.all()) byCompany.set(b.company_id, [...(byCompany.get(b.company_id) ?? []), { id: b.id, name: b.name }])
      return {
        companies: companies
          .all()
          .sort((a, b) => compareKorean(a.name, b.name))
          .map((c) => ({ ...c, branches: byCompany.get(c.id) ?? [] })),
        users: users
          .all()
          .map((u) => ({ id: u.id, name: displayName({ lastName: u.last_name, firstName: u.first_name }) }))
          .sort((a, b) => compareKorean(a.name, b.name)),
        contracts: contracts.all().map((c) => ({ id: c.id, code: c.code, title: c.title, companyId: c.company_id })),
      }
    },
  }
}

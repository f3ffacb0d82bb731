/**
 * Contracts (계약) on the device: created from a won opportunity (company, title, amount carried over) or typed, with
 * number, dates, amount and status, linked to the projects they cover (projects.contract_id). Codes typed by the user
 * are kept; an empty code becomes `K-YYYYMMDD-XXXXXX` from the row's UUIDv7 so two offline devices never collide.
 */
import { type contractSaveSchema } from '../../../shared/model/validation/projects'
import { type ContractStatus } from '../../../shared/model/enums'
import { type ContractFormOptions, type ContractView } from '../../../shared/ipc/training-types'
import { type z } from 'zod'
import { type RepoContext } from '../common/context'
import { newRecordCode } from '../../../shared/ids/record-code'
import { TrainingRuleError } from './rules'

type ContractSave = z.output<typeof contractSaveSchema>

export interface ContractsRepo {
  list(): ContractView[]
  get(id: string): ContractView
  save(input: ContractSave): ContractView
  /** A DRAFT contract from a won opportunity (`notWon` otherwise), linked to the projects made from it. */
  fromOpportunity(opportunityId: string): ContractView
  /** Won opportunities on the device (with the contract already made from each), companies, and linkable projects. */
  formOptions(): ContractFormOptions
}

interface ContractRow {
  id: string
  code: string
  title: string
  company_id: string
  company_name: string | null
  opportunity_id: string | null
  opportunity_title: string | null
  amount: number | null
  signed_date: string | null
  start_date: string | null
  end_date: string | null
  status: ContractStatus
}

const COLUMNS = `k.id, k.code, k.title, k.company_id, c.name AS company_name, k.opportunity_id, o.title AS opportunity_title,
  k.amount, k.signed_date, k.start_date, k.end_date, k.status`
const FROM = `FROM contracts k LEFT JOIN companies c ON c.id = k.company_id LEFT JOIN opportunities o ON o.id = k.opportunity_id`

export function createContractsRepo(ctx: RepoContext): ContractsRepo {
  const { sqlite, writer } = ctx
  const all = sqlite.prepare<[], ContractRow>(`SELECT ${COLUMNS} ${FROM} WHERE k.deleted_at IS NULL ORDER BY k.created_at DESC, k.id LIMIT 1000`)
  const one = sqlite.prepare<[string], ContractRow>(`SELECT ${COLUMNS} ${FROM} WHERE k.id = ? AND k.deleted_at IS NULL`)
  const projectsOf = sqlite.prepare<[string], { id: string; code: string; name: string }>(
    'SELECT id, code, name FROM projects WHERE contract_id = ? AND deleted_at IS NULL ORDER BY created_at, id',
  )
  const projectsOfOpportunity = sqlite.prepare<[string], { id: string }>('SELECT id FROM projects WHERE opportunity_id = ? AND deleted_at IS NULL')
  const opportunity = sqlite.prepare<[string], { id: string; title: string; company_id: string; amount: number | null; stage: string }>(
    'SELECT id, title, company_id, amount, stage FROM opportunities WHERE id = ? AND deleted_at IS NULL',
  )
  const wonOpportunities = sqlite.prepare<[], { id: string; title: string; company_name: string | null; amount: number | null; contract_code: string | null }>(
    `SELECT o.id, o.title, c.name AS company_name, o.amount,
            (SELECT k.code FROM contracts k WHERE k.opportunity_id = o.id AND k.deleted_at IS NULL ORDER BY k.created_at LIMIT 1) AS contract_code
       FROM opportunities o LEFT JOIN companies c ON c.id = o.company_id
      WHERE o.deleted_at IS NULL AND o.stage = 'CLOSED_WON'
      ORDER BY o.updated_at DESC, o.id LIMIT 500`,
  )
  const companies = sqlite.prepare<[], { id: string; name: string }>('SELECT id, name FROM companies WHERE deleted_at IS NULL ORDER BY name, id LIMIT 5000')
  const projects = sqlite.prepare<[], { id: string; code: string; name: string; company_id: string; contract_id: string | null }>(
    'SELECT id, code, name, company_id, contract_id FROM projects WHERE deleted_at IS NULL ORDER BY created_at DESC, id LIMIT 2000',
  )
  const companyExists = sqlite.prepare<[string], { id: string }>('SELECT id FROM companies WHERE id = ? AND deleted_at IS NULL')

  // Permission to write contracts is the writer's check (outbox/write-permission.ts).
  const requireSignedIn = (): void => {
    if (!ctx.actor()) throw new TrainingRuleError('signInToEdit', 'Nobody is signed in')
  }
  const viewOf = (r: ContractRow): ContractView => ({
    id: r.id,
    code: r.code,
    title: r.title,
    companyId: r.company_id,
    companyName: r.company_name,
    opportunityId: r.opportunity_id,
    opportunityTitle: r.opportunity_title,
    amount: r.amount,
    signedDate: r.signed_date,
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status,
    projects: projectsOf.all(r.id),
  })
  const get = (id: string): ContractView => {
    const row = one.get(id)
    if (!row) throw new TrainingRuleError('notFound', `No contract ${id} on this device`)
    return viewOf(row)
  }
  /** Points the given projects at the contract and unlinks the ones no longer listed. */
  const link = (contractId: string, projectIds: readonly string[]): void => {
    for (const p of projectsOf.all(contractId)) if (!projectIds.includes(p.id)) writer.upsert('projects', p.id, { contract_id: null })
    for (const id of projectIds) writer.upsert('projects', id, { contract_id: contractId })
  }

  return {
    list: () => all.all().map(viewOf),
    formOptions: () => ({
      wonOpportunities: wonOpportunities.all().map((o) => ({
        id: o.id,
        title: o.title,
        companyName: o.company_name,
        amount: o.amount,
        contractCode: o.contract_code,
      })),
      companies: companies.all(),
      projects: projects.all().map((p) => ({ id: p.id, code: p.code, name: p.name, companyId: p.company_id, contractId: p.contract_id })),
    }),
    get,
    save(input) {
      const { id: existingId, projectIds, code, ...fields } = input
      requireSignedIn()
      if (!companyExists.get(fields.companyId)) throw new TrainingRuleError('notFound', `No company ${fields.companyId} on this device`)
      const id = existingId ?? ctx.newId()
      if (existingId && !one.get(existingId)) throw new TrainingRuleError('notFound', `No contract ${existingId} on this device`)
      writer.transaction(() => {
        writer.upsert('contracts', id, {
          company_id: fields.companyId,
          opportunity_id: fields.opportunityId,
          title: fields.title,
          amount: fields.amount,
          signed_date: fields.signedDate,
          start_date: fields.startDate,
          end_date: fields.endDate,
          status: fields.status,
          ...(code ? { code } : existingId ? {} : { code: newRecordCode('contracts') }),
        })
        link(id, projectIds)
      })
      return get(id)
    },
    fromOpportunity(opportunityId) {
      requireSignedIn()
      const opp = opportunity.get(opportunityId)
      if (!opp) throw new TrainingRuleError('notFound', `No opportunity ${opportunityId} on this device`)
      if (opp.stage !== 'CLOSED_WON') throw new TrainingRuleError('notWon', 'only a won opportunity becomes a contract')
      const id = ctx.newId()
      writer.transaction(() => {
        writer.upsert('contracts', id, {
          company_id: opp.company_id,
          opportunity_id: opp.id,
          code: newRecordCode('contracts'),
          title: opp.title,
          amount: opp.amount,
          status: 'DRAFT',
        })
        link(
          id,
          projectsOfOpportunity.all(opp.id).map((p) => p.id),
        )
      })
      return get(id)
    },
  }
}

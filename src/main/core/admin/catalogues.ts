/**
 * Campaigns (캠페인) and industries (업종) in administration: reference lists every device holds, read with plain SQL
 * from the replica and written through the writer like any synced row, so the server re-checks each write against the
 * writer's permissions (catalogue tables: managers and executives by tier default, or the role's grants on the
 * resource that governs them — `leads` for campaigns, `companies` for industries).
 *
 * - A campaign is never "deactivated" by a flag it does not have: COMPLETED and CANCELLED are its end states, and the
 *   records that name it keep it. Deleting goes through the trash (DELETION_RULES.campaign), which counts them.
 * - Industries are a tree (parent_id); a move under itself or a descendant is refused, as for departments. Codes are
 *   unique among live industries (the code is what imports and other systems match on).
 */
import { categoryTree, createsCategoryCycle } from '../../../shared/domain/product-categories'
import { type z } from 'zod'
import { displayName } from '../../../shared/domain/korean-name'
import { compareKorean } from '../../../shared/domain/korean-text'
import { newRecordCode } from '../../../shared/ids/record-code'
import { type AdminCampaign, type AdminIndustry } from '../../../shared/ipc/admin-types'
import { type CampaignStatus, type CampaignType } from '../../../shared/model/enums'
import { type campaignSaveSchema, type industrySaveSchema } from '../../../shared/model/validation/catalogues'
import { RuleError } from '../rule-error'
import { type RepoContext } from '../common/context'

export const CATALOGUE_RULES = ['notFound', 'signInToEdit', 'notAllowed', 'duplicateCode', 'industryCycle'] as const
export type CatalogueRule = (typeof CATALOGUE_RULES)[number]

export class CatalogueRuleError extends RuleError<CatalogueRule> {}

export interface CataloguesRepo {
  campaigns(): AdminCampaign[]
  saveCampaign(input: z.output<typeof campaignSaveSchema>): AdminCampaign[]
  industries(): AdminIndustry[]
  saveIndustry(input: z.output<typeof industrySaveSchema>): AdminIndustry[]
}

interface CampaignRow {
  id: string
  code: string
  name: string
  type: CampaignType | null
  status: CampaignStatus
  start_date: string | null
  end_date: string | null
  budget: number | null
  owner_id: string | null
  owner_last: string | null
  owner_first: string | null
  description: string | null
  lead_count: number
  opportunity_count: number
}

interface IndustryRow {
  id: string
  code: string
  name: string
  parent_id: string | null
  description: string | null
  company_count: number
}

/** Planned and running campaigns first: they are the ones people pick; finished ones follow, newest first. */
const STATUS_ORDER: Record<CampaignStatus, number> = { ACTIVE: 0, PLANNED: 1, COMPLETED: 2, CANCELLED: 3 }

export function createCataloguesRepo(ctx: RepoContext): CataloguesRepo {
  const { sqlite, writer } = ctx

  const campaignRows = sqlite.prepare<[], CampaignRow>(
    `SELECT c.id, c.code, c.name, c.type, c.status, c.start_date, c.end_date, c.budget, c.owner_id,
            u.last_name AS owner_last, u.first_name AS owner_first, c.description,
            (SELECT count(*) FROM leads l WHERE l.campaign_id = c.id AND l.deleted_at IS NULL) AS lead_count,
            (SELECT count(*) FROM opportunities o WHERE o.campaign_id = c.id AND o.deleted_at IS NULL) AS opportunity_count
       FROM campaigns c LEFT JOIN users u ON u.id = c.owner_id AND u.deleted_at IS NULL
      WHERE c.deleted_at IS NULL`,
  )
  const campaignById = sqlite.prepare<[string], { id: string }>('SELECT id FROM campaigns WHERE id = ? AND deleted_at IS NULL')
  const userById = sqlite.prepare<[string], { id: string }>('SELECT id FROM users WHERE id = ? AND deleted_at IS NULL')
  const industryRows = sqlite.prepare<[], IndustryRow>(
    `SELECT i.id, i.code, i.name, i.parent_id, i.description,
            (SELECT count(*) FROM companies c WHERE c.industry_id = i.id AND c.deleted_at IS NULL) AS company_count
       FROM industries i WHERE i.deleted_at IS NULL`,
  )
  const industryCodeTaken = sqlite.prepare<[string, string], { id: string }>(
    'SELECT id FROM industries WHERE lower(code) = lower(?) AND id <> ? AND deleted_at IS NULL',
  )

  // Permission to write catalogues is the writer's check (outbox/write-permission.ts).
  const requireSignedIn = (): void => {
    if (!ctx.actor()) throw new CatalogueRuleError('signInToEdit', 'Nobody is signed in')
  }

  const campaigns = (): AdminCampaign[] =>
    campaignRows
      .all()
      .map((row) => ({
        id: row.id,
        code: row.code,
        name: row.name,
        type: row.type,
        status: row.status,
        startDate: row.start_date,
        endDate: row.end_date,
        budget: row.budget,
        ownerId: row.owner_id,
        ownerName: row.owner_last !== null ? displayName({ lastName: row.owner_last, firstName: row.owner_first ?? '' }) : null,
        description: row.description,
        leadCount: row.lead_count,
        opportunityCount: row.opportunity_count,
      }))
      .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (b.startDate ?? '').localeCompare(a.startDate ?? '') || compareKorean(a.name, b.name))

  const saveCampaign: CataloguesRepo['saveCampaign'] = (input) => {
    requireSignedIn()
    if (input.id !== undefined && !campaignById.get(input.id)) throw new CatalogueRuleError('notFound', `No campaign ${input.id}`)
    if (input.ownerId !== null && !userById.get(input.ownerId)) throw new CatalogueRuleError('notFound', `No user ${input.ownerId}`)
    const fields = {
      name: input.name,
      type: input.type,
      status: input.status,
      start_date: input.startDate,
      end_date: input.endDate,
      budget: input.budget,
      owner_id: input.ownerId,
      description: input.description,
    }
    if (input.id === undefined) writer.upsert('campaigns', ctx.newId(), { ...fields, code: newRecordCode('campaigns') })
    else writer.upsert('campaigns', input.id, fields)
    return campaigns()
  }

  // The tree's order, depth and loop handling are the product categories' (src/shared/domain/product-categories.ts):
  // a parent that is gone puts the industry at the top, and a loop from two offline moves still shows its members.
  const industries = (): AdminIndustry[] =>
    categoryTree(industryRows.all().map((row) => ({ ...row, parentId: row.parent_id }))).map(({ category: row, depth }) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      parentId: row.parent_id,
      description: row.description,
      depth,
      companyCount: row.company_count,
    }))

  const wouldCycle = (id: string, parentId: string | null): boolean =>
    createsCategoryCycle(
      industryRows.all().map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id })),
      id,
      parentId,
    )

  const saveIndustry: CataloguesRepo['saveIndustry'] = (input) => {
    const id = input.id ?? ctx.newId()
    requireSignedIn()
    const live = new Set(industryRows.all().map((r) => r.id))
    if (input.id !== undefined && !live.has(input.id)) throw new CatalogueRuleError('notFound', `No industry ${input.id}`)
    if (input.parentId !== null && !live.has(input.parentId)) throw new CatalogueRuleError('notFound', `No industry ${input.parentId}`)
    if (wouldCycle(id, input.parentId)) throw new CatalogueRuleError('industryCycle', `${id} cannot sit under ${input.parentId}`)
    if (industryCodeTaken.get(input.code, id)) throw new CatalogueRuleError('duplicateCode', `Industry code ${input.code} is taken`)
    writer.upsert('industries', id, { code: input.code, name: input.name, parent_id: input.parentId, description: input.description })
    return industries()
  }

  return { campaigns, saveCampaign, industries, saveIndustry }
}

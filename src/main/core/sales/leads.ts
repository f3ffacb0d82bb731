/**
 * Leads on the device: reads by SQL over the replica (tombstoned rows excluded), writes only through the writer so
 * each change and its outbox entry commit together. Everything here works offline.
 *
 * - The BANT score is computed with `bantScore` on every read; the seed's stored `score` column is never written
 *   (a stored derived figure goes stale and concurrent edits would fight over it — docs/architecture.md §3).
 * - An assignment is a request (lead_assignments PENDING) any user may file offline; approving or rejecting it is a
 *   MANAGER/EXECUTIVE decision. The device refuses it for others so nobody is surprised by a server rejection later;
 *   the server enforces the same rule.
 * - Conversion creates company + head-office branch + contact + opportunity and links the lead in ONE writer
 *   transaction: a half-converted lead can never exist, not even after a crash.
 */
import { bantScore } from '../../../shared/domain/bant'
import { defaultProbability } from '../../../shared/domain/opportunity-stage'
import { displayName } from '../../../shared/domain/korean-name'
import { LEAD_STATUSES, type LeadAssignmentStatus, type LeadSource, type LeadStatus } from '../../../shared/model/enums'
import {
  type BantFlags,
  type leadAssignmentDecisionSchema,
  type leadAssignmentRequestSchema,
  type leadConversionSchema,
  type leadCreateSchema,
  type leadEditSchema,
} from '../../../shared/model/validation/sales'
import {
  type LeadAssignmentView,
  type LeadConversionResult,
  type LeadDetail,
  type LeadListResult,
  type LeadSummary,
  type UserOption,
} from '../../../shared/ipc/sales-types'
import { type z } from 'zod'
import { type DuplicateMatch } from '../../../shared/model/customer-views'
import { createDuplicateFinder } from '../customers/duplicates'
import { newRecordCode } from '../../../shared/ids/record-code'
import { createUserNames, toTier, type Actor, type RepoContext } from '../common/context'
import { SalesRuleError } from './rules'

type LeadCreate = z.output<typeof leadCreateSchema>
type LeadEdit = z.output<typeof leadEditSchema>
type AssignmentRequest = z.output<typeof leadAssignmentRequestSchema>
type AssignmentDecision = z.output<typeof leadAssignmentDecisionSchema>
type Conversion = z.output<typeof leadConversionSchema>

export interface LeadsRepo {
  list(filter?: { readonly status?: LeadStatus }): LeadListResult
  get(id: string): LeadDetail
  create(input: LeadCreate): LeadDetail
  update(input: LeadEdit): LeadDetail
  requestAssignment(input: AssignmentRequest): LeadDetail
  decideAssignment(input: AssignmentDecision): LeadDetail
  convert(input: Conversion): LeadConversionResult
  /** People a lead can be assigned to (active users the replica knows), in Korean name order. */
  assignableUsers(): UserOption[]
  /** Companies on file that look like this lead's (same name key, phone or e-mail): the duplicate check on convert. */
  companyMatches(leadId: string): DuplicateMatch[]
}

interface LeadRow {
  id: string
  code: string
  company_name: string
  contact_name: string | null
  email: string | null
  phone: string | null
  source: LeadSource | null
  source_detail: string | null
  status: LeadStatus
  bant_budget: number
  bant_authority: number
  bant_need: number
  bant_timeline: number
  assigned_to: string | null
  converted_at: string | null
  converted_to_company_id: string | null
  converted_to_opportunity_id: string | null
  notes: string | null
  created_at: string
  pending_assignments: number
}

interface AssignmentRow {
  id: string
  lead_id: string
  assigned_to: string | null
  assigned_from: string | null
  created_by: string | null
  assignment_reason: string | null
  status: LeadAssignmentStatus
  approved_by: string | null
  rejection_reason: string | null
  created_at: string
}

const LEAD_COLUMNS = `l.id, l.code, l.company_name, l.contact_name, l.email, l.phone, l.source, l.source_detail, l.status,
  l.bant_budget, l.bant_authority, l.bant_need, l.bant_timeline, l.assigned_to, l.converted_at,
  l.converted_to_company_id, l.converted_to_opportunity_id, l.notes, l.created_at,
  (SELECT COUNT(*) FROM lead_assignments a WHERE a.lead_id = l.id AND a.status = 'PENDING' AND a.deleted_at IS NULL)
    AS pending_assignments`

const bantOf = (row: LeadRow): BantFlags => ({
  budget: row.bant_budget === 1,
  authority: row.bant_authority === 1,
  need: row.bant_need === 1,
  timeline: row.bant_timeline === 1,
})

const bantColumns = (bant: BantFlags) => ({
  bant_budget: bant.budget,
  bant_authority: bant.authority,
  bant_need: bant.need,
  bant_timeline: bant.timeline,
})

const collator = new Intl.Collator('ko-KR')

export function createLeadsRepo(ctx: RepoContext): LeadsRepo {
  const { sqlite, writer } = ctx
  const names = createUserNames(sqlite)
  const listAll = sqlite.prepare<[], LeadRow>(`SELECT ${LEAD_COLUMNS} FROM leads l WHERE l.deleted_at IS NULL ORDER BY l.created_at DESC, l.id DESC`)
  const byId = sqlite.prepare<[string], LeadRow>(`SELECT ${LEAD_COLUMNS} FROM leads l WHERE l.id = ? AND l.deleted_at IS NULL`)
  const assignmentsOf = sqlite.prepare<[string], AssignmentRow>(
    `SELECT id, lead_id, assigned_to, assigned_from, created_by, assignment_reason, status, approved_by, rejection_reason, created_at
       FROM lead_assignments WHERE lead_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC`,
  )
  const assignmentById = sqlite.prepare<[string], AssignmentRow>(
    `SELECT id, lead_id, assigned_to, assigned_from, created_by, assignment_reason, status, approved_by, rejection_reason, created_at
       FROM lead_assignments WHERE id = ? AND deleted_at IS NULL`,
  )
  const duplicates = createDuplicateFinder(sqlite)
  const liveCompany = sqlite.prepare<[string], { id: string }>('SELECT id FROM companies WHERE id = ? AND deleted_at IS NULL')
  const headOffice = sqlite.prepare<[string], { id: string }>(
    'SELECT id FROM branches WHERE company_id = ? AND deleted_at IS NULL ORDER BY is_primary DESC, created_at, id LIMIT 1',
  )
  const activeUsers = sqlite.prepare<[], { id: string; first_name: string; last_name: string; user_tier: string }>(
    'SELECT id, first_name, last_name, user_tier FROM users WHERE deleted_at IS NULL AND is_active = 1',
  )

  const summaries = (rows: readonly LeadRow[]): LeadSummary[] => {
    const userNames = names(rows.map((r) => r.assigned_to))
    return rows.map((row) => {
      const bant = bantOf(row)
      return {
        id: row.id,
        code: row.code,
        companyName: row.company_name,
        contactName: row.contact_name,
        status: row.status,
        source: row.source,
        bant,
        bantScore: bantScore(bant),
        assignedToName: row.assigned_to ? (userNames.get(row.assigned_to) ?? null) : null,
        assignmentPending: row.pending_assignments > 0,
        createdAt: row.created_at,
      }
    })
  }

  const requireLead = (id: string): LeadRow => {
    const row = byId.get(id)
    if (!row) throw new SalesRuleError('notFound', `No lead ${id} on this device`)
    return row
  }

  const requireActor = (): Actor => {
    const actor = ctx.actor()
    // The writer would refuse too; failing here keeps the message the same for every write.
    if (!actor) throw new SalesRuleError('signInToEdit', 'Nobody is signed in')
    return actor
  }

  const get = (id: string): LeadDetail => {
    const row = requireLead(id)
    const [summary] = summaries([row])
    const assignments = assignmentsOf.all(id)
    const userNames = names(assignments.flatMap((a) => [a.assigned_to, a.created_by, a.assigned_from, a.approved_by]))
    const nameOf = (userId: string | null): string | null => (userId ? (userNames.get(userId) ?? null) : null)
    const views: LeadAssignmentView[] = assignments.map((a) => ({
      id: a.id,
      assignedToName: nameOf(a.assigned_to),
      requestedByName: nameOf(a.created_by ?? a.assigned_from),
      reason: a.assignment_reason,
      status: a.status,
      approvedByName: nameOf(a.approved_by),
      rejectionReason: a.rejection_reason,
      createdAt: a.created_at,
    }))
    return {
      ...(summary as LeadSummary),
      email: row.email,
      phone: row.phone,
      sourceDetail: row.source_detail,
      notes: row.notes,
      assignedTo: row.assigned_to,
      convertedAt: row.converted_at,
      convertedToCompanyId: row.converted_to_company_id,
      convertedToOpportunityId: row.converted_to_opportunity_id,
      assignments: views,
    }
  }

  return {
    list(filter = {}) {
      const all = listAll.all()
      const pipeline = LEAD_STATUSES.map((status) => ({ status, count: all.filter((r) => r.status === status).length }))
      const rows = filter.status ? all.filter((r) => r.status === filter.status) : all
      return { leads: summaries(rows), pipeline }
    },

    get,

    create(input) {
      const id = ctx.newId()
      writer.upsert('leads', id, {
        // The person who found the lead works it until someone reassigns it. Unassigned, it would also fall outside
        // everyone's sync scope (leads are scoped by assigned_to) and vanish from this PC at the next full pull.
        assigned_to: ctx.actor()?.id ?? null,
        code: newRecordCode('leads'),
        company_name: input.companyName,
        contact_name: input.contactName,
        email: input.email,
        phone: input.phone,
        source: input.source,
        source_detail: input.sourceDetail,
        notes: input.notes,
        status: 'NEW',
        ...bantColumns(input.bant),
      })
      return get(id)
    },

    update(input) {
      const current = requireLead(input.id)
      if (current.status === 'CONVERTED') throw new SalesRuleError('alreadyConverted', `Lead ${input.id} is converted`)
      writer.upsert('leads', input.id, {
        company_name: input.companyName,
        contact_name: input.contactName,
        email: input.email,
        phone: input.phone,
        source: input.source,
        source_detail: input.sourceDetail,
        notes: input.notes,
        status: input.status,
        ...bantColumns(input.bant),
      })
      return get(input.id)
    },

    requestAssignment(input) {
      const actor = requireActor()
      const lead = requireLead(input.leadId)
      if (lead.status === 'CONVERTED') throw new SalesRuleError('alreadyConverted', `Lead ${input.leadId} is converted`)
      writer.upsert('lead_assignments', ctx.newId(), {
        lead_id: input.leadId,
        assigned_from: lead.assigned_to ?? actor.id,
        assigned_to: input.assignedTo,
        assignment_reason: input.reason,
        status: 'PENDING',
      })
      return get(input.leadId)
    },

    decideAssignment(input) {
      const actor = requireActor()
      if (actor.tier !== 'MANAGER' && actor.tier !== 'EXECUTIVE') {
        throw new SalesRuleError('managerOnly', 'Only a manager or executive decides lead assignments')
      }
      const assignment = assignmentById.get(input.assignmentId)
      if (!assignment) throw new SalesRuleError('notFound', `No assignment ${input.assignmentId}`)
      if (assignment.status !== 'PENDING') throw new SalesRuleError('alreadyDecided', `Assignment is ${assignment.status}`)
      writer.transaction(() => {
        writer.upsert('lead_assignments', assignment.id, {
          status: input.approve ? 'APPROVED' : 'REJECTED',
          approved_by: actor.id,
          approved_at: ctx.now().toISOString(),
          rejection_reason: input.approve ? null : input.rejectionReason,
        })
        if (input.approve) writer.upsert('leads', assignment.lead_id, { assigned_to: assignment.assigned_to })
      })
      return get(assignment.lead_id)
    },

    convert(input) {
      const actor = requireActor()
      return writer.transaction(() => {
        // Read inside the transaction: two clicks on "convert" must not create two companies.
        const lead = requireLead(input.leadId)
        if (lead.status === 'CONVERTED') throw new SalesRuleError('alreadyConverted', `Lead ${input.leadId} is converted`)
        const existing = input.existingCompanyId
        if (existing && !liveCompany.get(existing)) throw new SalesRuleError('notFound', `No company ${existing} on this device`)
        const companyId = existing ?? ctx.newId()
        // An existing company keeps its branches: the contact joins its head office (one is made if it has none).
        const existingBranch = existing ? (headOffice.get(existing)?.id ?? null) : null
        const branchId = existingBranch ?? ctx.newId()
        const contactId = input.contact ? ctx.newId() : null
        const opportunityId = ctx.newId()
        const manager = lead.assigned_to ?? actor.id

        if (!existing) {
          writer.upsert('companies', companyId, {
            code: newRecordCode('companies'),
            name: input.companyName,
            status: 'PROSPECT',
            account_manager_id: manager,
          })
        }
        if (!existingBranch) {
          writer.upsert('branches', branchId, {
            company_id: companyId,
            code: newRecordCode('branches'),
            name: input.branchName,
            branch_type: 'HEADQUARTERS',
            is_primary: true,
            phone: lead.phone,
            email: lead.email,
          })
        }
        if (input.contact && contactId) {
          writer.upsert('contacts', contactId, {
            branch_id: branchId,
            last_name: input.contact.lastName,
            first_name: input.contact.firstName,
            email: input.contact.email,
            // Korean mobile numbers start 01x; anything else is a desk line.
            ...(input.contact.phone?.startsWith('01') ? { mobile: input.contact.phone } : { phone: input.contact.phone }),
            is_primary: true,
          })
        }
        writer.upsert('opportunities', opportunityId, {
          code: newRecordCode('opportunities'),
          title: input.opportunityTitle,
          company_id: companyId,
          branch_id: branchId,
          contact_id: contactId,
          type: 'NEW_BUSINESS',
          stage: 'QUALIFYING',
          probability: defaultProbability('QUALIFYING'),
          amount: input.amount,
          expected_close_date: input.expectedCloseDate,
          source: lead.source,
          campaign_id: null,
          account_manager_id: manager,
        })
        writer.upsert('opportunity_stage_history', ctx.newId(), {
          opportunity_id: opportunityId,
          from_stage: null,
          to_stage: 'QUALIFYING',
          changed_by: actor.id,
          changed_at: ctx.now().toISOString(),
        })
        writer.upsert('leads', lead.id, {
          status: 'CONVERTED',
          converted_at: ctx.now().toISOString(),
          converted_to_company_id: companyId,
          converted_to_opportunity_id: opportunityId,
        })
        return { leadId: lead.id, companyId, branchId, contactId, opportunityId }
      })
    },

    companyMatches(leadId) {
      const lead = requireLead(leadId)
      return duplicates.companies({ name: lead.company_name, phone: lead.phone, email: lead.email })
    },

    assignableUsers() {
      return activeUsers
        .all()
        .map((u) => ({ id: u.id, name: displayName({ lastName: u.last_name, firstName: u.first_name }), tier: toTier(u.user_tier) }))
        .sort((a, b) => collator.compare(a.name, b.name))
    },
  }
}

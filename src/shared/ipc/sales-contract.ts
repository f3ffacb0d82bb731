/**
 * Contract entries of the sales and sync-review channels (spread into `ipcContract`): input schemas from the shared
 * validation, output shapes from sales-types.
 */
import { z } from 'zod'
import { LEAD_STATUSES } from '../model/enums'
import { idSchema } from '../model/validation/common'
import {
  leadAssignmentDecisionSchema,
  leadAssignmentRequestSchema,
  leadConversionSchema,
  leadCreateSchema,
  leadEditSchema,
  opportunityCloseSchema,
  opportunityCreateSchema,
  opportunityEditSchema,
  opportunityMoveSchema,
} from '../model/validation/sales'
import { returns } from './returns'
import { type DuplicateMatch } from '../model/customer-views'
import { type SalesChannel, type SyncReviewChannel } from './sales-channels'
import {
  type BoardColumn,
  type ConflictView,
  type LeadConversionResult,
  type LeadDetail,
  type LeadListResult,
  type OpportunityDetail,
  type RejectedChangeView,
  type RenamedCodeView,
  type SyncReview,
  type UserOption,
} from './sales-types'

const noInput = z.undefined()
const byId = z.strictObject({ id: idSchema })
const bySeq = z.strictObject({ seq: z.number().int().positive() })

export const salesContract = {
  'leads.list': {
    input: z.strictObject({ status: z.enum(LEAD_STATUSES).optional() }).optional(),
    output: returns<LeadListResult>(),
  },
  'leads.get': { input: byId, output: returns<LeadDetail>() },
  'leads.create': { input: leadCreateSchema, output: returns<LeadDetail>() },
  'leads.update': { input: leadEditSchema, output: returns<LeadDetail>() },
  /** Files a PENDING request offline; a manager decides it (here, or on another device once synced). */
  'leads.requestAssignment': { input: leadAssignmentRequestSchema, output: returns<LeadDetail>() },
  /** MANAGER/EXECUTIVE only (`sales.managerOnly` otherwise); the server enforces the same rule. */
  'leads.decideAssignment': { input: leadAssignmentDecisionSchema, output: returns<LeadDetail>() },
  /** Company + head office + contact + opportunity + the lead's link, in one local transaction. */
  'leads.convert': { input: leadConversionSchema, output: returns<LeadConversionResult>() },
  'leads.assignableUsers': { input: noInput, output: returns<UserOption[]>() },
  /** Companies already on file that look like the lead's (name, phone, e-mail): offered before converting. */
  'leads.companyMatches': { input: byId, output: returns<DuplicateMatch[]>() },
  'opportunities.board': { input: noInput, output: returns<BoardColumn[]>() },
  'opportunities.get': { input: byId, output: returns<OpportunityDetail>() },
  'opportunities.create': { input: opportunityCreateSchema, output: returns<OpportunityDetail>() },
  'opportunities.update': { input: opportunityEditSchema, output: returns<OpportunityDetail>() },
  /** Between open stages; writes the stage history. */
  'opportunities.move': { input: opportunityMoveSchema, output: returns<OpportunityDetail>() },
  /** Won or lost, with a reason. */
  'opportunities.close': { input: opportunityCloseSchema, output: returns<OpportunityDetail>() },
  'opportunities.companies': { input: noInput, output: returns<{ id: string; name: string }[]>() },
} as const satisfies { readonly [K in SalesChannel]: { readonly input: z.ZodType; readonly output: object } }

export const syncReviewContract = {
  'sync.conflicts': { input: noInput, output: returns<readonly ConflictView[]>() },
  'sync.rejected': { input: noInput, output: returns<readonly RejectedChangeView[]>() },
  /** Re-apply the value that lost as a new edit (it wins: it is the latest edit) and resolve the conflict. */
  'sync.applyMine': { input: z.strictObject({ conflictId: idSchema }), output: returns<SyncReview>() },
  'sync.keepTheirs': { input: z.strictObject({ conflictId: idSchema }), output: returns<SyncReview>() },
  /** Send a rejected change again as a new edit (e.g. after the reason was fixed on the server). */
  'sync.applyMineAgain': { input: bySeq, output: returns<SyncReview>() },
  'sync.dismissRejected': { input: bySeq, output: returns<SyncReview>() },
  /** Rows the server kept under a new code (their code was taken): shown until dismissed. */
  'sync.renamed': { input: noInput, output: returns<readonly RenamedCodeView[]>() },
  'sync.dismissRenamed': { input: z.strictObject({ rowId: idSchema }), output: returns<SyncReview>() },
} as const satisfies { readonly [K in SyncReviewChannel]: { readonly input: z.ZodType; readonly output: object } }

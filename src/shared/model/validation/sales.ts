/**
 * Validation of what a user submits on the sales screens (leads, lead conversion, opportunities). The same schemas
 * check the IPC input in main and the forms in the renderer, so a form never submits what main would refuse.
 *
 * Derived figures (BANT score, expected amount, days in stage) have no input here: they are computed, never typed.
 */
import { z } from 'zod'
import { LEAD_SOURCES, LEAD_STATUSES, OPPORTUNITY_TYPES, type OpportunityStage } from '../enums'
import { idSchema, isoDateSchema, optionalText, requiredText, wonSchema } from './common'

const optionalDate = z
  .union([isoDateSchema, z.literal('')])
  .nullish()
  .transform((value) => (value ? value : null))

export const probabilitySchema = z.number().int().min(0).max(100)

// ── Leads ──────────────────────────────────────────────────────────────────────────────────────────────────────────

export const bantFlagsSchema = z.strictObject({
  budget: z.boolean(),
  authority: z.boolean(),
  need: z.boolean(),
  timeline: z.boolean(),
})
export type BantFlags = z.output<typeof bantFlagsSchema>

const leadFields = {
  companyName: requiredText(200),
  contactName: optionalText(100),
  email: z
    .union([z.email().max(255), z.literal('')])
    .nullish()
    .transform((value) => (value ? value : null)),
  /** Digits only are stored; the form may type hyphens. */
  phone: z
    .string()
    .trim()
    .max(30)
    .nullish()
    .transform((value) => (value ? value.replace(/\D/g, '') || null : null)),
  source: z
    .enum(LEAD_SOURCES)
    .nullish()
    .transform((value) => value ?? null),
  sourceDetail: optionalText(500),
  notes: optionalText(4000),
}

export const leadCreateSchema = z.strictObject({
  ...leadFields,
  bant: bantFlagsSchema.default({ budget: false, authority: false, need: false, timeline: false }),
})
export type LeadCreateInput = z.input<typeof leadCreateSchema>

/** CONVERTED is reached only through conversion, never by editing the status. */
export const editableLeadStatuses = LEAD_STATUSES.filter((status) => status !== 'CONVERTED')
const [firstEditable, ...restEditable] = editableLeadStatuses
export const editableLeadStatusSchema = z.enum([firstEditable ?? 'NEW', ...restEditable])

export const leadEditSchema = z.strictObject({
  id: idSchema,
  ...leadFields,
  status: editableLeadStatusSchema,
  bant: bantFlagsSchema,
})
export type LeadEditInput = z.input<typeof leadEditSchema>

export const leadAssignmentRequestSchema = z.strictObject({
  leadId: idSchema,
  assignedTo: idSchema,
  reason: optionalText(500),
})
export type LeadAssignmentRequestInput = z.input<typeof leadAssignmentRequestSchema>

/** A manager's answer to an assignment request; a rejection must say why. */
export const leadAssignmentDecisionSchema = z
  .strictObject({
    assignmentId: idSchema,
    approve: z.boolean(),
    rejectionReason: optionalText(500),
  })
  .refine((value) => value.approve || value.rejectionReason !== null, {
    path: ['rejectionReason'],
    message: 'a rejection needs a reason',
  })

/**
 * Conversion creates a company, its head-office branch, a contact and an opportunity from the lead. The names are
 * prefilled from the lead; the contact is optional (a lead may have no person yet).
 */
export const leadConversionSchema = z.strictObject({
  leadId: idSchema,
  /**
   * Convert into a company that is already on file (the duplicate check offered it): no new company or branch; the
   * contact joins its head office and the opportunity is that company's. companyName / branchName are then ignored.
   */
  existingCompanyId: idSchema.nullish().transform((value) => value ?? null),
  companyName: requiredText(200),
  branchName: requiredText(200).default('본사'),
  contact: z
    .strictObject({
      lastName: requiredText(50),
      firstName: requiredText(50),
      email: z
        .union([z.email().max(255), z.literal('')])
        .nullish()
        .transform((value) => (value ? value : null)),
      phone: z
        .string()
        .trim()
        .max(30)
        .nullish()
        .transform((value) => (value ? value.replace(/\D/g, '') || null : null)),
    })
    .nullish()
    .transform((value) => value ?? null),
  opportunityTitle: requiredText(200),
  amount: wonSchema.nullish().transform((value) => value ?? null),
  expectedCloseDate: optionalDate,
})
export type LeadConversionInput = z.input<typeof leadConversionSchema>

// ── Opportunities ──────────────────────────────────────────────────────────────────────────────────────────────────

const OPEN_STAGES = ['QUALIFYING', 'NEEDS_ANALYSIS', 'PROPOSAL', 'NEGOTIATION'] as const satisfies readonly OpportunityStage[]

const opportunityFields = {
  title: requiredText(200),
  description: optionalText(4000),
  type: z
    .enum(OPPORTUNITY_TYPES)
    .nullish()
    .transform((value) => value ?? null),
  amount: wonSchema.nullish().transform((value) => value ?? null),
  expectedCloseDate: optionalDate,
  nextAction: optionalText(500),
  nextActionDate: optionalDate,
}

export const opportunityCreateSchema = z.strictObject({
  ...opportunityFields,
  companyId: idSchema,
  branchId: idSchema.nullish().transform((value) => value ?? null),
  contactId: idSchema.nullish().transform((value) => value ?? null),
  stage: z.enum(OPEN_STAGES).default('QUALIFYING'),
  /** Absent: the stage's default probability. */
  probability: probabilitySchema.optional(),
})
export type OpportunityCreateInput = z.input<typeof opportunityCreateSchema>

/** Everything but the stage, which moves through `opportunityMoveSchema` (it writes the stage history). */
export const opportunityEditSchema = z.strictObject({
  id: idSchema,
  ...opportunityFields,
  probability: probabilitySchema,
})
export type OpportunityEditInput = z.input<typeof opportunityEditSchema>

/** Moving between open stages; closing goes through `opportunityCloseSchema`, which needs a reason. */
export const opportunityMoveSchema = z.strictObject({
  id: idSchema,
  stage: z.enum(OPEN_STAGES),
  /** Set when the user typed a probability with the move; otherwise the default rule applies. */
  probability: probabilitySchema.optional(),
})
export type OpportunityMoveInput = z.input<typeof opportunityMoveSchema>

/** Won or lost, with why: the reason is what the sales review reads later. */
export const opportunityCloseSchema = z.strictObject({
  id: idSchema,
  outcome: z.enum(['WON', 'LOST']),
  reason: requiredText(1000),
  /** The day it was decided; default today (Korea time). */
  closeDate: isoDateSchema.optional(),
})
export type OpportunityCloseInput = z.input<typeof opportunityCloseSchema>

/**
 * Input schemas of project and contract records (프로젝트, 계약): create from scratch or from a won opportunity, edit
 * every field the schema holds, delete and restore. The repositories re-check what needs the replica (the company
 * exists, the opportunity is won).
 */
import { z } from 'zod'
import { CONTRACT_STATUSES, PROJECT_HEALTH, PROJECT_PHASES, PROJECT_PRIORITIES, PROJECT_STATUSES, PROJECT_TYPES } from '../enums'
import { idSchema, isoDateSchema, wonSchema } from './common'

const optionalId = idSchema.nullish().transform((value) => value ?? null)
const optionalDate = isoDateSchema.nullish().transform((value) => value ?? null)
const optionalWon = wonSchema.nullish().transform((value) => value ?? null)
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null))

const projectFields = {
  name: z.string().trim().min(1).max(200),
  description: optionalText(4000),
  type: z
    .enum(PROJECT_TYPES)
    .nullish()
    .transform((value) => value ?? null),
  companyId: idSchema,
  branchId: optionalId,
  contractId: optionalId,
  status: z.enum(PROJECT_STATUSES).default('PLANNING'),
  phase: z
    .enum(PROJECT_PHASES)
    .nullish()
    .transform((value) => value ?? null),
  health: z
    .enum(PROJECT_HEALTH)
    .nullish()
    .transform((value) => value ?? null),
  priority: z.enum(PROJECT_PRIORITIES).default('MEDIUM'),
  startDate: optionalDate,
  endDate: optionalDate,
  actualStartDate: optionalDate,
  actualEndDate: optionalDate,
  budget: optionalWon,
  actualCost: optionalWon,
  revenue: optionalWon,
  progress: z.number().int().min(0).max(100).default(0),
  projectManagerId: optionalId,
  coordinatorId: optionalId,
  operatorId: optionalId,
}

const periodOk = (p: { startDate: string | null; endDate: string | null }) => !p.startDate || !p.endDate || p.endDate >= p.startDate

/** A new project (from scratch: `opportunityId` empty) or an edited one (`id`). */
export const projectSaveSchema = z
  .strictObject({ id: idSchema.optional(), opportunityId: optionalId, ...projectFields })
  .refine(periodOk, { path: ['endDate'], message: 'must not be before startDate' })
export type ProjectSaveInput = z.input<typeof projectSaveSchema>

/** The project a won opportunity becomes: its company, branch, amount (as revenue) and title carried over. */
export const projectFromOpportunitySchema = z.strictObject({ opportunityId: idSchema })

export const contractSaveSchema = z
  .strictObject({
    id: idSchema.optional(),
    companyId: idSchema,
    opportunityId: optionalId,
    /** Empty: an offline code (K-YYYYMMDD-XXXXXX) that cannot collide with another device's. */
    code: optionalText(50),
    title: z.string().trim().min(1).max(200),
    amount: optionalWon,
    signedDate: optionalDate,
    startDate: optionalDate,
    endDate: optionalDate,
    status: z.enum(CONTRACT_STATUSES).default('DRAFT'),
    /** Projects this contract covers (their contract_id is set; others pointing here are unlinked). */
    projectIds: z.array(idSchema).max(100).default([]),
  })
  .refine(periodOk, { path: ['endDate'], message: 'must not be before startDate' })
export type ContractSaveInput = z.input<typeof contractSaveSchema>

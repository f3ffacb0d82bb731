/**
 * Input rules of the two lists administrators keep for everyone (reference data every device receives): campaigns
 * (캠페인, what a lead or an opportunity came from) and industries (업종, a company's sector, a tree). Shared by the
 * administration dialogs (errors under each field while typing) and main (the IPC contract parses every save with the
 * same schema, so a bypassed form still cannot store an end date before the start).
 *
 * Messages are i18n keys: the shared `validation.*` ones, plus `admin.catalogues.errors.*` for the rules only these
 * lists have.
 */
import { z } from 'zod'
import { isIsoDate } from '../../domain/dates'
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES } from '../enums'
import { idSchema } from './common'

const required = { error: 'validation.required' }
const tooLong = { error: 'validation.tooLong' }

const requiredText = (max: number) => z.string(required).trim().min(1, required).max(max, tooLong)
const optionalText = (max: number) =>
  z
    .string()
    .max(max, tooLong)
    .nullish()
    .transform((value) => (value == null || value.trim() === '' ? null : value.trim()))
const optionalId = idSchema.nullish().transform((value) => value ?? null)
const optionalDate = z
  .string()
  .nullish()
  .transform((value) => (value == null || value.trim() === '' ? null : value.trim()))
  .refine((value) => value === null || isIsoDate(value), { error: 'validation.invalid' })

/** Codes people type (IT, MFG-01): letters, digits, hyphen and underscore, so they read the same in every list. */
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/

export const campaignSaveSchema = z
  .strictObject({
    /** Absent: a new campaign (its code is made up on the device, CP-XXXX-XXXX-XXXX). */
    id: idSchema.optional(),
    name: requiredText(200),
    type: z
      .enum(CAMPAIGN_TYPES, { error: 'validation.invalid' })
      .nullish()
      .transform((value) => value ?? null),
    /** COMPLETED and CANCELLED are the "no longer offered" states: such a campaign stays on the records that name it. */
    status: z.enum(CAMPAIGN_STATUSES, { error: 'validation.invalid' }).default('PLANNED'),
    startDate: optionalDate,
    endDate: optionalDate,
    /** Whole won, never negative. */
    budget: z
      .number({ error: 'validation.number' })
      .int({ error: 'validation.number' })
      .min(0, { error: 'validation.number' })
      .max(Number.MAX_SAFE_INTEGER, { error: 'validation.number' })
      .nullish()
      .transform((value) => value ?? null),
    ownerId: optionalId,
    description: optionalText(2000),
  })
  // The server's CHECK (campaigns end after start) in the app's words, before anything is written.
  .refine((c) => c.startDate === null || c.endDate === null || c.endDate >= c.startDate, {
    error: 'admin.catalogues.errors.endBeforeStart',
    path: ['endDate'],
  })
export type CampaignSaveInput = z.input<typeof campaignSaveSchema>

export const industrySaveSchema = z.strictObject({
  id: idSchema.optional(),
  code: requiredText(20).regex(CODE_PATTERN, { error: 'admin.catalogues.errors.codeFormat' }),
  name: requiredText(100),
  /** The broader sector (제조업 › 반도체); null at the top. */
  parentId: optionalId,
  description: optionalText(500),
})
export type IndustrySaveInput = z.input<typeof industrySaveSchema>

export const CATALOGUE_ERROR_KEYS = ['admin.catalogues.errors.endBeforeStart', 'admin.catalogues.errors.codeFormat'] as const

/** The first message key per field (what a dialog shows under each input); anything unexpected is "invalid". */
export function catalogueFieldErrors(error: z.ZodError): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '')
    if (out[field]) continue
    out[field] = /^(validation|admin\.catalogues\.errors)\.[A-Za-z]+$/.test(issue.message) ? issue.message : 'validation.invalid'
  }
  return out
}

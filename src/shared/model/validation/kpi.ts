/**
 * Validation of what a user submits on the KPI screen (definitions, targets, recorded actuals). The same schemas check
 * the IPC input in main and the dialogs in the renderer. Achievement and bands have no input: they are computed.
 */
import { z } from 'zod'
import { KPI_CATEGORIES, KPI_DIRECTIONS, KPI_ENTITY_TYPES, KPI_FREQUENCIES, KPI_LEVELS, KPI_PERIOD_TYPES, KPI_UNITS } from '../enums'
import { idSchema, isoDateSchema } from './common'

/** numeric(15,2): at most two decimals, 13 integer digits. */
export const KPI_VALUE_LIMIT = 9_999_999_999_999.99

const hasAtMostTwoDecimals = (value: number): boolean => Math.abs(Math.round(value * 100) - value * 100) < 1e-6

export const kpiValueSchema = z.number().finite().min(-KPI_VALUE_LIMIT).max(KPI_VALUE_LIMIT).refine(hasAtMostTwoDecimals, 'at most two decimals')

const optionalValue = kpiValueSchema.nullish().transform((value) => value ?? null)

export const fiscalStartMonthSchema = z.number().int().min(1).max(12).default(1)

export const AUDIENCES = ['me', 'team', 'company'] as const
export type KpiAudience = (typeof AUDIENCES)[number]

export const kpiDefinitionSaveSchema = z.strictObject({
  /** Absent: a new definition. */
  id: idSchema.optional(),
  code: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only')
    .transform((value) => value.toUpperCase()),
  name: z.string().trim().min(1).max(255),
  category: z.enum(KPI_CATEGORIES),
  level: z.enum(KPI_LEVELS),
  unit: z.enum(KPI_UNITS),
  direction: z.enum(KPI_DIRECTIONS),
  frequency: z.enum(KPI_FREQUENCIES),
  formula: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((value) => (value ? value : null)),
  isActive: z.boolean().default(true),
})
export type KpiDefinitionSaveInput = z.input<typeof kpiDefinitionSaveSchema>

/** A fiscal period: the calendar month (1–12) for MONTH, quarter 1–4, half 1–2 (상반기/하반기), 1 for YEAR. */
export const fiscalPeriodSchema = z
  .strictObject({
    type: z.enum(KPI_PERIOD_TYPES),
    fiscalYear: z.number().int().min(2000).max(2100),
    index: z.number().int().min(1).max(12),
  })
  .refine(({ type, index }) => index <= { MONTH: 12, QUARTER: 4, HALF: 2, YEAR: 1 }[type], {
    message: 'index out of range for the period type',
    path: ['index'],
  })

export const kpiTargetSaveSchema = z
  .strictObject({
    /** Absent: a new target. */
    id: idSchema.optional(),
    definitionId: idSchema,
    ownerType: z.enum(KPI_ENTITY_TYPES),
    /** The user, team or department; for COMPANY the root department stands for our company (as in the demo data). */
    ownerId: idSchema.nullish().transform((value) => value ?? null),
    period: fiscalPeriodSchema,
    target: kpiValueSchema,
    stretch: optionalValue,
    minimum: optionalValue,
    weight: z.number().int().min(0).max(1000).default(100),
    fiscalStartMonth: fiscalStartMonthSchema,
  })
  .refine(({ ownerType, ownerId }) => ownerType === 'COMPANY' || ownerId !== null, {
    message: 'owner required',
    path: ['ownerId'],
  })
export type KpiTargetSaveInput = z.input<typeof kpiTargetSaveSchema>

export const kpiActualRecordSchema = z.strictObject({
  targetId: idSchema,
  /** The day the figure stands at (a to-date figure inside the period, or the period's last day). */
  periodDate: isoDateSchema,
  actual: kpiValueSchema,
  notes: z
    .string()
    .trim()
    .max(1000)
    .nullish()
    .transform((value) => (value ? value : null)),
  fiscalStartMonth: fiscalStartMonthSchema,
})
export type KpiActualRecordInput = z.input<typeof kpiActualRecordSchema>

export const kpiAchievementsSchema = z.strictObject({
  /** A day inside the wanted period (the renderer's today, or the picked period's first day). */
  on: isoDateSchema,
  period: z.enum(KPI_PERIOD_TYPES),
  audience: z.enum(AUDIENCES),
  fiscalStartMonth: fiscalStartMonthSchema,
})

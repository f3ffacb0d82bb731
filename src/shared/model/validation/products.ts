/**
 * Input schemas of the product master (상품, 상품 분류). The same schemas check the form in the renderer and the IPC
 * input in main; the repository re-checks what needs the replica (unique code, existing category, no category loop).
 * Margin and margin % have no input: they are derived from list price and cost.
 */
import { z } from 'zod'
import { PRODUCT_TYPES } from '../enums'
import { idSchema, wonSchema } from './common'

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null))

/** A code typed by the user, or empty: the device then makes one that cannot clash offline. */
const codeSchema = z
  .string()
  .trim()
  .max(50)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$|^$/, 'letters, digits, - and _')
  .nullish()
  .transform((value) => (value ? value.toUpperCase() : null))

const countSchema = (max: number) =>
  z
    .number()
    .int()
    .min(0)
    .max(max)
    .nullish()
    .transform((value) => value ?? null)
const optionalWon = wonSchema.nullish().transform((value) => value ?? null)
/** One entry per line in the form; blank lines dropped. */
const lines = z
  .array(z.string().trim().max(500))
  .max(50)
  .default([])
  .transform((list) => list.filter((item) => item.length > 0))

export const curriculumModuleSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  hours: z.number().min(0).max(1000).optional(),
  description: z.string().trim().max(1000).optional(),
})

export const productSaveSchema = z
  .strictObject({
    /** Absent: a new product. */
    id: idSchema.optional(),
    code: codeSchema,
    name: z.string().trim().min(1).max(255),
    categoryId: idSchema.nullish().transform((value) => value ?? null),
    type: z
      .enum(PRODUCT_TYPES)
      .nullish()
      .transform((value) => value ?? null),
    description: optionalText(4000),
    durationDays: countSchema(365),
    durationHours: countSchema(10_000),
    minParticipants: countSchema(10_000),
    maxParticipants: countSchema(10_000),
    listPrice: optionalWon,
    cost: optionalWon,
    curriculum: z.array(curriculumModuleSchema).max(100).default([]),
    prerequisites: lines,
    objectives: lines,
    targetAudience: optionalText(1000),
    isActive: z.boolean().default(true),
  })
  .refine((p) => p.minParticipants === null || p.maxParticipants === null || p.minParticipants <= p.maxParticipants, {
    path: ['maxParticipants'],
    message: 'must not be below minParticipants',
  })
export type ProductSaveInput = z.input<typeof productSaveSchema>
export type ProductSave = z.output<typeof productSaveSchema>

export const categorySaveSchema = z.strictObject({
  id: idSchema.optional(),
  code: codeSchema,
  name: z.string().trim().min(1).max(100),
  parentId: idSchema.nullish().transform((value) => value ?? null),
  description: optionalText(1000),
  isActive: z.boolean().default(true),
})
export type CategorySaveInput = z.input<typeof categorySaveSchema>
export type CategorySave = z.output<typeof categorySaveSchema>

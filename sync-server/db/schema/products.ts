/** The product master (seed §6). Reference data. No stored margin: list_price − cost is computed where shown. */
import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, uuid, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core'
import { PRODUCT_TYPES } from '../../../src/shared/model/enums'
import type { CurriculumModule } from '../../../src/shared/model/json'
import { count, enumChecks, enumText, flag, json, money, nonNegative, stringList, syncColumns } from './columns'

export const productCategories = pgTable(
  'product_categories',
  {
    ...syncColumns(),
    code: varchar('code', { length: 50 }).notNull().unique('product_categories_code_key'),
    name: varchar('name', { length: 100 }).notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => productCategories.id),
    description: text('description'),
    isActive: flag('is_active').notNull().default(true),
  },
  (t) => [index('product_categories_parent_id_idx').on(t.parentId)],
)

export const products = pgTable(
  'products',
  {
    ...syncColumns(),
    code: varchar('code', { length: 50 }).notNull().unique('products_code_key'),
    name: varchar('name', { length: 255 }).notNull(),
    categoryId: uuid('category_id').references(() => productCategories.id),
    type: enumText('type', PRODUCT_TYPES, 50),
    description: text('description'),
    /** The course's planned length: a property of the product, not a derived figure. */
    durationDays: count('duration_days'),
    durationHours: count('duration_hours'),
    minParticipants: count('min_participants'),
    maxParticipants: count('max_participants'),
    listPrice: money('list_price'),
    cost: money('cost'),
    curriculum: json<CurriculumModule[]>('curriculum'),
    prerequisites: stringList('prerequisites'),
    objectives: stringList('objectives'),
    targetAudience: text('target_audience'),
    isActive: flag('is_active').notNull().default(true),
  },
  (t) => [
    ...enumChecks('products', t),
    nonNegative('products_amounts_check', t.listPrice, t.cost, t.durationDays, t.durationHours, t.minParticipants),
    check('products_participants_check', sql`${t.maxParticipants} >= ${t.minParticipants}`),
    index('products_category_id_idx').on(t.categoryId),
  ],
)

/** The product master (seed §6). Device twin of sync-server/db/schema/products.ts. */
import { sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { PRODUCT_TYPES } from '../../../shared/model/enums'
import type { CurriculumModule } from '../../../shared/model/json'
import { count, enumText, flag, id, json, money, stringList, syncColumns } from './columns'

export const productCategories = sqliteTable('product_categories', {
  ...syncColumns(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  parentId: id('parent_id').references((): AnySQLiteColumn => productCategories.id),
  description: text('description'),
  isActive: flag('is_active').notNull().default(true),
})

export const products = sqliteTable('products', {
  ...syncColumns(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  categoryId: id('category_id').references(() => productCategories.id),
  type: enumText('type', PRODUCT_TYPES),
  description: text('description'),
  durationDays: count('duration_days'),
  durationHours: count('duration_hours'),
  minParticipants: count('min_participants'),
  maxParticipants: count('max_participants'),
  listPrice: money('list_price'),
  cost: money('cost'),
  curriculum: json('curriculum').$type<CurriculumModule[]>(),
  prerequisites: stringList('prerequisites'),
  objectives: stringList('objectives'),
  targetAudience: text('target_audience'),
  isActive: flag('is_active').notNull().default(true),
})

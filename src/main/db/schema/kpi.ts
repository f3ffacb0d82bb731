/** KPI definitions, targets and actuals (seed §7). Device twin of sync-server/db/schema/kpi.ts. */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { KPI_CATEGORIES, KPI_DIRECTIONS, KPI_ENTITY_TYPES, KPI_FREQUENCIES, KPI_LEVELS, KPI_PERIOD_TYPES, KPI_UNITS } from '../../../shared/model/enums'
import { count, date, enumText, flag, id, measure, syncColumns } from './columns'

export const kpiDefinitions = sqliteTable('kpi_definitions', {
  ...syncColumns(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  category: enumText('category', KPI_CATEGORIES),
  level: enumText('level', KPI_LEVELS),
  formula: text('formula'),
  unit: enumText('unit', KPI_UNITS),
  targetDirection: enumText('target_direction', KPI_DIRECTIONS),
  frequency: enumText('frequency', KPI_FREQUENCIES),
  isActive: flag('is_active').notNull().default(true),
})

export const kpiTargets = sqliteTable(
  'kpi_targets',
  {
    ...syncColumns(),
    kpiDefinitionId: id('kpi_definition_id')
      .notNull()
      .references(() => kpiDefinitions.id),
    entityType: enumText('entity_type', KPI_ENTITY_TYPES),
    entityId: id('entity_id'),
    periodType: enumText('period_type', KPI_PERIOD_TYPES).notNull(),
    periodYear: count('period_year').notNull(),
    periodMonth: count('period_month'),
    periodQuarter: count('period_quarter'),
    periodHalf: count('period_half'),
    targetValue: measure('target_value').notNull(),
    stretchValue: measure('stretch_value'),
    minimumValue: measure('minimum_value'),
    weight: count('weight').notNull().default(100),
  },
  (t) => [index('kpi_targets_entity_idx').on(t.entityType, t.entityId, t.periodYear)],
)

export const kpiActuals = sqliteTable(
  'kpi_actuals',
  {
    ...syncColumns(),
    kpiTargetId: id('kpi_target_id')
      .notNull()
      .references(() => kpiTargets.id),
    periodDate: date('period_date').notNull(),
    actualValue: measure('actual_value').notNull(),
    notes: text('notes'),
  },
  (t) => [index('kpi_actuals_kpi_target_id_idx').on(t.kpiTargetId, t.periodDate)],
)

/**
 * KPI definitions, targets and actuals (seed §7). No stored achievement_percent: it depends on the target, the
 * actual and the KPI's direction, any of which may be edited elsewhere; it is computed where shown.
 */
import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core'
import { KPI_CATEGORIES, KPI_DIRECTIONS, KPI_ENTITY_TYPES, KPI_FREQUENCIES, KPI_LEVELS, KPI_PERIOD_TYPES, KPI_UNITS } from '../../../src/shared/model/enums'
import { count, date, enumChecks, enumText, flag, id, measure, nonNegative, syncColumns } from './columns'

/** Reference data. */
export const kpiDefinitions = pgTable(
  'kpi_definitions',
  {
    ...syncColumns(),
    code: varchar('code', { length: 50 }).notNull().unique('kpi_definitions_code_key'),
    name: varchar('name', { length: 255 }).notNull(),
    category: enumText('category', KPI_CATEGORIES, 50),
    level: enumText('level', KPI_LEVELS, 20),
    formula: text('formula'),
    unit: enumText('unit', KPI_UNITS, 20),
    targetDirection: enumText('target_direction', KPI_DIRECTIONS, 20),
    frequency: enumText('frequency', KPI_FREQUENCIES, 20),
    isActive: flag('is_active').notNull().default(true),
  },
  (t) => [...enumChecks('kpi_definitions', t)],
)

export const kpiTargets = pgTable(
  'kpi_targets',
  {
    ...syncColumns(),
    kpiDefinitionId: uuid('kpi_definition_id')
      .notNull()
      .references(() => kpiDefinitions.id),
    /** Whose target: a department, team or user id (polymorphic, so not a foreign key), or our company as a whole. */
    entityType: enumText('entity_type', KPI_ENTITY_TYPES, 20),
    entityId: id('entity_id'),
    /** New: says which of month / quarter / half is meant; the seed could not express 상반기/하반기. */
    periodType: enumText('period_type', KPI_PERIOD_TYPES, 10).notNull(),
    periodYear: count('period_year').notNull(),
    periodMonth: count('period_month'),
    periodQuarter: count('period_quarter'),
    periodHalf: count('period_half'),
    targetValue: measure('target_value').notNull(),
    stretchValue: measure('stretch_value'),
    minimumValue: measure('minimum_value'),
    weight: count('weight').notNull().default(100),
  },
  (t) => [
    ...enumChecks('kpi_targets', t),
    check('kpi_targets_entity_check', sql`(${t.entityType} is null) = (${t.entityId} is null)`),
    // Exactly the period field the period type names is set, and in range. coalesce: a NULL comparison would pass.
    check(
      'kpi_targets_period_check',
      sql`coalesce(case ${t.periodType}
        when 'YEAR' then coalesce(${t.periodMonth}, ${t.periodQuarter}, ${t.periodHalf}) is null
        when 'HALF' then ${t.periodHalf} between 1 and 2 and ${t.periodMonth} is null and ${t.periodQuarter} is null
        when 'QUARTER' then ${t.periodQuarter} between 1 and 4 and ${t.periodMonth} is null and ${t.periodHalf} is null
        when 'MONTH' then ${t.periodMonth} between 1 and 12 and ${t.periodQuarter} is null and ${t.periodHalf} is null
        else false end, false)`,
    ),
    nonNegative('kpi_targets_weight_check', t.weight),
    index('kpi_targets_entity_idx').on(t.entityType, t.entityId),
    index('kpi_targets_kpi_definition_id_idx').on(t.kpiDefinitionId, t.periodYear),
  ],
)

export const kpiActuals = pgTable(
  'kpi_actuals',
  {
    ...syncColumns(),
    kpiTargetId: uuid('kpi_target_id')
      .notNull()
      .references(() => kpiTargets.id),
    periodDate: date('period_date').notNull(),
    actualValue: measure('actual_value').notNull(),
    notes: text('notes'),
  },
  (t) => [index('kpi_actuals_kpi_target_id_idx').on(t.kpiTargetId, t.periodDate)],
)

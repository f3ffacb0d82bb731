/** KPI definitions (what is measured, its unit and direction): the list with the owners and audiences a viewer may pick, and saving one. */
import { type z } from 'zod'
import { audiencesOfTier } from '../../../shared/domain/audience'
import { computedMeasureOf } from '../../../shared/domain/kpi-measures'
import { compareKorean } from '../../../shared/domain/korean-text'
import { type KpiDefinitionView, type KpiDefinitionsList } from '../../../shared/ipc/kpi-types'
import { type KpiCategory, type KpiDirection, type KpiFrequency, type KpiLevel, type KpiUnit } from '../../../shared/model/enums'
import { type kpiDefinitionSaveSchema } from '../../../shared/model/validation/kpi'
import { type RepoContext } from '../common/context'
import { type KpiOwners } from './owners'
import { KpiRuleError, requireKpiActor } from './rules'

export interface KpiDefinitions {
  definitions(): KpiDefinitionsList
  saveDefinition(input: z.output<typeof kpiDefinitionSaveSchema>): KpiDefinitionView
}

export interface DefinitionRow {
  id: string
  code: string
  name: string
  category: KpiCategory | null
  level: KpiLevel | null
  formula: string | null
  unit: KpiUnit | null
  target_direction: KpiDirection | null
  frequency: KpiFrequency | null
  is_active: number
}

export const DEFINITION_BY_ID = 'SELECT * FROM kpi_definitions WHERE id = ? AND deleted_at IS NULL'

export function toDefinitionView(row: DefinitionRow): KpiDefinitionView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    category: row.category,
    level: row.level,
    unit: row.unit,
    direction: row.target_direction,
    frequency: row.frequency,
    formula: row.formula,
    isActive: row.is_active === 1,
    computed: computedMeasureOf(row.code, row.unit),
  }
}

export function createKpiDefinitions(ctx: RepoContext, owners: KpiOwners): KpiDefinitions {
  const { sqlite, writer } = ctx
  const definitionById = sqlite.prepare<[string], DefinitionRow>(DEFINITION_BY_ID)
  const definitionByCode = sqlite.prepare<[string], { id: string }>('SELECT id FROM kpi_definitions WHERE upper(code) = upper(?) AND deleted_at IS NULL')
  const allDefinitions = sqlite.prepare<[], DefinitionRow>('SELECT * FROM kpi_definitions WHERE deleted_at IS NULL')

  return {
    definitions() {
      const actor = ctx.actor()
      return {
        definitions: allDefinitions
          .all()
          .map(toDefinitionView)
          .sort((a, b) => Number(b.isActive) - Number(a.isActive) || compareKorean(a.name, b.name)),
        owners: owners.list(),
        audiences: actor ? audiencesOfTier(actor.tier) : [],
      }
    },

    saveDefinition(input) {
      requireKpiActor(ctx)
      if (input.id && !definitionById.get(input.id)) throw new KpiRuleError('notFound')
      const clash = definitionByCode.get(input.code)
      if (clash && clash.id !== input.id) throw new KpiRuleError('duplicateCode')
      const id = input.id ?? ctx.newId()
      writer.upsert('kpi_definitions', id, {
        code: input.code,
        name: input.name,
        category: input.category,
        level: input.level,
        unit: input.unit,
        target_direction: input.direction,
        frequency: input.frequency,
        formula: input.formula,
        is_active: input.isActive,
      })
      return toDefinitionView(definitionById.get(id)!)
    },
  }
}

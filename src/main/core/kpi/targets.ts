/**
 * KPI targets per owner and period, recorded actuals, and achievement.
 *
 * - The actual of a target is computed from the replica when its definition's code names a measure the app knows
 *   (measures.ts); otherwise it is the latest recorded actual (kpi_actuals) dated inside the period. Periods that have
 *   not started have none.
 * - Which targets a viewer sees follows the same audience rule as the dashboard (me / my teams / company).
 * - Achievement and band come from src/shared/domain/kpi.ts and are never stored.
 * - Fiscal periods follow the start month the caller passes (the renderer keeps the company's setting); a target stores
 *   its fiscal year and the month (calendar month), quarter or half of it.
 */
import { type z } from 'zod'
import { audiencesOfTier } from '../../../shared/domain/audience'
import { todayIsoDate } from '../../../shared/domain/dates'
import { fiscalPeriodLabel, fiscalPeriodOf, fiscalPeriodRange, type FiscalPeriod } from '../../../shared/domain/fiscal-period'
import { achievementPercent, attainmentBand, compositeAchievement, isSmallSample } from '../../../shared/domain/kpi'
import { computedMeasureOf } from '../../../shared/domain/kpi-measures'
import { compareKorean } from '../../../shared/domain/korean-text'
import { type KpiAchievementRow, type KpiAchievements } from '../../../shared/ipc/kpi-types'
import { type KpiCategory, type KpiDirection, type KpiEntityType, type KpiPeriodType, type KpiUnit } from '../../../shared/model/enums'
import { type KpiAudience, type kpiAchievementsSchema, type kpiActualRecordSchema, type kpiTargetSaveSchema } from '../../../shared/model/validation/kpi'
import { type AudienceReader } from '../common/audience'
import { type Actor, type RepoContext } from '../common/context'
import { DEFINITION_BY_ID, type DefinitionRow } from './definitions'
import { type KpiMeasures } from './measures'
import { type KpiOwners } from './owners'
import { KpiRuleError, requireKpiActor } from './rules'

export interface KpiTargets {
  /** One target per KPI, owner and period: a second save for the same three updates the first. */
  saveTarget(input: z.output<typeof kpiTargetSaveSchema>): KpiAchievementRow
  recordActual(input: z.output<typeof kpiActualRecordSchema>): KpiAchievementRow
  achievements(input: z.output<typeof kpiAchievementsSchema>): KpiAchievements
}

interface TargetRow {
  id: string
  kpi_definition_id: string
  entity_type: KpiEntityType | null
  entity_id: string | null
  period_type: KpiPeriodType
  period_year: number
  period_month: number | null
  period_quarter: number | null
  period_half: number | null
  target_value: number
  stretch_value: number | null
  minimum_value: number | null
  weight: number
  code: string
  name: string
  category: KpiCategory | null
  unit: KpiUnit | null
  target_direction: KpiDirection | null
}

const TARGET_SELECT = `
  SELECT t.id, t.kpi_definition_id, t.entity_type, t.entity_id, t.period_type, t.period_year, t.period_month,
         t.period_quarter, t.period_half, t.target_value, t.stretch_value, t.minimum_value, t.weight,
         d.code, d.name, d.category, d.unit, d.target_direction
    FROM kpi_targets t JOIN kpi_definitions d ON d.id = t.kpi_definition_id
   WHERE t.deleted_at IS NULL AND d.deleted_at IS NULL`

export function periodOfTarget(row: Pick<TargetRow, 'period_type' | 'period_year' | 'period_month' | 'period_quarter' | 'period_half'>): FiscalPeriod {
  const index =
    row.period_type === 'MONTH' ? row.period_month : row.period_type === 'QUARTER' ? row.period_quarter : row.period_type === 'HALF' ? row.period_half : 1
  return { type: row.period_type, fiscalYear: row.period_year, index: index ?? 1 }
}

/** The column that holds the period's index; the others stay null (the server's CHECK wants exactly one). */
export function periodColumns(period: FiscalPeriod): Record<string, number | string | null> {
  return {
    period_type: period.type,
    period_year: period.fiscalYear,
    period_month: period.type === 'MONTH' ? period.index : null,
    period_quarter: period.type === 'QUARTER' ? period.index : null,
    period_half: period.type === 'HALF' ? period.index : null,
  }
}

/** For INCREASE minimum ≤ target ≤ stretch; for DECREASE the other way round; MAINTAIN has no stretch order. */
export function bandsInOrder(direction: KpiDirection, target: number, minimum: number | null, stretch: number | null): boolean {
  if (direction === 'INCREASE') return (minimum === null || minimum <= target) && (stretch === null || stretch >= target)
  if (direction === 'DECREASE') return (minimum === null || minimum >= target) && (stretch === null || stretch <= target)
  return true
}

const OWNER_ORDER: Record<KpiEntityType, number> = { COMPANY: 0, DEPARTMENT: 1, TEAM: 2, USER: 3 }

export function createKpiTargets(
  ctx: RepoContext,
  { owners, measures, audiences }: { owners: KpiOwners; measures: KpiMeasures; audiences: AudienceReader },
): KpiTargets {
  const { sqlite, writer } = ctx
  const today = (): string => todayIsoDate(ctx.now())

  const definitionById = sqlite.prepare<[string], DefinitionRow>(DEFINITION_BY_ID)
  const targetById = sqlite.prepare<[string], TargetRow>(`${TARGET_SELECT} AND t.id = ?`)
  const sameTarget = sqlite.prepare<[string, string, string | null, string, number, number | null, number | null, number | null], { id: string }>(
    `SELECT id FROM kpi_targets WHERE deleted_at IS NULL AND kpi_definition_id = ? AND entity_type = ?
        AND entity_id IS ? AND period_type = ? AND period_year = ? AND period_month IS ? AND period_quarter IS ?
        AND period_half IS ?`,
  )
  const targetsOfPeriod = sqlite.prepare<[string, number, number], TargetRow>(
    `${TARGET_SELECT} AND t.period_type = ? AND t.period_year = ?
        AND (CASE t.period_type WHEN 'MONTH' THEN t.period_month WHEN 'QUARTER' THEN t.period_quarter
                                WHEN 'HALF' THEN t.period_half ELSE 1 END) = ?`,
  )
  const latestRecorded = sqlite.prepare<[string, string, string], { actual_value: number; period_date: string }>(
    `SELECT actual_value, period_date FROM kpi_actuals
      WHERE kpi_target_id = ? AND deleted_at IS NULL AND period_date BETWEEN ? AND ?
      ORDER BY period_date DESC, updated_at DESC, id DESC LIMIT 1`,
  )

  function toAchievementRow(row: TargetRow, startMonth: number): KpiAchievementRow {
    const period = periodOfTarget(row)
    const range = fiscalPeriodRange(period, startMonth)
    const direction = row.target_direction ?? 'INCREASE'
    const measure = computedMeasureOf(row.code, row.unit)
    let actual: number | null = null
    let actualSource: KpiAchievementRow['actualSource'] = null
    let actualDate: string | null = null
    let sampleSize: number | null = null
    if (range.start <= today()) {
      if (measure) {
        const computed = measures.compute(measure, { type: row.entity_type, id: row.entity_id }, range)
        actual = computed.value
        sampleSize = computed.sampleSize
        actualSource = actual === null ? null : 'computed'
      } else {
        const recorded = latestRecorded.get(row.id, range.start, range.end)
        if (recorded) {
          actual = recorded.actual_value
          actualSource = 'recorded'
          actualDate = recorded.period_date
        }
      }
    }
    const values = { direction, target: row.target_value, actual }
    return {
      targetId: row.id,
      definitionId: row.kpi_definition_id,
      kpiName: row.name,
      category: row.category,
      unit: row.unit,
      direction,
      ownerType: row.entity_type,
      ownerId: row.entity_id,
      ownerLabel: owners.label(row.entity_type, row.entity_id),
      periodType: period.type,
      period,
      periodLabel: fiscalPeriodLabel(period, startMonth),
      periodStart: range.start,
      periodEnd: range.end,
      target: row.target_value,
      stretch: row.stretch_value,
      minimum: row.minimum_value,
      actual,
      actualSource,
      measure,
      actualDate,
      achievementPercent: achievementPercent(values),
      band: attainmentBand({ ...values, minimum: row.minimum_value, stretch: row.stretch_value }),
      weight: row.weight,
      sampleSize,
      smallSample: actual !== null && isSmallSample(sampleSize),
      compositeShare: null,
    }
  }

  function requireTarget(id: string): TargetRow {
    const row = targetById.get(id)
    if (!row) throw new KpiRuleError('notFound')
    return row
  }

  /**
   * Does the target belong to the audience? Its people's targets and, for a team audience, the targets of the viewer's
   * teams; department and company targets only in the company view.
   */
  function audienceFilter(audience: KpiAudience, actor: Actor): (row: TargetRow) => boolean {
    const people = audiences.membersOf(actor.id, audience)
    if (people === null) return () => true
    const teams = audience === 'team' ? audiences.teamsOf(actor.id) : new Set<string>()
    return (row) =>
      row.entity_id !== null && ((row.entity_type === 'USER' && people.has(row.entity_id)) || (row.entity_type === 'TEAM' && teams.has(row.entity_id)))
  }

  return {
    saveTarget(input) {
      requireKpiActor(ctx)
      const { fiscalStartMonth } = input
      const definition = definitionById.get(input.definitionId)
      if (!definition) throw new KpiRuleError('notFound')
      const direction = definition.target_direction ?? 'INCREASE'
      if (!bandsInOrder(direction, input.target, input.minimum, input.stretch)) throw new KpiRuleError('bandsOutOfOrder')
      let ownerId = input.ownerId
      if (input.ownerType === 'COMPANY') {
        // Our company has no row of its own; the root department stands for it (as in the demo data).
        ownerId = owners.companyId()
        if (!ownerId) throw new KpiRuleError('ownerNotFound')
      } else if (!ownerId || !owners.exists(input.ownerType, ownerId)) {
        throw new KpiRuleError('ownerNotFound')
      }
      fiscalPeriodRange(input.period, fiscalStartMonth) // refuses an impossible period
      const columns = periodColumns(input.period)
      const existing = input.id
        ? requireTarget(input.id).id
        : sameTarget.get(
            input.definitionId,
            input.ownerType,
            ownerId,
            input.period.type,
            input.period.fiscalYear,
            columns.period_month as number | null,
            columns.period_quarter as number | null,
            columns.period_half as number | null,
          )?.id
      const id = existing ?? ctx.newId()
      writer.upsert('kpi_targets', id, {
        kpi_definition_id: input.definitionId,
        entity_type: input.ownerType,
        entity_id: ownerId,
        ...columns,
        target_value: input.target,
        stretch_value: input.stretch,
        minimum_value: input.minimum,
        weight: input.weight,
      })
      return toAchievementRow(requireTarget(id), fiscalStartMonth)
    },

    recordActual(input) {
      requireKpiActor(ctx)
      const { fiscalStartMonth } = input
      const target = requireTarget(input.targetId)
      if (computedMeasureOf(target.code, target.unit)) throw new KpiRuleError('computedActual')
      const range = fiscalPeriodRange(periodOfTarget(target), fiscalStartMonth)
      if (input.periodDate < range.start || input.periodDate > range.end) throw new KpiRuleError('dateOutsidePeriod')
      writer.upsert('kpi_actuals', ctx.newId(), {
        kpi_target_id: target.id,
        period_date: input.periodDate,
        actual_value: input.actual,
        notes: input.notes,
      })
      return toAchievementRow(target, fiscalStartMonth)
    },

    achievements({ on, period: type, audience, fiscalStartMonth }) {
      const actor = requireKpiActor(ctx)
      if (!audiencesOfTier(actor.tier).includes(audience)) throw new KpiRuleError('audienceNotAllowed')
      const period = fiscalPeriodOf(on, type, fiscalStartMonth)
      const range = fiscalPeriodRange(period, fiscalStartMonth)
      const inAudience = audienceFilter(audience, actor)
      const measured = targetsOfPeriod
        .all(period.type, period.fiscalYear, period.index)
        .filter(inAudience)
        .map((row) => toAchievementRow(row, fiscalStartMonth))
        .sort(
          (a, b) =>
            OWNER_ORDER[a.ownerType ?? 'COMPANY'] - OWNER_ORDER[b.ownerType ?? 'COMPANY'] ||
            compareKorean(a.ownerLabel, b.ownerLabel) ||
            compareKorean(a.kpiName, b.kpiName),
        )
      const composite = compositeAchievement(measured)
      const rows = measured.map((row, i) => ({ ...row, compositeShare: composite.shares[i] ?? null }))
      return {
        audience,
        periodType: period.type,
        periodLabel: fiscalPeriodLabel(period, fiscalStartMonth),
        periodStart: range.start,
        periodEnd: range.end,
        rows,
        overall: composite.percent,
        composite: { counted: composite.counted, smallSamples: composite.smallSamples, capped: composite.capped },
      }
    },
  }
}

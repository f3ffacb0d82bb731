/**
 * KPIs on the device: definitions, targets per owner and period, recorded actuals, and achievement.
 *
 * - The actual of a target is computed from the replica when its definition's code names a measure the app knows
 *   (src/shared/domain/kpi-measures.ts: ORD won amount, NEW new customers, MTG meetings held, ATT attendance rate,
 *   WIN win rate, CYC days to win), over the people the owner stands for in the target's period: a USER themself, a
 *   TEAM's members during the period, a DEPARTMENT's users (sub-departments included), COMPANY everyone (the shared
 *   rule ownerMembers in src/shared/domain/audience.ts). Otherwise it is the latest recorded actual (kpi_actuals)
 *   dated inside the period. Periods that have not started have none.
 * - Which targets a viewer sees follows the same audience rule as the dashboard (me / my teams / company).
 * - Achievement and band come from src/shared/domain/kpi.ts and are never stored.
 * - Fiscal periods follow the start month the caller passes (the renderer keeps the company's setting); a target stores
 *   its fiscal year and the month (calendar month), quarter or half of it.
 * - Every write goes through the writer, so targets and actuals sync like any other row.
 */
import { type z } from 'zod'
import { DEFAULT_ATTENDANCE_POLICY, attendanceRate } from '../../../shared/domain/attendance'
import { audiencesOfTier } from '../../../shared/domain/audience'
import { daysBetween, todayIsoDate } from '../../../shared/domain/dates'
import { fiscalPeriodLabel, fiscalPeriodOf, fiscalPeriodRange, type DateRange, type FiscalPeriod } from '../../../shared/domain/fiscal-period'
import { achievementPercent, attainmentBand, compositeAchievement, isSmallSample } from '../../../shared/domain/kpi'
import { averageDays, computedMeasureOf, winRatePercent, type KpiMeasure } from '../../../shared/domain/kpi-measures'
import { compareKorean } from '../../../shared/domain/korean-text'
import { displayName } from '../../../shared/domain/korean-name'
import {
  type KpiAchievementRow,
  type KpiAchievements,
  type KpiDefinitionView,
  type KpiDefinitionsList,
  type KpiOwnerOption,
} from '../../../shared/ipc/kpi-types'
import {
  type AttendanceStatus,
  type KpiCategory,
  type KpiDirection,
  type KpiEntityType,
  type KpiFrequency,
  type KpiLevel,
  type KpiPeriodType,
  type KpiUnit,
} from '../../../shared/model/enums'
import {
  type KpiAudience,
  type kpiAchievementsSchema,
  type kpiActualRecordSchema,
  type kpiDefinitionSaveSchema,
  type kpiTargetSaveSchema,
} from '../../../shared/model/validation/kpi'
import { NotSignedInError } from '../outbox/writer'
import { type DeviceCore } from '../device'
import { createAudienceReader, projectsOfUsersSql } from './audience'
import { repoContextOf, type Actor, type RepoContext } from './context'
import { RuleError } from '../rule-error'

export const KPI_RULES = [
  'notFound',
  'audienceNotAllowed',
  'computedActual',
  'dateOutsidePeriod',
  'bandsOutOfOrder',
  'duplicateCode',
  'ownerNotFound',
  'notPermitted',
] as const
export type KpiRule = (typeof KPI_RULES)[number]

export class KpiRuleError extends RuleError<KpiRule> {
  constructor(rule: KpiRule) {
    super(rule, `KPI rule: ${rule}`)
  }
}

type DefinitionInput = z.output<typeof kpiDefinitionSaveSchema>
type TargetInput = z.output<typeof kpiTargetSaveSchema>
type ActualInput = z.output<typeof kpiActualRecordSchema>
type AchievementsInput = z.output<typeof kpiAchievementsSchema>

export interface KpiRepo {
  definitions(): KpiDefinitionsList
  saveDefinition(input: DefinitionInput): KpiDefinitionView
  /** One target per KPI, owner and period: a second save for the same three updates the first. */
  saveTarget(input: TargetInput): KpiAchievementRow
  recordActual(input: ActualInput): KpiAchievementRow
  achievements(input: AchievementsInput): KpiAchievements
}

interface ScopeParams {
  scope: string | null
  start: string
  end: string
}

interface DefinitionRow {
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

function toDefinitionView(row: DefinitionRow): KpiDefinitionView {
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

function periodOfTarget(row: TargetRow): FiscalPeriod {
  const index =
    row.period_type === 'MONTH' ? row.period_month : row.period_type === 'QUARTER' ? row.period_quarter : row.period_type === 'HALF' ? row.period_half : 1
  return { type: row.period_type, fiscalYear: row.period_year, index: index ?? 1 }
}

/** The column that holds the period's index; the others stay null (the server's CHECK wants exactly one). */
function periodColumns(period: FiscalPeriod): Record<string, number | string | null> {
  return {
    period_type: period.type,
    period_year: period.fiscalYear,
    period_month: period.type === 'MONTH' ? period.index : null,
    period_quarter: period.type === 'QUARTER' ? period.index : null,
    period_half: period.type === 'HALF' ? period.index : null,
  }
}

/** For INCREASE minimum ≤ target ≤ stretch; for DECREASE the other way round; MAINTAIN has no stretch order. */
function bandsInOrder(direction: KpiDirection, target: number, minimum: number | null, stretch: number | null): boolean {
  if (direction === 'INCREASE') return (minimum === null || minimum <= target) && (stretch === null || stretch >= target)
  if (direction === 'DECREASE') return (minimum === null || minimum >= target) && (stretch === null || stretch <= target)
  return true
}

export function createKpiRepo(ctx: RepoContext): KpiRepo {
  const { sqlite, writer } = ctx
  const audiences = createAudienceReader(sqlite)
  const today = (): string => todayIsoDate(ctx.now())
  const requireActor = (): Actor => {
    const actor = ctx.actor()
    if (!actor) throw new NotSignedInError()
    return actor
  }

  const definitionById = sqlite.prepare<[string], DefinitionRow>('SELECT * FROM kpi_definitions WHERE id = ? AND deleted_at IS NULL')
  const definitionByCode = sqlite.prepare<[string], { id: string }>('SELECT id FROM kpi_definitions WHERE upper(code) = upper(?) AND deleted_at IS NULL')
  const allDefinitions = sqlite.prepare<[], DefinitionRow>('SELECT * FROM kpi_definitions WHERE deleted_at IS NULL')
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
  const rootDepartment = sqlite.prepare<[], { id: string }>('SELECT id FROM departments WHERE deleted_at IS NULL AND parent_id IS NULL ORDER BY code LIMIT 1')
  const userRow = sqlite.prepare<[string], { first_name: string; last_name: string }>(
    'SELECT first_name, last_name FROM users WHERE id = ? AND deleted_at IS NULL',
  )
  const teamRow = sqlite.prepare<[string], { name: string }>('SELECT name FROM teams WHERE id = ? AND deleted_at IS NULL')
  const departmentRow = sqlite.prepare<[string], { name: string }>('SELECT name FROM departments WHERE id = ? AND deleted_at IS NULL')

  // Scope: `@scope` is null for everyone (COMPANY), else a JSON array of user ids.
  const IN_SCOPE = (column: string) => `(@scope IS NULL OR ${column} IN (SELECT value FROM json_each(@scope)))`
  const wonAmount = sqlite.prepare<[ScopeParams], { total: number }>(
    `SELECT COALESCE(SUM(amount), 0) AS total FROM opportunities
      WHERE deleted_at IS NULL AND stage = 'CLOSED_WON' AND actual_close_date BETWEEN @start AND @end
        AND ${IN_SCOPE('account_manager_id')}`,
  )
  const closedCounts = sqlite.prepare<[ScopeParams], { won: number; lost: number }>(
    `SELECT COALESCE(SUM(stage = 'CLOSED_WON'), 0) AS won, COALESCE(SUM(stage = 'CLOSED_LOST'), 0) AS lost
       FROM opportunities
      WHERE deleted_at IS NULL AND stage IN ('CLOSED_WON', 'CLOSED_LOST') AND actual_close_date BETWEEN @start AND @end
        AND ${IN_SCOPE('account_manager_id')}`,
  )
  const wonSpans = sqlite.prepare<[ScopeParams], { created: string; closed: string }>(
    `SELECT date(created_at, '+9 hours') AS created, actual_close_date AS closed FROM opportunities
      WHERE deleted_at IS NULL AND stage = 'CLOSED_WON' AND actual_close_date BETWEEN @start AND @end
        AND ${IN_SCOPE('account_manager_id')}`,
  )
  const newCustomers = sqlite.prepare<[ScopeParams], { total: number }>(
    `SELECT COUNT(*) AS total FROM companies
      WHERE deleted_at IS NULL AND date(created_at, '+9 hours') BETWEEN @start AND @end
        AND ${IN_SCOPE('account_manager_id')}`,
  )
  const meetingsHeld = sqlite.prepare<[ScopeParams], { total: number }>(
    `SELECT COUNT(*) AS total FROM meetings m
      WHERE m.deleted_at IS NULL AND m.status = 'COMPLETED' AND m.date BETWEEN @start AND @end
        AND (${IN_SCOPE('m.organizer_id')} OR EXISTS (
          SELECT 1 FROM meeting_participants p
           WHERE p.meeting_id = m.id AND p.deleted_at IS NULL AND p.user_id IN (SELECT value FROM json_each(@scope))))`,
  )
  const attendanceMarks = sqlite.prepare<[ScopeParams], { status: AttendanceStatus }>(
    `SELECT a.status FROM attendance_records a
       JOIN training_classes c ON c.id = a.class_id AND c.deleted_at IS NULL
       JOIN training_sessions s ON s.id = c.session_id AND s.deleted_at IS NULL
      WHERE a.deleted_at IS NULL AND c.date BETWEEN @start AND @end
        AND s.project_id IN (${projectsOfUsersSql('@scope')})`,
  )

  /** The users an owner stands for in a period, as a JSON array; null for our company as a whole. */
  function scopeOf(type: KpiEntityType | null, id: string | null, range: DateRange): string | null {
    const members = audiences.ownerMembers({ type, id }, range)
    return members === null ? null : JSON.stringify([...members])
  }

  /**
   * The computed actual and, for rates and averages, how many cases it rests on (closed opportunities, wins,
   * attendance marks) so a 1-of-1 figure can be marked as a small sample; counts and amounts have no sample.
   */
  function computeActual(measure: KpiMeasure, scope: string | null, { start, end }: DateRange): { value: number | null; sampleSize: number | null } {
    const params: ScopeParams = { scope, start, end }
    switch (measure) {
      case 'WON_AMOUNT':
        return { value: wonAmount.get(params)?.total ?? 0, sampleSize: null }
      case 'NEW_CUSTOMERS':
        return { value: newCustomers.get(params)?.total ?? 0, sampleSize: null }
      case 'MEETINGS_HELD':
        return { value: meetingsHeld.get(params)?.total ?? 0, sampleSize: null }
      case 'ATTENDANCE_RATE': {
        const marks = attendanceMarks.all(params).map((r) => r.status)
        return { value: attendanceRate(marks, DEFAULT_ATTENDANCE_POLICY), sampleSize: marks.length }
      }
      case 'WIN_RATE': {
        const won = closedCounts.get(params)?.won ?? 0
        const lost = closedCounts.get(params)?.lost ?? 0
        return { value: winRatePercent(won, lost), sampleSize: won + lost }
      }
      case 'DAYS_TO_WIN': {
        const spans = wonSpans.all(params).map((r) => Math.max(0, daysBetween(r.created, r.closed)))
        return { value: averageDays(spans), sampleSize: spans.length }
      }
    }
  }

  function ownerLabel(type: KpiEntityType | null, id: string | null): string {
    if (type === 'COMPANY' || type === null) return '전사'
    if (!id) return ''
    if (type === 'USER') {
      const user = userRow.get(id)
      return user ? displayName({ lastName: user.last_name, firstName: user.first_name }) : ''
    }
    return (type === 'TEAM' ? teamRow.get(id) : departmentRow.get(id))?.name ?? ''
  }

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
        const computed = computeActual(measure, scopeOf(row.entity_type, row.entity_id, range), range)
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
      ownerLabel: ownerLabel(row.entity_type, row.entity_id),
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

  function owners(): KpiOwnerOption[] {
    const users = sqlite
      .prepare<[], { id: string; first_name: string; last_name: string }>(
        'SELECT id, first_name, last_name FROM users WHERE deleted_at IS NULL AND is_active = 1',
      )
      .all()
      .map((u) => ({ type: 'USER' as const, id: u.id, label: displayName({ lastName: u.last_name, firstName: u.first_name }) }))
    const teams = sqlite
      .prepare<[], { id: string; name: string }>('SELECT id, name FROM teams WHERE deleted_at IS NULL AND is_active = 1')
      .all()
      .map((t) => ({ type: 'TEAM' as const, id: t.id, label: t.name }))
    const departments = sqlite
      .prepare<[], { id: string; name: string }>('SELECT id, name FROM departments WHERE deleted_at IS NULL AND is_active = 1')
      .all()
      .map((d) => ({ type: 'DEPARTMENT' as const, id: d.id, label: d.name }))
    const byLabel = (a: KpiOwnerOption, b: KpiOwnerOption) => compareKorean(a.label, b.label)
    const root = rootDepartment.get()
    return [
      ...(root ? [{ type: 'COMPANY' as const, id: root.id, label: '전사' }] : []),
      ...departments.sort(byLabel),
      ...teams.sort(byLabel),
      ...users.sort(byLabel),
    ]
  }

  function ownerExists(type: KpiEntityType, id: string): boolean {
    if (type === 'USER') return userRow.get(id) !== undefined
    if (type === 'TEAM') return teamRow.get(id) !== undefined
    return departmentRow.get(id) !== undefined
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

  const OWNER_ORDER: Record<KpiEntityType, number> = { COMPANY: 0, DEPARTMENT: 1, TEAM: 2, USER: 3 }

  return {
    definitions() {
      const actor = ctx.actor()
      return {
        definitions: allDefinitions
          .all()
          .map(toDefinitionView)
          .sort((a, b) => Number(b.isActive) - Number(a.isActive) || compareKorean(a.name, b.name)),
        owners: owners(),
        audiences: actor ? audiencesOfTier(actor.tier) : [],
      }
    },

    saveDefinition(input) {
      requireActor()
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

    saveTarget(input) {
      requireActor()
      const { fiscalStartMonth } = input
      const definition = definitionById.get(input.definitionId)
      if (!definition) throw new KpiRuleError('notFound')
      const direction = definition.target_direction ?? 'INCREASE'
      if (!bandsInOrder(direction, input.target, input.minimum, input.stretch)) throw new KpiRuleError('bandsOutOfOrder')
      let ownerId = input.ownerId
      if (input.ownerType === 'COMPANY') {
        // Our company has no row of its own; the root department stands for it (as in the demo data).
        ownerId = rootDepartment.get()?.id ?? null
        if (!ownerId) throw new KpiRuleError('ownerNotFound')
      } else if (!ownerId || !ownerExists(input.ownerType, ownerId)) {
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
      requireActor()
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
      const actor = requireActor()
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

/** The KPI repository of a running device: its replica, its writer, the signed-in user. */
export function createKpiDevice(core: Pick<DeviceCore, 'sqlite' | 'writer' | 'session'>, now: () => Date = () => new Date()): KpiRepo {
  return createKpiRepo(repoContextOf(core, now))
}

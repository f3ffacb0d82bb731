/**
 * kpi_targets and kpi_actuals. Targets per month / quarter / half / year for the entities each KPI is measured on
 * (our company, departments, teams, users); actuals for periods that have ended (and a to-date figure for the
 * current one), landing around the target the way real attainment does.
 */
import { type KpiEntityType, type KpiPeriodType } from '../../shared/model/enums'
import { DAY_MS, addDays, kstInstant } from '../clock'
import { commonColumns, idMaker, type WireRow } from '../context'
import { type DemoState, type KpiDefinitionInfo } from '../state'
import { activeUsers, ADMIN_ID } from './org'

interface Period {
  readonly type: KpiPeriodType
  readonly year: number
  readonly month: number | null
  readonly quarter: number | null
  readonly half: number | null
  readonly start: string
  /** Last day of the period. */
  readonly end: string
  readonly months: number
}

function monthStart(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`
}

function period(type: KpiPeriodType, year: number, index: number): Period {
  const months = type === 'MONTH' ? 1 : type === 'QUARTER' ? 3 : type === 'HALF' ? 6 : 12
  const firstMonth = type === 'YEAR' ? 1 : (index - 1) * months + 1
  const start = monthStart(year, firstMonth)
  const nextMonth = firstMonth + months
  const end = addDays(nextMonth > 12 ? monthStart(year + 1, nextMonth - 12) : monthStart(year, nextMonth), -1)
  return {
    type,
    year,
    months,
    start,
    end,
    month: type === 'MONTH' ? index : null,
    quarter: type === 'QUARTER' ? index : null,
    half: type === 'HALF' ? index : null,
  }
}

/** Periods of a type overlapping [from, to] (YYYY-MM-DD). */
function periodsBetween(type: KpiPeriodType, from: string, to: string): Period[] {
  const out: Period[] = []
  const perYear = type === 'MONTH' ? 12 : type === 'QUARTER' ? 4 : type === 'HALF' ? 2 : 1
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (let i = 1; i <= perYear; i++) {
      const p = period(type, year, i)
      if (p.end >= from && p.start <= to) out.push(p)
    }
  }
  return out
}

interface Entity {
  readonly type: KpiEntityType
  readonly id: string
  readonly size: number
  readonly owner: string
}

const targetPlans = new WeakMap<DemoState, { id: string; definition: KpiDefinitionInfo; period: Period; target: number; owner: string; createdMs: number }[]>()

export function buildKpiTargets(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('kpi_targets')
  const newId = idMaker(ctx, 'kpi_targets')
  const plans: NonNullable<ReturnType<typeof targetPlans.get>> = []
  targetPlans.set(state, plans)
  const departmentOf = (unit: string) => state.departments.find((d) => d.unit === unit)
  const root = departmentOf('EXEC')!
  const users = activeUsers(state, ['SALES', 'OPS', 'CONSULTING'])
  const membersOf = (departmentId: string) => state.users.filter((u) => u.departmentId === departmentId && u.isActive).length
  const headOf = (departmentId: string) => state.teams.find((t) => t.departmentId === departmentId)?.leadId ?? ADMIN_ID

  const entitiesFor = (definition: KpiDefinitionInfo): Entity[] => {
    const department = (unit: string): Entity[] => {
      const d = departmentOf(unit)
      return d ? [{ type: 'DEPARTMENT', id: d.id, size: membersOf(d.id), owner: ADMIN_ID }] : []
    }
    const teams = (unit: string): Entity[] =>
      state.teams.filter((t) => t.unit === unit).map((t) => ({ type: 'TEAM' as const, id: t.id, size: t.memberIds.length, owner: headOf(t.departmentId) }))
    const people = (units: readonly string[]): Entity[] =>
      users
        .filter((u) => units.includes(u.unit))
        .map((u) => ({ type: 'USER' as const, id: u.id, size: 1, owner: state.teams.find((t) => t.id === u.teamId)?.leadId ?? ADMIN_ID }))
    switch (definition.code) {
      // Our company as a whole: the root department stands for it (the target needs an entity id).
      case 'KPI-REV-CO':
        return [{ type: 'COMPANY', id: root.id, size: Math.max(1, state.companies.length), owner: ADMIN_ID }]
      case 'KPI-RET-CO':
        return [{ type: 'COMPANY', id: root.id, size: 1, owner: ADMIN_ID }]
      case 'KPI-REV-DEPT':
        return [...department('SALES'), ...department('OPS'), ...department('CONSULTING')]
      case 'KPI-CMP-DEPT':
        return department('OPS')
      case 'KPI-MGN-DEPT':
        return [...department('OPS'), ...department('CONSULTING')]
      case 'KPI-ORD-TEAM':
      case 'KPI-NEW-TEAM':
      case 'KPI-CYC-TEAM':
        return teams('SALES')
      case 'KPI-CSAT-TEAM':
        return teams('OPS')
      case 'KPI-ORD-USER':
      case 'KPI-WIN-USER':
        return people(['SALES'])
      case 'KPI-MTG-USER':
        return people(['SALES', 'CONSULTING'])
      case 'KPI-PRJ-USER':
        return people(['OPS'])
      default:
        return []
    }
  }

  // The window: kpiMonths back from the current month, two months ahead.
  const from = addDays(monthStart(Number(ctx.today.slice(0, 4)), Number(ctx.today.slice(5, 7))), -31 * (state.plan.kpiMonths - 1))
  const windowStart = monthStart(Number(from.slice(0, 4)), Number(from.slice(5, 7)))
  const windowEnd = addDays(ctx.today, 62)
  const rows: WireRow[] = []
  for (const definition of state.kpiDefinitions) {
    const types: KpiPeriodType[] =
      definition.frequency === 'MONTHLY'
        ? ['MONTH']
        : definition.frequency === 'YEARLY'
          ? ['YEAR']
          : definition.code === 'KPI-REV-CO'
            ? ['QUARTER', 'HALF']
            : ['QUARTER']
    for (const entity of entitiesFor(definition)) {
      for (const type of types) {
        for (const p of periodsBetween(type, windowStart, windowEnd)) {
          const base = definition.monthlyTarget({ type: entity.type, size: entity.size })
          const scaled = definition.unit === 'CURRENCY' || definition.unit === 'COUNT' ? base * p.months : base
          // Targets grow a little year on year.
          const growth = 1 + (p.year - Number(ctx.today.slice(0, 4))) * 0.08
          const target =
            definition.unit === 'CURRENCY'
              ? Math.round((scaled * growth) / 1_000_000) * 1_000_000
              : definition.unit === 'COUNT'
                ? Math.max(1, Math.round(scaled * growth))
                : scaled
          const createdMs = Math.min(
            ctx.nowMs - 60_000,
            Math.max(ctx.historyStartMs, kstInstant(p.start, '09:30') - random.int(5, 20) * DAY_MS + random.int(0, 8 * 60) * 60_000),
          )
          const id = newId(createdMs)
          plans.push({ id, definition, period: p, target, owner: entity.owner, createdMs })
          const higherIsBetter = definition.direction !== 'DECREASE'
          const stretch =
            definition.unit === 'PERCENT' || definition.unit === 'DAYS'
              ? Math.round(higherIsBetter ? Math.min(100, target * 1.05) : target * 0.85)
              : Math.round(target * 1.2)
          const minimum =
            definition.unit === 'PERCENT' || definition.unit === 'DAYS' ? Math.round(higherIsBetter ? target * 0.9 : target * 1.2) : Math.round(target * 0.8)
          rows.push({
            ...commonColumns({ id, createdMs, createdBy: entity.owner }),
            kpi_definition_id: definition.id,
            entity_type: entity.type,
            entity_id: entity.id,
            period_type: p.type,
            period_year: p.year,
            period_month: p.month,
            period_quarter: p.quarter,
            period_half: p.half,
            target_value: target,
            stretch_value: stretch,
            minimum_value: minimum,
            weight: entity.type === 'USER' ? (definition.unit === 'CURRENCY' ? 50 : 25) : 100,
          })
        }
      }
    }
  }
  return rows
}

export function buildKpiActuals(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('kpi_actuals')
  const newId = idMaker(ctx, 'kpi_actuals')
  const rows: WireRow[] = []
  for (const plan of targetPlans.get(state) ?? []) {
    if (plan.period.start > ctx.today) continue
    const finished = plan.period.end < ctx.today
    const periodDate = finished ? plan.period.end : addDays(ctx.today, -1)
    if (periodDate < plan.period.start) continue
    const elapsed = finished
      ? 1
      : Math.max(0.05, (kstInstant(periodDate) - kstInstant(plan.period.start)) / (kstInstant(plan.period.end) - kstInstant(plan.period.start)))
    const { unit, direction } = plan.definition
    const attainment = random.normalInt(95, 18, 40, 160) / 100
    let value: number
    if (unit === 'CURRENCY') value = Math.round((plan.target * attainment * elapsed) / 10_000) * 10_000
    else if (unit === 'COUNT') value = Math.max(0, Math.round(plan.target * attainment * elapsed))
    else if (unit === 'DAYS') value = Math.max(5, Math.round(plan.target * (direction === 'DECREASE' ? 2 - attainment : attainment)))
    else value = Math.min(100, Math.round(plan.target * (0.85 + attainment * 0.15) * 100) / 100)
    const createdMs = Math.min(ctx.nowMs - 60_000, kstInstant(periodDate, '09:30') + random.int(1, 5) * DAY_MS + random.int(0, 8 * 60) * 60_000)
    rows.push({
      ...commonColumns({ id: newId(createdMs), createdMs, createdBy: plan.owner }),
      kpi_target_id: plan.id,
      period_date: periodDate,
      actual_value: value,
      notes: finished ? null : '기간 중 누계',
    })
  }
  return rows
}

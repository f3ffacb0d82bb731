/** KPI definitions, targets, recorded actuals and achievement: `createKpi(ctx)`, the same shape as every core/<domain>/index.ts. */
import { type DomainContext } from '../common/context'
import { createKpiRepo, type KpiRepo } from './kpi'

export type { KpiRepo }

export function createKpi(ctx: DomainContext): KpiRepo {
  return createKpiRepo(ctx)
}

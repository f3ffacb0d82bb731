/**
 * KPIs on the device: definitions (definitions.ts), targets per owner and period, recorded actuals and achievement
 * (targets.ts), actuals computed from the replica (measures.ts), the owners a target can have (owners.ts) and the
 * refusals (rules.ts). Every write goes through the writer, so targets and actuals sync like any other row.
 */
import { createAudienceReader } from '../common/audience'
import { type RepoContext } from '../common/context'
import { createKpiDefinitions, type KpiDefinitions } from './definitions'
import { createKpiMeasures } from './measures'
import { createKpiOwners } from './owners'
import { createKpiTargets, type KpiTargets } from './targets'

export type KpiRepo = KpiDefinitions & KpiTargets

export function createKpiRepo(ctx: RepoContext): KpiRepo {
  const audiences = createAudienceReader(ctx.sqlite)
  const owners = createKpiOwners(ctx.sqlite)
  return {
    ...createKpiDefinitions(ctx, owners),
    ...createKpiTargets(ctx, { owners, measures: createKpiMeasures(ctx.sqlite, audiences), audiences }),
  }
}

/**
 * Refusals of the KPI repositories, and who may write what. The IPC layer turns each rule into a translated message
 * (handlers/kpi.ts); the core never sends text to the renderer.
 */
import { tierPermissions } from '../../../shared/model/permission-rules'
import { type Actor, type RepoContext } from '../common/context'
import { NotSignedInError } from '../outbox/writer'
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

export function requireKpiActor(ctx: Pick<RepoContext, 'actor'>): Actor {
  const actor = ctx.actor()
  if (!actor) throw new NotSignedInError()
  return actor
}

/** The server refuses definitions and targets from an OPERATOR; refuse here too, before anything is queued. */
export function requireKpiTier(ctx: Pick<RepoContext, 'actor'>, table: 'kpi_definitions' | 'kpi_targets'): void {
  const actor = requireKpiActor(ctx)
  if (!tierPermissions(actor.tier).allows(table, 'create')) throw new KpiRuleError('notPermitted')
}

/**
 * Refusals of the KPI repositories, and the signed-in user they need (whether that user may write a table is the
 * writer's check, outbox/write-permission.ts). The IPC layer turns each rule into a translated message
 * (handlers/kpi.ts); the core never sends text to the renderer.
 */
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

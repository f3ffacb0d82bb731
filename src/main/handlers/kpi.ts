/**
 * KPI definitions, targets, recorded actuals and achievement: each channel is one call into the device's KPI
 * repository. Its refusals become typed, translated errors; nothing from the core's messages reaches the renderer.
 */
import { type IpcChannel } from '../../shared/ipc/channels'
import { type HandlerTable } from '../../shared/ipc/contract'
import { type IpcErrorCode } from '../../shared/ipc/errors'
import { type KpiChannel } from '../../shared/ipc/kpi-channels'
import { KpiRuleError, type KpiRule } from '../core/kpi/rules'
import { type HandlerContext } from './context'
import { refusalsOf } from './refusals'

const RULE_ERRORS: Record<KpiRule, IpcErrorCode> = {
  notFound: 'record.notFound',
  audienceNotAllowed: 'kpi.audienceNotAllowed',
  computedActual: 'kpi.computedActual',
  dateOutsidePeriod: 'kpi.dateOutsidePeriod',
  bandsOutOfOrder: 'kpi.bandsOutOfOrder',
  duplicateCode: 'kpi.duplicateCode',
  ownerNotFound: 'kpi.ownerNotFound',
  notPermitted: 'kpi.notPermitted',
}

export const kpiCall = refusalsOf(KpiRuleError, RULE_ERRORS)

type KpiHandlers = Pick<HandlerTable, Extract<IpcChannel, KpiChannel>>

export function kpiHandlers(ctx: HandlerContext): KpiHandlers {
  const repo = () => ctx.device.kpi
  return {
    'kpi.definitions': () => kpiCall(() => repo().definitions()),
    'kpi.saveDefinition': (input) => kpiCall(() => repo().saveDefinition(input)),
    'kpi.saveTarget': (input) => kpiCall(() => repo().saveTarget(input)),
    'kpi.recordActual': (input) => kpiCall(() => repo().recordActual(input)),
    'kpi.achievements': (input) => kpiCall(() => repo().achievements(input)),
  }
}

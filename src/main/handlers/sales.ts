/**
 * Leads and opportunities: each channel is one call into the device's sales repositories. The repositories' refusals
 * become typed, translated errors; nothing from the core's messages reaches the renderer.
 */
import { type IpcChannel } from '../../shared/ipc/channels'
import { type HandlerTable } from '../../shared/ipc/contract'
import { type IpcErrorCode } from '../../shared/ipc/errors'
import { type SalesChannel } from '../../shared/ipc/sales-channels'
import { SalesRuleError, type SalesRule } from '../core/sales/rules'
import { type HandlerContext } from './context'
import { refusalsOf } from './refusals'

const RULE_ERRORS: Record<SalesRule, IpcErrorCode> = {
  notFound: 'record.notFound',
  signInToEdit: 'record.signInRequired',
  managerOnly: 'sales.managerOnly',
  alreadyConverted: 'sales.alreadyConverted',
  alreadyDecided: 'sales.alreadyDecided',
  closed: 'sales.closed',
}

/** Runs a repository call, turning the core's expected refusals into IpcFailures (anything else stays `internal`). */
export const salesCall = refusalsOf(SalesRuleError, RULE_ERRORS)

type SalesHandlers = Pick<HandlerTable, Extract<IpcChannel, SalesChannel>>

export function salesHandlers(ctx: HandlerContext): SalesHandlers {
  const leads = () => ctx.device.sales.leads
  const opportunities = () => ctx.device.sales.opportunities
  return {
    'leads.list': (input) => salesCall(() => leads().list(input?.status ? { status: input.status } : {})),
    'leads.get': ({ id }) => salesCall(() => leads().get(id)),
    'leads.create': (input) => salesCall(() => leads().create(input)),
    'leads.update': (input) => salesCall(() => leads().update(input)),
    'leads.requestAssignment': (input) => salesCall(() => leads().requestAssignment(input)),
    'leads.decideAssignment': (input) => salesCall(() => leads().decideAssignment(input)),
    'leads.convert': (input) => salesCall(() => leads().convert(input)),
    'leads.assignableUsers': () => salesCall(() => leads().assignableUsers()),
    'leads.companyMatches': ({ id }) => salesCall(() => leads().companyMatches(id)),
    'opportunities.board': () => salesCall(() => opportunities().board()),
    'opportunities.get': ({ id }) => salesCall(() => opportunities().get(id)),
    'opportunities.create': (input) => salesCall(() => opportunities().create(input)),
    'opportunities.update': (input) => salesCall(() => opportunities().update(input)),
    'opportunities.move': (input) => salesCall(() => opportunities().move(input)),
    'opportunities.close': (input) => salesCall(() => opportunities().close(input)),
    'opportunities.companies': () => salesCall(() => opportunities().companyOptions()),
  }
}

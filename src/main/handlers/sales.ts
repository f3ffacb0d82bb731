/**
 * Leads and opportunities: each channel is one call into the device's sales repositories. The repositories' refusals
 * become typed, translated errors; nothing from the core's messages reaches the renderer.
 */
import { type IpcChannel } from '../../shared/ipc/channels'
import { type HandlerTable } from '../../shared/ipc/contract'
import { IpcFailure, type IpcErrorCode } from '../../shared/ipc/errors'
import { type SalesChannel } from '../../shared/ipc/sales-channels'
import { NotSignedInError, RowNotFoundError } from '../core/outbox/writer'
import { SalesRuleError, type SalesRule } from '../core/repos/errors'
import { type HandlerContext } from './context'

const RULE_ERRORS: Record<SalesRule, IpcErrorCode> = {
  notFound: 'record.notFound',
  signInToEdit: 'record.signInRequired',
  managerOnly: 'sales.managerOnly',
  alreadyConverted: 'sales.alreadyConverted',
  alreadyDecided: 'sales.alreadyDecided',
  closed: 'sales.closed',
}

/** Runs a repository call, turning the core's expected refusals into IpcFailures (anything else stays `internal`). */
export function salesCall<T>(fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof SalesRuleError) throw new IpcFailure(RULE_ERRORS[error.rule])
    if (error instanceof NotSignedInError) throw new IpcFailure('record.signInRequired')
    if (error instanceof RowNotFoundError) throw new IpcFailure('record.notFound')
    throw error
  }
}

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
    'opportunities.board': () => salesCall(() => opportunities().board()),
    'opportunities.get': ({ id }) => salesCall(() => opportunities().get(id)),
    'opportunities.create': (input) => salesCall(() => opportunities().create(input)),
    'opportunities.update': (input) => salesCall(() => opportunities().update(input)),
    'opportunities.move': (input) => salesCall(() => opportunities().move(input)),
    'opportunities.close': (input) => salesCall(() => opportunities().close(input)),
    'opportunities.companies': () => salesCall(() => opportunities().companyOptions()),
  }
}

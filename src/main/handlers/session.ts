import { type HandlerContext } from './context'
import { type DomainHandlers } from './domain-handlers'

export function sessionHandlers(ctx: HandlerContext): DomainHandlers<'session'> {
  return {
    'session.state': () => ctx.device.sessionState(),
    'session.startDemo': () => ctx.device.startDemo(),
    'session.login': (input) => ctx.device.login(input),
    'session.permissions': () => ctx.device.permissions(),
    'session.logout': (input) =>
      ctx.device.logout({
        force: input?.force ?? false,
        removeCopy: input?.removeCopy ?? false,
        ...(input?.confirmDiscard === undefined ? {} : { confirmDiscard: input.confirmDiscard }),
      }),
    'session.changePassword': (input) => ctx.device.changePassword(input),
  }
}

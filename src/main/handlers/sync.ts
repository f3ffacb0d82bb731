import { type HandlerContext } from './context'
import { type DomainHandlers } from './domain-handlers'

export function syncHandlers(ctx: HandlerContext): DomainHandlers<'sync'> {
  return {
    'sync.status': () => ctx.device.syncStatus(),
    'sync.now': () => ctx.device.syncNow(),
  }
}

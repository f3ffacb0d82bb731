import { type HandlerContext } from './context'
import { type DomainHandlers } from './domain-handlers'

export function lockHandlers(ctx: HandlerContext): DomainHandlers<'lock'> {
  return {
    'lock.state': () => ctx.device.lock.state(),
    'lock.saveSettings': ({ minutes }) => ctx.device.lock.saveSettings(minutes),
    'lock.lock': () => ctx.device.lock.lock(),
    'lock.unlock': ({ password }) => ctx.device.lock.unlock(password),
  }
}

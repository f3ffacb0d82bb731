import { type HandlerTable } from '../../shared/ipc/contract'
import { type HandlerContext } from './context'

/** Status and "sync now"; the sync panel's review channels are in sync-review.ts. */
export function syncHandlers(ctx: HandlerContext): Pick<HandlerTable, 'sync.status' | 'sync.now'> {
  return {
    'sync.status': () => ctx.device.syncStatus(),
    'sync.now': () => ctx.device.syncNow(),
  }
}

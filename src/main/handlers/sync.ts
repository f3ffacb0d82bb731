import { type HandlerTable } from '../../shared/ipc/contract'
import { type HandlerContext } from './context'

/** Status, "sync now" and who last changed a record; the sync panel's review channels are in sync-review.ts. */
export function syncHandlers(ctx: HandlerContext): Pick<HandlerTable, 'sync.status' | 'sync.now' | 'sync.lastEdit'> {
  return {
    'sync.status': () => ctx.device.syncStatus(),
    'sync.now': () => ctx.device.syncNow(),
    'sync.lastEdit': ({ table, id }) => ctx.device.lastEdit(table, id),
  }
}

/**
 * The sync panel: rejected changes and open conflicts, and what the user does about them. Separate from
 * handlers/sync.ts (status and "sync now") because these read and write the replica (core/sync/review.ts).
 */
import { type IpcChannel } from '../../shared/ipc/channels'
import { type HandlerTable } from '../../shared/ipc/contract'
import { type SyncReviewChannel } from '../../shared/ipc/sales-channels'
import { type HandlerContext } from './context'
import { salesCall } from './sales'

type SyncReviewHandlers = Pick<HandlerTable, Extract<IpcChannel, SyncReviewChannel>>

export function syncReviewHandlers(ctx: HandlerContext): SyncReviewHandlers {
  const review = () => ctx.device.syncReview
  return {
    'sync.conflicts': () => salesCall(() => review().list().conflicts),
    'sync.rejected': () => salesCall(() => review().list().rejected),
    'sync.applyMine': ({ conflictId }) => salesCall(() => review().applyMine(conflictId)),
    'sync.keepTheirs': ({ conflictId }) => salesCall(() => review().keepTheirs(conflictId)),
    'sync.applyMineAgain': ({ seq }) => salesCall(() => review().applyMineAgain(seq)),
    'sync.dismissRejected': ({ seq }) => salesCall(() => review().dismissRejected(seq)),
    'sync.renamed': () => salesCall(() => review().list().renamed),
    'sync.dismissRenamed': ({ rowId }) => salesCall(() => review().dismissRenamed(rowId)),
  }
}

/**
 * The trash: delete with what goes with it, list, restore. Nobody signed in, no permission to delete (or restore)
 * the rows, and a record or entry that is gone are the expected refusals.
 */
import { type IpcChannel } from '../../shared/ipc/channels'
import { type HandlerTable } from '../../shared/ipc/contract'
import { IpcFailure } from '../../shared/ipc/errors'
import { type TrashChannel } from '../../shared/ipc/trash-channels'
import { NotSignedInError, RowNotFoundError } from '../core/outbox/writer'
import { WriteForbiddenError } from '../core/outbox/write-permission'
import { RecordNotFoundError } from '../core/repos/companies'
import { type HandlerContext } from './context'

function trashCall<T>(fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof NotSignedInError) throw new IpcFailure('record.signInRequired')
    if (error instanceof WriteForbiddenError) throw new IpcFailure('record.notPermitted')
    if (error instanceof RecordNotFoundError || error instanceof RowNotFoundError) throw new IpcFailure('record.notFound')
    throw error
  }
}

type TrashHandlers = Pick<HandlerTable, Extract<IpcChannel, TrashChannel>>

export function trashHandlers(ctx: HandlerContext): TrashHandlers {
  const trash = () => ctx.device.customers.trash
  return {
    'trash.preview': ({ kind, id }) => trashCall(() => trash().preview(kind, id)),
    'trash.remove': ({ kind, id }) => trashCall(() => trash().remove(kind, id)),
    'trash.list': () => trashCall(() => trash().list()),
    'trash.restore': ({ entryId }) => trashCall(() => trash().restore(entryId)),
  }
}

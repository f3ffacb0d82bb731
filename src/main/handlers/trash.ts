/**
 * The trash: delete with what goes with it, list, restore. Nobody signed in, no permission to delete (or restore)
 * the rows, and a record or entry that is gone are the expected refusals.
 */
import { type IpcChannel } from '../../shared/ipc/channels'
import { type HandlerTable } from '../../shared/ipc/contract'
import { type TrashChannel } from '../../shared/ipc/trash-channels'
import { type HandlerContext } from './context'
import { commonRefusals } from './refusals'

type TrashHandlers = Pick<HandlerTable, Extract<IpcChannel, TrashChannel>>

export function trashHandlers(ctx: HandlerContext): TrashHandlers {
  const trash = () => ctx.device.records.trash
  return {
    'trash.preview': ({ kind, id }) => commonRefusals(() => trash().preview(kind, id)),
    'trash.remove': ({ kind, id }) => commonRefusals(() => trash().remove(kind, id)),
    'trash.list': () => commonRefusals(() => trash().list()),
    'trash.restore': ({ entryId }) => commonRefusals(() => trash().restore(entryId)),
  }
}

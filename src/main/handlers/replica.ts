/** "This PC's copy": health, full check, rebuild (src/main/replica-port.ts). */
import { type IpcChannel } from '../../shared/ipc/channels'
import { type HandlerTable } from '../../shared/ipc/contract'
import { type ReplicaChannel } from '../../shared/ipc/replica-channels'
import { type HandlerContext } from './context'

type ReplicaHandlers = Pick<HandlerTable, Extract<IpcChannel, ReplicaChannel>>

export function replicaHandlers(ctx: HandlerContext): ReplicaHandlers {
  return {
    'replica.health': () => ctx.device.replica.health(),
    'replica.check': () => ctx.device.replica.check(),
    'replica.rebuild': () => ctx.device.replica.rebuild(),
    'replica.dismissNotice': () => ctx.device.replica.dismissNotice(),
  }
}

import { type IpcChannel } from '../../shared/ipc/channels'
import { type HandlerTable } from '../../shared/ipc/contract'

/** The slice of the handler table for one domain (`app`, `session`, …): one small module per domain. */
export type DomainHandlers<D extends string> = Pick<HandlerTable, Extract<IpcChannel, `${D}.${string}`>>

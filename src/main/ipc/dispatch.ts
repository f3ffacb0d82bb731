/**
 * The single validating wrapper every call goes through, whatever the transport: known channel → input parsed with the
 * channel's zod schema → handler → typed result. Expected failures (IpcFailure) become typed errors; anything else is
 * logged here and answered `internal`, so no message or stack ever reaches the renderer.
 */
import { isIpcChannel, type IpcChannel } from '../../shared/ipc/channels'
import { ipcContract, type CallMeta, type HandlerTable, type OutputOf, type ParsedInputOf } from '../../shared/ipc/contract'
import { ipcError, IpcFailure, type IpcResult } from '../../shared/ipc/errors'
import { type Logger } from '../handlers/context'

function callHandler<K extends IpcChannel>(table: HandlerTable, channel: K, input: ParsedInputOf<K>, meta: CallMeta): Promise<OutputOf<K>> | OutputOf<K> {
  const handler = table[channel] as (input: ParsedInputOf<K>, meta: CallMeta) => Promise<OutputOf<K>> | OutputOf<K>
  return handler(input, meta)
}

export async function dispatch(table: HandlerTable, channel: unknown, rawInput: unknown, origin: string, log: Logger): Promise<IpcResult<unknown>> {
  if (!isIpcChannel(channel)) return { ok: false, error: ipcError('ipc.unknownChannel') }
  const parsed = ipcContract[channel].input.safeParse(rawInput)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const field = first && first.path.length > 0 ? first.path.join('.') : ''
    return { ok: false, error: ipcError('ipc.invalidInput', { field }) }
  }
  try {
    const value = await callHandler(table, channel, parsed.data as ParsedInputOf<typeof channel>, { channel, origin })
    return { ok: true, value }
  } catch (error) {
    if (error instanceof IpcFailure) return { ok: false, error: error.toIpcError() }
    log.error('IPC handler failed', {
      channel,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    })
    return { ok: false, error: ipcError('internal') }
  }
}

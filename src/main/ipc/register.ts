/**
 * Registers every channel of the handler table on Electron's ipcMain through one wrapper: sender check (own page, main
 * frame), then dispatch (channel's zod schema, typed errors). Takes ipcMain as a parameter so it is tested without
 * Electron.
 */
import { ipcChannels } from '../../shared/ipc/channels'
import { type HandlerTable } from '../../shared/ipc/contract'
import { ipcError, type IpcResult } from '../../shared/ipc/errors'
import { type Logger } from '../handlers/context'
import { dispatch } from './dispatch'
import { isAllowedSenderFrame, type SenderFrame, type UrlPolicy } from './sender-policy'

export interface InvokeEventLike {
  readonly senderFrame: SenderFrame | null
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void
}

const registered = new WeakMap<IpcMainLike, Set<string>>()

export interface RegisterIpcOptions {
  readonly ipcMain: IpcMainLike
  readonly isAllowedUrl: UrlPolicy
  readonly log: Logger
}

export function registerIpc(table: HandlerTable, options: RegisterIpcOptions): void {
  const { ipcMain, isAllowedUrl, log } = options
  const done = registered.get(ipcMain) ?? new Set<string>()
  const duplicate = ipcChannels.find((channel) => done.has(channel))
  if (duplicate) throw new Error(`IPC channel "${duplicate}" is already registered`)

  for (const channel of ipcChannels) {
    ipcMain.handle(channel, async (event, ...args): Promise<IpcResult<unknown>> => {
      const frame = event.senderFrame
      if (!isAllowedSenderFrame(frame, isAllowedUrl)) {
        log.warn('IPC call from a foreign sender refused', { channel, url: frame?.url ?? null })
        return { ok: false, error: ipcError('ipc.forbiddenSender') }
      }
      // One argument per call: anything beyond it is a malformed call, not extra data to ignore.
      if (args.length > 1) return { ok: false, error: ipcError('ipc.invalidInput', { field: '' }) }
      const url = new URL(frame!.url)
      return dispatch(table, channel, args[0], url.protocol === 'file:' ? 'file://' : url.origin, log)
    })
    done.add(channel)
  }
  registered.set(ipcMain, done)
}

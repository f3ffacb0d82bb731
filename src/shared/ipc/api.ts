/**
 * Builds the `window.crm` object from the channel list: exactly one function per channel, nothing else.
 * Shared by the Electron preload (invoke = ipcRenderer.invoke) and the web harness bridge (invoke = HTTP POST), so both
 * transports expose the same shape. Zod-free on purpose: the sandboxed preload bundles everything it imports.
 */
import { ipcChannels, splitChannel, type IpcChannel } from './channels'
import { type CrmApi } from './contract'
import { ipcError, type IpcResult } from './errors'
import { createLiveApi, type LiveApi, type RawSubscribe } from './live'

export type RawInvoke = (channel: IpcChannel, input: unknown) => Promise<unknown>

function isIpcResult(value: unknown): value is IpcResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  return value.ok === true ? 'value' in value : value.ok === false && 'error' in value
}

/** `window.crm`: one function per channel, plus the validated push subscriptions (`onChanges`, `onSyncStatus`). */
export type CrmBridge = CrmApi & LiveApi

/** `subscribe` is the transport's push stream; without one (unit tests) the subscriptions never fire. */
export function createCrmApi(invoke: RawInvoke, subscribe?: RawSubscribe): CrmBridge {
  const api: Record<string, Record<string, (input?: unknown) => Promise<IpcResult<unknown>>>> = {}
  for (const channel of ipcChannels) {
    const { domain, action } = splitChannel(channel)
    const group = (api[domain] ??= {})
    group[action] = async (input?: unknown) => {
      try {
        const result = await invoke(channel, input)
        return isIpcResult(result) ? result : { ok: false, error: ipcError('ipc.unavailable') }
      } catch {
        // The transport itself failed (no handler registered, harness stopped): still a typed error.
        return { ok: false, error: ipcError('ipc.unavailable') }
      }
    }
  }
  for (const group of Object.values(api)) Object.freeze(group)
  const live = createLiveApi(subscribe)
  return Object.freeze(Object.assign(api, live)) as unknown as CrmBridge
}

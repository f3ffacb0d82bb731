/**
 * The sandboxed preload: exposes `window.crm`, one function per contract channel (built from the channel list) plus
 * the push subscriptions `onChanges` / `onSyncStatus` (payloads validated in createCrmApi before any callback), and
 * nothing else — never ipcRenderer itself (Electron docs: context-isolation, "one method per IPC message").
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { createCrmApi } from '../shared/ipc/api'
import { LIVE_IPC_CHANNEL } from '../shared/ipc/live'

contextBridge.exposeInMainWorld(
  'crm',
  createCrmApi(
    (channel, input) => ipcRenderer.invoke(channel, input),
    (topic, listener) => {
      // Only main sends on these channels; the page gets the payload, never the event (it holds the sender).
      const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
      ipcRenderer.on(LIVE_IPC_CHANNEL[topic], handler)
      return () => {
        ipcRenderer.removeListener(LIVE_IPC_CHANNEL[topic], handler)
      }
    },
  ),
)

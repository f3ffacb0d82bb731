/**
 * The sandboxed preload: exposes `window.crm`, one function per contract channel (built from the channel list),
 * and nothing else — never ipcRenderer itself (Electron docs: context-isolation, "one method per IPC message").
 */
import { contextBridge, ipcRenderer } from 'electron'
import { createCrmApi } from '../shared/ipc/api'

contextBridge.exposeInMainWorld(
  'crm',
  createCrmApi((channel, input) => ipcRenderer.invoke(channel, input)),
)

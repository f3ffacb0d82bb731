/**
 * Forwards the device's push stream (changes, sync status) to the app's windows. Electron-free: index.ts passes a
 * function listing the web contents, so this is tested under Node. Only pages that pass the same URL policy as an
 * invoke call (own renderer files, or the dev server in development) receive anything.
 */
import { type DevicePort } from '../handlers/context'
import { LIVE_IPC_CHANNEL, type LiveTopic } from '../../shared/ipc/live'
import { type UrlPolicy } from './sender-policy'

export interface WebContentsLike {
  isDestroyed(): boolean
  getURL(): string
  send(channel: string, payload: unknown): void
}

export function forwardLiveEvents(
  device: Pick<DevicePort, 'onChanges' | 'onSyncStatus'>,
  targets: () => readonly WebContentsLike[],
  isAllowedUrl: UrlPolicy,
): () => void {
  const send = (topic: LiveTopic, payload: unknown): void => {
    for (const contents of targets()) {
      if (contents.isDestroyed() || !isAllowedUrl(contents.getURL())) continue
      contents.send(LIVE_IPC_CHANNEL[topic], payload)
    }
  }
  const stopChanges = device.onChanges((notice) => send('changes', notice))
  const stopStatus = device.onSyncStatus((status) => send('syncStatus', status))
  return () => {
    stopChanges()
    stopStatus()
  }
}

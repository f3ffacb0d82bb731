/**
 * Who may call IPC: only the app's own page, in its main frame. Electron-free (pure URL checks) so it is unit-tested
 * under Node; register.ts applies it to `event.senderFrame`.
 */
import { fileURLToPath } from 'node:url'
import path from 'node:path'

export interface SenderPolicyOptions {
  /** Absolute path of the packaged renderer's index.html (loaded over file://). */
  readonly rendererIndexFile: string
  /** electron-vite's dev server URL (ELECTRON_RENDERER_URL) in development; undefined in a packaged app. */
  readonly devServerUrl?: string | undefined
}

export type UrlPolicy = (url: string) => boolean

export function createSenderUrlPolicy(options: SenderPolicyOptions): UrlPolicy {
  const rendererDir = path.dirname(path.resolve(options.rendererIndexFile))
  const devOrigin = options.devServerUrl ? new URL(options.devServerUrl).origin : null
  return (value) => {
    let url: URL
    try {
      url = new URL(value)
    } catch {
      return false
    }
    if (url.protocol === 'file:') {
      if (url.host !== '') return false
      const file = path.resolve(fileURLToPath(url))
      return file.startsWith(rendererDir + path.sep)
    }
    return devOrigin !== null && (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === devOrigin
  }
}

/** The minimum of Electron's WebFrameMain that the check needs. */
export interface SenderFrame {
  readonly url: string
  readonly parent: unknown
}

export function isAllowedSenderFrame(frame: SenderFrame | null | undefined, policy: UrlPolicy): boolean {
  if (!frame) return false
  if (frame.parent !== null) return false
  return policy(frame.url)
}

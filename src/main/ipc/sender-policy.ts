/**
 * Who may call IPC: only the app's own page, in its main frame. Electron-free (pure URL checks) so it is unit-tested
 * under Node; register.ts applies it to `event.senderFrame`.
 */
import { isAppSchemeUrl } from '../electron/app-protocol'

export interface SenderPolicyOptions {
  /** electron-vite's dev server URL (ELECTRON_RENDERER_URL) in development; undefined in a packaged app. */
  readonly devServerUrl?: string | undefined
}

export type UrlPolicy = (url: string) => boolean

/**
 * The packaged renderer is served from app://crm (electron/app-protocol.ts); file:// is never the app any more, so a
 * page that got itself loaded from disk cannot call IPC.
 */
export function createSenderUrlPolicy(options: SenderPolicyOptions): UrlPolicy {
  const devOrigin = options.devServerUrl ? new URL(options.devServerUrl).origin : null
  return (value) => {
    if (isAppSchemeUrl(value)) return true
    let url: URL
    try {
      url = new URL(value)
    } catch {
      return false
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

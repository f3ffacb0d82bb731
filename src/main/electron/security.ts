/**
 * Electron security checklist (docs/tutorial/security.md), applied to every webContents the app ever creates:
 * no navigation away from the app, no new windows (http(s) links go to the user's browser after checking), no
 * <webview>, every permission request denied.
 */
import { type Event, type HandlerDetails, type Session, type WebContents, type WindowOpenHandlerResponse } from 'electron'
import { parseSafeExternalUrl } from '../handlers/external-url'
import { type UrlPolicy } from '../ipc/sender-policy'

export interface SecurityDeps {
  /** Is this URL the app's own page? (file:// renderer or the dev server.) */
  readonly isAppUrl: UrlPolicy
  readonly openExternal: (url: string) => Promise<void>
}

export function windowOpenHandler(deps: SecurityDeps): (details: HandlerDetails) => WindowOpenHandlerResponse {
  return ({ url }) => {
    const safe = parseSafeExternalUrl(url)
    if (safe) void deps.openExternal(safe.toString()).catch(() => undefined)
    return { action: 'deny' }
  }
}

export function navigationGuard(deps: SecurityDeps): (event: Event, url: string) => void {
  return (event, url) => {
    // Reloading the app's own page is fine; anything else would leave the app (and its preload) behind.
    if (deps.isAppUrl(url)) return
    event.preventDefault()
    const safe = parseSafeExternalUrl(url)
    if (safe) void deps.openExternal(safe.toString()).catch(() => undefined)
  }
}

export function hardenWebContents(contents: WebContents, deps: SecurityDeps): void {
  contents.setWindowOpenHandler(windowOpenHandler(deps))
  const guard = navigationGuard(deps)
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !deps.isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** The CRM needs no camera, microphone, notifications, geolocation, clipboard-read, … : deny them all. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/**
 * Electron security checklist (docs/tutorial/security.md), applied to every webContents the app ever creates:
 * no navigation away from the app, no new windows, no <webview>, every permission request denied.
 *
 * Nothing leaves the app silently: window.open and navigation are simply refused. A link opens outside only through
 * the renderer's confirmation dialog, which shows the address (features/links/ExternalLink.tsx), and then the checked
 * `app.openExternal` channel.
 */
import { type Event, type HandlerDetails, type Session, type WebContents, type WindowOpenHandlerResponse } from 'electron'
import { type UrlPolicy } from '../ipc/sender-policy'

export interface SecurityDeps {
  /** Is this URL the app's own page? (app://crm renderer or the dev server.) */
  readonly isAppUrl: UrlPolicy
}

export function windowOpenHandler(): (details: HandlerDetails) => WindowOpenHandlerResponse {
  return () => ({ action: 'deny' })
}

export function navigationGuard(deps: SecurityDeps): (event: Event, url: string) => void {
  return (event, url) => {
    // Reloading the app's own page is fine; anything else would leave the app (and its preload) behind.
    if (deps.isAppUrl(url)) return
    event.preventDefault()
  }
}

export function hardenWebContents(contents: WebContents, deps: SecurityDeps): void {
  contents.setWindowOpenHandler(windowOpenHandler())
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

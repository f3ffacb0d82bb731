/**
 * The ONLY place a BrowserWindow is created (test/unit/window-security.test.ts scans src/main for others).
 */
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron'
import { actionFromUrl, type RecoveryAction } from '../recovery/recovery-page'
import { hardenWebContents, type SecurityDeps } from './security'
import { APP_INDEX_URL } from './app-protocol'

export const HARDENED_WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
} satisfies WebPreferences)

export interface MainWindowOptions extends SecurityDeps {
  readonly preloadFile: string
  /** Dev server URL in development; otherwise the packaged renderer, served on app://crm (app-protocol.ts). */
  readonly devServerUrl?: string | undefined
  readonly iconFile?: string | undefined
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const windowOptions: BrowserWindowConstructorOptions = {
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'CRM AUGU',
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: true,
    ...(options.iconFile ? { icon: options.iconFile } : {}),
    webPreferences: { ...HARDENED_WEB_PREFERENCES, preload: options.preloadFile },
  }
  const window = new BrowserWindow(windowOptions)
  hardenWebContents(window.webContents, options)
  window.once('ready-to-show', () => window.show())
  if (options.devServerUrl) void window.loadURL(options.devServerUrl)
  else void window.loadURL(APP_INDEX_URL)
  return window
}

export interface RecoveryWindowOptions extends SecurityDeps {
  /** The static page (src/main/recovery/recovery-page.ts): no script, no preload, no IPC. */
  readonly html: string
  /** A choice on the page: an in-page link (#retry, #rebuild, #export). */
  readonly onAction: (action: RecoveryAction) => void
  readonly iconFile?: string | undefined
}

/** Loads a static page as a data: URL (nothing on disk or the network is involved while the replica is broken). */
export function showRecoveryPage(window: BrowserWindow, html: string): void {
  void window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
}

/**
 * The window shown when the replica cannot be opened. Same hardened preferences as the main window but no preload:
 * the page cannot call anything; its links only change the URL's #fragment, which main hears here.
 */
export function createRecoveryWindow(options: RecoveryWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 760,
    height: 560,
    show: false,
    title: 'CRM AUGU',
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: true,
    ...(options.iconFile ? { icon: options.iconFile } : {}),
    webPreferences: { ...HARDENED_WEB_PREFERENCES },
  })
  hardenWebContents(window.webContents, options)
  window.webContents.on('did-navigate-in-page', (_event, url) => {
    const action = actionFromUrl(url)
    if (action) options.onAction(action)
  })
  window.once('ready-to-show', () => window.show())
  showRecoveryPage(window, options.html)
  return window
}

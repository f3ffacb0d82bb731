/**
 * Electron main entry: a thin layer that hardens Electron, opens the local device and serves the IPC handler table.
 * Everything with logic lives in Electron-free modules (handlers, ipc, the core) that are tested under Node.
 */
import { app, BrowserWindow, ipcMain, safeStorage, session, shell } from 'electron'
import path from 'node:path'
import { openDevice } from './device'
import { createSafeStorageTokenStore } from './electron/secrets'
import { denyAllPermissions, hardenWebContents, type SecurityDeps } from './electron/security'
import { createMainWindow } from './electron/window'
import { createHandlerTable } from './ipc/handler-table'
import { registerIpc } from './ipc/register'
import { forwardLiveEvents } from './ipc/live-forward'
import { createSenderUrlPolicy } from './ipc/sender-policy'
import { consoleLogger } from './logger'

const here = import.meta.dirname
const rendererIndexFile = path.join(here, '../renderer/index.html')
const preloadFile = path.join(here, '../preload/index.cjs')
// resources/ is unpacked from the asar (build/electron-builder.yml) so the OS can read the window icon.
const iconFile = path.join(here, '../../resources/icon.png').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1')
// Set by electron-vite in development only; a packaged app always loads its own files.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL

// Every renderer sandboxed, whatever a future window forgets to ask for.
app.enableSandbox()

if (!app.requestSingleInstanceLock()) {
  // A second instance would open the same SQLite replica; hand over to the first one instead.
  app.quit()
} else {
  const log = consoleLogger('main')
  const security: SecurityDeps = {
    isAppUrl: createSenderUrlPolicy({ rendererIndexFile, devServerUrl }),
    openExternal: (url) => shell.openExternal(url),
  }

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, security))

  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession)

    const userData = app.getPath('userData')
    const tokenStore = createSafeStorageTokenStore({ file: path.join(userData, 'session.bin'), safeStorage })
    const device = openDevice({
      dbFile: path.join(userData, 'crm.sqlite'),
      tokenStore,
      // electron-builder ships drizzle/sqlite as extraResources (build/electron-builder.yml).
      migrationsFolder: app.isPackaged
        ? path.join(process.resourcesPath, 'migrations/sqlite')
        : path.join(app.getAppPath(), 'drizzle/sqlite'),
    })

    // Quit waits for a running sync to finish and the database to close (a WAL checkpoint, not a torn write).
    let closed = false
    app.on('before-quit', (event) => {
      if (closed) return
      event.preventDefault()
      void device
        .close()
        .catch((error: unknown) => log.error('closing the device failed', { error: String(error) }))
        .finally(() => {
          closed = true
          app.quit()
        })
    })

    const table = createHandlerTable({
      app: { name: 'CRM AUGU', version: app.getVersion(), runtime: 'electron', platform: process.platform },
      device,
      openExternal: (url) => shell.openExternal(url.toString()),
      log,
    })
    registerIpc(table, { ipcMain, isAllowedUrl: security.isAppUrl, log })
    // Main → renderer: what changed and the sync status, to every window showing the app.
    forwardLiveEvents(device, () => BrowserWindow.getAllWindows().map((window) => window.webContents), security.isAppUrl)

    const openWindow = (): void => {
      createMainWindow({ ...security, preloadFile, rendererIndexFile, devServerUrl, iconFile })
    }
    openWindow()

    app.on('second-instance', () => {
      const [existing] = BrowserWindow.getAllWindows()
      if (existing) {
        if (existing.isMinimized()) existing.restore()
        existing.focus()
      }
    })
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

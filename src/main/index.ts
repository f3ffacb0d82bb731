/**
 * Electron main entry: a thin layer that hardens Electron, opens the local device and serves the IPC handler table.
 * Everything with logic lives in Electron-free modules (handlers, ipc, the core) that are tested under Node.
 */
import { app, BrowserWindow, ipcMain, safeStorage, session, shell } from 'electron'
import path from 'node:path'
import { openDevice } from './device'
import { createSafeStorageTokenStore } from './electron/secrets'
import { denyAllPermissions, hardenWebContents, type SecurityDeps } from './electron/security'
import { createMainWindow, createRecoveryWindow, showRecoveryPage } from './electron/window'
import { type DevicePort } from './handlers/context'
import { createReplicaRecovery } from './recovery/replica-recovery'
import { renderRecoveryPage } from './recovery/recovery-page'
import { SYNCED_TABLES } from '../shared/model/tables'
import { createHandlerTable } from './ipc/handler-table'
import { registerIpc } from './ipc/register'
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
    const dbFile = path.join(userData, 'crm.sqlite')
    const open = (): DevicePort =>
      openDevice({
        dbFile,
        tokenStore,
        // electron-builder ships drizzle/sqlite as extraResources (build/electron-builder.yml).
        migrationsFolder: app.isPackaged
          ? path.join(process.resourcesPath, 'migrations/sqlite')
          : path.join(app.getAppPath(), 'drizzle/sqlite'),
        restartApp: () => {
          app.relaunch()
          app.quit()
        },
      })
    let device: DevicePort
    try {
      device = open()
    } catch (error) {
      // A damaged or foreign file, a full disk: say what is wrong and offer the way out instead of showing nothing.
      log.error('the replica cannot be opened', { error: String(error) })
      showRecovery(error, dbFile, open)
      return
    }
    startApp(device)
  })

  /** The recovery page until a choice opens the device; then the app starts as usual. */
  const showRecovery = (first: unknown, dbFile: string, open: () => DevicePort): void => {
    const recovery = createReplicaRecovery({ dbFile, open, tables: SYNCED_TABLES, exportDir: app.getPath('documents') }, first)
    let busy = false
    const window = createRecoveryWindow({
      ...security,
      iconFile,
      html: renderRecoveryPage(recovery.problem()),
      onAction: (action) => {
        if (busy) return
        busy = true
        void recovery
          .choose(action)
          .then((outcome) => {
            if ('opened' in outcome) {
              startApp(outcome.opened)
              window.close()
              return
            }
            showRecoveryPage(window, renderRecoveryPage(outcome.problem))
          })
          .catch((error: unknown) => log.error('recovery failed', { error: String(error) }))
          .finally(() => {
            busy = false
          })
      },
    })
  }

  /** Everything that needs an open device: quit handling, IPC, the main window. */
  const startApp = (device: DevicePort): void => {

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
  }

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

/**
 * Electron main entry: a thin layer that hardens Electron, opens the local device and serves the IPC handler table.
 * Everything with logic lives in Electron-free modules (handlers, ipc, the core) that are tested under Node.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron'
import { copyFile } from 'node:fs/promises'
import path from 'node:path'
import { openDevice } from './device'
import { createSafeStorageTokenStore } from './electron/secrets'
import { createSafeStorageKeyStore } from './electron/replica-key-store'
import { ReplicaKeyError } from './db/replica-key'
import { IpcFailure } from '../shared/ipc/errors'
import { denyAllPermissions, hardenWebContents, type SecurityDeps } from './electron/security'
import { createMainWindow, createRecoveryWindow, showRecoveryPage } from './electron/window'
import { registerAppScheme, serveAppScheme } from './electron/app-protocol'
import { type DevicePort } from './handlers/context'
import { createReplicaRecovery, isReplicaKeyUnavailable } from './recovery/replica-recovery'
import { renderRecoveryPage } from './recovery/recovery-page'
import { replicaKeyFor } from './db/encryption'
import { SYNCED_TABLES } from '../shared/model/tables'
import { createHandlerTable } from './ipc/handler-table'
import { registerIpc } from './ipc/register'
import { forwardLiveEvents } from './ipc/live-forward'
import { createSenderUrlPolicy } from './ipc/sender-policy'
import { consoleLogger } from './logger'

const here = import.meta.dirname

/** Why the app cannot start, in Korean and English, for the error box shown instead of a window. */
function openFailureMessage(error: unknown): string {
  if (error instanceof IpcFailure && error.code === 'secrets.encryptionUnavailable') {
    return (
      '이 PC에서 OS 키 저장소(Windows 자격 증명, macOS 키체인, Linux 키링)를 쓸 수 없어 고객 데이터를 암호화해 보관할 수 없습니다.\n' +
      "The OS keychain (Windows DPAPI, macOS Keychain, a Linux secret service) is not available, so this PC's customer data cannot be stored encrypted."
    )
  }
  if (error instanceof ReplicaKeyError) {
    return `이 PC의 데이터베이스를 열 수 없습니다: 암호화 키를 읽을 수 없습니다.\nThe database on this PC cannot be opened: its encryption key cannot be read.\n\n${error.message}`
  }
  return `데이터베이스를 열 수 없습니다.\nThe database cannot be opened.\n\n${String(error)}`
}
const rendererDir = path.join(here, '../renderer')
const preloadFile = path.join(here, '../preload/index.cjs')
// resources/ is unpacked from the asar (build/electron-builder.yml) so the OS can read the window icon.
const iconFile = path.join(here, '../../resources/icon.png').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1')
// Set by electron-vite in development only; a packaged app always loads its own files.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL

// Every renderer sandboxed, whatever a future window forgets to ask for.
app.enableSandbox()
// The renderer is served on app://crm, not file:// (electron/app-protocol.ts); schemes must be declared before ready.
registerAppScheme(protocol)

if (!app.requestSingleInstanceLock()) {
  // A second instance would open the same SQLite replica; hand over to the first one instead.
  app.quit()
} else {
  const log = consoleLogger('main')
  const security: SecurityDeps = {
    isAppUrl: createSenderUrlPolicy({ devServerUrl }),
  }

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, security))

  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession)
    serveAppScheme(protocol, rendererDir)

    const userData = app.getPath('userData')
    const tokenStore = createSafeStorageTokenStore({ file: path.join(userData, 'session.bin'), safeStorage })
    const keyStore = createSafeStorageKeyStore({ file: path.join(userData, 'replica.key'), safeStorage })
    const dbFile = path.join(userData, 'crm.sqlite')
    // electron-builder ships drizzle/sqlite as extraResources (build/electron-builder.yml).
    const migrationsFolder = app.isPackaged ? path.join(process.resourcesPath, 'migrations/sqlite') : path.join(app.getAppPath(), 'drizzle/sqlite')
    const open = (): DevicePort =>
      openDevice({
        dbFile,
        tokenStore,
        keyStore,
        migrationsFolder,
        onErased: (reason) => log.warn("this PC's copy was erased", { reason }),
        restartApp: () => {
          app.relaunch()
          app.quit()
        },
      })
    let device: DevicePort
    try {
      device = open()
    } catch (error) {
      if (isReplicaKeyUnavailable(error)) {
        // No key, no data: nothing in the recovery window could help (a rebuild would need the key too). Say why and
        // quit; the files stay as they are for support.
        log.error('the replica key is not available', { error: String(error) })
        dialog.showErrorBox('CRM AUGU', openFailureMessage(error))
        app.exit(1)
        return
      }
      // A damaged or foreign file (with encryption: one the key does not unlock), a full disk: say what is wrong and
      // offer the way out instead of showing nothing.
      log.error('the replica cannot be opened', { error: String(error) })
      showRecovery(error, dbFile, open, () => replicaKeyFor(dbFile, keyStore), migrationsFolder)
      return
    }
    startApp(device)
  })

  /** The recovery page until a choice opens the device; then the app starts as usual. */
  const showRecovery = (first: unknown, dbFile: string, open: () => DevicePort, key: () => Buffer, migrationsFolder: string): void => {
    const recovery = createReplicaRecovery({ dbFile, open, key, migrationsFolder, tables: SYNCED_TABLES, exportDir: app.getPath('documents') }, first)
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
      // Attachments open with the OS's default application only when the user asks; programs are only ever saved.
      localFiles: {
        open: async (file) => {
          const failure = await shell.openPath(file)
          if (failure) throw new Error(failure)
        },
        saveAs: async (file, fileName) => {
          const choice = await dialog.showSaveDialog({ defaultPath: path.join(app.getPath('downloads'), fileName) })
          if (choice.canceled || !choice.filePath) return null
          await copyFile(file, choice.filePath)
          return choice.filePath
        },
      },
      log,
    })
    registerIpc(table, { ipcMain, isAllowedUrl: security.isAppUrl, log })
    // Main → renderer: what changed and the sync status, to every window showing the app.
    forwardLiveEvents(device, () => BrowserWindow.getAllWindows().map((window) => window.webContents), security.isAppUrl)

    const openWindow = (): void => {
      createMainWindow({ ...security, preloadFile, devServerUrl, iconFile })
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

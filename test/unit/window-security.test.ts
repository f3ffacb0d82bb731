/**
 * Fails if any window could be created without the hardened options, or if the handlers that keep the app on its own
 * page (navigation, window.open, webviews, permissions) are missing. Electron itself cannot run here: `electron` is
 * mocked and the real main entry (src/main/index.ts) is imported against the mock.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/main/electron/csp'
import { ipcChannels } from '../../src/shared/ipc/channels'

type Listener = (...args: unknown[]) => unknown

const h = vi.hoisted(() => {
  class FakeWebContents {
    readonly listeners = new Map<string, Listener[]>()
    windowOpenHandler: Listener | undefined
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
      return this
    }
    setWindowOpenHandler(handler: Listener): void {
      this.windowOpenHandler = handler
    }
    emit(event: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(event) ?? []) listener(...args)
    }
  }
  const windows: Array<{ options: Record<string, unknown>; webContents: FakeWebContents; loaded: unknown[] }> = []
  const appListeners = new Map<string, Listener>()
  const permissionHandlers: Record<string, Listener> = {}
  const state = { userData: '', appPath: '' }
  const schemes: { privileged: unknown[]; handlers: Map<string, (request: { url: string }) => Promise<Response>> } = {
    privileged: [],
    handlers: new Map(),
  }
  return { FakeWebContents, windows, appListeners, permissionHandlers, state, schemes }
})

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = (): unknown[] => []
    readonly webContents = new h.FakeWebContents()
    private readonly record: { options: Record<string, unknown>; webContents: InstanceType<typeof h.FakeWebContents>; loaded: unknown[] }
    constructor(options: Record<string, unknown>) {
      this.record = { options, webContents: this.webContents, loaded: [] }
      h.windows.push(this.record)
    }
    once(): this {
      return this
    }
    loadURL(url: string): Promise<void> {
      this.record.loaded.push({ url })
      return Promise.resolve()
    }
    loadFile(file: string): Promise<void> {
      this.record.loaded.push({ file })
      return Promise.resolve()
    }
  }
  const app = {
    // Unpackaged without ELECTRON_RENDERER_URL: loads out/renderer from disk, migrations from the repo.
    isPackaged: false,
    getAppPath: vi.fn(() => h.state.appPath),
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    on: vi.fn((event: string, listener: Listener) => h.appListeners.set(event, listener)),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn(() => h.state.userData),
    getVersion: vi.fn(() => '0.1.0'),
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn((fn: Listener) => (h.permissionHandlers.request = fn)),
      setPermissionCheckHandler: vi.fn((fn: Listener) => (h.permissionHandlers.check = fn)),
      setDevicePermissionHandler: vi.fn((fn: Listener) => (h.permissionHandlers.device = fn)),
    },
  }
  const shell = { openExternal: vi.fn(() => Promise.resolve()) }
  const ipcMain = { handle: vi.fn() }
  const protocol = {
    registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => h.schemes.privileged.push(...schemes)),
    handle: vi.fn((scheme: string, handler: (request: { url: string }) => Promise<Response>) => h.schemes.handlers.set(scheme, handler)),
  }
  const dialog = { showErrorBox: vi.fn() }
  const safeStorage = {
    isEncryptionAvailable: () => true,
    encryptString: (s: string) => Buffer.from(s),
    decryptString: (b: Buffer) => b.toString(),
  }
  const electron = { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell }
  return { ...electron, default: electron }
})

const electron = await import('electron')
const repoRoot = path.resolve(import.meta.dirname, '../..')

beforeAll(async () => {
  delete process.env.ELECTRON_RENDERER_URL
  h.state.userData = mkdtempSync(path.join(tmpdir(), 'crm-window-security-'))
  h.state.appPath = repoRoot
  await import('../../src/main/index')
  await vi.waitFor(
    () => {
      // A database that did not open shows an error box and exits instead of opening a window: say why here.
      expect(vi.mocked(electron.dialog.showErrorBox).mock.calls).toEqual([])
      expect(h.windows.length).toBeGreaterThan(0)
    },
    { timeout: 60_000 },
  )
}, 120_000)

afterAll(async () => {
  // Quitting closes the device (sync loop and database) before the app really quits.
  const quit = { preventDefault: vi.fn() }
  h.appListeners.get('before-quit')?.(quit)
  await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled())
  expect(quit.preventDefault).toHaveBeenCalled()
  rmSync(h.state.userData, { recursive: true, force: true })
})

function webPreferencesOf(options: Record<string, unknown>): Record<string, unknown> {
  return (options.webPreferences ?? {}) as Record<string, unknown>
}

describe('every BrowserWindow is hardened', () => {
  it('creates windows only with isolation, sandbox, web security and no Node integration', () => {
    expect(h.windows).toHaveLength(1)
    for (const { options } of h.windows) {
      const prefs = webPreferencesOf(options)
      expect(prefs.contextIsolation).toBe(true)
      expect(prefs.sandbox).toBe(true)
      expect(prefs.nodeIntegration).toBe(false)
      expect(prefs.nodeIntegrationInWorker).toBe(false)
      expect(prefs.nodeIntegrationInSubFrames).toBe(false)
      expect(prefs.webSecurity).toBe(true)
      expect(prefs.allowRunningInsecureContent).toBe(false)
      expect(prefs.webviewTag).toBe(false)
      expect(prefs.experimentalFeatures).toBe(false)
      expect(prefs).not.toHaveProperty('enableRemoteModule')
      expect(prefs).not.toHaveProperty('enableBlinkFeatures')
      expect(String(prefs.preload)).toMatch(/[\\/]preload[\\/]index\.cjs$/)
    }
  })

  it('sandboxes every renderer app-wide and opens the replica only once', () => {
    expect(electron.app.enableSandbox).toHaveBeenCalled()
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled()
  })

  it('loads the packaged page from the privileged app:// scheme, never file:// or a remote URL', () => {
    const [window] = h.windows
    expect(window!.loaded).toEqual([{ url: 'app://crm/index.html' }])
    expect(h.schemes.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown }])
    expect([...h.schemes.handlers.keys()]).toEqual(['app'])
  })

  it('serves the renderer folder on app://crm and refuses path traversal', async () => {
    const handler = h.schemes.handlers.get('app')!
    // Unpackaged: out/renderer next to out/main (built or not, a traversal never reaches outside it).
    for (const url of ['app://crm/../../package.json', 'app://crm/%2e%2e/%2e%2e/package.json', 'app://crm/..%2f..%2fpackage.json', 'app://other/index.html']) {
      const response = await handler({ url })
      expect(response.status, url).toBe(404)
    }
  })

  it('denies window.open and never opens a link outside silently', () => {
    const contents = h.windows[0]!.webContents
    const openExternal = vi.mocked(electron.shell.openExternal)
    openExternal.mockClear()
    expect(contents.windowOpenHandler).toBeTypeOf('function')
    for (const url of ['https://www.augu.kr/', 'mailto:kim@augu.kr', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' })
    }
    // Links leave only through the renderer's confirmation dialog and the app.openExternal channel.
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('blocks navigation away from the app page, file:// included', () => {
    const contents = h.windows[0]!.webContents
    const openExternal = vi.mocked(electron.shell.openExternal)
    openExternal.mockClear()
    for (const event of ['will-navigate', 'will-redirect']) {
      for (const awayUrl of ['https://evil.example/', pathToFileURL(path.join(repoRoot, 'src/renderer/index.html')).href, 'app://evil/index.html']) {
        const away = { preventDefault: vi.fn() }
        contents.emit(event, away, awayUrl)
        expect(away.preventDefault, `${event} to ${awayUrl}`).toHaveBeenCalled()
      }
      const own = { preventDefault: vi.fn() }
      contents.emit(event, own, 'app://crm/index.html')
      expect(own.preventDefault, `${event} to app://crm`).not.toHaveBeenCalled()
    }
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('refuses <webview> and every permission request', () => {
    const contents = h.windows[0]!.webContents
    const attach = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', attach, {}, {})
    expect(attach.preventDefault).toHaveBeenCalled()

    const callback = vi.fn()
    h.permissionHandlers.request!({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    expect(h.permissionHandlers.check!({}, 'clipboard-read')).toBe(false)
    expect(h.permissionHandlers.device!({})).toBe(false)
  })

  it('hardens every webContents the app creates, not only the main window', () => {
    const created = h.appListeners.get('web-contents-created')
    expect(created).toBeTypeOf('function')
    const contents = new h.FakeWebContents()
    created!({}, contents)
    expect(contents.windowOpenHandler).toBeTypeOf('function')
    expect(contents.listeners.get('will-navigate')).toHaveLength(1)
    expect(contents.listeners.get('will-attach-webview')).toHaveLength(1)
  })

  it('registers exactly one IPC handler per contract channel', () => {
    const channels = vi.mocked(electron.ipcMain.handle).mock.calls.map(([channel]) => channel)
    expect([...channels].sort()).toEqual([...ipcChannels].sort())
  })
})

describe('source rules', () => {
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) return sourceFiles(full)
      return /\.(ts|tsx|js|mjs|cjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : []
    })
  }

  it('creates BrowserWindows only in src/main/electron/window.ts, and no views', () => {
    const offenders = sourceFiles(path.join(repoRoot, 'src/main')).flatMap((file) => {
      const source = readFileSync(file, 'utf8')
      const relative = path.relative(repoRoot, file).split(path.sep).join('/')
      const found: string[] = []
      if (/new\s+(?:[\w$]+\.)*BrowserWindow\s*\(/.test(source) && relative !== 'src/main/electron/window.ts') found.push(relative)
      if (/new\s+(?:[\w$]+\.)*(?:BrowserView|WebContentsView)\s*\(/.test(source)) found.push(`${relative} (view)`)
      return found
    })
    expect(offenders).toEqual([])
  })

  it('ships the same strict Content-Security-Policy the main process declares', () => {
    const html = readFileSync(path.join(repoRoot, 'src/renderer/index.html'), 'utf8')
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(CONTENT_SECURITY_POLICY)
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/)
  })
})

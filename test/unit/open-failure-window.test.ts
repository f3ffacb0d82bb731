/**
 * Issue 13: when the replica cannot be opened the app says why and offers the way out, instead of throwing from
 * app.whenReady() with no window at all. Electron is mocked (as in window-security.test.ts) and the real main entry is
 * imported against the mock, once per broken file: a foreign file (SQLITE_NOTADB), a truncated replica
 * (SQLITE_CORRUPT) and a full disk while the paused search index is resumed (SQLITE_FULL from resumeSearchIndex).
 * The replica is encrypted (issue 18): a file its key does not unlock is a damaged file for the recovery window; only
 * a key that cannot be loaded at all (missing, no OS keychain) is an error box.
 */
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openReplica } from '../../src/main/db/open'
import { isPlainSqliteFile } from '../../src/main/db/encryption'
import { createFileKeyStore, loadOrCreateReplicaKey } from '../../src/main/db/replica-key'
import type * as SearchIndex from '../../src/main/db/search-index'
import { pauseSearchIndex } from '../../src/main/db/search-index'

type Listener = (...args: unknown[]) => unknown

const h = vi.hoisted(() => {
  class FakeWebContents {
    readonly listeners = new Map<string, Listener[]>()
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
      return this
    }
    setWindowOpenHandler(): void {}
    emit(event: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(event) ?? []) listener(...args)
    }
  }
  interface WindowRecord {
    options: Record<string, unknown>
    webContents: FakeWebContents
    loaded: Array<{ url?: string; file?: string }>
    closed: boolean
  }
  const windows: WindowRecord[] = []
  const appListeners = new Map<string, Listener>()
  const state = { userData: '', documents: '', appPath: '', failSearchResumeOnce: false, encryptionAvailable: true, exited: false }
  const errorBoxes: Array<{ title: string; content: string }> = []
  return { FakeWebContents, windows, appListeners, state, errorBoxes }
})

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = (): unknown[] => []
    readonly webContents = new h.FakeWebContents()
    private readonly record: (typeof h.windows)[number]
    constructor(options: Record<string, unknown>) {
      this.record = { options, webContents: this.webContents, loaded: [], closed: false }
      h.windows.push(this.record)
    }
    once(): this {
      return this
    }
    close(): void {
      this.record.closed = true
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
    isPackaged: false,
    getAppPath: vi.fn(() => h.state.appPath),
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(() => {
      h.state.exited = true
    }),
    relaunch: vi.fn(),
    on: vi.fn((event: string, listener: Listener) => h.appListeners.set(event, listener)),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn((name: string) => (name === 'documents' ? h.state.documents : h.state.userData)),
    getVersion: vi.fn(() => '0.1.0'),
  }
  const session = {
    defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() },
  }
  const shell = { openExternal: vi.fn(() => Promise.resolve()), showItemInFolder: vi.fn() }
  const ipcMain = { handle: vi.fn() }
  // The renderer is served on app://crm (electron/app-protocol.ts); declared before ready, handled after.
  const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }
  const dialog = { showErrorBox: vi.fn((title: string, content: string) => h.errorBoxes.push({ title, content })), showSaveDialog: vi.fn() }
  // The replica key and the tokens are kept with safeStorage; a reversible stand-in is enough here.
  const safeStorage = {
    isEncryptionAvailable: () => h.state.encryptionAvailable,
    encryptString: (s: string) => Buffer.from(s),
    decryptString: (b: Buffer) => b.toString(),
  }
  const electron = { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell }
  return { ...electron, default: electron }
})

// A disk that fills up while the paused search index is rebuilt on open: the real function, failing once.
vi.mock('../../src/main/db/search-index', async (importOriginal) => {
  const real = await importOriginal<typeof SearchIndex>()
  return {
    ...real,
    resumeSearchIndex: (sqlite: Parameters<typeof real.resumeSearchIndex>[0]) => {
      if (h.state.failSearchResumeOnce && real.isSearchIndexPaused(sqlite)) {
        h.state.failSearchResumeOnce = false
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
      }
      real.resumeSearchIndex(sqlite)
    },
  }
})

const repoRoot = path.resolve(import.meta.dirname, '../..')
const dbFile = (): string => path.join(h.state.userData, 'crm.sqlite')

beforeEach(() => {
  delete process.env.ELECTRON_RENDERER_URL
  h.state.userData = mkdtempSync(path.join(tmpdir(), 'crm-open-failure-'))
  h.state.documents = mkdtempSync(path.join(tmpdir(), 'crm-open-failure-docs-'))
  h.state.appPath = repoRoot
  h.windows.length = 0
  h.errorBoxes.length = 0
  h.state.encryptionAvailable = true
  h.state.exited = false
  h.appListeners.clear()
  vi.resetModules()
})

afterEach(async () => {
  const quit = { preventDefault: vi.fn() }
  h.appListeners.get('before-quit')?.(quit)
  await new Promise((resolve) => setTimeout(resolve, 50))
  rmSync(h.state.userData, { recursive: true, force: true })
  rmSync(h.state.documents, { recursive: true, force: true })
})

async function startMain(): Promise<void> {
  await import('../../src/main/index')
  await vi.waitFor(() => expect(h.windows.length).toBeGreaterThan(0), { timeout: 30_000 })
}

/** The recovery page's HTML, decoded from its data: URL (the last page loaded into that window). */
function pageOf(window: (typeof h.windows)[number]): string {
  const url = window.loaded.at(-1)?.url ?? ''
  expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true)
  return decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length))
}

function choose(window: (typeof h.windows)[number], action: string): void {
  window.webContents.emit('did-navigate-in-page', {}, `data:text/html;charset=utf-8,x#${action}`, true)
}

// The packaged renderer is loaded from the privileged app:// scheme (electron/app-protocol.ts).
const mainWindowLoaded = (): boolean => h.windows.some((w) => w.loaded.some((l) => l.url === 'app://crm/index.html'))

/**
 * The replica's key as main keeps it (userData/replica.key through safeStorage). The mocked safeStorage stores the hex
 * as is, so the 0600 file store reads and writes the same file: the test's replicas are encrypted like the app's.
 */
const replicaKey = (): Buffer => loadOrCreateReplicaKey(createFileKeyStore(path.join(h.state.userData, 'replica.key')))

/** The replica at its usual place, encrypted with this PC's key. */
const openAppReplica = (): ReturnType<typeof openReplica> => openReplica(dbFile(), { key: replicaKey() })

/** A rebuilt replica is encrypted with the same key: no plain SQLite header on disk, and the key opens it. */
function expectEncryptedWithTheKey(): void {
  expect(isPlainSqliteFile(dbFile())).toBe(false)
  expect(readFileSync(dbFile()).includes(Buffer.from('SQLite format 3'))).toBe(false)
  openAppReplica().sqlite.close()
}

/** A replica with one unsent change, as a signed-in laptop would have. */
function makeReplicaWithUnsentChange(): void {
  const { sqlite } = openAppReplica()
  sqlite.prepare(`INSERT INTO sync_state (key, value) VALUES ('device_id', '0190a000-0000-7000-8000-00000000d001'), ('last_seq', '1')`).run()
  sqlite
    .prepare(`INSERT INTO outbox (seq, table_name, row_id, op, fields, hlc, created_at, status) VALUES (1, 'companies', ?, 'upsert', ?, ?, ?, 'pending')`)
    .run(
      '0190a000-0000-7000-8000-0000000000c1',
      JSON.stringify({ name: '아우구' }),
      '2026-12-07T00:00:00.000Z-0000-0123456789abcdef',
      '2026-12-07T00:00:00.000Z',
    )
  sqlite.close()
}

// Importing the whole main entry afresh per case is slow on a loaded machine.
describe('the replica cannot be opened', { timeout: 90_000 }, () => {
  it('a foreign file (SQLITE_NOTADB): a hardened window says so in Korean and English; "rebuild" sets it aside and opens the app', async () => {
    // The laptop had an encrypted replica and its key; a backup tool then wrote something else over the file. The key
    // loads but does not unlock it: a damaged file for the recovery window, not the "key unavailable" error box.
    makeReplicaWithUnsentChange()
    writeFileSync(dbFile(), 'These are my holiday notes, not a database.\n'.repeat(200))
    await startMain()
    expect(h.errorBoxes).toEqual([])
    expect(h.windows).toHaveLength(1)
    const [recovery] = h.windows
    const prefs = recovery!.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    expect(prefs).not.toHaveProperty('preload')
    const html = pageOf(recovery!)
    expect(html).toContain('data-problem="not-a-database"')
    expect(html).toContain('이 PC의 데이터 파일을 읽을 수 없습니다')
    expect(html).toContain('This PC&#39;s data file cannot be read')
    expect(html).toContain('href="#rebuild"')
    expect(html).not.toMatch(/<script/i)

    choose(recovery!, 'rebuild')
    await vi.waitFor(() => expect(mainWindowLoaded()).toBe(true), { timeout: 30_000 })
    expect(recovery!.closed).toBe(true)
    const names = readdirSync(h.state.userData)
    expect(names.some((name) => /^crm\.sqlite\.damaged-\d{8}T\d{6}Z$/.test(name))).toBe(true)
    expect(
      readFileSync(
        path.join(
          h.state.userData,
          names.find((n) => n.includes('.damaged-'))!,
        ),
        'utf8',
      ),
    ).toContain('holiday notes')
    expectEncryptedWithTheKey()
  })

  it('an encrypted replica whose first page is damaged: the recovery window (not the key error box); "rebuild" makes an encrypted copy with the same key', async () => {
    makeReplicaWithUnsentChange()
    const key = readFileSync(path.join(h.state.userData, 'replica.key'), 'utf8')
    const fd = openSync(dbFile(), 'r+')
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 0)
    closeSync(fd)
    await startMain()
    expect(h.errorBoxes).toEqual([])
    const [recovery] = h.windows
    expect(pageOf(recovery!)).toContain('data-problem="not-a-database"')
    expect(pageOf(recovery!)).toContain('href="#export"')

    choose(recovery!, 'rebuild')
    await vi.waitFor(() => expect(mainWindowLoaded()).toBe(true), { timeout: 30_000 })
    expect(readdirSync(h.state.userData).some((name) => /^crm\.sqlite\.damaged-/.test(name))).toBe(true)
    // Same key, never a plain file.
    expect(readFileSync(path.join(h.state.userData, 'replica.key'), 'utf8')).toBe(key)
    expectEncryptedWithTheKey()
  })

  it('an encrypted replica whose key is missing: an error box names the key and the app quits, leaving the file as it was', async () => {
    makeReplicaWithUnsentChange()
    const before = readFileSync(dbFile())
    rmSync(path.join(h.state.userData, 'replica.key'))
    await import('../../src/main/index')
    await vi.waitFor(() => expect(h.errorBoxes).toHaveLength(1), { timeout: 30_000 })
    expect(h.errorBoxes[0]!.content).toContain('암호화 키를 읽을 수 없습니다')
    expect(h.errorBoxes[0]!.content).toContain('its encryption key cannot be read')
    expect(h.state.exited).toBe(true)
    expect(h.windows).toEqual([])
    expect(readFileSync(dbFile()).equals(before)).toBe(true)
    expect(readdirSync(h.state.userData).some((name) => name.includes('.damaged-'))).toBe(false)
  })

  it('no OS keychain on first run: an error box says the data cannot be stored encrypted, and no plain replica is written', async () => {
    h.state.encryptionAvailable = false
    await import('../../src/main/index')
    await vi.waitFor(() => expect(h.errorBoxes).toHaveLength(1), { timeout: 30_000 })
    expect(h.errorBoxes[0]!.content).toContain('OS 키 저장소')
    expect(h.state.exited).toBe(true)
    expect(h.windows).toEqual([])
    expect(existsSync(dbFile())).toBe(false)
  })

  it('a truncated replica (SQLITE_CORRUPT): "export what is readable" writes a file with the unsent change, then "rebuild" keeps it', async () => {
    makeReplicaWithUnsentChange()
    // Lose the tail of the file, as an interrupted copy does.
    const pages = readFileSync(dbFile()).length / 4096
    truncateSync(dbFile(), Math.floor(pages / 2) * 4096)
    await startMain()
    const [recovery] = h.windows
    expect(pageOf(recovery!)).toContain('data-problem="damaged"')
    expect(pageOf(recovery!)).toContain('이 PC의 데이터 파일이 손상되었습니다')

    choose(recovery!, 'export')
    await vi.waitFor(() => expect(pageOf(recovery!)).toContain('class="notice"'), { timeout: 30_000 })
    const exported = readdirSync(h.state.documents).filter((name) => name.startsWith('crm-augu-readable-'))
    expect(exported).toHaveLength(1)
    expect(pageOf(recovery!)).toContain(exported[0])
    expect(mainWindowLoaded()).toBe(false)

    choose(recovery!, 'rebuild')
    await vi.waitFor(() => expect(mainWindowLoaded()).toBe(true), { timeout: 30_000 })
    expectEncryptedWithTheKey()
    const { sqlite } = openAppReplica()
    const kept = sqlite.prepare('SELECT seq, row_id FROM outbox').all()
    const notice = sqlite.prepare(`SELECT value FROM app_settings WHERE key = 'replica_repair'`).get() as { value: string } | undefined
    sqlite.close()
    // Whatever was readable is kept; the user is told what happened either way.
    expect(kept.length).toBeLessThanOrEqual(1)
    expect(JSON.parse(notice!.value)).toMatchObject({ reason: 'requested', keptChanges: kept.length })
  })

  it('a full disk while the search index is resumed (SQLITE_FULL): named with the MB needed; "retry" opens once space is back', async () => {
    const { sqlite } = openAppReplica()
    pauseSearchIndex(sqlite)
    sqlite.close()
    h.state.failSearchResumeOnce = true
    await startMain()
    const [recovery] = h.windows
    const html = pageOf(recovery!)
    expect(html).toContain('data-problem="disk-full"')
    expect(html).toMatch(/디스크가 가득 찼습니다(: \d+ MB가 더 필요합니다)?/)
    expect(html).toMatch(/Disk full(: \d+ MB needed)?/)
    expect(html).toContain('공간 확보 후 다시 시도')
    expect(html).toContain('Free space and retry')
    expect(html).not.toContain('href="#rebuild"')
    // The file is fine: nothing was set aside.
    expect(existsSync(dbFile())).toBe(true)

    choose(recovery!, 'retry')
    await vi.waitFor(() => expect(mainWindowLoaded()).toBe(true), { timeout: 30_000 })
    expect(readdirSync(h.state.userData).some((name) => name.includes('.damaged-'))).toBe(false)
    expectEncryptedWithTheKey()
  })
})

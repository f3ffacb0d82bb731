/**
 * Dev/test web harness: the renderer in any browser, with `window.crm` forwarded over HTTP to the SAME handler table
 * Electron's ipcMain serves (createHandlerTable), backed by a real SQLite file.
 *
 *   npm run dev:web                         → http://127.0.0.1:5174 (WEB_PORT), DB in .tmp/dev-web.sqlite (CRM_DB),
 *                                             encrypted with the key in .tmp/dev-web.sqlite.key (0600)
 *   CRM_RENDERER_DIR=out/renderer npm run dev:web   serve an existing build instead of building one
 *
 * Sign in from the first-run screen against a local sync server (`npm run sync-server`, http://127.0.0.1:<port>).
 *
 * Tests import `startHarness({ port: 0, dbFile })`.
 */
import { createServer, type Server, type ServerResponse } from 'node:http'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { openDevice, type OpenDeviceOptions } from '../src/main/device'
import { applyReplicaKey } from '../src/main/db/encryption'
import { createFileKeyStore, keyFileBeside } from '../src/main/db/replica-key'
import { CONTENT_SECURITY_POLICY } from '../src/main/electron/csp'
import { type DevicePort, type Logger } from '../src/main/handlers/context'
import { dispatch } from '../src/main/ipc/dispatch'
import { createHandlerTable } from '../src/main/ipc/handler-table'
import { consoleLogger } from '../src/main/logger'
import { FileTokenStore } from '../src/main/core/sync/tokens'
import { ipcError } from '../src/shared/ipc/errors'
import { BRIDGE_FILE } from './harness/assets'
import { isAllowedCaller, isAllowedStreamCaller, readJsonBody, readStatic, resolveStatic, send, sendJson } from './harness/http'
import { type LiveTopic } from '../src/shared/ipc/live'

const repoRoot = path.resolve(import.meta.dirname, '..')
const CHANNEL_PREFIX = '/__crm/'
const BRIDGE_PATH = '/__crm/bridge.js'
const EVENTS_PATH = '/__crm/events'
/** A comment line now and then keeps idle proxies and the browser from dropping the stream. */
const STREAM_HEARTBEAT_MS = 15_000

export interface HarnessOptions {
  /** 0 picks a free port. Always bound to 127.0.0.1. */
  readonly port?: number
  readonly dbFile?: string
  /**
   * Serve this prebuilt renderer (e.g. out/renderer) instead of building one into .tmp/dev-web/renderer. Default:
   * CRM_RENDERER_DIR when set (the e2e global setup builds the renderer once per run and sets it).
   */
  readonly rendererDir?: string
  readonly log?: Logger
  /** The network the device's sync client uses (default: the real one, e.g. to `npm run sync-server`). */
  readonly fetch?: typeof fetch
  /** The device's sync loop timing (default: the app's; tests and the benchmark shorten the push debounce). */
  readonly loop?: OpenDeviceOptions['loop']
}

export interface Harness {
  readonly url: string
  readonly port: number
  readonly dbFile: string
  /** The device behind the page (tests and the benchmark listen to its change stream). */
  readonly device: DevicePort
  close(): Promise<void>
}

/** Where the harness keeps its tokens (a test checks that a wipe deletes them). */
export function harnessTokenFile(dbFile: string): string {
  return `${dbFile}.tokens.json`
}

/** The harness's replica is encrypted: tests that read it directly open it with the key the harness keeps beside it. */
export function openHarnessDatabase(dbFile: string, options: Database.Options = {}): Database.Database {
  const key = createFileKeyStore(keyFileBeside(dbFile)).load()
  if (!key) throw new Error(`No key beside ${dbFile}: has the harness opened it?`)
  const sqlite = new Database(dbFile, options)
  try {
    applyReplicaKey(sqlite, key)
  } catch (error) {
    sqlite.close()
    throw error
  }
  return sqlite
}

/** The harness's key, for tests that open its replica with openReplica. */
export function harnessReplicaKey(dbFile: string): Buffer {
  const key = createFileKeyStore(keyFileBeside(dbFile)).load()
  if (!key) throw new Error(`No key beside ${dbFile}: has the harness opened it?`)
  return key
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined }

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const log = options.log ?? consoleLogger('harness')
  const dbFile = path.resolve(options.dbFile ?? path.join(repoRoot, '.tmp/dev-web.sqlite'))
  const prebuilt = options.rendererDir ?? process.env.CRM_RENDERER_DIR
  const rendererDir = path.resolve(prebuilt ?? path.join(repoRoot, '.tmp/dev-web/renderer'))
  // Vite is imported only when something must be built: its import alone takes ~2.5 s, paid by every test file that
  // starts a harness. The e2e global setup builds the renderer and the bridge once per run (BRIDGE_FILE in its folder).
  const build = () => import('./harness/build')
  if (!prebuilt) await (await build()).buildRenderer(rendererDir)
  const bridgeFile = path.join(rendererDir, BRIDGE_FILE)
  const bridgeCode = prebuilt && existsSync(bridgeFile) ? readFileSync(bridgeFile, 'utf8') : await (await build()).buildBridge()
  const indexHtml = readFileSync(path.join(rendererDir, 'index.html'), 'utf8')
  // The bridge is a classic script, so it runs before the app's module script (modules are deferred).
  const servedIndex = indexHtml.replace('<script', `<script src="${BRIDGE_PATH}"></script>\n    <script`)

  const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version
  // Tokens and the replica's key in plain 0600 files beside the database: a development stand-in for safeStorage.
  const device = openDevice({
    dbFile,
    tokenStore: new FileTokenStore(harnessTokenFile(dbFile)),
    keyStore: createFileKeyStore(keyFileBeside(dbFile)),
    fetch: options.fetch,
    loop: options.loop,
  })
  const table = createHandlerTable({
    app: { name: 'CRM AUGU', version, runtime: 'web-harness', platform: process.platform },
    device,
    openExternal: async (url) => log.info('openExternal: not opened by the harness', { url: url.toString() }),
    log,
  })

  // The push stream (Electron: webContents.send): every open page gets the device's change notices and sync status as
  // Server-Sent Events, so browser tests see the same path the app uses.
  const streams = new Set<ServerResponse>()
  const push = (topic: LiveTopic, payload: unknown): void => {
    const frame = `event: ${topic}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const res of streams) res.write(frame)
  }
  const stopChanges = device.onChanges((notice) => push('changes', notice))
  const stopStatus = device.onSyncStatus((status) => push('syncStatus', status))
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': keep-alive\n\n')
  }, STREAM_HEARTBEAT_MS)
  heartbeat.unref()
  const openStream = async (res: ServerResponse): Promise<void> => {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
    res.write('retry: 500\n\n')
    streams.add(res)
    res.on('close', () => streams.delete(res))
    // A page that (re)connects starts from the current status, not from whatever it last heard.
    res.write(`event: syncStatus\ndata: ${JSON.stringify(await device.syncStatus())}\n\n`)
  }

  let port = options.port ?? 0
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      if (req.method === 'POST' && url.pathname.startsWith(CHANNEL_PREFIX)) {
        if (!isAllowedCaller(req, port)) return sendJson(res, 403, { ok: false, error: ipcError('ipc.forbiddenSender') })
        let body: unknown
        try {
          body = await readJsonBody(req)
        } catch {
          return sendJson(res, 400, { ok: false, error: ipcError('ipc.invalidInput', { field: '' }) })
        }
        const input = typeof body === 'object' && body !== null ? (body as { input?: unknown }).input : undefined
        const channel = url.pathname.slice(CHANNEL_PREFIX.length)
        return sendJson(res, 200, await dispatch(table, channel, input, `http://127.0.0.1:${port}`, log))
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed')
      if (url.pathname === EVENTS_PATH) {
        if (!isAllowedStreamCaller(req, port)) return send(res, 403, 'forbidden')
        return openStream(res)
      }
      if (url.pathname === BRIDGE_PATH) return send(res, 200, bridgeCode, { 'content-type': 'text/javascript; charset=utf-8' })
      if (url.pathname === '/' || url.pathname === '/index.html') {
        return send(res, 200, servedIndex, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': CONTENT_SECURITY_POLICY,
        })
      }
      const file = resolveStatic(rendererDir, url.pathname)
      const found = file ? await readStatic(file) : null
      if (!found) return send(res, 404, 'not found')
      return send(res, 200, found.body, { 'content-type': found.type })
    })().catch((error: unknown) => {
      log.error('harness request failed', { error: error instanceof Error ? error.message : String(error) })
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: ipcError('internal') })
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  port = typeof address === 'object' && address ? address.port : port

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    dbFile,
    device,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat)
        stopChanges()
        stopStatus()
        for (const res of streams) res.end()
        streams.clear()
        server.closeAllConnections()
        server.close(() => {
          void device.close().finally(resolve)
        })
      }),
  }
}

async function main(): Promise<void> {
  const harness = await startHarness({
    port: Number(process.env.WEB_PORT ?? 5174),
    dbFile: process.env.CRM_DB,
    rendererDir: process.env.CRM_RENDERER_DIR,
  })
  console.info(`CRM AUGU web harness: ${harness.url} (database ${harness.dbFile})`)
  const stop = (): void => {
    void harness.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}

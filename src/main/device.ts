/**
 * The one place main opens the local device: the SQLite replica (migrated), the Electron-free core (session, outbox,
 * sync loop) and the adapter to the IPC contract. Electron (index.ts) and the web harness (scripts/dev-web.ts) both
 * call this, so both run the same device code against a real SQLite file.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { type OpenReplicaOptions } from './db/open'
import { replicaFiles, replicaKeyFor } from './db/encryption'
import { createFileKeyStore, keyFileBeside, type ReplicaKeyStore } from './db/replica-key'
import { openCheckedReplica, rebuildReplica } from './db/replica-rebuild'
import { recordRepair } from './db/repair-notice'
import { createReplicaPort } from './replica-port'
import { SYNCED_TABLES } from '../shared/model/tables'
import { IpcFailure } from '../shared/ipc/errors'
import { type SessionState, type SyncStatus } from '../shared/ipc/contract'
import { type ChangeNotice } from '../shared/ipc/live'
import { createAppSettings } from './app-settings'
import { createDeviceCore, type DeviceCoreOptions } from './core/device'
import { replicaRegistry } from './core/replica/registry'
import { type TokenStore } from './core/sync/tokens'
import { createCoreDevicePort } from './device-port'
import { seedDevice } from './demo/seed-device'
import { rebuildSearchIndex } from './db/search-index'
import { quoteIdent, type Sqlite } from './core/sqlite'
import { type DevicePort } from './handlers/context'
import { type Replica } from './db/open'
import { closeReplica, refreshStatistics } from './db/statistics'

export interface OpenDeviceOptions {
  /** The SQLite replica file (created and migrated if needed). */
  readonly dbFile: string
  /** Server tokens: safeStorage-encrypted in Electron, a file or memory store in the harness and tests. */
  readonly tokenStore: TokenStore
  /** Generated device migrations; Electron passes its packaged copy (default: <repo>/drizzle/sqlite). */
  readonly migrationsFolder?: string
  /** Injected network (tests answer login with a fake server). */
  readonly fetch?: typeof fetch
  /** Where the replica's encryption key is kept: safeStorage in Electron; default a 0600 file `<dbFile>.key`. */
  readonly keyStore?: ReplicaKeyStore
  /** Told after this PC's copy was erased (a wipe order from the server, or "remove this PC's copy"). */
  readonly onErased?: (reason: ErasedReason) => void
  /** Restarts the app (Electron: relaunch + quit), used by "rebuild this PC's copy"; absent in tests and the harness. */
  readonly restartApp?: () => void
  /** Sync loop timing (tests and the benchmark push without the 1 s debounce). */
  readonly loop?: DeviceCoreOptions['loop']
}

/** Why this PC's copy was erased: the administrator's wipe order, or the user's own choice at sign-out. */
export type ErasedReason = 'wiped' | 'removed'

/** Demo size: every screen has realistic volume, and seeding stays under a second on a laptop. */
const DEMO_SCALE = 20_000
const DEMO_SEED = 2026

/** Deletes every synced row and every local edit (used only when leaving the demo, whose rows exist nowhere else). */
function clearReplica(sqlite: Sqlite): void {
  sqlite.transaction(() => {
    for (const table of [...replicaRegistry().tables].reverse()) sqlite.prepare(`DELETE FROM ${quoteIdent(table.name)}`).run()
    sqlite.prepare('DELETE FROM outbox').run()
    rebuildSearchIndex(sqlite)
  })()
}

/** Marker beside the replica: "rebuild this PC's copy" was asked for in settings; done on the next start. */
export function rebuildMarkerFile(dbFile: string): string {
  return `${dbFile}.rebuild-requested`
}

/**
 * Opens the (encrypted) replica for the device: a requested rebuild first, then the quick integrity check (a damaged
 * file is rebuilt from the server with its valid unsent changes kept, and the user is told once). Throws what cannot
 * be repaired here (a file that is not a database, a wrong key, a full disk) for main to name in the recovery window.
 */
function openDeviceReplica(options: OpenDeviceOptions, key: Buffer): Replica {
  const open: OpenReplicaOptions = { key, ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}) }
  const knownTables = new Set<string>(SYNCED_TABLES)
  const marker = rebuildMarkerFile(options.dbFile)
  if (existsSync(marker)) {
    const rebuilt = rebuildReplica(options.dbFile, { ...open, knownTables, reason: 'requested' })
    recordRepair(rebuilt.replica.sqlite, rebuilt.report)
    rmSync(marker, { force: true })
    return rebuilt.replica
  }
  const checked = openCheckedReplica(options.dbFile, { ...open, knownTables })
  if (checked.repaired) recordRepair(checked.replica.sqlite, checked.repaired)
  return checked.replica
}

/** One device on one replica file; `openDevice` below swaps it for a fresh one when the copy is erased. */
function openDeviceOnce(options: OpenDeviceOptions, keyStore: ReplicaKeyStore, onDeviceWiped: () => void): DevicePort {
  const replica = openDeviceReplica(options, replicaKeyFor(options.dbFile, keyStore))
  try {
    const core = createDeviceCore({
      sqlite: replica.sqlite,
      registry: replicaRegistry(),
      tokens: options.tokenStore,
      onDeviceWiped,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.loop ? { loop: options.loop } : {}),
    })
    const settings = createAppSettings(replica.sqlite)
    const port = createCoreDevicePort({
      core,
      settings,
      closeDatabase: () => closeReplica(replica.sqlite),
      seedDemo: () => {
        seedDevice(replica.sqlite, { seed: DEMO_SEED, scale: DEMO_SCALE, referenceTime: Date.now() })
        // Thousands of rows into tables that were empty at open: statistics now, not at the next start.
        refreshStatistics(replica.sqlite)
      },
      clearReplica: () => clearReplica(replica.sqlite),
      // Attachments live beside the replica, one directory per replica file.
      filesDir: filesDirOf(options.dbFile),
      replica: createReplicaPort({
        sqlite: replica.sqlite,
        markerFile: rebuildMarkerFile(options.dbFile),
        pendingChanges: () => core.writer.pendingCount(),
        restartApp: options.restartApp,
      }),
    })
    // A restart resumes as the last signed-in user without the network; start() then keeps syncing in the background.
    if (settings.get('mode') !== 'demo') core.session.openOffline()
    core.start()
    return port
  } catch (error) {
    replica.sqlite.close()
    throw error
  }
}

/** Where this replica's attachments are kept (one directory per replica file). */
function filesDirOf(dbFile: string): string {
  return `${dbFile}-files`
}

/**
 * Deletes the replica (and SQLite's side files), its key and the tokens: nothing of the copy stays on this PC. Also
 * the attachments and every copy a rebuild set aside (`.damaged-*`): one set aside before the replica was first
 * encrypted is a plain file, and the others are only as safe as the key being deleted here.
 */
export async function eraseDeviceFiles(dbFile: string, keyStore: ReplicaKeyStore, tokenStore: TokenStore): Promise<void> {
  for (const file of replicaFiles(dbFile)) rmSync(file, { force: true })
  const setAside = `${basename(dbFile)}.damaged-`
  for (const name of existsSync(dirname(dbFile)) ? readdirSync(dirname(dbFile)) : []) {
    if (name.startsWith(setAside)) rmSync(join(dirname(dbFile), name), { force: true })
  }
  rmSync(filesDirOf(dbFile), { recursive: true, force: true })
  rmSync(rebuildMarkerFile(dbFile), { force: true })
  keyStore.clear()
  await tokenStore.clear()
}

/**
 * Opens the local device (replica, key, core) and keeps it replaceable: when the server orders a wipe (410
 * device_wiped) or the user removes this PC's copy at sign-out, the device is closed, its files erased and a fresh,
 * empty device (new key, new replica) takes its place — the renderer lands on the first-run screen. The handlers hold
 * this object for the app's lifetime, so every property is read from the current device at call time.
 */
export function openDevice(options: OpenDeviceOptions): DevicePort {
  const keyStore = options.keyStore ?? createFileKeyStore(keyFileBeside(options.dbFile))
  let erasedBy: ErasedReason | null = null
  let erasing: Promise<void> | null = null

  // Windows subscribe once (live-forward.ts) but the device behind them is replaced by an erase: the listeners live
  // here and follow whichever device is current, so the renderer hears the fresh device's status and leaves the shell.
  const changeListeners = new Set<(notice: ChangeNotice) => void>()
  const statusListeners = new Set<(status: SyncStatus) => void>()
  const fanOut =
    <T>(listeners: ReadonlySet<(value: T) => void>) =>
    (value: T): void => {
      for (const listener of listeners) {
        try {
          listener(value)
        } catch {
          // A closed window's listener must not stop the others.
        }
      }
    }
  const attach = (device: DevicePort): (() => void) => {
    const stopChanges = device.onChanges(fanOut(changeListeners))
    const stopStatus = device.onSyncStatus(fanOut(statusListeners))
    return () => {
      stopChanges()
      stopStatus()
    }
  }

  const erase = (reason: ErasedReason): Promise<void> => {
    erasing ??= (async () => {
      try {
        detach()
        await current.close().catch(() => undefined)
        await eraseDeviceFiles(options.dbFile, keyStore, options.tokenStore)
        erasedBy = reason
        current = openDeviceOnce(options, keyStore, onDeviceWiped)
        detach = attach(current)
        options.onErased?.(reason)
        // Every open screen learns that all it showed is gone, and the status bar that no server is left.
        fanOut(changeListeners)({ source: 'local', tables: [...SYNCED_TABLES] })
        fanOut(statusListeners)(await current.syncStatus())
      } finally {
        erasing = null
      }
    })()
    return erasing
  }
  // Heard inside a sync; the erase waits for that sync to end (close() stops the loop), so it runs on its own.
  const onDeviceWiped = (): void => void erase('wiped')

  let current = openDeviceOnce(options, keyStore, onDeviceWiped)
  let detach = attach(current)

  const sessionState = async (): Promise<SessionState> => {
    if (erasing) await erasing
    const state = await current.sessionState()
    // Until someone starts again (demo or sign-in), the first run says why it is back.
    return state.status === 'none' && erasedBy === 'wiped' ? { status: 'none', notice: 'device-wiped' } : state
  }

  const overrides: Partial<DevicePort> = {
    sessionState,
    async startDemo() {
      const state = await current.startDemo()
      erasedBy = null
      return state
    },
    async login(input) {
      try {
        const state = await current.login(input)
        erasedBy = null
        return state
      } catch (error) {
        // A sign-in answered device_wiped erases this copy: answer once the first-run screen can be shown again.
        if (erasing) await erasing
        throw error
      }
    },
    async logout(input) {
      if (!input.removeCopy) return current.logout(input)
      // Removing the copy destroys unsent edits: only when none wait, or when the user confirmed exactly how many.
      const { pending } = await current.syncStatus()
      if (pending > 0 && input.confirmDiscard !== pending) throw new IpcFailure('session.unsyncedChanges', { count: pending })
      await current.logout({ force: true })
      await erase('removed')
      return sessionState()
    },
    onChanges(listener) {
      changeListeners.add(listener)
      return () => void changeListeners.delete(listener)
    },
    onSyncStatus(listener) {
      statusListeners.add(listener)
      return () => void statusListeners.delete(listener)
    },
    async close() {
      if (erasing) await erasing
      detach()
      await current.close()
    },
  }

  return new Proxy(overrides as DevicePort, {
    get(target, property, receiver) {
      if (Object.hasOwn(target, property)) return Reflect.get(target, property, receiver) as unknown
      return Reflect.get(current, property) as unknown
    },
  })
}

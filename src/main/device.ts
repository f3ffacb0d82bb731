/**
 * The one place main opens the local device: the SQLite replica (migrated), the Electron-free core (session, outbox,
 * sync loop) and the adapter to the IPC contract. Electron (index.ts) and the web harness (scripts/dev-web.ts) both
 * call this, so both run the same device code against a real SQLite file.
 */
import { existsSync, rmSync } from 'node:fs'
import { openCheckedReplica, rebuildReplica } from './db/replica-rebuild'
import { recordRepair } from './db/repair-notice'
import { createReplicaPort } from './replica-port'
import { SYNCED_TABLES } from '../shared/model/tables'
import { createAppSettings } from './app-settings'
import { createDeviceCore } from './core/device'
import { replicaRegistry } from './core/replica/registry'
import { type TokenStore } from './core/sync/tokens'
import { createCoreDevicePort } from './device-port'
import { seedDevice } from './demo/seed-device'
import { rebuildSearchIndex } from './db/search-index'
import { quoteIdent, type Sqlite } from './core/sqlite'
import { type DevicePort } from './handlers/context'
import { type Replica } from './db/open'

export interface OpenDeviceOptions {
  /** The SQLite replica file (created and migrated if needed). */
  readonly dbFile: string
  /** Server tokens: safeStorage-encrypted in Electron, a file or memory store in the harness and tests. */
  readonly tokenStore: TokenStore
  /** Generated device migrations; Electron passes its packaged copy (default: <repo>/drizzle/sqlite). */
  readonly migrationsFolder?: string
  /** Injected network (tests answer login with a fake server). */
  readonly fetch?: typeof fetch
  /** Restarts the app (Electron: relaunch + quit), used by "rebuild this PC's copy"; absent in tests and the harness. */
  readonly restartApp?: () => void
}

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
 * Opens the replica for the device: a requested rebuild first, then the quick integrity check (a damaged file is
 * rebuilt from the server with its valid unsent changes kept, and the user is told once). Throws what cannot be
 * repaired here (a file that is not a database, a full disk) for main to name in the recovery window.
 */
function openDeviceReplica(options: OpenDeviceOptions): Replica {
  const migrations = options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}
  const knownTables = new Set<string>(SYNCED_TABLES)
  const marker = rebuildMarkerFile(options.dbFile)
  if (existsSync(marker)) {
    const rebuilt = rebuildReplica(options.dbFile, { ...migrations, knownTables, reason: 'requested' })
    recordRepair(rebuilt.replica.sqlite, rebuilt.report)
    rmSync(marker, { force: true })
    return rebuilt.replica
  }
  const checked = openCheckedReplica(options.dbFile, { ...migrations, knownTables })
  if (checked.repaired) recordRepair(checked.replica.sqlite, checked.repaired)
  return checked.replica
}

export function openDevice(options: OpenDeviceOptions): DevicePort {
  const replica = openDeviceReplica(options)
  try {
    const core = createDeviceCore({
      sqlite: replica.sqlite,
      registry: replicaRegistry(),
      tokens: options.tokenStore,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    })
    const settings = createAppSettings(replica.sqlite)
    const port = createCoreDevicePort({
      core,
      settings,
      closeDatabase: () => replica.sqlite.close(),
      seedDemo: () => void seedDevice(replica.sqlite, { seed: DEMO_SEED, scale: DEMO_SCALE, referenceTime: Date.now() }),
      clearReplica: () => clearReplica(replica.sqlite),
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

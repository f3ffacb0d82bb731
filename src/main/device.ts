/**
 * The one place main opens the local device: the SQLite replica (migrated), the Electron-free core (session, outbox,
 * sync loop) and the adapter to the IPC contract. Electron (index.ts) and the web harness (scripts/dev-web.ts) both
 * call this, so both run the same device code against a real SQLite file.
 */
import { openReplica } from './db/open'
import { createAppSettings } from './app-settings'
import { createDeviceCore, type DeviceCoreOptions } from './core/device'
import { replicaRegistry } from './core/replica/registry'
import { type TokenStore } from './core/sync/tokens'
import { createCoreDevicePort } from './device-port'
import { seedDevice } from './demo/seed-device'
import { rebuildSearchIndex } from './db/search-index'
import { quoteIdent, type Sqlite } from './core/sqlite'
import { type DevicePort } from './handlers/context'

export interface OpenDeviceOptions {
  /** The SQLite replica file (created and migrated if needed). */
  readonly dbFile: string
  /** Server tokens: safeStorage-encrypted in Electron, a file or memory store in the harness and tests. */
  readonly tokenStore: TokenStore
  /** Generated device migrations; Electron passes its packaged copy (default: <repo>/drizzle/sqlite). */
  readonly migrationsFolder?: string
  /** Injected network (tests answer login with a fake server). */
  readonly fetch?: typeof fetch
  /** Sync loop timing (tests and the benchmark push without the 1 s debounce). */
  readonly loop?: DeviceCoreOptions['loop']
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

export function openDevice(options: OpenDeviceOptions): DevicePort {
  const replica = openReplica(options.dbFile, options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {})
  try {
    const core = createDeviceCore({
      sqlite: replica.sqlite,
      registry: replicaRegistry(),
      tokens: options.tokenStore,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.loop ? { loop: options.loop } : {}),
    })
    const settings = createAppSettings(replica.sqlite)
    const port = createCoreDevicePort({
      core,
      settings,
      closeDatabase: () => replica.sqlite.close(),
      seedDemo: () => void seedDevice(replica.sqlite, { seed: DEMO_SEED, scale: DEMO_SCALE, referenceTime: Date.now() }),
      clearReplica: () => clearReplica(replica.sqlite),
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

/**
 * A whole device for tests: a real SQLite replica file, a file token store, and the wired local core — the same code
 * the Electron app runs, minus Electron. test/integration uses it against the real sync server:
 *
 *   const device = createTestDevice({ dir, serverUrl })
 *   await device.session.signIn({ serverUrl, email, password })
 *   device.writer.upsert('companies', id, { code: 'C-1', name: '삼성전자' })
 *   await device.syncNow()
 *   const again = await device.reopen()   // "restart the app": same files, fresh objects
 *
 * Several devices in one test: give each its own `dir` (or `name`).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openReplica, type Replica } from '../../../src/main/db/open'
import { createDeviceCore, type DeviceCore, type DeviceCoreOptions } from '../../../src/main/core/device'
import { replicaRegistry } from '../../../src/main/core/replica/registry'
import { FileTokenStore } from '../../../src/main/core/sync/tokens'

export interface TestDeviceOptions {
  /** Directory for this device's files (created if missing). */
  readonly dir: string
  /** Default server for signIn(); session.signIn can name another. */
  readonly serverUrl?: string
  /** File name stem inside dir, for several devices sharing a dir. Default "device". */
  readonly name?: string
  /** Start the sync loop and SSE on sign-in (default false: tests call syncNow() explicitly). */
  readonly autoSync?: boolean
  readonly core?: Partial<Omit<DeviceCoreOptions, 'sqlite' | 'registry' | 'tokens'>>
  /** Encrypt the replica with this key (src/main/db/encryption.ts); default plain, as most core tests need. */
  readonly key?: Buffer
}

export interface TestDevice extends DeviceCore {
  readonly replica: Replica
  /** Drizzle over the replica, for assertions with the schema's types. */
  readonly db: Replica['db']
  readonly files: { readonly database: string; readonly tokens: string }
  /** Sign in to the default server. */
  signIn(email: string, password: string): ReturnType<DeviceCore['session']['signIn']>
  /** Stop syncing and close the database. */
  close(): Promise<void>
  /** close() then open the same files again, as an app restart would (offline: no sign-in needed). */
  reopen(): Promise<TestDevice>
}

/**
 * An empty replica migrated once per process (a test worker keeps its modules across files), copied for each new
 * plain device. Migrating a new SQLite file took ~0.1 s of CPU per device under load — a sixth of the convergence
 * test's CPU (300 devices) — and the copy holds exactly what the migration leaves (the migrations are deterministic:
 * schema, triggers and a numbers table). openReplica still runs on the copy as on any existing replica.
 */
let migratedReplica: string | null = null
function migratedReplicaFile(): string {
  if (migratedReplica && existsSync(migratedReplica)) return migratedReplica
  const dir = mkdtempSync(join(tmpdir(), 'crm-test-replica-'))
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'migrated.sqlite')
  // Closing the only connection checkpoints the WAL into the file and removes it: the file alone is the replica.
  openReplica(file).sqlite.close()
  migratedReplica = file
  return file
}

export function createTestDevice(options: TestDeviceOptions): TestDevice {
  mkdirSync(options.dir, { recursive: true })
  const stem = options.name ?? 'device'
  const files = { database: join(options.dir, `${stem}.sqlite`), tokens: join(options.dir, `${stem}.tokens.json`) }
  // A new plain replica starts as the migrated copy; an existing one (reopen) or an encrypted one is opened as it is.
  if (!options.key && !existsSync(files.database)) copyFileSync(migratedReplicaFile(), files.database)
  const replica = openReplica(files.database, options.key ? { key: options.key } : {})
  const core = createDeviceCore({
    liveEvents: options.autoSync ?? false,
    ...options.core,
    sqlite: replica.sqlite,
    registry: replicaRegistry(),
    tokens: new FileTokenStore(files.tokens),
  })
  if (options.autoSync) core.start()
  // An app restart resumes as the last user without the network.
  core.session.openOffline()

  let closed = false
  const close = async (): Promise<void> => {
    if (closed) return
    closed = true
    await core.stop()
    replica.sqlite.close()
  }

  return {
    ...core,
    replica,
    db: replica.db,
    files,
    signIn(email, password) {
      if (!options.serverUrl) throw new Error('createTestDevice: no serverUrl given')
      return core.session.signIn({ serverUrl: options.serverUrl, email, password })
    },
    close,
    async reopen() {
      await close()
      return createTestDevice(options)
    },
  }
}

/**
 * Harness for test/integration: real devices (the Electron-free local core on real SQLite files in a temp dir) syncing
 * through a real sync server (in-process Fastify on a fresh PostgreSQL database and its own Redis prefix).
 *
 * Devices never see the server's real address: they sign in to VIRTUAL_SERVER_URL and the harness's fetch rewrites it
 * to whichever server instance is current. That is what lets a test restart the server (close it, start a new one on
 * the same database, on a new port) under devices that keep running, and wrap fetch per device to inject faults.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { uuidv7 } from '../../src/shared/ids/uuidv7'
import type { UserTier } from '../../src/shared/model/enums'
import { createTestDevice, type TestDevice } from './device/test-device'
import type { DeviceCoreOptions } from '../../src/main/core/device'
import { createPool } from '../../sync-server/db/pool'
import type { ServerConfig } from '../../sync-server/src/config'
import {
  createTestDatabase,
  createTestRedisPrefix,
  createUser,
  startTestServer,
  TEST_PG_ADMIN_URL,
  type TestDatabase,
  type TestRedisPrefix,
  type TestServer,
  type TestUser,
} from '../../sync-server/test/support'

export const VIRTUAL_SERVER_URL = 'http://crm-sync.test'

export interface DeviceSpec {
  /** File stem inside the harness temp dir (unique per device). */
  readonly name: string
  /** Wall clock for the device HLC (clock skew). */
  readonly now?: () => number
  /** Wraps the harness fetch (fault injection). */
  readonly wrapFetch?: (inner: typeof fetch) => typeof fetch
  /** Start the loop and listen to server pokes over SSE (default false: tests call syncNow). */
  readonly live?: boolean
  /** Small values exercise multi-batch pushes and multi-page pulls. */
  readonly pushBatchSize?: number
  readonly pullLimit?: number
  /** The live loop's periodic sync (default 60 s). */
  readonly periodMs?: number
  /** Put this device's files in another directory (a small tmpfs for the disk-full test). */
  readonly dir?: string
  /** Encrypt the replica with this key, as the app does (default plain, as most sync tests need). */
  readonly key?: Buffer
  /** Disk-space knobs of the core (see DeviceCoreOptions). */
  readonly disk?: Pick<DeviceCoreOptions, 'firstSyncMinFreeBytes' | 'walBoundBytes' | 'freeSpacePollMs'>
}

export interface Harness {
  readonly pool: pg.Pool
  readonly databaseUrl: string
  readonly dir: string
  /** The current in-process server. */
  server(): TestServer
  /** fetch that sends VIRTUAL_SERVER_URL requests to the current server. */
  readonly fetch: typeof fetch
  /** Close the server and start a new instance on the same database and Redis prefix (new port). */
  restartServer(): Promise<void>
  user(tier: UserTier, name?: string): Promise<TestUser>
  /** A device (not signed in). */
  device(spec: DeviceSpec): TestDevice
  /** A device signed in as `user`. */
  signedInDevice(user: TestUser, spec: DeviceSpec): Promise<TestDevice>
  /**
   * Sync (or with `pullOnly`, only pull) until every transaction committed before the call has been delivered to the
   * device.
   */
  catchUp(device: TestDevice, options?: { readonly pullOnly?: boolean; readonly timeoutMs?: number }): Promise<void>
  count(table: string, where?: string, params?: unknown[]): Promise<number>
  close(): Promise<void>
}

export interface HarnessOptions {
  /** Server configuration on top of the test defaults (e.g. a small bodyLimitBytes). */
  readonly config?: Partial<ServerConfig>
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const db: TestDatabase = await createTestDatabase()
  const redis: TestRedisPrefix = createTestRedisPrefix()
  const config: Partial<ServerConfig> = { sseHeartbeatMs: 1_000, ...options.config }
  let server: TestServer = await startTestServer({ databaseUrl: db.url, redisPrefix: redis.prefix, config })
  const pool = createPool(db.url, { max: 4 })
  const dir = mkdtempSync(join(tmpdir(), 'crm-integration-'))
  const devices = new Set<TestDevice>()

  const rewrite = (input: string | URL | Request): string | URL | Request => {
    if (typeof input === 'string' && input.startsWith(VIRTUAL_SERVER_URL)) return server.url + input.slice(VIRTUAL_SERVER_URL.length)
    if (input instanceof URL && input.href.startsWith(VIRTUAL_SERVER_URL)) return new URL(server.url + input.href.slice(VIRTUAL_SERVER_URL.length))
    return input
  }
  const harnessFetch: typeof fetch = (input, init) => globalThis.fetch(rewrite(input), init)

  const makeDevice = (spec: DeviceSpec): TestDevice => {
    const fetchFn = spec.wrapFetch ? spec.wrapFetch(harnessFetch) : harnessFetch
    const device = createTestDevice({
      dir: spec.dir ?? dir,
      name: spec.name,
      serverUrl: VIRTUAL_SERVER_URL,
      autoSync: spec.live ?? false,
      ...(spec.key ? { key: spec.key } : {}),
      core: {
        fetch: fetchFn,
        liveEvents: spec.live ?? false,
        ...(spec.now ? { now: spec.now } : {}),
        ...(spec.pushBatchSize ? { pushBatchSize: spec.pushBatchSize } : {}),
        ...(spec.pullLimit ? { pullLimit: spec.pullLimit } : {}),
        ...spec.disk,
        // Fast loop for the live tests; the manual tests never start it.
        loop: { debounceMs: 50, periodMs: spec.periodMs ?? 60_000, backoff: { baseMs: 50, capMs: 500 } },
      },
    })
    devices.add(device)
    const reopen = device.reopen
    return Object.assign(device, {
      async reopen() {
        devices.delete(device)
        const again = await reopen()
        devices.add(again)
        return again
      },
    })
  }

  const harness: Harness = {
    pool,
    databaseUrl: db.url,
    dir,
    server: () => server,
    fetch: harnessFetch,
    async restartServer() {
      await server.close()
      server = await startTestServer({ databaseUrl: db.url, redisPrefix: redis.prefix, config })
    },
    async user(tier, name) {
      return createUser(pool, { tier, name: name ?? '홍길동', email: `${tier.toLowerCase()}-${uuidv7().slice(-12)}@augu.test` })
    },
    device: makeDevice,
    async signedInDevice(user, spec) {
      const device = makeDevice(spec)
      await device.signIn(user.email, user.password)
      return device
    },
    async catchUp(device, { pullOnly = false, timeoutMs = 20_000 } = {}) {
      // The pull horizon is cluster-wide (pg_snapshot_xmin): another test file's open transaction can hold it back
      // for a moment, so wait until the device's watermark passes every transaction that had started before now.
      const { rows } = await pool.query<{ target: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS target')
      const target = BigInt(rows[0]!.target)
      const deadline = Date.now() + timeoutMs
      for (;;) {
        if (pullOnly) await device.engine.pull()
        else await device.syncNow()
        const watermark = device.state.get('watermark')
        if (watermark !== null && BigInt(watermark) >= target) return
        if (Date.now() > deadline) throw new Error(`device watermark ${watermark} never reached ${target}`)
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
    },
    async count(table, where = 'true', params = []) {
      const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`, params)
      return rows[0]!.n
    },
    async close() {
      for (const device of devices) await device.close().catch(() => undefined)
      await server.close().catch(() => undefined)
      await pool.end().catch(() => undefined)
      await redis.cleanup().catch(() => undefined)
      await connectionsGone(db.name)
      await db.drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return harness
}

/**
 * pg's Pool.end() resolves before its clients' connections have actually closed. DROP DATABASE … WITH (FORCE) would
 * then terminate a closing connection, and the client would raise the FATAL (57P01) as an unhandled error that fails
 * the whole vitest run. Wait (briefly) until the database has no sessions left.
 */
async function connectionsGone(database: string, timeoutMs = 5_000): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL })
  await client.connect()
  try {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [database])
      if (rows[0]!.n === 0 || Date.now() > deadline) return
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  } finally {
    await client.end()
  }
}

// ── Row builders: the fields a create must carry ─────────────────────────────────────────────────────────────────

let counter = 0
export const uniqueCode = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`

export const newId = (): string => uuidv7()

/** Reads one replica row (wire-ish SQLite values). */
export function localRow(device: TestDevice, table: string, id: string): Record<string, unknown> | undefined {
  return device.sqlite.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(id) as Record<string, unknown> | undefined
}

export function localIds(device: TestDevice, table: string): string[] {
  return (device.sqlite.prepare(`SELECT id FROM "${table}" ORDER BY id`).all() as { id: string }[]).map((r) => r.id)
}

/** Poll until `check` returns true (for the live SSE path). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check()) return
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

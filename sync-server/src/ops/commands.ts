/**
 * The operations commands of `npm run sync-server -- …` (docs/operations.md): seed-demo, revoke-device, gc, archive,
 * backup. Each returns an exit code and prints what it did; cli.ts parses the arguments.
 */
import type { Pool } from 'pg'
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNT_LIST } from '../../../src/demo'
import { formatDemoCounts } from '../../../src/demo/report'
import { migrateServer } from '../../db/migrate'
import { createPool } from '../../db/pool'
import { seedServer } from '../../demo/seed-server'
import { hashPassword } from '../auth/password'
import type { ServerConfig } from '../config'
import { archiveFinished } from '../jobs/archive'
import { collectGarbage } from '../jobs/gc'
import { fileConfigFrom } from '../files/config'
import { createBlobStorage } from '../files/storage'
import { closeRedis, createRedis } from '../redis/connect'
import { withLock, type LockContext } from '../redis/lock'
import { revokeDevice } from './revoke-device'

export interface SeedDemoArgs {
  readonly scale: number
  readonly seed: string
  readonly password: string
}

export async function seedDemoCommand(databaseUrl: string, { scale, seed, password }: SeedDemoArgs): Promise<void> {
  await migrateServer(databaseUrl)
  const pool = createPool(databaseUrl, { max: 2 })
  try {
    const result = await seedServer(pool, { scale, seed, passwordHash: await hashPassword(password) })
    console.log(`Seeded the demo data (seed ${seed}, scale ${scale}):`)
    console.log(formatDemoCounts(result.counts, result.elapsedMs))
    console.log(`  change_log entries: ${result.changeLogEntries.toLocaleString('en-US')}`)
    console.log(`Demo accounts (password "${password}"${password === DEFAULT_DEMO_PASSWORD ? ', the documented default' : ''}):`)
    for (const account of DEMO_ACCOUNT_LIST) console.log(`  ${account.email} (${account.tier})`)
  } finally {
    await pool.end()
  }
}

export async function revokeDeviceCommand(databaseUrl: string, deviceId: string, wipe = false): Promise<boolean> {
  const pool = createPool(databaseUrl, { max: 1 })
  try {
    const result = await revokeDevice(pool, deviceId, wipe)
    if (!result.found) {
      console.error(`Error: no device ${deviceId} has ever signed in.`)
      return false
    }
    console.log(
      `Device ${deviceId} (user ${result.userId}) ${result.alreadyRevoked ? 'was already revoked' : 'revoked'}; ` +
        `${result.sessionsRevoked} session(s) ended. ` +
        (wipe
          ? 'Wipe requested: every request from it answers 410 device_wiped and the app erases its copy (unsent edits on it are lost).'
          : 'Its next request answers 401, signing in again with it 403.'),
    )
    return true
  } finally {
    await pool.end()
  }
}

/** Lock lease of the maintenance jobs; renewed every third of it while the job runs. */
const JOB_LOCK_TTL_MS = 60_000

/**
 * Runs `job` under the Redis lock `name` so that one instance does the work when a timer fires on every host. If
 * Redis is unreachable the job runs anyway: its batches take rows FOR UPDATE SKIP LOCKED, so concurrent runs are safe,
 * only wasteful. Returns false when another instance holds the lock (the run is skipped).
 */
async function underJobLock(
  config: Pick<ServerConfig, 'redisUrl' | 'redisPrefix'>,
  name: string,
  job: (context: LockContext | null) => Promise<void>,
): Promise<boolean> {
  const redis = createRedis(config.redisUrl, { name: `crm-${name}` })
  try {
    let reachable = true
    try {
      await redis.ping()
    } catch {
      reachable = false
    }
    if (!reachable) {
      console.warn(`Warning: Redis unreachable; running ${name} without the cross-instance lock.`)
      await job(null)
      return true
    }
    const result = await withLock(redis, name, JOB_LOCK_TTL_MS, (context) => job(context), { prefix: config.redisPrefix })
    if (!result.acquired) console.log(`Another instance is running ${name} (lock ${config.redisPrefix}lock:${name}); skipped.`)
    return result.acquired
  } finally {
    await closeRedis(redis)
  }
}

async function withPool<T>(databaseUrl: string, fn: (pool: Pool) => Promise<T>): Promise<T> {
  const pool = createPool(databaseUrl, { max: 2 })
  try {
    return await fn(pool)
  } finally {
    await pool.end()
  }
}

export async function gcCommand(config: Pick<ServerConfig, 'databaseUrl' | 'redisUrl' | 'redisPrefix'>, horizonDays: number): Promise<void> {
  await underJobLock(config, 'gc', (context) =>
    withPool(config.databaseUrl, async (pool) => {
      // FILES_STORAGE / FILES_DIR say where blobs live (the same settings `serve` reads).
      const fileStorage = createBlobStorage(fileConfigFrom(process.env).storage, pool)
      const result = await collectGarbage(pool, { horizonDays, fileStorage, ...(context ? { signal: context.signal } : {}) })
      const tombstones = Object.entries(result.tombstones)
      const total = tombstones.reduce((sum, [, n]) => sum + (n ?? 0), 0)
      console.log(`gc: horizon ${result.horizon} (${horizonDays} days).`)
      console.log(`  tombstones deleted: ${total}${tombstones.length > 0 ? ` (${tombstones.map(([t, n]) => `${t} ${n}`).join(', ')})` : ''}`)
      if (result.kept > 0) console.log(`  tombstones kept (still referenced): ${result.kept}`)
      console.log(`  change_log entries deleted: ${result.changeLog}`)
      console.log(`  sync_rejections deleted: ${result.rejections}`)
      console.log(`  file blobs deleted: ${result.files.blobs} (${result.files.bytes} bytes), abandoned uploads: ${result.files.uploads}`)
      if (result.floor) console.log(`  devices whose cursor is below txid ${result.floor.txid} / id ${result.floor.id} re-sync fully on their next pull (410).`)
    }),
  )
}

export async function archiveCommand(
  config: Pick<ServerConfig, 'databaseUrl' | 'redisUrl' | 'redisPrefix'>,
  olderThanDays: number,
  batchSize?: number,
): Promise<void> {
  await underJobLock(config, 'archive', (context) =>
    withPool(config.databaseUrl, async (pool) => {
      const result = await archiveFinished(pool, {
        olderThanDays,
        ...(batchSize ? { batchSize } : {}),
        ...(context ? { signal: context.signal } : {}),
      })
      console.log(`archive: cutoff ${result.cutoff} (${olderThanDays} days).`)
      for (const table of ['opportunities', 'projects', 'activities'] as const) {
        const { archived, kept } = result[table]
        console.log(`  ${table}: ${archived} archived${kept > 0 ? `, ${kept} kept (still referenced by live rows)` : ''}`)
      }
    }),
  )
}

export const BACKUP_GUIDE = `Backups of the sync server (details: docs/operations.md § Backups)

PostgreSQL holds everything that matters; Redis holds nothing that needs a backup (pokes, login throttles, job locks).

1. Nightly logical dump (custom format, restorable table by table, portable across major versions):
     pg_dump --format=custom --compress=6 --file=/var/backups/crm/crm-$(date +%F).dump "$DATABASE_URL"
   Keep e.g. 14 daily + 8 weekly dumps, and copy them off the host.

2. Point-in-time recovery (optional, for losing at most minutes): a base backup plus WAL archiving.
     postgresql.conf:  wal_level = replica
                       archive_mode = on
                       archive_command = 'test ! -f /var/backups/crm/wal/%f && cp %p /var/backups/crm/wal/%f'
     weekly:           pg_basebackup -D /var/backups/crm/base-$(date +%F) -Ft -z -X stream -c fast -P
   Restore: unpack a base backup into an empty data directory, set restore_command = 'cp /var/backups/crm/wal/%f %p'
   and recovery_target_time, touch recovery.signal, start PostgreSQL.

3. Restore drill (do it every quarter, on a scratch database):
     createdb crm_restore_test
     pg_restore --dbname=crm_restore_test --jobs=4 --no-owner /var/backups/crm/crm-YYYY-MM-DD.dump
     DATABASE_URL=postgres://…/crm_restore_test npm run sync-server -- migrate   # applies anything newer
   then point a test server at it and sign in.

After restoring a backup, devices keep their outboxes and push them again, but their pull cursors point into the
pre-restore history. Before starting the servers, make every device re-sync (its next pull answers 410):
     psql "$DATABASE_URL" -c "INSERT INTO sync_gc_state (id, floor_txid, floor_id, horizon)
       VALUES (1, pg_current_xact_id(), 9223372036854775807, now()) ON CONFLICT (id) DO UPDATE
       SET floor_txid = EXCLUDED.floor_txid, floor_id = EXCLUDED.floor_id, horizon = now(), collected_at = now()"`

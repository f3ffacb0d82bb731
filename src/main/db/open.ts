/**
 * Opens (creating if needed) the device replica: a SQLite file with the Drizzle schema of src/main/db/schema, brought
 * up to date by the generated migrations in drizzle/sqlite. Electron-free, so the local core and its tests use it
 * under plain Node; the Electron layer passes the migrations folder it ships in resources.
 *
 * Foreign keys are OFF on purpose. The device is a partial replica: a user's scope may hold a contact whose branch's
 * other contacts it never sees, a pull page may deliver a child before its parent, and a row that leaves scope is
 * removed while rows that point at it may stay. Referential integrity is the server's job (PostgreSQL enforces every
 * foreign key and unique constraint when a change is pushed); the foreign keys declared in the device schema document
 * the relations and are what the parity test compares, but the device never refuses a write or a pulled page because
 * of them.
 */
import { fileURLToPath } from 'node:url'
import type Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema'
import { resumeSearchIndex } from './search-index'
import { openKeyedDatabase } from './encryption'
import { refreshStatistics } from './statistics'

export type ReplicaSchema = typeof schema
export type ReplicaDatabase = BetterSQLite3Database<ReplicaSchema>

export interface Replica {
  readonly sqlite: Database.Database
  readonly db: ReplicaDatabase
}

export interface OpenReplicaOptions {
  /** Where the generated migrations are. Default: <repo>/drizzle/sqlite (Electron passes its resources path). */
  readonly migrationsFolder?: string
  /**
   * The replica's encryption key (src/main/db/encryption.ts): a plain file is converted on open, a wrong key fails with
   * ReplicaKeyError before anything else runs. Without a key the file is plain (unit tests, the bench's baseline).
   */
  readonly key?: Buffer
}

export const SQLITE_MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../drizzle/sqlite', import.meta.url))

/** How long a statement waits for another connection's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000

export function openReplica(file: string, options: OpenReplicaOptions = {}): Replica {
  const sqlite = openKeyedDatabase(file, options.key)
  try {
    // WAL: readers (the UI's queries) never wait for the writer (a pulled page being applied), and commits are fast.
    sqlite.pragma('journal_mode = WAL')
    // FULL, not NORMAL: in WAL mode NORMAL can lose the last committed transactions on a power cut or OS crash, and
    // on a laptop those are a consultant's unsynced edits that exist nowhere else. The cost is one WAL fsync per
    // commit — per user action, or per pulled page of thousands of rows — which nobody notices.
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    sqlite.pragma('foreign_keys = OFF')

    const db = drizzle(sqlite, { schema })
    migrate(db, { migrationsFolder: options.migrationsFolder ?? SQLITE_MIGRATIONS_FOLDER })
    // drizzle-kit's table-rebuilding migrations end with "PRAGMA foreign_keys=ON"; the replica must stay OFF.
    sqlite.pragma('foreign_keys = OFF')
    // A bulk load that paused the search triggers and never finished (crash, quit) must not leave search stale.
    resumeSearchIndex(sqlite)
    // Planner statistics for a long-lived connection (statistics.ts): bounded, ~0.1 s once on a 100k-row replica.
    refreshStatistics(sqlite)
    return { sqlite, db }
  } catch (error) {
    sqlite.close()
    throw error
  }
}

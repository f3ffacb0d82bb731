/**
 * Encryption at rest of the device replica. The SQLite library is better-sqlite3-multiple-ciphers (SQLite3 Multiple
 * Ciphers behind the better-sqlite3 API, installed under the name `better-sqlite3`, see package.json), so Drizzle, the
 * migrations and FTS5 work unchanged on the encrypted file. The file uses the SQLCipher v4 scheme (AES-256-CBC,
 * HMAC-SHA512 per 4 KiB page): a support engineer can open a copy with the stock `sqlcipher` shell and the raw key.
 *
 * The key is 32 random bytes (replica-key.ts) given as a raw key, so SQLCipher's PBKDF2 step (256,000 rounds, there to
 * stretch a human password) is skipped: a random 256-bit key needs no stretching, and opening stays instant.
 */
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { isValidReplicaKey, loadOrCreateReplicaKey, ReplicaKeyError, type ReplicaKeyStore } from './replica-key'

const SQLITE_HEADER = 'SQLite format 3\u0000'

/** Every page of an unencrypted SQLite file starts with this header; an encrypted one starts with random salt. */
export function isPlainSqliteFile(file: string): boolean {
  if (!existsSync(file)) return false
  const fd = openSync(file, 'r')
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length)
    const read = readSync(fd, header, 0, header.length, 0)
    return read === header.length && header.toString('latin1') === SQLITE_HEADER
  } finally {
    closeSync(fd)
  }
}

const DECRYPTED_PAGE_CACHE_KIB = 64 * 1024

/** `x'…'`: the raw-key form of PRAGMA key (no key derivation). */
function rawKeyLiteral(key: Buffer): string {
  return `"x'${key.toString('hex')}'"`
}

/** The cipher scheme, set before the key on every connection (SQLite3 Multiple Ciphers' default is ChaCha20). */
function selectCipher(sqlite: Database.Database): void {
  sqlite.pragma(`cipher = 'sqlcipher'`)
  sqlite.pragma('legacy = 4')
}

/**
 * Unlocks a freshly opened connection with the key, before any other statement. SQLite reads nothing until the first
 * query, so the check below is what turns a wrong key into a clear error instead of a failure on the first screen.
 */
export function applyReplicaKey(sqlite: Database.Database, key: Buffer): void {
  selectCipher(sqlite)
  sqlite.pragma(`key = ${rawKeyLiteral(key)}`)
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch (error) {
    // Kept as the cause: its SQLite code (SQLITE_NOTADB, SQLITE_CORRUPT) names the failure in the recovery window.
    throw new ReplicaKeyError('wrong', `The device database cannot be opened with its key (${(error as Error).message})`, { cause: error })
  }
  // SQLite's own page cache holds pages decrypted; a page read again from the OS cache is decrypted (and its HMAC
  // checked) again. 64 MiB instead of the build's 16 MiB keeps a laptop's whole working set decrypted in memory.
  sqlite.pragma(`cache_size = -${DECRYPTED_PAGE_CACHE_KIB}`)
}

/** The tables whose row counts must match after a conversion (everything but SQLite's own and the FTS shadow tables). */
function rowCounts(sqlite: Database.Database): Map<string, number> {
  const tables = sqlite
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
    )
    .all()
  return new Map(tables.map(({ name }) => [name, sqlite.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get()!.n]))
}

function removeSidecars(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true })
}

/**
 * Converts a plain replica (every install before encryption) into an encrypted one, in place. The original stays
 * untouched until an encrypted copy holding exactly the same rows (outbox included) has been written and re-read with
 * the key; only then is it replaced, by an atomic rename. A crash at any point leaves either the plain file (converted
 * again at the next start) or the encrypted one — never a mix, never a lost edit.
 *
 * What this cannot do: erase the plain bytes the old file left on the disk's free space (SSDs remap writes). The
 * operating system's full-disk encryption (BitLocker, FileVault) covers that; docs/security.md says so.
 */
export function encryptPlainReplica(file: string, key: Buffer): void {
  const temp = `${file}.encrypting`
  rmSync(temp, { force: true })
  removeSidecars(temp)
  const plain = new Database(file)
  let expected: Map<string, number>
  try {
    // Fold the WAL into the main file so the copy below sees every committed transaction.
    plain.pragma('wal_checkpoint(TRUNCATE)')
    expected = rowCounts(plain)
    // A compact, consistent plain copy; encrypted in place below before anything else reads it.
    plain.prepare('VACUUM INTO ?').run(temp)
  } finally {
    plain.close()
  }

  const copy = new Database(temp)
  try {
    selectCipher(copy)
    // rekey on an unencrypted database encrypts every page (it refuses WAL mode, hence DELETE while converting).
    copy.pragma('journal_mode = DELETE')
    copy.pragma(`rekey = ${rawKeyLiteral(key)}`)
  } finally {
    copy.close()
  }

  const check = new Database(temp)
  try {
    applyReplicaKey(check, key)
    const actual = rowCounts(check)
    for (const [table, count] of expected) {
      if (actual.get(table) !== count) {
        throw new Error(`Encrypting the device database lost rows of ${table} (${count} → ${actual.get(table) ?? 'missing'}); the plain file is kept`)
      }
    }
  } catch (error) {
    check.close()
    rmSync(temp, { force: true })
    throw error
  }
  check.close()
  if (isPlainSqliteFile(temp)) {
    rmSync(temp, { force: true })
    throw new Error('Encrypting the device database produced a plain file; the plain file is kept')
  }
  removeSidecars(file)
  renameSync(temp, file)
  removeSidecars(temp)
}

/**
 * Opens the replica file with its key: converts a plain file first, fails with ReplicaKeyError on a wrong key (the
 * connection is closed again, nothing half open). No key: a plain connection, as before encryption.
 */
export function openKeyedDatabase(file: string, key: Buffer | undefined): Database.Database {
  if (key === undefined) return new Database(file)
  if (isPlainSqliteFile(file)) encryptPlainReplica(file, key)
  const sqlite = new Database(file)
  try {
    applyReplicaKey(sqlite, key)
  } catch (error) {
    sqlite.close()
    throw error
  }
  return sqlite
}

/**
 * Read-only access to a replica that may be damaged (salvage, "export what is readable"): unlocked with the key when
 * the file is encrypted, never converted or written. Throws like `new Database` when the file cannot be opened at all.
 */
export function openReplicaReadOnly(file: string, key: Buffer | undefined): Database.Database {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true })
  if (key === undefined || isPlainSqliteFile(file)) return sqlite
  try {
    applyReplicaKey(sqlite, key)
  } catch (error) {
    sqlite.close()
    throw error
  }
  return sqlite
}

/** The replica and every file SQLite keeps beside it (and a conversion's leftover), for a wipe. */
export function replicaFiles(file: string): string[] {
  return [file, ...['-wal', '-shm', '-journal', '.encrypting', '.encrypting-journal'].map((suffix) => `${file}${suffix}`)]
}

/**
 * The key for the replica at `file`, made on first run. An encrypted replica whose key is gone (the OS keychain was
 * reset, the key file deleted) is not given a new key: that would only turn "unreadable" into "wrong key" later.
 */
export function replicaKeyFor(file: string, store: ReplicaKeyStore): Buffer {
  const stored = store.load()
  if (stored) {
    if (!isValidReplicaKey(stored)) throw new ReplicaKeyError('unreadable', 'The stored database key has the wrong length')
    return stored
  }
  if (existsSync(file) && statSync(file).size > 0 && !isPlainSqliteFile(file)) {
    throw new ReplicaKeyError('missing', 'The device database is encrypted but its key is missing on this PC')
  }
  return loadOrCreateReplicaKey(store)
}

/**
 * The key the device replica is encrypted with: 32 random bytes made on first run, one per installation. Nobody types
 * it and the server never sees it — it only has to be unreadable for someone who copies the laptop's disk. Where it is
 * kept is the caller's choice: Electron keeps it encrypted with safeStorage (src/main/electron/replica-key-store.ts);
 * the web harness and the tests keep it in a 0600 file beside the database (createFileKeyStore below).
 *
 * Synchronous on purpose: opening the replica (better-sqlite3) is synchronous, and so is safeStorage.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { writeFileDurablySync } from '../core/files/durable-write'

/** 256 bits: the replica is encrypted with AES-256 (SQLCipher v4 scheme); the key is used as is, no KDF. */
export const REPLICA_KEY_BYTES = 32

export interface ReplicaKeyStore {
  /** The stored key, or null when none was ever made (first run, or after a wipe). Throws when it cannot be read. */
  load(): Buffer | null
  save(key: Buffer): void
  /** Forgets the key (wipe). Idempotent. */
  clear(): void
}

/**
 * The replica cannot be unlocked. `missing` / `unreadable`: the key itself cannot be loaded (the app says so and quits,
 * nothing half opens). `wrong`: the key loaded but does not open the file — SQLCipher cannot tell a wrong key from a
 * foreign file or a damaged first page (all are SQLITE_NOTADB), so main treats it as a damaged file (recovery window).
 */
export class ReplicaKeyError extends Error {
  override readonly name = 'ReplicaKeyError'
  constructor(
    readonly reason: 'missing' | 'unreadable' | 'wrong',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

export function isValidReplicaKey(key: Buffer): boolean {
  return key.length === REPLICA_KEY_BYTES
}

/** The stored key, or a new random one saved before it is used (a key the store failed to keep must never encrypt data). */
export function loadOrCreateReplicaKey(store: ReplicaKeyStore, generate: () => Buffer = () => randomBytes(REPLICA_KEY_BYTES)): Buffer {
  const existing = store.load()
  if (existing) {
    if (!isValidReplicaKey(existing)) throw new ReplicaKeyError('unreadable', 'The stored database key has the wrong length')
    return existing
  }
  const key = generate()
  store.save(key)
  return key
}

/** Where the harness and the tests keep the key by default: `<db file>.key`. */
export function keyFileBeside(dbFile: string): string {
  return `${dbFile}.key`
}

/**
 * The key as hex in a file only its owner can read. A development and test stand-in for the OS keychain — it protects
 * against other users of the machine, not against someone holding the disk.
 */
export function createFileKeyStore(file: string): ReplicaKeyStore {
  return {
    load() {
      let text: string
      try {
        text = readFileSync(file, 'utf8').trim()
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw new ReplicaKeyError('unreadable', `The database key file cannot be read: ${(error as Error).message}`)
      }
      if (!/^[0-9a-f]+$/i.test(text)) throw new ReplicaKeyError('unreadable', 'The database key file is damaged')
      return Buffer.from(text, 'hex')
    },
    save(key) {
      mkdirSync(path.dirname(file), { recursive: true })
      // Durably (fsync, rename, directory fsync) and private (0600 whatever the umask): see durable-write.ts.
      writeFileDurablySync(file, key.toString('hex'), { mode: 0o600 })
    },
    clear() {
      rmSync(file, { force: true })
    },
  }
}

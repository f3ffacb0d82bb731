/**
 * The replica's encryption key (src/main/db/replica-key.ts), kept encrypted with Electron's safeStorage — the same
 * protection as the sign-in tokens (secrets.ts): DPAPI on Windows, the Keychain on macOS, the desktop's secret service
 * on Linux. The file holds only ciphertext; without the OS account's keychain it opens nothing.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { writeFileDurablySync } from '../core/files/durable-write'
import path from 'node:path'
import { IpcFailure } from '../../shared/ipc/errors'
import { ReplicaKeyError, type ReplicaKeyStore } from '../db/replica-key'
import { type SafeStorageLike } from './secrets'

export interface SafeStorageKeyStoreOptions {
  readonly file: string
  readonly safeStorage: SafeStorageLike
  readonly platform?: NodeJS.Platform
}

export function createSafeStorageKeyStore(options: SafeStorageKeyStoreOptions): ReplicaKeyStore {
  const { file, safeStorage } = options
  const platform = options.platform ?? process.platform

  return {
    load() {
      let cipher: Buffer
      try {
        cipher = readFileSync(file)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw new ReplicaKeyError('unreadable', `The database key file cannot be read: ${(error as Error).message}`)
      }
      // Unlike the tokens, an unreadable key is never deleted: the replica may hold unsent edits, and the OS keychain
      // may only be locked for now. The app says so and quits; nothing is half opened.
      if (!safeStorage.isEncryptionAvailable()) throw new ReplicaKeyError('unreadable', 'The OS keychain is not available to unlock the database key')
      let hex: string
      try {
        hex = safeStorage.decryptString(cipher)
      } catch (error) {
        throw new ReplicaKeyError('unreadable', `The OS keychain cannot decrypt the database key: ${(error as Error).message}`)
      }
      if (!/^[0-9a-f]+$/i.test(hex)) throw new ReplicaKeyError('unreadable', 'The database key file is damaged')
      return Buffer.from(hex, 'hex')
    },
    save(key) {
      if (!safeStorage.isEncryptionAvailable()) throw new IpcFailure('secrets.encryptionUnavailable')
      // On Linux without a secret service Chromium falls back to a hard-coded key: that is obfuscation, not encryption.
      if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') throw new IpcFailure('secrets.encryptionUnavailable')
      mkdirSync(path.dirname(file), { recursive: true })
      // Durably: the database is encrypted with this key right after, and a key lost in a power cut loses the data.
      writeFileDurablySync(file, safeStorage.encryptString(key.toString('hex')), { mode: 0o600 })
    },
    clear() {
      rmSync(file, { force: true })
    },
  }
}

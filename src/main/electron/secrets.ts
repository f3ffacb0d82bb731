/**
 * The core's TokenStore, encrypted with Electron's safeStorage (DPAPI on Windows, Keychain on macOS, the desktop's
 * secret service on Linux). The file holds only ciphertext; decrypted tokens live in main's memory and no IPC channel
 * returns them.
 */
import { type SafeStorage } from 'electron'
import { mkdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { IpcFailure } from '../../shared/ipc/errors'
import { writeFileDurably } from '../core/files/durable-write'
import { type StoredTokens, type TokenStore } from '../core/sync/tokens'

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>

export interface SafeTokenStoreOptions {
  readonly file: string
  readonly safeStorage: SafeStorageLike
  readonly platform?: NodeJS.Platform
}

function isStoredTokens(value: unknown): value is StoredTokens {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return ['accessToken', 'refreshToken', 'userId', 'serverUrl'].every((key) => typeof v[key] === 'string' && v[key] !== '')
}

export function createSafeStorageTokenStore(options: SafeTokenStoreOptions): TokenStore {
  const { file, safeStorage } = options
  const platform = options.platform ?? process.platform

  const assertStrongEncryption = (): void => {
    if (!safeStorage.isEncryptionAvailable()) throw new IpcFailure('secrets.encryptionUnavailable')
    // On Linux without a secret service Chromium falls back to a hard-coded key: that is obfuscation, not encryption.
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      throw new IpcFailure('secrets.encryptionUnavailable')
    }
  }

  return {
    async load() {
      let cipher: Buffer
      try {
        cipher = await readFile(file)
      } catch {
        return null
      }
      try {
        if (!safeStorage.isEncryptionAvailable()) return null
        const parsed: unknown = JSON.parse(safeStorage.decryptString(cipher))
        return isStoredTokens(parsed) ? parsed : null
      } catch {
        // Unreadable (OS key changed, file damaged): the user signs in again; a stale file must not linger.
        await rm(file, { force: true })
        return null
      }
    },
    async save(tokens) {
      assertStrongEncryption()
      await mkdir(path.dirname(file), { recursive: true })
      // Durable (temp, fsync, rename): a crash right after a refresh-token rotation keeps the old or the new tokens.
      await writeFileDurably(file, safeStorage.encryptString(JSON.stringify(tokens)), { mode: 0o600 })
    },
    async clear() {
      await rm(file, { force: true })
    },
  }
}

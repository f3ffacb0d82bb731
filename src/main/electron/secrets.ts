/**
 * A TokenStore encrypted with Electron's safeStorage (DPAPI on Windows, Keychain on macOS, the desktop's secret
 * service on Linux). The file holds only ciphertext; decrypted tokens live in main's memory and are never sent over IPC.
 */
import { type SafeStorage } from 'electron'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { IpcFailure } from '../../shared/ipc/errors'
import { type SessionTokens, type TokenStore } from '../token-store'

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>

export interface SafeTokenStoreOptions {
  readonly file: string
  readonly safeStorage: SafeStorageLike
  readonly platform?: NodeJS.Platform
}

function isSessionTokens(value: unknown): value is SessionTokens {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.serverUrl === 'string' && typeof v.userId === 'string' && typeof v.refreshToken === 'string'
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
    load() {
      let cipher: Buffer
      try {
        cipher = readFileSync(file)
      } catch {
        return null
      }
      try {
        if (!safeStorage.isEncryptionAvailable()) return null
        const parsed: unknown = JSON.parse(safeStorage.decryptString(cipher))
        return isSessionTokens(parsed) ? parsed : null
      } catch {
        // Unreadable (OS key changed, file damaged): the user signs in again; a stale file must not linger.
        rmSync(file, { force: true })
        return null
      }
    },
    save(tokens) {
      assertStrongEncryption()
      mkdirSync(path.dirname(file), { recursive: true })
      const tmp = `${file}.${process.pid}.tmp`
      writeFileSync(tmp, safeStorage.encryptString(JSON.stringify(tokens)), { mode: 0o600 })
      renameSync(tmp, file)
    },
    clear() {
      rmSync(file, { force: true })
    },
  }
}

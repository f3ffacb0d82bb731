import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSafeStorageTokenStore, type SafeStorageLike } from './secrets'

// A reversible stand-in for the OS keychain: enough to prove the file never holds the plain token.
const fakeSafeStorage = (
  available = true,
  backend: ReturnType<NonNullable<SafeStorageLike['getSelectedStorageBackend']>> = 'gnome_libsecret',
): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (cipher) => Buffer.from(cipher.map((b) => b ^ 0x5a)).toString('utf8'),
  getSelectedStorageBackend: () => backend,
})

const tokens = { serverUrl: 'https://sync.augu.kr', userId: 'u-1', accessToken: 'access-secret', refreshToken: 'refresh-secret-0123456789' }
const dirs: string[] = []
const tempFile = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-secrets-'))
  dirs.push(dir)
  return path.join(dir, 'nested', 'session.bin')
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('safeStorage token store', () => {
  it('round-trips tokens through an encrypted, owner-only file', async () => {
    const file = tempFile()
    const store = createSafeStorageTokenStore({ file, safeStorage: fakeSafeStorage(), platform: 'linux' })
    expect(await store.load()).toBeNull()
    await store.save(tokens)
    expect(readFileSync(file).toString('utf8')).not.toContain('secret')
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0)
    expect(await store.load()).toEqual(tokens)
    await store.clear()
    expect(existsSync(file)).toBe(false)
    expect(await store.load()).toBeNull()
  })

  it('refuses to save without real encryption rather than writing plain text', async () => {
    const file = tempFile()
    const unavailable = createSafeStorageTokenStore({ file, safeStorage: fakeSafeStorage(false), platform: 'win32' })
    await expect(unavailable.save(tokens)).rejects.toMatchObject({ code: 'secrets.encryptionUnavailable' })
    const basicText = createSafeStorageTokenStore({ file, safeStorage: fakeSafeStorage(true, 'basic_text'), platform: 'linux' })
    await expect(basicText.save(tokens)).rejects.toMatchObject({ code: 'secrets.encryptionUnavailable' })
    expect(existsSync(file)).toBe(false)
  })

  it('forgets a file it cannot read instead of failing the app start', async () => {
    const file = tempFile()
    const store = createSafeStorageTokenStore({ file, safeStorage: fakeSafeStorage(), platform: 'darwin' })
    await store.save(tokens)
    writeFileSync(file, 'garbage')
    expect(await store.load()).toBeNull()
    expect(existsSync(file)).toBe(false)
  })
})

/**
 * The replica's key is saved durably by both key stores: the database is encrypted with it right after, so a key file
 * lost in a power cut (written but not fsynced) would make the whole replica, unsent edits included, unreadable.
 */
import { randomBytes } from 'node:crypto'
import { readdirSync, statSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { observeDurableWriteSteps, type DurableWriteStep } from '../core/files/durable-write'
import { createTempDir, type TempDir } from '../../../test/support/device/fixtures'
import { createFileKeyStore, REPLICA_KEY_BYTES } from '../db/replica-key'
import { createSafeStorageKeyStore } from './replica-key-store'

describe('durable replica-key writes (the database is encrypted with the key right after it is saved)', () => {
  let dir: TempDir
  afterEach(() => {
    observeDurableWriteSteps(null)
    dir.remove()
  })

  it('both key stores fsync the key file and its directory, and keep it private; a crash before the rename keeps no key', () => {
    dir = createTempDir()
    const safeStorage = {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from(`enc:${s}`),
      decryptString: (b: Buffer) => b.toString().slice(4),
    }
    const stores = [createFileKeyStore(dir.file('file.key')), createSafeStorageKeyStore({ file: dir.file('safe.key'), safeStorage, platform: 'darwin' })]
    const key = randomBytes(REPLICA_KEY_BYTES)
    for (const [i, store] of stores.entries()) {
      const steps: DurableWriteStep[] = []
      observeDurableWriteSteps((step) => steps.push(step))
      store.save(key)
      observeDurableWriteSteps(null)
      expect(steps).toEqual(['written', 'synced', 'renamed', 'directory-synced'])
      expect(store.load()).toEqual(key)
      expect(statSync(dir.file(i === 0 ? 'file.key' : 'safe.key')).mode & 0o777).toBe(0o600)
    }
    const fresh = createFileKeyStore(dir.file('crash.key'))
    observeDurableWriteSteps((step) => {
      if (step === 'synced') throw new Error('crash')
    })
    expect(() => fresh.save(key)).toThrow('crash')
    observeDurableWriteSteps(null)
    expect(fresh.load()).toBeNull()
    expect(readdirSync(dir.path).filter((name) => name.startsWith('crash.key'))).toEqual([])
  })
})

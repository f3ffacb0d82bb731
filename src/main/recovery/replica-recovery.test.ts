/**
 * Which open failures the recovery window handles and which ones are an error box, now that the replica is encrypted
 * (issue 18): SQLCipher reports a foreign file, a damaged first page and a wrong key all as "file is not a database",
 * which the encrypted open turns into ReplicaKeyError('wrong') — a damaged file, not a missing key.
 */
import { randomBytes } from 'node:crypto'
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { IpcFailure } from '../../shared/ipc/errors'
import { createTempDir, type TempDir } from '../../../test/support/device/fixtures'
import { openReplica } from '../db/open'
import { classifyReplicaError } from '../db/replica-health'
import { REPLICA_KEY_BYTES, ReplicaKeyError } from '../db/replica-key'
import { describeOpenFailure, isReplicaKeyUnavailable } from './replica-recovery'

let dir: TempDir
afterEach(() => dir?.remove())

/** The error the device's open throws for this file and key. */
function openError(file: string, key: Buffer): unknown {
  try {
    openReplica(file, { key }).sqlite.close()
  } catch (error) {
    return error
  }
  throw new Error('the replica opened')
}

describe('an encrypted replica that cannot be opened', () => {
  it('a foreign file and a damaged first page are named for the recovery window, not the key error box', () => {
    dir = createTempDir()
    const key = randomBytes(REPLICA_KEY_BYTES)
    const foreign = dir.file('foreign.sqlite')
    writeFileSync(foreign, 'holiday notes\n'.repeat(500))
    const foreignError = openError(foreign, key)
    expect(foreignError).toBeInstanceOf(ReplicaKeyError)
    expect(isReplicaKeyUnavailable(foreignError)).toBe(false)
    expect(describeOpenFailure(foreignError, foreign)).toMatchObject({ kind: 'not-a-database' })

    const damaged = dir.file('damaged.sqlite')
    openReplica(damaged, { key }).sqlite.close()
    const fd = openSync(damaged, 'r+')
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 0)
    closeSync(fd)
    const damagedError = openError(damaged, key)
    expect(isReplicaKeyUnavailable(damagedError)).toBe(false)
    expect(classifyReplicaError(damagedError)).toBe('not-a-database')
  })

  it('keeps the SQLite code of a damaged file the key unlocked: SQLITE_CORRUPT under a key error is "damaged"', () => {
    const corrupt = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' })
    expect(classifyReplicaError(new ReplicaKeyError('wrong', 'cannot be opened with its key', { cause: corrupt }))).toBe('damaged')
  })

  it('a key that cannot be loaded at all, or no OS keychain, is the error box', () => {
    expect(isReplicaKeyUnavailable(new ReplicaKeyError('missing', 'gone'))).toBe(true)
    expect(isReplicaKeyUnavailable(new ReplicaKeyError('unreadable', 'keychain locked'))).toBe(true)
    expect(isReplicaKeyUnavailable(new IpcFailure('secrets.encryptionUnavailable'))).toBe(true)
    expect(isReplicaKeyUnavailable(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBe(false)
  })
})

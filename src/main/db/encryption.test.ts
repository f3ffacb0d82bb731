/**
 * Encryption at rest of the replica, on real files: no plaintext on disk, a plain replica converted in place with every
 * row and outbox entry, a missing or wrong key refused before anything runs, FTS5 search working on the encrypted file.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openRepoTestDevice } from '../../../test/support/device/repos'
import { createTempDir, type TempDir } from '../../../test/support/device/fixtures'
import { isPlainSqliteFile, replicaFiles, replicaKeyFor } from './encryption'
import { openReplica } from './open'
import { createFileKeyStore, keyFileBeside, REPLICA_KEY_BYTES, ReplicaKeyError } from './replica-key'

const COMPANY_NAME = '한빛정밀공업'
const PHONE = '010-4827-3391'
const ACTOR = { id: '0190a000-0000-7000-8000-0000000000a1', tier: 'MANAGER' as const }

let dir: TempDir
beforeEach(() => {
  dir = createTempDir('crm-encryption-')
})
afterEach(() => dir.remove())

/** Every byte SQLite may have written for the replica: the file and its WAL. */
function bytesOnDisk(file: string): Buffer {
  return Buffer.concat(
    replicaFiles(file)
      .filter((f) => existsSync(f))
      .map((f) => readFileSync(f)),
  )
}

/** A plain replica (as every install before encryption has) with rows and unsent edits of a signed-in user. */
function plainReplicaWithEdits(file: string, companies: number): void {
  const device = openRepoTestDevice(file)
  device.addUser({ id: ACTOR.id, lastName: '김', firstName: '민준' })
  device.signInAs(ACTOR)
  for (let i = 0; i < companies; i += 1) {
    const id = `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`
    device.writer.upsert('companies', id, { code: `C-${i}`, name: i === 0 ? COMPANY_NAME : `고객사 ${i}` })
    device.writer.upsert('branches', `0190a000-0000-7000-9000-${String(i).padStart(12, '0')}`, {
      code: `B-${i}`,
      company_id: id,
      name: '본사',
      phone: i === 0 ? PHONE : null,
    })
  }
  device.close()
}

describe('encrypted replica', () => {
  it('keeps no plaintext of a company name or phone number on disk, and searches the encrypted file', () => {
    const file = dir.file('crm.sqlite')
    const key = replicaKeyFor(file, createFileKeyStore(keyFileBeside(file)))
    const { sqlite } = openReplica(file, { key })
    sqlite.prepare(`INSERT INTO companies (id, code, name, created_at, updated_at) VALUES ('c1', 'C-1', ?, '2026-01-01', '2026-01-01')`).run(COMPANY_NAME)
    sqlite
      .prepare(
        `INSERT INTO branches (id, company_id, code, name, phone, created_at, updated_at) VALUES ('b1', 'c1', 'B-1', '본사', ?, '2026-01-01', '2026-01-01')`,
      )
      .run(PHONE)
    // FTS5 over the encrypted pages: the search index works as on a plain file.
    const hits = sqlite.prepare<[string], { entity_id: string }>('SELECT entity_id FROM search_index WHERE search_index MATCH ?').all('"한빛정밀"')
    expect(hits.map((hit) => hit.entity_id)).toContain('c1')
    const onDiskWhileOpen = bytesOnDisk(file)
    sqlite.close()

    for (const bytes of [onDiskWhileOpen, bytesOnDisk(file)]) {
      expect(bytes.includes(Buffer.from(COMPANY_NAME))).toBe(false)
      expect(bytes.includes(Buffer.from(PHONE))).toBe(false)
      expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false)
    }
    expect(isPlainSqliteFile(file)).toBe(false)
    const keyFile = keyFileBeside(file)
    expect(statSync(keyFile).mode & 0o077).toBe(0)
    expect(readFileSync(keyFile, 'utf8')).toMatch(new RegExp(`^[0-9a-f]{${REPLICA_KEY_BYTES * 2}}$`))
  })

  it('converts a plain replica in place, keeping every row and every unsent edit', () => {
    const file = dir.file('crm.sqlite')
    plainReplicaWithEdits(file, 120)
    expect(isPlainSqliteFile(file)).toBe(true)
    const before = openReplica(file)
    const count = (sql: string): number => (before.sqlite.prepare(sql).get() as { n: number }).n
    const expected = { companies: count('SELECT count(*) AS n FROM companies'), branches: count('SELECT count(*) AS n FROM branches') }
    const outboxBefore = before.sqlite.prepare('SELECT * FROM outbox ORDER BY seq').all()
    before.sqlite.close()
    expect(expected.companies).toBe(120)
    expect(outboxBefore).toHaveLength(240)

    const key = replicaKeyFor(file, createFileKeyStore(keyFileBeside(file)))
    const after = openReplica(file, { key })
    try {
      expect(after.sqlite.prepare('SELECT count(*) AS n FROM companies').get()).toEqual({ n: expected.companies })
      expect(after.sqlite.prepare('SELECT count(*) AS n FROM branches').get()).toEqual({ n: expected.branches })
      expect(after.sqlite.prepare('SELECT * FROM outbox ORDER BY seq').all()).toEqual(outboxBefore)
      expect(after.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    } finally {
      after.sqlite.close()
    }
    expect(isPlainSqliteFile(file)).toBe(false)
    expect(bytesOnDisk(file).includes(Buffer.from(COMPANY_NAME))).toBe(false)
    expect(existsSync(`${file}.encrypting`)).toBe(false)
  })

  it('refuses a wrong key and a missing key with a clear error, leaving the file as it was', () => {
    const file = dir.file('crm.sqlite')
    const store = createFileKeyStore(keyFileBeside(file))
    openReplica(file, { key: replicaKeyFor(file, store) }).sqlite.close()
    const bytes = readFileSync(file)

    const wrong = Buffer.alloc(REPLICA_KEY_BYTES, 7)
    expect(() => openReplica(file, { key: wrong })).toThrow(ReplicaKeyError)
    expect(() => openReplica(file, { key: wrong })).toThrow(/cannot be opened with its key/)
    // Without any key the file is not a database at all: a plain open fails too, before migrations.
    expect(() => openReplica(file)).toThrow(/not a database/)

    store.clear()
    expect(() => replicaKeyFor(file, store)).toThrow(expect.objectContaining({ name: 'ReplicaKeyError', reason: 'missing' }))
    // No new key was made for the orphaned file: a new key would only hide the problem.
    expect(existsSync(keyFileBeside(file))).toBe(false)
    writeFileSync(keyFileBeside(file), 'not hex!')
    expect(() => replicaKeyFor(file, store)).toThrow(expect.objectContaining({ reason: 'unreadable' }))
    expect(readFileSync(file).equals(bytes)).toBe(true)
  })
})

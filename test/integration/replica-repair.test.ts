/**
 * Issue 13: a damaged replica is noticed on open and rebuilt from the server without losing unsent work.
 *
 * A signed-in device holds synced companies and unsent offline edits; its file is then damaged the way a copy taken
 * mid-write or a bad sector damages it (pages overwritten with garbage — an index b-tree of the companies table, so
 * lists still work and only the integrity check notices) and one outbox row is the kind of garbage seen in the field
 * (sequence 1099511627781, beyond anything the outbox ever assigned). On open the quick check fails; the file is set
 * aside, a fresh replica is created with the device's identity and the valid outbox entries, and a sync pushes those
 * entries and pulls everything back.
 */
import { existsSync, openSync, readdirSync, writeSync, closeSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openReplica } from '../../src/main/db/open'
import { isPlainSqliteFile, openKeyedDatabase, openReplicaReadOnly } from '../../src/main/db/encryption'
import { REPLICA_KEY_BYTES } from '../../src/main/db/replica-key'
import { checkReplicaIntegrity } from '../../src/main/db/replica-health'
import { openCheckedReplica } from '../../src/main/db/replica-rebuild'
import { SYNCED_TABLES } from '../../src/shared/model/tables'
import type { TestDevice } from '../support/device/test-device'
import type { TestUser } from '../../sync-server/test/support'
import { localRow, newId, startHarness, uniqueCode, type Harness } from '../support/sync-harness'

let h: Harness
let user: TestUser

beforeAll(async () => {
  h = await startHarness()
  user = await h.user('EXECUTIVE', '김대표')
}, 60_000)
afterAll(async () => {
  await h?.close()
})

const knownTables = new Set<string>(SYNCED_TABLES)

/** The app's replica is encrypted (issue 18): the damage and the repair go through the key, as on a laptop. */
const key = randomBytes(REPLICA_KEY_BYTES)

/** Overwrites every page of one b-tree (table or index) with garbage, as a torn copy or a bad sector would. */
function smashBtree(file: string, name: string): number {
  const db = openReplicaReadOnly(file, key)
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const pages = (db.prepare('SELECT pageno FROM dbstat WHERE name = ?').all(name) as { pageno: number }[]).map((r) => r.pageno)
  db.close()
  const fd = openSync(file, 'r+')
  const garbage = Buffer.alloc(pageSize, 0xa5)
  for (const page of pages) writeSync(fd, garbage, 0, pageSize, (page - 1) * pageSize)
  closeSync(fd)
  return pages.length
}

describe('damaged replica', () => {
  it('is detected on open, set aside and rebuilt from the server with its valid unsent changes re-applied', async () => {
    let device: TestDevice = await h.signedInDevice(user, { name: 'laptop', key })
    // Synced rows: enough for a multi-page index.
    const synced: string[] = []
    device.writer.transaction(() => {
      for (let i = 0; i < 400; i++) {
        const id = newId()
        synced.push(id)
        device.writer.upsert('companies', id, { code: uniqueCode('C'), name: `동기화상사 ${i}`, account_manager_id: user.id })
      }
    })
    await h.catchUp(device)
    expect(device.writer.pendingCount()).toBe(0)
    expect(device.writer.rejectedCount()).toBe(0)

    // Unsent offline work: a new company and an edit of a synced one.
    const offline = newId()
    device.writer.upsert('companies', offline, { code: uniqueCode('C'), name: '오프라인에서 만든 회사' })
    device.writer.upsert('companies', synced[0]!, { name: '오프라인에서 고친 이름' })
    expect(device.writer.pendingCount()).toBe(2)
    const file = device.files.database
    await device.close()

    // The damage: an index of the companies table, and a garbage outbox row.
    const raw = openKeyedDatabase(file, key)
    raw
      .prepare(
        `INSERT INTO outbox (seq, table_name, row_id, op, fields, hlc, base, created_at, status)
       SELECT 1099511627781, table_name, row_id, op, fields, hlc, base, created_at, status FROM outbox ORDER BY seq LIMIT 1`,
      )
      .run()
    raw.pragma('wal_checkpoint(TRUNCATE)')
    raw.close()
    expect(smashBtree(file, 'companies_account_manager_id_idx')).toBeGreaterThan(0)

    // A plain open does not notice (this is what the field saw)…
    const plain = openReplica(file, { key })
    expect((plain.sqlite.prepare('SELECT COUNT(name) AS n FROM companies NOT INDEXED').get() as { n: number }).n).toBe(401)
    expect(checkReplicaIntegrity(plain.sqlite, 'quick').ok).toBe(false)
    plain.sqlite.close()

    // …the checked open does, and rebuilds.
    const checked = openCheckedReplica(file, { key, knownTables, now: new Date('2026-12-07T05:00:00Z') })
    expect(checked.integrity.ok).toBe(false)
    expect(checked.repaired).toMatchObject({ reason: 'damaged', keptChanges: 2, discardedChanges: 1, identityKept: true })
    expect(existsSync(checked.repaired!.setAsideFile)).toBe(true)
    expect(readdirSync(join(file, '..')).some((name) => name.includes('.damaged-20261207T050000Z'))).toBe(true)
    expect(checkReplicaIntegrity(checked.replica.sqlite, 'full').ok).toBe(true)
    expect((checked.replica.sqlite.prepare('SELECT COUNT(*) AS n FROM companies').get() as { n: number }).n).toBe(0)
    checked.replica.sqlite.close()
    // The rebuilt copy is encrypted with the same key; the set-aside file stays encrypted too.
    expect(isPlainSqliteFile(file)).toBe(false)
    expect(isPlainSqliteFile(checked.repaired!.setAsideFile)).toBe(false)

    // The app restarts on the rebuilt copy: still signed in, the kept changes are sent, everything comes back.
    device = h.device({ name: 'laptop', key })
    expect(device.writer.pendingCount()).toBe(2)
    await h.catchUp(device)
    expect(device.writer.pendingCount()).toBe(0)
    expect(device.writer.rejectedCount()).toBe(0)
    expect(localRow(device, 'companies', offline)).toMatchObject({ name: '오프라인에서 만든 회사' })
    expect(localRow(device, 'companies', synced[0]!)).toMatchObject({ name: '오프라인에서 고친 이름' })
    expect((device.sqlite.prepare('SELECT COUNT(*) AS n FROM companies').get() as { n: number }).n).toBe(401)
    const { rows } = await h.pool.query<{ name: string }>('SELECT name FROM companies WHERE id = $1', [synced[0]])
    expect(rows[0]?.name).toBe('오프라인에서 고친 이름')
    await device.close()
  }, 120_000)
})

import { closeSync, existsSync, openSync, writeSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { SYNCED_TABLES } from '../../shared/model/tables'
import { createTempDir, type TempDir } from '../../../test/support/device/fixtures'
import { openReplica } from './open'
import { isPlainSqliteFile, openReplicaReadOnly } from './encryption'
import { REPLICA_KEY_BYTES } from './replica-key'
import { checkReplicaIntegrity } from './replica-health'
import { setReplicaAside } from './replica-rebuild'
import { salvageReplica } from './replica-salvage'

const known = new Set<string>(SYNCED_TABLES)
const rowId = (n: number): string => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`

/** A replica whose outbox spans many pages (each entry ~1 KB of fields). */
function replicaWithOutbox(file: string, entries: number, key?: Buffer): void {
  const { sqlite } = openReplica(file, key ? { key } : {})
  const insert = sqlite.prepare(
    `INSERT INTO outbox (seq, table_name, row_id, op, fields, hlc, created_at, status) VALUES (?, 'companies', ?, 'upsert', ?, ?, ?, 'pending')`,
  )
  sqlite.transaction(() => {
    for (let seq = 1; seq <= entries; seq++) {
      insert.run(
        seq,
        rowId(seq),
        JSON.stringify({ name: `회사 ${seq}`, description: '메모 '.repeat(200) }),
        `2026-12-07T00:00:00.000Z-${seq.toString(16).padStart(4, '0')}-0123456789abcdef`,
        '2026-12-07T00:00:00.000Z',
      )
    }
    sqlite
      .prepare(`INSERT INTO sync_state (key, value) VALUES ('last_seq', ?), ('device_id', ?), ('user_id', ?)`)
      .run(String(entries), rowId(0xd1), rowId(0xa1))
  })()
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.close()
}

describe('salvaging a damaged replica', () => {
  let dir: TempDir
  afterEach(() => dir.remove())

  it('keeps the readable outbox entries on both sides of a smashed outbox page, and the identity', () => {
    dir = createTempDir()
    const file = dir.file('crm.sqlite')
    replicaWithOutbox(file, 300)
    const db = new Database(file, { readonly: true })
    const pageSize = db.pragma('page_size', { simple: true }) as number
    const leaves = (db.prepare(`SELECT pageno FROM dbstat WHERE name = 'outbox' AND pagetype = 'leaf' ORDER BY pageno`).all() as { pageno: number }[]).map(
      (r) => r.pageno,
    )
    db.close()
    expect(leaves.length).toBeGreaterThan(10)
    const victim = leaves[Math.floor(leaves.length / 2)]!
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (victim - 1) * pageSize)
    closeSync(fd)

    const broken = new Database(file)
    expect(checkReplicaIntegrity(broken, 'quick').ok).toBe(false)
    broken.close()

    const salvage = salvageReplica(file, known)
    expect(salvage.state).toMatchObject({ device_id: rowId(0xd1), user_id: rowId(0xa1), last_seq: '300' })
    // Entries on the smashed page are gone; everything before and after it is kept, in order.
    expect(salvage.outbox.length).toBeGreaterThan(250)
    expect(salvage.outbox.length).toBeLessThan(300)
    expect(salvage.outbox[0]?.seq).toBe(1)
    expect(salvage.outbox.at(-1)?.seq).toBe(300)
    expect(salvage.readErrors.some((e) => e.startsWith('outbox'))).toBe(true)
    for (const entry of salvage.outbox) expect(JSON.parse(entry.fields)).toMatchObject({ name: `회사 ${entry.seq}` })
  })

  it('reads the outbox of a damaged ENCRYPTED replica with its key, on both sides of a smashed page', () => {
    dir = createTempDir()
    const file = dir.file('crm.sqlite')
    const key = randomBytes(REPLICA_KEY_BYTES)
    replicaWithOutbox(file, 300, key)
    expect(isPlainSqliteFile(file)).toBe(false)
    const db = openReplicaReadOnly(file, key)
    const pageSize = db.pragma('page_size', { simple: true }) as number
    const leaves = (db.prepare(`SELECT pageno FROM dbstat WHERE name = 'outbox' AND pagetype = 'leaf' ORDER BY pageno`).all() as { pageno: number }[]).map(
      (r) => r.pageno,
    )
    db.close()
    expect(leaves.length).toBeGreaterThan(10)
    const victim = leaves[Math.floor(leaves.length / 2)]!
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (victim - 1) * pageSize)
    closeSync(fd)

    // Without the key nothing is readable; with it, everything but the smashed page (its HMAC no longer matches).
    expect(salvageReplica(file, known).outbox).toEqual([])
    const salvage = salvageReplica(file, known, key)
    expect(salvage.state).toMatchObject({ device_id: rowId(0xd1), user_id: rowId(0xa1), last_seq: '300' })
    expect(salvage.outbox.length).toBeGreaterThan(250)
    expect(salvage.outbox.length).toBeLessThan(300)
    expect(salvage.outbox[0]?.seq).toBe(1)
    expect(salvage.outbox.at(-1)?.seq).toBe(300)
    for (const entry of salvage.outbox) expect(JSON.parse(entry.fields)).toMatchObject({ name: `회사 ${entry.seq}` })
  })

  it('a file that is not a database salvages nothing and says why; setting aside renames all three files', () => {
    dir = createTempDir()
    const file = dir.file('crm.sqlite')
    replicaWithOutbox(file, 3)
    const aside = setReplicaAside(file, new Date('2026-12-07T05:06:07.123Z'))
    expect(aside).toBe(`${file}.damaged-20261207T050607Z`)
    expect(existsSync(file)).toBe(false)
    expect(existsSync(aside)).toBe(true)
    expect(setReplicaAside(aside + '.x', new Date())).toContain('.damaged-') // a missing file is no error
    const salvage = salvageReplica(dir.file('missing.sqlite'), known)
    expect(salvage).toMatchObject({ outbox: [], discarded: 0 })
    expect(salvage.readErrors.length).toBe(1)
  })
})

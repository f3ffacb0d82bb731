import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SYNCED_TABLES } from '../../shared/model/tables'
import { openReplica, type Replica } from './open'
import { companies, outbox, syncState } from './schema'

let dir: string
const opened: Replica[] = []

function open(name = 'replica.db'): Replica {
  const replica = openReplica(join(dir, name))
  opened.push(replica)
  return replica
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'crm-replica-'))
})

afterEach(() => {
  for (const replica of opened.splice(0)) replica.sqlite.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('openReplica', () => {
  it('sets the pragmas the replica relies on', () => {
    const { sqlite } = open()
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2) // FULL: committed offline edits survive a power cut
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(0)
  })

  it('creates every synced table and the device bookkeeping', () => {
    const { sqlite } = open()
    const names = new Set(
      sqlite
        .prepare<[], { name: string }>("select name from sqlite_master where type = 'table'")
        .all()
        .map((r) => r.name),
    )
    for (const table of [...SYNCED_TABLES, 'outbox', 'sync_state', 'search_index', 'search_docs', 'search_paused']) {
      expect(names, table).toContain(table)
    }
  })

  it('is idempotent: reopening applies nothing twice and keeps the data', () => {
    const first = open()
    first.db.insert(syncState).values({ key: 'device_id', value: 'd-1' }).run()
    first.sqlite.close()
    opened.splice(0)
    const again = open()
    expect(again.db.select().from(syncState).all()).toEqual([{ key: 'device_id', value: 'd-1' }])
  })

  it('accepts a child whose parent it does not hold (partial replica, no foreign-key enforcement)', () => {
    const { db } = open()
    db.insert(companies).values({ id: '0193a0a0-0000-7000-8000-000000000001', code: 'C-1', name: '삼성전자', accountManagerId: 'missing-user' }).run()
    expect(db.select().from(companies).where(eq(companies.code, 'C-1')).get()?.accountManagerId).toBe('missing-user')
  })

  it('stores the wire encodings: ISO timestamps with ms, booleans and JSON round-trip', () => {
    const { db } = open()
    db.insert(companies)
      .values({ id: 'c-2', code: 'C-2', name: 'LG', tags: ['교육', 'VIP'] })
      .run()
    const row = db.select().from(companies).where(eq(companies.id, 'c-2')).get()!
    expect(row.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    expect(row.tags).toEqual(['교육', 'VIP'])
    expect(row.customFields).toEqual({})
    expect(row.tier).toBe('BRONZE')
  })

  it('keeps rejected outbox entries with their reason', () => {
    const { db } = open()
    db.insert(outbox)
      .values({ seq: 1, tableName: 'companies', rowId: 'c-3', op: 'upsert', fields: { name: 'x' }, hlc: 'h', base: null })
      .run()
    db.update(outbox).set({ status: 'rejected', rejectReason: 'duplicate code' }).where(eq(outbox.seq, 1)).run()
    expect(db.select().from(outbox).get()).toMatchObject({ status: 'rejected', rejectReason: 'duplicate code', fields: { name: 'x' } })
  })

  it('fails loudly on a missing migrations folder instead of opening an empty replica', () => {
    expect(() => openReplica(join(dir, 'x.db'), { migrationsFolder: join(dir, 'nowhere') })).toThrow()
  })
})

import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { SYNCED_TABLES } from '../../src/shared/model/tables'
import { createTestDatabase, type TestDatabase } from '../test/support/database'
import { MIGRATION_LOCK_KEY, migrateServer } from './migrate'

const databases: TestDatabase[] = []

afterEach(async () => {
  await Promise.all(databases.splice(0).map((d) => d.drop()))
})

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(text)).rows
  } finally {
    await client.end()
  }
}

describe('migrateServer', () => {
  it('builds the whole schema when several instances migrate the same empty database at once', async () => {
    const db = await createTestDatabase({ migrate: false })
    databases.push(db)

    // Without the advisory lock, the second and third would race the first into "relation already exists".
    await Promise.all([migrateServer(db.url), migrateServer(db.url), migrateServer(db.url)])

    const tables = (await query<{ tablename: string }>(db.url, "select tablename from pg_tables where schemaname = 'public'")).map((r) => r.tablename)
    for (const table of [...SYNCED_TABLES, 'user_credentials', 'user_sessions', 'sync_devices', 'change_log', 'audit_logs']) {
      expect(tables, table).toContain(table)
    }
    const applied = await query<{ n: string }>(db.url, 'select count(*) as n from drizzle.__drizzle_migrations')
    expect(Number(applied[0]!.n)).toBeGreaterThanOrEqual(2)
    const extensions = await query<{ extname: string }>(db.url, 'select extname from pg_extension')
    expect(extensions.map((e) => e.extname)).toContain('pg_trgm')
  })

  it('is a no-op on an up-to-date database', async () => {
    const db = await createTestDatabase()
    databases.push(db)
    const before = await query<{ n: string }>(db.url, 'select count(*) as n from drizzle.__drizzle_migrations')
    await migrateServer(db.url)
    const after = await query<{ n: string }>(db.url, 'select count(*) as n from drizzle.__drizzle_migrations')
    expect(after).toEqual(before)
  })

  it('releases the lock when a migration fails, so the next attempt is not stuck', async () => {
    const db = await createTestDatabase({ migrate: false })
    databases.push(db)
    await expect(migrateServer(db.url, { migrationsFolder: '/nonexistent/migrations' })).rejects.toThrow()
    await migrateServer(db.url)
    // pg_locks is cluster-wide: count only this database's migration lock (a one-bigint key is stored in objid).
    const locks = await query<{ n: string }>(
      db.url,
      `select count(*) as n from pg_locks where locktype = 'advisory' and objid = ${MIGRATION_LOCK_KEY}
         and database = (select oid from pg_database where datname = current_database())`,
    )
    expect(Number(locks[0]!.n)).toBe(0)
  })
})

import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNT_LIST, DEMO_ACCOUNTS, generateDemoTables, type WireRow } from '../../src/demo'
import { SYNCED_TABLES } from '../../src/shared/model/tables'
import { createPool } from '../db/pool'
import { hashPassword, verifyPassword } from '../src/auth/password'
import { createTestDatabase, type TestDatabase } from '../test/support/database'
import { DatabaseNotEmptyError, seedServer, type SeedServerResult } from './seed-server'

const OPTIONS = { seed: 'server-test', scale: 2_000 } as const
const generated = generateDemoTables(OPTIONS)

let database: TestDatabase
let pool: pg.Pool
let result: SeedServerResult

beforeAll(async () => {
  // A fresh, uniquely named database, migrated with migrateServer and dropped afterwards.
  database = await createTestDatabase()
  pool = createPool(database.url, { max: 2 })
  result = await seedServer(pool, { ...OPTIONS, passwordHash: await hashPassword('demo-password-1') })
})

afterAll(async () => {
  await pool?.end()
  await database?.drop()
})

const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await pool.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0)

describe('seedServer', () => {
  it('inserts every generated row and reports the counts per table', async () => {
    for (const table of SYNCED_TABLES) {
      const expected = generated.get(table)!.length
      expect(result.counts[table], table).toBe(expected)
      expect(await count(`SELECT count(*) AS n FROM "${table}"`), table).toBe(expected)
    }
    expect(result.total).toBe([...generated.values()].reduce((n, rows) => n + rows.length, 0))
  })

  it('writes one change_log entry per row, all in the seeding transaction', async () => {
    expect(await count('SELECT count(*) AS n FROM change_log')).toBe(result.total)
    expect(result.changeLogEntries).toBe(result.total)
    const perTable = await pool.query<{ table_name: string; n: number }>('SELECT table_name, count(*)::int AS n FROM change_log GROUP BY table_name')
    for (const { table_name, n } of perTable.rows) expect(n, table_name).toBe(generated.get(table_name as never)!.length)
    expect(await count(`SELECT count(DISTINCT txid) AS n FROM change_log`)).toBe(1)
    expect(await count(`SELECT count(*) AS n FROM change_log WHERE kind <> 'change' OR audience_user_id IS NOT NULL`)).toBe(0)
    for (const table of ['companies', 'attendance_records', 'departments']) {
      expect(
        await count(`SELECT count(*) AS n FROM change_log l WHERE l.table_name = $1 AND NOT EXISTS (SELECT 1 FROM "${table}" t WHERE t.id = l.row_id)`, [
          table,
        ]),
      ).toBe(0)
    }
  })

  it('leaves field_hlc at its default and sets the forward reference departments.manager_id', async () => {
    for (const table of SYNCED_TABLES) expect(await count(`SELECT count(*) AS n FROM "${table}" WHERE field_hlc <> '{}'::jsonb`), table).toBe(0)
    expect(await count('SELECT count(*) AS n FROM departments WHERE manager_id IS NULL')).toBe(0)
    const root = await pool.query('SELECT manager_id FROM departments WHERE parent_id IS NULL')
    expect(root.rows).toEqual([{ manager_id: DEMO_ACCOUNTS.executive.id }])
  })

  it('reads back exactly the generated wire rows', async () => {
    for (const table of [
      'users',
      'companies',
      'opportunities',
      'training_classes',
      'attendance_records',
      'training_feedback',
      'meeting_minutes',
      'kpi_targets',
      'instructors',
    ]) {
      const { rows } = await pool.query<WireRow>(`SELECT * FROM "${table}" ORDER BY id`)
      const expected = [...generated.get(table as never)!].sort((a, b) => ((a.id as string) < (b.id as string) ? -1 : 1))
      expect(
        rows.map(({ field_hlc: _hlc, ...rest }) => rest),
        table,
      ).toEqual(expected)
    }
  })

  it('gives the demo accounts credentials that verify', async () => {
    expect(result.credentials).toBe(DEMO_ACCOUNT_LIST.length)
    const { rows } = await pool.query<{ password_hash: string }>(
      'SELECT c.password_hash FROM user_credentials c JOIN users u ON u.id = c.user_id WHERE u.email = $1',
      ['consultant@augu.demo'],
    )
    expect(await verifyPassword('demo-password-1', rows[0]!.password_hash)).toBe(true)
  })

  it('refuses a database that already has data, changing nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM change_log')
    await expect(seedServer(pool, { seed: 'another', scale: 1_000 })).rejects.toThrow(DatabaseNotEmptyError)
    expect(await count('SELECT count(*) AS n FROM change_log')).toBe(before)
  })
})

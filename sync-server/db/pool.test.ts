import { eq } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../test/support/database'
import { createPool } from './pool'
import { companies, roles, trainingClasses, users } from './schema'

let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
})

afterAll(async () => {
  await database.drop()
})

describe('createPool', () => {
  it('returns raw rows in the wire encoding whatever the session time zone', async () => {
    // A Seoul session prints timestamptz as "… +09"; the wire is always UTC with a Z and milliseconds.
    const pool = createPool(database.url, { options: '-c TimeZone=Asia/Seoul' })
    try {
      const { rows } = await pool.query(`select
        timestamptz '2026-11-25 16:39:39.123+09' as at,
        timestamptz '2026-11-25 07:00:00+00' as whole_second,
        date '2026-03-01' as day,
        time '09:30:00' as clock,
        9007199254740991::int8 as big,
        12.50::numeric(5,2) as pct,
        '{"a":[1]}'::jsonb as doc,
        pg_current_xact_id() as txid`)
      expect(rows[0]).toEqual({
        at: '2026-11-25T07:39:39.123Z',
        whole_second: '2026-11-25T07:00:00.000Z',
        day: '2026-03-01',
        clock: '09:30',
        big: 9007199254740991,
        pct: 12.5,
        doc: { a: [1] },
        txid: expect.stringMatching(/^\d+$/),
      })
    } finally {
      await pool.end()
    }
  })

  it('refuses an int8 a JS number cannot hold instead of rounding it', async () => {
    const pool = createPool(database.url)
    try {
      await expect(pool.query('select 9007199254740993::int8 as n')).rejects.toThrow(/exact JS integer range/)
    } finally {
      await pool.end()
    }
  })

  it('gives Drizzle selects the same encoding as raw rows (timestamps, dates, times, money)', async () => {
    const pool = createPool(database.url, { options: '-c TimeZone=America/Los_Angeles' })
    const db = drizzle(pool)
    try {
      const roleId = '0193a0a0-0000-7000-8000-0000000000a1'
      const userId = '0193a0a0-0000-7000-8000-0000000000a2'
      const companyId = '0193a0a0-0000-7000-8000-0000000000a3'
      await db.insert(roles).values({ id: roleId, name: 'OPERATOR' })
      await db.insert(users).values({ id: userId, email: 'a@example.com', firstName: '길동', lastName: '홍', roleId })
      await db.insert(companies).values({
        id: companyId,
        code: 'C-1',
        name: '삼성전자',
        annualRevenue: 3_000_000_000_000,
        createdAt: '2026-11-25T07:39:39.123Z',
      })
      const viaDrizzle = await db.select().from(companies).where(eq(companies.id, companyId))
      const { rows: raw } = await pool.query('select created_at, annual_revenue from companies where id = $1', [companyId])
      expect(viaDrizzle[0]!.createdAt).toBe('2026-11-25T07:39:39.123Z')
      expect(raw[0]).toEqual({ created_at: '2026-11-25T07:39:39.123Z', annual_revenue: 3_000_000_000_000 })
      expect(viaDrizzle[0]!.annualRevenue).toBe(3_000_000_000_000)
      expect(viaDrizzle[0]!.fieldHlc).toEqual({})
    } finally {
      await pool.end()
    }
  })

  it('maps time-of-day columns to HH:MM through Drizzle too', async () => {
    const pool = createPool(database.url)
    const db = drizzle(pool)
    try {
      // FKs are enforced on the server: a class needs its session, project and company.
      await pool.query(`
        insert into companies (id, code, name) values ('0193a0a0-0000-7000-8000-0000000000b1', 'C-2', 'LG');
        insert into projects (id, code, name, company_id)
          values ('0193a0a0-0000-7000-8000-0000000000b2', 'P-1', '리더십', '0193a0a0-0000-7000-8000-0000000000b1');
        insert into training_sessions (id, project_id, session_number, start_date, end_date)
          values ('0193a0a0-0000-7000-8000-0000000000b3', '0193a0a0-0000-7000-8000-0000000000b2', 1, '2026-03-02', '2026-03-03');`)
      await db.insert(trainingClasses).values({
        id: '0193a0a0-0000-7000-8000-0000000000b4',
        sessionId: '0193a0a0-0000-7000-8000-0000000000b3',
        classNumber: 1,
        date: '2026-03-02',
        startTime: '09:00',
        endTime: '12:30',
      })
      const [row] = await db.select().from(trainingClasses)
      expect(row).toMatchObject({ date: '2026-03-02', startTime: '09:00', endTime: '12:30' })
    } finally {
      await pool.end()
    }
  })
})

/**
 * The generated migrations, applied for real: drizzle/pg to a fresh PostgreSQL database and drizzle/sqlite to a fresh
 * SQLite file. Proves that every table of both Drizzle schemas exists after migrating (so no schema change was left
 * without its migration), that the server's constraints and trigram search work, and that the device's search
 * triggers index what is written.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { is } from 'drizzle-orm'
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core'
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openReplica, type Replica } from '../../src/main/db/open'
import * as device from '../../src/main/db/schema'
import { migrateServer } from '../../sync-server/db/migrate'
import * as server from '../../sync-server/db/schema'

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
// Lower-case letters, digits and _ only: the name goes into DDL, where identifiers cannot be parameters.
const DATABASE = `crm_migrations_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

describe('server migrations (drizzle/pg) on a fresh database', () => {
  let client: pg.Client

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${DATABASE} TEMPLATE template0 ENCODING 'UTF8'`)
    const url = new URL(ADMIN_URL)
    url.pathname = `/${DATABASE}`
    await migrateServer(url.toString())
    client = new pg.Client({ connectionString: url.toString() })
    await client.connect()
  })

  afterAll(async () => {
    await client?.end()
    await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
  })

  it('creates every table of the server schema with every column', async () => {
    const { rows } = await client.query<{ table_name: string; column_name: string }>(
      "select table_name, column_name from information_schema.columns where table_schema = 'public'",
    )
    const actual = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`))
    const tables = Object.values(server as Record<string, unknown>).filter((v): v is PgTable => is(v, PgTable))
    expect(tables.length).toBeGreaterThan(40)
    for (const table of tables) {
      const config = pgConfig(table)
      for (const column of config.columns) expect(actual, `${config.name}.${column.name}`).toContain(`${config.name}.${column.name}`)
    }
  })

  it('finds Korean company names with the pg_trgm index (the seed’s to_tsvector(korean) does not exist)', async () => {
    await expect(client.query("select to_tsvector('korean', '삼성전자')")).rejects.toThrow(/korean/)
    await client.query(`insert into companies (id, code, name) values
      ('0193a0a0-0000-7000-8000-000000000001', 'C-1', '삼성전자서비스'),
      ('0193a0a0-0000-7000-8000-000000000002', 'C-2', 'LG전자')`)
    await client.query('begin')
    try {
      // Force the planner off a sequential scan so the test proves the index can answer the query.
      await client.query('set local enable_seqscan = off')
      const plan = await client.query<{ 'QUERY PLAN': string }>("explain select id from companies where name ilike '%전자서%'")
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('companies_name_trgm')
      const found = await client.query<{ code: string }>("select code from companies where name ilike '%전자서%'")
      expect(found.rows).toEqual([{ code: 'C-1' }])
    } finally {
      await client.query('rollback')
    }
  })

  describe('constraints the server enforces', () => {
    const company = (id: number, extra = '') =>
      `insert into companies (id, code, name${extra ? ', ' + extra.split('=')[0] : ''})
       values ('0193a0a0-0000-7000-8000-0000000001${String(id).padStart(2, '0')}', 'K-${id}', 'x'${extra ? ', ' + extra.split('=')[1] : ''})`

    async function rejects(sql: string, constraint: string): Promise<void> {
      await client.query('savepoint s')
      try {
        await expect(client.query(sql)).rejects.toThrow(constraint)
      } finally {
        await client.query('rollback to savepoint s')
      }
    }

    beforeAll(async () => {
      await client.query('begin')
    })
    afterAll(async () => {
      await client.query('rollback')
    })

    it('stores registration numbers as 10 digits, one live company per number', async () => {
      // Hyphenated input is too long for varchar(10); ten characters that are not all digits meet the CHECK.
      await rejects(company(1, "business_number='124-81-00998'"), 'value too long')
      await rejects(company(1, "business_number='12481OO998'"), 'companies_business_number_check')
      await client.query(company(2, "business_number='1248100998'"))
      await rejects(company(3, "business_number='1248100998'"), 'companies_business_number_key')
      // A deleted duplicate does not block re-entering the company.
      await client.query("update companies set deleted_at = now() where code = 'K-2'")
      await client.query(company(4, "business_number='1248100998'"))
    })

    it('refuses values outside the enumerations', async () => {
      await rejects(company(5, "tier='PLATINUM'"), 'companies_tier_check')
    })

    it('keeps KPI periods consistent with their type (half years included)', async () => {
      await client.query(`insert into kpi_definitions (id, code, name) values ('0193a0a0-0000-7000-8000-000000000201', 'REV', '매출')`)
      const target = (n: number, type: string, fields: string) =>
        `insert into kpi_targets (id, kpi_definition_id, period_type, period_year, target_value${fields ? ', ' + fields.split('=')[0] : ''})
         values ('0193a0a0-0000-7000-8000-0000000002${n}', '0193a0a0-0000-7000-8000-000000000201', '${type}', 2026, 100${fields ? ', ' + fields.split('=')[1] : ''})`
      await client.query(target(10, 'HALF', 'period_half=2'))
      await client.query(target(11, 'YEAR', ''))
      await rejects(target(12, 'HALF', 'period_half=3'), 'kpi_targets_period_check')
      await rejects(target(13, 'YEAR', 'period_month=1'), 'kpi_targets_period_check')
      await rejects(target(14, 'QUARTER', ''), 'kpi_targets_period_check')
    })

    it('orders dates and bounds percentages', async () => {
      await client.query(company(6))
      await rejects(
        `insert into projects (id, code, name, company_id, start_date, end_date)
         values ('0193a0a0-0000-7000-8000-000000000301', 'P-1', 'p', '0193a0a0-0000-7000-8000-000000000106', '2026-03-02', '2026-03-01')`,
        'projects_dates_check',
      )
      await rejects(
        `insert into projects (id, code, name, company_id, progress)
         values ('0193a0a0-0000-7000-8000-000000000302', 'P-2', 'p', '0193a0a0-0000-7000-8000-000000000106', 101)`,
        'projects_progress_check',
      )
    })
  })
})

describe('device migrations (drizzle/sqlite) on a fresh file', () => {
  let dir: string
  let replica: Replica

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-migrations-'))
    replica = openReplica(join(dir, 'replica.db'))
  })

  afterAll(() => {
    replica?.sqlite.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('creates every table of the device schema with every column', () => {
    const tables = Object.values(device as Record<string, unknown>).filter((v): v is SQLiteTable => is(v, SQLiteTable))
    expect(tables.length).toBeGreaterThan(40)
    for (const table of tables) {
      const config = sqliteConfig(table)
      const columns = replica.sqlite
        .prepare<[string], { name: string }>('select name from pragma_table_info(?)')
        .all(config.name)
        .map((c) => c.name)
      expect(columns, config.name).toEqual(config.columns.map((c) => c.name))
    }
  })

  it('indexes a company through the FTS triggers and finds it with a 3-character trigram query', () => {
    replica.sqlite.prepare("insert into companies (id, code, name, business_number) values ('c-1', 'C-1', '한국표준협회', '1208800767')").run()
    const hit = replica.sqlite.prepare('select entity_type, entity_id from search_index where search_index match \'"표준협"\'').all()
    expect(hit).toEqual([{ entity_type: 'companies', entity_id: 'c-1' }])
  })
})

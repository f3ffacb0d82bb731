import { getTableName, is } from 'drizzle-orm'
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS, generateDemoData } from '../../demo'
import { SYNCED_TABLES } from '../../shared/model/tables'
import { createTempDir, countRows, type TempDir } from '../../../test/support/device/fixtures'
import { openReplica, type Replica } from '../db/open'
import * as schema from '../db/schema'
import { ReplicaNotEmptyError, seedDevice, type SeedDeviceResult } from './seed-device'

const OPTIONS = { seed: 'device-test', scale: 2_000 } as const
const synced = new Set<string>(SYNCED_TABLES)
const tables = (Object.values(schema) as unknown[]).filter((t): t is SQLiteTable => is(t, SQLiteTable) && synced.has(getTableName(t)))

let dir: TempDir
let replica: Replica
let result: SeedDeviceResult

beforeAll(() => {
  dir = createTempDir('crm-demo-')
  replica = openReplica(dir.file('demo.sqlite'))
  result = seedDevice(replica.sqlite, OPTIONS)
})

afterAll(() => {
  replica.sqlite.close()
  dir.remove()
})

describe('seedDevice', () => {
  it('writes every generated row and reports the counts per table', () => {
    const expected = Object.fromEntries([...generateDemoData(OPTIONS)].map(({ table, rows }) => [table, rows.length]))
    expect(result.counts).toEqual(expected)
    for (const table of SYNCED_TABLES) expect(countRows(replica.sqlite, table)).toBe(expected[table])
    expect(result.total).toBeGreaterThan(1_000)
  })

  it('writes no outbox entries (demo rows are not local edits) and leaves search indexed, not paused', () => {
    expect(countRows(replica.sqlite, 'outbox')).toBe(0)
    expect(countRows(replica.sqlite, 'search_paused')).toBe(0)
    const companies = countRows(replica.sqlite, 'companies', 'deleted_at IS NULL')
    expect(countRows(replica.sqlite, 'search_index', "entity_type = 'companies'")).toBe(companies)
  })

  it('stores wire values in the SQLite encoding (booleans 0/1, lists as JSON text)', () => {
    const user = replica.sqlite.prepare('SELECT is_active, user_tier FROM users WHERE id = ?').get(DEMO_ACCOUNTS.manager.id)
    expect(user).toEqual({ is_active: 1, user_tier: 'MANAGER' })
    const company = replica.sqlite.prepare('SELECT tags, custom_fields, annual_revenue FROM companies LIMIT 1').get() as Record<string, unknown>
    expect(Array.isArray(JSON.parse(company.tags as string))).toBe(true)
    expect(typeof JSON.parse(company.custom_fields as string)).toBe('object')
    expect(Number.isInteger(company.annual_revenue)).toBe(true)
  })

  it('refuses a replica that already has rows', () => {
    expect(() => seedDevice(replica.sqlite, OPTIONS)).toThrow(ReplicaNotEmptyError)
  })
})

describe('demo data integrity (checked in the seeded replica against the Drizzle schema)', () => {
  it('fills every NOT NULL column', () => {
    for (const table of tables) {
      const config = getTableConfig(table)
      for (const column of config.columns.filter((c) => c.notNull)) {
        expect(countRows(replica.sqlite, config.name, `"${column.name}" IS NULL`), `${config.name}.${column.name}`).toBe(0)
      }
    }
  })

  it('points every foreign key at an existing row of the referenced table', () => {
    let checked = 0
    for (const table of tables) {
      const config = getTableConfig(table)
      for (const fk of config.foreignKeys) {
        const reference = fk.reference()
        const parent = getTableName(reference.foreignTable)
        const [column] = reference.columns
        const [parentColumn] = reference.foreignColumns
        const dangling = replica.sqlite
          .prepare(
            `SELECT COUNT(*) AS n FROM "${config.name}" c WHERE c."${column!.name}" IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM "${parent}" p WHERE p."${parentColumn!.name}" = c."${column!.name}")`,
          )
          .get() as { n: number }
        expect(dangling.n, `${config.name}.${column!.name} → ${parent}`).toBe(0)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(50)
  })

  it('points polymorphic and who-columns at rows of the right table', () => {
    const dangling = (sql: string): number => (replica.sqlite.prepare(sql).get() as { n: number }).n
    const entityTables: Record<string, string> = { COMPANY: 'companies', CONTACT: 'contacts', LEAD: 'leads', OPPORTUNITY: 'opportunities', PROJECT: 'projects' }
    for (const [type, table] of Object.entries(entityTables)) {
      expect(
        dangling(`SELECT COUNT(*) AS n FROM activities a WHERE a.entity_type = '${type}' AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = a.entity_id)`),
        type,
      ).toBe(0)
      expect(dangling(`SELECT COUNT(*) AS n FROM activities WHERE entity_type = '${type}'`), `activities on ${type}`).toBeGreaterThan(0)
    }
    const kpiEntities: Record<string, string> = { COMPANY: 'departments', DEPARTMENT: 'departments', TEAM: 'teams', USER: 'users' }
    for (const [type, table] of Object.entries(kpiEntities)) {
      expect(
        dangling(`SELECT COUNT(*) AS n FROM kpi_targets k WHERE k.entity_type = '${type}' AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = k.entity_id)`),
        type,
      ).toBe(0)
      expect(dangling(`SELECT COUNT(*) AS n FROM kpi_targets WHERE entity_type = '${type}'`), `KPI targets for ${type}`).toBeGreaterThan(0)
    }
    for (const table of SYNCED_TABLES) {
      for (const column of ['created_by', 'updated_by', 'deleted_by']) {
        expect(
          dangling(`SELECT COUNT(*) AS n FROM "${table}" x WHERE x.${column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = x.${column})`),
          `${table}.${column}`,
        ).toBe(0)
      }
    }
  })

  it('uses only the enumeration values of src/shared/model/enums.ts', () => {
    let checked = 0
    for (const table of tables) {
      const config = getTableConfig(table)
      for (const column of config.columns) {
        const values = column.enumValues
        if (!values || values.length === 0) continue
        const used = replica.sqlite.prepare(`SELECT DISTINCT "${column.name}" AS v FROM "${config.name}" WHERE "${column.name}" IS NOT NULL`).all() as {
          v: string
        }[]
        for (const { v } of used) expect(values, `${config.name}.${column.name}`).toContain(v)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(40)
  })

  it('covers every value of the main enumerations somewhere', () => {
    const distinct = (table: string, column: string) =>
      (replica.sqlite.prepare(`SELECT DISTINCT ${column} AS v FROM ${table}`).all() as { v: string }[]).map((r) => r.v).sort()
    expect(distinct('users', 'user_tier')).toEqual(['EXECUTIVE', 'MANAGER', 'OPERATOR'])
    expect(distinct('activities', 'activity_type')).toEqual(['CALL', 'EMAIL', 'KAKAO', 'MEETING', 'NOTE', 'TASK'])
    expect(distinct('products', 'type')).toEqual(['ASSESSMENT', 'COACHING', 'CONSULTING', 'TRAINING'])
    for (const status of ['NEW', 'CONTACTED', 'QUALIFIED', 'UNQUALIFIED']) expect(distinct('leads', 'status')).toContain(status)
    expect(distinct('opportunities', 'stage')).toEqual(['CLOSED_LOST', 'CLOSED_WON', 'NEEDS_ANALYSIS', 'NEGOTIATION', 'PROPOSAL', 'QUALIFYING'])
  })
})

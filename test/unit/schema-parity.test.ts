/**
 * One logical schema, two dialects (docs/architecture.md §2–§3): the device's SQLite replica and the server's
 * PostgreSQL must agree on every synced table, column, nullability and default, or a pulled row will not fit the
 * device or a pushed field will not fit the server. Only `field_hlc` and the tables listed below may differ.
 */
import { is, SQL } from 'drizzle-orm'
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core'
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import * as device from '../../src/main/db/schema'
import { COMMON_COLUMNS, REFERENCE_TABLES, SERVER_AUTHORED_COLUMNS, SERVER_ONLY_COLUMNS, SYNCED_TABLES } from '../../src/shared/model/tables'
import * as server from '../../sync-server/db/schema'

const DEVICE_ONLY_TABLES = ['outbox', 'sync_state', 'file_upload_queue', 'pinned_records']
const SERVER_ONLY_TABLES = [
  'user_credentials',
  'user_sessions',
  'sync_devices',
  'sync_rejections',
  'sync_gc_state',
  'authz_epoch',
  'change_log',
  'audit_logs',
  'file_blobs',
  'file_chunks',
  'file_uploads',
  'file_possessions',
]
/** Foreign keys that point forward in SYNCED_TABLES. Each is a genuine cycle; see tables.ts. */
const ALLOWED_BACK_REFERENCES = ['departments.manager_id → users']

const deviceTables = new Map(
  (Object.values(device) as unknown[]).filter((v): v is SQLiteTable => is(v, SQLiteTable)).map((t) => [sqliteConfig(t).name, sqliteConfig(t)] as const),
)
const serverTables = new Map(
  (Object.values(server) as unknown[]).filter((v): v is PgTable => is(v, PgTable)).map((t) => [pgConfig(t).name, pgConfig(t)] as const),
)

/** Device column type for each server column type (the encoding table of docs/architecture.md §2). */
const ENCODING: Record<string, string> = {
  uuid: 'text',
  'timestamp(3) with time zone': 'text',
  date: 'text',
  'time(0)': 'text',
  bigint: 'integer',
  integer: 'integer',
  'numeric(5, 2)': 'real',
  'numeric(15, 2)': 'real',
  boolean: 'integer',
  jsonb: 'text',
  text: 'text',
}

function serverColumns(table: string) {
  return serverTables.get(table)!.columns.filter((c) => !(SERVER_ONLY_COLUMNS as readonly string[]).includes(c.name))
}
function deviceColumns(table: string) {
  return deviceTables.get(table)!.columns
}

/** A default as the schema means it: SQL expressions (now()) are dialect-specific, literal values must match. */
function defaultKind(column: { hasDefault: boolean; default: unknown }): unknown {
  if (!column.hasDefault) return 'none'
  return is(column.default, SQL) ? 'sql expression' : column.default
}

describe('schema parity', () => {
  it('has the same tables on both sides, apart from the listed device-only and server-only ones', () => {
    const deviceNames = [...deviceTables.keys()].filter((n) => !DEVICE_ONLY_TABLES.includes(n)).sort()
    const serverNames = [...serverTables.keys()].filter((n) => !SERVER_ONLY_TABLES.includes(n)).sort()
    expect(deviceNames).toEqual(serverNames)
    expect(deviceNames).toEqual([...SYNCED_TABLES].sort())
    for (const name of DEVICE_ONLY_TABLES) expect(deviceTables.has(name), name).toBe(true)
    for (const name of SERVER_ONLY_TABLES) expect(serverTables.has(name), name).toBe(true)
  })

  it('lists the reference tables among the synced ones, without duplicates', () => {
    expect(new Set(SYNCED_TABLES).size).toBe(SYNCED_TABLES.length)
    for (const name of REFERENCE_TABLES) expect(SYNCED_TABLES, name).toContain(name)
  })

  describe.each([...SYNCED_TABLES])('%s', (table) => {
    it('has the same columns, in the same order, with the same nullability and defaults', () => {
      const describe = (columns: ReturnType<typeof deviceColumns> | ReturnType<typeof serverColumns>) =>
        columns.map((c) => ({ name: c.name, notNull: c.notNull, primary: c.primary, default: defaultKind(c) }))
      expect(describe(deviceColumns(table))).toEqual(describe(serverColumns(table)))
    })

    it('encodes every column as the encoding table says', () => {
      const onDevice = new Map(deviceColumns(table).map((c) => [c.name, c]))
      for (const column of serverColumns(table)) {
        const serverType = column.getSQLType().replace(/^varchar\(\d+\)$/, 'text')
        const expected = ENCODING[serverType]
        expect(expected, `${table}.${column.name}: ${serverType} has no encoding`).toBeDefined()
        expect(onDevice.get(column.name)!.getSQLType(), `${table}.${column.name}`).toBe(expected)
        if (serverType === 'boolean') expect(onDevice.get(column.name)!.dataType, column.name).toBe('boolean')
        if (serverType === 'jsonb') expect(onDevice.get(column.name)!.dataType, column.name).toBe('json')
      }
    })

    it('has the common sync columns, and field_hlc on the server only', () => {
      for (const side of [deviceColumns(table), serverColumns(table)]) {
        const byName = new Map(side.map((c) => [c.name, c]))
        for (const name of COMMON_COLUMNS) expect(byName.has(name), `${table}.${name}`).toBe(true)
        expect(byName.get('id')!.primary).toBe(true)
        expect(byName.get('created_at')!.notNull && byName.get('updated_at')!.notNull).toBe(true)
        expect(byName.get('deleted_at')!.notNull).toBe(false)
        for (const name of SERVER_AUTHORED_COLUMNS) expect(byName.has(name), `${table}.${name}`).toBe(true)
      }
      const fieldHlc = serverTables.get(table)!.columns.find((c) => c.name === 'field_hlc')
      expect(fieldHlc?.getSQLType()).toBe('jsonb')
      expect(fieldHlc?.notNull).toBe(true)
      expect(fieldHlc?.default).toEqual({})
      expect(deviceColumns(table).some((c) => c.name === 'field_hlc')).toBe(false)
    })

    it('declares the same foreign keys on both sides', () => {
      const keys = (fks: { reference(): { columns: { name: string }[]; foreignTable: unknown } }[], name: (t: never) => string) =>
        fks
          .map((fk) => {
            const ref = fk.reference()
            return `${ref.columns.map((c) => c.name).join(',')} → ${name(ref.foreignTable as never)}`
          })
          .sort()
      expect(keys(deviceTables.get(table)!.foreignKeys, (t: SQLiteTable) => sqliteConfig(t).name)).toEqual(
        keys(serverTables.get(table)!.foreignKeys, (t: PgTable) => pgConfig(t).name),
      )
    })

    it('declares the same enumerations, each guarded by a CHECK on the server', () => {
      const server = serverColumns(table).filter((c) => c.enumValues)
      const onDevice = new Map(deviceColumns(table).map((c) => [c.name, c]))
      const checks = new Set(serverTables.get(table)!.checks.map((c) => c.name))
      for (const column of server) {
        expect(onDevice.get(column.name)!.enumValues, `${table}.${column.name}`).toEqual(column.enumValues)
        expect(checks, `${table}.${column.name}`).toContain(`${table}_${column.name}_check`)
        const length = (column as unknown as { length?: number }).length ?? Infinity
        expect(Math.max(...column.enumValues!.map((v) => v.length)), `${table}.${column.name}`).toBeLessThanOrEqual(length)
      }
      // And nothing on the device is an enumeration the server does not know.
      const serverEnums = new Set(server.map((c) => c.name))
      for (const column of deviceColumns(table).filter((c) => c.enumValues)) expect(serverEnums).toContain(column.name)
    })
  })

  it('lists SYNCED_TABLES parents before children (foreign-key dependency order)', () => {
    const position = new Map<string, number>(SYNCED_TABLES.map((t, i) => [t, i]))
    const backReferences: string[] = []
    for (const table of SYNCED_TABLES) {
      for (const fk of serverTables.get(table)!.foreignKeys) {
        const ref = fk.reference()
        const parent = pgConfig(ref.foreignTable).name
        if (parent === table) continue // parent_id hierarchies
        expect(position.has(parent), `${table} → ${parent}`).toBe(true)
        if (position.get(parent)! > position.get(table)!) backReferences.push(`${table}.${ref.columns[0]!.name} → ${parent}`)
      }
    }
    expect(backReferences).toEqual(ALLOWED_BACK_REFERENCES)
  })

  it('keeps secrets and bookkeeping out of the synced tables', () => {
    for (const name of [...SERVER_ONLY_TABLES, ...DEVICE_ONLY_TABLES]) expect(SYNCED_TABLES).not.toContain(name)
    const users = serverColumns('users').map((c) => c.name)
    expect(users).not.toContain('password_hash')
    expect(serverTables.get('user_sessions')!.columns.map((c) => c.name)).not.toContain('refresh_token')
  })
})

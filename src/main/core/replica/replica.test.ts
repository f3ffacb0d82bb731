import { afterEach, describe, expect, it } from 'vitest'
import { SYNCED_TABLES } from '../../../shared/model/tables'
import { createTempDir, openTestReplica, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { toSqlValue, toWireValue } from './convert'
import { replicaRegistry } from './registry'
import { createReplicaStatements } from './statements'

describe('replica metadata', () => {
  it('derives every synced table from the Drizzle schema, in SYNCED_TABLES order', () => {
    const registry = replicaRegistry()
    expect(registry.tables.map((t) => t.name)).toEqual([...SYNCED_TABLES])
    const companies = registry.require('companies')
    expect(companies.byName.get('tags')?.kind).toBe('json')
    expect(companies.byName.get('custom_fields')?.kind).toBe('json')
    expect(companies.byName.get('business_number')?.kind).toBe('plain')
    expect(registry.require('contacts').byName.get('is_active')?.kind).toBe('boolean')
    expect(() => registry.require('outbox')).toThrow(/Not a synced table/)
  })

  it('converts booleans to 0/1 and structured values to JSON text, and back', () => {
    const contacts = replicaRegistry().require('contacts')
    const active = contacts.byName.get('is_active')!
    expect(toSqlValue(active, true)).toBe(1)
    expect(toSqlValue(active, false)).toBe(0)
    expect(toWireValue(active, 0)).toBe(false)
    expect(toSqlValue(active, null)).toBeNull()
    expect(() => toSqlValue(active, 'yes')).toThrow(TypeError)
    const tags = replicaRegistry().require('companies').byName.get('tags')!
    expect(toSqlValue(tags, ['VIP', '제조'])).toBe('["VIP","제조"]')
    expect(toWireValue(tags, '["VIP","제조"]')).toEqual(['VIP', '제조'])
    const name = replicaRegistry().require('companies').byName.get('name')!
    expect(() => toSqlValue(name, { a: 1 })).toThrow(TypeError)
  })
})

describe('replica statements', () => {
  let dir: TempDir
  afterEach(() => dir.remove())

  it('upserts whole rows, keeps columns a partial row lacks, updates only named fields', () => {
    dir = createTempDir()
    const { sqlite } = openTestReplica(dir.file('r.sqlite'))
    const registry = replicaRegistry()
    const companies = registry.require('companies')
    const statements = createReplicaStatements(sqlite)
    const id = testId(1)
    const full = Object.fromEntries(companies.columns.map((c) => [c.name, null])) as Record<string, unknown>
    Object.assign(full, {
      id,
      code: 'C-1',
      name: '삼성전자',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
      tier: 'GOLD',
      status: 'ACTIVE',
      payment_terms: 30,
      tags: ['VIP'],
      custom_fields: { region: '수원' },
      annual_revenue: 300_000_000_000_000,
      unknown_future_column: 'ignored',
    })
    statements.upsertRow(companies, id, full)
    expect(statements.selectRow(companies, id)).toMatchObject({
      name: '삼성전자',
      tags: ['VIP'],
      custom_fields: { region: '수원' },
      annual_revenue: 300_000_000_000_000,
    })

    // A row without some columns (e.g. an older server) must not null them out.
    statements.upsertRow(companies, id, { id, code: 'C-1', name: '삼성전자(주)' })
    expect(statements.selectRow(companies, id)).toMatchObject({ name: '삼성전자(주)', tier: 'GOLD', tags: ['VIP'] })

    expect(statements.updateFields(companies, id, { website: 'https://samsung.com' })).toBe(true)
    expect(statements.updateFields(companies, testId(2), { website: 'x' })).toBe(false)
    statements.deleteRow(companies, id)
    expect(statements.selectRow(companies, id)).toBeUndefined()
    sqlite.close()
  })
})

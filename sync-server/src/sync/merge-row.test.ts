import { describe, expect, it } from 'vitest'
import { formatHlc } from '../../../src/shared/sync/hlc'
import { encodeFieldVersion } from '../../../src/shared/sync/merge'
import { mergeRow, type RowState } from './merge-row'
import { TABLES } from './tables'

const companies = TABLES.get('companies')!
const A = 'aaaaaaaaaaaaaaaa'
const B = 'bbbbbbbbbbbbbbbb'
const at = (millis: number, node: string) => formatHlc({ millis, counter: 0, node })
const ctx = { txid: '100', userId: 'user-b', now: '2026-11-25T00:00:00.000Z' }

function stored(fields: Record<string, unknown>, stamp: string, txid = '50', deleted: string | null = null): RowState {
  const version = encodeFieldVersion({ hlc: stamp, txid })
  return {
    values: { id: 'c1', code: 'C1', name: '가', website: null, deleted_at: deleted, ...fields },
    fieldHlc: Object.fromEntries(Object.keys({ code: 1, name: 1, ...fields, ...(deleted ? { deleted_at: 1 } : {}) }).map((k) => [k, version])),
  }
}

describe('mergeRow', () => {
  it('creates with defaults and server-authored columns, stamping only what the device sent', () => {
    const result = mergeRow(null, { table: companies, id: 'c1', op: 'upsert', fields: { code: 'C1', name: '가' }, hlc: at(1, A), base: null }, ctx)
    expect(result.action).toBe('CREATE')
    expect(result.state.values).toMatchObject({ tier: 'BRONZE', payment_terms: 30, created_by: 'user-b', updated_at: ctx.now, created_at: ctx.now })
    expect(Object.keys(result.state.fieldHlc).sort()).toEqual(['code', 'name'])
  })

  it('merges per field: the later stamp wins, concurrent losers become conflicts either way round', () => {
    const row = stored({ name: 'A의 값' }, at(100, A))
    const wins = mergeRow(row, { table: companies, id: 'c1', op: 'upsert', fields: { name: 'B의 값', website: 'w' }, hlc: at(200, B), base: '10' }, ctx)
    expect(wins.state.values).toMatchObject({ name: 'B의 값', website: 'w', updated_by: 'user-b' })
    expect(wins.conflicts).toEqual([expect.objectContaining({ field: 'name', kind: 'FIELD', losingValue: 'A의 값', incoming: 'winning' })])
    const loses = mergeRow(
      stored({ name: 'A의 값' }, at(300, A)),
      { table: companies, id: 'c1', op: 'upsert', fields: { name: 'B의 값' }, hlc: at(200, B), base: '10' },
      ctx,
    )
    expect(loses.state.values.name).toBe('A의 값')
    expect(loses.action).toBeNull()
    expect(loses.conflicts).toEqual([expect.objectContaining({ field: 'name', losingValue: 'B의 값', incoming: 'losing' })])
  })

  it('writes deleted_at like a field and names DELETE / RESTORE in the audit action', () => {
    const deleted = mergeRow(
      stored({}, at(100, A)),
      { table: companies, id: 'c1', op: 'delete', fields: { deleted_at: ctx.now }, hlc: at(200, A), base: null },
      ctx,
    )
    expect(deleted.action).toBe('DELETE')
    expect(deleted.state.values.deleted_by).toBe('user-b')
    const restored = mergeRow(deleted.state, { table: companies, id: 'c1', op: 'upsert', fields: { deleted_at: null }, hlc: at(300, A), base: null }, ctx)
    expect(restored.action).toBe('RESTORE')
    expect(restored.state.values.deleted_by).toBeNull()
  })

  it('tells an editor their edit landed on a row another device deleted', () => {
    const row = stored({}, at(100, A), '60', '2026-01-01T00:00:00.000Z')
    const result = mergeRow(row, { table: companies, id: 'c1', op: 'upsert', fields: { website: 'w' }, hlc: at(200, B), base: '10' }, ctx)
    expect(result.conflicts).toEqual([expect.objectContaining({ kind: 'EDIT_VS_DELETE', losingValue: { website: 'w' }, incoming: 'losing' })])
  })
})

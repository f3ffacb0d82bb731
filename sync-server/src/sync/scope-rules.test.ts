import { describe, expect, it } from 'vitest'
import { SYNCED_TABLES } from '../../../src/shared/model/tables'
import { SCOPES } from './scope'
import { mayChangeScope, scopeColumns } from './scope-rules'
import { TABLES } from './tables'

describe('scope rules mirror the scope predicates', () => {
  it('treats every column a predicate reads from its own row as scope-affecting', () => {
    for (const table of SYNCED_TABLES) {
      if (TABLES.get(table)!.reference) continue
      const predicate = SCOPES[table].predicate('row_under_test', '$1')
      const read = new Set([...predicate.matchAll(/row_under_test\.([a-z_]+)/g)].map((m) => m[1]!))
      read.delete('id')
      for (const column of read) expect(scopeColumns(table), `${table}.${column}`).toContain(column)
    }
  })

  it('predicts conservatively which raw mutations may change a scope', () => {
    expect(mayChangeScope({ table: 'companies', op: 'upsert', fields: { account_manager_id: 'x' } })).toBe(true)
    expect(mayChangeScope({ table: 'companies', op: 'upsert', fields: { name: 'x' } })).toBe(false)
    expect(mayChangeScope({ table: 'opportunities', op: 'delete', fields: {} })).toBe(true)
    expect(mayChangeScope({ table: 'branches', op: 'delete', fields: {} })).toBe(false)
    expect(mayChangeScope({ table: 'team_members', op: 'upsert', fields: { team_id: 't', user_id: 'u' } })).toBe(true)
    expect(mayChangeScope({ table: 'users', op: 'upsert', fields: { phone: '010' } })).toBe(false)
    expect(mayChangeScope(null)).toBe(false)
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { createReplicaStatements } from '../replica/statements'
import { replicaRegistry } from '../replica/registry'
import { createPermissionsReader } from './permissions'
import { openRepoHarness, type RepoHarness } from '../../../../test/support/device/repos'

const id = (n: number): string => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`
const ROLE = id(0x501)
const USER = id(0x5a1)
const stamp = { created_at: '2026-11-01T00:00:00.000Z', updated_at: '2026-11-01T00:00:00.000Z' }

let harness: RepoHarness | undefined
afterEach(() => harness?.close())

/** Rows as the server would have sent them: a role, one user holding it and the given grants. */
function directory(grants: ReadonlyArray<readonly [string, string]>): RepoHarness {
  const h = openRepoHarness()
  const statements = createReplicaStatements(h.sqlite)
  const registry = replicaRegistry()
  const row = (table: string, rowId: string, fields: Record<string, unknown>): void =>
    statements.upsertFields(registry.require(table), rowId, { ...stamp, ...fields })
  row('roles', ROLE, { name: '교육운영', code: 'TRAINING_OPS' })
  row('users', USER, { email: 'ops@augu.kr', first_name: '지우', last_name: '한', role_id: ROLE, user_tier: 'OPERATOR' })
  grants.forEach(([resource, action], n) => {
    row('permissions', id(0x600 + n), { resource, action, name: `${resource}:${action}` })
    row('role_permissions', id(0x700 + n), { role_id: ROLE, permission_id: id(0x600 + n) })
  })
  return h
}

describe('device permissions (the server rule read from the replica)', () => {
  it('falls back to the tier defaults while the role has no grants', () => {
    harness = directory([])
    const reader = createPermissionsReader(harness.sqlite)
    const operator = reader.writableTables(USER, 'OPERATOR')
    expect(operator.companies).toEqual(['create', 'update', 'delete'])
    expect(operator.products).toBeUndefined()
    expect(operator.instructors).toEqual(['create', 'update'])
    expect(reader.writableTables(USER, 'MANAGER').products).toEqual(['create', 'update', 'delete', 'approve'])
    expect(reader.forUser(USER, 'OPERATOR').source).toBe('tier')
  })

  it("uses the role's grants, wildcards included, once it has any", () => {
    harness = directory([
      ['products', 'UPDATE'],
      ['training', '*'],
    ])
    const reader = createPermissionsReader(harness.sqlite)
    const tables = reader.writableTables(USER, 'OPERATOR')
    expect(reader.forUser(USER, 'OPERATOR').source).toBe('role')
    expect(tables.products).toEqual(['update'])
    expect(tables.attendance_records).toEqual(['create', 'update', 'delete', 'approve'])
    // Granting anything replaces the tier defaults: no companies grant, no company edits.
    expect(tables.companies).toBeUndefined()
  })
})

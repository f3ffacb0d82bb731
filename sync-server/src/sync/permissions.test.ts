import { describe, expect, it } from 'vitest'
import { authorizeWrite, rolePermissions, tierPermissions } from './permissions'

const write = (
  table: Parameters<typeof authorizeWrite>[1]['table'],
  fields: Record<string, unknown>,
  existing: Record<string, unknown> | null = { id: 'r' },
  rowId = 'r',
) => ({
  table,
  rowId,
  existing,
  fields,
  userId: 'me',
})

describe('permissions', () => {
  it('applies the tier defaults when a role has no permission rows', () => {
    const operator = tierPermissions('OPERATOR')
    expect(authorizeWrite(operator, write('companies', { name: 'x' }))).toBeNull()
    expect(authorizeWrite(operator, write('products', { name: 'x' }))).toBe('no permission to update products')
    expect(authorizeWrite(operator, write('kpi_targets', { weight: 1 }))).toBe('no permission to update kpi_targets')
    expect(authorizeWrite(operator, write('instructors', { bio: 'x' }))).toBeNull()
    expect(authorizeWrite(operator, write('instructors', { deleted_at: 'x' }))).toBe('no permission to delete instructors')
    expect(authorizeWrite(tierPermissions('MANAGER'), write('products', { name: 'x' }))).toBeNull()
    expect(authorizeWrite(tierPermissions('MANAGER'), write('teams', { name: 'x' }))).toBe('no permission to update teams')
    expect(authorizeWrite(tierPermissions('EXECUTIVE'), write('teams', { name: 'x' }))).toBeNull()
  })

  it('lets users edit their own profile but not who they are in the organisation', () => {
    const operator = tierPermissions('OPERATOR')
    expect(authorizeWrite(operator, write('users', { phone: '010' }, { id: 'me' }, 'me'))).toBeNull()
    expect(authorizeWrite(operator, write('users', { role_id: 'x' }, { id: 'me' }, 'me'))).toMatch(/administrator/)
    expect(authorizeWrite(operator, write('users', { phone: '010' }, { id: 'other' }, 'other'))).toBe('no permission to update users')
  })

  it('reserves lead-assignment approval and limits conflict writes to resolution', () => {
    expect(authorizeWrite(tierPermissions('OPERATOR'), write('lead_assignments', { status: 'APPROVED' }, { id: 'r', status: 'PENDING' }))).toMatch(/manager/)
    expect(authorizeWrite(tierPermissions('MANAGER'), write('lead_assignments', { status: 'APPROVED' }, { id: 'r', status: 'PENDING' }))).toBeNull()
    expect(authorizeWrite(tierPermissions('EXECUTIVE'), write('sync_conflicts', { status: 'RESOLVED' }))).toBeNull()
    expect(authorizeWrite(tierPermissions('EXECUTIVE'), write('sync_conflicts', { field: 'x' }, null))).toMatch(/recorded by the server/)
  })

  it('uses role_permissions rows, with wildcards, when the role has any', () => {
    const role = rolePermissions(
      [
        { resource: 'companies', action: 'UPDATE' },
        { resource: 'products', action: '*' },
      ],
      'MANAGER',
    )
    // A business resource covers its tables: companies × UPDATE governs branches too; products × * the categories.
    expect(authorizeWrite(role, write('branches', { name: 'x' }))).toBeNull()
    expect(authorizeWrite(role, write('product_categories', { name: 'x' }, null))).toBeNull()
    expect(authorizeWrite(role, write('contacts', { first_name: 'x' }))).toBe('no permission to update contacts')
    expect(authorizeWrite(role, write('companies', { name: 'x' }))).toBeNull()
    expect(authorizeWrite(role, write('companies', { deleted_at: 'x' }))).toBe('no permission to delete companies')
    expect(authorizeWrite(role, write('companies', { name: 'x' }, null))).toBe('no permission to create companies')
    expect(authorizeWrite(role, write('products', { name: 'x' }, null))).toBeNull()
  })

  it('lets a users:UPDATE grant administer people, but only an executive makes someone an executive', () => {
    const admin = rolePermissions([{ resource: 'users', action: 'UPDATE' }], 'MANAGER')
    expect(authorizeWrite(admin, write('users', { department_id: 'x', is_active: false }, { id: 'other', user_tier: 'OPERATOR' }, 'other'))).toBeNull()
    // Issue 12 "Managers over executives": below executive, only users below your tier, and only tiers below yours.
    expect(authorizeWrite(admin, write('users', { user_tier: 'MANAGER' }, { id: 'other', user_tier: 'OPERATOR' }, 'other'))).toMatch(/only an executive/)
    expect(authorizeWrite(admin, write('users', { is_active: false }, { id: 'boss', user_tier: 'EXECUTIVE' }, 'other'))).toMatch(/only an executive/)
    expect(authorizeWrite(admin, write('users', { is_active: false }, { id: 'peer', user_tier: 'MANAGER' }, 'other'))).toMatch(/only an executive/)
    expect(authorizeWrite(admin, write('users', { user_tier: 'EXECUTIVE' }, { id: 'me', user_tier: 'MANAGER' }, 'me'))).toMatch(/only an executive/)
    expect(authorizeWrite(admin, write('users', { user_tier: 'EXECUTIVE' }, { id: 'other', user_tier: 'OPERATOR' }, 'other'))).toMatch(/only an executive/)
    expect(
      authorizeWrite(
        rolePermissions([{ resource: 'users', action: 'UPDATE' }], 'EXECUTIVE'),
        write('users', { user_tier: 'EXECUTIVE' }, { id: 'o', user_tier: 'MANAGER' }, 'o'),
      ),
    ).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { PERMISSION_RESOURCES, permissionResourceOf } from './permissions'
import { SYNCED_TABLES } from './tables'

describe('permission resources', () => {
  it('cover every synced table exactly once, except conflicts (resolved by their parties)', () => {
    const covered = PERMISSION_RESOURCES.flatMap((r) => r.tables)
    expect(new Set(covered).size).toBe(covered.length)
    expect(SYNCED_TABLES.filter((t) => permissionResourceOf(t) === undefined)).toEqual(['instructor_clashes', 'sync_conflicts'])
  })

  it('maps the six training tables to one business resource', () => {
    expect(permissionResourceOf('attendance_records')).toBe('training')
    expect(permissionResourceOf('branches')).toBe('companies')
  })
})

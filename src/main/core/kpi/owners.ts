/**
 * Who a KPI target belongs to: a user, a team, a department or our company as a whole (전사), read from the replica's
 * directory. Our company has no row of its own; the root department stands for it (as in the demo data).
 */
import { compareKorean } from '../../../shared/domain/korean-text'
import { displayName } from '../../../shared/domain/korean-name'
import { type KpiOwnerOption } from '../../../shared/ipc/kpi-types'
import { type KpiEntityType } from '../../../shared/model/enums'
import { type Sqlite } from '../sqlite'

export interface KpiOwners {
  /** Every owner a target can be given, 전사 first, then departments, teams and users in 가나다 order. */
  list(): KpiOwnerOption[]
  label(type: KpiEntityType | null, id: string | null): string
  exists(type: KpiEntityType, id: string): boolean
  /** The root department, which stands for the company; null on a replica without departments. */
  companyId(): string | null
}

export function createKpiOwners(sqlite: Sqlite): KpiOwners {
  const rootDepartment = sqlite.prepare<[], { id: string }>('SELECT id FROM departments WHERE deleted_at IS NULL AND parent_id IS NULL ORDER BY code LIMIT 1')
  const userRow = sqlite.prepare<[string], { first_name: string; last_name: string }>(
    'SELECT first_name, last_name FROM users WHERE id = ? AND deleted_at IS NULL',
  )
  const teamRow = sqlite.prepare<[string], { name: string }>('SELECT name FROM teams WHERE id = ? AND deleted_at IS NULL')
  const departmentRow = sqlite.prepare<[string], { name: string }>('SELECT name FROM departments WHERE id = ? AND deleted_at IS NULL')

  return {
    list() {
      const users = sqlite
        .prepare<[], { id: string; first_name: string; last_name: string }>(
          'SELECT id, first_name, last_name FROM users WHERE deleted_at IS NULL AND is_active = 1',
        )
        .all()
        .map((u) => ({ type: 'USER' as const, id: u.id, label: displayName({ lastName: u.last_name, firstName: u.first_name }) }))
      const teams = sqlite
        .prepare<[], { id: string; name: string }>('SELECT id, name FROM teams WHERE deleted_at IS NULL AND is_active = 1')
        .all()
        .map((t) => ({ type: 'TEAM' as const, id: t.id, label: t.name }))
      const departments = sqlite
        .prepare<[], { id: string; name: string }>('SELECT id, name FROM departments WHERE deleted_at IS NULL AND is_active = 1')
        .all()
        .map((d) => ({ type: 'DEPARTMENT' as const, id: d.id, label: d.name }))
      const byLabel = (a: KpiOwnerOption, b: KpiOwnerOption) => compareKorean(a.label, b.label)
      const root = rootDepartment.get()
      return [
        ...(root ? [{ type: 'COMPANY' as const, id: root.id, label: '전사' }] : []),
        ...departments.sort(byLabel),
        ...teams.sort(byLabel),
        ...users.sort(byLabel),
      ]
    },

    label(type, id) {
      if (type === 'COMPANY' || type === null) return '전사'
      if (!id) return ''
      if (type === 'USER') {
        const user = userRow.get(id)
        return user ? displayName({ lastName: user.last_name, firstName: user.first_name }) : ''
      }
      return (type === 'TEAM' ? teamRow.get(id) : departmentRow.get(id))?.name ?? ''
    },

    exists(type, id) {
      if (type === 'USER') return userRow.get(id) !== undefined
      if (type === 'TEAM') return teamRow.get(id) !== undefined
      return departmentRow.get(id) !== undefined
    },

    companyId: () => rootDepartment.get()?.id ?? null,
  }
}

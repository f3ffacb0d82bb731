import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WriteForbiddenError } from '../outbox/write-permission'
import {
  departmentSaveSchema,
  membershipSetSchema,
  permissionSetSchema,
  roleSaveSchema,
  teamSaveSchema,
  userSaveSchema,
} from '../../../shared/model/validation/admin'
import { countRows, createTempDir, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { createAdminRepo, type AdminRepo } from './admin'
import { AdminRuleError } from './rules'
import { openRepoTestDevice, type RepoTestDevice } from '../../../../test/support/device/repos'

const ADMIN = { id: testId(0xad), tier: 'EXECUTIVE' } as const
const STAFF = { id: testId(0x51), tier: 'OPERATOR' } as const
const OTHER = testId(0x52)
const ROLE = '0190a000-0000-7000-8000-0000000000f0'

describe('admin repository (real SQLite)', () => {
  let dir: TempDir
  let device: RepoTestDevice
  let repo: AdminRepo

  const rejectedWith = (fn: () => unknown): string => {
    try {
      fn()
    } catch (error) {
      if (error instanceof AdminRuleError) return error.rule
      // The writer's permission check (table × operation), before anything is written.
      if (error instanceof WriteForbiddenError) return 'forbidden'
      throw error
    }
    throw new Error('expected a refusal')
  }
  const outbox = (table: string): number => countRows(device.sqlite, 'outbox', `table_name = '${table}'`)

  beforeEach(() => {
    dir = createTempDir('crm-admin-')
    device = openRepoTestDevice(dir.file('replica.sqlite'))
    device.addUser({ id: ADMIN.id, lastName: '최', firstName: '대표', tier: 'EXECUTIVE' })
    device.addUser({ id: STAFF.id, lastName: '한', firstName: '사원' })
    device.addUser({ id: OTHER, lastName: '윤', firstName: '사원' })
    device.sqlite.prepare(`INSERT INTO roles (id, name) VALUES (?, 'STAFF')`).run(ROLE)
    device.signInAs(ADMIN)
    repo = createAdminRepo(device)
    repo.saveTeam(teamSaveSchema.parse({ id: undefined, code: 'T-A', name: '기업영업1팀', leadId: null, departmentId: null }))
  })
  afterEach(() => {
    device.close()
    dir.remove()
  })

  const teamId = (name: string): string => repo.teams().find((t) => t.name === name)!.id

  it('lists users with Korean names, role, tier and current teams', () => {
    const a = teamId('기업영업1팀')
    repo.setMembership(membershipSetSchema.parse({ teamId: a, userId: STAFF.id, member: true }))
    const staff = repo.users().find((u) => u.id === STAFF.id)!
    expect(staff).toMatchObject({
      name: '한사원',
      tier: 'OPERATOR',
      roleName: 'STAFF',
      isActive: true,
      teams: [{ teamId: a, name: '기업영업1팀', role: 'MEMBER' }],
    })
  })

  it('moves a user between teams in one save: the old membership gets left_at, the new one joined_at; history is kept', () => {
    const a = teamId('기업영업1팀')
    repo.saveTeam(teamSaveSchema.parse({ code: 'T-B', name: '기업영업2팀', leadId: null, departmentId: null }))
    const TEAM_B = teamId('기업영업2팀')
    repo.saveUser(userSaveSchema.parse({ id: STAFF.id, teamIds: [a] }))
    device.setNow('2026-11-03T01:00:00.000Z')
    const saved = repo.saveUser(userSaveSchema.parse({ id: STAFF.id, teamIds: [TEAM_B], tier: 'MANAGER' }))
    expect(saved.teams.map((t) => t.teamId)).toEqual([TEAM_B])
    expect(saved.tier).toBe('MANAGER')
    const rows = device.sqlite.prepare(`SELECT team_id, left_at, deleted_at FROM team_members WHERE user_id = ? ORDER BY joined_at`).all(STAFF.id) as {
      team_id: string
      left_at: string | null
      deleted_at: string | null
    }[]
    expect(rows).toEqual([
      { team_id: a, left_at: '2026-11-03T01:00:00.000Z', deleted_at: null },
      { team_id: TEAM_B, left_at: null, deleted_at: null },
    ])
    // Re-joining reopens the same row (the server allows one live row per team and user).
    repo.setMembership(membershipSetSchema.parse({ teamId: a, userId: STAFF.id, member: true }))
    expect(countRows(device.sqlite, 'team_members', `user_id = '${STAFF.id}'`)).toBe(2)
    expect(
      repo
        .users()
        .find((u) => u.id === STAFF.id)!
        .teams.map((t) => t.teamId)
        .sort(),
    ).toEqual([a, TEAM_B].sort())
    expect(outbox('team_members')).toBeGreaterThanOrEqual(3)
  })

  it('deactivates and reactivates a user through the outbox', () => {
    expect(repo.saveUser(userSaveSchema.parse({ id: OTHER, isActive: false })).isActive).toBe(false)
    expect(repo.saveUser(userSaveSchema.parse({ id: OTHER, isActive: true })).isActive).toBe(true)
    expect(outbox('users')).toBe(2)
  })

  it('creates a role, grants and revokes a matrix cell; the permission row is created once with a name-derived id', () => {
    const roles = repo.saveRole(roleSaveSchema.parse({ name: '교육 코디네이터', description: '출결 관리' }))
    const role = roles.find((r) => r.name === '교육 코디네이터')!
    expect(rejectedWith(() => repo.saveRole(roleSaveSchema.parse({ name: '교육 코디네이터' })))).toBe('duplicateName')
    const granted = repo.setPermission(permissionSetSchema.parse({ roleId: role.id, resource: 'training', action: 'UPDATE', granted: true }))
    expect(granted.find((r) => r.id === role.id)!.grants).toEqual(['training:UPDATE'])
    expect(countRows(device.sqlite, 'permissions', `resource = 'training' AND action = 'UPDATE'`)).toBe(1)
    const revoked = repo.setPermission(permissionSetSchema.parse({ roleId: role.id, resource: 'training', action: 'UPDATE', granted: false }))
    expect(revoked.find((r) => r.id === role.id)!.grants).toEqual([])
    // Granting again restores the tombstoned grant instead of adding a second row.
    repo.setPermission(permissionSetSchema.parse({ roleId: role.id, resource: 'training', action: 'UPDATE', granted: true }))
    expect(countRows(device.sqlite, 'role_permissions', `role_id = '${role.id}'`)).toBe(1)
    expect(countRows(device.sqlite, 'permissions')).toBe(1)
    expect(rejectedWith(() => repo.setPermission(permissionSetSchema.parse({ roleId: role.id, resource: 'reports', action: 'DELETE', granted: true })))).toBe(
      'unknownPermission',
    )
  })

  it('refuses to delete a role someone holds', () => {
    expect(rejectedWith(() => repo.saveRole(roleSaveSchema.parse({ id: ROLE, name: 'STAFF', deleted: true })))).toBe('roleInUse')
  })

  it('keeps departments a tree and refuses a cycle', () => {
    const idOf = (name: string): string => repo.departments().find((d) => d.name === name)!.id
    repo.saveDepartment(departmentSaveSchema.parse({ code: 'D10', name: '영업본부', parentId: null }))
    const top = idOf('영업본부')
    repo.saveDepartment(departmentSaveSchema.parse({ code: 'D11', name: '기업영업부', parentId: top }))
    const child = idOf('기업영업부')
    const tree = repo.saveDepartment(departmentSaveSchema.parse({ code: 'D12', name: '수도권파트', parentId: child }))
    const grandchild = idOf('수도권파트')
    expect(tree.map((d) => [d.name, d.depth])).toEqual([
      ['영업본부', 0],
      ['기업영업부', 1],
      ['수도권파트', 2],
    ])
    const before = countRows(device.sqlite, 'outbox')
    expect(rejectedWith(() => repo.saveDepartment(departmentSaveSchema.parse({ id: top, code: 'D10', name: '영업본부', parentId: grandchild })))).toBe(
      'departmentCycle',
    )
    expect(rejectedWith(() => repo.saveDepartment(departmentSaveSchema.parse({ id: top, code: 'D10', name: '영업본부', parentId: top })))).toBe(
      'departmentCycle',
    )
    expect(rejectedWith(() => repo.saveDepartment(departmentSaveSchema.parse({ code: 'd11', name: '중복', parentId: null })))).toBe('duplicateCode')
    expect(countRows(device.sqlite, 'outbox')).toBe(before)
  })

  it('a team lead becomes a LEAD member; leaving keeps the row with left_at', () => {
    const TEAM_A = teamId('기업영업1팀')
    const teams = repo.saveTeam(teamSaveSchema.parse({ id: TEAM_A, code: 'T-A', name: '교육운영1팀', leadId: STAFF.id, departmentId: null }))
    expect(teams.find((t) => t.id === TEAM_A)!.members).toMatchObject([{ userId: STAFF.id, role: 'LEAD', name: '한사원' }])
    const replaced = repo.saveTeam(teamSaveSchema.parse({ id: TEAM_A, code: 'T-A', name: '교육운영1팀', leadId: OTHER, departmentId: null }))
    expect(replaced.find((t) => t.id === TEAM_A)!.members.map((m) => [m.name, m.role])).toEqual([
      ['윤사원', 'LEAD'],
      ['한사원', 'MEMBER'],
    ])
    const after = repo.setMembership(membershipSetSchema.parse({ teamId: TEAM_A, userId: STAFF.id, member: false }))
    expect(after.find((t) => t.id === TEAM_A)!.members.map((m) => m.name)).toEqual(['윤사원'])
    expect(countRows(device.sqlite, 'team_members', `team_id = '${TEAM_A}' AND left_at IS NOT NULL AND deleted_at IS NULL`)).toBe(1)
  })

  it('refuses a user without admin rights, before anything is written', () => {
    device.signInAs(STAFF)
    const before = countRows(device.sqlite, 'outbox')
    expect(rejectedWith(() => repo.saveUser(userSaveSchema.parse({ id: OTHER, tier: 'EXECUTIVE' })))).toBe('notAllowed')
    expect(rejectedWith(() => repo.saveRole(roleSaveSchema.parse({ name: '해커' })))).toBe('forbidden')
    expect(countRows(device.sqlite, 'outbox')).toBe(before)
  })
})

describe('admin repository: an administrator cannot lock themselves out', () => {
  let dir: TempDir
  let device: RepoTestDevice
  let repo: AdminRepo
  const EXEC_ROLE = testId(0xe0)

  beforeEach(() => {
    dir = createTempDir('crm-admin-self-')
    device = openRepoTestDevice(dir.file('replica.sqlite'))
    device.sqlite.prepare(`INSERT INTO roles (id, name) VALUES (?, 'EXECUTIVE')`).run(EXEC_ROLE)
    device.sqlite
      .prepare(`INSERT INTO users (id, email, first_name, last_name, role_id, user_tier, is_active) VALUES (?, 'ceo@augu.kr', '대표', '최', ?, 'EXECUTIVE', 1)`)
      .run(ADMIN.id, EXEC_ROLE)
    device.signInAs(ADMIN)
    repo = createAdminRepo(device)
  })
  afterEach(() => {
    device.close()
    dir.remove()
  })

  const rule = (fn: () => unknown): string => {
    try {
      fn()
    } catch (error) {
      if (error instanceof AdminRuleError) return error.rule
      // The writer's permission check (table × operation), before anything is written.
      if (error instanceof WriteForbiddenError) return 'forbidden'
      throw error
    }
    return 'accepted'
  }

  it('refuses demoting or deactivating oneself and the first grant of one’s own role (it would replace the tier defaults)', () => {
    expect(rule(() => repo.saveUser(userSaveSchema.parse({ id: ADMIN.id, tier: 'OPERATOR' })))).toBe('selfLockout')
    expect(rule(() => repo.saveUser(userSaveSchema.parse({ id: ADMIN.id, isActive: false })))).toBe('selfLockout')
    expect(rule(() => repo.setPermission(permissionSetSchema.parse({ roleId: EXEC_ROLE, resource: 'training', action: 'UPDATE', granted: true })))).toBe(
      'selfLockout',
    )
    expect(countRows(device.sqlite, 'outbox')).toBe(0)
    // Even settings:UPDATE alone locks out: the vocabulary has no settings:CREATE, so a role-based administrator could not
    // add grants or team members any more (reported; the tier defaults keep an EXECUTIVE in charge meanwhile).
    expect(rule(() => repo.setPermission(permissionSetSchema.parse({ roleId: EXEC_ROLE, resource: 'settings', action: 'UPDATE', granted: true })))).toBe(
      'selfLockout',
    )
    expect(rule(() => repo.saveUser(userSaveSchema.parse({ id: ADMIN.id, teamIds: [] })))).toBe('accepted')
  })
})

/**
 * An administrator on a laptop without network, through the real renderer, handler table and SQLite replica: moves a
 * user to another team and grants a permission in the matrix. Both are ordinary synced writes, so they wait in the
 * outbox (pending rises) with the right rows; the audit log, which lives on the server, says it needs a connection.
 *
 * The organisation is what a fresh installation has: roles named after the tiers without any grants (the server's
 * create-user makes them), so the EXECUTIVE administrator works from the tier defaults.
 */
import type Database from 'better-sqlite3'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createReplicaStatements } from '../../src/main/core/replica/statements'
import { replicaRegistry } from '../../src/main/core/replica/registry'
import { screenshot } from './browser'
import { openOfflineDevice, pendingChanges, type OfflineDevice } from './offline-device'
import { openHarnessDatabase } from '../../scripts/dev-web'

const id = (n: number): string => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`
const ADMIN = { id: id(0xad0001), email: 'ceo@augu.kr', tier: 'EXECUTIVE' as const, firstName: '대표', lastName: '최' }
const STAFF = id(0xad0002)
const ROLE_EXECUTIVE = id(0xad0101)
const ROLE_OPERATOR = id(0xad0102)
const TEAM_ONE = id(0xad0201)
const TEAM_TWO = id(0xad0202)
const DEPARTMENT = id(0xad0301)

function seedOrganisation(sqlite: Database.Database): void {
  const registry = replicaRegistry()
  const statements = createReplicaStatements(sqlite)
  const row = (table: string, rowId: string, fields: Record<string, unknown>): void => {
    const now = '2026-11-20T00:00:00.000Z'
    statements.upsertFields(registry.require(table), rowId, { created_at: now, updated_at: now, ...fields })
  }
  row('roles', ROLE_EXECUTIVE, { name: 'EXECUTIVE' })
  row('roles', ROLE_OPERATOR, { name: 'OPERATOR', description: '실무자 기본 역할' })
  row('departments', DEPARTMENT, { code: 'D10', name: '영업본부', is_active: true })
  row('users', ADMIN.id, {
    email: ADMIN.email,
    first_name: ADMIN.firstName,
    last_name: ADMIN.lastName,
    role_id: ROLE_EXECUTIVE,
    user_tier: 'EXECUTIVE',
    is_active: true,
  })
  row('users', STAFF, {
    email: 'kim@augu.kr',
    first_name: '민수',
    last_name: '김',
    role_id: ROLE_OPERATOR,
    user_tier: 'OPERATOR',
    department_id: DEPARTMENT,
    is_active: true,
  })
  row('teams', TEAM_ONE, { code: 'T1', name: '기업영업1팀', department_id: DEPARTMENT, is_active: true })
  row('teams', TEAM_TWO, { code: 'T2', name: '기업영업2팀', department_id: DEPARTMENT, is_active: true })
  row('team_members', id(0xad0401), { team_id: TEAM_ONE, user_id: STAFF, role: 'MEMBER', joined_at: '2026-01-02T00:00:00.000Z' })
}

let device: OfflineDevice
let page: Page

const outboxRows = (): { table_name: string; row_id: string }[] => {
  const db = openHarnessDatabase(device.dbFile, { readonly: true })
  try {
    return db.prepare(`SELECT table_name, row_id FROM outbox ORDER BY seq`).all() as { table_name: string; row_id: string }[]
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  device = await openOfflineDevice({ prepare: seedOrganisation, user: ADMIN })
  page = device.page
}, 120_000)

afterAll(async () => {
  await device?.close()
})

describe('administration, offline', () => {
  it("moves a user to another team from the user's edit dialog; the change waits in the outbox", async () => {
    await page.getByRole('button', { name: '관리' }).click()
    const users = page.getByTestId('admin-users')
    await expect.poll(async () => (await users.locator('tr', { hasText: '김민수' }).textContent()) ?? '').toContain('기업영업1팀')
    const pendingBefore = await pendingChanges(page)

    await page.getByRole('button', { name: '김민수 편집' }).click()
    const dialog = page.getByRole('dialog', { name: '김민수 사용자 편집' })
    await dialog.getByLabel('기업영업1팀').uncheck()
    await dialog.getByLabel('기업영업2팀').check()
    await dialog.getByRole('button', { name: '저장' }).click()
    await dialog.waitFor({ state: 'detached' })

    const staffRow = users.locator('tr', { hasText: '김민수' })
    await expect.poll(async () => (await staffRow.textContent()) ?? '').toContain('기업영업2팀')
    expect(await staffRow.textContent()).not.toContain('기업영업1팀')
    // Leaving team 1 (left_at on the old membership) and joining team 2 (a new membership).
    await expect.poll(() => pendingChanges(page)).toBe(pendingBefore + 2)
    expect(outboxRows().filter((r) => r.table_name === 'team_members')).toHaveLength(2)

    await page.getByRole('tab', { name: '팀' }).click()
    const teamTwo = page.getByRole('region', { name: '기업영업2팀' })
    await expect.poll(async () => (await teamTwo.textContent()) ?? '').toContain('김민수')
  })

  it('grants a permission in the matrix: the checkbox stays ticked and the grant is pending', async () => {
    const pendingBefore = await pendingChanges(page)
    await page.getByRole('tab', { name: '역할·권한' }).click()
    await page.getByRole('button', { name: /^OPERATOR/ }).click()
    const matrix = page.getByTestId('permission-matrix')
    const cell = matrix.getByLabel('교육 운영 수정')
    expect(await cell.isChecked()).toBe(false)
    // The box follows the saved grant (it ticks once the replica has it), so click rather than check().
    await cell.click()
    await expect.poll(() => cell.isChecked()).toBe(true)
    // A resource without the action has no checkbox at all (reports cannot be deleted).
    expect(await matrix.getByLabel('리포트 삭제').count()).toBe(0)
    // The permission row (training × UPDATE) did not exist yet: it is created with the grant.
    await expect.poll(() => pendingChanges(page)).toBe(pendingBefore + 2)
    expect(
      outboxRows()
        .slice(-2)
        .map((r) => r.table_name),
    ).toEqual(['permissions', 'role_permissions'])
    await screenshot(page, 'admin-permission-matrix')
  })

  it('builds the department tree; a department cannot be put under its own child', async () => {
    await page.getByRole('tab', { name: '부서' }).click()
    await page.getByRole('button', { name: '부서 추가' }).click()
    const create = page.getByRole('dialog', { name: '부서 추가' })
    await create.getByLabel('부서 코드').fill('D11')
    await create.getByLabel('부서명').fill('기업영업부')
    await create.getByLabel('상위 부서').selectOption({ label: '영업본부' })
    await create.getByRole('button', { name: '저장' }).click()
    await create.waitFor({ state: 'detached' })
    const tree = page.getByTestId('department-tree')
    await expect.poll(async () => tree.locator('li[aria-level="2"]').textContent()).toContain('기업영업부')

    // The parent list of 영업본부 leaves out itself and its sub-departments (the repository refuses a cycle too).
    await page.getByRole('button', { name: '영업본부 편집' }).click()
    const edit = page.getByRole('dialog', { name: '부서 편집' })
    const parents = await edit.getByLabel('상위 부서').locator('option').allTextContents()
    expect(parents.map((p) => p.trim())).toEqual(['(최상위)'])
    await screenshot(page, 'admin-department-edit')
    await edit.getByRole('button', { name: '취소' }).click()
  })

  it('the audit log needs the server: offline it says so instead of showing nothing', async () => {
    await page.getByRole('tab', { name: '감사 로그' }).click()
    await expect.poll(async () => (await page.getByTestId('admin-online-only').textContent()) ?? '').toBe('서버에 연결되어 있을 때만 사용할 수 있습니다')
    await page.getByRole('tab', { name: '사용자' }).click()
    await screenshot(page, 'admin-users')
    expect(device.pageErrors).toEqual([])
  })
})

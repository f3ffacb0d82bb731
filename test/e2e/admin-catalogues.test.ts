/**
 * Campaigns (캠페인) and industries (업종) in administration, on an offline laptop through the real renderer, handler
 * table and SQLite replica: create with errors in the app's words first, edit, end a campaign by its status, delete
 * with the counts of what goes with it and what keeps pointing at it, undo from the toast. Every write waits in the
 * outbox. Screenshots at 1280×720 in Korean and English.
 */
import type Database from 'better-sqlite3'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createReplicaStatements } from '../../src/main/core/replica/statements'
import { replicaRegistry } from '../../src/main/core/replica/registry'
import { screenshot } from './browser'
import { openOfflineDevice, pendingChanges, replicaRows, type OfflineDevice } from './offline-device'

const id = (n: number): string => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`
const ADMIN = { id: id(0xca0001), email: 'ceo@augu.kr', tier: 'EXECUTIVE' as const, firstName: '대표', lastName: '최' }
const ROLE = id(0xca0101)
const INDUSTRY = id(0xca0201)
const CAMPAIGN = id(0xca0301)

function seed(sqlite: Database.Database): void {
  const registry = replicaRegistry()
  const statements = createReplicaStatements(sqlite)
  const row = (table: string, rowId: string, fields: Record<string, unknown>): void => {
    const now = '2026-11-20T00:00:00.000Z'
    statements.upsertFields(registry.require(table), rowId, { created_at: now, updated_at: now, ...fields })
  }
  row('roles', ROLE, { name: 'EXECUTIVE' })
  row('users', ADMIN.id, { email: ADMIN.email, first_name: ADMIN.firstName, last_name: ADMIN.lastName, role_id: ROLE, user_tier: 'EXECUTIVE', is_active: true })
  row('industries', INDUSTRY, { code: 'MFG', name: '제조업' })
  row('companies', id(0xca0401), { code: 'C-1', name: '한빛전자', industry_id: INDUSTRY, tier: 'GOLD', status: 'ACTIVE', payment_terms: 30 })
  row('campaigns', CAMPAIGN, {
    code: 'CP-0000-0000-0001',
    name: '2026 HRD 박람회',
    type: 'EXHIBITION',
    status: 'ACTIVE',
    start_date: '2026-10-01',
    end_date: '2026-10-03',
  })
  row('leads', id(0xca0501), { code: 'LD-1', company_name: '박람회 방문사', contact_name: '이지은', status: 'NEW', source: 'CAMPAIGN', campaign_id: CAMPAIGN })
}

let device: OfflineDevice
let page: Page

beforeAll(async () => {
  device = await openOfflineDevice({ prepare: seed, user: ADMIN })
  page = device.page
  await page.setViewportSize({ width: 1280, height: 720 })
}, 120_000)

afterAll(async () => {
  await device?.close()
})

describe('campaigns and industries in administration, offline', () => {
  it('adds a campaign: an end before the start is refused in the app’s words and nothing is written; then it saves', async () => {
    await page.getByRole('button', { name: '관리' }).click()
    await page.getByRole('tab', { name: '캠페인' }).click()
    const table = page.getByTestId('campaign-table')
    await expect.poll(async () => (await table.textContent()) ?? '').toContain('2026 HRD 박람회')
    expect(await table.locator('tr', { hasText: '2026 HRD 박람회' }).textContent()).toContain('리드 1건')
    const pendingBefore = await pendingChanges(page)

    await page.getByRole('button', { name: '캠페인 추가' }).click()
    const dialog = page.getByRole('dialog', { name: '캠페인 추가' })
    await dialog.getByLabel('캠페인명').fill('2027 리더십 세미나')
    await dialog.getByLabel('유형').selectOption('SEMINAR')
    await dialog.getByLabel('시작일').fill('2027-03-31')
    await dialog.getByLabel('종료일').fill('2027-03-01')
    await dialog.getByLabel('예산 (원)').fill('1500만')
    await dialog.getByRole('button', { name: '저장' }).click()
    await dialog.getByText('종료일은 시작일과 같거나 그 이후여야 합니다.').waitFor()
    expect(await pendingChanges(page)).toBe(pendingBefore)
    await screenshot(page, 'admin-campaign-error-ko')

    await dialog.getByLabel('종료일').fill('2027-04-02')
    await dialog.getByRole('button', { name: '저장' }).click()
    await dialog.waitFor({ state: 'detached' })
    const created = table.locator('tr', { hasText: '2027 리더십 세미나' })
    await expect.poll(async () => (await created.textContent()) ?? '').toContain('세미나')
    expect(await created.textContent()).toContain('1,500만원')
    expect(await pendingChanges(page)).toBe(pendingBefore + 1)
    const [stored] = replicaRows<{ code: string; budget: number; end_date: string }>(
      device,
      `SELECT code, budget, end_date FROM campaigns WHERE name = '2027 리더십 세미나'`,
    )
    expect(stored).toMatchObject({ budget: 15_000_000, end_date: '2027-04-02' })
    expect(stored!.code).toMatch(/^CP-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    await screenshot(page, 'admin-campaigns-ko')
  })

  it('ends a campaign by its status: it stays on the list, marked, and on the lead that names it', async () => {
    await page.getByRole('button', { name: '2026 HRD 박람회 편집' }).click()
    const dialog = page.getByRole('dialog', { name: '캠페인 편집' })
    await dialog.getByLabel('상태').selectOption('COMPLETED')
    await dialog.getByRole('button', { name: '저장' }).click()
    await dialog.waitFor({ state: 'detached' })
    const row = page.getByTestId('campaign-table').locator('tr', { hasText: '2026 HRD 박람회' })
    await expect.poll(async () => row.getAttribute('data-inactive')).toBe('true')
    expect(await row.textContent()).toContain('완료')
    expect(replicaRows(device, `SELECT campaign_id FROM leads`)).toEqual([{ campaign_id: CAMPAIGN }])
  })

  it('deletes a campaign saying which records keep pointing at it, and undoes it from the toast', async () => {
    await page.getByRole('button', { name: '2026 HRD 박람회 삭제' }).click()
    const confirm = page.getByRole('dialog', { name: '캠페인 삭제' })
    expect(await confirm.getByTestId('delete-references').textContent()).toContain('리드 1건')
    await screenshot(page, 'admin-campaign-delete-ko')
    await confirm.getByRole('button', { name: '삭제' }).click()
    const table = page.getByTestId('campaign-table')
    await expect.poll(async () => (await table.textContent()) ?? '').not.toContain('2026 HRD 박람회')
    expect(replicaRows(device, `SELECT campaign_id FROM leads`)).toEqual([{ campaign_id: CAMPAIGN }])
    await page.getByRole('button', { name: '되돌리기' }).click()
    await expect.poll(async () => (await table.textContent()) ?? '').toContain('2026 HRD 박람회')
  })

  it('keeps industries as a tree; deleting one names its sub-industries and the companies filed under it', async () => {
    await page.getByRole('tab', { name: '업종' }).click()
    const tree = page.getByTestId('industry-tree')
    await expect.poll(async () => (await tree.textContent()) ?? '').toContain('고객사 1곳')

    await page.getByRole('button', { name: '업종 추가' }).click()
    const dialog = page.getByRole('dialog', { name: '업종 추가' })
    await dialog.getByLabel('업종 코드').fill('반도 체')
    await dialog.getByLabel('업종명').fill('반도체')
    await dialog.getByLabel('상위 업종').selectOption({ label: '제조업' })
    await dialog.getByRole('button', { name: '저장' }).click()
    await dialog.getByText('코드는 영문, 숫자, -, _ 만 쓸 수 있습니다').waitFor()
    await dialog.getByLabel('업종 코드').fill('SEMI')
    await dialog.getByRole('button', { name: '저장' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(async () => tree.locator('li[aria-level="2"]').textContent()).toContain('반도체')

    // A code already in use is refused by the repository, in the dialog.
    await page.getByRole('button', { name: '업종 추가' }).click()
    const again = page.getByRole('dialog', { name: '업종 추가' })
    await again.getByLabel('업종 코드').fill('mfg')
    await again.getByLabel('업종명').fill('다른 제조')
    await again.getByRole('button', { name: '저장' }).click()
    await again.getByText('이미 사용 중인 코드입니다.').waitFor()
    await again.getByRole('button', { name: '취소' }).click()
    await screenshot(page, 'admin-industries-ko')

    await page.getByRole('button', { name: '제조업 삭제' }).click()
    const confirm = page.getByRole('dialog', { name: '업종 삭제' })
    expect(await confirm.getByTestId('delete-preview').textContent()).toContain('하위 업종 1개')
    expect(await confirm.getByTestId('delete-references').textContent()).toContain('고객사 1곳')
    await screenshot(page, 'admin-industry-delete-ko')
    await confirm.getByRole('button', { name: '삭제' }).click()
    await page.getByTestId('industries-empty').waitFor()
    expect(replicaRows(device, `SELECT count(*) AS n FROM industries WHERE deleted_at IS NOT NULL`)).toEqual([{ n: 2 }])
  })

  it('reads in English with no Korean left in the screen’s own words', async () => {
    // The Korean deletes' toasts were written in Korean: close them before switching.
    const toasts = page.locator('.toast__close')
    while ((await toasts.count()) > 0) await toasts.first().click()
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('tab', { name: 'Campaigns' }).click()
    const table = page.getByTestId('campaign-table')
    await table.waitFor()
    const headers = (await table.locator('thead').textContent()) ?? ''
    expect(headers).toContain('Budget')
    expect(headers).not.toMatch(/[\uac00-\ud7a3]/)
    expect(await table.locator('tr', { hasText: '2027 리더십 세미나' }).textContent()).toContain('Seminar')
    await screenshot(page, 'admin-campaigns-en')
    await page.getByRole('button', { name: 'Add campaign' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add campaign' })
    await dialog.getByLabel('Campaign name').fill('X')
    await dialog.getByLabel('Start date').fill('2027-03-31')
    await dialog.getByLabel('End date').fill('2027-03-01')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.getByText('The end date must be on or after the start date.').waitFor()
    // The only Korean left is data: the owner picker lists the user 최대표.
    expect(((await dialog.textContent()) ?? '').replace('최대표', '')).not.toMatch(/[\uac00-\ud7a3]/)
    await screenshot(page, 'admin-campaign-error-en')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('tab', { name: 'Industries' }).click()
    await page.getByTestId('industries-empty').waitFor()
    await screenshot(page, 'admin-industries-en')
    await page.getByRole('button', { name: '한국어' }).click()
    expect(device.pageErrors).toEqual([])
  })
})

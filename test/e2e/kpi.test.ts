/**
 * A team manager, offline, on the KPI screen over the demo data: defines a "lower is better" KPI (customer complaints),
 * sets a quarterly target for it, is stopped by a clear Korean message when stretch and minimum are the wrong way round, records
 * an actual below the target, and sees it achieved (5 / 4 = 125 %, 목표 달성). Through the real renderer, handler
 * table and SQLite replica; the target and the actual wait in the outbox.
 */
import type Database from 'better-sqlite3'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../src/demo/accounts'
import { todayIsoDate } from '../../src/shared/domain/dates'
import { fiscalPeriodLabel, fiscalPeriodOf } from '../../src/shared/domain/fiscal-period'
import { screenshot } from './browser'
import { openOfflineDevice, pendingChanges, type OfflineDevice } from './offline-device'

const manager = DEMO_ACCOUNTS.manager
const KPI_NAME = '고객 불만 건수'
let teamName = ''

/** The team the manager leads in the demo data (targets are set for it). */
function findTeam(sqlite: Database.Database): void {
  const team = sqlite.prepare('SELECT name FROM teams WHERE team_lead_id = ? AND deleted_at IS NULL ORDER BY code LIMIT 1').get(manager.id) as
    { name: string } | undefined
  teamName = team?.name ?? ''
}

let device: OfflineDevice
let page: Page
const row = () => page.locator(`[data-testid="kpi-row"][data-kpi="${KPI_NAME}"]`)

beforeAll(async () => {
  device = await openOfflineDevice({
    demoScale: 2000,
    prepare: findTeam,
    user: { id: manager.id, email: manager.email, tier: manager.tier, firstName: manager.firstName, lastName: manager.lastName },
  })
  page = device.page
}, 120_000)

afterAll(async () => {
  await device?.close()
})

describe('KPI targets and achievement, offline', () => {
  it('opens the KPI screen on this quarter for the manager’s team, with the demo’s figures', async () => {
    expect(teamName).not.toBe('')
    await page.getByRole('button', { name: 'KPI', exact: true }).click()
    const label = fiscalPeriodLabel(fiscalPeriodOf(todayIsoDate(), 'QUARTER'))
    await expect.poll(() => page.getByTestId('kpi-period-label').textContent()).toBe(label)
    // A manager may look at their own KPIs or their team's, not the company's.
    await page.getByRole('button', { name: '우리 팀' }).waitFor()
    expect(await page.getByRole('button', { name: '전사', exact: true }).count()).toBe(0)
    await expect.poll(() => page.getByTestId('kpi-row').count()).toBeGreaterThan(0)
    await screenshot(page, 'kpi-team-quarter')
  })

  it('switches to 반기 and back, labelling periods in Korean', async () => {
    await page.getByRole('button', { name: '반기', exact: true }).click()
    const half = fiscalPeriodOf(todayIsoDate(), 'HALF')
    await expect.poll(() => page.getByTestId('kpi-period-label').textContent()).toBe(`${half.fiscalYear}년 ${half.index === 1 ? '상반기' : '하반기'}`)
    await page.getByRole('button', { name: '분기', exact: true }).click()
    await expect.poll(() => page.getByTestId('kpi-period-label').textContent()).toBe(fiscalPeriodLabel(fiscalPeriodOf(todayIsoDate(), 'QUARTER')))
  })

  it('defines a KPI whose actuals are recorded by hand, seeing which codes the app computes', async () => {
    const pendingBefore = await pendingChanges(page)
    await page.getByRole('button', { name: 'KPI 정의' }).click()
    const dialog = page.getByRole('dialog')
    const measure = dialog.getByTestId('kpi-definition-measure')
    await dialog.getByLabel('코드').fill('KPI-ORD-TEAM2')
    await dialog.locator('select[name="unit"]').selectOption({ label: '금액(원)' })
    await expect.poll(() => measure.textContent()).toBe('자동 집계: 수주 금액 합계')
    await dialog.getByLabel('코드').fill('KPI-CMPL-TEAM')
    await dialog.locator('select[name="unit"]').selectOption({ label: '건수' })
    await expect.poll(() => measure.textContent()).toBe('실적을 직접 입력하는 KPI입니다.')
    await dialog.getByRole('button', { name: '저장' }).click()
    await dialog.getByText('필수 항목입니다.').waitFor() // no name yet
    await dialog.getByLabel('이름').fill(KPI_NAME)
    await dialog.locator('select[name="category"]').selectOption({ label: '고객' })
    await dialog.locator('select[name="direction"]').selectOption({ label: '낮을수록 좋음' })
    await dialog.getByRole('button', { name: '저장' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => pendingChanges(page)).toBe(pendingBefore + 1)
  })

  it('sets a target for a lower-is-better KPI, refusing stretch and minimum the wrong way round', async () => {
    const pendingBefore = await pendingChanges(page)
    await page.getByRole('button', { name: '목표 설정' }).click()
    const dialog = page.getByRole('dialog')
    // A label wrapping a select takes in the chosen option's text, so the selects are found by name.
    await dialog.locator('select[name="definition"]').selectOption({ label: `${KPI_NAME} (KPI-CMPL-TEAM)` })
    await dialog.locator('select[name="ownerType"]').selectOption({ label: '팀' })
    await dialog.locator('select[name="owner"]').selectOption({ label: teamName })
    await dialog.getByText('낮을수록 좋은 KPI입니다').waitFor()
    await dialog.getByLabel('목표값').fill('5')
    await dialog.getByLabel('도전 목표 (선택)').fill('7')
    await dialog.getByLabel('최소 기준 (선택)').fill('8')
    await dialog.getByRole('button', { name: '저장' }).click()
    await dialog.getByText('낮을수록 좋은 KPI는 도전 ≤ 목표 ≤ 최소여야 합니다.').waitFor()
    expect(await pendingChanges(page)).toBe(pendingBefore)

    await dialog.getByLabel('도전 목표 (선택)').fill('3')
    await dialog.getByRole('button', { name: '저장' }).click()
    await dialog.waitFor({ state: 'detached' })
    await row().waitFor()
    expect(await row().getAttribute('data-owner')).toBe(teamName)
    expect(await row().textContent()).toContain('낮을수록 좋음')
    expect(await row().getByTestId('kpi-band').getAttribute('data-band')).toBe('NONE')
    await expect.poll(() => pendingChanges(page)).toBe(pendingBefore + 1)
  })

  it('records an actual below the target and sees the KPI achieved by going lower', async () => {
    const pendingBefore = await pendingChanges(page)
    await row().getByRole('button', { name: '실적 입력' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('실적값').fill('넷')
    await dialog.getByRole('button', { name: '저장' }).click()
    await dialog.getByText('숫자를 입력하세요.').waitFor()
    await dialog.getByLabel('실적값').fill('4')
    await dialog.getByRole('button', { name: '저장' }).click()
    await dialog.waitFor({ state: 'detached' })

    // 4 complaints against a target of 5: 5 / 4 × 100 = 125 %, on target (the stretch is 3).
    await expect.poll(() => row().getByTestId('kpi-achievement').textContent()).toBe('125%')
    expect(await row().getByTestId('kpi-actual').textContent()).toContain('입력')
    expect(await row().getByTestId('kpi-band').getAttribute('data-band')).toBe('ON_TARGET')
    expect(await row().getByTestId('kpi-band').textContent()).toBe('목표 달성')
    await expect.poll(() => pendingChanges(page)).toBe(pendingBefore + 1)
    expect(device.pageErrors).toEqual([])
    await row().scrollIntoViewIfNeeded()
    await screenshot(page, 'kpi-decrease-achieved')
  })

  it('deletes the target it set (a sales manager’s role grants KPI 삭제), with its actual, and can undo it', async () => {
    // Before 2026-12-08 the permission catalogue had no DELETE for KPIs, so no role could hold it and the button was
    // hidden from every role-based user: a wrong target could only be zeroed, never removed.
    await page.setViewportSize({ width: 1280, height: 720 })
    // The table fits 1280×720 in both languages: the row actions wrap instead of pushing the KPI names out of view.
    for (const language of ['en', 'ko'] as const) {
      await page.getByRole('button', { name: language === 'en' ? 'English' : '한국어' }).click()
      await page.getByRole('columnheader', { name: language === 'en' ? 'Achievement' : '달성률' }).waitFor()
      const overflow = await page.locator('.kpi-table-wrap').evaluate((el) => el.scrollWidth - el.clientWidth)
      expect(overflow, language).toBeLessThanOrEqual(0)
    }
    await page.getByRole('button', { name: 'English' }).click()
    await row()
      .getByRole('button', { name: `${KPI_NAME} ${teamName} Delete` })
      .click()
    const confirmEn = page.getByRole('dialog', { name: 'Delete KPI target' })
    await confirmEn.getByTestId('delete-preview').waitFor()
    await screenshot(page, 'kpi-target-delete-confirm-en')
    await confirmEn.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('button', { name: '한국어' }).click()

    const pendingBefore = await pendingChanges(page)
    await row()
      .getByRole('button', { name: `${KPI_NAME} ${teamName} 삭제` })
      .click()
    const confirm = page.getByRole('dialog', { name: 'KPI 목표 삭제' })
    await confirm.getByTestId('delete-preview').waitFor()
    // The period is named as the screens name it: "2026-4" read as April.
    await confirm.getByText(new RegExp(`"${KPI_NAME} \\d{4} Q[1-4]"`)).waitFor()
    await screenshot(page, 'kpi-target-delete-confirm-ko')
    await confirm.getByRole('button', { name: '삭제' }).click()
    await confirm.waitFor({ state: 'detached' })
    await row().waitFor({ state: 'detached' })
    // The target and the actual recorded against it go to the trash together.
    await expect.poll(() => pendingChanges(page)).toBe(pendingBefore + 2)
    await page.getByRole('button', { name: '되돌리기' }).click()
    await row().waitFor()
    expect(device.pageErrors).toEqual([])
  })
})

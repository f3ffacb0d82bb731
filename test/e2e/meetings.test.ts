/**
 * A consultant at a customer site, offline, records a proposal meeting through the real renderer, handler table and
 * SQLite replica: an external contact and a walk-in visitor as participants, an agenda, two proposed products with
 * derived line and meeting totals, minutes and two action items (one marked done); then finds it in the week and
 * month calendars next to a training class. A meeting that ends before it starts shows a clear error and saves nothing.
 */
import type Database from 'better-sqlite3'
import { type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createReplicaStatements } from '../../src/main/core/replica/statements'
import { replicaRegistry } from '../../src/main/core/replica/registry'
import { DEMO_ACCOUNTS } from '../../src/demo/accounts'
import { addDays, todayIsoDate } from '../../src/shared/domain/dates'
import { screenshot } from './browser'
import { openOfflineDevice, pendingChanges, type OfflineDevice } from './offline-device'
import { openHarnessDatabase } from '../../scripts/dev-web'

const id = (n: number): string => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`
const ROLE = id(0xe2e3f0)
const COLLEAGUE = id(0xe2e3a2)
const COMPANY = id(0xe2e3c0)
const BRANCH = id(0xe2e3b0)
const CONTACT = id(0xe2e3cc)
const LEADERSHIP = id(0xe2e39a)
const ASSESSMENT = id(0xe2e39b)
const PROJECT = id(0xe2e390)
const SESSION = id(0xe2e351)
const CLASS = id(0xe2e3c1)
const COMPANY_NAME = '(주)미팅제약'
const TITLE = '미팅제약 리더십 과정 제안'
const TODAY = todayIsoDate()
const consultant = DEMO_ACCOUNTS.consultant

/** What the server would have sent before the consultant went offline. */
function seed(sqlite: Database.Database): void {
  const registry = replicaRegistry()
  const statements = createReplicaStatements(sqlite)
  const row = (table: string, rowId: string, fields: Record<string, unknown>): void => {
    const now = '2026-11-20T00:00:00.000Z'
    statements.upsertFields(registry.require(table), rowId, { created_at: now, updated_at: now, ...fields })
  }
  row('roles', ROLE, { name: '컨설턴트' })
  row('users', consultant.id, {
    email: consultant.email,
    first_name: consultant.firstName,
    last_name: consultant.lastName,
    role_id: ROLE,
    user_tier: consultant.tier,
    is_active: true,
  })
  row('users', COLLEAGUE, { email: 'e2e-colleague@augu.kr', first_name: '지훈', last_name: '박', role_id: ROLE, user_tier: 'OPERATOR', is_active: true })
  row('companies', COMPANY, { code: 'C-E2E-M', name: COMPANY_NAME, status: 'ACTIVE', tier: 'GOLD' })
  row('branches', BRANCH, { company_id: COMPANY, code: 'B-E2E-M', name: '본사' })
  row('contacts', CONTACT, { branch_id: BRANCH, last_name: '최', first_name: '유진', position: '과장', department: '인사팀' })
  row('products', LEADERSHIP, { code: 'PR-E2E-1', name: '신임 팀장 리더십', list_price: 350_000, is_active: true })
  row('products', ASSESSMENT, { code: 'PR-E2E-2', name: '리더십 역량 진단', list_price: 400_000, is_active: true })
  row('projects', PROJECT, { code: 'P-E2E-M', name: '미팅제약 신임 팀장 과정', company_id: COMPANY, status: 'IN_PROGRESS', priority: 'HIGH' })
  row('training_sessions', SESSION, { project_id: PROJECT, session_number: 1, start_date: TODAY, end_date: TODAY, status: 'IN_PROGRESS' })
  row('training_classes', CLASS, { session_id: SESSION, class_number: 1, date: TODAY, start_time: '09:00', end_time: '12:00', status: 'SCHEDULED' })
}

/** Picks from a searchable combobox (components/Combobox.tsx): type, then click the matching option. */
async function choose(combo: Locator, text: string): Promise<void> {
  await combo.fill(text)
  await combo.page().getByRole('listbox').getByRole('option').filter({ hasText: text }).first().click()
}

let device: OfflineDevice
let page: Page
let dialog: Locator

const storedCount = (table: string): number => {
  const db = openHarnessDatabase(device.dbFile, { readonly: true })
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE deleted_at IS NULL`).get() as { n: number }).n
  } finally {
    db.close()
  }
}
const tab = (name: string): Locator => dialog.getByRole('tab', { name: new RegExp(`^${name}`) })

beforeAll(async () => {
  device = await openOfflineDevice({ prepare: seed })
  page = device.page
  dialog = page.getByTestId('meeting-dialog')
}, 120_000)

afterAll(async () => {
  await device?.close()
})

describe('meetings and the calendar, offline', () => {
  it('refuses a meeting that ends before it starts with a clear error, saving nothing', async () => {
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '미팅' }).click()
    await page.getByRole('button', { name: '새 미팅' }).click()
    await dialog.waitFor()
    const pendingBefore = await pendingChanges(page)

    await dialog.getByLabel('제목', { exact: true }).fill(TITLE)
    await dialog.getByLabel('유형', { exact: true }).selectOption({ label: '제안' })
    await choose(dialog.getByLabel('고객사', { exact: true }), COMPANY_NAME)
    await dialog.getByLabel('주소', { exact: true }).fill('서울 강남구 테헤란로 100')
    await dialog.getByLabel('시작 시각', { exact: true }).fill('14:00')
    await dialog.getByLabel('종료 시각', { exact: true }).fill('13:30')
    await dialog.getByRole('button', { name: '저장', exact: true }).click()

    await dialog.getByText('종료 시각은 시작 시각 이후여야 합니다.').waitFor()
    await dialog.getByTestId('meeting-form-errors').waitFor()
    expect(await dialog.getByLabel('종료 시각', { exact: true }).getAttribute('aria-invalid')).toBe('true')
    await screenshot(page, 'meetings-end-before-start')
    expect(await pendingChanges(page)).toBe(pendingBefore)
    expect(storedCount('meetings')).toBe(0)
  })

  it('records participants, agenda and two proposed products with derived totals, in one save', async () => {
    const pendingBefore = await pendingChanges(page)
    await dialog.getByLabel('종료 시각', { exact: true }).fill('15:30')
    await dialog.getByText('소요 시간 90분').waitFor()

    await tab('참석자').click()
    // The consultant is already listed as organizer; add the customer's contact and a visitor without a card.
    await expect.poll(() => dialog.getByTestId('participants').textContent()).toContain(`${consultant.lastName}${consultant.firstName}`)
    await choose(dialog.getByLabel('담당자 선택', { exact: true }), '최유진')
    await dialog.getByRole('button', { name: '고객 담당자 추가' }).click()
    await dialog.getByLabel('이름', { exact: true }).fill('정하늘')
    await dialog.getByLabel('소속 회사', { exact: true }).fill('미팅제약 교육팀')
    await dialog.getByRole('button', { name: '외부 참석자 직접 입력' }).click()
    await choose(dialog.getByLabel('직원 선택', { exact: true }), '박지훈')
    await dialog.getByRole('button', { name: '내부 참석자 추가' }).click()
    await expect.poll(() => dialog.getByTestId('participants').locator('tbody tr').count()).toBe(4)

    await tab('안건').click()
    await dialog.getByRole('button', { name: '안건 추가' }).click()
    await dialog.getByRole('button', { name: '안건 추가' }).click()
    await dialog.getByLabel('안건', { exact: true }).nth(0).fill('교육 니즈 확인')
    await dialog.getByLabel('시간(분)', { exact: true }).nth(0).fill('30')
    await dialog.getByLabel('안건', { exact: true }).nth(1).fill('커리큘럼과 견적 제안')
    await dialog.getByLabel('시간(분)', { exact: true }).nth(1).fill('45')
    await dialog.getByText('계획 시간 합계 75분').waitFor()

    await tab('제안 상품').click()
    const addProduct = async (label: RegExp): Promise<void> => {
      await dialog.getByLabel('상품', { exact: true }).selectOption({ label: (await optionLabel(label))! })
      await dialog.getByRole('button', { name: '상품 추가' }).click()
    }
    const optionLabel = async (label: RegExp): Promise<string | undefined> => {
      const labels = await dialog.getByLabel('상품', { exact: true }).locator('option').allTextContents()
      return labels.find((l) => label.test(l))
    }
    await addProduct(/^신임 팀장 리더십/)
    await addProduct(/^리더십 역량 진단/)
    // Line 1: 20 × 350,000 (list price) − 10 % = 6,300,000.
    await dialog.getByLabel('수량', { exact: true }).nth(0).fill('20')
    await dialog.getByLabel('할인율(%)', { exact: true }).nth(0).fill('10')
    // Line 2: 3 × 333,333 − 12.5 % = 874,999.125 → 874,999 (half up, per line).
    await dialog.getByLabel('수량', { exact: true }).nth(1).fill('3')
    await dialog.getByLabel('단가', { exact: true }).nth(1).fill('333,333')
    await dialog.getByLabel('할인율(%)', { exact: true }).nth(1).fill('12.5')
    const lineTotals = dialog.getByTestId('line-total')
    await expect.poll(() => lineTotals.allTextContents()).toEqual(['630만원', '87만 4,999원'])
    expect(await dialog.getByTestId('proposal-gross').textContent()).toBe('799만 9,999원')
    expect(await dialog.getByTestId('proposal-discount').textContent()).toBe('82만 5,000원')
    expect(await dialog.getByTestId('proposal-total').textContent()).toBe('717만 4,999원')

    await dialog.getByRole('button', { name: '저장', exact: true }).click()
    await dialog
      .getByText('저장했습니다.')
      .waitFor({ timeout: 5000 })
      .catch(async (error: unknown) => {
        await screenshot(page, 'meetings-save-failed')
        throw error
      })
    await expect.poll(() => dialog.textContent()).toMatch(/MT-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/)
    // Stored as one meeting with 4 participants, 2 agenda items and 2 product lines (totals derived, not stored).
    expect(storedCount('meetings')).toBe(1)
    expect(storedCount('meeting_participants')).toBe(4)
    expect(storedCount('meeting_agenda')).toBe(2)
    expect(storedCount('meeting_products')).toBe(2)
    expect(await pendingChanges(page)).toBe(pendingBefore + 9)
    await tab('제안 상품').click()
    expect(await dialog.getByTestId('proposal-total').textContent()).toBe('717만 4,999원')
    await screenshot(page, 'meetings-proposed-products')
  })

  it('records the minutes and two action items, and marks one done', async () => {
    await tab('회의록').click()
    await dialog.getByLabel('요약', { exact: true }).fill('신임 팀장 20명 대상 리더십 과정 제안. 12월 시범 운영 희망.')
    await dialog.getByLabel('주요 내용', { exact: true }).fill('예산 확보 완료\n상반기 2회 운영 검토')
    await dialog.getByLabel('결정 사항', { exact: true }).fill('12월 1차 시범 과정 진행')
    await dialog.getByLabel('고객 반응', { exact: true }).selectOption({ label: '긍정적' })
    await dialog.getByLabel('언급된 경쟁사', { exact: true }).fill('한국리더십센터: 단가가 낮음')
    await dialog.getByRole('button', { name: '회의록 저장' }).click()
    await dialog.getByText('회의록을 저장했습니다.').waitFor()
    expect(storedCount('meeting_minutes')).toBe(1)

    await tab('액션 아이템').click()
    await dialog.getByLabel('할 일', { exact: true }).fill('수정 견적서 송부')
    await dialog.getByLabel('담당자', { exact: true }).selectOption({ label: `${consultant.lastName}${consultant.firstName}` })
    await dialog.getByLabel('기한', { exact: true }).fill('2099-12-01')
    await dialog.getByLabel('우선순위', { exact: true }).selectOption({ label: '높음' })
    await dialog.getByRole('button', { name: '액션 아이템 추가' }).click()
    await expect.poll(() => dialog.getByTestId('action-item').count()).toBe(1)
    await dialog.getByLabel('할 일', { exact: true }).fill('강사 일정 확인')
    await dialog.getByLabel('담당자', { exact: true }).selectOption({ label: '박지훈' })
    await dialog.getByRole('button', { name: '액션 아이템 추가' }).click()
    await expect.poll(() => dialog.getByTestId('action-item').count()).toBe(2)

    await dialog.getByTestId('action-item').filter({ hasText: '수정 견적서 송부' }).getByRole('button', { name: '완료 처리' }).click()
    await expect.poll(() => dialog.getByTestId('action-item').filter({ hasText: '수정 견적서 송부' }).getAttribute('data-status')).toBe('COMPLETED')
    await dialog.getByText(/^완료 \d{4}\. /).waitFor()
    expect(storedCount('meeting_action_items')).toBe(2)
    await screenshot(page, 'meetings-action-items')
    await page.getByRole('dialog').locator('[data-dialog-close]').click()
  })

  it('shows the meeting in the list and, next to the training class, in the week and month calendars', async () => {
    const row = page.getByTestId('meeting-row').filter({ hasText: TITLE })
    await row.waitFor()
    expect(await row.textContent()).toContain('14:00–15:30')
    expect(await row.textContent()).toContain(COMPANY_NAME)
    // The list's date range: a range starting tomorrow leaves today's meeting out.
    const tomorrow = addDays(TODAY, 1)
    await page.getByLabel('시작일', { exact: true }).fill(tomorrow)
    await expect.poll(() => page.getByTestId('meeting-row').count()).toBe(0)
    await page.getByLabel('시작일', { exact: true }).fill(TODAY)
    await page.getByLabel('종료일', { exact: true }).fill(TODAY)
    await row.waitFor()

    await page.getByRole('button', { name: '주간', exact: true }).click()
    const week = page.getByTestId('calendar-week')
    await week.waitFor()
    expect(await week.locator('.calendar__weekday').allTextContents()).toEqual(['월', '화', '수', '목', '금', '토', '일'])
    const today = week.locator(`[data-date="${TODAY}"]`)
    await today.getByTestId('calendar-meeting').filter({ hasText: TITLE }).waitFor()
    await today.getByTestId('calendar-class').filter({ hasText: '미팅제약 신임 팀장 과정 1차 1분반' }).waitFor()
    // Earliest first within the day: the 09:00 class before the 14:00 meeting.
    expect(await today.locator('.calendar-entry__time').allTextContents()).toEqual(['09:00', '14:00'])
    await screenshot(page, 'meetings-week')

    await page.getByRole('button', { name: '월간', exact: true }).click()
    const month = page.getByTestId('calendar-month')
    await month.waitFor()
    await month.locator(`[data-date="${TODAY}"]`).getByTestId('calendar-meeting').filter({ hasText: TITLE }).waitFor()
    await screenshot(page, 'meetings-month')

    // A meeting opens its dialog with everything recorded.
    await month.locator(`[data-date="${TODAY}"]`).getByTestId('calendar-meeting').click()
    await dialog.waitFor()
    await tab('제안 상품').click()
    expect(await dialog.getByTestId('proposal-total').textContent()).toBe('717만 4,999원')
    await page.getByRole('dialog').locator('[data-dialog-close]').click()

    // A class goes to its roster on the 교육 screen.
    await month.locator(`[data-date="${TODAY}"]`).getByTestId('calendar-class').click()
    await page.getByRole('heading', { name: '교육' }).waitFor()
    await page.getByTestId('roster').waitFor()
  })

  it("opens the meeting from its company page's meetings tab", async () => {
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '고객사' }).click()
    await page.getByText(COMPANY_NAME, { exact: true }).first().click()
    await page.getByRole('tab', { name: /^미팅/ }).click()
    await page.getByRole('button', { name: TITLE }).click()
    await dialog.waitFor()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('미팅')
    await page.getByRole('dialog', { name: TITLE }).waitFor()
    expect(device.pageErrors).toEqual([])
  })
})

/**
 * A coordinator on an offline laptop turns the client's HR list into a class roster, through the real renderer,
 * handler table and SQLite replica: the CSV (Korean headers) is reviewed on the roster screen, a bad phone number is
 * shown in Korean and blocks the import, excluding that row imports the rest as CONFIRMED enrolments of the class,
 * the roster and its counts follow, and every write waits in the outbox. Then the product list is exported with the
 * product form's Korean headers and won columns as numbers, and the meetings list with the list's headers.
 */
import { readFileSync } from 'node:fs'
import type Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createReplicaStatements } from '../../src/main/core/replica/statements'
import { replicaRegistry } from '../../src/main/core/replica/registry'
import { DEMO_ACCOUNTS } from '../../src/demo/accounts'
import { screenshot } from './browser'
import { openOfflineDevice, pendingChanges, type OfflineDevice } from './offline-device'
import { openHarnessDatabase } from '../../scripts/dev-web'

const id = (n: number): string => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`
const COMPANY = id(0xe3e0c0)
const PROJECT = id(0xe3e090)
const SESSION = id(0xe3e051)
const CLASS = id(0xe3ec1a)
const CATEGORY = id(0xe3eca1)
const PROJECT_NAME = '한빛제조 신입사원 입문 과정'

const coordinator = DEMO_ACCOUNTS.coordinator

/** The class as the server would have sent it, with two trainees already confirmed, and a small product catalogue. */
function seed(sqlite: Database.Database): void {
  const registry = replicaRegistry()
  const statements = createReplicaStatements(sqlite)
  const row = (table: string, rowId: string, fields: Record<string, unknown>): void => {
    const now = '2026-11-20T00:00:00.000Z'
    statements.upsertFields(registry.require(table), rowId, { created_at: now, updated_at: now, ...fields })
  }
  row('companies', COMPANY, { code: 'C-E2E-R', name: '(주)한빛제조', status: 'ACTIVE', tier: 'GOLD' })
  row('projects', PROJECT, {
    code: 'P-E2E-R01',
    name: PROJECT_NAME,
    company_id: COMPANY,
    status: 'IN_PROGRESS',
    priority: 'HIGH',
    health: 'GREEN',
    start_date: '2099-11-01',
    end_date: '2099-12-31',
    budget: 20_000_000,
    actual_cost: 5_000_000,
    revenue: 18_000_000,
    progress: 10,
  })
  row('training_sessions', SESSION, {
    project_id: PROJECT,
    session_number: 1,
    start_date: '2099-12-01',
    end_date: '2099-12-02',
    location: '본사 연수원',
    status: 'PLANNED',
  })
  row('training_classes', CLASS, {
    session_id: SESSION,
    class_number: 1,
    date: '2099-12-01',
    start_time: '09:00',
    end_time: '18:00',
    room: '세미나실 B',
    max_participants: 30,
    status: 'SCHEDULED',
  })
  for (const [n, [last, first]] of [
    ['강', '하늘'],
    ['윤', '서아'],
  ].entries()) {
    row('trainees', id(0xe3e700 + n), { company_id: COMPANY, last_name: last, first_name: first, department: '생산본부' })
    row('enrollments', id(0xe3e800 + n), { class_id: CLASS, trainee_id: id(0xe3e700 + n), status: 'CONFIRMED' })
  }
  row('product_categories', CATEGORY, { code: 'EDU-ONB', name: '입문 교육', is_active: true })
  row('products', id(0xe3e9d1), {
    code: 'P-ONB-101',
    name: '신입사원 비즈니스 매너',
    category_id: CATEGORY,
    type: 'TRAINING',
    duration_days: 1,
    duration_hours: 8,
    min_participants: 10,
    max_participants: 30,
    list_price: 2_500_000,
    cost: 1_500_000,
    is_active: true,
  })
  row('meetings', id(0xe3eb01), {
    code: 'M-E2E-R01',
    title: '교육 운영 사전 협의',
    target: 'CUSTOMER',
    type: 'OPERATION',
    status: 'SCHEDULED',
    importance: 'MEDIUM',
    date: '2099-11-28',
    start_time: '14:00',
    end_time: '15:00',
    organizer_id: coordinator.id,
    company_id: COMPANY,
    project_id: PROJECT,
  })
}

// The client's HR list: 이름 is the whole name, 소속 the company, one phone number is short a digit group.
const CSV = [
  '이름,소속,부서,사번,휴대폰,이메일',
  '박지성,(주)한빛제조,품질관리팀,HB-2401,010-2345-6789,jisung.park@hanbit.co.kr',
  '이민지,(주)한빛제조,생산기술팀,HB-2402,010-123,minji.lee@hanbit.co.kr',
  '정우현,(주)한빛제조,구매팀,HB-2403,010.3456.7890,woohyun.jung@hanbit.co.kr',
  '한소희,(주)한빛제조,인사팀,HB-2404,01045678901,',
].join('\r\n')

let device: OfflineDevice
let page: Page

function replica<T>(sql: string, ...params: unknown[]): T[] {
  const db = openHarnessDatabase(device.dbFile, { readonly: true })
  try {
    return db.prepare(sql).all(...params) as T[]
  } finally {
    db.close()
  }
}

const count = async (name: string): Promise<string> => (await page.getByTestId(`count-${name}`).textContent()) ?? ''

beforeAll(async () => {
  device = await openOfflineDevice({
    prepare: seed,
    user: { id: coordinator.id, email: coordinator.email, tier: coordinator.tier, firstName: coordinator.firstName, lastName: coordinator.lastName },
  })
  page = device.page
}, 120_000)

afterAll(async () => {
  await device?.close()
})

describe('roster import (offline, web harness)', () => {
  it('opens the class roster with its two confirmed trainees', async () => {
    await page.getByRole('button', { name: '프로젝트' }).click()
    await page.getByRole('button', { name: PROJECT_NAME }).click()
    await page.getByRole('heading', { name: PROJECT_NAME }).waitFor()
    await page.getByRole('button', { name: '1분반 출석부' }).click()
    await page.getByTestId('roster').waitFor()
    await expect.poll(() => page.locator('[data-row]').count()).toBe(2)
    expect(await count('enrolled')).toBe('2')
    expect(await count('unmarked')).toBe('2')
  })

  it('reviews the HR list, blocks on the bad phone, and imports the rest into the class as confirmed', async () => {
    const pendingBefore = await pendingChanges(page)
    await page.getByTestId('import-button-trainees').click()
    const dialog = page.getByRole('dialog', { name: '교육생 가져오기' })
    await dialog.getByTestId('import-file').setInputFiles({
      name: '한빛제조_교육대상자.csv',
      mimeType: 'text/csv',
      buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]),
    })

    // Mapping suggested from the Korean headers.
    await dialog.getByTestId('import-mapping').waitFor()
    expect(await dialog.getByLabel('이름', { exact: true }).inputValue()).toBe('fullName')
    expect(await dialog.getByLabel('소속', { exact: true }).inputValue()).toBe('companyName')
    expect(await dialog.getByLabel('부서', { exact: true }).inputValue()).toBe('department')
    expect(await dialog.getByLabel('사번', { exact: true }).inputValue()).toBe('employeeNumber')
    expect(await dialog.getByLabel('휴대폰', { exact: true }).inputValue()).toBe('phone')
    expect(await dialog.getByLabel('이메일', { exact: true }).inputValue()).toBe('email')
    await dialog.getByRole('button', { name: '검토하기' }).click()

    // Review: the short phone number in Korean, and the import blocked until it is dealt with.
    const summary = dialog.getByTestId('import-summary')
    await expect.poll(() => summary.textContent()).toBe('전체 4행 · 정상 3 · 오류 1 · 중복 0 · 제외 0')
    const review = dialog.getByTestId('import-review')
    expect(await review.locator('[data-row="3"] [data-field="phone"]').textContent()).toContain('전화번호 형식이 올바르지 않습니다')
    expect(await dialog.getByTestId('import-blocked').textContent()).toContain('오류가 있는 행 1개')
    expect(await dialog.getByTestId('import-commit').isDisabled()).toBe(true)
    await screenshot(page, 'roster-import-review-error')
    // Nothing was written by the review.
    expect(replica<{ n: number }>('SELECT count(*) AS n FROM trainees')).toEqual([{ n: 2 }])

    // Excluding re-reviews in main; the box shows the answer, so click and wait rather than check() at once.
    await review.getByLabel('제외 3').click()
    await expect.poll(() => summary.textContent()).toBe('전체 4행 · 정상 3 · 오류 0 · 중복 0 · 제외 1')
    expect(await dialog.getByTestId('import-commit').isDisabled()).toBe(false)
    await dialog.getByTestId('import-commit').click()
    const done = dialog.getByTestId('import-done')
    await done.waitFor()
    expect(await done.textContent()).toContain('새로 3건을 저장했습니다')
    expect(await done.textContent()).toContain('분반에 3명을 등록했습니다')
    await dialog.getByRole('button', { name: '닫기', exact: true }).last().click()

    // The roster shows them at once, confirmed and still to be marked.
    await expect.poll(() => page.locator('[data-row]').count()).toBe(5)
    expect(await count('enrolled')).toBe('5')
    expect(await count('unmarked')).toBe('5')
    for (const name of ['박지성', '정우현', '한소희']) {
      const row = page.locator('[data-row]', { hasText: name })
      expect(await row.getAttribute('data-enrollment')).toBe('CONFIRMED')
      expect(await row.getAttribute('data-status')).toBe('UNMARKED')
    }
    expect(await page.locator('[data-row]', { hasText: '이민지' }).count()).toBe(0)
    expect(await page.locator('[data-row]', { hasText: '박지성' }).textContent()).toContain('품질관리팀')

    // Stored as the client's trainees, phones normalised, enrolled in this class.
    const stored = replica<{ last_name: string; first_name: string; phone: string | null; employee_number: string; company_id: string; status: string }>(
      `SELECT t.last_name, t.first_name, t.phone, t.employee_number, t.company_id, e.status
         FROM trainees t JOIN enrollments e ON e.trainee_id = t.id AND e.class_id = ?
        WHERE t.employee_number IS NOT NULL ORDER BY t.employee_number`,
      CLASS,
    )
    expect(stored.map((s) => [s.last_name, s.first_name, s.employee_number, s.company_id, s.status])).toEqual([
      ['박', '지성', 'HB-2401', COMPANY, 'CONFIRMED'],
      ['정', '우현', 'HB-2403', COMPANY, 'CONFIRMED'],
      ['한', '소희', 'HB-2404', COMPANY, 'CONFIRMED'],
    ])
    expect(stored.every((s) => s.phone !== null && /^01\d/.test(s.phone.replace(/\D/g, '')))).toBe(true)

    // Offline: three trainees and three enrolments wait in the outbox.
    await expect.poll(() => pendingChanges(page)).toBe(pendingBefore + 6)
    await screenshot(page, 'roster-import-done')
  })

  it('exports the product list with Korean headers and won columns as numbers', async () => {
    await page.getByRole('button', { name: '상품', exact: true }).click()
    await expect.poll(() => page.getByTestId('product-row').count()).toBe(1)
    // The catalogue is read-only for an OPERATOR: exporting it is offered, importing into it is not.
    expect(await page.getByTestId('import-button-products').count()).toBe(0)
    await page.getByTestId('export-button').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
    expect(download.suggestedFilename()).toBe('상품.csv')
    const bytes = readFileSync(await download.path())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes
      .subarray(3)
      .toString('utf8')
      .split('\r\n')
      .filter((l) => l.trim() !== '')
    expect(lines[0]).toBe('코드,상품명,분류,유형,기간(일),교육 시간,최소 인원,최대 인원,정가,원가,마진,마진율,상태')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain('P-ONB-101,신입사원 비즈니스 매너,입문 교육,교육,1,8,10,30,')

    await page.getByTestId('export-button').click()
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()])
    expect(xlsx.suggestedFilename()).toBe('상품.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(new Uint8Array(readFileSync(await xlsx.path())).buffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getRow(1).getCell(9).value).toBe('정가')
    // 정가, 원가 and the derived 마진 are numbers in won, shown with thousands separators.
    expect([9, 10, 11].map((c) => sheet.getRow(2).getCell(c).value)).toEqual([2_500_000, 1_500_000, 1_000_000])
    expect(sheet.getRow(2).getCell(9).numFmt).toBe('#,##0')
    expect(sheet.getRow(2).getCell(12).value).toBe(40)
    await screenshot(page, 'products-export')
  })

  it('exports the meetings list with its Korean headers', async () => {
    await page.getByRole('button', { name: '미팅', exact: true }).click()
    await expect.poll(() => page.getByTestId('meeting-row').count()).toBe(1)
    await page.getByTestId('export-button').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
    expect(download.suggestedFilename()).toBe('미팅.csv')
    const lines = readFileSync(await download.path())
      .subarray(3)
      .toString('utf8')
      .split('\r\n')
      .filter((l) => l.trim() !== '')
    expect(lines[0]).toBe('날짜,시간,제목,고객사,유형,상태,주관,참석,회의록,미완료 액션')
    expect(lines[1]).toContain('2099-11-28,14:00–15:00,교육 운영 사전 협의,(주)한빛제조')
    expect(device.pageErrors).toEqual([])
  })
})

/**
 * A coordinator in a training room with no Wi-Fi marks a 30-trainee class from the keyboard, through the real
 * renderer, handler table and SQLite replica: one key per exception, "everyone else present" for the rest, remarks,
 * a walk-in; counts and rate follow live; every mark waits in the outbox (pending rises) with a pair id.
 */
import type Database from 'better-sqlite3'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, todayIsoDate } from '../../src/shared/domain/dates'
import { createReplicaStatements } from '../../src/main/core/replica/statements'
import { replicaRegistry } from '../../src/main/core/replica/registry'
import { pairId } from '../../src/shared/ids/pair-id'
import { screenshot } from './browser'

// Marks are refused before a class starts, so the marked class runs today (00:00–23:59, Korea time).
const TODAY = todayIsoDate()
const YESTERDAY = addDays(TODAY, -1)
const TOMORROW = addDays(TODAY, 1)
import { demoUser, openOfflineDevice, pendingChanges, type OfflineDevice } from './offline-device'
import { openHarnessDatabase } from '../../scripts/dev-web'

const id = (n: number): string => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`
const COMPANY = id(0xe2e0c0)
const PROJECT = id(0xe2e090)
const SESSION = id(0xe2e051)
const CLASS = id(0xe2ec1a)
const INSTRUCTOR = id(0xe2e01a)
const PROJECT_NAME = '오프라인 출석 E2E 리더십 과정'
const FAMILY = ['강', '김', '박', '윤', '이', '임', '장', '정', '조', '최']
const GIVEN = ['민준', '서연', '지훈']
const TRAINEES = FAMILY.flatMap((last, i) => GIVEN.map((first, j) => ({ id: id(0xe2e700 + i * 3 + j), last, first })))

/** The class as the server would have sent it: 30 confirmed trainees, nothing marked yet. */
function seedClass(sqlite: Database.Database): void {
  const registry = replicaRegistry()
  const statements = createReplicaStatements(sqlite)
  const row = (table: string, rowId: string, fields: Record<string, unknown>): void => {
    const now = '2026-11-20T00:00:00.000Z'
    statements.upsertFields(registry.require(table), rowId, { created_at: now, updated_at: now, ...fields })
  }
  row('companies', COMPANY, { code: 'C-E2E', name: '(주)오프라인교육', status: 'ACTIVE', tier: 'GOLD' })
  row('projects', PROJECT, {
    code: 'P-E2E-001',
    name: PROJECT_NAME,
    company_id: COMPANY,
    status: 'IN_PROGRESS',
    priority: 'HIGH',
    health: 'GREEN',
    start_date: '2099-11-01',
    end_date: '2099-12-31',
    budget: 50_000_000,
    actual_cost: 30_000_000,
    revenue: 40_000_000,
    progress: 40,
  })
  row('instructors', INSTRUCTOR, { code: 'I-E2E', last_name: '한', first_name: '지민', email: 'e2e-instructor@augu.kr' })
  row('training_sessions', SESSION, {
    project_id: PROJECT,
    session_number: 1,
    start_date: YESTERDAY,
    end_date: TOMORROW,
    location: '본사 연수원',
    status: 'IN_PROGRESS',
  })
  row('training_classes', CLASS, {
    session_id: SESSION,
    class_number: 1,
    date: TODAY,
    start_time: '00:00',
    end_time: '23:59',
    instructor_id: INSTRUCTOR,
    room: '세미나실 A',
    max_participants: 40,
    status: 'IN_PROGRESS',
  })
  for (const [n, t] of TRAINEES.entries()) {
    row('trainees', t.id, { company_id: COMPANY, last_name: t.last, first_name: t.first, department: n % 2 ? '영업본부' : '인사팀' })
    row('enrollments', id(0xe2e800 + n), { class_id: CLASS, trainee_id: t.id, status: 'CONFIRMED' })
  }
}

let device: OfflineDevice
let page: Page
let keystrokes = 0

/** Every key the coordinator presses goes through here, so the test can bound them. */
const press = async (key: string): Promise<void> => {
  keystrokes += 1
  await page.keyboard.press(key)
}
const type = async (text: string): Promise<void> => {
  keystrokes += [...text].length
  await page.keyboard.type(text)
}

const count = async (name: string): Promise<string> => (await page.getByTestId(`count-${name}`).textContent()) ?? ''
const rowStatus = (index: number) => page.locator(`[data-row="${index}"]`).getAttribute('data-status')

beforeAll(async () => {
  device = await openOfflineDevice({ user: demoUser('coordinator'), demoScale: 2000, prepare: seedClass })
  page = device.page
}, 120_000)

afterAll(async () => {
  await device?.close()
})

describe('attendance roster, offline, from the keyboard', () => {
  it('opens the project page and the 30-trainee class roster', async () => {
    await page.getByRole('button', { name: '프로젝트' }).click()
    await page.getByRole('button', { name: PROJECT_NAME }).click()
    await page.getByRole('heading', { name: PROJECT_NAME }).waitFor()
    // Margin is derived: 40,000,000 − 30,000,000 = 10,000,000 → 25 %.
    await page.getByText('25%').first().waitFor()
    await expect.poll(async () => page.getByTestId('class-row').first().textContent()).toContain('등록 30명 · 출석 0명')
    await screenshot(page, 'projects-page')
    await page.getByRole('button', { name: '1분반 출석부' }).click()
    await page.getByTestId('roster').waitFor()
    await expect.poll(() => page.locator('[data-row]').count()).toBe(30)
    expect(await count('enrolled')).toBe('30')
    expect(await count('rate')).toBe('—')
    // The grid has the focus: no click needed before the first key.
    expect(await page.getByTestId('roster').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
  })

  it('marks the exceptions, a remark and everyone else present in a handful of keys; counts, rate and pending follow', async () => {
    const pendingBefore = await pendingChanges(page)
    keystrokes = 0

    await press('2') // row 1 late, cursor moves on
    await press('k') // back to row 1
    await press('r')
    await type('10분')
    await press('Enter')
    await press('j')
    await press('j')
    await press('5') // row 3 absent
    await press('x') // row 4 excused
    await press('ArrowDown')
    await press('ArrowDown')
    await press('3') // row 7 left early
    await press('Shift+P') // everyone else present

    expect(keystrokes).toBeLessThanOrEqual(40)
    expect(keystrokes).toBe(15)

    await expect.poll(() => count('unmarked')).toBe('0')
    expect(await rowStatus(0)).toBe('LATE')
    expect(await rowStatus(2)).toBe('ABSENT')
    expect(await rowStatus(3)).toBe('EXCUSED')
    expect(await rowStatus(6)).toBe('LEFT_EARLY')
    expect(await rowStatus(29)).toBe('PRESENT')
    // 출석 / 지각 / 조퇴 are counted apart (28 in the room).
    expect(await count('present')).toBe('26')
    expect(await count('late')).toBe('1')
    expect(await count('leftEarly')).toBe('1')
    expect(await count('absent')).toBe('1')
    expect(await count('excused')).toBe('1')
    // (1 + 0.5 + 26) / 29 marks counted (excused left out) = 94.83 %
    await expect.poll(() => count('rate')).toBe('94.83%')
    await expect.poll(() => page.locator('[data-row="0"]').textContent()).toContain('10분')
    // Who and when, per row.
    expect(await page.locator('[data-row="29"] .roster__recorded').textContent()).toContain(device.userName)

    // Offline: every mark waits in the outbox (5 single marks incl. the remark edit, 26 in the one "rest" transaction).
    await expect.poll(() => pendingChanges(page)).toBe(pendingBefore + 31)
    await expect.poll(async () => (await page.getByTestId('sync-status-bar').textContent()) ?? '').toMatch(/31/)
    await screenshot(page, 'attendance-roster-marked')
  })

  it('adds a walk-in marked present, and keeps everything after leaving and reopening the roster', async () => {
    const pendingBefore = await pendingChanges(page)
    await press('n')
    await page.getByLabel('성', { exact: true }).fill('홍')
    await page.getByLabel('이름', { exact: true }).fill('길동')
    await page.getByLabel('소속').fill('신규입사자')
    await page.getByRole('button', { name: '현장 등록 (수업 중이면 출석 처리)' }).click()
    await expect.poll(() => count('enrolled')).toBe('31')
    // The class is running, so the walk-in is marked present.
    expect(await count('present')).toBe('27')
    await page.getByText('현장 등록', { exact: true }).first().waitFor()
    await expect.poll(() => pendingChanges(page)).toBe(pendingBefore + 3)

    await page.getByRole('button', { name: /프로젝트로 돌아가기/ }).click()
    await expect.poll(async () => page.getByTestId('class-row').first().textContent()).toContain('등록 31명 · 출석 29명')
    await page.getByRole('button', { name: '1분반 출석부' }).click()
    // (1 + 0.5 + 27) / 30 = 95 %
    await expect.poll(() => count('rate')).toBe('95%')
    await screenshot(page, 'attendance-roster-walk-in')
    expect(device.pageErrors).toEqual([])
  })

  it('prints a sign-in sheet: only the sheet, with a signature column', async () => {
    await page.emulateMedia({ media: 'print' })
    try {
      await expect.poll(() => page.locator('.sign-in-sheet').isVisible()).toBe(true)
      expect(await page.locator('.sidebar').isVisible()).toBe(false)
      expect(await page.locator('.sign-in-sheet tbody tr').count()).toBe(31)
      await screenshot(page, 'attendance-sign-in-sheet-print')
    } finally {
      await page.emulateMedia({ media: 'screen' })
    }
  })

  it('warns about a double-booked instructor when adding a class, and books it on override', async () => {
    await page.getByRole('button', { name: /프로젝트로 돌아가기/ }).click()
    await page.getByRole('button', { name: '분반 추가' }).click()
    const dialog = page.getByRole('dialog', { name: '분반 추가' })
    await dialog.getByLabel('시작 시각').fill('13:00')
    await dialog.getByLabel('종료 시각').fill('12:00')
    await dialog.getByText('종료 시각은 시작 시각보다 늦어야 합니다.').waitFor()
    await dialog.getByLabel('종료 시각').fill('15:00')
    await dialog.getByLabel('교육일').fill(TODAY)
    await dialog.getByLabel('강사').selectOption({ label: '한지민' })
    await dialog.getByRole('button', { name: '저장' }).click()
    const warning = dialog.getByTestId('double-booking')
    await warning.waitFor()
    expect(await warning.textContent()).toContain('같은 강사 한지민')
    expect(await page.getByTestId('class-row').count()).toBe(1)
    await screenshot(page, 'attendance-double-booking')
    await dialog.getByRole('button', { name: '그래도 등록' }).click()
    await expect.poll(() => page.getByTestId('class-row').count()).toBe(2)
    expect(await page.getByTestId('class-row').nth(1).textContent()).toContain('2분반')
  })

  it('finds the class on the 교육 agenda by date and opens its roster from there', async () => {
    await page.getByRole('button', { name: '교육' }).click()
    await page.getByLabel('시작일').fill(YESTERDAY)
    const row = page.getByTestId('agenda-class').filter({ hasText: PROJECT_NAME }).first()
    await expect.poll(async () => row.textContent()).toContain('등록 31명 · 출석 29명')
    await screenshot(page, 'attendance-agenda')
    await row.getByRole('button', { name: '출석부' }).click()
    await expect.poll(() => count('rate')).toBe('95%')
    expect(device.pageErrors).toEqual([])
  })

  it('stored each mark under the pair id of (class, trainee), so a colleague’s offline mark merges into the same row', () => {
    const db = openHarnessDatabase(device.dbFile, { readonly: true })
    try {
      const ids = db.prepare('SELECT id FROM attendance_records WHERE class_id = ? ORDER BY id').pluck().all(CLASS) as string[]
      expect(ids).toHaveLength(31)
      for (const t of TRAINEES) expect(ids).toContain(pairId('attendance_records', CLASS, t.id))
      const late = db
        .prepare('SELECT status, remarks, recorded_by, recorded_device_id FROM attendance_records WHERE id = ?')
        .get(pairId('attendance_records', CLASS, TRAINEES[0]!.id)) as Record<string, string | null>
      expect(late).toMatchObject({ status: 'LATE', remarks: '10분' })
      expect(late.recorded_by).toBeTruthy()
      expect(late.recorded_device_id).toBeTruthy()
    } finally {
      db.close()
    }
  })
})

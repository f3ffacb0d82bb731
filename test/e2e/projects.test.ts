/**
 * A project manager, offline, builds out a project through the real renderer, handler table and SQLite replica: adds a
 * 차수 and two 분반, is warned that the second double-books the instructor and books anyway, edits a class, sees a
 * duplicate class number flagged and fixes it, confirms a waitlisted enrolment (refused once the class is full), and
 * deletes a class that has attendance only after a second yes.
 */
import type Database from 'better-sqlite3'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, todayIsoDate } from '../../src/shared/domain/dates'
import { createReplicaStatements } from '../../src/main/core/replica/statements'
import { replicaRegistry } from '../../src/main/core/replica/registry'
import { screenshot } from './browser'

// Marks are refused before a class starts, so the marked class runs today (00:00–23:59, Korea time).
const TODAY = todayIsoDate()
const YESTERDAY = addDays(TODAY, -1)
const TOMORROW = addDays(TODAY, 1)
import { openOfflineDevice, type OfflineDevice } from './offline-device'
import { openHarnessDatabase } from '../../scripts/dev-web'

const id = (n: number): string => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`
const COMPANY = id(0xe2f0c0)
const PROJECT = id(0xe2f090)
const SESSION = id(0xe2f051)
const CLASS = id(0xe2fc1a)
const INSTRUCTOR = id(0xe2f01a)
const PROJECT_NAME = '영업 리더 코칭 과정 E2E'
// A second project whose trainees are already marked, to change its completion rule (수료 기준).
const RULE_PROJECT = id(0xe2f190)
const RULE_PROJECT_NAME = '수료 기준 과정 E2E'

function seed(sqlite: Database.Database): void {
  const registry = replicaRegistry()
  const statements = createReplicaStatements(sqlite)
  const row = (table: string, rowId: string, fields: Record<string, unknown>): void => {
    const now = '2026-11-20T00:00:00.000Z'
    statements.upsertFields(registry.require(table), rowId, { created_at: now, updated_at: now, ...fields })
  }
  row('companies', COMPANY, { code: 'C-E2F', name: '(주)한빛유통', status: 'ACTIVE', tier: 'GOLD' })
  row('projects', PROJECT, {
    code: 'P-E2F-001',
    name: PROJECT_NAME,
    company_id: COMPANY,
    status: 'IN_PROGRESS',
    priority: 'HIGH',
    health: 'GREEN',
    start_date: '2099-11-01',
    end_date: '2099-12-31',
    progress: 10,
  })
  row('instructors', INSTRUCTOR, { code: 'I-E2F', last_name: '오', first_name: '세훈', email: 'e2f-instructor@augu.kr' })
  row('training_sessions', SESSION, {
    project_id: PROJECT,
    session_number: 1,
    start_date: YESTERDAY,
    end_date: TOMORROW,
    location: '본사 연수원',
  })
  row('training_classes', CLASS, {
    session_id: SESSION,
    class_number: 1,
    date: TODAY,
    start_time: '00:00',
    end_time: '23:59',
    instructor_id: INSTRUCTOR,
    room: '세미나실 A',
    max_participants: 2,
  })
  row('users', id(0xe2fa01), {
    email: 'pm-e2e@augu.kr',
    first_name: '지훈',
    last_name: '박',
    role_id: id(0xe2fa0f),
    user_tier: 'MANAGER',
    is_active: true,
  })
  const people = [
    ['강', '민준', 'CONFIRMED'],
    ['윤', '서연', 'WAITLISTED'],
    ['조', '지훈', 'APPLIED'],
  ] as const
  for (const [n, [last, first, status]] of people.entries()) {
    row('trainees', id(0xe2f700 + n), { company_id: COMPANY, last_name: last, first_name: first, department: '영업본부' })
    row('enrollments', id(0xe2f800 + n), { class_id: CLASS, trainee_id: id(0xe2f700 + n), status })
  }
  // Four one-hour classes; trainees attended 4, 3 and 2 of them: 100 %, 75 %, 50 % of the hours.
  row('projects', RULE_PROJECT, { code: 'P-E2F-002', name: RULE_PROJECT_NAME, company_id: COMPANY, status: 'IN_PROGRESS', priority: 'MEDIUM' })
  row('training_sessions', id(0xe2f151), { project_id: RULE_PROJECT, session_number: 1, start_date: '2099-10-01', end_date: '2099-10-01' })
  for (let k = 0; k < 4; k++) {
    row('training_classes', id(0xe2f1c0 + k), {
      session_id: id(0xe2f151),
      class_number: k + 1,
      date: '2099-10-01',
      start_time: `1${k}:00`,
      end_time: `1${k + 1}:00`,
    })
  }
  for (const [n, [last, first, attended]] of (
    [
      ['임', '하늘', 4],
      ['백', '도윤', 3],
      ['신', '예린', 2],
    ] as const
  ).entries()) {
    row('trainees', id(0xe2f710 + n), { company_id: COMPANY, last_name: last, first_name: first })
    for (let k = 0; k < 4; k++) {
      row('enrollments', id(0xe2f900 + n * 10 + k), { class_id: id(0xe2f1c0 + k), trainee_id: id(0xe2f710 + n), status: 'CONFIRMED' })
      row('attendance_records', id(0xe2fa00 + n * 10 + k), {
        class_id: id(0xe2f1c0 + k),
        trainee_id: id(0xe2f710 + n),
        status: k < attended ? 'PRESENT' : 'ABSENT',
        recorded_by: id(0xe2fa01),
        recorded_at: '2099-10-01T09:00:00.000Z',
      })
    }
  }
}

let device: OfflineDevice
let page: Page

beforeAll(async () => {
  device = await openOfflineDevice({ prepare: seed })
  page = device.page
}, 120_000)

afterAll(async () => {
  await device?.close()
})

describe('projects: sessions, classes and enrolments, offline', () => {
  it('adds a session and two classes; the second double-books the instructor and is booked anyway', async () => {
    await page.getByRole('button', { name: '프로젝트' }).click()
    await page.getByRole('button', { name: PROJECT_NAME }).click()
    await page.getByRole('heading', { name: PROJECT_NAME }).waitFor()

    await page.getByRole('button', { name: '차수 추가' }).click()
    const sessionForm = page.getByRole('dialog', { name: '차수 추가' })
    await sessionForm.getByLabel('차수 이름').fill('심화')
    await sessionForm.getByLabel('시작일').fill('2099-12-01')
    await sessionForm.getByLabel('종료일').fill('2099-12-02')
    await sessionForm.getByLabel('교육 장소').fill('부산 교육장')
    await sessionForm.getByRole('button', { name: '저장' }).click()
    const second = page.getByRole('region', { name: '2차' })
    await second.waitFor()

    await second.getByRole('button', { name: '분반 추가' }).click()
    let classForm = page.getByRole('dialog', { name: '분반 추가' })
    await classForm.getByLabel('강사').selectOption({ label: '오세훈' })
    await classForm.getByLabel('강의실').fill('301호')
    await classForm.getByRole('button', { name: '저장' }).click()
    await classForm.waitFor({ state: 'detached' })

    await second.getByRole('button', { name: '분반 추가' }).click()
    classForm = page.getByRole('dialog', { name: '분반 추가' })
    await classForm.getByLabel('시작 시각').fill('11:00')
    await classForm.getByLabel('종료 시각').fill('13:00')
    await classForm.getByLabel('강사').selectOption({ label: '오세훈' })
    await classForm.getByRole('button', { name: '저장' }).click()
    const warning = classForm.getByTestId('double-booking')
    await warning.waitFor()
    expect(await warning.textContent()).toContain('2차 1분반')
    expect(await warning.textContent()).toContain('같은 강사')
    await screenshot(page, 'projects-double-booking')
    await classForm.getByRole('button', { name: '그래도 등록' }).click()
    await classForm.waitFor({ state: 'detached' })
    await expect.poll(() => second.getByTestId('class-row').count()).toBe(2)
  })

  it('edits a class, and a duplicate class number is flagged until renumbered', async () => {
    const second = page.getByRole('region', { name: '2차' })
    await page.getByRole('button', { name: '2차 2분반 수정' }).click()
    const form = page.getByRole('dialog', { name: '분반 수정' })
    await form.getByLabel('분반 번호').fill('1')
    await form.getByLabel('주제').fill('코칭 대화 실습')
    await form.getByLabel('시작 시각').fill('14:00')
    await form.getByLabel('종료 시각').fill('17:00')
    await form.getByRole('button', { name: '저장' }).click()
    await form.waitFor({ state: 'detached' })
    // Two 1분반 in 2차 (as two devices numbering offline would make): both flagged, nothing lost.
    await expect.poll(() => second.getByText('번호 중복').count()).toBe(2)
    expect(await second.textContent()).toContain('코칭 대화 실습')
    await screenshot(page, 'projects-duplicate-number')

    await second.getByRole('button', { name: '2차 1분반 수정' }).last().click()
    const fix = page.getByRole('dialog', { name: '분반 수정' })
    await fix.getByLabel('분반 번호').fill('2')
    await fix.getByRole('button', { name: '저장' }).click()
    await fix.waitFor({ state: 'detached' })
    await expect.poll(() => second.getByText('번호 중복').count()).toBe(0)
  })

  it('confirms a waitlisted enrolment, after which the full class refuses another confirmation', async () => {
    const first = page.getByRole('region', { name: '1차' })
    expect(await first.getByTestId('class-row').first().textContent()).toContain('대기 2명')
    await page.getByRole('button', { name: '1차 1분반 수강 관리' }).click()
    const dialog = page.getByRole('dialog', { name: '1차 1분반 수강 관리' })
    expect(await dialog.getByTestId('enrollment-capacity').textContent()).toContain('확정 1명 / 정원 2명')
    await dialog.getByRole('button', { name: '윤서연 확정' }).click()
    await expect.poll(() => dialog.getByTestId('enrollment-capacity').textContent()).toContain('확정 2명 / 정원 2명')
    expect(await dialog.getByTestId('enrollment-capacity').textContent()).toContain('정원이 찼습니다')
    expect(await dialog.getByRole('button', { name: '조지훈 확정' }).isDisabled()).toBe(true)
    await dialog.getByRole('button', { name: '조지훈 대기' }).click()
    await expect.poll(() => dialog.locator('[data-testid="enrollment-row"][data-status="WAITLISTED"]').count()).toBe(1)
    await screenshot(page, 'projects-enrollments')
    await dialog.getByText('닫기', { exact: true }).click()
    await expect.poll(() => first.getByTestId('class-row').first().textContent()).toContain('등록 2명')

    const db = openHarnessDatabase(device.dbFile, { readonly: true })
    try {
      const statuses = db.prepare('SELECT status FROM enrollments WHERE class_id = ? ORDER BY trainee_id').all(CLASS) as Array<{ status: string }>
      expect(statuses.map((r) => r.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'WAITLISTED'])
    } finally {
      db.close()
    }
  })

  it('records satisfaction answers and shows the averages on the class, session and project', async () => {
    await page.getByRole('button', { name: '1차 1분반 만족도 입력' }).click()
    const dialog = page.getByRole('dialog', { name: '1차 1분반 만족도 입력' })
    await dialog.getByLabel('전반 만족도').selectOption('5')
    await dialog.getByLabel('내용').selectOption('4')
    await dialog.getByRole('button', { name: '저장하고 다음 입력' }).click()
    await expect.poll(() => dialog.getByTestId('feedback-summary').textContent()).toContain('만족도 5 / 5 (1건)')
    await dialog.getByLabel('전반 만족도').selectOption('4')
    await dialog.getByLabel('의견').fill('실습 시간이 더 있으면 좋겠습니다')
    await dialog.getByRole('button', { name: '저장하고 다음 입력' }).click()
    // (5 + 4) / 2 = 4.5
    await expect.poll(() => dialog.getByTestId('feedback-summary').textContent()).toContain('만족도 4.5 / 5 (2건)')
    await screenshot(page, 'projects-satisfaction')
    await dialog.getByText('닫기', { exact: true }).click()
    expect(await page.getByTestId('project-satisfaction').textContent()).toBe('4.5 / 5 (2건)')
    expect(await page.getByRole('region', { name: '1차' }).getByTestId('session-satisfaction').textContent()).toBe('만족도 4.5 / 5 (2건)')
    expect(await page.getByRole('region', { name: '2차' }).getByTestId('session-satisfaction').textContent()).toBe('만족도 —')
  })

  it('puts a PM on the team with a role and an allocation, then changes the allocation', async () => {
    await page.getByRole('button', { name: '팀원 추가' }).click()
    const dialog = page.getByRole('dialog', { name: '팀원 추가' })
    await dialog.getByLabel('직원').selectOption({ label: '박지훈' })
    await dialog.getByLabel('역할').selectOption('PROJECT_MANAGER')
    await dialog.getByLabel('투입률 (%)').fill('150')
    expect(await dialog.getByRole('button', { name: '저장' }).isDisabled()).toBe(true)
    await dialog.getByLabel('투입률 (%)').fill('50')
    await dialog.getByRole('button', { name: '저장' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => page.getByTestId('project-team').textContent()).toContain('박지훈 PM · 투입 50%')
    await page.getByRole('button', { name: '박지훈 수정' }).click()
    const edit = page.getByRole('dialog', { name: '팀원 수정' })
    await edit.getByLabel('투입률 (%)').fill('30')
    await edit.getByRole('button', { name: '저장' }).click()
    await expect.poll(() => page.getByTestId('project-team').textContent()).toContain('투입 30%')
  })

  it('deletes a class with attendance only after a second yes', async () => {
    await page.getByRole('button', { name: '1분반 출석부' }).first().click()
    await page.getByTestId('roster').waitFor()
    await page.keyboard.press('1')
    await expect.poll(() => page.locator('[data-row="0"]').getAttribute('data-status')).toBe('PRESENT')
    await page.getByRole('button', { name: '프로젝트로 돌아가기' }).click()
    await page.getByRole('heading', { name: PROJECT_NAME }).waitFor()

    await page.getByRole('button', { name: '1차 1분반 삭제' }).click()
    const confirm = page.getByRole('dialog', { name: '삭제 확인' })
    await confirm.getByRole('button', { name: '삭제' }).click()
    await confirm.getByText('출결 기록 1건').waitFor()
    expect(await page.getByRole('region', { name: '1차' }).getByTestId('class-row').count()).toBe(1)
    await confirm.getByRole('button', { name: '삭제' }).click()
    await confirm.waitFor({ state: 'detached' })
    await expect.poll(() => page.getByRole('region', { name: '1차' }).getByTestId('class-row').count()).toBe(0)
    expect(device.pageErrors).toEqual([])
  })

  it('keeps the instructor directory: adds an external instructor with specialties and grades them', async () => {
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '교육' }).click()
    await page.getByRole('button', { name: '강사', exact: true }).click()
    await expect.poll(() => page.getByTestId('instructor-row').count()).toBe(1)
    await page.getByRole('button', { name: '강사 등록' }).click()
    const dialog = page.getByRole('dialog', { name: '강사 등록' })
    await dialog.getByLabel('성').fill('한')
    await dialog.getByLabel('이름').fill('지민')
    await dialog.getByLabel('이메일').fill('han.jimin@example.kr')
    await dialog.getByLabel('전문 분야').fill('리더십, 코칭')
    await dialog.getByLabel('자격증').fill('KAC 코치')
    await dialog.getByLabel('평가 등급 (1–5)').selectOption('4.5')
    await dialog.getByLabel('시간당 강사료').fill('30만')
    await dialog.getByRole('button', { name: '저장' }).click()
    await dialog.waitFor({ state: 'detached' })
    const row = page.getByTestId('instructor-row').filter({ hasText: '한지민' })
    await expect.poll(() => row.textContent()).toContain('외부 강사')
    const text = await row.textContent()
    expect(text).toContain('리더십, 코칭')
    expect(text).toContain('4.5 / 5')
    expect(text).toContain('30만원')
    await page.getByRole('button', { name: '한지민 강사 수정' }).click()
    const edit = page.getByRole('dialog', { name: '강사 수정' })
    await edit.getByLabel('사내 강사').check()
    await edit.getByRole('button', { name: '저장' }).click()
    await expect.poll(() => row.textContent()).toContain('사내 강사')
    await screenshot(page, 'training-instructors')
    expect(device.pageErrors).toEqual([])
  })

  it("changes a project's completion rule: at 70 % the trainee with 75 % of the hours completes", async () => {
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '프로젝트' }).click()
    const back = page.getByRole('button', { name: '← 프로젝트 목록' })
    if (await back.isVisible()) await back.click()
    await page.getByRole('button', { name: RULE_PROJECT_NAME }).click()
    await page.getByRole('heading', { name: RULE_PROJECT_NAME }).waitFor()
    const rule = page.getByTestId('completion-rule')
    const figures = page.getByTestId('completion-figures')
    await expect.poll(() => rule.textContent()).toContain('출석 80% 이상')
    expect(await rule.textContent()).toContain('기본값')
    expect(await figures.textContent()).toContain('교육생 3명 중 1명 수료')

    await rule.getByRole('button', { name: '수료 기준 변경' }).click()
    const dialog = page.getByRole('dialog', { name: '수료 기준 변경' })
    const percent = dialog.getByLabel('수료에 필요한 출석 시간 비율 (%)')
    await percent.fill('101')
    await dialog.getByRole('alert').filter({ hasText: '0에서 100 사이의 정수' }).waitFor()
    expect(await dialog.getByRole('button', { name: '저장' }).isDisabled()).toBe(true)
    await percent.fill('70')
    await dialog.getByRole('button', { name: '저장' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => rule.textContent()).toContain('출석 70% 이상')
    expect(await rule.textContent()).not.toContain('기본값')
    await expect.poll(() => figures.textContent()).toContain('교육생 3명 중 2명 수료')
    await screenshot(page, 'projects-completion-rule')

    // The roster judges its 수료 column by the same rule.
    await page.getByRole('button', { name: '1분반 출석부' }).click()
    await expect.poll(() => page.getByTestId('completion-rule').textContent()).toContain('출석 70% 이상')
    await expect.poll(() => page.locator('.roster__completion .badge').count()).toBe(2)
    await page.getByRole('button', { name: '프로젝트로 돌아가기' }).click()
    await page.getByRole('heading', { name: RULE_PROJECT_NAME }).waitFor()

    // The rule is a synced field of the project row, waiting in the outbox like any edit.
    const db = openHarnessDatabase(device.dbFile, { readonly: true })
    try {
      expect(db.prepare('SELECT completion_percent FROM projects WHERE id = ?').pluck().get(RULE_PROJECT)).toBe(70)
    } finally {
      db.close()
    }
    expect(device.pageErrors).toEqual([])
  })
})

/// <reference lib="dom" />
/**
 * Training operations from an EMPTY company sync server (real PostgreSQL + Redis), through the browser harness:
 * the contracts screen (a won opportunity becomes a contract, edited, linked, filtered, exported), the coordinator's
 * home instead of the sales tiles (today's classes, rosters not taken, completion, an instructor clash), merging two
 * records of the same trainee in the directory, and an executive's admin override on a class that has not started,
 * recorded on the mark and seen by the coordinator. Everything reaches the server.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, silentLogger, type Harness } from '../../scripts/dev-web'
import { addDays, todayIsoDate } from '../../src/shared/domain/dates'
import { createUser, type TestDatabase, type TestServer, type TestUser } from '../../sync-server/test/support'
import { ipcCall, signInThroughUi, startRealServer, syncAndSettle, type RealServer } from './real-server'
import { type Browser, collectPageErrors, launchChromium, screenshot } from './browser'

let db: TestDatabase
let real: RealServer
let server: TestServer
let coordinator: TestUser
let executive: TestUser
let harness: Harness
let execHarness: Harness
let browser: Browser
let page: Page
let execPage: Page
let pageErrors: string[]
const tmp = mkdtempSync(path.join(tmpdir(), 'crm-e2e-ops-'))
const TODAY = todayIsoDate()
const TOMORROW = addDays(TODAY, 1)

/** Opens a class roster through a record link (as the home's and search's links do); the link is repeated until the lazily loaded screen has it. */
async function openRoster(on: Page, classId: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await on.evaluate((id) => window.dispatchEvent(new CustomEvent('crm:open-record', { detail: { screen: 'training', classId: id } })), classId)
        return on.getByTestId('roster-not-started').isVisible()
      },
      { timeout: 20_000, interval: 1000 },
    )
    .toBe(true)
}

async function signIn(on: Page, url: string, user: TestUser): Promise<void> {
  await on.goto(url)
  await signInThroughUi(on, server.url, user)
}

beforeAll(async () => {
  real = await startRealServer()
  db = real.db
  server = real.server
  coordinator = await createUser(db.url, { email: 'coord@augu.kr', name: '이서연', tier: 'OPERATOR', password: 'augu-1234' })
  executive = await createUser(db.url, { email: 'ceo@augu.kr', name: '윤재원', tier: 'EXECUTIVE', password: 'augu-1234' })
  harness = await startHarness({ port: 0, dbFile: path.join(tmp, 'coordinator.sqlite'), log: silentLogger })
  execHarness = await startHarness({ port: 0, dbFile: path.join(tmp, 'executive.sqlite'), log: silentLogger })
  browser = await launchChromium()
  page = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 }, acceptDownloads: true })).newPage()
  execPage = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } })).newPage()
  pageErrors = collectPageErrors(page)
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await harness?.close()
  await execHarness?.close()
  await real?.close()
  rmSync(tmp, { recursive: true, force: true })
})

describe('training operations from an empty sync server', () => {
  let projectId = ''
  let opportunityId = ''
  let tomorrowClassId = ''

  it('sets up what sales did: a won opportunity, its project, classes today and tomorrow with one instructor, trainees', async () => {
    await signIn(page, harness.url, coordinator)
    const company = await ipcCall<{ id: string }>(page, 'customers.create', { company: { name: '아우구전자' } })
    const won = async (title: string): Promise<string> => {
      const o = await ipcCall<{ id: string }>(page, 'opportunities.create', { companyId: company.id, title, amount: 48_000_000, stage: 'PROPOSAL' })
      await ipcCall(page, 'opportunities.close', { id: o.id, outcome: 'WON', reason: '제안 채택' })
      return o.id
    }
    opportunityId = await won('2027 신임 팀장 리더십')
    const otherOpportunity = await won('2027 영업 역량 강화')
    const instructors = await ipcCall<Array<{ id: string; name: string }>>(page, 'instructors.save', {
      lastName: '박',
      firstName: '서준',
      email: 'park@augu.kr',
    })
    const park = instructors.find((i) => i.name === '박서준')!.id
    const project = await ipcCall<{ id: string }>(page, 'projects.fromOpportunity', { opportunityId })
    projectId = project.id
    const session = await ipcCall<{ sessions: Array<{ id: string }> }>(page, 'sessions.create', { projectId, startDate: TODAY, endDate: addDays(TODAY, 7) })
    const sessionId = session.sessions[0]!.id
    const today = await ipcCall<{ classId: string }>(page, 'classes.create', {
      sessionId,
      date: TODAY,
      startTime: '00:00',
      endTime: '23:59',
      instructorId: park,
      maxParticipants: 30,
    })
    const tomorrow = await ipcCall<{ classId: string }>(page, 'classes.create', {
      sessionId,
      date: TOMORROW,
      startTime: '09:00',
      endTime: '10:00',
      instructorId: park,
      maxParticipants: 30,
    })
    tomorrowClassId = tomorrow.classId
    // The other project books 박서준 tomorrow at 09:30, over the first project's class (booked anyway, as coordinators do).
    const other = await ipcCall<{ id: string }>(page, 'projects.fromOpportunity', { opportunityId: otherOpportunity })
    const otherSession = await ipcCall<{ sessions: Array<{ id: string }> }>(page, 'sessions.create', {
      projectId: other.id,
      startDate: TOMORROW,
      endDate: TOMORROW,
    })
    await ipcCall(page, 'classes.create', {
      sessionId: otherSession.sessions[0]!.id,
      date: TOMORROW,
      startTime: '09:30',
      endTime: '10:30',
      instructorId: park,
      allowDoubleBooking: true,
    })
    // 홍길동 pasted with a phone, and again as a walk-in with only an e-mail: two records of one person.
    const rows = [
      { lastName: '홍', firstName: '길동', phone: '010-1111-2222', companyName: '아우구전자', department: '인사팀' },
      { lastName: '김', firstName: '철수', phone: '010-3333-4444' },
      { lastName: '이', firstName: '영희', phone: '010-5555-6666' },
    ]
    await ipcCall(page, 'enrollments.add', { sessionId, traineeIds: [], rows })
    await ipcCall(page, 'attendance.walkIn', { classId: today.classId, lastName: '홍', firstName: '길동', email: 'hong@augu.kr' })
    expect(today.classId).toBeTruthy()
  })

  it('makes a contract from the won opportunity on the contracts screen, edits it and links its project', async () => {
    await page.getByRole('button', { name: '계약', exact: true }).click()
    await page.getByText('아직 계약이 없습니다').waitFor()
    await page.getByRole('button', { name: '수주 영업기회로 계약 만들기' }).click()
    const pick = page.getByRole('dialog')
    await pick.getByLabel('수주 영업기회').selectOption({ label: '2027 신임 팀장 리더십 · 아우구전자' })
    await pick.getByRole('button', { name: '계약 만들기' }).click()

    const form = page.getByRole('dialog', { name: '계약 수정' })
    await form.waitFor()
    // Made from the opportunity: its title and amount, and the project made from it already ticked.
    expect(await form.getByLabel('계약명').inputValue()).toBe('2027 신임 팀장 리더십')
    expect(await form.getByRole('checkbox', { name: /2027 신임 팀장 리더십/ }).isChecked()).toBe(true)
    await form.getByLabel('계약 금액 (원)').fill('5000만')
    await form.getByLabel('상태').selectOption({ label: '서명 완료' })
    await form.getByLabel('서명일').fill(TODAY)
    await form.getByLabel('시작일').fill(TODAY)
    await form.getByLabel('종료일').fill(addDays(TODAY, -1))
    // An end before the start is refused in the form, with the reason, and nothing is saved.
    await form.getByText('종료일은 시작일보다 빠를 수 없습니다.').waitFor()
    expect(await form.getByRole('button', { name: '저장' }).isDisabled()).toBe(true)
    await form.getByLabel('종료일').fill(addDays(TODAY, 90))
    await form.getByRole('button', { name: '저장' }).click()
    await form.waitFor({ state: 'detached' })

    await expect.poll(() => page.getByTestId('contract-status').textContent()).toBe('서명 완료')
    expect(await page.getByTestId('contract-amount').textContent()).toContain('5,000만원')
    expect(await page.getByTestId('contract-projects').textContent()).toContain('2027 신임 팀장 리더십')
    await page.getByRole('button', { name: '2027 신임 팀장 리더십', exact: true }).first().waitFor()
    await screenshot(page, 'contracts-detail-ko')

    await page.getByRole('button', { name: /계약 목록/ }).click()
    await expect.poll(() => page.getByTestId('contract-count').textContent()).toBe('계약 1건')
    await screenshot(page, 'contracts-list-ko')
    await page.getByRole('combobox', { name: '상태', exact: true }).selectOption({ label: '초안' })
    await expect.poll(() => page.getByTestId('contract-count').textContent()).toBe('계약 0건')
    await page.getByRole('combobox', { name: '상태', exact: true }).selectOption({ label: '전체' })
    await page.getByLabel('계약 검색 (번호, 계약명, 고객사)').fill('ㅇㅇㄱ')
    await expect.poll(() => page.getByTestId('contract-count').textContent()).toBe('계약 1건')

    await page.getByTestId('export-button').click()
    const download = page.waitForEvent('download')
    await page.getByRole('menuitem', { name: /Excel|XLSX|엑셀/ }).click()
    expect((await download).suggestedFilename()).toMatch(/계약목록\.xlsx$/)
  })

  it("shows the coordinator's home instead of the sales tiles: today's class, the roster not taken, completion and the clash", async () => {
    await page.getByRole('button', { name: '대시보드' }).click()
    await expect.poll(() => page.getByTestId('dashboard-title').textContent()).toBe('내 교육 운영')
    expect(await page.getByTestId('figure-pipeline').count()).toBe(0)
    expect(await page.getByTestId('coordinator-today').textContent()).toContain('2027 신임 팀장 리더십 1차 1분반')
    // Four on today's roster: three pasted, unmarked; the walk-in came while the class runs, so is marked present.
    expect(await page.getByTestId('coordinator-not-taken').textContent()).toContain('미입력 3명 / 4명')
    expect(await page.getByTestId('coordinator-completion').textContent()).toContain('2027 영업 역량 강화')
    const clash = page.getByTestId('coordinator-clashes').getByRole('alert')
    await expect.poll(() => clash.count()).toBe(1)
    expect(await clash.textContent()).toContain('박서준 강사')
    await screenshot(page, 'coordinator-home-ko')

    // From the home straight to the roster; marking it takes the class off the list.
    await page.getByTestId('coordinator-not-taken').getByRole('button', { name: '출결부 열기' }).click()
    const grid = page.getByTestId('roster')
    await grid.waitFor()
    await grid.focus()
    await page.keyboard.press('Shift+KeyP')
    await expect.poll(() => page.getByTestId('count-unmarked').textContent()).toBe('0')
    await page.getByRole('button', { name: '대시보드' }).click()
    await expect.poll(() => page.getByTestId('coordinator-not-taken').textContent()).toContain('출결을 입력하지 않은 수업이 없습니다.')
  })

  it('merges the two records of 홍길동 in the trainee directory', async () => {
    await page.getByRole('button', { name: '교육', exact: true }).click()
    // The roster opened from the home is still open there: back to the 교육 screen's tabs.
    await page.getByRole('button', { name: /^←/ }).first().click()
    await page.getByRole('button', { name: '수강생', exact: true }).click()
    await page.getByLabel('수강생 검색 (이름, 연락처, 이메일)').fill('홍길동')
    await expect.poll(() => page.getByTestId('trainee-row').count()).toBe(2)
    for (const box of await page.getByRole('checkbox', { name: '홍길동 선택' }).all()) await box.check()
    await page.getByRole('button', { name: '선택한 2명 병합' }).click()
    const dialog = page.getByRole('dialog')
    // The pasted record (phone, company, department) is offered as the one to keep; the e-mail comes from the walk-in.
    await expect.poll(() => dialog.getByTestId('merge-preview').textContent()).toContain('hong@augu.kr')
    expect(await dialog.getByTestId('merge-preview').textContent()).toContain('010-1111-2222')
    await screenshot(page, 'trainees-merge-ko')
    await dialog.getByRole('button', { name: '2명 병합' }).click()
    await page.getByTestId('merge-done').waitFor()
    await expect.poll(() => page.getByTestId('trainee-row').count()).toBe(1)
    expect(await page.getByTestId('trainee-row').textContent()).toContain('hong@augu.kr')

    await syncAndSettle(page)
    // Nothing was refused: the merged-away record's delete reached the server with its moved enrolments.
    expect(await ipcCall(page, 'sync.rejected')).toEqual([])
    const pool = new pg.Pool({ connectionString: db.url, max: 1 })
    try {
      const contracts = await pool.query('SELECT status, amount, signed_date IS NOT NULL AS signed, opportunity_id FROM contracts')
      expect(contracts.rows).toEqual([{ status: 'SIGNED', amount: '50000000', signed: true, opportunity_id: opportunityId }])
      const linked = await pool.query('SELECT COUNT(*)::int AS n FROM projects p JOIN contracts k ON k.id = p.contract_id WHERE p.id = $1', [projectId])
      expect(linked.rows[0].n).toBe(1)
      const hong = await pool.query(`SELECT phone, email, deleted_at IS NULL AS live FROM trainees WHERE last_name = '홍' ORDER BY live DESC`)
      expect(hong.rows).toEqual([{ phone: '01011112222', email: 'hong@augu.kr', live: true }, expect.objectContaining({ live: false })])
    } finally {
      await pool.end()
    }
  })

  it("lets an executive mark tomorrow's class as an admin override, recorded on the mark; the coordinator sees it", async () => {
    await signIn(execPage, execHarness.url, executive)
    // The first pull brings the coordinator's classes (the executive's scope is the whole company).
    await expect
      .poll(
        async () => {
          await ipcCall(execPage, 'sync.now')
          return ipcCall<unknown>(execPage, 'classes.roster', { classId: tomorrowClassId }).then(
            () => true,
            () => false,
          )
        },
        { timeout: 20_000 },
      )
      .toBe(true)
    await openRoster(execPage, tomorrowClassId)
    const notice = execPage.getByTestId('roster-not-started')
    await notice.getByLabel(/관리자 재정의로 입력/).check()
    await execPage.getByTestId('roster').focus()
    await execPage.keyboard.press('KeyX') // 공결 for the first trainee
    await execPage.getByTestId('mark-override').first().waitFor()
    expect(await execPage.getByTestId('mark-override').first().getAttribute('title')).toContain('윤재원')
    await screenshot(execPage, 'training-override-ko')
    await syncAndSettle(execPage)

    const pool = new pg.Pool({ connectionString: db.url, max: 1 })
    try {
      const marks = await pool.query('SELECT status, remarks, recorded_by FROM attendance_records WHERE class_id = $1', [tomorrowClassId])
      expect(marks.rows).toEqual([{ status: 'EXCUSED', remarks: '관리자 재정의: 수업 시작 전 출결 입력', recorded_by: executive.id }])
    } finally {
      await pool.end()
    }

    // The coordinator cannot override (no box), and sees the executive's override on the roster after a sync.
    await syncAndSettle(page)
    await openRoster(page, tomorrowClassId)
    expect(await page.getByLabel(/관리자 재정의로 입력/).count()).toBe(0)
    await page.getByTestId('mark-override').first().waitFor()
    expect(pageErrors).toEqual([])
  })

  it('reads in English too', async () => {
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('button', { name: 'Dashboard' }).click()
    await expect.poll(() => page.getByTestId('dashboard-title').textContent()).toBe('My training operations')
    // Dates in the app's language (the project and instructor names are data and stay Korean).
    expect(await page.getByTestId('coordinator-week').textContent()).not.toMatch(/\d+월|\d+일/)
    await screenshot(page, 'coordinator-home-en')
    await page.getByRole('button', { name: 'Contracts', exact: true }).click()
    await page.getByRole('button', { name: 'Contract from a won opportunity' }).waitFor()
    await screenshot(page, 'contracts-list-en')
    await page.getByRole('button', { name: 'Training', exact: true }).click()
    await page.getByRole('button', { name: /^←/ }).first().click()
    await page.getByRole('button', { name: 'Trainees', exact: true }).click()
    await page.getByTestId('trainee-row').first().waitFor()
    await screenshot(page, 'trainees-en')
    await execPage.getByRole('button', { name: 'English' }).click()
    await execPage.getByTestId('mark-override').first().getByText('Override').waitFor()
    await screenshot(execPage, 'training-override-en')
    await page.getByRole('button', { name: '한국어' }).click()
    await execPage.getByRole('button', { name: '한국어' }).click()
  })
})

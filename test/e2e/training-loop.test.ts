/// <reference lib="dom" />
/**
 * The HRD loop from an EMPTY company sync server (real PostgreSQL + Redis, in-process Fastify), through the browser
 * harness, as a coordinator: a won opportunity becomes a project, a session and a class with an instructor are added
 * from the UI, 30 trainees are pasted from a spreadsheet, tomorrow's class refuses marks, today's class is marked
 * from the keyboard, the completion list is exported (XLSX) and certificates are printed. Everything reaches the
 * server.
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
import { ipcCall, startRealServer, syncAndSettle, type RealServer } from './real-server'
import { type Browser, collectPageErrors, launchChromium, screenshot, SCREENSHOT_DIR } from './browser'

let db: TestDatabase
let real: RealServer
let server: TestServer
let coordinator: TestUser
let harness: Harness
let browser: Browser
let page: Page
let pageErrors: string[]
const tmp = mkdtempSync(path.join(tmpdir(), 'crm-e2e-loop-'))
const TODAY = todayIsoDate()
const TOMORROW = addDays(TODAY, 1)

beforeAll(async () => {
  real = await startRealServer()
  db = real.db
  server = real.server
  coordinator = await createUser(db.url, { email: 'coord@augu.kr', name: '이서연', tier: 'OPERATOR', password: 'augu-1234' })
  harness = await startHarness({ port: 0, dbFile: path.join(tmp, 'e2e.sqlite'), log: silentLogger })
  browser = await launchChromium()
  page = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 }, acceptDownloads: true })).newPage()
  pageErrors = collectPageErrors(page)
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await harness?.close()
  await real?.close()
  rmSync(tmp, { recursive: true, force: true })
})

describe('the training loop from an empty sync server', () => {
  let projectId = ''

  it('signs in as a coordinator of a brand-new company; a won opportunity becomes a project', async () => {
    await page.goto(harness.url)
    await page.getByRole('button', { name: /회사 동기화 서버에 로그인/ }).click()
    await page.getByLabel('서버 주소').fill(server.url)
    await page.getByLabel('이메일').fill(coordinator.email)
    await page.getByLabel('비밀번호').fill('augu-1234')
    await page.getByRole('button', { name: '로그인', exact: true }).click()
    await page.getByRole('navigation', { name: '주 메뉴' }).waitFor()
    expect(await ipcCall<readonly unknown[]>(page, 'projects.list', {})).toEqual([])

    // What sales did before: a customer, an opportunity won, and an instructor in the directory.
    const company = await ipcCall<{ status: string; id: string }>(page, 'customers.create', { company: { name: '아우구전자' } })
    const opportunity = await ipcCall<{ id: string }>(page, 'opportunities.create', {
      companyId: company.id,
      title: '2027 신임 팀장 리더십',
      amount: 48_000_000,
      stage: 'PROPOSAL',
    })
    await ipcCall(page, 'opportunities.close', { id: opportunity.id, outcome: 'WON', reason: '제안 채택' })
    await ipcCall(page, 'instructors.save', { lastName: '박', firstName: '서준', email: 'park@augu.kr' })

    await page.getByRole('button', { name: '영업기회' }).first().click()
    // The screen loads on first use; the link is sent once it listens.
    await page.getByRole('button', { name: '새 영업기회' }).waitFor()
    await page.getByText('2027 신임 팀장 리더십').first().waitFor()
    await page.evaluate(
      (id) => window.dispatchEvent(new CustomEvent('crm:open-record', { detail: { screen: 'opportunities', opportunityId: id } })),
      opportunity.id,
    )
    const make = page.getByRole('button', { name: '이 영업기회로 프로젝트 만들기' })
    await make.waitFor()
    await screenshot(page, 'training-won-opportunity-ko')
    await make.click()

    await page.getByRole('heading', { name: '2027 신임 팀장 리더십', exact: true }).waitFor()
    await expect.poll(() => page.getByTestId('project-opportunity').textContent()).toBe('2027 신임 팀장 리더십')
    const projects = await ipcCall<Array<{ id: string; revenue: number; marginPercent: number | null; code: string }>>(page, 'projects.list', {})
    expect(projects).toHaveLength(1)
    expect(projects[0]).toMatchObject({ revenue: 48_000_000, marginPercent: null })
    expect(projects[0]!.code).toMatch(/^PJ-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    projectId = projects[0]!.id
  })

  it('adds a session and a class with an instructor from the project page', async () => {
    await page.getByRole('button', { name: '차수 추가' }).click()
    const sessionDialog = page.getByRole('dialog')
    await sessionDialog.getByLabel('시작일').fill(TODAY)
    await sessionDialog.getByLabel('종료일').fill(TOMORROW)
    await sessionDialog.getByLabel('교육 장소').fill('본사 연수원')
    await sessionDialog.getByRole('button', { name: '저장' }).click()
    await page.getByRole('region', { name: '1차' }).waitFor()

    await page.getByRole('button', { name: '분반 추가' }).click()
    const classDialog = page.getByRole('dialog')
    await classDialog.getByLabel('교육일').fill(TODAY)
    await classDialog.getByLabel('시작 시각').fill('00:00')
    await classDialog.getByLabel('종료 시각').fill('23:59')
    await classDialog.getByLabel('강사').selectOption({ label: '박서준' })
    await classDialog.getByLabel('정원').fill('30')
    await classDialog.getByRole('button', { name: '저장' }).click()
    await page.getByTestId('class-row').first().getByText('박서준').waitFor()

    // Tomorrow's one-hour class (set up through the same channel the dialog uses).
    const detail = await ipcCall<{ sessions: Array<{ id: string }> }>(page, 'projects.get', { id: projectId })
    await ipcCall(page, 'classes.create', { sessionId: detail.sessions[0]!.id, date: TOMORROW, startTime: '09:00', endTime: '10:00', maxParticipants: 30 })
    await page.getByRole('button', { name: '프로젝트 목록' }).click()
    await page.getByRole('button', { name: '2027 신임 팀장 리더십' }).click()
    await expect.poll(() => page.getByTestId('class-row').count()).toBe(2)
  })

  it('pastes 30 trainees from a spreadsheet into the whole session in a few keystrokes', async () => {
    await page.getByRole('button', { name: '1차 1분반 수강 관리' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('이 차수의 모든 분반에 등록').check()
    const sheet = Array.from({ length: 30 }, (_, i) => `김수강${i + 1}\t010-5555-${1000 + i}\t아우구전자\t영업${(i % 3) + 1}팀`).join('\n')
    const box = dialog.getByTestId('enrol-paste')
    await box.focus()
    // The clipboard paste itself (what Ctrl+V delivers), then Tab to the button and Enter: two keystrokes.
    await page.evaluate((text) => {
      const area = document.querySelector<HTMLTextAreaElement>('[data-testid="enrol-paste"]')!
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!
      setter.call(area, text)
      area.dispatchEvent(new Event('input', { bubbles: true }))
    }, sheet)
    expect(await dialog.getByTestId('enrol-paste-count').textContent()).toBe('30명 인식됨')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect.poll(() => dialog.getByTestId('enrol-result').textContent()).toContain('확정 60명')
    expect(await dialog.getByTestId('enrollment-capacity').textContent()).toContain('확정 30명 / 정원 30명')
    await screenshot(page, 'training-enrol-paste-ko')
    await dialog.locator('[data-dialog-close]').click()
    await dialog.waitFor({ state: 'detached' })
  })

  it("refuses to mark tomorrow's class, with a clear message and nothing written", async () => {
    await page.getByRole('button', { name: '2분반 출석부' }).click()
    await page.getByTestId('roster-not-started').waitFor()
    await page.getByTestId('roster').focus()
    await page.keyboard.press('KeyP')
    const alert = page.getByRole('alert').filter({ hasText: '아직 시작하지 않은 수업' })
    await alert.waitFor()
    expect(await alert.getAttribute('data-error-code')).toBe('training.classNotStarted')
    await expect.poll(() => page.getByTestId('count-present').textContent()).toBe('0')
    await screenshot(page, 'training-not-started-ko')
    await page
      .getByRole('button', { name: /출석부로|프로젝트로|←/ })
      .first()
      .click()
  })

  it("marks today's class from the keyboard; 출석 and 지각 are counted apart", async () => {
    await page.getByRole('button', { name: '1분반 출석부' }).click()
    const grid = page.getByTestId('roster')
    await grid.waitFor()
    await grid.focus()
    await page.keyboard.press('Digit2') // the first trainee came late
    await page.keyboard.press('Shift+KeyP') // everyone else present
    await expect.poll(() => page.getByTestId('count-present').textContent()).toBe('29')
    expect(await page.getByTestId('count-late').textContent()).toBe('1')
    expect(await page.getByTestId('count-unmarked').textContent()).toBe('0')
    await screenshot(page, 'training-roster-marked-ko')
    await page.getByRole('button', { name: /←/ }).first().click()
  })

  it('exports the completion list and prints the certificates; everything reached the server', async () => {
    await page.getByRole('button', { name: '수료 명단' }).click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.getByTestId('completion-row').count()).toBe(30)
    const completed = await dialog.locator('[data-testid="completion-row"][data-completed="true"]').count()
    expect(completed).toBeGreaterThanOrEqual(29)
    await screenshot(page, 'training-completion-ko')

    await dialog.getByRole('button', { name: /내보내기/ }).click()
    const download = page.waitForEvent('download')
    await page.getByRole('menuitem', { name: /Excel|XLSX|엑셀/ }).click()
    expect((await download).suggestedFilename()).toMatch(/수료명단\.xlsx$/)

    await page.evaluate(() => {
      ;(window as unknown as { printed: number }).printed = 0
      window.print = () => {
        ;(window as unknown as { printed: number }).printed += 1
      }
    })
    await dialog.getByRole('button', { name: '수료증 전체 인쇄' }).click()
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)
    expect(await page.getByTestId('certificate').count()).toBe(completed)
    expect(await page.getByTestId('certificate').first().textContent()).toContain('위 사람은 본 교육과정을 성실히 이수하였으므로')
    await page.emulateMedia({ media: 'print' })
    await page.evaluate(() => document.body.classList.add('print-certificates'))
    // One A4 certificate, as printed (the full page would be every certificate in a row).
    await page
      .getByTestId('certificate')
      .first()
      .screenshot({ path: path.join(SCREENSHOT_DIR, 'training-certificate-ko.png') })
    await page.evaluate(() => document.body.classList.remove('print-certificates'))
    await page.emulateMedia({ media: 'screen' })

    await syncAndSettle(page)
    const pool = new pg.Pool({ connectionString: db.url, max: 1 })
    try {
      const project = await pool.query('SELECT name, revenue, coordinator_id, opportunity_id IS NOT NULL AS linked FROM projects')
      expect(project.rows).toEqual([{ name: '2027 신임 팀장 리더십', revenue: '48000000', coordinator_id: coordinator.id, linked: true }])
      expect((await pool.query('SELECT COUNT(*)::int AS n FROM trainees')).rows[0].n).toBe(30)
      const marks = await pool.query(`SELECT status, COUNT(*)::int AS n FROM attendance_records GROUP BY status ORDER BY status`)
      expect(marks.rows).toEqual([
        { status: 'LATE', n: 1 },
        { status: 'PRESENT', n: 29 },
      ])
    } finally {
      await pool.end()
    }
    expect(pageErrors).toEqual([])
  })

  it('reads in English too', async () => {
    await page.getByRole('dialog').locator('[data-dialog-close]').click()
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('button', { name: 'Completion list' }).waitFor()
    await screenshot(page, 'training-project-en')
    await page.getByRole('button', { name: 'Completion list' }).click()
    await page.getByRole('button', { name: 'Print all certificates' }).waitFor()
    await screenshot(page, 'training-completion-en')
    await page.getByRole('dialog').locator('[data-dialog-close]').click()
    await page.getByRole('button', { name: '한국어' }).click()
  })
})

/// <reference lib="dom" />
/**
 * Instructor double bookings across projects (issue 16, docs/hrd-training-rules.md § Instructors across projects),
 * through the browser harness against a REAL sync server from an empty database. Two coordinators, each holding only
 * their own project, book 박서준 tomorrow at overlapping times. The second books in the class dialog and gets no
 * warning (their device cannot see the other project); after each syncs, both devices show the clash the server
 * recorded, with when the server checked. Moving the class away clears it on both.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, silentLogger, type Harness } from '../../scripts/dev-web'
import { addDays, todayIsoDate } from '../../src/shared/domain/dates'
import { createUser, type TestUser } from '../../sync-server/test/support'
import { ipcCall, signInThroughUi, startRealServer, syncAndSettle, type RealServer } from './real-server'
import { type Browser, collectPageErrors, launchChromium, screenshot } from './browser'

let real: RealServer
let kim: TestUser
let lee: TestUser
let harnessA: Harness
let harnessB: Harness
let browser: Browser
let pageA: Page
let pageB: Page
let errorsA: string[]
let errorsB: string[]
const tmp = mkdtempSync(path.join(tmpdir(), 'crm-e2e-clash-'))
const TOMORROW = addDays(todayIsoDate(), 1)
const PROJECT_A = '삼성 신임 팀장 리더십'
const PROJECT_B = '현대 영업 역량 강화'

/** A won opportunity made into a project with one 차수 from tomorrow, through the IPC contract (sales did this). */
async function projectWithSession(page: Page, company: string, title: string): Promise<{ projectId: string; sessionId: string }> {
  const c = await ipcCall<{ id: string }>(page, 'customers.create', { company: { name: company } })
  const o = await ipcCall<{ id: string }>(page, 'opportunities.create', { companyId: c.id, title, amount: 30_000_000, stage: 'PROPOSAL' })
  await ipcCall(page, 'opportunities.close', { id: o.id, outcome: 'WON', reason: '제안 채택' })
  const project = await ipcCall<{ id: string }>(page, 'projects.fromOpportunity', { opportunityId: o.id })
  const detail = await ipcCall<{ sessions: Array<{ id: string }> }>(page, 'sessions.create', {
    projectId: project.id,
    startDate: TOMORROW,
    endDate: addDays(TOMORROW, 3),
  })
  return { projectId: project.id, sessionId: detail.sessions[0]!.id }
}

async function openProject(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: '프로젝트', exact: true }).click()
  await page.getByRole('button', { name, exact: true }).click()
  await page.getByRole('heading', { name }).waitFor()
}

beforeAll(async () => {
  real = await startRealServer()
  kim = await createUser(real.db.url, { email: 'kim@augu.kr', name: '김하늘', tier: 'OPERATOR', password: 'augu-1234' })
  lee = await createUser(real.db.url, { email: 'lee@augu.kr', name: '이서연', tier: 'OPERATOR', password: 'augu-1234' })
  harnessA = await startHarness({ port: 0, dbFile: path.join(tmp, 'kim.sqlite'), log: silentLogger })
  harnessB = await startHarness({ port: 0, dbFile: path.join(tmp, 'lee.sqlite'), log: silentLogger })
  browser = await launchChromium()
  const context = () => browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } })
  pageA = await (await context()).newPage()
  pageB = await (await context()).newPage()
  errorsA = collectPageErrors(pageA)
  errorsB = collectPageErrors(pageB)
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await harnessA?.close()
  await harnessB?.close()
  await real?.close()
  rmSync(tmp, { recursive: true, force: true })
})

describe('an instructor double-booked across two coordinators’ projects', () => {
  it('coordinator 김하늘 books 박서준 tomorrow 09:00–12:00 on her project', async () => {
    await pageA.goto(harnessA.url)
    await signInThroughUi(pageA, real.server.url, kim)
    const instructors = await ipcCall<Array<{ id: string; name: string }>>(pageA, 'instructors.save', {
      lastName: '박',
      firstName: '서준',
      email: 'park@augu.kr',
    })
    const park = instructors.find((i) => i.name === '박서준')!.id
    const { sessionId } = await projectWithSession(pageA, '삼성전자', PROJECT_A)
    await ipcCall(pageA, 'classes.create', { sessionId, date: TOMORROW, startTime: '09:00', endTime: '12:00', instructorId: park })
    await syncAndSettle(pageA)
  })

  it('coordinator 이서연 books him 10:00–13:00 in the class dialog: no warning on her device, the server flags it after sync', async () => {
    await pageB.goto(harnessB.url)
    await signInThroughUi(pageB, real.server.url, lee)
    await syncAndSettle(pageB)
    await projectWithSession(pageB, '현대자동차', PROJECT_B)
    await openProject(pageB, PROJECT_B)

    const session = pageB.getByRole('region', { name: '1차' })
    await session.getByRole('button', { name: '분반 추가' }).click()
    const form = pageB.getByRole('dialog', { name: '분반 추가' })
    await form.getByLabel('교육일').fill(TOMORROW)
    await form.getByLabel('시작 시각').fill('10:00')
    await form.getByLabel('종료 시각').fill('13:00')
    await form.getByLabel('강사').selectOption({ label: '박서준' })
    await form.getByRole('button', { name: '저장' }).click()
    // Her replica holds only her project: the device's own check finds nothing, so the class is saved at once.
    await form.waitFor({ state: 'detached' })
    expect(await pageB.getByTestId('double-booking').count()).toBe(0)

    await syncAndSettle(pageB)
    const card = pageB.getByTestId('server-clashes')
    await expect.poll(() => card.getByTestId('server-clash').count(), { timeout: 15_000 }).toBe(1)
    const text = (await card.getByTestId('server-clash').textContent()) ?? ''
    expect(text).toContain('박서준 강사')
    expect(text).toContain('10:00–12:00')
    expect(text).toContain(`${PROJECT_B} 1차 1분반 (10:00–13:00)`)
    // The other project is out of her scope: not named, but its time and whom to call are.
    expect(text).toContain('다른 프로젝트 1차 1분반 (09:00–12:00) · 담당 김하늘')
    expect(text).not.toContain(PROJECT_A)
    expect(await card.getByTestId('server-check').textContent()).toMatch(/^서버 확인: /)
    expect(await session.getByTestId('class-server-clash').textContent()).toBe('강사 중복')
    await screenshot(pageB, 'instructor-clash-project-ko')

    await pageB.getByRole('button', { name: '1차 1분반 수정' }).click()
    const edit = pageB.getByRole('dialog', { name: '분반 수정' })
    expect(await edit.getByTestId('server-clash').textContent()).toContain('담당 김하늘')
    expect(await edit.getByTestId('server-check').textContent()).toMatch(/^서버 확인: /)
    await screenshot(pageB, 'instructor-clash-class-dialog-ko')
    await edit.getByRole('button', { name: '취소' }).click()
  })

  it('김하늘 sees the same clash after her sync: on her project page and her coordinator home', async () => {
    await syncAndSettle(pageA)
    await pageA.getByRole('button', { name: '대시보드' }).click()
    const clashes = pageA.getByTestId('coordinator-clashes')
    await expect.poll(() => clashes.getByTestId('server-clash').count(), { timeout: 15_000 }).toBe(1)
    const text = (await clashes.getByTestId('server-clash').textContent()) ?? ''
    expect(text).toContain(`${PROJECT_A} 1차 1분반 (09:00–12:00)`)
    expect(text).toContain('다른 프로젝트 1차 1분반 (10:00–13:00) · 담당 이서연')
    expect(await clashes.getByTestId('server-check').textContent()).toMatch(/^서버 확인: /)
    await screenshot(pageA, 'instructor-clash-home-ko')

    await openProject(pageA, PROJECT_A)
    await expect.poll(() => pageA.getByTestId('server-clashes').getByTestId('server-clash').count()).toBe(1)
    expect(await pageA.getByTestId('class-server-clash').count()).toBe(1)
  })

  it('reads in English', async () => {
    await pageB.getByRole('button', { name: 'English' }).click()
    const card = pageB.getByTestId('server-clashes')
    await expect.poll(() => card.getByRole('heading').textContent()).toBe('Instructor double bookings (all projects, checked by the server)')
    const text = (await card.getByTestId('server-clash').textContent()) ?? ''
    expect(text).toContain('another project Session 1, class 1 (09:00–12:00) · coordinator 김하늘')
    expect(await card.getByTestId('server-check').textContent()).toMatch(/^Checked by the server at /)
    expect(await card.getByTestId('server-check').textContent()).not.toMatch(/\d+월|\d+일/)
    await screenshot(pageB, 'instructor-clash-project-en')
    await pageA.getByRole('button', { name: 'English' }).click()
    await pageA.getByRole('button', { name: 'Dashboard' }).click()
    await expect.poll(() => pageA.getByTestId('coordinator-clashes').getByTestId('server-clash').count()).toBe(1)
    await screenshot(pageA, 'instructor-clash-home-en')
    await pageA.getByRole('button', { name: '한국어' }).click()
    await pageB.getByRole('button', { name: '한국어' }).click()
  })

  it('moving the class to the afternoon clears the clash on both devices', async () => {
    await pageB.getByRole('button', { name: '1차 1분반 수정' }).click()
    const edit = pageB.getByRole('dialog', { name: '분반 수정' })
    await edit.getByLabel('시작 시각').fill('14:00')
    await edit.getByLabel('종료 시각').fill('17:00')
    await edit.getByRole('button', { name: '저장' }).click()
    await edit.waitFor({ state: 'detached' })
    await syncAndSettle(pageB)
    const card = pageB.getByTestId('server-clashes')
    await expect.poll(() => card.getByTestId('server-clash').count(), { timeout: 15_000 }).toBe(0)
    expect(await card.textContent()).toContain('다른 프로젝트를 포함해 강사가 겹치는 수업이 없습니다.')
    expect(await pageB.getByTestId('class-server-clash').count()).toBe(0)

    await syncAndSettle(pageA)
    await expect.poll(() => pageA.getByTestId('server-clashes').getByTestId('server-clash').count(), { timeout: 15_000 }).toBe(0)
    expect([...errorsA, ...errorsB]).toEqual([])
  })
})

/**
 * Live record forms end to end (issue #15): the lead form and the project dialog use the same concurrent-edit hook as
 * the company and opportunity forms. A real sync server (PostgreSQL + Redis) and two device harnesses in headless
 * Chromium: A = 김대표 (EXECUTIVE), B = 이과장 (MANAGER, the lead's assignee). B has a lead open and half-typed; A
 * changes the same lead; B's form keeps B's text, takes A's other fields, says who changed what; B's save sends only
 * B's fields, so A's edit survives on the server.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness as startDeviceHarness, silentLogger, type Harness as DeviceHarness } from '../../scripts/dev-web'
import { todayIsoDate } from '../../src/shared/domain/dates'
import { type CrmBridge } from '../../src/shared/ipc/api'
import { type TestUser } from '../../sync-server/test/support'
import { newId, startHarness as startSyncHarness, uniqueCode, type Harness as SyncHarness } from '../support/sync-harness'
import { type Browser, collectPageErrors, launchChromium, screenshot } from './browser'

/** What the devices are told the server is; their fetch sends it to the in-process server of this test. */
const SERVER = 'https://sync.forms.test'
const LEAD = '라이브폼 주식회사'
const LEAD_EN = 'Liveform Ltd'

let sync: SyncHarness
let exec: TestUser
let manager: TestUser
let deviceA: DeviceHarness
let deviceB: DeviceHarness
let browser: Browser
let pageA: Page
let pageB: Page
let errorsB: string[]
const tmp = mkdtempSync(path.join(tmpdir(), 'crm-e2e-live-forms-'))
const ids = { lead: newId(), leadEn: newId(), company: newId(), project: newId(), meeting: newId() }
const MEETING = '라이브폼 과정 제안 미팅'
const PROJECT = '라이브폼 리더십 과정'

const serverFetch: typeof fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
  if (!url.startsWith(SERVER)) return globalThis.fetch(input, init)
  return globalThis.fetch(sync.server().url + url.slice(SERVER.length), init)
}

async function signIn(page: Page, harness: DeviceHarness, user: TestUser): Promise<void> {
  await page.goto(harness.url)
  await page.getByRole('button', { name: /회사 동기화 서버에 로그인/ }).click()
  await page.getByLabel('서버 주소').fill(SERVER)
  await page.getByLabel('이메일').fill(user.email)
  await page.getByLabel('비밀번호').fill(user.password)
  await page.getByRole('button', { name: '로그인', exact: true }).click()
  await page.getByRole('navigation', { name: '주 메뉴' }).waitFor()
}

/** `window.crm` as the page sees it (these tests are compiled without the DOM library). */
type WithCrm = { readonly crm: CrmBridge }

/** A's edits go through A's own window.crm (harness → device → writer → outbox → push), like A's screens do. */
async function onA(fn: (arg: typeof ids) => Promise<unknown>): Promise<void> {
  const result = (await pageA.evaluate(fn, ids)) as { ok?: boolean } | undefined
  if (result && result.ok === false) throw new Error(`A's call failed: ${JSON.stringify(result)}`)
}

/** Generous: the machine running the suite may be busy; the benchmark measures the latency itself. */
const LIVE_TIMEOUT = 30_000

const leadRow = (id: string) =>
  sync.pool.query('SELECT notes, phone, status, bant_budget, contact_name FROM leads WHERE id = $1', [id]).then((r) => r.rows[0] as Record<string, unknown>)

beforeAll(async () => {
  sync = await startSyncHarness()
  exec = await sync.user('EXECUTIVE', '김대표')
  manager = await sync.user('MANAGER', '이과장')

  const seed = await sync.signedInDevice(exec, { name: 'seed' })
  const w = seed.writer
  w.transaction(() => {
    w.upsert('leads', ids.lead, {
      code: uniqueCode('L'),
      company_name: LEAD,
      contact_name: '한담당',
      phone: '0212345678',
      status: 'NEW',
      assigned_to: manager.id,
    })
    w.upsert('companies', ids.company, { code: uniqueCode('C'), name: '라이브폼교육 주식회사', tier: 'GOLD', account_manager_id: manager.id })
    w.upsert('projects', ids.project, { code: uniqueCode('P'), name: PROJECT, company_id: ids.company, coordinator_id: manager.id, priority: 'MEDIUM' })
    w.upsert('meetings', ids.meeting, {
      code: uniqueCode('M'),
      title: MEETING,
      target: 'CUSTOMER',
      type: 'PROPOSAL',
      company_id: ids.company,
      date: todayIsoDate(),
      start_time: '14:00',
      end_time: '15:00',
      organizer_id: manager.id,
      importance: 'MEDIUM',
    })
    w.upsert('leads', ids.leadEn, { code: uniqueCode('L'), company_name: LEAD_EN, contact_name: '문담당', status: 'NEW', assigned_to: manager.id })
  })
  await sync.catchUp(seed)
  expect(seed.writer.rejectedCount()).toBe(0)

  // The run's production build (test/e2e/global-setup.ts), served to every device of this file.
  const rendererDir = process.env.CRM_RENDERER_DIR
  const loop = { debounceMs: 300 }
  deviceA = await startDeviceHarness({ port: 0, dbFile: path.join(tmp, 'a.sqlite'), rendererDir, log: silentLogger, fetch: serverFetch, loop })
  deviceB = await startDeviceHarness({ port: 0, dbFile: path.join(tmp, 'b.sqlite'), rendererDir, log: silentLogger, fetch: serverFetch, loop })
  browser = await launchChromium()
  pageA = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } })).newPage()
  pageB = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } })).newPage()
  errorsB = collectPageErrors(pageB)
  await signIn(pageA, deviceA, exec)
  await signIn(pageB, deviceB, manager)
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await deviceA?.close()
  await deviceB?.close()
  await sync?.close()
  rmSync(tmp, { recursive: true, force: true })
})

describe('a lead open on B while A edits it', () => {
  it('keeps B’s typing, takes A’s other fields, says who changed what, and saves only B’s fields', async () => {
    await pageB.getByRole('button', { name: '리드', exact: true }).click()
    await pageB.getByRole('button', { name: LEAD }).click({ timeout: LIVE_TIMEOUT })
    const dialog = pageB.getByRole('dialog', { name: /리드 상세/ })
    await dialog.waitFor()
    const notes = dialog.locator('textarea[name="notes"]')
    await notes.fill('B가 입력 중인 메모')

    // A (another person, another PC) calls the contact, notes it, moves the lead on and ticks the budget.
    await onA((arg) =>
      (globalThis as unknown as WithCrm).crm.leads.update({
        id: arg.lead,
        companyName: '라이브폼 주식회사',
        contactName: '한담당',
        email: '',
        phone: '010-9876-5432',
        source: null,
        notes: 'A가 적은 메모',
        status: 'CONTACTED',
        bant: { budget: true, authority: false, need: false, timeline: false },
      }),
    )

    const notice = dialog.getByTestId('concurrent-edit-notice')
    await expect.poll(async () => (await leadRow(ids.lead))?.notes, { timeout: LIVE_TIMEOUT }).toBe('A가 적은 메모')
    await expect
      .poll(
        async () =>
          ((await pageB.evaluate((id) => (globalThis as unknown as WithCrm).crm.leads.get({ id }), ids.lead)) as { value?: { notes: string } }).value?.notes,
        { timeout: LIVE_TIMEOUT },
      )
      .toBe('A가 적은 메모')
    await notice.waitFor({ timeout: LIVE_TIMEOUT })
    expect(await notice.textContent()).toContain('김대표님이 이 기록을 변경했습니다')
    expect(await notice.textContent()).toContain('메모')
    expect(await notice.getByTestId('theirs-value').textContent()).toBe('A가 적은 메모')
    // B's text stays; the fields B never touched show A's values.
    expect(await notes.inputValue()).toBe('B가 입력 중인 메모')
    expect(await dialog.getByLabel('전화번호').inputValue()).toBe('010-9876-5432')
    expect(await dialog.getByLabel('상태').inputValue()).toBe('CONTACTED')
    expect(await dialog.getByLabel('예산 확보 (Budget)').isChecked()).toBe(true)
    await screenshot(pageB, 'live-lead-form-ko')

    // B also changes the contact's name, keeps B's note and saves: A's phone, status and BANT survive.
    await dialog.getByLabel('담당자 이름').fill('한과장')
    await notice.getByRole('button', { name: '내 입력 유지' }).click()
    await dialog.getByRole('button', { name: '저장', exact: true }).click()
    await dialog.getByText('저장했습니다').waitFor()
    await expect
      .poll(() => leadRow(ids.lead), { timeout: LIVE_TIMEOUT })
      .toEqual({ notes: 'B가 입력 중인 메모', phone: '01098765432', status: 'CONTACTED', bant_budget: true, contact_name: '한과장' })
    await dialog.getByRole('button', { name: '닫기' }).first().click()
  })

  it('says the same in English', async () => {
    await pageB.getByRole('group', { name: '언어' }).getByRole('button', { name: 'English' }).click()
    await pageB.getByRole('button', { name: LEAD_EN }).click({ timeout: LIVE_TIMEOUT })
    const dialog = pageB.getByRole('dialog')
    await dialog.waitFor()
    await dialog.locator('textarea[name="notes"]').fill('B is typing')

    await onA((arg) =>
      (globalThis as unknown as WithCrm).crm.leads.update({
        id: arg.leadEn,
        companyName: 'Liveform Ltd',
        contactName: '문담당',
        email: '',
        phone: '',
        source: null,
        notes: 'A wrote this',
        status: 'QUALIFIED',
        bant: { budget: false, authority: false, need: false, timeline: false },
      }),
    )
    const notice = dialog.getByTestId('concurrent-edit-notice')
    await notice.waitFor({ timeout: LIVE_TIMEOUT })
    expect(await notice.textContent()).toContain('김대표')
    expect(await notice.getByTestId('theirs-value').textContent()).toBe('A wrote this')
    expect(await dialog.locator('textarea[name="notes"]').inputValue()).toBe('B is typing')
    expect(await dialog.getByLabel('Status').inputValue()).toBe('QUALIFIED')
    // Only A's name is Korean: no Korean words left in English mode.
    expect((await notice.textContent())!.replaceAll('김대표', '')).not.toMatch(/[가-힣]/u)
    await screenshot(pageB, 'live-lead-form-en')
    await dialog.locator('[data-dialog-close]').first().click()
    await dialog.waitFor({ state: 'detached' })
    expect(errorsB).toEqual([])
  })
})

describe('a project open on B while A edits it', () => {
  it('keeps B’s description, takes A’s priority, and saves only B’s field', async () => {
    await pageB.getByRole('group', { name: 'Language' }).getByRole('button', { name: '한국어' }).click()
    await pageB.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '프로젝트' }).click()
    await pageB.getByRole('button', { name: PROJECT }).click({ timeout: LIVE_TIMEOUT })
    await pageB.getByRole('heading', { name: PROJECT }).waitFor()
    await pageB.getByRole('button', { name: '프로젝트 수정' }).click()
    const dialog = pageB.getByRole('dialog', { name: '프로젝트 수정' })
    await dialog.waitFor()
    const description = dialog.locator('textarea')
    await description.fill('B가 쓰는 과정 설명')

    // A changes the description and the priority (the whole project through A's own window.crm, as A's dialog would).
    await onA((arg) =>
      (globalThis as unknown as WithCrm).crm.projects.get({ id: arg.project }).then((r) => {
        if (!r.ok) return r
        const p = r.value
        return (globalThis as unknown as WithCrm).crm.projects.save({
          id: p.id,
          name: p.name,
          description: 'A가 쓴 설명',
          type: p.type,
          companyId: p.companyId,
          branchId: p.branchId,
          contractId: p.contractId,
          opportunityId: p.opportunityId,
          status: p.status,
          phase: p.phase,
          health: p.health,
          priority: 'HIGH',
          startDate: p.startDate,
          endDate: p.endDate,
          actualStartDate: p.actualStartDate,
          actualEndDate: p.actualEndDate,
          budget: p.budget,
          actualCost: p.actualCost,
          revenue: p.revenue,
          progress: p.progress,
          projectManagerId: p.projectManagerId,
          coordinatorId: p.coordinatorId,
          operatorId: p.operatorId,
        })
      }),
    )

    const notice = dialog.getByTestId('concurrent-edit-notice')
    await notice.waitFor({ timeout: LIVE_TIMEOUT })
    expect(await notice.textContent()).toContain('김대표님이 이 기록을 변경했습니다')
    expect(await notice.getByTestId('theirs-value').textContent()).toBe('A가 쓴 설명')
    expect(await description.inputValue()).toBe('B가 쓰는 과정 설명')
    expect(await dialog.getByLabel('우선순위').inputValue()).toBe('HIGH')
    await notice.scrollIntoViewIfNeeded()
    await screenshot(pageB, 'live-project-form-ko')

    await notice.getByRole('button', { name: '내 입력 유지' }).click()
    await dialog.getByRole('button', { name: '저장', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect
      .poll(async () => (await sync.pool.query('SELECT description, priority FROM projects WHERE id = $1', [ids.project])).rows[0], { timeout: LIVE_TIMEOUT })
      .toEqual({ description: 'B가 쓰는 과정 설명', priority: 'HIGH' })
    expect(errorsB).toEqual([])
  })
})

describe('a meeting open on B while A edits it', () => {
  it('keeps B’s description, takes A’s importance, and saves only B’s field', async () => {
    await pageB.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '미팅' }).click()
    await pageB.getByTestId('meeting-row').filter({ hasText: MEETING }).getByRole('button', { name: MEETING }).click({ timeout: LIVE_TIMEOUT })
    const dialog = pageB.getByTestId('meeting-dialog')
    await dialog.waitFor()
    const description = dialog.locator('textarea')
    await description.fill('B가 정리 중인 미팅 설명')

    await onA((arg) =>
      (globalThis as unknown as WithCrm).crm.meetings.get({ id: arg.meeting }).then((r) => {
        if (!r.ok) return r
        const m = r.value
        return (globalThis as unknown as WithCrm).crm.meetings.save({
          id: m.id,
          title: m.title,
          description: 'A가 쓴 미팅 설명',
          target: m.target,
          type: m.type,
          companyId: m.companyId,
          opportunityId: m.opportunityId,
          projectId: m.projectId,
          date: m.date,
          startTime: m.startTime,
          endTime: m.endTime,
          locationType: m.locationType,
          locationAddress: m.locationAddress ?? '',
          locationRoom: m.locationRoom ?? '',
          onlineLink: m.onlineLink ?? '',
          status: m.status,
          importance: 'HIGH',
          hasFollowUp: m.hasFollowUp,
          followUpDate: m.followUpDate,
          participants: m.participants.map((p) => ({
            id: p.id,
            participantType: p.participantType,
            userId: p.userId,
            contactId: p.contactId,
            name: p.name,
            company: p.company,
            position: p.position,
            role: p.role,
            attendance: p.attendance,
          })),
          agenda: [],
          products: [],
        })
      }),
    )

    const notice = dialog.getByTestId('concurrent-edit-notice')
    await notice.waitFor({ timeout: LIVE_TIMEOUT })
    expect(await notice.textContent()).toContain('김대표님이 이 기록을 변경했습니다')
    expect(await notice.getByTestId('theirs-value').textContent()).toBe('A가 쓴 미팅 설명')
    expect(await description.inputValue()).toBe('B가 정리 중인 미팅 설명')
    expect(await dialog.getByLabel('중요도').inputValue()).toBe('HIGH')
    await notice.scrollIntoViewIfNeeded()
    await screenshot(pageB, 'live-meeting-form-ko')

    await notice.getByRole('button', { name: '내 입력 유지' }).click()
    await dialog.getByRole('button', { name: '저장', exact: true }).click()
    await expect
      .poll(async () => (await sync.pool.query('SELECT description, importance FROM meetings WHERE id = $1', [ids.meeting])).rows[0], { timeout: LIVE_TIMEOUT })
      .toEqual({ description: 'B가 정리 중인 미팅 설명', importance: 'HIGH' })
    expect(errorsB).toEqual([])
  })
})

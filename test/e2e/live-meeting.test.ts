/**
 * A meeting open on B while A changes its sub-rows (issue #15): the attendee, agenda items and minutes are rows of
 * their own tables, merged by the same concurrent-edit mechanism as the meeting's own fields. A real sync server
 * (PostgreSQL + Redis) and two device harnesses in headless Chromium: A = 김대표 (EXECUTIVE), B = 이과장 (MANAGER,
 * organizer of the meeting). B's half-typed values stay, A's other rows and fields appear, the notice names who changed
 * which rows, and B's save sends only B's changes so A's survive on the server.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness as startDeviceHarness, silentLogger, type Harness as DeviceHarness } from '../../scripts/dev-web'
import { type CrmBridge } from '../../src/shared/ipc/api'
import { type TestUser } from '../../sync-server/test/support'
import { newId, startHarness as startSyncHarness, uniqueCode, type Harness as SyncHarness } from '../support/sync-harness'
import { signInThroughUi } from './real-server'
import { type Browser, collectPageErrors, launchChromium, screenshot } from './browser'

const SERVER = 'https://sync.live-meeting.test'
const TITLE = '라이브 미팅 교육 제안'
const LIVE_TIMEOUT = 30_000

type WithCrm = { readonly crm: CrmBridge }

let sync: SyncHarness
let exec: TestUser
let manager: TestUser
let deviceA: DeviceHarness
let deviceB: DeviceHarness
let browser: Browser
let pageA: Page
let pageB: Page
let errorsB: string[]
const tmp = mkdtempSync(path.join(tmpdir(), 'crm-e2e-live-meeting-'))

const ids = { company: newId(), meeting: newId(), participant: newId(), agenda1: newId(), agenda2: newId(), manager: '' }

const serverFetch: typeof fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
  if (!url.startsWith(SERVER)) return globalThis.fetch(input, init)
  return globalThis.fetch(sync.server().url + url.slice(SERVER.length), init)
}

/** A's edit through A's own window.crm (harness → device → writer → outbox → push), as A's screens make it. */
async function onA(fn: (arg: typeof ids) => Promise<unknown>): Promise<void> {
  const result = (await pageA.evaluate(fn, ids)) as { ok?: boolean } | undefined
  if (result && result.ok === false) throw new Error(`A's call failed: ${JSON.stringify(result)}`)
}

beforeAll(async () => {
  sync = await startSyncHarness()
  exec = await sync.user('EXECUTIVE', '김대표')
  manager = await sync.user('MANAGER', '이과장')
  ids.manager = manager.id

  const seed = await sync.signedInDevice(exec, { name: 'seed' })
  const w = seed.writer
  w.transaction(() => {
    w.upsert('companies', ids.company, { code: uniqueCode('C'), name: '라이브미팅 주식회사', tier: 'GOLD', account_manager_id: manager.id })
    w.upsert('meetings', ids.meeting, {
      code: uniqueCode('M'),
      title: TITLE,
      target: 'CUSTOMER',
      type: 'PROPOSAL',
      company_id: ids.company,
      date: '2026-12-08',
      start_time: '10:00',
      end_time: '11:00',
      location_type: 'ONSITE',
      organizer_id: manager.id,
    })
    w.upsert('meeting_participants', ids.participant, {
      meeting_id: ids.meeting,
      participant_type: 'INTERNAL',
      user_id: manager.id,
      role: 'ORGANIZER',
      attendance: 'PENDING',
    })
    w.upsert('meeting_agenda', ids.agenda1, { meeting_id: ids.meeting, sequence: 1, topic: '교육 니즈 파악', duration: 30 })
    w.upsert('meeting_agenda', ids.agenda2, { meeting_id: ids.meeting, sequence: 2, topic: '일정 협의', duration: 20 })
  })
  await sync.catchUp(seed)
  expect(seed.writer.rejectedCount()).toBe(0)

  const rendererDir = process.env.CRM_RENDERER_DIR
  const loop = { debounceMs: 300 }
  deviceA = await startDeviceHarness({ port: 0, dbFile: path.join(tmp, 'a.sqlite'), rendererDir, log: silentLogger, fetch: serverFetch, loop })
  deviceB = await startDeviceHarness({ port: 0, dbFile: path.join(tmp, 'b.sqlite'), rendererDir, log: silentLogger, fetch: serverFetch, loop })
  browser = await launchChromium()
  pageA = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } })).newPage()
  pageB = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } })).newPage()
  errorsB = collectPageErrors(pageB)
  for (const [page, harness, user] of [
    [pageA, deviceA, exec],
    [pageB, deviceB, manager],
  ] as const) {
    await page.goto(harness.url)
    await signInThroughUi(page, SERVER, user)
  }
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await deviceA?.close()
  await deviceB?.close()
  await sync?.close()
  rmSync(tmp, { recursive: true, force: true })
})

describe('a meeting open on B while A changes its attendees, agenda and minutes', () => {
  let dialog: Locator

  it('keeps B’s agenda typing, shows A’s rows, names who changed what, and saves only B’s changes', async () => {
    // A has the meeting before it edits it.
    await expect
      .poll(async () => (await pageA.evaluate(async (id) => (globalThis as unknown as WithCrm).crm.meetings.get({ id }), ids.meeting)).ok, {
        timeout: LIVE_TIMEOUT,
      })
      .toBe(true)
    await pageB.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '미팅' }).click()
    await pageB.getByRole('button', { name: TITLE }).click({ timeout: LIVE_TIMEOUT })
    dialog = pageB.getByTestId('meeting-dialog')
    await dialog.waitFor()
    await dialog.getByRole('tab', { name: /^안건/ }).click()
    const durations = dialog.getByLabel('시간(분)', { exact: true })
    const topics = dialog.getByLabel('안건', { exact: true })
    await expect.poll(() => topics.count()).toBe(2)
    // B is changing the first item's planned time when A's edit arrives.
    await durations.nth(0).fill('45')

    // A: the first item's time too (a conflict), the second item's topic, a new item, and the organizer's attendance.
    await onA((arg) =>
      (globalThis as unknown as WithCrm).crm.meetings.save({
        id: arg.meeting,
        title: '라이브 미팅 교육 제안',
        target: 'CUSTOMER',
        type: 'PROPOSAL',
        companyId: arg.company,
        date: '2026-12-08',
        startTime: '10:00',
        endTime: '11:00',
        locationType: 'ONSITE',
        participants: [{ id: arg.participant, participantType: 'INTERNAL', userId: arg.manager, role: 'ORGANIZER', attendance: 'CONFIRMED' }],
        agenda: [
          { id: arg.agenda1, topic: '교육 니즈 파악', duration: 60 },
          { id: arg.agenda2, topic: '일정 및 장소 협의', duration: 20 },
          { topic: 'A가 추가한 예산 검토', duration: 15 },
        ],
        products: [],
      }),
    )

    const notice = dialog.getByTestId('concurrent-edit-notice')
    await notice.waitFor({ timeout: LIVE_TIMEOUT })
    const text = (await notice.textContent()) ?? ''
    expect(text).toContain('김대표님이 이 기록을 변경했습니다')
    expect(text).toContain('안건 ‘A가 추가한 예산 검토’ 추가')
    expect(text).toContain('안건 ‘일정 및 장소 협의’ · 안건')
    expect(text).toContain('참석자 ‘이과장’ · 참석 여부')
    // The one field both changed: B decides, A's value is shown.
    expect(await notice.locator('li[data-field]').count()).toBe(1)
    expect(await notice.getByTestId('theirs-value').textContent()).toBe('60')
    // B's typing stays; what B did not touch shows A's values, A's new item included.
    await expect.poll(() => topics.count()).toBe(3)
    expect(await durations.nth(0).inputValue()).toBe('45')
    expect(await topics.nth(1).inputValue()).toBe('일정 및 장소 협의')
    expect(await topics.nth(2).inputValue()).toBe('A가 추가한 예산 검토')
    await screenshot(pageB, 'live-meeting-rows-ko')

    await notice.getByRole('button', { name: '내 입력 유지' }).click()
    await dialog.getByRole('button', { name: '저장', exact: true }).click()

    // On the server: B's one change over A's edits — A's topic, new item and attendance survive B's save.
    await expect
      .poll(
        async () =>
          (await sync.pool.query('SELECT topic, duration FROM meeting_agenda WHERE meeting_id = $1 AND deleted_at IS NULL ORDER BY sequence', [ids.meeting]))
            .rows,
        { timeout: LIVE_TIMEOUT },
      )
      .toEqual([
        { topic: '교육 니즈 파악', duration: 45 },
        { topic: '일정 및 장소 협의', duration: 20 },
        { topic: 'A가 추가한 예산 검토', duration: 15 },
      ])
    const { rows } = await sync.pool.query('SELECT attendance FROM meeting_participants WHERE id = $1', [ids.participant])
    expect(rows).toEqual([{ attendance: 'CONFIRMED' }])
  })

  it('the minutes B is writing keep B’s text while A’s other fields arrive (English)', async () => {
    // The language switch sits behind the dialog: close it, switch, open the meeting again.
    await pageB.getByRole('dialog').locator('[data-dialog-close]').click()
    await dialog.waitFor({ state: 'detached' })
    await pageB.getByRole('button', { name: 'English' }).click()
    await pageB.getByRole('button', { name: TITLE }).click()
    await dialog.waitFor()
    await dialog.getByRole('tab', { name: /^Minutes/ }).click()
    // A wrote the minutes first; B's form (empty) takes them as they arrive.
    await onA((arg) =>
      (globalThis as unknown as WithCrm).crm.meetings.saveMinutes({ meetingId: arg.meeting, summary: 'A: first draft', keyPoints: ['budget first'] }),
    )
    const summary = dialog.getByLabel('Summary', { exact: true })
    await expect.poll(() => summary.inputValue(), { timeout: LIVE_TIMEOUT }).toBe('A: first draft')
    await dialog.getByTestId('concurrent-edit-notice').getByRole('button', { name: 'OK' }).click()

    await summary.fill('B: the customer wants two sessions')
    await onA((arg) =>
      (globalThis as unknown as WithCrm).crm.meetings.saveMinutes({
        meetingId: arg.meeting,
        summary: 'A: a second draft',
        keyPoints: ['budget first', 'venue in Seoul'],
      }),
    )
    const notice = dialog.getByTestId('concurrent-edit-notice')
    await expect.poll(() => notice.getByTestId('theirs-value').textContent(), { timeout: LIVE_TIMEOUT }).toBe('A: a second draft')
    expect(await notice.textContent()).toContain('김대표 changed this record')
    expect(await summary.inputValue()).toBe('B: the customer wants two sessions')
    expect(await dialog.getByLabel('Key points', { exact: true }).inputValue()).toBe('budget first\nvenue in Seoul')
    await screenshot(pageB, 'live-meeting-minutes-en')

    await notice.getByRole('button', { name: 'Keep mine' }).click()
    await dialog.getByRole('button', { name: 'Save minutes' }).click()
    await expect
      .poll(async () => (await sync.pool.query('SELECT summary, key_points FROM meeting_minutes WHERE meeting_id = $1', [ids.meeting])).rows, {
        timeout: LIVE_TIMEOUT,
      })
      .toEqual([{ summary: 'B: the customer wants two sessions', key_points: ['budget first', 'venue in Seoul'] }])
    await pageB.getByRole('dialog').locator('[data-dialog-close]').click()
    await dialog.waitFor({ state: 'detached' })
    await pageB.getByRole('button', { name: '한국어' }).click()
    expect(errorsB).toEqual([])
  })
})

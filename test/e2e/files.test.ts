/**
 * Attachments end to end, through the real renderer, handler table, device core and a real sync server (PostgreSQL +
 * Redis): on device A, offline at the customer's site, the consultant attaches the proposal PDF to the meeting's
 * minutes — it is listed at once, waiting for upload; back online it uploads; on device B the same account lists the
 * file after syncing and opens it (the web harness downloads it), byte for byte.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, silentLogger, type Harness } from '../../scripts/dev-web'
import { todayIsoDate } from '../../src/shared/domain/dates'
import { companyFields, newId, signedInDevice, startSyncTestEnv, type SyncTestEnv } from '../../sync-server/test/support/sync-kit'
import { type Browser, collectPageErrors, launchChromium, screenshot } from './browser'

const TITLE = '파일제약 리더십 과정 제안 미팅'
/** A small but real PDF. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n' +
    'x'.repeat(300_000),
)

let env: SyncTestEnv
let account: { email: string; password: string }
let browser: Browser
const tmp = mkdtempSync(path.join(tmpdir(), 'crm-e2e-files-'))
/** One renderer build shared by both devices. */
// The run's production build (test/e2e/global-setup.ts), served to every device of this file.
const rendererDir = process.env.CRM_RENDERER_DIR
let offline = false
/** The real network to the test server, with a switch that makes device A lose connectivity. */
const switchable: typeof fetch = (input, init) => (offline ? Promise.reject(new TypeError('fetch failed')) : globalThis.fetch(input, init))

interface Device {
  readonly harness: Harness
  readonly page: Page
  readonly errors: string[]
}
const devices: Device[] = []

async function openDevice(name: string, fetchFn: typeof fetch): Promise<Device> {
  const harness = await startHarness({ port: 0, dbFile: path.join(tmp, `${name}.sqlite`), rendererDir, log: silentLogger, fetch: fetchFn })
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 }, acceptDownloads: true })
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  await page.goto(harness.url)
  await page.getByRole('button', { name: /회사 동기화 서버에 로그인/ }).click()
  await page.getByLabel('서버 주소').fill(env.server.url)
  await page.getByLabel('이메일').fill(account.email)
  await page.getByLabel('비밀번호').fill(account.password)
  await page.getByRole('button', { name: '로그인', exact: true }).click()
  await page.getByRole('navigation', { name: '주 메뉴' }).waitFor()
  const device = { harness, page, errors }
  devices.push(device)
  return device
}

async function openMinutes(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '미팅' }).click()
  const row = page.getByTestId('meeting-row').filter({ hasText: TITLE })
  // The meeting arrives with the first sync.
  for (let i = 0; i < 40 && (await row.count()) === 0; i += 1) {
    await page
      .getByRole('button', { name: '지금 동기화' })
      .click()
      .catch(() => undefined)
    await page.waitForTimeout(500)
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '미팅' }).click()
  }
  await row.getByRole('button', { name: TITLE }).click()
  const dialog = page.getByTestId('meeting-dialog')
  await dialog.getByRole('tab', { name: /^회의록/ }).click()
  return dialog
}

beforeAll(async () => {
  env = await startSyncTestEnv()
  // The consultant's meeting with its minutes, as the server has it before the visit.
  const seeder = await signedInDevice(env, 'OPERATOR')
  account = { email: seeder.email, password: seeder.password }
  const company = newId()
  const meeting = newId()
  const pushed = await seeder.push([
    seeder.mutation({ table: 'companies', id: company, fields: companyFields(seeder.userId, { name: '(주)파일제약' }) }),
    seeder.mutation({
      table: 'meetings',
      id: meeting,
      fields: {
        code: `M-${meeting.slice(-8)}`,
        title: TITLE,
        target: 'CUSTOMER',
        type: 'PROPOSAL',
        company_id: company,
        date: todayIsoDate(),
        start_time: '14:00',
        end_time: '15:00',
        organizer_id: seeder.userId,
      },
    }),
    seeder.mutation({ table: 'meeting_minutes', id: newId(), fields: { meeting_id: meeting, summary: '리더십 과정 제안, 견적 요청 받음' } }),
  ])
  expect(pushed.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied'])
  browser = await launchChromium()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  for (const device of devices) await device.harness.close()
  await env?.close()
  rmSync(tmp, { recursive: true, force: true })
})

describe('attachments through a real sync server', () => {
  it('attaches a PDF to meeting minutes offline on device A; it uploads once online', async () => {
    const a = await openDevice('a', switchable)
    const dialog = await openMinutes(a.page)
    offline = true
    const panel = dialog.getByTestId('attachments-panel')
    await panel.getByTestId('attachments-input').setInputFiles({ name: '제안서.pdf', mimeType: 'application/pdf', buffer: PDF })
    const row = panel.getByTestId('attachment-row').filter({ hasText: '제안서.pdf' })
    await row.getByText('온라인이 되면 업로드').waitFor()
    expect(await row.textContent()).toContain('293 KB')
    await panel.scrollIntoViewIfNeeded()
    await screenshot(a.page, 'files-offline-minutes-ko')
    expect(await env.pool.query('SELECT 1 FROM attachments').then((r) => r.rowCount)).toBe(0)

    offline = false
    await a.page.getByRole('dialog').locator('[data-dialog-close]').click()
    await a.page.getByRole('button', { name: '지금 동기화' }).click()
    await expect.poll(async () => (await env.pool.query("SELECT 1 FROM file_blobs WHERE mime_type = 'application/pdf'")).rowCount, { timeout: 30_000 }).toBe(1)
    expect((await env.pool.query("SELECT file_name FROM attachments WHERE entity_type = 'MEETING_MINUTES'")).rows).toEqual([{ file_name: '제안서.pdf' }])
    const again = await openMinutes(a.page)
    await again.getByTestId('attachment-row').filter({ hasText: '제안서.pdf' }).getByText('이 PC에 있음').waitFor({ timeout: 15_000 })
    expect(a.errors).toEqual([])
  })

  it('device B lists the file after syncing and opens it (the harness downloads it)', async () => {
    const b = await openDevice('b', globalThis.fetch)
    const dialog = await openMinutes(b.page)
    const row = dialog.getByTestId('attachment-row').filter({ hasText: '제안서.pdf' })
    await row.getByText(/열 때 내려받음|이 PC에 있음/).waitFor({ timeout: 20_000 })
    await row.scrollIntoViewIfNeeded()
    await screenshot(b.page, 'files-device-b-ko')
    const [download] = await Promise.all([b.page.waitForEvent('download'), row.getByRole('button', { name: '제안서.pdf 열기' }).click()])
    expect(download.suggestedFilename()).toBe('제안서.pdf')
    const saved = path.join(tmp, 'downloaded.pdf')
    await download.saveAs(saved)
    expect(readFileSync(saved).equals(PDF)).toBe(true)
    await row.getByText('이 PC에 있음').waitFor()

    await b.page.getByRole('dialog').locator('[data-dialog-close]').click()
    await b.page.getByRole('group', { name: '언어' }).getByRole('button', { name: 'English' }).click()
    await b.page.getByTestId('meeting-row').filter({ hasText: TITLE }).getByRole('button', { name: TITLE }).click()
    await dialog.getByRole('tab', { name: /^Minutes/ }).click()
    await dialog.getByTestId('attachment-row').getByText('On this PC').waitFor()
    await dialog.getByTestId('attachments-panel').scrollIntoViewIfNeeded()
    await screenshot(b.page, 'files-device-b-en')
    expect(b.errors).toEqual([])
  })
})

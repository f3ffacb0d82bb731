/**
 * The sync panel's file parts end to end, through the real renderer, handler table, device core and a real sync server
 * (PostgreSQL + Redis) whose per-file limit is small (200 KB):
 *
 * - the offline-file budget is set in the panel: a bad value is refused in the app's words and changes nothing; 0
 *   keeps a colleague's new file on the server; raising it downloads the file ahead of time at once;
 * - a file the server refuses (too large) shows its reason in the panel, in Korean and English, and the other changes
 *   made meanwhile (the file's own row, a company field) still reach the server.
 */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, silentLogger, type Harness } from '../../scripts/dev-web'
import { FILE_CHUNK_BYTES } from '../../src/shared/files/limits'
import { type CrmBridge } from '../../src/shared/ipc/api'
import { companyFields, newId, signedInDevice, startSyncTestEnv, type SyncTestEnv } from '../../sync-server/test/support/sync-kit'
import { type Browser, collectPageErrors, launchChromium, screenshot } from './browser'

const COMPANY = '(주)파일한도교육'
const MAX_BYTES = 200_000
const pdf = (size: number): Buffer => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)])
const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

let env: SyncTestEnv
let seeder: Awaited<ReturnType<typeof signedInDevice>>
let browser: Browser
let harness: Harness
let page: Page
let errors: string[]
const company = newId()
const tmp = mkdtempSync(path.join(tmpdir(), 'crm-e2e-files-panel-'))
const dbFile = path.join(tmp, 'a.sqlite')
/** The device's file store (src/main/device.ts: beside the replica). */
const stored = (hash: string): boolean => existsSync(path.join(`${dbFile}-files`, hash.slice(0, 2), hash))

/** `window.crm` as the page sees it (these tests are compiled without the DOM library). */
type WithCrm = { readonly crm: CrmBridge }

const bar = (): Locator => page.getByTestId('sync-status-bar')

async function openPanel(name: string): Promise<Locator> {
  await bar()
    .getByRole('button', { name: new RegExp(name) })
    .click()
  const panel = page.getByRole('dialog')
  await panel.waitFor()
  return panel
}

async function syncNow(): Promise<void> {
  await bar()
    .getByRole('button', { name: /지금 동기화|Sync now/ })
    .click()
}

/** The colleague's PC uploads a file and attaches it to the company (their upload proves they hold the bytes). */
async function colleagueAttaches(data: Buffer, fileName: string): Promise<string> {
  const hash = sha(data)
  const begun = await fetch(`${env.server.url}/v1/files/${hash}`, {
    method: 'POST',
    headers: { ...seeder.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ sizeBytes: data.length, mimeType: 'application/pdf' }),
  })
  expect(begun.status).toBe(200)
  for (let n = 0; n * FILE_CHUNK_BYTES < data.length; n += 1) {
    const put = await fetch(`${env.server.url}/v1/files/${hash}/chunks/${n}`, {
      method: 'PUT',
      headers: { ...seeder.headers, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(data.subarray(n * FILE_CHUNK_BYTES, (n + 1) * FILE_CHUNK_BYTES)),
    })
    expect(put.status).toBe(200)
  }
  expect((await fetch(`${env.server.url}/v1/files/${hash}/complete`, { method: 'POST', headers: seeder.headers })).status).toBe(200)
  const pushed = await seeder.push([
    seeder.mutation({
      table: 'attachments',
      id: newId(),
      fields: { entity_type: 'COMPANY', entity_id: company, file_name: fileName, mime_type: 'application/pdf', size_bytes: data.length, sha256: hash },
    }),
  ])
  expect(pushed.body.results.map((r) => r.status)).toEqual(['applied'])
  return hash
}

beforeAll(async () => {
  env = await startSyncTestEnv({ files: { storage: { kind: 'postgres' }, maxBytes: MAX_BYTES, uploadBytesPerMinute: 500 * FILE_CHUNK_BYTES } })
  seeder = await signedInDevice(env, 'OPERATOR')
  const pushed = await seeder.push([seeder.mutation({ table: 'companies', id: company, fields: companyFields(seeder.userId, { name: COMPANY }) })])
  expect(pushed.body.results.map((r) => r.status)).toEqual(['applied'])
  // The run's production build (test/e2e/global-setup.ts), served to every device of this file.
  const rendererDir = process.env.CRM_RENDERER_DIR
  browser = await launchChromium()
  harness = await startHarness({ port: 0, dbFile, rendererDir, log: silentLogger, fetch: globalThis.fetch })
  page = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } })).newPage()
  errors = collectPageErrors(page)
  await page.goto(harness.url)
  await page.getByRole('button', { name: /회사 동기화 서버에 로그인/ }).click()
  await page.getByLabel('서버 주소').fill(env.server.url)
  await page.getByLabel('이메일').fill(seeder.email)
  await page.getByLabel('비밀번호').fill(seeder.password)
  await page.getByRole('button', { name: '로그인', exact: true }).click()
  await page.getByRole('navigation', { name: '주 메뉴' }).waitFor()
  await bar()
    .getByText(/마지막 동기화/)
    .waitFor({ timeout: 30_000 })
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await harness?.close()
  await env?.close()
  rmSync(tmp, { recursive: true, force: true })
})

describe('the offline-file budget in the sync panel', () => {
  it('refuses a bad value in the app’s words, keeps files on the server at 0, and downloads them at once when raised', async () => {
    const panel = await openPanel('충돌·거부 검토')
    const budget = panel.getByLabel('미리 받아 둘 파일 용량 (MB)')
    await expect.poll(() => budget.inputValue()).toBe('500')
    await budget.fill('-5')
    await panel.getByRole('button', { name: '저장', exact: true }).click()
    const alert = panel.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toBe('0에서 1,048,576 사이의 MB 단위 정수를 입력하세요. 아무것도 바뀌지 않았습니다.')
    expect(await budget.getAttribute('aria-invalid')).toBe('true')
    await panel.getByRole('heading', { name: '오프라인 파일' }).scrollIntoViewIfNeeded()
    await screenshot(page, 'files-budget-invalid-ko')
    const settings = (await page.evaluate(() => (globalThis as unknown as WithCrm).crm.files.settings())) as {
      ok: boolean
      value: { prefetchBudgetBytes: number }
    }
    expect(settings.value.prefetchBudgetBytes).toBe(500 * 1024 * 1024)

    await budget.fill('0')
    await panel.getByRole('button', { name: '저장', exact: true }).click()
    await panel.getByText('저장했습니다.').waitFor()
    expect(await alert.count()).toBe(0)
    await panel.locator('[data-dialog-close]').click()

    // A colleague attaches a file to the company; it reaches this PC's list, not its disk (budget 0).
    const hash = await colleagueAttaches(pdf(120_000), '교육계획서.pdf')
    await syncNow()
    await expect
      .poll(
        async () => {
          const listed = (await page.evaluate((id) => (globalThis as unknown as WithCrm).crm.files.list({ entityType: 'COMPANY', entityId: id }), company)) as {
            ok: boolean
            value?: { items: readonly { sha256: string }[] }
          }
          return listed.value?.items.map((i) => i.sha256) ?? []
        },
        { timeout: 30_000 },
      )
      .toContain(hash)
    await page.waitForTimeout(1500)
    expect(stored(hash)).toBe(false)

    // Raised to 1 MB: downloaded ahead of time at once, without opening it or waiting for the next sync.
    const again = await openPanel('충돌·거부 검토')
    await again.getByLabel('미리 받아 둘 파일 용량 (MB)').fill('1')
    await again.getByRole('button', { name: '저장', exact: true }).click()
    await again.getByText('저장했습니다.').waitFor()
    await expect.poll(() => stored(hash), { timeout: 30_000 }).toBe(true)
    await again.locator('[data-dialog-close]').click()
    expect(errors).toEqual([])
  })
})

describe('a file the server refuses', () => {
  it('shows its reason in the sync panel (Korean and English), and the other changes still sync', async () => {
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '고객사' }).click()
    await page
      .getByRole('button', { name: new RegExp(COMPANY.replace(/[()]/g, '\\$&')) })
      .first()
      .click({ timeout: 30_000 })
    const attachments = page.getByTestId('attachments-panel')
    // 300 KB: the device takes it (its limit is 50 MB), this server's limit is 200 KB.
    const big = pdf(300_000)
    await attachments.getByTestId('attachments-input').setInputFiles({ name: '현장사진모음.pdf', mimeType: 'application/pdf', buffer: big })
    await attachments.getByTestId('attachment-row').filter({ hasText: '현장사진모음.pdf' }).waitFor()
    // Another change made meanwhile, through the same device.
    const updated = (await page.evaluate(
      (id) => (globalThis as unknown as WithCrm).crm.customers.update({ id, changes: { representative: '한도준' } }),
      company,
    )) as { ok: boolean }
    expect(updated.ok).toBe(true)
    await syncNow()

    // The rows arrive (the file's row and the company field); the bytes are refused.
    await expect
      .poll(async () => (await env.pool.query('SELECT representative FROM companies WHERE id = $1', [company])).rows[0]?.representative, { timeout: 30_000 })
      .toBe('한도준')
    await expect
      .poll(async () => (await env.pool.query("SELECT 1 FROM attachments WHERE file_name = '현장사진모음.pdf'")).rowCount, { timeout: 30_000 })
      .toBe(1)
    expect((await env.pool.query('SELECT 1 FROM file_blobs WHERE sha256 = $1', [sha(big)])).rowCount).toBe(0)

    const panel = await openPanel('충돌·거부 검토')
    const transfer = panel.getByTestId('file-transfers').locator('li').filter({ hasText: '현장사진모음.pdf' })
    await transfer.getByText('서버가 거부함: 파일이 너무 큽니다').waitFor({ timeout: 30_000 })
    // The panel does not claim that every change went through.
    expect(await panel.getByText('검토할 항목이 없습니다').count()).toBe(0)
    await transfer.scrollIntoViewIfNeeded()
    await screenshot(page, 'files-rejected-ko')
    // Nothing else is held up: no row waits or was refused.
    expect(await bar().getByTestId('sync-pending').textContent()).toBe('보낼 변경 없음')
    await panel.locator('[data-dialog-close]').click()

    await page.getByRole('group', { name: '언어' }).getByRole('button', { name: 'English' }).click()
    const english = await openPanel('Review conflicts')
    const row = english.getByTestId('file-transfers').locator('li').filter({ hasText: '현장사진모음.pdf' })
    await row.getByText('Refused by the server: the file is too large').waitFor()
    expect((await english.getByTestId('file-transfers').textContent())!.replace('현장사진모음.pdf', '')).not.toMatch(/[가-힣]/u)
    await row.scrollIntoViewIfNeeded()
    await screenshot(page, 'files-rejected-en')
    expect(errors).toEqual([])
  })
})

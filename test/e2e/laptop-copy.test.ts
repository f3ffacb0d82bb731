/**
 * Issue 13, in the app: (1) a record created offline whose code was taken on the server is kept under a new code and
 * the sync panel says so (the push result's `renamed`, CONTRACTS.md §2); (2) "this PC's copy" in the sidebar runs the
 * full integrity check and schedules "rebuild this PC's copy"; after the restart the copy is rebuilt, the unsent change
 * is kept and a banner tells the user what happened. Korean by default, English available; screenshots at 1280×720.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openHarnessDatabase, startHarness, silentLogger, type Harness } from '../../scripts/dev-web'
import { type Browser, collectPageErrors, launchChromium, screenshot } from './browser'
import { POLL, createScriptedServer, pendingText, signIn, type ScriptedServer } from './sales-support'

let harness: Harness
let browser: Browser
let page: Page
let pageErrors: string[]
let server: ScriptedServer
const tmp = mkdtempSync(path.join(tmpdir(), 'crm-e2e-laptop-copy-'))
const dbFile = path.join(tmp, 'e2e.sqlite')

beforeAll(async () => {
  server = createScriptedServer()
  harness = await startHarness({ port: 0, dbFile, log: silentLogger, fetch: server.fetch })
  browser = await launchChromium()
  page = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } })).newPage()
  pageErrors = collectPageErrors(page)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await harness?.close()
  rmSync(tmp, { recursive: true, force: true })
})

function replica<T>(sql: string): T[] {
  // The harness's replica is encrypted: read it with the key kept beside it.
  const db = openHarnessDatabase(dbFile, { readonly: true })
  try {
    return db.prepare(sql).all() as T[]
  } finally {
    db.close()
  }
}

async function createLead(companyName: string, contactName: string): Promise<void> {
  await page.getByRole('button', { name: '새 리드' }).click()
  const dialog = page.getByRole('dialog', { name: '새 리드 등록' })
  await dialog.getByLabel('회사명').fill(companyName)
  await dialog.getByLabel('담당자 이름').fill(contactName)
  await dialog.getByLabel('전화번호').fill('010-1111-2222')
  await dialog.getByRole('button', { name: '저장', exact: true }).click()
  await dialog.waitFor({ state: 'detached' })
}

describe("this PC's copy", () => {
  it('shows a code the server changed in the sync panel, in Korean and English', async () => {
    await page.goto(harness.url)
    await signIn(page)
    await page
      .getByTestId('sync-status-bar')
      .getByText(/마지막 동기화/)
      .waitFor({ timeout: 15_000 })
    server.offline = true
    await page.getByRole('button', { name: '리드', exact: true }).click()
    await createLead('코드충돌상사', '김하늘')
    await expect.poll(() => pendingText(page), POLL).toBe('보낼 변경 1건')
    const [lead] = replica<{ code: string }>("SELECT code FROM leads WHERE company_name = '코드충돌상사'")
    expect(lead?.code).toMatch(/^LD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)

    // Back online: the server already has that code and keeps the lead as the next free one.
    const newCode = `${lead!.code.slice(0, -1)}${lead!.code.endsWith('Z') ? 'Y' : 'Z'}`
    server.renameWhen = (m) => (m.table === 'leads' && m.fields.code === lead!.code ? newCode : null)
    server.offline = false
    await page.getByRole('button', { name: '지금 동기화' }).click()
    await expect.poll(() => pendingText(page), POLL).toBe('보낼 변경 없음')
    await expect.poll(() => replica<{ code: string }>("SELECT code FROM leads WHERE company_name = '코드충돌상사'")[0]?.code, POLL).toBe(newCode)

    await page.getByRole('button', { name: /충돌·거부 검토/ }).click()
    const panel = page.getByRole('dialog', { name: '동기화 검토' })
    await panel.getByText('새 코드로 저장된 기록 1건').waitFor()
    const item = panel.getByTestId('renamed-item')
    expect(await item.textContent()).toContain(`코드 ${lead!.code}이(가) 서버에 이미 있어 ${newCode}(으)로 저장했습니다`)
    expect(await item.textContent()).toContain('코드충돌상사')
    await screenshot(page, 'laptop-copy-renamed-ko')

    await panel.locator('[data-dialog-close]').click()
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('button', { name: 'Review conflicts' }).click()
    const english = page.getByRole('dialog', { name: 'Sync review' })
    await english.getByText('Saved under a new code (1)').waitFor()
    expect(await english.getByTestId('renamed-item').textContent()).toContain(
      `The code ${lead!.code} was already taken on the server, so the record was kept as ${newCode}`,
    )
    await screenshot(page, 'laptop-copy-renamed-en')
    await english.getByRole('button', { name: 'OK', exact: true }).click()
    await expect.poll(() => english.getByTestId('renamed-item').count(), POLL).toBe(0)
    await english.locator('[data-dialog-close]').click()
    await page.getByRole('button', { name: '한국어' }).click()
  }, 120_000)

  it('checks the copy on demand and rebuilds it on the next start, keeping the unsent change', async () => {
    server.offline = true
    await createLead('보내지않은상사', '이바다')
    await expect.poll(() => pendingText(page), POLL).toBe('보낼 변경 1건')

    await page.getByRole('button', { name: '이 PC의 사본' }).click()
    const dialog = page.getByRole('dialog', { name: '이 PC의 사본' })
    await dialog.getByText('보내지 않은 변경 1건').waitFor()
    await dialog.getByRole('button', { name: '전체 검사' }).click()
    await dialog.getByText(/사본에 이상이 없습니다/).waitFor()
    await page.waitForTimeout(500) // let the dialog's opening transition finish
    await screenshot(page, 'laptop-copy-dialog-ko')

    page.once('dialog', (confirm) => void confirm.accept())
    await dialog.getByRole('button', { name: '이 PC의 사본 다시 받기' }).click()
    // The web harness cannot relaunch itself: the rebuild waits for the next start.
    await dialog.getByTestId('replica-rebuild').getByText('다음에 앱을 시작할 때 사본을 다시 받습니다').waitFor()
    expect(existsSync(`${dbFile}.rebuild-requested`)).toBe(true)

    // "Restart the app" on the same files.
    await harness.close()
    harness = await startHarness({ port: 0, dbFile, log: silentLogger, fetch: server.fetch })
    expect(existsSync(`${dbFile}.rebuild-requested`)).toBe(false)
    expect(readdirSync(tmp).some((name) => /^e2e\.sqlite\.damaged-\d{8}T\d{6}Z$/.test(name))).toBe(true)
    expect(replica<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'")[0]?.n).toBe(1)

    // The page polled the stopped harness meanwhile (connection refused): that was the restart, not an app error.
    pageErrors.length = 0
    await page.goto(harness.url)
    const banner = page.getByTestId('replica-notice')
    await banner.waitFor({ timeout: 15_000 })
    expect(await banner.textContent()).toContain('요청하신 대로 이 PC의 사본을 서버에서 다시 받았습니다.')
    expect(await banner.textContent()).toContain('보내지 않은 변경 1건을 보존해 다시 전송합니다.')
    await screenshot(page, 'laptop-copy-rebuilt-ko')
    await page.getByRole('button', { name: 'English' }).click()
    await banner.getByText("This PC's copy has been rebuilt from the server, as you asked.").waitFor()
    await screenshot(page, 'laptop-copy-rebuilt-en')
    await banner.getByRole('button', { name: 'OK' }).click()
    await banner.waitFor({ state: 'detached' })

    // Online again: the kept change is sent and the rows come back from the server.
    server.offline = false
    await page.getByRole('button', { name: 'Sync now' }).click()
    await expect.poll(() => server.applied.some((m) => m.table === 'leads' && m.fields.company_name === '보내지않은상사'), POLL).toBe(true)
    expect(pageErrors).toEqual([])
  }, 180_000)
})

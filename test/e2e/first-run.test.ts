import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type BrowserContext, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startHarness, silentLogger, type Harness } from '../../scripts/dev-web'
import { ipcChannels } from '../../src/shared/ipc/channels'
import { type CrmApi } from '../../src/shared/ipc/contract'
import { type Browser, collectPageErrors, launchChromium, screenshot } from './browser'

let harness: Harness
let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: string[]
const tmp = mkdtempSync(path.join(tmpdir(), 'crm-e2e-'))

beforeAll(async () => {
  harness = await startHarness({ port: 0, dbFile: path.join(tmp, 'e2e.sqlite'), log: silentLogger })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await harness?.close()
  rmSync(tmp, { recursive: true, force: true })
})

beforeEach(async () => {
  // A fresh context per test: no language remembered from the previous one.
  context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1360, height: 860 } })
  page = await context.newPage()
  pageErrors = collectPageErrors(page)
})

afterEach(async () => {
  await context.close()
  expect(pageErrors, 'console errors / CSP violations').toEqual([])
})

const statusBar = (): ReturnType<Page['getByTestId']> => page.getByTestId('sync-status-bar')

describe('first run (web harness, headless Chromium)', () => {
  it('opens in Korean with the first-run choice and the sync status bar', async () => {
    await page.goto(harness.url)
    await page.getByRole('heading', { name: 'CRM AUGU에 오신 것을 환영합니다' }).waitFor()

    expect(await page.locator('html').getAttribute('lang')).toBe('ko')
    expect(await page.getByRole('button', { name: /데모 데이터로 시작하기 \(오프라인\)/ }).isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: /회사 동기화 서버에 로그인/ }).isVisible()).toBe(true)

    await statusBar().getByText('로컬 전용', { exact: true }).waitFor()
    expect(await statusBar().isVisible()).toBe(true)
    expect(await statusBar().textContent()).toContain('보낼 변경 없음')
    expect(await statusBar().textContent()).toContain('아직 동기화하지 않음')
    await screenshot(page, 'first-run-ko')
  })

  it('switches to English and remembers the choice', async () => {
    await page.goto(harness.url)
    await page.getByRole('button', { name: 'English' }).click()

    await page.getByRole('heading', { name: 'Welcome to CRM AUGU' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.getByRole('button', { name: /Start with demo data \(offline\)/ }).isVisible()).toBe(true)
    await statusBar().getByText('Local only').waitFor()
    await screenshot(page, 'first-run-en')

    await page.reload()
    await page.getByRole('heading', { name: 'Welcome to CRM AUGU' }).waitFor()
    await page.getByRole('button', { name: '한국어' }).click()
    await page.getByRole('heading', { name: 'CRM AUGU에 오신 것을 환영합니다' }).waitFor()
  })

  it('signs in through the real core and shows a translated, typed error when the server is unreachable', async () => {
    await page.goto(harness.url)
    await page.getByRole('button', { name: /회사 동기화 서버에 로그인/ }).click()
    // Port 9 (discard) on this machine: nothing listens, so the core's transport reports "offline".
    await page.getByLabel('서버 주소').fill('http://127.0.0.1:9')
    await page.getByLabel('이메일').fill('kim@augu.kr')
    await page.getByLabel('비밀번호').fill('secret')
    await page.getByRole('button', { name: '로그인', exact: true }).click()

    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.getAttribute('data-error-code')).toBe('session.serverUnreachable')
    expect(await alert.textContent()).toContain('동기화 서버에 연결할 수 없습니다')
    await screenshot(page, 'login-error-ko')
  })

  it('exposes exactly one window.crm function per contract channel', async () => {
    await page.goto(harness.url)
    await page.getByRole('heading', { name: 'CRM AUGU에 오신 것을 환영합니다' }).waitFor()
    // Runs in the page; the node tsconfig has no DOM types, hence globalThis.
    const exposed = await page.evaluate(() =>
      Object.entries((globalThis as unknown as { crm: CrmApi }).crm).flatMap(([domain, group]) =>
        Object.entries(group as Record<string, unknown>).map(([action, fn]) => `${domain}.${action}:${typeof fn}`),
      ),
    )
    expect(exposed.sort()).toEqual(ipcChannels.map((c) => `${c}:function`).sort())
    const info = await page.evaluate(() => (globalThis as unknown as { crm: CrmApi }).crm.app.info())
    expect(info).toMatchObject({ ok: true, value: { name: 'CRM AUGU', runtime: 'web-harness' } })
  })

  it('starts with demo data: the app shell with every menu, kept across a reload', async () => {
    await page.goto(harness.url)
    await page.getByRole('button', { name: /데모 데이터로 시작하기/ }).click()

    const nav = page.getByRole('navigation', { name: '주 메뉴' })
    await nav.waitFor()
    for (const label of ['대시보드', '고객사', '리드', '영업기회', '프로젝트', '교육', '미팅', '상품', 'KPI', '관리']) {
      expect(await nav.getByRole('button', { name: label, exact: true }).isVisible(), label).toBe(true)
    }
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('대시보드')
    await nav.getByRole('button', { name: '고객사', exact: true }).click()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('고객사')
    expect(await statusBar().isVisible()).toBe(true)
    await screenshot(page, 'shell-demo-ko')

    // The choice lives in the SQLite file behind the handler table, not in the page.
    await page.reload()
    await nav.waitFor()
    expect(await page.getByText('데모', { exact: true }).isVisible()).toBe(true)
  })
})

describe('harness sender validation', () => {
  it('refuses calls that do not come from the harness page origin', async () => {
    const call = (headers: Record<string, string>): Promise<Response> => fetch(`${harness.url}__crm/sync.status`, { method: 'POST', headers, body: '{}' })
    const own = { 'content-type': 'application/json', origin: `http://127.0.0.1:${harness.port}` }

    expect((await call(own)).status).toBe(200)
    expect((await call({ ...own, origin: 'http://evil.example' })).status).toBe(403)
    expect((await call({ 'content-type': 'application/json' })).status).toBe(403)
    expect((await call({ ...own, 'content-type': 'text/plain' })).status).toBe(403)
    const refused = (await (await call({ ...own, origin: 'http://localhost:1' })).json()) as { error: { code: string } }
    expect(refused.error.code).toBe('ipc.forbiddenSender')
  })
})

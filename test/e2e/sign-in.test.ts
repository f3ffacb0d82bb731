/**
 * Signing in to a company server from the first-run screen, through the real local core. The sync server is a fake
 * behind the harness's `fetch` (the real one is exercised by test/integration): it accepts one account and answers
 * every sync request with 503, so the status bar must say that sync is retrying.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, silentLogger, type Harness } from '../../scripts/dev-web'
import { type Browser, collectPageErrors, launchChromium, screenshot } from './browser'

const SERVER = 'https://sync.augu.example'
const USER = { id: '0190a000-0000-7000-8000-000000000042', email: 'hong@augu.kr', tier: 'OPERATOR', firstName: '길동', lastName: '홍' }

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const fakeServer: typeof fetch = async (input, init) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
  if (url.origin !== SERVER) throw new TypeError('fetch failed')
  if (url.pathname === '/v1/auth/login') {
    const body = JSON.parse(String(init?.body)) as { email: string; password: string }
    if (body.email !== USER.email || body.password !== 'augu-1234') return json(401, { error: { code: 'unauthenticated', message: 'no' } })
    return json(200, { accessToken: 'a'.repeat(24), refreshToken: 'r'.repeat(24), user: USER, schemaVersions: { min: 1, max: 99 } })
  }
  return json(503, { error: { code: 'unavailable', message: 'maintenance' } })
}

let harness: Harness
let browser: Browser
let page: Page
let pageErrors: string[]
const tmp = mkdtempSync(path.join(tmpdir(), 'crm-e2e-signin-'))

beforeAll(async () => {
  harness = await startHarness({ port: 0, dbFile: path.join(tmp, 'e2e.sqlite'), log: silentLogger, fetch: fakeServer })
  browser = await launchChromium()
  page = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1360, height: 860 } })).newPage()
  pageErrors = collectPageErrors(page)
})

afterAll(async () => {
  await browser?.close()
  await harness?.close()
  rmSync(tmp, { recursive: true, force: true })
})

async function submitLogin(password: string): Promise<void> {
  await page.getByLabel('서버 주소').fill(SERVER)
  await page.getByLabel('이메일').fill(USER.email)
  await page.getByLabel('비밀번호').fill(password)
  await page.getByRole('button', { name: '로그인', exact: true }).click()
}

describe('sign-in to a company sync server', () => {
  it('rejects a wrong password with a Korean message and stays on the form', async () => {
    await page.goto(harness.url)
    await page.getByRole('button', { name: /회사 동기화 서버에 로그인/ }).click()
    await submitLogin('wrong')
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.getAttribute('data-error-code')).toBe('session.invalidCredentials')
    expect(await alert.textContent()).toContain('이메일 또는 비밀번호가 올바르지 않습니다')
  })

  it('opens the app shell as the signed-in user, and the status bar tells that sync is failing', async () => {
    await submitLogin('augu-1234')
    await page.getByRole('navigation', { name: '주 메뉴' }).waitFor()
    expect(await page.locator('.user-chip__name').textContent()).toBe('홍길동')
    expect(await page.getByText('데모', { exact: true }).count()).toBe(0)

    const bar = page.getByTestId('sync-status-bar')
    await bar.getByText(/다시 시도/).waitFor({ timeout: 15_000 })
    expect(await bar.getByRole('button', { name: '지금 동기화' }).isEnabled()).toBe(true)
    await screenshot(page, 'shell-signed-in-ko')

    await page.getByRole('button', { name: '로그아웃' }).click()
    // A company account chooses what happens to this PC's copy (device-copy.test.ts covers removing it).
    await page.getByRole('dialog', { name: '로그아웃' }).getByRole('button', { name: '이 PC의 데이터 보관' }).click()
    await page.getByRole('heading', { name: 'CRM AUGU에 오신 것을 환영합니다' }).waitFor()
    expect(pageErrors).toEqual([])
  })
})

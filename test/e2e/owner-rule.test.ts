/**
 * The owner rule in the app (issue 12 "Nobody takes what is not theirs"): the device reads the same rule the server
 * enforces (src/shared/domain/assignment.ts), so an owner picker offers only the people the server would accept. An
 * operator creating a company can make it theirs (or no one's), never a colleague's; an executive can name anyone.
 * Real sync server on PostgreSQL + Redis, the real renderer in headless Chromium; screenshots in Korean and English.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, silentLogger, type Harness } from '../../scripts/dev-web'
import { createUser, type TestDatabase, type TestServer, type TestUser } from '../../sync-server/test/support'
import { signInThroughUi, startRealServer, type RealServer } from './real-server'
import { type Browser, collectPageErrors, launchChromium, screenshot } from './browser'

let db: TestDatabase
let real: RealServer
let server: TestServer
let harness: Harness
let browser: Browser
let page: Page
let pageErrors: string[]
let operator: TestUser
let executive: TestUser
const tmp = mkdtempSync(path.join(tmpdir(), 'crm-e2e-owner-'))

beforeAll(async () => {
  real = await startRealServer()
  db = real.db
  server = real.server
  operator = await createUser(db.url, { tier: 'OPERATOR', name: '김민수', email: 'kim@augu.kr', password: 'operator-password-1' })
  await createUser(db.url, { tier: 'OPERATOR', name: '이영희', email: 'lee@augu.kr', password: 'colleague-password-1' })
  executive = await createUser(db.url, { tier: 'EXECUTIVE', name: '최대표', email: 'ceo@augu.kr', password: 'exec-password-1' })
  harness = await startHarness({ port: 0, dbFile: path.join(tmp, 'e2e.sqlite'), log: silentLogger })
  browser = await launchChromium()
  page = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } })).newPage()
  pageErrors = collectPageErrors(page)
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await harness?.close()
  await real?.close()
  rmSync(tmp, { recursive: true, force: true })
})

async function signIn(user: TestUser): Promise<void> {
  await signInThroughUi(page, server.url, user)
  await page.getByTestId('sync-status-bar').getByText('온라인').waitFor({ timeout: 30_000 })
}

/** The account-manager choices of the new-company form, as the user sees them. */
async function accountManagerChoices(): Promise<string[]> {
  await page
    .getByRole('navigation', { name: /주 메뉴|Main menu/ })
    .getByRole('button', { name: /고객사|Companies/ })
    .first()
    .click()
  await page
    .getByRole('button', { name: /새 고객사|New company/ })
    .first()
    .click()
  const dialog = page.getByRole('dialog')
  await dialog.waitFor()
  const picker = dialog.getByLabel(/영업 담당|Account manager/)
  // The directory arrives with the first pull: wait until it has been read into the form's choices.
  await expect.poll(async () => (await picker.locator('option').allTextContents()).length, { timeout: 30_000 }).toBeGreaterThan(1)
  return (await picker.locator('option').allTextContents()).map((text) => text.trim())
}

describe('owner pickers follow the owner rule', () => {
  it('offers an operator only themselves as a new company’s account manager; an executive anyone', async () => {
    await page.goto(harness.url)
    await signIn(operator)
    const choices = await accountManagerChoices()
    expect(choices).toContain('김민수')
    expect(choices).not.toContain('이영희')
    expect(choices).not.toContain('최대표')
    await screenshot(page, 'owner-rule-operator-ko')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'English' }).click()
    expect(await accountManagerChoices()).not.toContain('이영희')
    await screenshot(page, 'owner-rule-operator-en')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: '한국어' }).click()

    await page.getByRole('button', { name: '로그아웃' }).click()
    await page.getByRole('dialog', { name: '로그아웃' }).getByRole('button', { name: '이 PC의 데이터 삭제' }).click()
    await page.getByRole('heading', { name: 'CRM AUGU에 오신 것을 환영합니다' }).waitFor()
    await signIn(executive)
    const all = await accountManagerChoices()
    expect(all).toEqual(expect.arrayContaining(['김민수', '이영희', '최대표']))
    expect(pageErrors).toEqual([])
  })
})

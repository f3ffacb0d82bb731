/**
 * Accounts through the real renderer, handler table and local core, against a REAL sync server on PostgreSQL + Redis
 * (issue 17 "Accounts", issue 18 wipe button): an executive opens a user's 기기·세션, sees the device, reads what a
 * wipe destroys before confirming it, revokes with wipe and resets the password to a one-time password; the user
 * then signs in with it and must choose a new password before the app opens; the new password is changed again from
 * the top bar. Screenshots in Korean and English at 1280×720.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, silentLogger, type Harness } from '../../scripts/dev-web'
import { createUser, login, type TestDatabase, type TestServer, type TestUser } from '../../sync-server/test/support'
import { startRealServer, type RealServer } from './real-server'
import { type Browser, collectPageErrors, launchChromium, screenshot } from './browser'

let db: TestDatabase
let real: RealServer
let server: TestServer
let harness: Harness
let browser: Browser
let page: Page
let pageErrors: string[]
let exec: TestUser
let staff: TestUser
let staffDeviceId: string
const tmp = mkdtempSync(path.join(tmpdir(), 'crm-e2e-accounts-'))

beforeAll(async () => {
  real = await startRealServer()
  db = real.db
  server = real.server
  exec = await createUser(db.url, { tier: 'EXECUTIVE', name: '최대표', email: 'ceo@augu.kr', password: 'exec-password-1' })
  staff = await createUser(db.url, { tier: 'OPERATOR', name: '김민수', email: 'kim@augu.kr', password: 'staff-password-1' })
  // The staff member's laptop, signed in once (the device the executive will see and wipe).
  staffDeviceId = (await login(server.url, staff)).deviceId
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

async function signIn(email: string, password: string): Promise<void> {
  await page.getByRole('button', { name: /회사 동기화 서버에 로그인/ }).click()
  await page.getByLabel('서버 주소').fill(server.url)
  await page.getByLabel('이메일').fill(email)
  await page.getByLabel('비밀번호').fill(password)
  await page.getByRole('button', { name: '로그인', exact: true }).click()
}

describe('accounts administration with a real sync server', () => {
  it("an executive sees the user's device, is told what a wipe destroys, wipes it and resets the password", async () => {
    await page.goto(harness.url)
    await signIn(exec.email, exec.password)
    await page.getByRole('navigation', { name: '주 메뉴' }).waitFor()
    await page.getByRole('button', { name: '관리' }).click()
    const staffDevices = page.getByRole('button', { name: '김민수 기기·세션' })
    await staffDevices.waitFor({ timeout: 30_000 })
    await staffDevices.click()
    const dialog = page.getByRole('dialog', { name: '김민수 님의 기기와 로그인' })
    await dialog.waitFor()
    const item = dialog.locator(`[data-device-id="${staffDeviceId}"]`)
    await item.waitFor()
    expect(await item.textContent()).toContain(staffDeviceId.slice(-8))
    await screenshot(page, 'accounts-devices-ko')

    await item.getByRole('button', { name: '해지 후 데이터 삭제' }).click()
    const confirm = page.getByRole('dialog', { name: '이 기기를 해지하고 데이터를 지울까요?' })
    await confirm.waitFor()
    // The confirmation states what a wipe destroys before anything happens.
    expect(await confirm.getByTestId('confirm-body').textContent()).toContain('아직 서버로 보내지 않은 변경도 함께 사라지며')
    await screenshot(page, 'accounts-wipe-confirm-ko')
    await confirm.getByRole('button', { name: '해지하고 삭제' }).click()
    await dialog.getByText(/원격 삭제 요청됨/).waitFor()
    const wiped = await server.services.pool.query(`SELECT wipe_requested_at IS NOT NULL AS wiped FROM sync_devices WHERE device_id = $1`, [staffDeviceId])
    expect(wiped.rows[0].wiped).toBe(true)

    await dialog.getByRole('button', { name: '비밀번호 초기화' }).click()
    await page.getByRole('dialog', { name: '김민수 님의 비밀번호를 초기화할까요?' }).getByRole('button', { name: '초기화' }).click()
    const issued = page.getByTestId('one-time-password')
    await issued.waitFor()
    const oneTime = (await issued.textContent())!.trim()
    expect(oneTime).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/)
    await page.locator('.form-actions').getByRole('button', { name: '닫기' }).click()

    // English: the same dialog, no Korean left in its text.
    await page
      .getByRole('button', { name: 'English' })
      .click()
      .catch(() => undefined)
    await page.getByRole('button', { name: /김민수 Devices/ }).click()
    const english = page.getByRole('dialog', { name: "김민수's devices and sign-ins" })
    await english.waitFor()
    await english.getByText(/Wipe requested/).waitFor()
    await screenshot(page, 'accounts-devices-en')
    expect((await english.locator('.device-list').textContent()) ?? '').not.toMatch(/[가-힣]/)
    await english.locator('.form-actions').getByRole('button', { name: 'Close', exact: true }).click()
    await page
      .getByRole('button', { name: '한국어' })
      .click()
      .catch(() => undefined)

    await page.getByRole('button', { name: '로그아웃' }).click()
    await page.getByRole('dialog', { name: '로그아웃' }).getByRole('button', { name: '이 PC의 데이터 보관' }).click()
    await page.getByRole('heading', { name: 'CRM AUGU에 오신 것을 환영합니다' }).waitFor()

    // The user signs in with the one-time password: the app asks for a new password before anything else.
    await signIn(staff.email, oneTime)
    await page.getByRole('heading', { name: '새 비밀번호를 정해 주세요' }).waitFor()
    expect(await page.getByRole('navigation', { name: '주 메뉴' }).count()).toBe(0)
    await page.getByLabel('일회용 비밀번호').fill(oneTime)
    await page.getByLabel('새 비밀번호', { exact: true }).fill('short')
    await page.getByLabel('새 비밀번호 확인').fill('short')
    await page.getByRole('button', { name: '비밀번호 변경' }).click()
    expect(await page.getByRole('alert').textContent()).toContain('10자 이상')
    await screenshot(page, 'accounts-forced-change-ko')
    await page.getByLabel('새 비밀번호', { exact: true }).fill('my-own-password-2026')
    await page.getByLabel('새 비밀번호 확인').fill('my-own-password-2026')
    await page.getByRole('button', { name: '비밀번호 변경' }).click()
    await page.getByRole('navigation', { name: '주 메뉴' }).waitFor({ timeout: 30_000 })

    // Self-service change from the top bar: a wrong current password is refused in Korean.
    await page.getByRole('button', { name: '비밀번호 변경' }).click()
    const own = page.getByRole('dialog', { name: '비밀번호 변경' })
    await own.getByLabel('현재 비밀번호').fill('not-my-password')
    await own.getByLabel('새 비밀번호', { exact: true }).fill('another-password-2026')
    await own.getByLabel('새 비밀번호 확인').fill('another-password-2026')
    await own.getByRole('button', { name: '비밀번호 변경' }).click()
    await own.getByText('현재 비밀번호가 올바르지 않습니다.').waitFor()
    await own.getByLabel('현재 비밀번호').fill('my-own-password-2026')
    await own.getByRole('button', { name: '비밀번호 변경' }).click()
    await page.getByText('비밀번호를 변경했습니다.').waitFor()
    await expect(login(server.url, { ...staff, password: 'another-password-2026' })).resolves.toBeTruthy()
    expect(pageErrors).toEqual([])
  }, 180_000)
})

/**
 * Wipe on revoke, end to end: the app (web harness, encrypted replica) signs in to a REAL sync server (in-process
 * Fastify on its own PostgreSQL database), the administrator revokes the laptop with wipe the way the contract says
 * (sync_devices.revoked_at and wipe_requested_at set, its sessions revoked), and the next sync erases the replica,
 * its key and the tokens and brings the user back to the first-run screen, which says why.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { harnessTokenFile, openHarnessDatabase, startHarness, silentLogger, type Harness } from '../../scripts/dev-web'
import { revokeDevice } from '../../sync-server/src/ops/revoke-device'
import { keyFileBeside } from '../../src/main/db/replica-key'
import { startHarness as startSyncHarness, type Harness as SyncHarness } from '../support/sync-harness'
import { type TestUser } from '../../sync-server/test/support'
import { type Browser, collectPageErrors, launchChromium, screenshot } from './browser'

let sync: SyncHarness
let user: TestUser
let web: Harness
let browser: Browser
let page: Page
let pageErrors: string[]
const tmp = mkdtempSync(path.join(tmpdir(), 'crm-e2e-wipe-'))
const dbFile = path.join(tmp, 'laptop.sqlite')

beforeAll(async () => {
  sync = await startSyncHarness()
  user = await sync.user('OPERATOR', '홍길동')
  web = await startHarness({ port: 0, dbFile, log: silentLogger })
  browser = await launchChromium()
  page = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } })).newPage()
  pageErrors = collectPageErrors(page)
})

afterAll(async () => {
  await browser?.close()
  await web?.close()
  await sync?.close()
  rmSync(tmp, { recursive: true, force: true })
})

function deviceIdOf(file: string): string {
  const db = openHarnessDatabase(file, { readonly: true })
  try {
    return (db.prepare(`SELECT value FROM sync_state WHERE key = 'device_id'`).get() as { value: string }).value
  } finally {
    db.close()
  }
}

describe('wipe on revoke', () => {
  it("erases this PC's copy on the next contact after an administrator revoked it with wipe", async () => {
    await page.goto(web.url)
    await page.getByRole('button', { name: /회사 동기화 서버에 로그인/ }).click()
    await page.getByLabel('서버 주소').fill(sync.server().url)
    await page.getByLabel('이메일').fill(user.email)
    await page.getByLabel('비밀번호').fill(user.password)
    await page.getByRole('button', { name: '로그인', exact: true }).click()
    await page.getByRole('navigation', { name: '주 메뉴' }).waitFor()
    const bar = page.getByTestId('sync-status-bar')
    await bar.getByText('온라인').waitFor({ timeout: 30_000 })

    const deviceId = deviceIdOf(dbFile)
    const oldKey = readFileSync(keyFileBeside(dbFile), 'utf8')
    expect(existsSync(harnessTokenFile(dbFile))).toBe(true)
    const userRows = (): number => {
      const db = openHarnessDatabase(dbFile, { readonly: true })
      try {
        return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n
      } finally {
        db.close()
      }
    }
    expect(userRows()).toBeGreaterThan(0)

    // The administrator's revoke with wipe (docs/operations.md): the device and its sessions revoked, wipe requested.
    await revokeDevice(sync.pool, deviceId)
    await sync.pool.query('UPDATE sync_devices SET wipe_requested_at = now() WHERE device_id = $1', [deviceId])

    await bar.getByRole('button', { name: '지금 동기화' }).click()
    const notice = page.getByTestId('device-wiped-notice')
    await notice.waitFor({ timeout: 30_000 })
    expect(await notice.textContent()).toContain('이 PC의 데이터가 삭제되었습니다')
    await page.getByRole('heading', { name: 'CRM AUGU에 오신 것을 환영합니다' }).waitFor()
    await screenshot(page, 'device-wiped-ko')

    // Nothing of the old copy is left: no tokens, a new key, and the new replica holds no row of the account.
    expect(existsSync(harnessTokenFile(dbFile))).toBe(false)
    expect(readFileSync(keyFileBeside(dbFile), 'utf8')).not.toBe(oldKey)
    expect(userRows()).toBe(0)

    await page.getByRole('button', { name: 'English' }).click()
    await page.getByText("This PC's copy was erased").waitFor()
    await screenshot(page, 'device-wiped-en')
    expect(pageErrors.filter((e) => !/status of 410/.test(e))).toEqual([])
  })

  it('answers a sign-in with the wiped device id 410 device_wiped, before looking at the password', async () => {
    const [row] = (await sync.pool.query<{ device_id: string }>('SELECT device_id::text FROM sync_devices WHERE wipe_requested_at IS NOT NULL')).rows
    const response = await fetch(`${sync.server().url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: 'not-the-password', deviceId: row!.device_id }),
    })
    expect(response.status).toBe(410)
    expect(await response.json()).toMatchObject({ error: { code: 'device_wiped' } })
  })
})

/**
 * This PC's copy, through the harness (encrypted replica, offline laptop): a link that leaves the app shows where it
 * goes first; the idle lock covers the window until the password (and a reload does not lift it); signing out offers
 * keeping or removing the copy, and removing it with unsent edits needs their count typed.
 */
import { existsSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { harnessTokenFile } from '../../scripts/dev-web'
import { keyFileBeside } from '../../src/main/db/replica-key'
import { screenshot } from './browser'
import { openOfflineDevice, pendingChanges, type OfflineDevice } from './offline-device'

const NAME = '(주)한빛정밀 링크 확인'
let device: OfflineDevice

beforeAll(async () => {
  device = await openOfflineDevice()
  // An unsent edit of the signed-in consultant: a new company with a web site, made through the app's own channel.
  const created = await device.page.evaluate(async (name) => {
    const crm = (globalThis as unknown as { crm: { customers: { create(input: unknown): Promise<{ ok: boolean }> } } }).crm
    return crm.customers.create({ company: { name, website: 'www.hanbit-precision.co.kr' }, allowDuplicates: true })
  }, NAME)
  expect(created.ok).toBe(true)
})

afterAll(async () => {
  await device?.close()
})

describe("this PC's copy", () => {
  it('shows where a web site link goes before anything opens', async () => {
    const { page } = device
    await page.getByRole('search').getByRole('combobox').fill('한빛정밀')
    await page.getByRole('option', { name: /한빛정밀 링크 확인/ }).click()
    await page.getByRole('heading', { name: NAME }).waitFor()
    await page.getByRole('link', { name: 'www.hanbit-precision.co.kr' }).click()
    const confirm = page.getByRole('dialog', { name: '앱 밖으로 이동' })
    await confirm.waitFor()
    expect(await confirm.locator('code').textContent()).toBe('https://www.hanbit-precision.co.kr/')
    await screenshot(page, 'external-link-confirm-ko')
    // The page never navigated away on the click.
    expect(page.url()).toBe(device.harness.url)
    await confirm.getByRole('button', { name: '취소' }).click()
    await confirm.waitFor({ state: 'detached' })
  })

  it('locks the window when idle until the sign-in password, and a reload does not unlock it', async () => {
    const { page } = device
    await page.getByRole('button', { name: '자리 비움 잠금' }).click()
    const settings = page.getByRole('dialog', { name: '자리 비움 잠금' })
    await settings.getByLabel('일정 시간 사용하지 않으면 화면 잠그기').check()
    await settings.getByLabel('잠글 때까지 (분)').fill('5')
    await settings.getByRole('button', { name: '저장' }).click()
    await settings.getByText('저장했습니다.').waitFor()
    await settings.getByRole('button', { name: '닫기' }).click()

    // The renderer's idle timer asks main to lock after 5 minutes; the test asks main directly, then reloads.
    await page.evaluate(async () => {
      const crm = (globalThis as unknown as { crm: { lock: { lock(): Promise<unknown> } } }).crm
      await crm.lock.lock()
    })
    await page.reload()
    const lock = page.getByTestId('lock-screen')
    await lock.waitFor()
    await screenshot(page, 'idle-lock-ko')
    await lock.getByLabel('비밀번호').fill('wrong-password')
    await lock.getByRole('button', { name: '잠금 해제' }).click()
    await lock.getByText('비밀번호가 올바르지 않습니다.').waitFor()
    await lock.getByLabel('비밀번호').fill('augu-1234')
    await lock.getByRole('button', { name: '잠금 해제' }).click()
    await lock.waitFor({ state: 'detached' })
  })

  it('removes the copy at sign-out only after the number of lost edits is typed', async () => {
    const { page, dbFile } = device
    const pending = await pendingChanges(page)
    expect(pending).toBeGreaterThan(0)
    const oldKey = readFileSync(keyFileBeside(dbFile), 'utf8')

    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('button', { name: 'Sign out' }).click()
    const english = page.getByRole('dialog', { name: 'Sign out' })
    await english.getByText(`${pending} change(s) have not reached the server yet`).waitFor()
    await screenshot(page, 'sign-out-choices-en')
    await english.getByRole('button', { name: 'Cancel' }).click()
    await english.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: '한국어' }).click()

    await page.getByRole('button', { name: '로그아웃' }).click()
    const dialog = page.getByRole('dialog', { name: '로그아웃' })
    await dialog.getByText(`아직 서버로 보내지 않은 변경이 ${pending}건 있습니다`).waitFor()
    const remove = dialog.getByRole('button', { name: '이 PC의 데이터 삭제' })
    expect(await remove.isDisabled()).toBe(true)
    await dialog.getByLabel('사라질 변경 건수').fill(String(pending + 1))
    expect(await remove.isDisabled()).toBe(true)
    await dialog.getByLabel('사라질 변경 건수').fill(String(pending))
    expect(await remove.isEnabled()).toBe(true)
    await screenshot(page, 'sign-out-choices-ko')

    await remove.click()
    await page.getByRole('heading', { name: 'CRM AUGU에 오신 것을 환영합니다' }).waitFor()
    expect(existsSync(harnessTokenFile(dbFile))).toBe(false)
    expect(readFileSync(keyFileBeside(dbFile), 'utf8')).not.toBe(oldKey)
    expect(device.pageErrors).toEqual([])
  })
})

/**
 * A brand-new company and the demo's way out (issue 17): empty lists say how to start; in local-only (demo) mode the
 * sync panel and "지금 동기화" say why nothing syncs; leaving the demo asks first with the count of demo edits, and the
 * count of changes to send is right afterwards (it stayed at the demo's number before).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, silentLogger, type Harness } from '../../scripts/dev-web'
import { launchChromium, screenshot } from './browser'
import { openOfflineDevice, pendingChanges, type OfflineDevice } from './offline-device'

describe('a brand-new company: every list says how to start', () => {
  let device: OfflineDevice
  let page: Page
  beforeAll(async () => {
    device = await openOfflineDevice()
    page = device.page
    await page.setViewportSize({ width: 1280, height: 720 })
  })
  afterAll(async () => {
    await device?.close()
  })

  it('leads, opportunities, projects, meetings and products', async () => {
    const nav = page.getByRole('navigation', { name: '주 메뉴' })
    const cases: Array<[string, string, RegExp]> = [
      ['리드', 'leads-empty', /"새 리드"로 등록/],
      ['영업기회', 'opportunities-empty', /"새 영업기회"로 만들거나/],
      ['프로젝트', 'projects-empty', /"새 프로젝트"로 만들거나/],
      ['미팅', 'meetings-empty', /"새 미팅"으로/],
      ['상품', 'products-empty', /"상품 등록"으로/],
    ]
    for (const [menu, testId, text] of cases) {
      await nav.getByRole('button', { name: menu, exact: true }).click()
      expect(await page.getByTestId(testId).textContent()).toMatch(text)
    }
    await nav.getByRole('button', { name: '리드', exact: true }).click()
    await screenshot(page, 'empty-leads-ko')
    await page.getByRole('button', { name: 'English' }).click()
    expect(await page.getByTestId('leads-empty').textContent()).toMatch(/No leads yet/)
    await screenshot(page, 'empty-leads-en')
    await page.getByRole('button', { name: '한국어' }).click()
  })
})

describe('the demo: local-only sync says why, leaving asks first', () => {
  let demo: Harness
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-e2e-demo-exit-'))
  beforeAll(async () => {
    demo = await startHarness({ port: 0, dbFile: path.join(dir, 'demo.sqlite'), log: silentLogger })
  })
  afterAll(async () => {
    await demo?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('explains local-only, confirms leaving with the count and leaves nothing to send', async () => {
    const browser = await launchChromium()
    try {
      const page = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } })).newPage()
      await page.goto(demo.url)
      await page.getByRole('button', { name: /데모 데이터로 시작하기/ }).click()
      await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '리드', exact: true }).click()
      for (const name of ['데모상사 하나', '데모상사 둘']) {
        await page.getByRole('button', { name: '새 리드' }).click()
        const dialog = page.getByRole('dialog', { name: '새 리드 등록' })
        await dialog.getByLabel('회사명').fill(name)
        await dialog.getByRole('button', { name: '저장', exact: true }).click()
        await dialog.waitFor({ state: 'detached' })
      }

      // Local-only: the disabled button says why, and the review panel does not claim everything was processed.
      const bar = page.getByTestId('sync-status-bar')
      expect(await bar.getByRole('button', { name: '지금 동기화' }).isDisabled()).toBe(true)
      expect(await page.getByTestId('sync-local-only-reason').textContent()).toContain('동기화할 서버 없음')
      await bar.getByRole('button', { name: /충돌·거부 검토/ }).click()
      const panelText = page.getByTestId('sync-panel-empty')
      expect(await panelText.textContent()).toContain('로컬 전용으로 쓰고 있어 서버로 보낸 변경이 없습니다')
      await screenshot(page, 'sync-local-only-ko')
      await page.keyboard.press('Escape')
      await page.getByRole('button', { name: 'English' }).click()
      expect(await page.getByTestId('sync-local-only-reason').textContent()).toContain('no server to sync with')
      await bar.getByRole('button', { name: /Review conflicts/ }).click()
      expect(await panelText.textContent()).toContain('no change was sent to a server')
      await screenshot(page, 'sync-local-only-en')
      await page.keyboard.press('Escape')
      await page.getByRole('button', { name: '한국어' }).click()

      // Leaving: first a "no" keeps everything; then a "yes" after reading the count.
      const questions: string[] = []
      page.once('dialog', (d) => {
        questions.push(d.message())
        void d.dismiss()
      })
      await page.getByRole('button', { name: '로그아웃' }).click()
      await expect.poll(() => questions.length).toBe(1)
      expect(questions[0]).toMatch(/데모에서 바꾼 내용 2건이 이 PC에서 삭제됩니다/)
      await page.getByRole('navigation', { name: '주 메뉴' }).waitFor()

      page.once('dialog', (d) => {
        questions.push(d.message())
        void d.accept()
      })
      await page.getByRole('button', { name: '로그아웃' }).click()
      await page.getByRole('button', { name: /데모 데이터로 시작하기/ }).waitFor()
      expect(await pendingChanges(page)).toBe(0)
      await screenshot(page, 'demo-left-ko')
    } finally {
      await browser.close()
    }
  })
})

/**
 * Leads through the web harness: the real handler table, the real local core and a real SQLite file; the company
 * server is scripted (sales-support.ts) and goes offline after the first sync, so every change here is made offline
 * and stays pending.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, silentLogger, type Harness, openHarnessDatabase } from '../../scripts/dev-web'
import { type Browser, collectPageErrors, launchChromium, screenshot } from './browser'
import { POLL, createScriptedServer, pendingText, signIn, type ScriptedServer } from './sales-support'

let harness: Harness
let browser: Browser
let page: Page
let pageErrors: string[]
let server: ScriptedServer
const tmp = mkdtempSync(path.join(tmpdir(), 'crm-e2e-leads-'))

beforeAll(async () => {
  server = createScriptedServer()
  harness = await startHarness({ port: 0, dbFile: path.join(tmp, 'e2e.sqlite'), log: silentLogger, fetch: server.fetch })
  browser = await launchChromium()
  page = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1440, height: 900 } })).newPage()
  pageErrors = collectPageErrors(page)
})

afterAll(async () => {
  await browser?.close()
  await harness?.close()
  rmSync(tmp, { recursive: true, force: true })
})

/** Reads the harness's replica through a second connection (WAL allows it), as an independent check of what the UI says. */
function replica<T>(sql: string, ...params: unknown[]): T[] {
  const db = openHarnessDatabase(harness.dbFile, { readonly: true })
  try {
    return db.prepare(sql).all(...params) as T[]
  } finally {
    db.close()
  }
}

describe('leads (offline, web harness)', () => {
  it('creates a lead with a BANT checklist whose score follows the ticks', async () => {
    await page.goto(harness.url)
    await signIn(page)
    // The first sync brings the user directory (needed to assign); after it the server is unreachable.
    await page
      .getByTestId('sync-status-bar')
      .getByText(/마지막 동기화/)
      .waitFor({ timeout: 15_000 })
    server.offline = true

    await page.getByRole('button', { name: '리드', exact: true }).click()
    await page.getByRole('button', { name: '새 리드' }).click()
    const dialog = page.getByRole('dialog', { name: '새 리드 등록' })
    await dialog.getByLabel('회사명').fill('한빛제약')
    await dialog.getByLabel('담당자 이름').fill('박지훈')
    await dialog.getByLabel('전화번호').fill('010-2222-3333')
    await dialog.getByLabel('유입 경로').selectOption({ label: '소개' })
    const score = dialog.getByTestId('bant-score')
    expect(await score.textContent()).toContain('BANT 점수 0점')
    await dialog.getByLabel('예산 확보 (Budget)').check()
    await dialog.getByLabel('니즈 확인 (Need)').check()
    expect(await score.textContent()).toContain('BANT 점수 50점')
    await dialog.getByLabel('결정권자 확인 (Authority)').check()
    expect(await score.getAttribute('data-score')).toBe('75')
    await screenshot(page, 'leads-new-bant-ko')
    await dialog.getByRole('button', { name: '저장', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })

    const row = page.getByRole('row', { name: /한빛제약/ })
    await row.waitFor()
    expect(await row.textContent()).toContain('75')
    expect(await page.getByTestId('pipeline-count-NEW').textContent()).toBe('1')
    await expect.poll(() => pendingText(page), POLL).toBe('보낼 변경 1건')
    // The score is computed, never stored: the seed's column keeps its default.
    expect(replica<{ score: number; bant_authority: number }>('SELECT score, bant_authority FROM leads')).toEqual([{ score: 0, bant_authority: 1 }])
  })

  it('edits the lead: status and BANT change, only the changed fields become one pending change', async () => {
    await page.getByRole('button', { name: '한빛제약' }).click()
    const dialog = page.getByRole('dialog', { name: /리드 상세/ })
    expect(await dialog.getByLabel('전화번호').inputValue()).toBe('010-2222-3333')
    await dialog.getByLabel('상태').selectOption({ label: '접촉' })
    await dialog.getByLabel('도입 시기 확정 (Timeline)').check()
    expect(await dialog.getByTestId('bant-score').textContent()).toContain('BANT 점수 100점')
    await dialog.getByRole('button', { name: '저장', exact: true }).click()
    await dialog.getByText('저장했습니다').waitFor()
    await dialog.getByRole('button', { name: '닫기' }).first().click()
    expect(await page.getByTestId('pipeline-count-CONTACTED').textContent()).toBe('1')
    expect(await page.getByRole('row', { name: /한빛제약/ }).textContent()).toContain('100')
    await expect.poll(() => pendingText(page), POLL).toBe('보낼 변경 2건')
    const [last] = replica<{ fields: string }>('SELECT fields FROM outbox ORDER BY seq DESC LIMIT 1')
    expect(Object.keys(JSON.parse(last?.fields ?? '{}') as object).sort()).toEqual(['bant_timeline', 'status'])
  })

  it('requests an assignment offline; the manager approves it', async () => {
    await page.getByRole('button', { name: '한빛제약' }).click()
    const dialog = page.getByRole('dialog', { name: /리드 상세/ })
    await dialog.getByLabel('배정할 담당자').selectOption({ label: '박서준' })
    await dialog.getByLabel('요청 사유').fill('제약 업종 담당')
    await dialog.getByRole('button', { name: '배정 요청 보내기' }).click()
    await dialog.getByText('배정을 요청했습니다').waitFor()
    const request = dialog.getByRole('list', { name: '배정 요청 내역' }).getByRole('listitem').first()
    expect(await request.getAttribute('data-status')).toBe('PENDING')
    expect(await request.textContent()).toContain('박서준')
    expect(await request.textContent()).toContain('김민준 요청')
    await expect.poll(() => pendingText(page), POLL).toBe('보낼 변경 3건')
    await screenshot(page, 'leads-assignment-requested-ko')

    await request.getByRole('button', { name: '승인' }).click()
    await expect.poll(() => request.getAttribute('data-status'), POLL).toBe('APPROVED')
    expect(replica<{ assigned_to: string }>('SELECT assigned_to FROM leads')[0]?.assigned_to).toBe('0190a000-0000-7000-8000-0000000000b2')
    await dialog.getByRole('button', { name: '닫기' }).first().click()
    expect(await page.getByRole('row', { name: /한빛제약/ }).textContent()).toContain('박서준')
  })

  it('converts the lead into company, head office, contact and opportunity in one go', async () => {
    const before = await pendingText(page)
    await page.getByRole('button', { name: '한빛제약' }).click()
    const detail = page.getByRole('dialog', { name: /리드 상세/ })
    await detail.getByRole('button', { name: '고객사로 전환' }).click()
    const convert = page.getByRole('dialog', { name: '리드 전환' })
    expect(await convert.getByLabel('고객사명').inputValue()).toBe('한빛제약')
    expect(await convert.getByLabel('담당자 성').inputValue()).toBe('박')
    expect(await convert.getByLabel('담당자 이름').inputValue()).toBe('지훈')
    await convert.getByLabel('고객사명').fill('(주)한빛제약')
    await convert.getByLabel('영업기회명').fill('팀장 리더십 과정')
    await convert.getByLabel('예상 금액 (원)').fill('2400만')
    await screenshot(page, 'leads-convert-dialog-ko')
    await convert.getByRole('button', { name: '전환하기' }).click()
    await convert.waitFor({ state: 'detached' })
    await detail.getByTestId('lead-converted').waitFor()
    expect(before).toBe('보낼 변경 5건')
    // company, branch, contact, opportunity, its first stage-history row and the lead: six more changes.
    await expect.poll(() => pendingText(page), POLL).toBe('보낼 변경 11건')

    const [company] = replica<{ id: string; name: string }>('SELECT id, name FROM companies')
    expect(company?.name).toBe('(주)한빛제약')
    const [branch] = replica<{ id: string; name: string }>('SELECT id, name FROM branches WHERE company_id = ?', company?.id)
    expect(branch?.name).toBe('본사')
    expect(replica('SELECT last_name, first_name, mobile FROM contacts WHERE branch_id = ?', branch?.id)).toEqual([
      { last_name: '박', first_name: '지훈', mobile: '01022223333' },
    ])
    const [opp] = replica<{ id: string; amount: number; stage: string }>('SELECT id, amount, stage FROM opportunities WHERE company_id = ?', company?.id)
    expect(opp).toMatchObject({ amount: 24_000_000, stage: 'QUALIFYING' })
    expect(replica('SELECT status, converted_to_company_id, converted_to_opportunity_id FROM leads')).toEqual([
      { status: 'CONVERTED', converted_to_company_id: company?.id, converted_to_opportunity_id: opp?.id },
    ])
    await screenshot(page, 'leads-converted-ko')
    await detail.getByRole('button', { name: '닫기' }).first().click()
    expect(await page.getByTestId('pipeline-count-CONVERTED').textContent()).toBe('1')
    await screenshot(page, 'leads-list-ko')
    expect(pageErrors).toEqual([])
  })
})

describe('leads in demo mode (no company server)', () => {
  let demo: Harness
  const demoDir = mkdtempSync(path.join(tmpdir(), 'crm-e2e-leads-demo-'))

  beforeAll(async () => {
    demo = await startHarness({ port: 0, dbFile: path.join(demoDir, 'demo.sqlite'), log: silentLogger })
  })
  afterAll(async () => {
    await demo?.close()
    rmSync(demoDir, { recursive: true, force: true })
  })

  it('lets the demo user try writing: the lead is saved on this PC and nothing waits to be sent', async () => {
    const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1440, height: 900 } })
    const demoPage = await context.newPage()
    const errors = collectPageErrors(demoPage)
    await demoPage.goto(demo.url)
    await demoPage.getByRole('button', { name: /데모 데이터로 시작하기/ }).click()
    await demoPage.getByRole('button', { name: '리드', exact: true }).click()
    await demoPage.getByRole('button', { name: '새 리드' }).click()
    const dialog = demoPage.getByRole('dialog', { name: '새 리드 등록' })
    await dialog.getByLabel('회사명').fill('데모상사')
    await dialog.getByRole('button', { name: '저장', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    // The demo has hundreds of leads, shown 100 at a time: the search box finds it, also by 초성.
    const search = demoPage.getByRole('searchbox', { name: '리드 검색' })
    await search.fill('ㄷㅁㅅㅅ')
    await demoPage.getByRole('row', { name: /데모상사/ }).waitFor()
    expect(await demoPage.locator('tr[data-lead-id]').count()).toBeGreaterThanOrEqual(1)
    await search.fill('')
    expect(await demoPage.locator('tr[data-lead-id]').count()).toBeLessThanOrEqual(100)
    // Demo edits never leave the PC, so the status bar has nothing "to send".
    expect(await pendingText(demoPage)).not.toMatch(/보낼 변경 [1-9]/)
    await screenshot(demoPage, 'leads-demo-write-ko')
    await context.close()
    expect(errors).toEqual([])
  })
})

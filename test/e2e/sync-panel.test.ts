/**
 * The sync review panel, with rejections and conflicts produced the way production produces them: the real local
 * core pushes to a scripted server that rejects two leads, and the next pull brings the server's values and two
 * conflict records (a colleague's concurrent edits of the same lead). The user then applies their value again, keeps
 * the colleague's, re-applies one rejected change and dismisses the other; the next push carries exactly that.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, silentLogger, type Harness, openHarnessDatabase } from '../../scripts/dev-web'
import { type Browser, collectPageErrors, launchChromium, screenshot } from './browser'
import { POLL, COLLEAGUE, MANAGER, createScriptedServer, pendingText, signIn, type ScriptedServer } from './sales-support'

const REJECTION = '권한 없음: 다른 팀에 배정된 리드입니다'
const CONFLICT_NAME = '0190a000-0000-7000-8000-0000000000f1'
const CONFLICT_PHONE = '0190a000-0000-7000-8000-0000000000f2'

let harness: Harness
let browser: Browser
let page: Page
let pageErrors: string[]
let server: ScriptedServer
const tmp = mkdtempSync(path.join(tmpdir(), 'crm-e2e-sync-panel-'))

beforeAll(async () => {
  server = createScriptedServer()
  server.rejectWhen = (m) => (m.table === 'leads' && String(m.fields.company_name ?? '').startsWith('거부') ? REJECTION : null)
  harness = await startHarness({ port: 0, dbFile: path.join(tmp, 'e2e.sqlite'), log: silentLogger, fetch: server.fetch })
  browser = await launchChromium()
  page = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1440, height: 1000 } })).newPage()
  pageErrors = collectPageErrors(page)
})

afterAll(async () => {
  await browser?.close()
  await harness?.close()
  rmSync(tmp, { recursive: true, force: true })
})

function replica<T>(sql: string, ...params: unknown[]): T[] {
  const db = openHarnessDatabase(harness.dbFile, { readonly: true })
  try {
    return db.prepare(sql).all(...params) as T[]
  } finally {
    db.close()
  }
}

const bar = (): Locator => page.getByTestId('sync-status-bar')
const panel = (): Locator => page.getByRole('dialog', { name: '동기화 검토' })

async function createLead(companyName: string, contactName: string): Promise<void> {
  await page.getByRole('button', { name: '새 리드' }).click()
  const dialog = page.getByRole('dialog', { name: '새 리드 등록' })
  await dialog.getByLabel('회사명').fill(companyName)
  await dialog.getByLabel('담당자 이름').fill(contactName)
  await dialog.getByLabel('전화번호').fill('010-1111-2222')
  await dialog.getByRole('button', { name: '저장', exact: true }).click()
  await dialog.waitFor({ state: 'detached' })
}

const hlcAfter = (ms: number, node: string): string => `${new Date(Date.now() + ms).toISOString()}-0000-${node}`

describe('sync review panel', () => {
  it('shows what the server rejected and which edits collided, in Korean, with who and when', async () => {
    await page.goto(harness.url)
    await signIn(page)
    await bar()
      .getByText(/마지막 동기화/)
      .waitFor({ timeout: 15_000 })
    server.offline = true
    await page.getByRole('button', { name: '리드', exact: true }).click()
    await createLead('한빛제약', '박지훈')
    await createLead('거부상사', '이영희')
    await createLead('거부물산', '정우성')
    await expect.poll(() => pendingText(page), POLL).toBe('보낼 변경 3건')

    // Meanwhile a colleague edited the same lead on the server; their edits won two fields.
    const [lead] = replica<{ id: string }>("SELECT id FROM leads WHERE company_name = '한빛제약'")
    const [mine] = replica<{ hlc: string }>('SELECT hlc FROM outbox WHERE row_id = ?', lead?.id)
    const theirs = hlcAfter(1_000, '00000000000000b2')
    const conflict = (id: string, field: string, winning: unknown, losing: unknown) => ({
      table: 'sync_conflicts',
      id,
      row: {
        id,
        table_name: 'leads',
        row_id: lead?.id,
        field,
        winning_value: winning,
        winning_hlc: theirs,
        winning_user_id: COLLEAGUE.id,
        losing_value: losing,
        losing_hlc: mine?.hlc,
        losing_user_id: MANAGER.id,
        kind: 'FIELD',
        status: 'OPEN',
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      },
    })
    server.queue.push(
      { table: 'leads', id: lead!.id, row: { id: lead?.id, contact_name: '최지우', phone: '0212345678' } },
      conflict(CONFLICT_NAME, 'contact_name', '최지우', '박지훈'),
      conflict(CONFLICT_PHONE, 'phone', '0212345678', '01011112222'),
    )
    server.offline = false
    await bar().getByRole('button', { name: '지금 동기화' }).click()
    await bar().getByText('거부된 변경 2건').waitFor({ timeout: 15_000 })
    await bar().getByText('충돌 2건').waitFor()
    server.offline = true
    expect(await pendingText(page)).toBe('보낼 변경 없음')

    await bar()
      .getByRole('button', { name: /충돌·거부 검토 \(4\)/ })
      .click()
    await panel().getByText('서버가 거부한 변경 2건').waitFor()
    const rejected = panel().getByTestId('rejected-item')
    expect(await rejected.count()).toBe(2)
    expect(await rejected.first().textContent()).toContain(`거부 사유: ${REJECTION}`)
    expect(await rejected.filter({ hasText: '거부상사' }).textContent()).toContain('리드 · 거부상사')

    const nameConflict = panel().locator(`[data-conflict-id="${CONFLICT_NAME}"]`)
    expect(await nameConflict.textContent()).toContain('리드 · 한빛제약 · 담당자')
    expect(await nameConflict.getByTestId('conflict-mine').textContent()).toMatch(/내 값박지훈김민준, /)
    expect(await nameConflict.getByTestId('conflict-theirs').textContent()).toMatch(/서버 값최지우박서준, /)
    const phoneConflict = panel().locator(`[data-conflict-id="${CONFLICT_PHONE}"]`)
    expect(await phoneConflict.textContent()).toContain('전화번호')
    await screenshot(page, 'sync-panel-ko')
  })

  it('applies my value again and keeps theirs, each as an ordinary pending change', async () => {
    await panel().locator(`[data-conflict-id="${CONFLICT_NAME}"]`).getByRole('button', { name: '내 값 다시 적용' }).click()
    await panel().locator(`[data-conflict-id="${CONFLICT_NAME}"]`).waitFor({ state: 'detached' })
    expect(replica("SELECT contact_name FROM leads WHERE company_name = '한빛제약'")).toEqual([{ contact_name: '박지훈' }])
    // The re-applied value and the conflict's resolution.
    await expect.poll(() => pendingText(page), POLL).toBe('보낼 변경 2건')

    await panel().locator(`[data-conflict-id="${CONFLICT_PHONE}"]`).getByRole('button', { name: '서버 값 유지' }).click()
    await panel().locator(`[data-conflict-id="${CONFLICT_PHONE}"]`).waitFor({ state: 'detached' })
    expect(replica("SELECT phone FROM leads WHERE company_name = '한빛제약'")).toEqual([{ phone: '0212345678' }])
    await expect.poll(() => pendingText(page), POLL).toBe('보낼 변경 3건')
    expect(replica('SELECT id, status FROM sync_conflicts ORDER BY id')).toEqual([
      { id: CONFLICT_NAME, status: 'RESOLVED' },
      { id: CONFLICT_PHONE, status: 'RESOLVED' },
    ])
  })

  it('sends a rejected change again or lets it go', async () => {
    await panel().getByTestId('rejected-item').filter({ hasText: '거부상사' }).getByRole('button', { name: '다시 적용' }).click()
    await expect.poll(() => panel().getByTestId('rejected-item').count(), POLL).toBe(1)
    await expect.poll(() => pendingText(page), POLL).toBe('보낼 변경 4건')
    await panel().getByTestId('rejected-item').filter({ hasText: '거부물산' }).getByRole('button', { name: '무시하고 닫기' }).click()
    await panel().getByText('검토할 항목이 없습니다').waitFor()
    await screenshot(page, 'sync-panel-resolved-ko')
    await panel().getByRole('button', { name: '닫기' }).click()
    await expect.poll(async () => (await bar().textContent()) ?? '', POLL).not.toContain('거부된 변경')
    expect(await bar().textContent()).not.toMatch(/충돌 \d+건/)
    expect(await pendingText(page)).toBe('보낼 변경 4건')

    // Back online: the next push carries my value (a fresh stamp, so it wins) and both resolutions.
    server.offline = false
    const before = server.applied.length
    await bar().getByRole('button', { name: '지금 동기화' }).click()
    await bar().getByText('거부된 변경 1건').waitFor({ timeout: 15_000 })
    const pushed = server.applied.slice(before)
    expect(pushed.find((m) => m.table === 'leads')?.fields).toEqual({ contact_name: '박지훈' })
    expect(pushed.filter((m) => m.table === 'sync_conflicts').map((m) => m.fields.status)).toEqual(['RESOLVED', 'RESOLVED'])
    expect(pageErrors).toEqual([])
  })
})

/**
 * The product master through the real renderer, handler table and SQLite replica, offline:
 * - a MANAGER (tier default: catalogue tables writable) creates a category and a product and sees the margin derived
 *   from price and cost, both live in the form and stored-free on the product page; a move under its own subcategory is
 *   not even offered;
 * - a consultant (OPERATOR) sees the same catalogue read-only: no create or edit controls.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, silentLogger, type Harness, openHarnessDatabase } from '../../scripts/dev-web'
import { openReplica } from '../../src/main/db/open'
import { createReplicaStatements } from '../../src/main/core/replica/statements'
import { replicaRegistry } from '../../src/main/core/replica/registry'
import { type Browser, collectPageErrors, launchChromium, screenshot } from './browser'

const SERVER = 'https://sync.augu.example'
const id = (n: number): string => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`
const EDU = id(0xe2eca1)
const LDR = id(0xe2eca2)

function seedCatalogue(sqlite: Database.Database): void {
  const registry = replicaRegistry()
  const statements = createReplicaStatements(sqlite)
  const row = (table: string, rowId: string, fields: Record<string, unknown>): void => {
    const now = '2026-11-20T00:00:00.000Z'
    statements.upsertFields(registry.require(table), rowId, { created_at: now, updated_at: now, ...fields })
  }
  row('product_categories', EDU, { code: 'EDU', name: '교육', is_active: true })
  row('product_categories', LDR, { code: 'EDU-LDR', name: '리더십', parent_id: EDU, is_active: true })
  row('products', id(0xe2e9d1), {
    code: 'P-LDR-101',
    name: '신임 팀장 리더십',
    category_id: LDR,
    type: 'TRAINING',
    duration_days: 2,
    duration_hours: 16,
    min_participants: 10,
    max_participants: 30,
    list_price: 3_000_000,
    cost: 1_800_000,
    curriculum: [{ title: '리더의 역할', hours: 4 }],
    objectives: ['코칭 대화 실습'],
    prerequisites: [],
    target_audience: '신임 팀장',
    is_active: true,
  })
}

interface Device {
  readonly page: Page
  readonly pageErrors: string[]
  readonly dbFile: string
  close(): Promise<void>
}

/** A device signed in (then offline) as a user of the given tier; no directory rows, so the tier defaults apply. */
async function openDevice(user: { id: string; email: string; tier: string; lastName: string; firstName: string }): Promise<Device> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'crm-e2e-products-'))
  const dbFile = path.join(tmp, 'e2e.sqlite')
  const { sqlite } = openReplica(dbFile)
  try {
    seedCatalogue(sqlite)
  } finally {
    sqlite.close()
  }
  const offline: typeof fetch = async (input) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
    if (url.origin === SERVER && url.pathname === '/v1/auth/login') {
      const body = { accessToken: 'a'.repeat(24), refreshToken: 'r'.repeat(24), user, schemaVersions: { min: 1, max: 99 } }
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })
    }
    throw new TypeError('fetch failed')
  }
  const harness: Harness = await startHarness({ port: 0, dbFile, log: silentLogger, fetch: offline })
  const browser: Browser = await launchChromium()
  const page = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1440, height: 900 } })).newPage()
  const pageErrors = collectPageErrors(page)
  await page.goto(harness.url)
  await page.getByRole('button', { name: /회사 동기화 서버에 로그인/ }).click()
  await page.getByLabel('서버 주소').fill(SERVER)
  await page.getByLabel('이메일').fill(user.email)
  await page.getByLabel('비밀번호').fill('augu-1234')
  await page.getByRole('button', { name: '로그인', exact: true }).click()
  await page.getByRole('navigation', { name: '주 메뉴' }).waitFor()
  return {
    page,
    pageErrors,
    dbFile,
    close: async () => {
      await browser.close()
      await harness.close()
      rmSync(tmp, { recursive: true, force: true })
    },
  }
}

let manager: Device
let consultant: Device

beforeAll(async () => {
  manager = await openDevice({ id: id(0xe2ea01), email: 'manager@augu.kr', tier: 'MANAGER', lastName: '김', firstName: '팀장' })
  consultant = await openDevice({ id: id(0xe2ea02), email: 'consultant@augu.kr', tier: 'OPERATOR', lastName: '이', firstName: '컨설' })
}, 180_000)

afterAll(async () => {
  await manager?.close()
  await consultant?.close()
})

describe('product master', () => {
  it('a manager creates a category and a product and sees the derived margin', async () => {
    const page = manager.page
    await page.getByRole('button', { name: '상품' }).click()
    await page.getByRole('navigation', { name: '상품 분류' }).waitFor()
    await expect.poll(() => page.getByTestId('product-row').count()).toBe(1)

    // A subcategory under 교육.
    await page.getByRole('button', { name: '분류 추가' }).click()
    const categoryDialog = page.getByRole('dialog', { name: '분류 추가' })
    await categoryDialog.getByLabel('분류 이름').fill('디지털 전환')
    await categoryDialog.getByLabel('상위 분류').selectOption({ label: '교육' })
    await categoryDialog.getByRole('button', { name: '저장' }).click()
    await categoryDialog.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: '디지털 전환', exact: true }).click()
    await expect.poll(() => page.getByTestId('product-row').count()).toBe(0)

    // 교육 cannot be moved under its own subcategory: the choice is not offered.
    await page.getByRole('button', { name: '교육 분류 수정' }).click()
    const editDialog = page.getByRole('dialog', { name: '분류 수정' })
    const parents = await editDialog.getByLabel('상위 분류').locator('option').allTextContents()
    expect(parents).toEqual(['(최상위)'])
    await editDialog.getByRole('button', { name: '취소' }).click()

    await page.getByRole('button', { name: '상품 등록' }).click()
    const form = page.getByRole('dialog', { name: '상품 등록' })
    // A code already used is refused by main, shown inside the dialog, nothing saved.
    await form.getByLabel('상품명').fill('중복 코드 상품')
    await form.getByLabel('코드').fill('p-ldr-101')
    await form.getByRole('button', { name: '저장' }).click()
    await form.getByText('이미 사용 중인 코드입니다').waitFor()
    await form.getByLabel('코드').fill('')
    await form.getByLabel('상품명').fill('생성형 AI 업무 활용')
    await form.getByLabel('유형').selectOption('TRAINING')
    await form.getByLabel('기간(일)').fill('1')
    await form.getByLabel('교육 시간').fill('8')
    await form.getByLabel('최소 인원').fill('30')
    await form.getByLabel('최대 인원').fill('20')
    await form.getByLabel('정가').fill('250만')
    await form.getByLabel('원가').fill('1,500,000')
    // 2,500,000 − 1,500,000 = 1,000,000 → 40 %, shown while typing.
    await expect.poll(() => form.getByTestId('form-margin').textContent()).toContain('100만원')
    expect(await form.getByTestId('form-margin').textContent()).toContain('40%')
    await form.getByLabel(/커리큘럼/).fill('프롬프트 기초 | 4\n업무 자동화 실습 | 4')
    await form.getByLabel(/학습 목표/).fill('보고서 초안 작성 시간 단축')
    await form.getByLabel('교육 대상').fill('전 직원')
    await form.getByRole('button', { name: '저장' }).click()
    // min above max is refused in the form; nothing saved.
    await form.getByText('최소 인원은 최대 인원보다 클 수 없습니다.').waitFor()
    await form.getByLabel('최소 인원').fill('10')
    await screenshot(page, 'products-form')
    await form.getByRole('button', { name: '저장' }).click()
    await form.waitFor({ state: 'detached' })

    const panel = page.getByTestId('product-panel')
    await panel.getByRole('heading', { name: '생성형 AI 업무 활용' }).waitFor()
    expect(await panel.getByTestId('product-margin').textContent()).toBe('100만원')
    expect(await panel.getByTestId('product-margin-percent').textContent()).toBe('40%')
    expect(await panel.textContent()).toContain('교육 › 디지털 전환')
    expect(await panel.textContent()).toContain('프롬프트 기초 · 4시간')
    await expect.poll(() => page.getByTestId('product-row').count()).toBe(1)
    await screenshot(page, 'products-manager')

    // Stored without a margin column; the outbox holds the two new rows.
    const db = openHarnessDatabase(manager.dbFile, { readonly: true })
    try {
      const stored = db.prepare("SELECT list_price, cost, category_id FROM products WHERE name = '생성형 AI 업무 활용'").get() as Record<string, unknown>
      expect(stored).toMatchObject({ list_price: 2_500_000, cost: 1_500_000 })
      const tables = (db.prepare('SELECT table_name FROM outbox ORDER BY seq').all() as Array<{ table_name: string }>).map((r) => r.table_name)
      expect(tables).toEqual(expect.arrayContaining(['product_categories', 'products']))
    } finally {
      db.close()
    }
    expect(manager.pageErrors).toEqual([])
  })

  it('a consultant sees the catalogue read-only', async () => {
    const page = consultant.page
    await page.getByRole('button', { name: '상품' }).click()
    await page.getByTestId('products-readonly').waitFor()
    await page.getByRole('button', { name: '신임 팀장 리더십' }).click()
    const panel = page.getByTestId('product-panel')
    // 3,000,000 − 1,800,000 = 1,200,000 → 40 %
    expect(await panel.getByTestId('product-margin').textContent()).toBe('120만원')
    expect(await panel.getByTestId('product-margin-percent').textContent()).toBe('40%')
    expect(await page.getByRole('button', { name: '상품 등록' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: '분류 추가' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: '상품 수정' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: /분류 수정/ }).count()).toBe(0)
    await screenshot(page, 'products-consultant-readonly')
    expect(consultant.pageErrors).toEqual([])
  })
})

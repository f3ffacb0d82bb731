/**
 * Global search offline, through the header's search box: 2-character and 1-character Korean queries (which the FTS5
 * trigram index alone cannot answer), business-number digits, initial consonants (ㅎㄱㄷ → 홍길동), keyboard
 * navigation, and opening the company page of a hit.
 */
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './browser'
import { openOfflineDevice, type OfflineDevice } from './offline-device'

let device: OfflineDevice
let page: Page

interface CreateAnswer {
  ok: boolean
  value?: { status: string; id?: string }
}
type Crm = {
  customers: { create(input: unknown): Promise<CreateAnswer>; get(input: unknown): Promise<{ ok: boolean; value?: { branches: Array<{ id: string }> } }> }
  contacts: { create(input: unknown): Promise<CreateAnswer> }
}

/** Seeds through the same IPC channels the forms use (window.crm → harness → handler table → replica). */
async function seed(): Promise<void> {
  await page.evaluate(async () => {
    const crm = (globalThis as unknown as { crm: Crm }).crm
    const company = async (name: string, businessNumber?: string): Promise<string> => {
      const result = await crm.customers.create({ company: { name, businessNumber }, allowDuplicates: true })
      if (!result.ok || !result.value?.id) throw new Error(`could not create ${name}`)
      return result.value.id
    }
    const samsung = await company('삼성전자', '124-81-00998')
    await company('삼성물산', '120-88-00767')
    const hanbit = await company('한빛소프트')
    await company('홍익인재개발원')
    for (const [companyId, lastName, firstName, mobile] of [
      [hanbit, '홍', '길동', '010-1234-5678'],
      [samsung, '김', '민준', '010-2222-3333'],
    ] as const) {
      const page = await crm.customers.get({ id: companyId })
      const branchId = page.value?.branches[0]?.id
      await crm.contacts.create({ contact: { branchId, lastName, firstName, mobile }, allowDuplicates: true })
    }
  })
}

beforeAll(async () => {
  device = await openOfflineDevice()
  page = device.page
  await seed()
})

afterAll(async () => {
  await device?.close()
})

const box = () => page.getByRole('search').getByRole('combobox')
const results = () => page.getByRole('listbox', { name: '전체 검색' })

async function search(query: string): Promise<Record<string, string[]>> {
  await box().fill(query)
  await results().waitFor()
  await expect.poll(() => results().getAttribute('data-query')).toBe(query)
  const groups: Record<string, string[]> = {}
  for (const group of await results().getByRole('group').all()) {
    const name = (await group.getAttribute('aria-label')) ?? ''
    groups[name] = await group.locator('.global-search__title').allTextContents()
  }
  return groups
}

describe('global search, offline', () => {
  it('opens with Ctrl+K and finds a 2-character company word', async () => {
    await page.keyboard.press('Control+k')
    await expect.poll(() => box().evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    expect(await search('삼성')).toEqual({ 고객사: ['삼성물산', '삼성전자'] })
    await screenshot(page, 'search-two-chars-ko')
  })

  it('finds a 1-character query in companies and contacts, names starting with it first', async () => {
    expect(await search('홍')).toEqual({ 고객사: ['홍익인재개발원'], 담당자: ['홍길동'] })
  })

  it('finds business numbers and phones by their digits, with or without hyphens', async () => {
    expect(await search('124-81-00998')).toEqual({ 고객사: ['삼성전자'] })
    expect(await search('8800767')).toEqual({ 고객사: ['삼성물산'] })
    expect(await search('1234-5678')).toEqual({ 담당자: ['홍길동'] })
  })

  it('finds 홍길동 by initial consonants and opens his company with the keyboard', async () => {
    expect(await search('ㅎㄱㄷ')).toEqual({ 담당자: ['홍길동'] })
    await results().getByText('초성 검색').waitFor()
    await screenshot(page, 'search-choseong-ko')
    await box().press('Enter')
    await page.getByRole('heading', { name: '한빛소프트' }).waitFor()
    expect(await box().inputValue()).toBe('')
  })

  it('moves through hits with the arrow keys', async () => {
    await search('삼성')
    const selected = () => results().locator('[aria-selected="true"] .global-search__title').textContent()
    expect(await selected()).toBe('삼성물산')
    await box().press('ArrowDown')
    expect(await selected()).toBe('삼성전자')
    await box().press('ArrowDown')
    expect(await selected()).toBe('삼성물산')
    await box().press('ArrowUp')
    await box().press('Enter')
    await page.getByRole('heading', { name: '삼성전자' }).waitFor()
  })

  it('says so when nothing matches', async () => {
    await box().fill('없는회사이름')
    await page.getByText('"없는회사이름"에 대한 결과가 없습니다.').waitFor()
    expect(device.pageErrors).toEqual([])
  })
})

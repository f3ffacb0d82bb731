/**
 * Finding and opening (issue 17), offline on the demo data: every global-search hit opens its own record, 초성 stays
 * inside words, each list has its own text filter, and long pickers are searchable comboboxes (Korean, 초성, keyboard).
 */
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './browser'
import { openOfflineDevice, replicaRows, type OfflineDevice } from './offline-device'

let device: OfflineDevice
let page: Page

type Crm = { customers: { create(input: unknown): Promise<{ ok: boolean; value?: { id?: string } }> } }

const one = <T>(sql: string): T => replicaRows<T>(device, sql)[0] as T

beforeAll(async () => {
  device = await openOfflineDevice({ demoScale: 2000 })
  page = device.page
  await page.evaluate(async () => {
    const crm = (globalThis as unknown as { crm: Crm }).crm
    for (const name of ['주식회사 서해랩스', '서서울교육']) {
      const result = await crm.customers.create({ company: { name }, allowDuplicates: true })
      if (!result.ok) throw new Error(`could not create ${name}`)
    }
  })
})

afterAll(async () => {
  await device?.close()
})

const box = () => page.getByRole('search').getByRole('combobox')
const results = () => page.getByRole('listbox', { name: '전체 검색' })

/** Types a query into the header search and opens the hit of that group with that title. */
async function openHit(query: string, group: string, title: string): Promise<void> {
  await box().fill(query)
  await expect.poll(() => results().getAttribute('data-query')).toBe(query)
  await results().getByRole('group', { name: group }).getByRole('option').filter({ hasText: title }).first().click()
}

describe('global search opens the record of each hit', () => {
  it('an opportunity opens its own detail, not its company page', async () => {
    const opp = one<{ title: string; code: string }>(`SELECT title, code FROM opportunities WHERE deleted_at IS NULL ORDER BY code LIMIT 1`)
    await openHit(opp.title, '영업기회', opp.title)
    await page.getByRole('dialog', { name: `영업기회 상세 · ${opp.title}` }).waitFor()
    await page.keyboard.press('Escape')
  })

  it('a lead opens its own detail, not the whole lead list', async () => {
    const lead = one<{ company_name: string }>(
      `SELECT company_name FROM leads WHERE deleted_at IS NULL AND length(company_name) >= 3 ORDER BY created_at LIMIT 1`,
    )
    await openHit(lead.company_name, '리드', lead.company_name)
    await page.getByRole('dialog', { name: `리드 상세 · ${lead.company_name}` }).waitFor()
    await page.keyboard.press('Escape')
  })

  it('a project opens its project page', async () => {
    const project = one<{ name: string; code: string }>(`SELECT name, code FROM projects WHERE deleted_at IS NULL ORDER BY code LIMIT 1`)
    await openHit(project.name, '프로젝트', project.name)
    await page.getByRole('heading', { name: project.name, level: 2 }).waitFor()
  })

  it('a contact opens their contact form on their company page', async () => {
    const person = one<{ last_name: string; first_name: string; company: string }>(
      `SELECT p.last_name, p.first_name, c.name AS company FROM contacts p JOIN branches b ON b.id = p.branch_id
       JOIN companies c ON c.id = b.company_id WHERE p.deleted_at IS NULL ORDER BY p.created_at LIMIT 1`,
    )
    const name = `${person.last_name}${person.first_name}`
    await box().fill(name)
    await expect.poll(() => results().getAttribute('data-query')).toBe(name)
    await results().getByRole('group', { name: '담당자' }).getByRole('option').filter({ hasText: person.company }).first().click()
    const dialog = page.getByRole('dialog', { name: '담당자 정보 수정' })
    await dialog.waitFor()
    await page.getByRole('heading', { name: person.company }).waitFor()
    await page.keyboard.press('Escape')
  })

  it('초성 does not match across a word gap: ㅅㅅ finds 서서울교육, not 주식회사 서해랩스', async () => {
    await box().fill('ㅅㅅㅇ')
    await expect.poll(() => results().getAttribute('data-query')).toBe('ㅅㅅㅇ')
    const companies = results().getByRole('group', { name: '고객사' })
    await companies.getByText('서서울교육').waitFor()
    expect(await companies.getByText('주식회사 서해랩스').count()).toBe(0)
    await box().fill('ㅅㅎㄹㅅ')
    await expect.poll(() => results().getAttribute('data-query')).toBe('ㅅㅎㄹㅅ')
    await results().getByText('주식회사 서해랩스').waitFor()
    await box().press('Escape')
  })
})

describe('every list has its own text filter', () => {
  it('companies: by name and by 초성', async () => {
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '고객사' }).click()
    // The contact hit above left a company page open: back to the list.
    const companiesBack = page.getByRole('button', { name: /고객사 목록/ })
    if (await companiesBack.count()) await companiesBack.click()
    const filter = page.getByRole('searchbox', { name: '고객사 검색' })
    await filter.fill('서해랩스')
    await expect.poll(() => page.getByTestId('company-count').textContent()).toBe('고객사 1곳')
    await page.locator('.company-table__name', { hasText: '주식회사 서해랩스' }).waitFor()
    await filter.fill('ㅅㅎㄹㅅ')
    await page.locator('.company-table__name', { hasText: '주식회사 서해랩스' }).waitFor()
    await screenshot(page, 'customers-text-filter-ko')
    await filter.fill('')
    await expect.poll(async () => Number(((await page.getByTestId('company-count').textContent()) ?? '').replace(/\D/g, ''))).toBeGreaterThan(2)
  })

  it('opportunities board, projects and meetings', async () => {
    const opp = one<{ title: string; code: string }>(`SELECT title, code FROM opportunities WHERE deleted_at IS NULL ORDER BY code LIMIT 1`)
    const nav = page.getByRole('navigation', { name: '주 메뉴' })
    await nav.getByRole('button', { name: '영업기회' }).click()
    await page.getByTestId('opportunity-card').first().waitFor()
    await page.getByRole('searchbox', { name: '영업기회 검색' }).fill(opp.code)
    await expect.poll(() => page.getByTestId('opportunity-card').count()).toBe(1)
    await page.getByTestId('opportunity-card').filter({ hasText: opp.title }).waitFor()

    const project = one<{ name: string }>(`SELECT name FROM projects WHERE deleted_at IS NULL ORDER BY code LIMIT 1`)
    await nav.getByRole('button', { name: '프로젝트' }).click()
    // The project hit above left its page open: back to the list.
    const projectsBack = page.getByRole('button', { name: /프로젝트 목록/ })
    if (await projectsBack.count()) await projectsBack.click()
    await page.getByTestId('project-count').waitFor()
    await page.getByRole('searchbox', { name: '프로젝트 검색' }).fill(project.name)
    await page.locator('.project-table').getByRole('button', { name: project.name }).first().waitFor()
    const rows = await page.locator('.project-table tbody tr').count()
    const total = one<{ n: number }>(`SELECT count(*) AS n FROM projects WHERE deleted_at IS NULL`).n
    expect(rows).toBeLessThan(total)

    await nav.getByRole('button', { name: '미팅' }).click()
    await page.getByRole('button', { name: '목록', exact: true }).click()
    await page.getByTestId('meetings-list').waitFor()
    const before = await page.getByTestId('meeting-row').count()
    const title = (await page.getByTestId('meeting-row').first().getByRole('button').textContent()) ?? ''
    await page.getByRole('searchbox', { name: '미팅 검색' }).fill(title)
    await expect.poll(() => page.getByTestId('meeting-row').count()).toBeLessThanOrEqual(before)
    for (const text of await page.getByTestId('meeting-row').getByRole('button').allTextContents()) expect(text).toContain(title)
  })
})

describe('long pickers are searchable comboboxes', () => {
  it('the meeting company picker finds a company by 초성 and picks it with the keyboard', async () => {
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '미팅' }).click()
    await page.getByRole('button', { name: '새 미팅' }).click()
    const dialog = page.getByRole('dialog')
    const picker = dialog.getByRole('combobox', { name: '고객사' })
    await picker.click()
    await picker.fill('ㅅㅎㄹ')
    const list = dialog.getByRole('listbox')
    await list.getByRole('option', { name: /주식회사 서해랩스/ }).waitFor()
    await screenshot(page, 'meetings-company-combobox-ko')
    await picker.press('ArrowDown')
    await picker.press('ArrowUp')
    await picker.press('Enter')
    await expect.poll(() => picker.inputValue()).toBe('주식회사 서해랩스')
    expect(await list.count()).toBe(0)
    // Esc closes an open list, not the dialog.
    await picker.press('ArrowDown')
    await list.waitFor()
    await picker.press('Escape')
    expect(await list.count()).toBe(0)
    expect(await dialog.count()).toBe(1)
    expect(await picker.inputValue()).toBe('주식회사 서해랩스')
    await page.keyboard.press('Escape')
    expect(device.pageErrors).toEqual([])
  })
})

describe('a brand-new company', () => {
  it('sees how to start instead of "nothing matches"', async () => {
    const empty = await openOfflineDevice()
    try {
      await empty.page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '고객사' }).click()
      await empty.page.getByTestId('companies-empty').getByText('아직 등록된 고객사가 없습니다.', { exact: false }).waitFor()
    } finally {
      await empty.close()
    }
  })
})

/**
 * Lead conversion without traps (issue 17), offline on the demo data: a new lead is the creator's, the assignment
 * picker starts on the user (not whoever sorts first), converting offers the company already on file and converts into
 * it, the status reads 전환됨 like the list, links lead to what was created, and focus lands on that link so Escape
 * still closes the lead.
 */
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../src/demo/accounts'
import { screenshot } from './browser'
import { openOfflineDevice, replicaRows, type OfflineDevice } from './offline-device'

let device: OfflineDevice
let page: Page
const COMPANY = '(주)새봄러닝랩'
const LEAD = '새봄러닝랩'

type Crm = { customers: { create(input: unknown): Promise<{ ok: boolean; value?: { id?: string } }> } }

const one = <T>(sql: string, ...params: unknown[]): T => replicaRows<T>(device, sql, ...params)[0] as T

beforeAll(async () => {
  device = await openOfflineDevice({ demoScale: 2000 })
  page = device.page
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.evaluate(async (name) => {
    const crm = (globalThis as unknown as { crm: Crm }).crm
    const result = await crm.customers.create({ company: { name }, allowDuplicates: true })
    if (!result.ok) throw new Error(`could not create ${name}`)
  }, COMPANY)
})

afterAll(async () => {
  await device?.close()
})

async function openLead(): Promise<void> {
  await page.getByRole('searchbox', { name: '리드 검색' }).fill(LEAD)
  await page.getByRole('button', { name: LEAD, exact: true }).click()
}

describe('lead conversion', () => {
  it('a new lead is assigned to its creator; the assignment picker starts on the user', async () => {
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '리드' }).click()
    await page.getByRole('button', { name: '새 리드' }).click()
    const dialog = page.getByRole('dialog', { name: '새 리드 등록' })
    await dialog.getByLabel('회사명').fill(LEAD)
    await dialog.getByLabel('담당자 이름').fill('정하늘')
    await dialog.getByRole('button', { name: '저장', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(one<{ assigned_to: string }>(`SELECT assigned_to FROM leads WHERE company_name = ?`, LEAD).assigned_to).toBe(DEMO_ACCOUNTS.consultant.id)
    await openLead()
    const detail = page.getByRole('dialog', { name: /리드 상세/ })
    const picker = detail.getByLabel('배정할 담당자')
    expect(await picker.inputValue()).toBe(DEMO_ACCOUNTS.consultant.id)
  })

  it('offers the company on file, converts into it, shows 전환됨 with links, and keeps focus so Escape closes', async () => {
    const detail = page.getByRole('dialog', { name: /리드 상세/ })
    await detail.getByRole('button', { name: '고객사로 전환' }).click()
    const convert = page.getByRole('dialog', { name: '리드 전환' })
    const matches = convert.getByTestId('convert-matches')
    await matches.getByText(`${COMPANY}으로 전환`).waitFor()
    await matches.getByLabel(`${COMPANY}으로 전환`).check()
    // Converting into a company on file asks for no company or branch name.
    expect(await convert.getByLabel('고객사명').count()).toBe(0)
    await convert.getByLabel('영업기회명').fill('신입사원 온보딩 과정')
    await screenshot(page, 'leads-convert-existing-ko')
    const companies = one<{ n: number }>(`SELECT count(*) AS n FROM companies WHERE deleted_at IS NULL`).n
    await convert.getByRole('button', { name: '전환하기' }).click()
    await convert.waitFor({ state: 'detached' })

    const company = one<{ id: string }>(`SELECT id FROM companies WHERE name = ?`, COMPANY)
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM companies WHERE deleted_at IS NULL`).n).toBe(companies)
    expect(one(`SELECT company_id FROM opportunities WHERE title = '신입사원 온보딩 과정'`)).toEqual({ company_id: company.id })
    expect(one(`SELECT status, converted_to_company_id FROM leads WHERE company_name = ?`, LEAD)).toEqual({
      status: 'CONVERTED',
      converted_to_company_id: company.id,
    })

    // The status menu says what the list says.
    expect(await detail.getByLabel('상태').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('전환됨')
    // Focus is on the link to what was created, inside the lead dialog.
    const link = detail.getByRole('button', { name: '만든 영업기회 열기' })
    await expect.poll(() => link.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    await screenshot(page, 'leads-converted-links-ko')
    await page.keyboard.press('Escape')
    await detail.waitFor({ state: 'detached' })

    await openLead()
    await detail.getByRole('button', { name: '만든 영업기회 열기' }).click()
    await page.getByRole('dialog', { name: '영업기회 상세 · 신입사원 온보딩 과정' }).waitFor()
    await page.keyboard.press('Escape')
  })

  it('reads in English', async () => {
    await page.getByRole('button', { name: 'English' }).click()
    await page
      .getByRole('navigation', { name: /Main menu|주 메뉴/ })
      .getByRole('button', { name: 'Leads' })
      .click()
    await page.getByRole('searchbox').first().fill(LEAD)
    await page.getByRole('button', { name: LEAD, exact: true }).click()
    const detail = page.getByRole('dialog', { name: new RegExp(LEAD) })
    await detail.getByRole('button', { name: 'Open the new opportunity' }).waitFor()
    expect(await detail.innerText()).not.toContain('editing.')
    await screenshot(page, 'leads-converted-links-en')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: '한국어' }).click()
  })
})

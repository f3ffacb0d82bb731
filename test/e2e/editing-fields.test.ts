/**
 * Fields that had no form (issue 17), offline: a company's tags, custom fields, credit limit, payment terms and fiscal
 * year end; a contact's birthday, LinkedIn and active flag; and the mobile field that refuses a landline in the app's
 * own words. Each value is read back from the replica, and an edit sends only the fields that changed.
 */
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './browser'
import { openOfflineDevice, replicaRows, type OfflineDevice } from './offline-device'

let device: OfflineDevice
let page: Page
const NAME = '(주)필드테스트러닝'

type Crm = { customers: { create(input: unknown): Promise<{ ok: boolean; value?: { id?: string } }> } }

const one = <T>(sql: string, ...params: unknown[]): T => replicaRows<T>(device, sql, ...params)[0] as T

beforeAll(async () => {
  device = await openOfflineDevice({ demoScale: 2000 })
  page = device.page
  await page.evaluate(async (name) => {
    const crm = (globalThis as unknown as { crm: Crm }).crm
    const result = await crm.customers.create({ company: { name }, allowDuplicates: true })
    if (!result.ok) throw new Error(`could not create ${name}`)
  }, NAME)
  await page.setViewportSize({ width: 1280, height: 720 })
})

afterAll(async () => {
  await device?.close()
})

async function openCompany(): Promise<void> {
  await page
    .getByRole('navigation', { name: '주 메뉴' })
    .getByRole('button', { name: /고객사|Companies/ })
    .click()
  const back = page.getByRole('button', { name: /고객사 목록|Companies/ }).filter({ hasText: '←' })
  if (await back.count()) await back.click()
  await page.getByRole('searchbox', { name: /고객사 검색|Search companies/ }).fill('필드테스트')
  await page.locator('.company-table__name', { hasText: NAME }).click()
  await page.getByRole('heading', { name: NAME }).waitFor()
}

describe('fields that had no form', () => {
  it('company: tags, custom fields, credit limit, payment terms and fiscal year end', async () => {
    await openCompany()
    await page.getByRole('button', { name: '수정', exact: true }).first().click()
    const form = page.getByRole('dialog', { name: '고객사 정보 수정' })
    await form.getByLabel('여신 한도 (원)').fill('50,000,000')
    await form.getByLabel('결제 조건 (일)').fill('400')
    await form.getByLabel('결산월일').fill('02-30')
    await form.getByLabel('태그').fill('리더십, 신입 교육, 리더십')
    await form.getByRole('button', { name: '+ 항목 추가' }).click()
    await form.getByLabel('항목명 1').fill('주거래 은행')
    await form.getByLabel('내용 1').fill('국민은행')
    await form.getByRole('button', { name: '저장', exact: true }).click()
    // Bad input: the app's own words, and nothing saved.
    await form.getByText('결제 조건은 0일부터 365일까지 입력할 수 있습니다.').waitFor()
    await form.getByText('결산월일은 월-일로 입력해 주세요 (예: 12-31, 03-31).').waitFor()
    expect(one<{ credit_limit: number | null }>(`SELECT credit_limit FROM companies WHERE name = ?`, NAME).credit_limit).toBeNull()
    await screenshot(page, 'editing-company-terms-errors-ko')

    await form.getByLabel('결제 조건 (일)').fill('60')
    await form.getByLabel('결산월일').fill('3/31')
    await form.getByRole('button', { name: '저장', exact: true }).click()
    await form.waitFor({ state: 'detached' })
    const row = one<{ credit_limit: number; payment_terms: number; fiscal_year_end: string; tags: string; custom_fields: string }>(
      `SELECT credit_limit, payment_terms, fiscal_year_end, tags, custom_fields FROM companies WHERE name = ?`,
      NAME,
    )
    expect(row).toMatchObject({ credit_limit: 50_000_000, payment_terms: 60, fiscal_year_end: '03-31' })
    expect(JSON.parse(row.tags)).toEqual(['리더십', '신입 교육'])
    expect(JSON.parse(row.custom_fields)).toEqual({ '주거래 은행': '국민은행' })
    // The edit sent only what changed: the outbox entry holds these five fields and nothing else.
    const sent = one<{ fields: string }>(
      `SELECT fields FROM outbox WHERE table_name = 'companies' AND row_id = (SELECT id FROM companies WHERE name = ?) ORDER BY seq DESC LIMIT 1`,
      NAME,
    )
    expect(Object.keys(JSON.parse(sent.fields) as object).sort()).toEqual(['credit_limit', 'custom_fields', 'fiscal_year_end', 'payment_terms', 'tags'])
    // The page shows them.
    await page.getByTestId('company-tags').getByText('신입 교육').waitFor()
    await page.getByText('국민은행').waitFor()
    await screenshot(page, 'editing-company-terms-ko')
  })

  it('contact: a landline in the mobile field is refused in the app’s words; birthday, LinkedIn and active flag are kept', async () => {
    await page.getByRole('tab', { name: /담당자/ }).click()
    await page.getByRole('button', { name: '+ 담당자 추가' }).click()
    const form = page.getByRole('dialog', { name: '담당자 추가' })
    await form.getByLabel('성', { exact: true }).fill('홍')
    await form.getByLabel('이름', { exact: true }).fill('길동')
    await form.getByLabel('휴대전화').fill('02-123-4567')
    await form.getByLabel('생일').fill('1985-03-14')
    await form.getByLabel('LinkedIn').fill('linkedin.com/in/hong-gildong')
    await form.getByRole('button', { name: '저장', exact: true }).click()
    await form.getByText('휴대전화 번호는 010, 011, 016, 017, 018, 019로 시작합니다. 유선 번호는 "전화"에 입력해 주세요.').waitFor()
    expect(replicaRows(device, `SELECT id FROM contacts WHERE last_name = '홍' AND first_name = '길동'`)).toHaveLength(0)
    await screenshot(page, 'editing-contact-mobile-error-ko')

    await form.getByLabel('휴대전화').fill('010-2345-6789')
    await form.getByLabel('전화', { exact: true }).fill('02-123-4567')
    await form.getByRole('button', { name: '저장', exact: true }).click()
    await form.waitFor({ state: 'detached' })
    expect(one(`SELECT mobile, phone, birthday, linkedin_url, is_active FROM contacts WHERE last_name = '홍' AND first_name = '길동'`)).toEqual({
      mobile: '01023456789',
      phone: '021234567',
      birthday: '1985-03-14',
      linkedin_url: 'https://linkedin.com/in/hong-gildong',
      is_active: 1,
    })

    // The person has left: the flag is one click, and only it is sent.
    await page.getByRole('button', { name: '홍길동 수정' }).click()
    const edit = page.getByRole('dialog', { name: '담당자 정보 수정' })
    await edit.getByLabel('재직 중').uncheck()
    await screenshot(page, 'editing-contact-fields-ko')
    await edit.getByRole('button', { name: '저장', exact: true }).click()
    await edit.waitFor({ state: 'detached' })
    expect(one<{ is_active: number }>(`SELECT is_active FROM contacts WHERE last_name = '홍' AND first_name = '길동'`).is_active).toBe(0)
    const sent = one<{ fields: string }>(
      `SELECT fields FROM outbox WHERE table_name = 'contacts' AND row_id = (SELECT id FROM contacts WHERE last_name = '홍' AND first_name = '길동') ORDER BY seq DESC LIMIT 1`,
    )
    expect(JSON.parse(sent.fields)).toEqual({ is_active: false })
    await page.getByRole('tabpanel').getByText('퇴사').waitFor()
  })

  it('reads in English', async () => {
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('button', { name: '홍길동 Edit' }).click()
    const form = page.getByRole('dialog', { name: /Edit/ })
    await form.getByLabel('Mobile').fill('031-123-4567')
    await form.getByRole('button', { name: 'Save', exact: true }).click()
    await form.getByText('A mobile number starts with 010, 011, 016, 017, 018 or 019. Put a desk line under "Phone".').waitFor()
    expect(await form.innerText()).not.toContain('editing.')
    await screenshot(page, 'editing-contact-fields-en')
    await form.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('tab', { name: /Overview/ }).click()
    await page.getByRole('button', { name: 'Edit', exact: true }).first().click()
    const company = page.getByRole('dialog', { name: /Edit/ })
    await company.getByLabel('Payment terms (days)').waitFor()
    await screenshot(page, 'editing-company-terms-en')
    await company.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('button', { name: '한국어' }).click()
  })
})

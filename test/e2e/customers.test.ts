/**
 * Companies offline, through the real renderer, handler table and SQLite replica (filled with the Korean demo data):
 * validation before anything is saved, the duplicate warning, edit, activity log and timeline, delete, and the status
 * bar's count of changes waiting for the network.
 */
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { businessNumberCheckDigit, formatBusinessNumber } from '../../src/shared/domain/business-number'
import { screenshot } from './browser'
import { demoUser, openOfflineDevice, pendingChanges, type OfflineDevice } from './offline-device'

let device: OfflineDevice
let page: Page

// A valid number the demo data is very unlikely to hold, and the same digits with a wrong check digit.
const firstNine = '617813254'
const validNumber = formatBusinessNumber(`${firstNine}${businessNumberCheckDigit(firstNine)}`)
const invalidNumber = formatBusinessNumber(`${firstNine}${(businessNumberCheckDigit(firstNine) + 1) % 10}`)
const NAME = '(주)오프라인러닝랩'
const LONG_WEBSITE = 'https://www.offline-learning-lab.co.kr/programs/2026/leadership-course-for-newly-promoted-team-managers-and-part-leaders'

beforeAll(async () => {
  device = await openOfflineDevice({ user: demoUser('manager'), demoScale: 20000 })
  page = device.page
})

afterAll(async () => {
  await device?.close()
})

const companyCount = async (): Promise<number> => {
  const text = (await page.getByTestId('company-count').textContent()) ?? ''
  return Number(text.replace(/\D/g, ''))
}

const statusBar = () => page.getByTestId('sync-status-bar')

describe('companies, offline', () => {
  it('lists the replica’s companies in 가나다 order, virtualised', async () => {
    await page.getByRole('button', { name: '고객사' }).click()
    await page.getByTestId('company-list').waitFor()
    await expect.poll(companyCount).toBeGreaterThan(50)
    const names = await page.locator('.company-table__name').allTextContents()
    expect(names.length).toBeGreaterThan(5)
    // Virtualised: far fewer rows in the DOM than companies in the list.
    expect(names.length).toBeLessThan(await companyCount())
    const keys = names.map((n) => n.replace(/^\(주\)|^㈜|^주식회사\s*/, '').trim())
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    await screenshot(page, 'customers-list-ko')

    // Scrolling to the end loads the pages behind it (100 rows a page) and shows the last company in 가나다 order.
    const total = await companyCount()
    const last = await page.evaluate(async (offset) => {
      const crm = (globalThis as unknown as { crm: { customers: { list(i: unknown): Promise<{ value?: { items: Array<{ name: string }> } }> } } }).crm
      return (await crm.customers.list({ offset, limit: 1 })).value?.items[0]?.name
    }, total - 1)
    await page.getByTestId('company-list').evaluate((el) => el.scrollTo(0, el.scrollHeight))
    await page.locator('.company-table__name', { hasText: last ?? '?' }).waitFor()
  })

  it('opens a demo company page with its people, business and history', async () => {
    const all = await companyCount()
    // An active customer is the one most likely to have opportunities and projects in the demo data.
    await page.getByRole('group', { name: '고객사 필터' }).getByLabel('상태').selectOption('ACTIVE')
    await expect.poll(companyCount).toBeLessThan(all)
    const first = page.locator('.company-table__row').first()
    const name = (await first.locator('.company-table__name').textContent()) ?? ''
    await first.click()
    await page.getByRole('heading', { name }).waitFor()
    expect(await page.getByRole('tab').count()).toBe(8)
    await screenshot(page, 'customers-demo-company-ko')
    // The change history lives on the server: the demo (no server) says so rather than showing an empty list.
    await page.getByRole('tab', { name: '변경 이력' }).click()
    expect(await page.getByTestId('history-online-only').textContent()).toBe('서버에 연결되어 있을 때만 사용할 수 있습니다')
    await page.getByRole('tab', { name: /영업기회/ }).click()
    const stage = page.getByRole('tabpanel').locator('tbody tr td:nth-child(2)').first()
    if ((await stage.count()) > 0) expect(await stage.textContent()).toMatch(/[가-힣]/)
    await screenshot(page, 'customers-demo-opportunities-ko')
    await page.getByRole('button', { name: /고객사 목록/ }).click()
    await page.getByRole('button', { name: '필터 초기화' }).click()
    await expect.poll(companyCount).toBe(all)
  })

  it('filters by tier and keeps a saved filter', async () => {
    const all = await companyCount()
    await page.getByRole('group', { name: '고객사 필터' }).getByLabel('등급').selectOption('VIP')
    await expect.poll(companyCount).toBeLessThan(all)
    const tiers = await page.locator('.company-table__row .chip').allTextContents()
    expect(new Set(tiers)).toEqual(new Set(['VIP']))
    await page.getByLabel('저장할 필터 이름').fill('VIP 고객')
    await page.getByRole('button', { name: '현재 필터 저장' }).click()
    await expect.poll(() => page.getByLabel('저장된 필터').locator('option:checked').textContent()).toBe('VIP 고객')
    await page.getByRole('button', { name: '필터 초기화' }).click()
    await expect.poll(companyCount).toBe(all)
  })

  it('refuses an invalid business number with a Korean message and saves nothing', async () => {
    const before = await companyCount()
    const pending = await pendingChanges(page)
    await page.getByRole('button', { name: '+ 새 고객사' }).click()
    const dialog = page.getByRole('dialog', { name: '새 고객사 등록' })
    await dialog.getByLabel('고객사명').fill(NAME)
    await dialog.getByLabel('사업자등록번호').fill(invalidNumber)
    await dialog.getByLabel('대표 전화').fill('02-555-0198')
    await dialog.getByRole('button', { name: '저장' }).click()
    await dialog.getByText('유효하지 않은 사업자등록번호입니다').waitFor()
    expect(await dialog.getByLabel('사업자등록번호').getAttribute('aria-invalid')).toBe('true')
    await screenshot(page, 'customers-create-invalid-ko')
    expect(await pendingChanges(page)).toBe(pending)
    expect(await companyCount()).toBe(before)

    await dialog.getByLabel('사업자등록번호').fill(validNumber)
    await dialog.getByRole('button', { name: '저장' }).click()
    await page.getByRole('heading', { name: NAME }).waitFor()
    // The company and its head office: two local changes waiting for the network, shown in the status bar.
    expect(await pendingChanges(page)).toBe(pending + 2)
    await statusBar()
      .getByText(`보낼 변경 ${pending + 2}건`)
      .waitFor()
  })

  it('warns before registering the same business number again', async () => {
    await page.getByRole('button', { name: /고객사 목록/ }).click()
    const pending = await pendingChanges(page)
    await page.getByRole('button', { name: '+ 새 고객사' }).click()
    const form = page.getByRole('dialog', { name: '새 고객사 등록' })
    await form.getByLabel('고객사명').fill('오프라인 러닝랩 주식회사')
    await form.getByLabel('사업자등록번호').fill(validNumber.replace(/-/g, ''))
    await form.getByRole('button', { name: '저장' }).click()
    const warning = page.getByRole('dialog', { name: '이미 등록된 것과 비슷합니다' })
    await warning.waitFor()
    expect(await warning.getByTestId('duplicate-list').textContent()).toContain(NAME)
    expect(await warning.getByText('같은 사업자등록번호').count()).toBe(1)
    expect(await warning.getByText('비슷한 이름').count()).toBe(1)
    await screenshot(page, 'customers-duplicate-warning-ko')
    await warning.getByRole('button', { name: '돌아가서 수정' }).click()
    await form.getByRole('button', { name: '취소' }).click()
    expect(await pendingChanges(page)).toBe(pending)
  })

  it('edits the company, adds a contact and logs a KakaoTalk activity that shows on the timeline', async () => {
    await page.getByRole('search').getByRole('combobox').fill(NAME.slice(3, 8))
    await page.getByRole('option', { name: new RegExp(NAME.slice(3)) }).click()
    await page.getByRole('heading', { name: NAME }).waitFor()
    const pending = await pendingChanges(page)

    await page.getByRole('button', { name: '수정' }).click()
    const form = page.getByRole('dialog', { name: '고객사 정보 수정' })
    await form.getByLabel('등급').selectOption('VIP')
    await form.getByLabel('대표자').fill('김대표')
    await form.getByLabel('웹사이트').fill(LONG_WEBSITE)
    await form.getByRole('button', { name: '저장' }).click()
    await form.waitFor({ state: 'detached' })
    await page.locator('.company-page__badges').getByText('VIP').waitFor()

    await page.getByRole('tab', { name: /담당자/ }).click()
    await page.getByRole('button', { name: '+ 담당자 추가' }).click()
    const contactForm = page.getByRole('dialog', { name: '담당자 추가' })
    await contactForm.getByLabel('성', { exact: true }).fill('홍')
    await contactForm.getByLabel('이름', { exact: true }).fill('길동')
    await contactForm.getByLabel('휴대전화').fill('010-7777-1234')
    await contactForm.getByLabel('이메일').fill('bad-email')
    await contactForm.getByRole('button', { name: '저장' }).click()
    await contactForm.getByText('이메일 형식이 올바르지 않습니다.').waitFor()
    await contactForm.getByLabel('이메일').fill('gildong.hong@learninglab.co.kr')
    await contactForm.getByRole('button', { name: '저장' }).click()
    await contactForm.waitFor({ state: 'detached' })
    await page.getByRole('cell', { name: '홍길동', exact: true }).waitFor()
    expect(await page.getByText('010-7777-1234').count()).toBe(1)

    await page.getByRole('tab', { name: /활동/ }).click()
    const log = page.getByRole('form', { name: '활동 기록' })
    // Type by keyboard from the text field: Alt+6 is KakaoTalk.
    await log.getByLabel('요약').fill('하반기 리더십 과정 일정 안내 보냄')
    await log.getByLabel('요약').press('Alt+Digit6')
    expect(await log.getByRole('radio', { name: '카카오톡' }).getAttribute('aria-checked')).toBe('true')
    await log.getByLabel('요약').press('Enter')
    const timeline = page.getByTestId('timeline')
    await timeline.getByText('하반기 리더십 과정 일정 안내 보냄').waitFor()
    const first = timeline.locator('li').first()
    expect(await first.textContent()).toContain('카카오톡')
    expect(await first.textContent()).toContain(device.userName)
    expect(await timeline.textContent()).toContain('고객사 (주)오프라인러닝랩 수정')
    expect(await timeline.textContent()).toContain('담당자 홍길동 등록')
    // Edit (1) + contact (1) + activity (1).
    expect(await pendingChanges(page)).toBe(pending + 3)
    await statusBar()
      .getByText(`보낼 변경 ${pending + 3}건`)
      .waitFor()
    await screenshot(page, 'customers-company-timeline-ko')

    await page.getByRole('tab', { name: '개요' }).click()
    await screenshot(page, 'customers-company-overview-ko')

    // A long address wraps inside the facts card at 1280×720 instead of widening it past the page (it did before
    // 2026-12-08: the grid's 1fr column took the URL's whole width as its minimum).
    await page.setViewportSize({ width: 1280, height: 720 })
    const facts = page.locator('.facts')
    await facts.getByRole('link', { name: LONG_WEBSITE }).waitFor()
    for (const language of ['ko', 'en'] as const) {
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click()
      await facts.getByText(language === 'en' ? 'Website' : '웹사이트').waitFor()
      const box = await facts.evaluate((el) => {
        const card = el.getBoundingClientRect()
        const link = el.querySelector('a')?.getBoundingClientRect()
        // One line box per label (a grid item's own box stretches to its row, so its height says nothing).
        const lines = (dt: Element): number => {
          const range = document.createRange()
          range.selectNodeContents(dt)
          return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size
        }
        const labels = Array.from(el.querySelectorAll('dt'), (dt) => lines(dt) === 1)
        return { card: card.right, link: link?.right ?? Infinity, page: document.documentElement.clientWidth, labelsOnOneLine: labels.every(Boolean) }
      })
      expect(box.link).toBeLessThanOrEqual(box.card)
      expect(box.card).toBeLessThanOrEqual(box.page)
      // …and the labels keep their width (the URL used to squeeze 고객 코드 onto two lines).
      expect(box.labelsOnOneLine).toBe(true)
      await screenshot(page, `customers-company-overview-long-website-${language}`)
    }
    await page.getByRole('button', { name: '한국어' }).click()
  })

  it('edits a contact, sending only the changed field', async () => {
    const pending = await pendingChanges(page)
    await page.getByRole('tab', { name: /담당자/ }).click()
    await page.getByRole('button', { name: '홍길동 수정' }).click()
    const form = page.getByRole('dialog', { name: '담당자 정보 수정' })
    expect(await form.getByLabel('휴대전화').inputValue()).toBe('010-7777-1234')
    await form.getByLabel('직급').fill('부장')
    await form.getByRole('button', { name: '저장' }).click()
    await form.waitFor({ state: 'detached' })
    await page.getByRole('cell', { name: '부장' }).waitFor()
    await screenshot(page, 'customers-contacts-ko')
    expect(await pendingChanges(page)).toBe(pending + 1)
  })

  it('adds a branch with its own phone, and removes it again', async () => {
    const pending = await pendingChanges(page)
    await page.getByRole('tab', { name: /사업장/ }).click()
    await page.getByRole('button', { name: '+ 사업장 추가' }).click()
    const form = page.getByRole('dialog', { name: '사업장 추가' })
    await form.getByLabel('사업장명').fill('부산지점')
    await form.getByLabel('대표 전화').fill('0517771234')
    await form.getByRole('button', { name: '저장' }).click()
    await form.waitFor({ state: 'detached' })
    await page.getByRole('cell', { name: '051-777-1234' }).waitFor()
    await page.getByRole('button', { name: '부산지점 삭제' }).click()
    await page.getByRole('dialog', { name: '삭제' }).getByRole('button', { name: '삭제' }).click()
    await page.getByRole('cell', { name: '051-777-1234' }).waitFor({ state: 'detached' })
    expect(await pendingChanges(page)).toBe(pending + 2)
    await page.getByRole('tab', { name: '개요' }).click()
  })

  it('deletes the company after confirmation', async () => {
    const pending = await pendingChanges(page)
    await page.getByRole('button', { name: '삭제', exact: true }).click()
    const confirm = page.getByRole('dialog', { name: '고객사 삭제' })
    expect(await confirm.textContent()).toContain(`"${NAME}"을 삭제할까요?`)
    // It says what goes with it, with counts (the head office and the contact added above).
    expect(await confirm.getByTestId('delete-preview').textContent()).toBe('사업장 1곳담당자 1명')
    await screenshot(page, 'customers-delete-confirm-ko')
    await confirm.getByRole('button', { name: '삭제' }).click()
    await page.getByTestId('company-list').waitFor()
    // Company, head office and contact become tombstones: three more changes to send.
    expect(await pendingChanges(page)).toBe(pending + 3)
    await page.getByRole('search').getByRole('combobox').fill('오프라인러닝랩')
    await page.getByText('"오프라인러닝랩"에 대한 결과가 없습니다.').waitFor()
  })

  it('reads in English too', async () => {
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('button', { name: '+ New company' }).waitFor()
    expect(await page.getByTestId('company-count').textContent()).toMatch(/^\d+ companies$/)
    await screenshot(page, 'customers-list-en')
    await page.getByRole('button', { name: '한국어' }).click()
    await page.getByRole('button', { name: '+ 새 고객사' }).waitFor()
    expect(device.pageErrors).toEqual([])
  })
})

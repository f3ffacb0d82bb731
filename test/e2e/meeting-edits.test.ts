/**
 * Editing a meeting without traps (issue 17): "안건 추가" moves focus to the new topic, blank agenda rows do not block
 * saving, a negative length is not counted, the minutes tab of an unsaved meeting offers Save, and the default 대면
 * does not demand an address before one is known.
 */
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './browser'
import { openOfflineDevice, replicaRows, type OfflineDevice } from './offline-device'

let device: OfflineDevice
let page: Page
const TITLE = '연간 교육 계획 협의'

const one = <T>(sql: string, ...params: unknown[]): T => replicaRows<T>(device, sql, ...params)[0] as T

beforeAll(async () => {
  device = await openOfflineDevice({ demoScale: 2000 })
  page = device.page
})

afterAll(async () => {
  await device?.close()
})

describe('editing a meeting without traps', () => {
  it('agenda focus, blank rows, negative minutes, Save on the minutes tab, no address for a planned 대면 meeting', async () => {
    const company = one<{ name: string }>(`SELECT name FROM companies WHERE deleted_at IS NULL ORDER BY name LIMIT 1`)
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '미팅' }).click()
    await page.getByRole('button', { name: '새 미팅' }).click()
    const dialog = page.getByTestId('meeting-dialog')
    await dialog.getByLabel('제목', { exact: true }).fill(TITLE)
    const picker = dialog.getByLabel('고객사', { exact: true })
    await picker.fill(company.name)
    await dialog.getByRole('listbox').getByRole('option').filter({ hasText: company.name }).first().click()

    await dialog.getByRole('tab', { name: /회의록/ }).click()
    await dialog.getByText('미팅을 먼저 저장하면').waitFor()
    await dialog.locator('.meeting-save-first').getByRole('button', { name: '저장' }).waitFor()

    await dialog.getByRole('tab', { name: /안건/ }).click()
    await dialog.getByRole('button', { name: '안건 추가' }).click()
    const topics = dialog.getByLabel('안건', { exact: true })
    await expect.poll(() => topics.first().evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    await page.keyboard.type('예산 검토')
    await dialog.getByLabel('시간(분)').first().fill('30')
    // A second row left blank, and a third with a negative length: the total counts only the valid 30 minutes.
    await dialog.getByRole('button', { name: '안건 추가' }).click()
    await dialog.getByRole('button', { name: '안건 추가' }).click()
    await page.keyboard.type('질의응답')
    await dialog.getByLabel('시간(분)').nth(2).fill('-10')
    await dialog.getByText('계획 시간 합계 30분').waitFor()
    await screenshot(page, 'meetings-agenda-edits-ko')
    await dialog.locator('.meeting-agenda__row').nth(2).getByRole('button', { name: '삭제' }).click()

    await dialog.getByRole('button', { name: '저장', exact: true }).click()
    await dialog.getByText('저장했습니다.').waitFor()
    const meeting = one<{ id: string; location_type: string | null; location_address: string | null }>(
      `SELECT id, location_type, location_address FROM meetings WHERE title = ?`,
      TITLE,
    )
    expect(meeting.location_type).toBe('ONSITE')
    expect(meeting.location_address).toBeNull()
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM meeting_agenda WHERE meeting_id = ? AND deleted_at IS NULL`, meeting.id).n).toBe(1)
    expect(device.pageErrors).toEqual([])
  })

  it('edits a branch (사업장), not only deletes it', async () => {
    const branch = one<{ id: string; name: string; company: string }>(
      `SELECT b.id, b.name, c.name AS company FROM branches b JOIN companies c ON c.id = b.company_id
       WHERE b.deleted_at IS NULL AND c.deleted_at IS NULL AND length(c.name) >= 3 ORDER BY c.name LIMIT 1`,
    )
    // The meeting dialog above is still open: close it first.
    if (await page.getByTestId('meeting-dialog').count()) await page.getByTestId('meeting-dialog').getByRole('button', { name: '닫기' }).click()
    const box = page.getByRole('search').getByRole('combobox')
    await box.fill(branch.company)
    await page
      .getByRole('listbox', { name: '전체 검색' })
      .getByRole('group', { name: '고객사' })
      .getByRole('option')
      .filter({ hasText: branch.company })
      .first()
      .click()
    await page.getByRole('tab', { name: /사업장/ }).click()
    await page.getByRole('button', { name: `${branch.name} 수정` }).click()
    const form = page.getByRole('dialog', { name: '사업장 정보 수정' })
    await form.getByLabel('대표 전화').fill('0517779999')
    await form.getByRole('button', { name: '저장' }).click()
    await form.waitFor({ state: 'detached' })
    await page.getByRole('cell', { name: '051-777-9999' }).waitFor()
    expect(one<{ phone: string }>(`SELECT phone FROM branches WHERE id = ?`, branch.id).phone).toBe('0517779999')
  })

  it('checks probability and a past close date in the app’s own words', async () => {
    const opp = one<{ id: string; title: string }>(
      `SELECT id, title FROM opportunities WHERE deleted_at IS NULL AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') ORDER BY code LIMIT 1`,
    )
    await page.getByRole('search').getByRole('combobox').fill(opp.title)
    await page
      .getByRole('listbox', { name: '전체 검색' })
      .getByRole('group', { name: '영업기회' })
      .getByRole('option')
      .filter({ hasText: opp.title })
      .first()
      .click()
    const dialog = page.getByRole('dialog', { name: `영업기회 상세 · ${opp.title}` })
    await dialog.getByLabel('확률').fill('150')
    await dialog.getByRole('button', { name: '저장' }).click()
    await dialog.getByRole('alert').getByText('확률은 0에서 100 사이의 정수로 입력하세요.').waitFor()
    await dialog.getByLabel('확률').fill('40')
    await dialog.getByLabel('예상 마감일').fill('2020-01-15')
    await dialog.getByRole('button', { name: '저장' }).click()
    await dialog.getByRole('alert').getByText('이미 지났습니다', { exact: false }).waitFor()
    await screenshot(page, 'opportunities-validation-ko')
    expect(one<{ d: string | null }>(`SELECT expected_close_date AS d FROM opportunities WHERE id = ?`, opp.id).d).not.toBe('2020-01-15')
    await dialog.getByRole('button', { name: '저장' }).click()
    await expect.poll(() => one<{ d: string | null }>(`SELECT expected_close_date AS d FROM opportunities WHERE id = ?`, opp.id).d).toBe('2020-01-15')
    expect(one<{ p: number }>(`SELECT probability AS p FROM opportunities WHERE id = ?`, opp.id).p).toBe(40)
  })
})

/**
 * Undo and restore (issue 17), offline on the demo data: a delete says what goes with it (with counts), the toast
 * undoes it, the trash (휴지통) restores it with exactly its children, and leads, opportunities, meetings and
 * activities can be deleted.
 */
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './browser'
import { demoUser, openOfflineDevice, replicaRows, type OfflineDevice } from './offline-device'

let device: OfflineDevice
let page: Page

const all = <T>(sql: string, ...params: unknown[]): T[] => replicaRows<T>(device, sql, ...params)
const one = <T>(sql: string, ...params: unknown[]): T => all<T>(sql, ...params)[0] as T
const deleted = (table: string, id: string): boolean => one<{ d: string | null }>(`SELECT deleted_at AS d FROM ${table} WHERE id = ?`, id).d !== null

beforeAll(async () => {
  device = await openOfflineDevice({ user: demoUser('manager'), demoScale: 2000 })
  page = device.page
})

afterAll(async () => {
  await device?.close()
})

const box = () => page.getByRole('search').getByRole('combobox')
const results = () => page.getByRole('listbox', { name: '전체 검색' })
const toast = () => page.getByTestId('toast')

async function openFromSearch(query: string, group: string, title: string): Promise<void> {
  await box().fill(query)
  await expect.poll(() => results().getAttribute('data-query')).toBe(query)
  await results().getByRole('group', { name: group }).getByRole('option').filter({ hasText: title }).first().click()
}

describe('delete, undo and the trash', () => {
  // A demo company with people: the delete must name its branches and contacts, with counts.
  const company = () =>
    one<{ id: string; name: string; branches: number; contacts: number }>(
      `SELECT c.id, c.name,
              (SELECT count(*) FROM branches b WHERE b.company_id = c.id AND b.deleted_at IS NULL) AS branches,
              (SELECT count(*) FROM contacts p JOIN branches b ON b.id = p.branch_id WHERE b.company_id = c.id AND p.deleted_at IS NULL) AS contacts
       FROM companies c WHERE c.deleted_at IS NULL AND length(c.name) >= 3 ORDER BY contacts DESC, c.name LIMIT 1`,
    )

  it('says what goes with a company, and undoes the delete from the toast', async () => {
    const target = company()
    expect(target.contacts).toBeGreaterThan(0)
    await openFromSearch(target.name, '고객사', target.name)
    await page.getByRole('heading', { name: target.name }).waitFor()
    await page.getByRole('button', { name: '삭제', exact: true }).click()
    const confirm = page.getByRole('dialog', { name: '고객사 삭제' })
    const preview = confirm.getByTestId('delete-preview')
    await preview.getByText(`사업장 ${target.branches}곳`).waitFor()
    await preview.getByText(`담당자 ${target.contacts}명`).waitFor()
    await confirm.getByText('휴지통에서 90일 동안').waitFor()
    await screenshot(page, 'trash-delete-confirm-ko')
    await confirm.getByRole('button', { name: '삭제' }).click()
    await toast().getByText('삭제했습니다', { exact: false }).waitFor()
    expect(deleted('companies', target.id)).toBe(true)
    await screenshot(page, 'trash-undo-toast-ko')

    await toast().getByRole('button', { name: '되돌리기' }).click()
    await toast().getByText('되돌렸습니다', { exact: false }).waitFor()
    expect(deleted('companies', target.id)).toBe(false)
    expect(company()).toEqual(target)
  })

  it('restores a deletion from the trash with its children', async () => {
    const target = company()
    await openFromSearch(target.name, '고객사', target.name)
    await page.getByRole('heading', { name: target.name }).waitFor()
    await page.getByRole('button', { name: '삭제', exact: true }).click()
    await page.getByRole('dialog', { name: '고객사 삭제' }).getByRole('button', { name: '삭제' }).click()
    await page.getByTestId('company-list').waitFor()
    expect(deleted('companies', target.id)).toBe(true)

    await page.getByRole('button', { name: '휴지통' }).click()
    const trash = page.getByRole('dialog', { name: '휴지통' })
    const row = trash.getByTestId('trash-row').filter({ hasText: target.name })
    await row.getByText(`담당자 ${target.contacts}명`, { exact: false }).waitFor()
    await screenshot(page, 'trash-list-ko')
    await row.getByRole('button', { name: '되돌리기' }).click()
    await trash.getByText('휴지통이 비어 있습니다', { exact: false }).waitFor()
    expect(company()).toEqual(target)
    await trash.getByRole('button', { name: '닫기' }).click()
    await trash.waitFor({ state: 'detached' })
  })

  it('deletes a lead, an opportunity, a meeting with its parts, and an activity', async () => {
    const nav = page.getByRole('navigation', { name: '주 메뉴' })

    const lead = one<{ id: string; company_name: string }>(
      `SELECT id, company_name FROM leads WHERE deleted_at IS NULL AND status <> 'CONVERTED' AND length(company_name) >= 3 ORDER BY created_at LIMIT 1`,
    )
    await nav.getByRole('button', { name: '리드' }).click()
    await page.getByRole('searchbox', { name: '리드 검색' }).fill(lead.company_name)
    await page.locator(`tr[data-lead-id="${lead.id}"]`).getByRole('button', { name: lead.company_name }).click()
    const leadDialog = page.getByRole('dialog', { name: `리드 상세 · ${lead.company_name}` })
    await leadDialog.getByRole('button', { name: '삭제', exact: true }).click()
    await page.getByRole('dialog', { name: '리드 삭제' }).getByRole('button', { name: '삭제' }).click()
    await leadDialog.waitFor({ state: 'detached' })
    expect(deleted('leads', lead.id)).toBe(true)

    const opp = one<{ id: string; title: string }>(`SELECT id, title FROM opportunities WHERE deleted_at IS NULL ORDER BY code LIMIT 1`)
    await openFromSearch(opp.title, '영업기회', opp.title)
    const oppDialog = page.getByRole('dialog', { name: `영업기회 상세 · ${opp.title}` })
    await oppDialog.getByRole('button', { name: '삭제', exact: true }).click()
    await page.getByRole('dialog', { name: '영업기회 삭제' }).getByRole('button', { name: '삭제' }).click()
    await oppDialog.waitFor({ state: 'detached' })
    expect(deleted('opportunities', opp.id)).toBe(true)

    await nav.getByRole('button', { name: '미팅' }).click()
    await page.getByRole('button', { name: '목록', exact: true }).click()
    const firstRow = page.getByTestId('meeting-row').first()
    const meetingTitle = (await firstRow.getByRole('button').textContent()) ?? ''
    const meeting = one<{ id: string }>(`SELECT id FROM meetings WHERE title = ? AND deleted_at IS NULL`, meetingTitle)
    const parts = one<{ n: number }>(`SELECT count(*) AS n FROM meeting_participants WHERE meeting_id = ? AND deleted_at IS NULL`, meeting.id).n
    await firstRow.getByRole('button').click()
    await page.getByTestId('meeting-dialog').waitFor()
    await page.getByTestId('meeting-dialog').getByRole('button', { name: '삭제', exact: true }).click()
    const meetingConfirm = page.getByRole('dialog', { name: '미팅 삭제' })
    if (parts > 0) await meetingConfirm.getByText(`참석자 ${parts}명`).waitFor()
    await meetingConfirm.getByRole('button', { name: '삭제' }).click()
    await page.getByTestId('meeting-dialog').waitFor({ state: 'detached' })
    expect(deleted('meetings', meeting.id)).toBe(true)
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM meeting_participants WHERE meeting_id = ? AND deleted_at IS NULL`, meeting.id).n).toBe(0)

    const activity = one<{ id: string; company: string }>(
      `SELECT a.id, c.name AS company FROM activities a JOIN companies c ON c.id = a.entity_id
       WHERE a.entity_type = 'COMPANY' AND a.deleted_at IS NULL AND c.deleted_at IS NULL AND length(c.name) >= 3 ORDER BY a.created_at DESC LIMIT 1`,
    )
    await openFromSearch(activity.company, '고객사', activity.company)
    await page.getByRole('tab', { name: /활동/ }).click()
    const before = await page.getByTestId('timeline').getByRole('button', { name: /삭제/ }).count()
    await page.getByTestId('timeline').getByRole('button', { name: /삭제/ }).first().click()
    await page.getByRole('dialog', { name: '활동 삭제' }).getByRole('button', { name: '삭제' }).click()
    await expect.poll(() => page.getByTestId('timeline').getByRole('button', { name: /삭제/ }).count()).toBe(before - 1)
    expect(device.pageErrors).toEqual([])
  })
})

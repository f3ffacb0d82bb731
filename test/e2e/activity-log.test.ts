/**
 * Logging and fixing activities (issue 17), offline on the demo data: from a lead, an opportunity and a project (not
 * only a company page), a call takes L + the text + Enter (keys counted), is confirmed by a toast, and a mistaken one
 * is corrected in an edit dialog that sends only the changed fields.
 */
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './browser'
import { openOfflineDevice, replicaRows, type OfflineDevice } from './offline-device'

let device: OfflineDevice
let page: Page

const one = <T>(sql: string, ...params: unknown[]): T => replicaRows<T>(device, sql, ...params)[0] as T

beforeAll(async () => {
  device = await openOfflineDevice({ demoScale: 2000 })
  page = device.page
  await page.setViewportSize({ width: 1280, height: 720 })
})

afterAll(async () => {
  await device?.close()
})

const box = () => page.getByRole('search').getByRole('combobox')
const results = () => page.getByRole('listbox', { name: '전체 검색' })

async function openHit(query: string, group: string, title: string): Promise<void> {
  await box().fill(query)
  await expect.poll(() => results().getAttribute('data-query')).toBe(query)
  await results().getByRole('group', { name: group }).getByRole('option').filter({ hasText: title }).first().click()
}

/** Logs a call by keyboard only and returns how many keys it took beyond the text itself. */
async function logCallByKeyboard(text: string): Promise<number> {
  let keys = 0
  const press = async (key: string): Promise<void> => {
    keys += 1
    await page.keyboard.press(key)
  }
  await press('l')
  const summary = page.getByRole('region', { name: '활동 기록' }).getByRole('textbox', { name: '요약' })
  await expect.poll(() => summary.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
  await page.keyboard.type(text)
  await press('Enter')
  await page.getByTestId('toast').getByText('활동을 기록했습니다.').waitFor()
  return keys
}

describe('activities from any record, in a few keys', () => {
  it('a lead: L, the text, Enter — 2 keys beyond the text, a toast, filed on the lead', async () => {
    const lead = one<{ id: string; company_name: string }>(
      `SELECT id, company_name FROM leads WHERE deleted_at IS NULL AND status <> 'CONVERTED' AND length(company_name) >= 3 ORDER BY created_at LIMIT 1`,
    )
    await openHit(lead.company_name, '리드', lead.company_name)
    const dialog = page.getByRole('dialog', { name: `리드 상세 · ${lead.company_name}` })
    await dialog.waitFor()
    const keys = await logCallByKeyboard('예산 확인 전화, 다음 주 제안서 요청')
    expect(keys).toBeLessThanOrEqual(5)
    expect(keys).toBe(2)
    expect(one(`SELECT entity_type, entity_id, activity_type FROM activities WHERE subject = '예산 확인 전화, 다음 주 제안서 요청'`)).toEqual({
      entity_type: 'LEAD',
      entity_id: lead.id,
      activity_type: 'CALL',
    })
    await dialog.getByTestId('timeline').getByText('예산 확인 전화, 다음 주 제안서 요청').waitFor()
    await screenshot(page, 'activities-lead-logged-ko')
  })

  it('fixes a mistaken log: the edit dialog sends only the changed fields', async () => {
    const dialog = page.getByRole('dialog', { name: /리드 상세/ })
    await dialog.getByRole('button', { name: '예산 확인 전화, 다음 주 제안서 요청 수정' }).click()
    const edit = page.getByRole('dialog', { name: '활동 수정' })
    await edit.getByLabel('유형').selectOption({ label: '이메일' })
    await edit.getByLabel('요약').fill('')
    await edit.getByRole('button', { name: '저장' }).click()
    await edit.getByText('필수 입력 항목입니다.').waitFor()
    await edit.getByLabel('요약').fill('예산 확인 메일, 다음 주 제안서 요청')
    await screenshot(page, 'activities-edit-ko')
    await edit.getByRole('button', { name: '저장' }).click()
    await edit.waitFor({ state: 'detached' })
    await page.getByTestId('toast').getByText('활동을 고쳤습니다.').waitFor()
    const row = one<{ id: string; activity_type: string }>(`SELECT id, activity_type FROM activities WHERE subject = '예산 확인 메일, 다음 주 제안서 요청'`)
    expect(row.activity_type).toBe('EMAIL')
    const sent = one<{ fields: string }>(`SELECT fields FROM outbox WHERE table_name = 'activities' AND row_id = ? ORDER BY seq DESC LIMIT 1`, row.id)
    expect(JSON.parse(sent.fields)).toEqual({ activity_type: 'EMAIL', subject: '예산 확인 메일, 다음 주 제안서 요청' })
    await page.keyboard.press('Escape')
  })

  it('an opportunity and a project log the same way', async () => {
    const opp = one<{ id: string; title: string }>(`SELECT id, title FROM opportunities WHERE deleted_at IS NULL ORDER BY code LIMIT 1`)
    await openHit(opp.title, '영업기회', opp.title)
    const dialog = page.getByRole('dialog', { name: `영업기회 상세 · ${opp.title}` })
    await dialog.waitFor()
    // The dialog puts the focus on its first control: for the consultant, who may not delete opportunities and is
    // offered no delete button, that is the title field, where L is a letter. Out of the field first (as on the page).
    await dialog.getByRole('heading', { name: `영업기회 상세 · ${opp.title}` }).click()
    expect(await logCallByKeyboard('교육 일정 조율 통화')).toBe(2)
    expect(one(`SELECT entity_type, entity_id FROM activities WHERE subject = '교육 일정 조율 통화'`)).toEqual({
      entity_type: 'OPPORTUNITY',
      entity_id: opp.id,
    })
    await page.keyboard.press('Escape')

    const project = one<{ id: string; name: string }>(`SELECT id, name FROM projects WHERE deleted_at IS NULL ORDER BY code LIMIT 1`)
    await openHit(project.name, '프로젝트', project.name)
    await page.getByRole('heading', { name: project.name, level: 2 }).waitFor()
    await page.getByRole('heading', { name: project.name, level: 2 }).click()
    expect(await logCallByKeyboard('강사 배정 확인 전화')).toBe(2)
    expect(one(`SELECT entity_type, entity_id FROM activities WHERE subject = '강사 배정 확인 전화'`)).toEqual({
      entity_type: 'PROJECT',
      entity_id: project.id,
    })
  })

  it('a meeting files the call on its opportunity (there is no MEETING activity type)', async () => {
    const meeting = one<{ id: string; title: string; opportunity_id: string }>(
      `SELECT id, title, opportunity_id FROM meetings WHERE deleted_at IS NULL AND opportunity_id IS NOT NULL AND status <> 'CANCELLED' ORDER BY date DESC LIMIT 1`,
    )
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '미팅', exact: true }).click()
    await page.getByRole('button', { name: '새 미팅' }).waitFor()
    await page.evaluate((meetingId) => {
      window.dispatchEvent(new CustomEvent('crm:open-record', { detail: { screen: 'meetings', meetingId } }))
    }, meeting.id)
    const dialog = page.getByTestId('meeting-dialog')
    await dialog.waitFor({ timeout: 10_000 })
    await dialog.getByRole('tab', { name: /회의록/ }).click()
    expect(await logCallByKeyboard('회의 후 후속 일정 확인 전화')).toBe(2)
    expect(one(`SELECT entity_type, entity_id FROM activities WHERE subject = '회의 후 후속 일정 확인 전화'`)).toEqual({
      entity_type: 'OPPORTUNITY',
      entity_id: meeting.opportunity_id,
    })
    await page.keyboard.press('Escape')
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '프로젝트', exact: true }).click()
  })

  it('reads in English', async () => {
    // The toast was written in Korean when it was shown: close it before switching.
    const toast = page.getByTestId('toast')
    if (await toast.locator('.toast').count()) await toast.locator('.toast__close').click()
    await page.getByRole('button', { name: 'English' }).click()
    const panel = page.getByRole('region', { name: 'Activity' })
    await panel.getByText('Alt+L while typing', { exact: false }).scrollIntoViewIfNeeded()
    expect(await panel.innerText()).not.toMatch(/editing\.|activities\./)
    await screenshot(page, 'activities-project-en')
    await page.getByRole('button', { name: '한국어' }).click()
  })
})

/**
 * The lists that had no export, and "everything I can see" as one workbook, on an offline laptop full of demo data
 * through the real renderer, handler table and replica: contacts (with the computed 최근 연락일, also shown on the
 * company page), opportunities, projects, KPIs, then 전체 내보내기 in Korean and in English. Every file is read back
 * (CSV bytes, or the XLSX through exceljs) and compared with the replica itself.
 */
import { readFileSync } from 'node:fs'
import type Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import { type Download, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { todayIsoDate } from '../../src/shared/domain/dates'
import { screenshot } from './browser'
import { openOfflineDevice, replicaRows, type OfflineDevice } from './offline-device'

let device: OfflineDevice
let page: Page
/** A demo contact given a call today, so their 최근 연락일 is known whatever the demo's meetings say. */
let called: { contactId: string; name: string; companyName: string }
const today = todayIsoDate(new Date())

function logCallToday(sqlite: Database.Database): void {
  const row = sqlite
    .prepare(
      `SELECT p.id, p.last_name || p.first_name AS name, c.name AS company FROM contacts p
         JOIN branches b ON b.id = p.branch_id AND b.deleted_at IS NULL
         JOIN companies c ON c.id = b.company_id AND c.deleted_at IS NULL
        WHERE p.deleted_at IS NULL ORDER BY c.name, p.id LIMIT 1`,
    )
    .get() as { id: string; name: string; company: string }
  called = { contactId: row.id, name: row.name, companyName: row.company }
  const now = new Date().toISOString()
  sqlite
    .prepare(
      `INSERT INTO activities (id, entity_type, entity_id, activity_type, subject, start_time, created_at, updated_at)
       VALUES ('0190a000-0000-7000-8000-00000000e001', 'CONTACT', ?, 'CALL', '교육 일정 통화', ?, ?, ?)`,
    )
    .run(row.id, now, now, now)
}

const liveContacts = (): number =>
  replicaRows<{ n: number }>(
    device,
    `SELECT count(*) AS n FROM contacts p JOIN branches b ON b.id = p.branch_id AND b.deleted_at IS NULL
       JOIN companies c ON c.id = b.company_id AND c.deleted_at IS NULL WHERE p.deleted_at IS NULL`,
  )[0]!.n
const live = (table: string): number => replicaRows<{ n: number }>(device, `SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`)[0]!.n

async function download(testId: string, format: 'csv' | 'xlsx'): Promise<Download> {
  await page.getByTestId(`${testId}-button`).click()
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`${testId}-${format}`).click()])
  return file
}

const csvLines = async (file: Download): Promise<string[]> => {
  const bytes = readFileSync(await file.path())
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  return bytes
    .subarray(3)
    .toString('utf8')
    .split('\r\n')
    .filter((l) => l !== '')
}

const workbookOf = async (file: Download): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(new Uint8Array(readFileSync(await file.path())).buffer)
  return workbook
}

const headerOf = (sheet: ExcelJS.Worksheet): string[] => (sheet.getRow(1).values as unknown[]).slice(1).map(String)

beforeAll(async () => {
  device = await openOfflineDevice({ demoScale: 2000, prepare: logCallToday })
  page = device.page
  await page.setViewportSize({ width: 1280, height: 720 })
}, 180_000)

afterAll(async () => {
  await device?.close()
})

describe('exports of every list, and everything I can see', () => {
  it('exports every contact this PC holds with the computed 최근 연락일', async () => {
    await page.getByRole('button', { name: '고객사', exact: true }).click()
    await page.getByTestId('company-list').waitFor()
    const lines = await csvLines(await download('export-contacts', 'csv'))
    expect(lines[0]).toBe('고객사,사업장,이름,부서,직급,직책,휴대전화,전화,이메일,주 담당자,최근 연락일')
    expect(lines).toHaveLength(liveContacts() + 1)
    const row = lines.find((l) => l.includes(called.name) && l.includes(called.companyName))
    expect(row?.endsWith(`,${today}`)).toBe(true)
    await page.getByTestId('export-contacts-button').click()
    await screenshot(page, 'exports-contacts-menu-ko')
    await page.keyboard.press('Escape')
  })

  it('shows the 최근 연락일 on the company page’s contacts', async () => {
    await page.getByLabel('고객사 검색').fill(called.companyName)
    const first = page.locator('.company-table__row', { hasText: called.companyName }).first()
    await first.click()
    await page.getByRole('tab', { name: /담당자/ }).click()
    const row = page.locator('tr', { hasText: called.name })
    await expect.poll(async () => row.getByTestId('contact-last-contacted').textContent()).toBe(today)
    expect(await page.locator('th', { hasText: '최근 연락일' }).count()).toBe(1)
    await screenshot(page, 'exports-contact-last-contacted-ko')
    await page.getByRole('button', { name: /고객사 목록/ }).click()
  })

  it('exports the opportunities and the projects as the lists hold them, amounts as numbers', async () => {
    await page.getByRole('button', { name: '영업기회', exact: true }).click()
    const workbook = await workbookOf(await download('export-opportunities', 'xlsx'))
    const sheet = workbook.worksheets[0]!
    expect(headerOf(sheet).slice(0, 5)).toEqual(['코드', '영업기회', '고객사', '단계', '금액'])
    expect(sheet.rowCount).toBe(live('opportunities') + 1)
    expect(sheet.getColumn(5).numFmt).toBe('#,##0')
    await screenshot(page, 'exports-opportunities-ko')

    await page.getByRole('button', { name: '프로젝트', exact: true }).click()
    await page.getByTestId('project-count').waitFor()
    const lines = await csvLines(await download('export-projects', 'csv'))
    expect(lines[0]).toBe('코드,프로젝트,고객사,상태,단계,우선순위,시작일,종료일,진척(%),매출,이익,이익률(%)')
    expect(lines).toHaveLength(live('projects') + 1)
  })

  it('exports a class roster with every enrolled trainee, the unmarked ones too', async () => {
    const [withRoster] = replicaRows<{ name: string }>(
      device,
      `SELECT p.name FROM projects p JOIN training_sessions s ON s.project_id = p.id AND s.deleted_at IS NULL
         JOIN training_classes k ON k.session_id = s.id AND k.deleted_at IS NULL
         JOIN enrollments e ON e.class_id = k.id AND e.deleted_at IS NULL
        WHERE p.deleted_at IS NULL GROUP BY p.id ORDER BY count(*) DESC LIMIT 1`,
    )
    await page.getByRole('button', { name: withRoster!.name }).first().click()
    await page
      .getByRole('button', { name: /분반 출석부/ })
      .first()
      .click()
    await page.getByTestId('roster').waitFor()
    const rows = await page.locator('[data-row]').count()
    expect(rows).toBeGreaterThan(0)
    const lines = await csvLines(await download('export-attendance', 'csv'))
    expect(lines[0]).toBe('교육일,프로젝트,차수,분반,교육생,사번,소속 회사,출결,출석 시간(분),기록자,기록 시각')
    expect(lines).toHaveLength(rows + 1)
    expect(lines.slice(1).every((l) => l.includes(withRoster!.name))).toBe(true)
    await page.getByTestId('export-attendance-button').click()
    await screenshot(page, 'exports-roster-ko')
    await page.keyboard.press('Escape')
  })

  it('exports the KPIs of the period on screen', async () => {
    await page.getByRole('button', { name: 'KPI', exact: true }).click()
    await page.getByTestId('kpi-period-label').waitFor()
    await expect.poll(() => page.getByTestId('export-kpi-button').isDisabled()).toBe(false)
    const lines = await csvLines(await download('export-kpi', 'csv'))
    expect(lines[0]).toBe('KPI,대상,기간,목표,최소,도전,실적,달성률(%),가중치,실적 출처')
    expect(lines.length).toBeGreaterThan(1)
  })

  it('전체 내보내기: one workbook, a sheet per list, each as long as the replica says', async () => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-all').click()])
    expect(file.suggestedFilename()).toBe(`CRM 전체 ${new Date().toISOString().slice(0, 10)}.xlsx`)
    const workbook = await workbookOf(file)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['고객사', '담당자', '리드', '영업기회', '프로젝트', '미팅', '출결', 'KPI'])
    const sheet = (name: string): ExcelJS.Worksheet => workbook.getWorksheet(name)!
    expect(sheet('고객사').rowCount).toBe(live('companies') + 1)
    expect(sheet('담당자').rowCount).toBe(liveContacts() + 1)
    expect(sheet('영업기회').rowCount).toBe(live('opportunities') + 1)
    expect(sheet('리드').rowCount).toBe(live('leads') + 1)
    const marks = replicaRows<{ n: number }>(
      device,
      `SELECT count(*) AS n FROM attendance_records a JOIN training_classes k ON k.id = a.class_id AND k.deleted_at IS NULL
         JOIN training_sessions s ON s.id = k.session_id AND s.deleted_at IS NULL
         JOIN projects p ON p.id = s.project_id AND p.deleted_at IS NULL
        WHERE a.deleted_at IS NULL`,
    )[0]!.n
    expect(marks).toBeGreaterThan(0)
    expect(sheet('출결').rowCount).toBe(marks + 1)
    expect(headerOf(sheet('출결'))).toEqual([
      '교육일',
      '프로젝트',
      '차수',
      '분반',
      '교육생',
      '사번',
      '소속 회사',
      '출결',
      '출석 시간(분)',
      '기록자',
      '기록 시각',
    ])
    expect(device.pageErrors).toEqual([])
  })

  it('in English the workbook’s sheets and headers are English', async () => {
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('button', { name: 'Companies', exact: true }).click()
    await page.getByTestId('company-list').waitFor()
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-all').click()])
    const workbook = await workbookOf(file)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Companies', 'Contacts', 'Leads', 'Opportunities', 'Projects', 'Meetings', 'Attendance', 'KPI'])
    for (const sheet of workbook.worksheets) expect(headerOf(sheet).join(',')).not.toMatch(/[\uac00-\ud7a3]/)
    expect(headerOf(workbook.getWorksheet('Contacts')!)).toContain('Last contacted')
    await page.getByTestId('export-contacts-button').click()
    await screenshot(page, 'exports-contacts-menu-en')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: '한국어' }).click()
    expect(device.pageErrors).toEqual([])
  })
})

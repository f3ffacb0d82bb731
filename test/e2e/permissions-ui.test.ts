/**
 * The screens follow the role's grants (docs/architecture.md § Permissions in the UI), offline on the demo data:
 * - the demo consultant (SALES_REP: customers and contacts READ CREATE UPDATE, no DELETE) sees edit controls on a
 *   company and its contacts but no delete button; the activities they may delete keep theirs;
 * - the demo coordinator (COORDINATOR: projects READ UPDATE, training READ CREATE UPDATE) edits a project, its sessions
 *   and classes but is offered no delete and no team change;
 * - a user whose role only reads customers and activities (the demo's STAFF role, given to the consultant here) is
 *   offered no create, edit, log or file control on a company, and no "new" on the lists;
 * - a grant withdrawn while a form is open (an administrator's change arriving by sync): the local core refuses the
 *   save with "이 항목을 변경할 권한이 없습니다." and the record and the outbox stay as they were.
 */
import { type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openHarnessDatabase } from '../../scripts/dev-web'
import { screenshot } from './browser'
import { demoUser, openOfflineDevice, pendingChanges, replicaRows, type OfflineDevice } from './offline-device'

const one = <T>(device: OfflineDevice, sql: string, ...params: unknown[]): T => replicaRows<T>(device, sql, ...params)[0] as T

/** Wholly inside the window (not scrolled away in a long dialog). */
async function inViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect()
    return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0
  })
}

async function toEnglish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('navigation', { name: 'Main menu' }).waitFor()
}

async function toKorean(page: Page): Promise<void> {
  await page.getByRole('button', { name: '한국어' }).click()
  await page.getByRole('navigation', { name: '주 메뉴' }).waitFor()
}

describe('a consultant, who may edit customers but not delete them', () => {
  let device: OfflineDevice
  let page: Page

  beforeAll(async () => {
    device = await openOfflineDevice({ user: demoUser('consultant'), demoScale: 2000 })
    page = device.page
    await page.setViewportSize({ width: 1280, height: 720 })
  })

  afterAll(async () => {
    await device?.close()
  })

  // A demo company with contacts and an activity (the activity's delete is the consultant's to use).
  const company = () =>
    one<{ id: string; name: string; representative: string | null }>(
      device,
      `SELECT c.id, c.name, c.representative FROM companies c
       WHERE c.deleted_at IS NULL AND length(c.name) >= 3
         AND EXISTS (SELECT 1 FROM contacts p JOIN branches b ON b.id = p.branch_id WHERE b.company_id = c.id AND p.deleted_at IS NULL)
         AND EXISTS (SELECT 1 FROM activities a WHERE a.entity_type = 'COMPANY' AND a.entity_id = c.id AND a.deleted_at IS NULL)
       ORDER BY c.name LIMIT 1`,
    )

  async function openCompany(name: string): Promise<void> {
    await page
      .getByRole('navigation', { name: /주 메뉴|Main menu/ })
      .getByRole('button', { name: /고객사|Companies/ })
      .first()
      .click()
    const back = page.getByRole('button', { name: /고객사 목록|Companies/ }).filter({ hasText: '←' })
    if (await back.count()) await back.click()
    await page.getByRole('searchbox', { name: /고객사 검색|Search companies/ }).fill(name)
    await page.locator('.company-table__name', { hasText: name }).first().click()
    await page.getByRole('heading', { name }).waitFor()
  }

  it('shows edit controls on a company and its contacts, and no delete button', async () => {
    const target = company()
    await openCompany(target.name)
    const header = page.locator('.company-page__actions')
    await header.getByRole('button', { name: '수정', exact: true }).waitFor()
    expect(await header.getByRole('button', { name: '삭제', exact: true }).count()).toBe(0)

    // The activity timeline: the consultant may delete activities (activities DELETE), so those stay.
    await page.getByRole('tab', { name: /활동/ }).click()
    await page.getByTestId('timeline').getByRole('button', { name: /삭제/ }).first().waitFor()

    await page.getByRole('tab', { name: /담당자/ }).click()
    await page.getByRole('button', { name: '+ 담당자 추가' }).waitFor()
    const rows = page.locator('.cu-table tbody tr')
    await rows.first().getByRole('button', { name: /수정$/ }).waitFor()
    expect(await rows.getByRole('button', { name: /삭제$/ }).count()).toBe(0)
    await screenshot(page, 'permissions-consultant-contacts-ko')

    await toEnglish(page)
    await page.locator('.company-page__actions').getByRole('button', { name: 'Edit', exact: true }).waitFor()
    expect(await page.locator('.company-page__actions').getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0)
    await rows.first().getByRole('button', { name: /Edit$/ }).waitFor()
    expect(await rows.getByRole('button', { name: /Delete$/ }).count()).toBe(0)
    await screenshot(page, 'permissions-consultant-contacts-en')
    await toKorean(page)
  })

  /**
   * The role's grant withdrawn by an administrator, arriving while the consultant's form is open: the replica's
   * directory changes as a pulled page changes it (written behind the app, without an outbox entry), the form stays
   * open, and its save is refused by the local core before anything is written.
   */
  function setCompaniesUpdate(granted: boolean): void {
    const db = openHarnessDatabase(device.dbFile)
    try {
      db.prepare(
        `UPDATE role_permissions SET deleted_at = ?
          WHERE role_id = (SELECT id FROM roles WHERE name = 'SALES_REP')
            AND permission_id = (SELECT id FROM permissions WHERE resource = 'companies' AND action = 'UPDATE')`,
      ).run(granted ? null : new Date().toISOString())
    } finally {
      db.close()
    }
  }

  it('says the change is not permitted when the grant is withdrawn while the form is open, and keeps the record', async () => {
    const target = company()
    const pendingBefore = await pendingChanges(page)
    await openCompany(target.name)
    await page.locator('.company-page__actions').getByRole('button', { name: '수정', exact: true }).click()
    const form = page.getByRole('dialog', { name: '고객사 정보 수정' })
    await form.getByLabel('대표자').fill('권한회수')
    setCompaniesUpdate(false)
    try {
      await form.getByRole('button', { name: '저장', exact: true }).click()
      await form.getByText('이 항목을 변경할 권한이 없습니다.').waitFor()
      // In sight, although the form is long and the save button at its bottom.
      await expect.poll(() => inViewport(form.getByRole('alert'))).toBe(true)
      await screenshot(page, 'permissions-not-permitted-ko')
      expect(one<{ representative: string | null }>(device, 'SELECT representative FROM companies WHERE id = ?', target.id).representative).toBe(
        target.representative,
      )
      expect(await pendingChanges(page)).toBe(pendingBefore)
      await form.getByRole('button', { name: '취소' }).click()
      await form.waitFor({ state: 'detached' })

      // The same in English (the grant back for the form to open, then withdrawn again).
      setCompaniesUpdate(true)
      await toEnglish(page)
      await page.locator('.company-page__actions').getByRole('button', { name: 'Edit', exact: true }).click()
      const english = page.getByRole('dialog', { name: 'Edit company' })
      await english.getByLabel('Representative').fill('Revoked')
      setCompaniesUpdate(false)
      await english.getByRole('button', { name: 'Save', exact: true }).click()
      await english.getByText('You do not have permission to change this record.').waitFor()
      await expect.poll(() => inViewport(english.getByRole('alert'))).toBe(true)
      await screenshot(page, 'permissions-not-permitted-en')
      expect(one<{ representative: string | null }>(device, 'SELECT representative FROM companies WHERE id = ?', target.id).representative).toBe(
        target.representative,
      )
      expect(await pendingChanges(page)).toBe(pendingBefore)
      await english.getByRole('button', { name: 'Cancel' }).click()
      await toKorean(page)
    } finally {
      setCompaniesUpdate(true)
    }
    expect(device.pageErrors).toEqual([])
  })
})

describe('a coordinator, who may edit projects and training but not delete them', () => {
  let device: OfflineDevice
  let page: Page

  beforeAll(async () => {
    device = await openOfflineDevice({ user: demoUser('coordinator'), demoScale: 2000 })
    page = device.page
    await page.setViewportSize({ width: 1280, height: 720 })
  })

  afterAll(async () => {
    await device?.close()
  })

  it('shows a project’s edit controls and no delete, remove or team controls', async () => {
    const project = one<{ name: string }>(
      device,
      `SELECT p.name FROM projects p
       WHERE p.deleted_at IS NULL
         AND EXISTS (SELECT 1 FROM training_sessions s JOIN training_classes k ON k.session_id = s.id
                     WHERE s.project_id = p.id AND s.deleted_at IS NULL AND k.deleted_at IS NULL)
         AND EXISTS (SELECT 1 FROM project_team_members m WHERE m.project_id = p.id AND m.deleted_at IS NULL)
       ORDER BY p.name LIMIT 1`,
    )
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '프로젝트' }).click()
    await page.getByLabel('프로젝트 검색').fill(project.name)
    await page.locator('.project-table').getByRole('button', { name: project.name, exact: true }).first().click()
    await page.getByRole('heading', { name: project.name }).waitFor()

    await page.getByRole('button', { name: '프로젝트 수정' }).waitFor()
    expect(await page.getByRole('button', { name: '프로젝트 삭제' }).count()).toBe(0)
    // Sessions and classes: edit yes, delete no (training: no DELETE).
    await page
      .getByRole('button', { name: /^\d+차 수정$/ })
      .first()
      .waitFor()
    await page
      .getByRole('button', { name: /^\d+차 \d+분반 수정$/ })
      .first()
      .waitFor()
    expect(await page.getByRole('button', { name: /^\d+차 삭제$/ }).count()).toBe(0)
    expect(await page.getByRole('button', { name: /분반 삭제$/ }).count()).toBe(0)
    // The team: projects' team members need projects CREATE / UPDATE / DELETE, which the role has none of.
    expect(await page.getByTestId('project-team').getByRole('button').count()).toBe(0)
    expect(await page.getByRole('button', { name: '팀원 추가' }).count()).toBe(0)
    await screenshot(page, 'permissions-coordinator-project-ko')

    await toEnglish(page)
    await page.getByRole('button', { name: 'Edit project' }).waitFor()
    expect(await page.getByRole('button', { name: 'Delete project' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: / Delete$/ }).count()).toBe(0)
    await screenshot(page, 'permissions-coordinator-project-en')
    await toKorean(page)
    expect(device.pageErrors).toEqual([])
  })
})

describe('a user whose role only reads customers, activities and sales', () => {
  let device: OfflineDevice
  let page: Page
  const reader = demoUser('consultant')

  beforeAll(async () => {
    device = await openOfflineDevice({
      user: reader,
      demoScale: 2000,
      // STAFF (경영지원): companies, contacts, opportunities and activities READ, no leads at all.
      prepare: (sqlite) => sqlite.prepare(`UPDATE users SET role_id = (SELECT id FROM roles WHERE name = 'STAFF') WHERE id = ?`).run(reader.id),
    })
    page = device.page
    await page.setViewportSize({ width: 1280, height: 720 })
  })

  afterAll(async () => {
    await device?.close()
  })

  it('offers no create, edit, log or file control', async () => {
    const target = one<{ name: string }>(
      device,
      `SELECT c.name FROM companies c
       WHERE c.deleted_at IS NULL AND length(c.name) >= 3
         AND EXISTS (SELECT 1 FROM activities a WHERE a.entity_type = 'COMPANY' AND a.entity_id = c.id AND a.deleted_at IS NULL)
       ORDER BY c.name LIMIT 1`,
    )
    const nav = page.getByRole('navigation', { name: '주 메뉴' })
    await nav.getByRole('button', { name: '고객사' }).click()
    await page.getByRole('searchbox', { name: '고객사 검색' }).fill(target.name)
    await page.locator('.company-table__name', { hasText: target.name }).first().click()
    await page.getByRole('heading', { name: target.name }).waitFor()
    await page.getByRole('tab', { name: /개요/ }).waitFor()
    expect(await page.getByRole('button', { name: '새 고객사' }).count()).toBe(0)
    expect(await page.locator('.company-page__actions').getByRole('button').count()).toBe(0)
    expect(await page.getByRole('textbox', { name: '활동 요약' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: '파일 추가' }).count()).toBe(0)
    await page.getByRole('tab', { name: /활동/ }).click()
    await page.getByTestId('timeline').waitFor()
    expect(
      await page
        .getByTestId('timeline')
        .getByRole('button', { name: /수정|삭제/ })
        .count(),
    ).toBe(0)
    await page.getByRole('tab', { name: /담당자/ }).click()
    expect(await page.getByRole('button', { name: '+ 담당자 추가' }).count()).toBe(0)
    expect(await page.locator('.cu-table tbody tr').getByRole('button').count()).toBe(0)
    await page.getByRole('tab', { name: /사업장/ }).click()
    expect(await page.getByRole('button', { name: '+ 사업장 추가' }).count()).toBe(0)
    expect(await page.locator('.cu-table tbody tr').getByRole('button').count()).toBe(0)
    await screenshot(page, 'permissions-reader-company-ko')

    await nav.getByRole('button', { name: '영업기회' }).click()
    await page
      .getByRole('button', { name: /내보내기/ })
      .first()
      .waitFor()
    expect(await page.getByRole('button', { name: '새 영업기회' }).count()).toBe(0)
    await nav.getByRole('button', { name: '리드' }).click()
    await page.getByRole('searchbox', { name: '리드 검색' }).waitFor()
    expect(await page.getByRole('button', { name: '새 리드' }).count()).toBe(0)

    await toEnglish(page)
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Companies' }).click()
    await page.getByRole('heading', { name: target.name }).waitFor()
    expect(await page.getByRole('button', { name: 'New company' }).count()).toBe(0)
    expect(await page.locator('.company-page__actions').getByRole('button').count()).toBe(0)
    await screenshot(page, 'permissions-reader-company-en')
    await toKorean(page)
    expect(device.pageErrors).toEqual([])
  })
})

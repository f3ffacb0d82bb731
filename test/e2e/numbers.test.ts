/**
 * Numbers people believe, through the real renderer, handler table and replica:
 * - a team whose two team KPIs are below their minimum, with four reps at 1-of-1 wins (250 % against a 40 % win-rate
 *   target) and one rep at 0 of 5: the composite is the honest 33.89 %, not the 157 % the old weighted mean gave; the
 *   1-of-1 figures carry a sample mark and are left out, the 0 % rep gets a bar and a label;
 * - a new company's dashboard shows the pipeline's empty state, not axes counting 0원 1원 2원;
 * - amounts read in 만/억 in Korean and ₩M/₩B in English, never 억/만 in English.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { addDays, todayIsoDate } from '../../src/shared/domain/dates'
import { fiscalPeriodOf } from '../../src/shared/domain/fiscal-period'
import { replicaRegistry } from '../../src/main/core/replica/registry'
import { createReplicaStatements } from '../../src/main/core/replica/statements'
import { type Sqlite } from '../../src/main/core/sqlite'
import { screenshot } from './browser'
import { openOfflineDevice, type OfflineDevice } from './offline-device'

let device: OfflineDevice | undefined

afterEach(async () => {
  await device?.close()
  device = undefined
})

const id = (n: number): string => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`
const MANAGER = { id: id(0xa1), lastName: '한', firstName: '지수', tier: 'MANAGER', email: 'lead@numbers.test' }
const REPS = ['강민호', '오세린', '류하준', '문채원', '배도윤'].map((name, i) => ({ id: id(0xb1 + i), lastName: name[0]!, firstName: name.slice(1) }))
const COMPANY = id(0xc1)

/** The team, its wins and losses this quarter, and the targets (as if the server had sent them). */
function seedTeam(sqlite: Sqlite): void {
  const today = todayIsoDate()
  const registry = replicaRegistry()
  const statements = createReplicaStatements(sqlite)
  const stamp = `${addDays(today, -60)}T00:00:00.000Z`
  const row = (table: string, rowId: string, fields: Record<string, unknown>): void =>
    statements.upsertFields(registry.require(table), rowId, { created_at: stamp, updated_at: stamp, ...fields })
  const role = id(0xf0)
  row('roles', role, { name: 'SALES_REP' })
  const team = id(0xd1)
  row('users', MANAGER.id, {
    email: MANAGER.email,
    first_name: MANAGER.firstName,
    last_name: MANAGER.lastName,
    role_id: role,
    user_tier: 'MANAGER',
    is_active: true,
  })
  row('teams', team, { code: 'T9', name: '기업영업3팀', team_lead_id: MANAGER.id, is_active: true })
  row('team_members', id(0xe0), { team_id: team, user_id: MANAGER.id, role: 'LEAD', joined_at: stamp })
  REPS.forEach((rep, i) => {
    row('users', rep.id, {
      email: `rep${i}@numbers.test`,
      first_name: rep.firstName,
      last_name: rep.lastName,
      role_id: role,
      user_tier: 'OPERATOR',
      is_active: true,
    })
    row('team_members', id(0xe1 + i), { team_id: team, user_id: rep.id, role: 'MEMBER', joined_at: stamp })
  })
  row('companies', COMPANY, { code: 'C-N1', name: '(주)369테크', status: 'ACTIVE', tier: 'GOLD', annual_revenue: 369_892_000_000 })

  let n = 0
  const closed = (owner: string, stage: 'CLOSED_WON' | 'CLOSED_LOST'): void => {
    n += 1
    row('opportunities', id(0x1000 + n), {
      code: `O-N${n}`,
      title: `교육 ${n}`,
      company_id: COMPANY,
      stage,
      probability: stage === 'CLOSED_WON' ? 100 : 0,
      amount: 12_345_678,
      currency: 'KRW',
      account_manager_id: owner,
      actual_close_date: today,
    })
  }
  // Four reps win their only deal; the fifth loses five; the lead wins one and loses ten. Team: 5 won of 20 = 25 %.
  for (const rep of REPS.slice(0, 4)) closed(rep.id, 'CLOSED_WON')
  for (let i = 0; i < 5; i += 1) closed(REPS[4]!.id, 'CLOSED_LOST')
  closed(MANAGER.id, 'CLOSED_WON')
  for (let i = 0; i < 10; i += 1) closed(MANAGER.id, 'CLOSED_LOST')

  const quarter = fiscalPeriodOf(today, 'QUARTER')
  const definition = (rowId: string, code: string, name: string, unit: string): void =>
    row('kpi_definitions', rowId, { code, name, category: 'SALES', unit, target_direction: 'INCREASE', frequency: 'QUARTERLY', is_active: true })
  const winUser = id(0x2001)
  const winTeam = id(0x2002)
  const visits = id(0x2003)
  definition(winUser, 'KPI-WIN-USER', '개인 수주율', 'PERCENT')
  definition(winTeam, 'KPI-WIN-TEAM', '팀 수주율', 'PERCENT')
  definition(visits, 'NUM-VISIT-TEAM', '팀 고객 방문', 'COUNT')
  let t = 0
  const target = (definitionId: string, type: 'USER' | 'TEAM', owner: string, value: number, minimum: number | null): string => {
    t += 1
    row('kpi_targets', id(0x3000 + t), {
      kpi_definition_id: definitionId,
      entity_type: type,
      entity_id: owner,
      period_type: 'QUARTER',
      period_year: quarter.fiscalYear,
      period_quarter: quarter.index,
      target_value: value,
      minimum_value: minimum,
      weight: 100,
    })
    return id(0x3000 + t)
  }
  for (const rep of REPS) target(winUser, 'USER', rep.id, 40, 30)
  target(winTeam, 'TEAM', team, 60, 50) // 25 / 60 = 41.67 %, below the minimum of 50
  const visitTarget = target(visits, 'TEAM', team, 100, 80) // 60 / 100 = 60 %, below the minimum of 80
  row('kpi_actuals', id(0x4001), { kpi_target_id: visitTarget, period_date: today, actual_value: 60 })
}

const managerDevice = (): Promise<OfflineDevice> =>
  openOfflineDevice({
    prepare: seedTeam,
    user: { id: MANAGER.id, email: MANAGER.email, tier: 'MANAGER', firstName: MANAGER.firstName, lastName: MANAGER.lastName },
  })

describe('numbers people believe', () => {
  it('KPI: small samples are marked and left out, the composite is honest, a 0 % rep has a bar and a label', async () => {
    device = await managerDevice()
    const { page } = device
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.getByRole('button', { name: 'KPI', exact: true }).click()
    await page.getByRole('button', { name: '우리 팀', exact: true }).click()
    const rows = page.getByTestId('kpi-row')
    await expect.poll(() => rows.count()).toBe(7)

    // (41.67 + 60 + 0) / 3; the old weighted mean over all seven said (41.67 + 60 + 0 + 4 × 250) / 7 = 157.38 %.
    await expect.poll(() => page.getByTestId('kpi-overall').textContent()).toBe('33.89%')
    const composite = (await page.getByTestId('kpi-composite').textContent()) ?? ''
    expect(composite).toContain('목표 3개 반영')
    expect(composite).toContain('표본 5건 미만 4개 제외')

    const rep = rows.filter({ hasText: '강민호' })
    expect(await rep.getByTestId('kpi-achievement').textContent()).toContain('250%')
    expect(await rep.getByTestId('kpi-sample').getAttribute('data-small')).toBe('true')
    expect(await rep.getByTestId('kpi-sample').textContent()).toBe('표본 1건 · 참고용')
    expect(await rep.getByTestId('kpi-weight').textContent()).toContain('미반영')
    const zero = rows.filter({ hasText: '배도윤' })
    expect(await zero.getByTestId('kpi-achievement').textContent()).toContain('0%')
    expect(await zero.getByTestId('kpi-sample').getAttribute('data-small')).toBe('false')
    expect(await zero.getByTestId('kpi-weight').textContent()).toContain('비중 33.33%')

    // Every target has a visible bar (the 0 % one too) and a label; the 1-of-1 labels say their sample.
    const chart = page.locator('.kpi-chart')
    const bars = chart.locator('.recharts-bar-rectangle')
    await expect.poll(() => bars.count()).toBe(7)
    for (const bar of await bars.all()) expect((await bar.boundingBox())?.width ?? 0).toBeGreaterThan(1)
    const labels = await chart.locator('.recharts-label-list text').allTextContents()
    expect(labels).toContain('0%')
    expect(labels.filter((l) => l === '250% (표본 1건)')).toHaveLength(4)
    await screenshot(page, 'kpi-honest-composite-ko')

    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.getByTestId('kpi-composite').textContent()).toContain('Left out, fewer than 5 cases: 4')
    expect(await rep.getByTestId('kpi-sample').textContent()).toBe('n = 1 · indicative')
    await screenshot(page, 'kpi-honest-composite-en')
    await page.getByRole('button', { name: '한국어' }).click()

    // The dashboard's KPI chart marks the same figures.
    await page.getByRole('button', { name: '대시보드', exact: true }).click()
    await expect.poll(async () => (await page.getByTestId('chart-kpi').textContent()) ?? '').toContain('250% (표본 1건)')
    expect(await page.getByTestId('figure-kpi-value').textContent()).toBe('33.89%')
    expect(device.pageErrors).toEqual([])
  }, 180_000)

  it('amounts: 만/억 on the company page in Korean, ₩B in English with no 억/만', async () => {
    device = await managerDevice()
    const { page } = device
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.getByRole('button', { name: '고객사', exact: true }).click()
    await page.locator('.company-table__row', { hasText: '369테크' }).click()
    await page.getByRole('heading', { name: '(주)369테크' }).waitFor()
    const overview = page.locator('main')
    await expect.poll(async () => (await overview.textContent()) ?? '').toContain('3,698억 9,200만원')
    expect(await overview.textContent()).not.toContain('369,892,000,000')
    await screenshot(page, 'numbers-company-amounts-ko')

    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(async () => (await overview.textContent()) ?? '').toContain('₩369.9B')
    expect(await overview.textContent()).not.toMatch(/\d[억만]/)
    await screenshot(page, 'numbers-company-amounts-en')
    await page.getByRole('button', { name: '한국어' }).click()
    expect(device.pageErrors).toEqual([])
  }, 180_000)

  it('pipeline: a company with no open opportunity sees an empty state with its next step, not 0원 1원 2원 axes', async () => {
    device = await openOfflineDevice({ prepare: () => undefined })
    const { page } = device
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.getByRole('button', { name: '대시보드', exact: true }).click()
    const chart = page.getByTestId('chart-pipeline')
    await chart.getByTestId('pipeline-empty').waitFor()
    expect(await chart.textContent()).toContain('진행 중인 영업기회가 없습니다')
    expect(await chart.textContent()).not.toContain('1원')
    expect(await chart.locator('svg.recharts-surface').count()).toBe(0)
    await chart.scrollIntoViewIfNeeded()
    await screenshot(page, 'numbers-pipeline-empty-ko')
    await page.getByRole('button', { name: 'English' }).click()
    await chart.getByText('No open opportunities').waitFor()
    await chart.scrollIntoViewIfNeeded()
    await screenshot(page, 'numbers-pipeline-empty-en')
    await page.getByRole('button', { name: '한국어' }).click()
    expect(device.pageErrors).toEqual([])
  }, 180_000)
})

/**
 * The home dashboard of each tier, offline, through the real renderer, handler table and SQLite replica: a small
 * organisation whose figures were computed by hand (test/support/device/dashboard-fixture.ts) shows 내 현황 to the
 * consultant, 팀 현황 to the team lead and 전사 현황 to the CEO, with a screenshot each.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { seedDashboardFixture, DASHBOARD_EXPECTED, FIXTURE_IDS, FIXTURE_USERS } from '../support/device/dashboard-fixture'
import { replicaRegistry } from '../../src/main/core/replica/registry'
import { createReplicaStatements } from '../../src/main/core/replica/statements'
import { openReplica } from '../../src/main/db/open'
import { harnessReplicaKey } from '../../scripts/dev-web'
import { DEMO_ACCOUNTS } from '../../src/demo/accounts'
import { todayIsoDate } from '../../src/shared/domain/dates'
import { fiscalPeriodLabel, fiscalPeriodOf } from '../../src/shared/domain/fiscal-period'
import { screenshot } from './browser'
import { openOfflineDevice, type OfflineDevice } from './offline-device'

let device: OfflineDevice | undefined

afterEach(async () => {
  await device?.close()
  device = undefined
})

async function openAs(user: (typeof FIXTURE_USERS)[keyof typeof FIXTURE_USERS]): Promise<OfflineDevice> {
  // The renderer's today, in Korea, as the fixture's dates are relative to it.
  const today = todayIsoDate()
  device = await openOfflineDevice({ user, prepare: (sqlite) => seedDashboardFixture(sqlite, today) })
  await device.page.getByRole('button', { name: '대시보드' }).click()
  await device.page.getByTestId('figure-kpi-value').filter({ hasNotText: '—' }).waitFor()
  return device
}

/** The whole dashboard in one picture: the shell scrolls inside a fixed-height window, so the window grows instead. */
async function shoot(d: OfflineDevice, name: string): Promise<void> {
  await d.page.setViewportSize({ width: 1440, height: 2300 })
  await screenshot(d.page, name)
  await d.page.setViewportSize({ width: 1440, height: 900 })
}

/** The device's last sync time, as the sync status reports it. */
const syncedAt = (d: OfflineDevice): Promise<string | null> =>
  d.page.evaluate(async () => {
    const crm = (globalThis as unknown as { crm: { sync: { status(): Promise<{ value?: { lastSyncedAt: string | null } }> } } }).crm
    return (await crm.sync.status()).value?.lastSyncedAt ?? null
  })

const text = async (d: OfflineDevice, testId: string): Promise<string> => ((await d.page.getByTestId(testId).textContent()) ?? '').trim()

describe('home dashboard per tier (offline, hand-computed figures)', () => {
  it('shows the consultant 내 현황: own pipeline, win rate, days per stage, training, KPI and the day', async () => {
    const d = await openAs(FIXTURE_USERS.operator)
    const { page } = d
    expect(await text(d, 'dashboard-title')).toBe('내 현황')
    // 4천만 open (1천만 + 3천만), 1600만 weighted (1백만 + 1천5백만).
    expect(await text(d, 'figure-pipeline-value')).toBe('4000만')
    expect(await text(d, 'figure-pipeline')).toContain('영업기회 2건')
    expect(await text(d, 'figure-forecast-value')).toBe('1600만')
    expect(await text(d, 'figure-win-rate-value')).toBe('100%')
    expect(await text(d, 'figure-attendance-value')).toBe('80%')
    expect(await text(d, 'figure-completion-value')).toBe('50%')
    expect(await text(d, 'figure-completion')).toContain('교육생 2명 중 1명 수료')
    expect(await text(d, 'figure-kpi-value')).toBe(`${DASHBOARD_EXPECTED.OPERATOR.kpiOverall}%`)

    // Days per stage on the bars: 검증 4.5, 니즈 분석 27, 제안 10.
    const stageDays = await text(d, 'chart-stage-days')
    for (const label of ['4.5일', '27일', '10일']) expect(stageDays).toContain(label)
    expect(await text(d, 'chart-kpi')).toContain('75%')
    expect(await text(d, 'chart-training')).toContain('한빛 리더십 과정')

    // The day: two meetings (cancelled and tomorrow's left out), today's class, due items with the overdue marked.
    const meetings = page.getByTestId('my-day-meetings').getByRole('listitem')
    await expect.poll(() => meetings.allTextContents()).toEqual([expect.stringContaining('주간 영업 회의'), expect.stringContaining('교육 제안 미팅')])
    expect(await text(d, 'my-day-classes')).toContain('리더십 3강')
    const items = await page.getByTestId('my-day-action-items').getByRole('listitem').allTextContents()
    expect(items).toEqual([expect.stringMatching(/견적서 송부.*지연/), expect.stringContaining('교안 검토')])
    const followUps = await page.getByTestId('my-day-follow-ups').getByRole('listitem').allTextContents()
    expect(followUps).toEqual([expect.stringMatching(/리더십 과정 제안.*지연.*제안서 발송/), expect.stringContaining('교육 제안 미팅')])
    await shoot(d, 'dashboard-operator')

    // A follow-up opens its opportunity on the 영업기회 screen.
    await page
      .getByTestId('my-day-follow-ups')
      .getByRole('button', { name: /리더십 과정 제안/ })
      .click()
    await page.getByRole('button', { name: '영업기회' }).and(page.locator('[aria-current="page"]')).waitFor()
    await page.getByRole('dialog').getByText('리더십 과정 제안').first().waitFor()
    await page.keyboard.press('Escape')

    // Today's class opens its roster on the 교육 screen.
    await page.getByRole('button', { name: '대시보드' }).click()
    await page
      .getByTestId('my-day-classes')
      .getByRole('button', { name: /리더십 3강/ })
      .click()
    await page.getByRole('region', { name: '출석부' }).waitFor()
    expect(d.pageErrors).toEqual([])
  }, 180_000)

  it("shows the team lead 팀 현황 over the team's records and keeps the day personal", async () => {
    const d = await openAs(FIXTURE_USERS.manager)
    const e = DASHBOARD_EXPECTED.MANAGER
    expect(await text(d, 'dashboard-title')).toBe('팀 현황')
    expect(await text(d, 'figure-pipeline-value')).toBe('8000만')
    expect(await text(d, 'figure-forecast-value')).toBe('4600만')
    expect(await text(d, 'figure-win-rate-value')).toBe(`${e.winRate.percent}%`)
    expect(await text(d, 'figure-win-rate')).toContain('수주 1건 · 실주 1건')
    expect(await text(d, 'figure-attendance-value')).toBe('83.33%')
    expect(await text(d, 'figure-completion-value')).toBe('50%')
    expect(await text(d, 'figure-kpi-value')).toBe('97.5%')
    expect(await text(d, 'chart-stage-days')).toContain('5.7일')
    expect(await d.page.getByTestId('my-day-meetings').getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('주간 영업 회의')])
    expect(await d.page.getByTestId('my-day-action-items').getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('팀 회의록 공유')])
    await shoot(d, 'dashboard-manager')
    expect(d.pageErrors).toEqual([])
  }, 180_000)

  it('shows the CEO 전사 현황 over everything, and the reports export to CSV', async () => {
    const d = await openAs(FIXTURE_USERS.executive)
    const { page } = d
    expect(await text(d, 'dashboard-title')).toBe('전사 현황')
    // 1억 8500만 open → 1.9억; 7150만 weighted.
    expect(await text(d, 'figure-pipeline-value')).toBe('1.9억')
    expect(await page.getByTestId('figure-pipeline-value').getAttribute('title')).toBe('1억 8,500만원')
    expect(await text(d, 'figure-forecast-value')).toBe('7150만')
    expect(await text(d, 'figure-win-rate-value')).toBe('66.67%')
    expect(await text(d, 'figure-attendance-value')).toBe('77.78%')
    expect(await text(d, 'figure-completion-value')).toBe('57.14%')
    const stageDays = await text(d, 'chart-stage-days')
    for (const label of ['5일', '17.5일', '10일']) expect(stageDays).toContain(label)
    expect(await text(d, 'chart-training')).toContain('대한 신입 입문교육')
    await shoot(d, 'dashboard-executive')

    // The pipeline report as CSV: one row per open stage with whole-won amounts.
    const chart = page.getByTestId('chart-pipeline')
    await chart.getByTestId('export-button').click()
    const [download] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('export-csv').click()])
    const stream = await download.createReadStream()
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    const csv = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
    expect(download.suggestedFilename()).toMatch(/^단계별_파이프라인_\d{4}-\d{2}-\d{2}\.csv$/)
    const lines = csv.trim().split(/\r?\n/)
    expect(lines[0]).toBe('단계,건수,금액(원),가중 금액(원)')
    expect(lines.slice(1)).toEqual(['검증,2,15000000,1500000', '니즈 분석,1,100000000,25000000', '제안,1,30000000,15000000', '협상,1,40000000,30000000'])

    // The training report as Excel.
    const training = page.getByTestId('chart-training')
    await training.getByTestId('export-button').click()
    const [xlsx] = await Promise.all([page.waitForEvent('download'), training.getByTestId('export-xlsx').click()])
    expect(xlsx.suggestedFilename()).toMatch(/^프로젝트별_출석률_수료율_\d{4}-\d{2}-\d{2}\.xlsx$/)

    // A project's bar opens its page (running projects come first).
    await training.locator('.recharts-bar-rectangle').first().click()
    await page.getByRole('heading', { name: '한빛 리더십 과정' }).waitFor()
    expect(d.pageErrors).toEqual([])
  }, 180_000)

  it('follows the fiscal year the KPI screen set, and reads again after a sync brings a colleague’s deal', async () => {
    const d = await openAs(FIXTURE_USERS.manager)
    const { page } = d
    const today = todayIsoDate()
    expect(await text(d, 'figure-win-rate')).toContain(fiscalPeriodLabel(fiscalPeriodOf(today, 'QUARTER')))

    // The fiscal year starts in April: the KPI screen's setting, and the dashboard's period follows it.
    await page.getByRole('button', { name: 'KPI', exact: true }).click()
    await page.locator('.kpi-fiscal select').selectOption({ label: '4월' })
    await page.getByRole('button', { name: '대시보드' }).click()
    const aprilQuarter = fiscalPeriodLabel(fiscalPeriodOf(today, 'QUARTER', 4), 4)
    await expect.poll(() => text(d, 'figure-win-rate')).toContain(aprilQuarter)
    await page.getByLabel('기간').selectOption('YEAR')
    await expect.poll(() => text(d, 'figure-win-rate')).toContain(fiscalPeriodLabel(fiscalPeriodOf(today, 'YEAR', 4), 4))
    await page.getByLabel('기간').selectOption('QUARTER')
    await expect.poll(() => text(d, 'figure-win-rate')).toContain(aprilQuarter)
    expect(await text(d, 'figure-pipeline-value')).toBe('8000만')

    // A sync brings the team member's new 1천만 proposal: the replica gets the row and the sync time, as the engine
    // does (this harness has no server). The dashboard reads again once the status bar sees the new sync time.
    const stamp = new Date().toISOString()
    const { sqlite } = openReplica(d.dbFile, { key: harnessReplicaKey(d.dbFile) })
    try {
      createReplicaStatements(sqlite).upsertFields(replicaRegistry().require('opportunities'), '0190a000-0000-7000-8000-000000d5b0ff', {
        code: 'O-SYNC',
        title: '동기화로 온 기회',
        company_id: FIXTURE_IDS.companyA,
        stage: 'PROPOSAL',
        probability: 50,
        amount: 10_000_000,
        currency: 'KRW',
        account_manager_id: FIXTURE_USERS.operator.id,
        created_at: stamp,
        updated_at: stamp,
      })
      sqlite
        .prepare(
          `INSERT INTO sync_state (key, value) VALUES ('last_sync_at', ?)
        ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
        )
        .run(stamp)
    } finally {
      sqlite.close()
    }
    // The device re-reads its status counts at a sync attempt (here one that fails: no network) and pushes the status;
    // the dashboard reads its figures again when the last sync time moves.
    await page.getByRole('button', { name: '지금 동기화' }).click()
    await expect.poll(() => syncedAt(d)).toBe(stamp)
    await expect.poll(() => text(d, 'figure-pipeline-value')).toBe('9000만')
    expect(await text(d, 'figure-pipeline')).toContain('영업기회 4건')
    expect(d.pageErrors).toEqual([])
  }, 180_000)

  it("draws the demo team lead's 팀 현황 from the 20k-row demo replica, the whole call under 100 ms", async () => {
    const manager = DEMO_ACCOUNTS.manager
    device = await openOfflineDevice({
      demoScale: 20_000,
      user: { id: manager.id, email: manager.email, tier: manager.tier, firstName: manager.firstName, lastName: manager.lastName },
    })
    const { page } = device
    await page.getByRole('button', { name: '대시보드' }).click()
    await page.getByTestId('dashboard-title').filter({ hasText: '팀 현황' }).waitFor()
    expect(await text(device, 'figure-pipeline')).toMatch(/영업기회 [1-9]\d*건/)
    // Through the bridge, the HTTP harness, the handler table and the replica: the fastest of five calls.
    const times = await page.evaluate(async (today) => {
      const crm = (globalThis as unknown as { crm: { dashboard: { home(input: unknown): Promise<{ ok: boolean }> } } }).crm
      const out: number[] = []
      for (let i = 0; i < 5; i++) {
        const started = performance.now()
        const result = await crm.dashboard.home({ today, period: 'QUARTER' })
        if (!result.ok) throw new Error('dashboard.home failed')
        out.push(performance.now() - started)
      }
      return out
    }, todayIsoDate())
    console.log(`dashboard.home on the 20k demo replica (MANAGER, browser round trip): ${times.map((t) => t.toFixed(0)).join(', ')} ms`)
    expect(Math.min(...times)).toBeLessThan(100)
    await shoot(device, 'dashboard-demo-manager')
    expect(device.pageErrors).toEqual([])
  }, 180_000)
})

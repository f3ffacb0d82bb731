/**
 * Bulk apply throughput of a first sync: 100,000 pulled rows through the real code path (response validation with the
 * shared zod schema, then engine.applyPage: one transaction per 2,000-row page, cached prepared statements, cursor and
 * watermark in the same transaction). Target ≥ 100k rows/s on the build machines; the assertion is looser so a busy CI
 * machine does not flake, and the measured rate is logged for docs/benchmarks.md.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_PULL_LIMIT, pullResponseSchema, type PullResponse } from '../../../shared/sync/protocol'
import { createDeviceClock } from '../clock'
import { replicaRegistry } from '../replica/registry'
import { createDeviceState } from '../state'
import { countRows, createTempDir, openTestReplica, testId, type TempDir } from '../testing/fixtures'
import { createSyncEngine } from './engine'

const TOTAL = 100_000
const DEVICE = '0190a000-0000-7000-8000-00000000d001'

function activityRow(n: number): Record<string, unknown> {
  return {
    id: testId(n),
    created_at: '2026-11-25T07:39:39.123Z',
    updated_at: '2026-11-25T07:39:39.123Z',
    deleted_at: null,
    created_by: testId(1, '0190a000-0000-7000-8001'),
    updated_by: testId(1, '0190a000-0000-7000-8001'),
    deleted_by: null,
    entity_type: 'companies',
    entity_id: testId(n % 5000, '0190a000-0000-7000-8002'),
    activity_type: 'CALL',
    subject: `통화 ${n}`,
    description: '담당자와 교육 일정 협의',
    start_time: '2026-11-25T07:00:00.000Z',
    end_time: '2026-11-25T07:30:00.000Z',
    duration: 30,
    outcome: null,
    next_action: null,
  }
}

function companyRow(n: number): Record<string, unknown> {
  const row = Object.fromEntries(replicaRegistry().require('companies').columns.map((c) => [c.name, null])) as Record<string, unknown>
  return Object.assign(row, {
    id: testId(n),
    created_at: '2026-11-25T07:39:39.123Z',
    updated_at: '2026-11-25T07:39:39.123Z',
    code: `C-${n}`,
    name: `주식회사 오거스 ${n}`,
    business_number: String(1_000_000_000 + n),
    representative: '홍길동',
    tier: 'GOLD',
    status: 'ACTIVE',
    payment_terms: 30,
    annual_revenue: 12_345_678_900,
    tags: ['교육', 'VIP'],
    custom_fields: {},
  })
}

function measure(dir: TempDir, table: string, makeRow: (n: number) => Record<string, unknown>) {
  const { sqlite } = openTestReplica(dir.file(`${table}.sqlite`))
  const state = createDeviceState(sqlite)
  state.set('device_id', DEVICE)
  const clock = createDeviceClock(state, { deviceId: DEVICE })
  const engine = createSyncEngine({
    sqlite,
    registry: replicaRegistry(),
    state,
    clock,
    transport: { push: () => Promise.reject(new Error('unused')), pull: () => Promise.reject(new Error('unused')) },
  })
  // Build the pages as JSON text, as they arrive over HTTP.
  const pages: string[] = []
  for (let start = 0; start < TOTAL; start += DEFAULT_PULL_LIMIT) {
    const changes = []
    for (let n = start + 1; n <= Math.min(TOTAL, start + DEFAULT_PULL_LIMIT); n++) changes.push({ table, id: testId(n), row: makeRow(n) })
    const page: PullResponse = {
      changes,
      removed: [],
      cursor: String(start + changes.length),
      hasMore: start + changes.length < TOTAL,
      watermark: String(start + changes.length),
      serverTime: new Date().toISOString(),
    }
    pages.push(JSON.stringify(page))
  }
  let applyMs = 0
  const started = performance.now()
  for (const text of pages) {
    const page = pullResponseSchema.parse(JSON.parse(text))
    const t = performance.now()
    engine.applyPage(page)
    applyMs += performance.now() - t
  }
  const totalMs = performance.now() - started
  expect(countRows(sqlite, table)).toBe(TOTAL)
  sqlite.close()
  return { applyRate: Math.round(TOTAL / (applyMs / 1000)), endToEndRate: Math.round(TOTAL / (totalMs / 1000)) }
}

describe('bulk apply rate (first sync)', () => {
  let dir: TempDir
  afterEach(() => dir.remove())

  it(`applies ${TOTAL.toLocaleString('en')} activity rows fast`, { timeout: 60_000 }, () => {
    dir = createTempDir()
    const result = measure(dir, 'activities', activityRow)
    console.log(`[apply-rate] activities (17 columns, no search triggers): apply ${result.applyRate} rows/s; parse+validate+apply ${result.endToEndRate} rows/s`)
    expect(result.applyRate).toBeGreaterThan(50_000)
  })

  it(`applies ${TOTAL.toLocaleString('en')} company rows (FTS5 trigram search triggers) and reports the rate`, { timeout: 120_000 }, () => {
    dir = createTempDir()
    const result = measure(dir, 'companies', companyRow)
    console.log(`[apply-rate] companies (31 columns + search triggers): apply ${result.applyRate} rows/s; parse+validate+apply ${result.endToEndRate} rows/s`)
    expect(result.applyRate).toBeGreaterThan(5_000)
  })
})

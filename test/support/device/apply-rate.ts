/**
 * Bulk apply throughput of a first sync, through the real code path: pages arrive as JSON text, are parsed and
 * validated with the one-pass check the transport uses (shared/sync/pull-response.ts), and SyncEngine.pull applies
 * them — one transaction per page, cached prepared statements, cursor and watermark in the same transaction, WAL checkpoint deferred to the
 * end. Used by sync/apply-rate.test.ts and runnable on its own (outside vitest, whose module transform roughly halves
 * hot-loop throughput):
 *
 *   npx tsx test/support/device/apply-rate.ts [rows]
 */
import { pathToFileURL } from 'node:url'
import { type PullResponse } from '../../../src/shared/sync/protocol'
import { checkPullResponse } from '../../../src/shared/sync/pull-response'
import { createDeviceClock } from '../../../src/main/core/clock'
import { replicaRegistry } from '../../../src/main/core/replica/registry'
import { createDeviceState } from '../../../src/main/core/state'
import { DEFAULT_DEVICE_PULL_LIMIT, createSyncEngine } from '../../../src/main/core/sync/engine'
import { countRows, createTempDir, openTestReplica, testId, type TempDir } from './fixtures'

const DEVICE = '0190a000-0000-7000-8000-00000000d001'

export function activityRow(n: number): Record<string, unknown> {
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

export function companyRow(n: number): Record<string, unknown> {
  const row = Object.fromEntries(
    replicaRegistry()
      .require('companies')
      .columns.map((c) => [c.name, null]),
  ) as Record<string, unknown>
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

export interface ApplyRate {
  /** Rows per second spent in the engine (apply + cursor + pending re-apply + checkpoint), excluding parsing. */
  readonly applyRate: number
  /** Including JSON.parse and validation of every page, as over HTTP. */
  readonly endToEndRate: number
}

/** Pull `TOTAL` rows of `table` into a fresh replica file in `dir` through SyncEngine.pull(). */
export async function measureApplyRate(
  dir: TempDir,
  table: string,
  makeRow: (n: number) => Record<string, unknown>,
  TOTAL: number,
  round = 0,
): Promise<ApplyRate> {
  const { sqlite } = openTestReplica(dir.file(`${table}-${round}.sqlite`))
  const state = createDeviceState(sqlite)
  state.set('device_id', DEVICE)
  const clock = createDeviceClock(state, { deviceId: DEVICE })
  // The pages as JSON text, as they arrive over HTTP.
  const pages: string[] = []
  for (let start = 0; start < TOTAL; start += DEFAULT_DEVICE_PULL_LIMIT) {
    const changes = []
    for (let n = start + 1; n <= Math.min(TOTAL, start + DEFAULT_DEVICE_PULL_LIMIT); n++) changes.push({ table, id: testId(n), row: makeRow(n) })
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
  let parseMs = 0
  const engine = createSyncEngine({
    sqlite,
    registry: replicaRegistry(),
    state,
    clock,
    transport: {
      push: () => Promise.reject(new Error('unused')),
      pull: (request) => {
        const t = performance.now()
        // What the transport does with a response body: JSON.parse + the one-pass pull check.
        const checked = checkPullResponse(JSON.parse(pages[Number(request.cursor ?? 0) / DEFAULT_DEVICE_PULL_LIMIT]!))
        if (!checked.success) throw new Error(checked.error.message)
        const page = checked.data
        parseMs += performance.now() - t
        return Promise.resolve(page)
      },
    },
  })
  const started = performance.now()
  const report = await engine.pull()
  const totalMs = performance.now() - started
  if (report.upserted !== TOTAL || countRows(sqlite, table) !== TOTAL) throw new Error(`expected ${TOTAL} rows in ${table}`)
  sqlite.close()
  return { applyRate: Math.round(TOTAL / ((totalMs - parseMs) / 1000)), endToEndRate: Math.round(TOTAL / (totalMs / 1000)) }
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 100_000)
  const dir = createTempDir('crm-apply-rate-')
  try {
    for (let round = 0; round < 3; round++) {
      const activities = await measureApplyRate(dir, 'activities', activityRow, rows, round)
      console.log(`activities ${rows} rows: apply ${activities.applyRate} rows/s, parse+validate+apply ${activities.endToEndRate} rows/s`)
    }
    const companies = await measureApplyRate(dir, 'companies', companyRow, Math.min(rows, 20_000))
    console.log(
      `companies ${Math.min(rows, 20_000)} rows (search triggers): apply ${companies.applyRate} rows/s, parse+validate+apply ${companies.endToEndRate} rows/s`,
    )
  } finally {
    dir.remove()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main()

/**
 * Issue 13: records created offline never lose to a code collision. Two devices, signed in and then offline, each
 * create 2,500 companies through the app's own create (a company plus its head-office branch: 5,000 creates per device,
 * 10,000 in all) with their clocks frozen in the same second, then sync through the real server: zero rejections, every
 * row on the server, every code distinct and in the one generated format per kind.
 *
 * Before the shared generator (16 random bits per 256 ms time slice) every such run lost 6–14 entries to
 * companies_code_key / branches_code_key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isGeneratedRecordCode } from '../../src/shared/ids/record-code'
import { companyCreateSchema } from '../../src/shared/model/validation/customers'
import { createCustomers } from '../../src/main/core/customers'
import { domainContextOf } from '../../src/main/core/common/context'
import type { TestDevice } from '../support/device/test-device'
import { isSyncError } from '../../src/main/core/sync/errors'
import { startHarness, type Harness } from '../support/sync-harness'

const PER_DEVICE = Number(process.env.CODES_PER_DEVICE ?? 2_500)
const SAME_SECOND = Date.parse('2026-12-07T09:00:00.000Z')

let h: Harness
let a: TestDevice
let b: TestDevice

beforeAll(async () => {
  h = await startHarness()
  const exec = await h.user('EXECUTIVE', '김대표')
  const other = await h.user('EXECUTIVE', '박상무')
  a = await h.signedInDevice(exec, { name: 'a', now: () => SAME_SECOND, pushBatchSize: 100 })
  b = await h.signedInDevice(other, { name: 'b', now: () => SAME_SECOND + 999, pushBatchSize: 100 })
}, 60_000)
afterAll(async () => {
  await h?.close()
})

function createOffline(device: TestDevice, label: string): void {
  const { companies } = createCustomers(domainContextOf(device))
  for (let i = 0; i < PER_DEVICE; i++) {
    const result = companies.create(companyCreateSchema.parse({ name: `오프라인상사 ${label}${i}` }), { allowDuplicates: true })
    expect(result.status).toBe('created')
  }
}

/**
 * Push everything, retrying a dropped connection as the sync loop would: creating 5,000 rows blocks the event loop for
 * long enough that the server closes the idle keep-alive socket from sign-in, and the first request on it fails.
 */
async function pushAll(device: TestDevice): Promise<{ rejected: number }> {
  let rejected = 0
  for (let attempt = 0; device.writer.pendingCount() > 0; attempt++) {
    try {
      rejected += (await device.engine.push()).rejected
    } catch (error) {
      if (!isSyncError(error) || error.kind !== 'offline' || attempt >= 5) throw error
    }
  }
  return { rejected }
}

describe('offline record codes', () => {
  it('10,000 offline creates on two devices in the same second sync with zero rejections', async () => {
    createOffline(a, 'A')
    createOffline(b, 'B')
    expect(a.writer.pendingCount()).toBe(2 * PER_DEVICE)
    expect(b.writer.pendingCount()).toBe(2 * PER_DEVICE)

    const [pushA, pushB] = await Promise.all([pushAll(a), pushAll(b)])
    expect(pushA.rejected).toBe(0)
    expect(pushB.rejected).toBe(0)
    expect(a.writer.rejectedCount()).toBe(0)
    expect(b.writer.rejectedCount()).toBe(0)
    expect(a.writer.pendingCount() + b.writer.pendingCount()).toBe(0)

    const { rows } = await h.pool.query<{ code: string; kind: string }>(
      `SELECT code, 'companies' AS kind FROM companies WHERE name LIKE '오프라인상사 %'
       UNION ALL SELECT b.code, 'branches' FROM branches b JOIN companies c ON c.id = b.company_id WHERE c.name LIKE '오프라인상사 %'`,
    )
    expect(rows).toHaveLength(4 * PER_DEVICE)
    expect(new Set(rows.map((r) => r.code)).size).toBe(4 * PER_DEVICE)
    for (const row of rows) expect(isGeneratedRecordCode(row.kind as 'companies' | 'branches', row.code)).toBe(true)
  }, 240_000)
})

/**
 * Scenario 2's offline work (`sync.ts`, and `push-driver.ts` which profiles it): what a consultant's laptop holds
 * after days without a connection.
 */
import type { Pool } from 'pg'
import { DEFAULT_DEMO_PASSWORD } from '../../src/demo'
import { quoteIdent } from '../../src/main/core/sqlite'
import { uuidv7 } from '../../src/shared/ids/uuidv7'
import { createUser } from '../../sync-server/src/users/create-user'
import type { TestDevice } from '../../test/support/device/test-device'

/**
 * The user whose device writes the offline edits. Not the demo EXECUTIVE: the demo's role_permissions rows are in a
 * format the server does not read (actions 'CREATE'/'UPDATE'/'DELETE' and resources such as 'training', where the
 * server matches '<table>:create'), so every write by a demo account is rejected "no permission" (see
 * docs/benchmarks.md). A user whose role has no permission rows gets the EXECUTIVE tier defaults (all writes).
 */
export function createBenchWriter(pool: Pool): ReturnType<typeof createUser> {
  return createUser(pool, { email: 'bench-exec@augu.bench', password: DEFAULT_DEMO_PASSWORD, name: '벤치임원', tier: 'EXECUTIVE', role: 'BENCH_EXECUTIVE' })
}

/** `n` ids of live rows of `table` on the device's replica, in id order (the same ones on every run). */
export function pickIds(device: TestDevice, table: string, n: number, offset = 0): string[] {
  return device.sqlite
    .prepare(`SELECT id FROM ${quoteIdent(table)} WHERE deleted_at IS NULL ORDER BY id LIMIT ? OFFSET ?`)
    .pluck()
    .all(n, offset) as string[]
}

export interface OfflineEdits {
  readonly creates: number
  readonly edits: readonly string[]
  readonly deletes: readonly string[]
}

/**
 * Writes `total` changes through the device's writer: half creates (company → branch → 3 contacts, as a field user
 * adds a new customer), 30% edits of synced contacts (`notes`), the rest deletes of synced activities.
 */
export function writeOfflineEdits(device: TestDevice, accountManagerId: string, total: number, note = '현장에서 수정'): OfflineEdits {
  const creates = Math.round(total * 0.5)
  const edits = pickIds(device, 'contacts', Math.round(total * 0.3))
  const deletes = pickIds(device, 'activities', total - creates - edits.length)
  let written = 0
  while (written < creates) {
    const companyId = uuidv7()
    device.writer.upsert('companies', companyId, {
      code: `OFF-${companyId.slice(-12)}`,
      name: `오프라인 주식회사 ${written}`,
      account_manager_id: accountManagerId,
    })
    const branchId = uuidv7()
    device.writer.upsert('branches', branchId, { company_id: companyId, code: `OB-${branchId.slice(-12)}`, name: '본사' })
    written += 2
    for (let k = 0; k < 3 && written < creates; k++, written++) {
      device.writer.upsert('contacts', uuidv7(), { branch_id: branchId, first_name: '민준', last_name: '김', mobile: '01012345678' })
    }
  }
  for (const id of edits) device.writer.upsert('contacts', id, { notes: note })
  for (const id of deletes) device.writer.remove('activities', id)
  return { creates, edits, deletes }
}

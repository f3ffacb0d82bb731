/**
 * The thin slice, end to end: real device code (local core on real SQLite files) syncing through a real sync server
 * (PostgreSQL + Redis). Two people: an EXECUTIVE (device A) and a MANAGER (device B) who is the account manager of the
 * company, so both have it in scope.
 *
 * Proves: an offline create reaches the other device by syncNow and by the live SSE poke path without a manual sync,
 * also across a server restart (the event stream reconnects and pulls);
 * concurrent edits of different fields both survive; a concurrent edit of the same field is won by the later HLC on
 * every replica and the loser is recorded in a sync_conflicts row that reaches both devices; delete vs edit is a
 * conflict; an undelete brings the row back everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestDevice } from '../support/device/test-device'
import type { TestUser } from '../../sync-server/test/support'
import { eventually, localRow, newId, startHarness, uniqueCode, type Harness } from '../support/sync-harness'

let h: Harness
let exec: TestUser
let manager: TestUser
let a: TestDevice
let b: TestDevice

beforeAll(async () => {
  h = await startHarness()
  exec = await h.user('EXECUTIVE', '김대표')
  manager = await h.user('MANAGER', '이과장')
  a = await h.signedInDevice(exec, { name: 'a' })
  b = await h.signedInDevice(manager, { name: 'b' })
  await h.catchUp(a)
  await h.catchUp(b)
})
afterAll(async () => {
  await h?.close()
})

/** A company (+ branch + contact) created on `device` while offline, then synced. */
async function createTree(device: TestDevice): Promise<{ company: string; branch: string; contact: string }> {
  const company = newId()
  const branch = newId()
  const contact = newId()
  device.writer.transaction(() => {
    device.writer.upsert('companies', company, { code: uniqueCode('C'), name: '아우구교육', account_manager_id: manager.id, tier: 'GOLD' })
    device.writer.upsert('branches', branch, { company_id: company, code: uniqueCode('B'), name: '본사', phone: '0212345678' })
    device.writer.upsert('contacts', contact, { branch_id: branch, first_name: '길동', last_name: '홍', email: 'hong@augu.kr' })
  })
  expect(device.writer.pendingCount()).toBe(3)
  await h.catchUp(device)
  expect(device.writer.pendingCount()).toBe(0)
  expect(device.writer.rejectedCount()).toBe(0)
  return { company, branch, contact }
}

const conflictsOn = (device: TestDevice, rowId: string): Record<string, unknown>[] =>
  device.sqlite.prepare(`SELECT * FROM sync_conflicts WHERE row_id = ? ORDER BY created_at, id`).all(rowId) as Record<string, unknown>[]

describe('device to device through the real server', () => {
  it('an offline create on A reaches B by syncNow, with the server-authored columns', async () => {
    const tree = await createTree(a)
    await h.catchUp(b)
    expect(localRow(b, 'companies', tree.company)).toMatchObject({ name: '아우구교육', tier: 'GOLD', account_manager_id: manager.id, created_by: exec.id })
    expect(localRow(b, 'branches', tree.branch)).toMatchObject({ company_id: tree.company, phone: '0212345678' })
    expect(localRow(b, 'contacts', tree.contact)).toMatchObject({ branch_id: tree.branch, first_name: '길동', last_name: '홍' })
    const { rows } = await h.pool.query(`SELECT name, created_by FROM companies WHERE id = $1`, [tree.company])
    expect(rows[0]).toEqual({ name: '아우구교육', created_by: exec.id })
  })

  /**
   * Live devices: the loop runs and the SSE stream is connected. Which triggers made the loop sync is recorded, so the
   * tests can tell a poke from the periodic backstop. The backstop is short (3 s) because a poke-triggered pull can come
   * back empty: the pull horizon is cluster-wide (pg_snapshot_xmin), and on a shared PostgreSQL another test file's long
   * transaction can hold it back past the moment of the poke (see the report) — then only the next sync delivers.
   */
  async function liveDevice(name: string): Promise<{ live: TestDevice; reasons: string[] }> {
    const live = await h.signedInDevice(manager, { name, live: true, periodMs: 3_000 })
    const reasons: string[] = []
    const loop = live.loop as { trigger: TestDevice['loop']['trigger'] }
    const trigger = loop.trigger
    loop.trigger = (reason) => {
      reasons.push(reason)
      trigger(reason)
    }
    await h.catchUp(live)
    // The loop is running and the event stream is connected before anyone writes.
    await eventually(() => live.status.get().online === true && !live.loop.state.running, 10_000, 'live device idle and online')
    return { live, reasons }
  }

  it('a live device applies a change from another device without a manual sync (SSE poke)', async () => {
    const { live, reasons } = await liveDevice('b-live')
    try {
      reasons.length = 0
      const tree = await createTree(a)
      await eventually(() => reasons.includes('poke'), 10_000, 'poke received')
      await eventually(() => localRow(live, 'contacts', tree.contact) !== undefined, 15_000, 'contact delivered')
      expect(localRow(live, 'companies', tree.company)).toMatchObject({ name: '아우구교육' })

      reasons.length = 0
      a.writer.upsert('companies', tree.company, { description: '실시간 반영' })
      await a.syncNow()
      await eventually(() => reasons.includes('poke'), 10_000, 'poke received')
      await eventually(() => localRow(live, 'companies', tree.company)?.description === '실시간 반영', 15_000, 'edit delivered')
    } finally {
      await live.close()
    }
  })

  it('a live device reconnects after a server restart and keeps receiving changes without a manual sync', async () => {
    const { live, reasons } = await liveDevice('b-restart')
    try {
      reasons.length = 0
      await h.restartServer()
      // Written while the event stream may be down: the reconnect itself pulls (pokes may be missed while away).
      const tree = await createTree(a)
      await eventually(() => reasons.includes('reconnect'), 10_000, 'event stream reconnected')
      await eventually(() => localRow(live, 'contacts', tree.contact) !== undefined, 15_000, 'change delivered after the reconnect')
      // And pokes flow again on the new instance.
      reasons.length = 0
      a.writer.upsert('companies', tree.company, { description: '재시작 후 실시간' })
      await a.syncNow()
      await eventually(() => reasons.includes('poke'), 10_000, 'poke on the new instance')
      await eventually(() => localRow(live, 'companies', tree.company)?.description === '재시작 후 실시간', 15_000, 'edit delivered after the reconnect')
    } finally {
      await live.close()
    }
  })

  it('concurrent offline edits of different fields both survive on both devices, without a conflict', async () => {
    const { company } = await createTree(a)
    await h.catchUp(b)
    a.writer.upsert('companies', company, { name: '아우구교육(주)' })
    b.writer.upsert('companies', company, { description: '교육 전문 기업' })
    await a.syncNow()
    await b.syncNow()
    await h.catchUp(a)
    for (const device of [a, b]) {
      expect(localRow(device, 'companies', company)).toMatchObject({ name: '아우구교육(주)', description: '교육 전문 기업' })
      expect(conflictsOn(device, company)).toEqual([])
    }
  })

  for (const order of ['loser pushes first', 'winner pushes first'] as const) {
    it(`the same field edited on both offline: the later HLC wins everywhere, both devices get the conflict (${order})`, async () => {
      const { company } = await createTree(a)
      await h.catchUp(b)
      const earlier = a.writer.upsert('companies', company, { representative: '김철수' })!
      await new Promise((resolve) => setTimeout(resolve, 5))
      const later = b.writer.upsert('companies', company, { representative: '이영희' })!
      expect(later.hlc > earlier.hlc).toBe(true)
      if (order === 'loser pushes first') {
        await a.syncNow()
        await b.syncNow()
      } else {
        await b.syncNow()
        await a.syncNow()
      }
      await h.catchUp(a)
      await h.catchUp(b)
      const { rows } = await h.pool.query(`SELECT representative FROM companies WHERE id = $1`, [company])
      expect(rows[0].representative).toBe('이영희')
      for (const device of [a, b]) {
        expect(localRow(device, 'companies', company)?.representative).toBe('이영희')
        const conflicts = conflictsOn(device, company)
        expect(conflicts).toHaveLength(1)
        expect(conflicts[0]).toMatchObject({
          table_name: 'companies',
          field: 'representative',
          kind: 'FIELD',
          status: 'OPEN',
          winning_value: JSON.stringify('이영희'),
          winning_hlc: later.hlc,
          winning_user_id: manager.id,
          losing_value: JSON.stringify('김철수'),
          losing_hlc: earlier.hlc,
          losing_user_id: exec.id,
        })
        expect(device.conflicts.listOpen().map((c) => c.rowId)).toContain(company)
      }

      // The loser takes their value back ("apply mine again"): a new edit that now wins everywhere, conflict resolved.
      const conflictId = conflictsOn(a, company)[0]!.id as string
      a.conflicts.applyMine(conflictId)
      await a.syncNow()
      await h.catchUp(b)
      for (const device of [a, b]) {
        expect(localRow(device, 'companies', company)?.representative).toBe('김철수')
        expect(conflictsOn(device, company)[0]).toMatchObject({ status: 'RESOLVED', resolved_by: exec.id })
      }
    })
  }

  it('delete on A vs edit on B: a conflict for both, the row stays deleted; an undelete brings it back with the edit', async () => {
    const { company } = await createTree(a)
    await h.catchUp(b)
    a.writer.remove('companies', company)
    b.writer.upsert('companies', company, { website: 'https://augu.kr' })
    await a.syncNow()
    await b.syncNow()
    await h.catchUp(a)
    await h.catchUp(b)
    const { rows } = await h.pool.query(`SELECT deleted_at, deleted_by, website FROM companies WHERE id = $1`, [company])
    expect(rows[0].deleted_at).not.toBeNull()
    expect(rows[0].deleted_by).toBe(exec.id)
    for (const device of [a, b]) {
      const row = localRow(device, 'companies', company)
      expect(row?.deleted_at).toBe(rows[0].deleted_at)
      expect(row?.website).toBe(rows[0].website)
      const conflicts = conflictsOn(device, company)
      expect(conflicts.map((c) => c.kind)).toContain('EDIT_VS_DELETE')
      const conflict = conflicts.find((c) => c.kind === 'EDIT_VS_DELETE')!
      expect(conflict).toMatchObject({ field: 'deleted_at', winning_user_id: exec.id, losing_user_id: manager.id })
      expect(JSON.parse(conflict.losing_value as string)).toEqual({ website: 'https://augu.kr' })
    }

    // B wants the row back: an undelete is an ordinary field write and merges the same way.
    expect(b.writer.restore('companies', company)).not.toBeNull()
    await b.syncNow()
    await h.catchUp(a)
    const { rows: after } = await h.pool.query(`SELECT deleted_at, deleted_by, website FROM companies WHERE id = $1`, [company])
    expect(after[0]).toEqual({ deleted_at: null, deleted_by: null, website: 'https://augu.kr' })
    for (const device of [a, b]) expect(localRow(device, 'companies', company)).toMatchObject({ deleted_at: null, website: 'https://augu.kr' })
  })

  it('a delete that loses to a concurrent later undelete is recorded (DELETE_VS_UNDELETE) on both devices', async () => {
    const { company } = await createTree(a)
    a.writer.remove('companies', company)
    await a.syncNow()
    await h.catchUp(b)
    expect(localRow(b, 'companies', company)?.deleted_at).not.toBeNull()
    // A deletes again (after its own undelete) while B, concurrently and later, restores.
    a.writer.restore('companies', company)
    await a.syncNow()
    a.writer.remove('companies', company)
    await new Promise((resolve) => setTimeout(resolve, 5))
    b.writer.restore('companies', company)
    await b.syncNow()
    await a.syncNow()
    await h.catchUp(a)
    await h.catchUp(b)
    const { rows } = await h.pool.query(`SELECT deleted_at FROM companies WHERE id = $1`, [company])
    expect(rows[0].deleted_at).toBeNull()
    expect(localRow(b, 'companies', company)?.deleted_at).toBeNull()
    for (const device of [a, b]) expect(conflictsOn(device, company).map((c) => c.kind)).toContain('DELETE_VS_UNDELETE')
  })

  /*
   * Regression: when a pushed write LOSES on every field it carries, the row's values do not change on the server.
   * The server must still send the row back to the writer's devices (a change_log entry addressed to the writer),
   * or the writer's replica keeps showing its losing value forever. Found by these tests against the server before
   * batch.ts logged `lost` rows.
   */
  it('the device whose delete lost to a concurrent undelete is sent the live row back', async () => {
    const { company } = await createTree(a)
    a.writer.remove('companies', company)
    await a.syncNow()
    await h.catchUp(b) // B holds the row deleted
    a.writer.restore('companies', company)
    await a.syncNow() // the server row is live again; B has not pulled that
    a.writer.remove('companies', company) // A deletes again…
    await new Promise((resolve) => setTimeout(resolve, 5))
    b.writer.restore('companies', company) // …and B, later, restores: the same value the server already holds
    await b.syncNow() // no value changes on the server: no change_log entry for the row
    await a.syncNow() // A's delete loses to B's later undelete (a DELETE_VS_UNDELETE conflict is recorded)
    await h.catchUp(a)
    const { rows } = await h.pool.query(`SELECT deleted_at FROM companies WHERE id = $1`, [company])
    expect(localRow(a, 'companies', company)?.deleted_at ?? null).toBe(rows[0].deleted_at)
  })

  it('a device that pulled the winning value while its older edit was pending is sent the winning value after it loses', async () => {
    const { company } = await createTree(a)
    await h.catchUp(b)
    // A edits while a sync is between its push and its pull; B edits the same field a moment later and syncs first.
    a.writer.upsert('companies', company, { website: 'https://a.example' })
    await new Promise((resolve) => setTimeout(resolve, 5))
    b.writer.upsert('companies', company, { website: 'https://b.example' })
    await b.syncNow()
    await h.catchUp(a, { pullOnly: true }) // the pull half of A's sync: B's value arrives, A's pending edit is re-applied on top
    await a.syncNow() // A's edit is pushed, loses (older stamp) and is acknowledged
    await h.catchUp(a)
    const { rows } = await h.pool.query(`SELECT website FROM companies WHERE id = $1`, [company])
    expect(rows[0].website).toBe('https://b.example')
    expect(localRow(a, 'companies', company)?.website).toBe('https://b.example')
  })

  /**
   * Found by the convergence property (seed 1857554658): A's push lost and its answer never arrived; A pulled before
   * retrying, and the pull re-applied the still-pending losing edit over the winning value it brought. The retry was
   * answered `duplicate`, nothing changed on the server after that, so A showed its own losing value for good.
   */
  it('a device whose push answer was lost, and which pulled before the retry, shows the winning value', async () => {
    let dropNextPushAnswer = false
    const c = await h.signedInDevice(exec, {
      name: 'c-lost-answer',
      wrapFetch: (inner) => async (input, init) => {
        const response = await inner(input, init)
        if (dropNextPushAnswer && String(input).endsWith('/v1/sync/push')) {
          dropNextPushAnswer = false
          throw new TypeError('fetch failed (test: response lost after the server committed)')
        }
        return response
      },
    })
    try {
      const { company } = await createTree(a)
      await h.catchUp(b)
      await h.catchUp(c)
      c.writer.upsert('companies', company, { website: 'https://c.example' })
      await new Promise((resolve) => setTimeout(resolve, 5))
      b.writer.upsert('companies', company, { website: 'https://b.example' })
      await b.syncNow()
      dropNextPushAnswer = true
      await expect(c.syncNow()).rejects.toMatchObject({ kind: 'offline' }) // C's edit lost on the server; C never heard
      expect(c.writer.pendingCount()).toBe(1)
      await h.catchUp(c, { pullOnly: true }) // the row comes back with B's value; C's entry is still pending
      await c.syncNow() // the retry: `duplicate`
      await h.catchUp(c)
      expect(c.writer.pendingCount()).toBe(0)
      const { rows } = await h.pool.query(`SELECT website FROM companies WHERE id = $1`, [company])
      expect(rows[0].website).toBe('https://b.example')
      expect(localRow(c, 'companies', company)?.website).toBe('https://b.example')
    } finally {
      await c.close()
    }
  })
})

/**
 * Offline work is never lost, against the real server:
 * - edits made offline survive an app restart (close + reopen of the same SQLite file) and are pushed afterwards;
 * - a crash between the server's commit and the device's acknowledgement (the push response is dropped) is answered
 *   `duplicate` on the next sync and nothing is applied twice (audit rows, change-log rows and values unchanged);
 * - sign-out with pending changes is refused without force; forced, the outbox stays on disk, another account cannot
 *   take the device over, and signing back in as the same user pushes the changes;
 * - a rejected mutation (invalid business number, out of scope) is kept with its reason and visible in the status, and
 *   does not block the edits behind it.
 */
import { AssignmentRefusedError } from '../../src/main/core/outbox/assignment-guard'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestDevice } from '../support/device/test-device'
import type { PushResponse } from '../../src/shared/sync/protocol'
import type { TestUser } from '../../sync-server/test/support'
import { localRow, newId, startHarness, uniqueCode, type Harness } from '../support/sync-harness'

let h: Harness
let exec: TestUser
let operator: TestUser

beforeAll(async () => {
  h = await startHarness()
  exec = await h.user('EXECUTIVE', '김대표')
  operator = await h.user('OPERATOR', '박사원')
})
afterAll(async () => {
  await h?.close()
})

/** A fetch wrapper that records push answers and can drop the next push response after the server committed it. */
function pushRecorder() {
  const responses: PushResponse[] = []
  const control = { dropNextPushResponse: false, offline: false }
  const wrap =
    (inner: typeof fetch): typeof fetch =>
    async (input, init) => {
      if (control.offline) throw new TypeError('fetch failed (test: offline)')
      const response = await inner(input, init)
      if (!String(input).endsWith('/v1/sync/push') || response.status !== 200) return response
      const text = await response.text()
      responses.push(JSON.parse(text) as PushResponse)
      if (control.dropNextPushResponse) {
        control.dropNextPushResponse = false
        throw new TypeError('fetch failed (test: response lost after the server committed)')
      }
      return new Response(text, { status: response.status, headers: response.headers })
    }
  return { responses, control, wrap }
}

const company = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  code: uniqueCode('C'),
  name: '오프라인상사',
  account_manager_id: exec.id,
  ...fields,
})

describe('offline durability', () => {
  it('edits made offline survive a restart and are pushed after it', async () => {
    const recorder = pushRecorder()
    let device: TestDevice = await h.signedInDevice(exec, { name: 'restart', wrapFetch: recorder.wrap })
    await h.catchUp(device)
    recorder.control.offline = true
    const id = newId()
    const branch = newId()
    device.writer.upsert('companies', id, company({ description: '재시작 전' }))
    device.writer.upsert('branches', branch, { company_id: id, code: uniqueCode('B'), name: '부산지점' })
    device.writer.upsert('companies', id, { tier: 'VIP' })
    await expect(device.syncNow()).rejects.toMatchObject({ kind: 'offline' })
    expect(device.writer.pendingCount()).toBe(3)

    device = await device.reopen()
    expect(device.session.current()?.id).toBe(exec.id)
    expect(device.writer.pendingCount()).toBe(3)
    expect(localRow(device, 'companies', id)).toMatchObject({ description: '재시작 전', tier: 'VIP' })
    // Still offline after the restart: the app works, and more edits queue behind the old ones.
    device.writer.upsert('companies', id, { description: '재시작 후' })
    expect(device.writer.pendingCount()).toBe(4)

    recorder.control.offline = false
    await device.syncNow()
    expect(device.writer.pendingCount()).toBe(0)
    const { rows } = await h.pool.query(`SELECT description, tier, created_by FROM companies WHERE id = $1`, [id])
    expect(rows[0]).toEqual({ description: '재시작 후', tier: 'VIP', created_by: exec.id })
    expect(await h.count('branches', 'id = $1', [branch])).toBe(1)
    await device.close()
  })

  it('a push whose response is lost after the server committed is answered duplicate and applied once', async () => {
    const recorder = pushRecorder()
    let device: TestDevice = await h.signedInDevice(exec, { name: 'crash', wrapFetch: recorder.wrap })
    await h.catchUp(device)
    const id = newId()
    device.writer.upsert('companies', id, company({ description: '한 번만' }))
    device.writer.upsert('companies', id, { name: '중복없음(주)' })

    recorder.control.dropNextPushResponse = true
    await expect(device.syncNow()).rejects.toMatchObject({ kind: 'offline' })
    expect(recorder.responses.at(-1)!.results.map((r) => r.status)).toEqual(['applied', 'applied'])
    // The server committed; the device does not know and still holds both entries.
    expect(device.writer.pendingCount()).toBe(2)
    const audit = await h.count('audit_logs', 'row_id = $1', [id])
    const log = await h.count('change_log', 'row_id = $1', [id])
    expect(audit).toBe(2)
    const { rows: before } = await h.pool.query(`SELECT name, description, updated_at, field_hlc FROM companies WHERE id = $1`, [id])

    // The app crashes before it can retry; after the restart the retry is a duplicate.
    device = await device.reopen()
    await device.syncNow()
    expect(recorder.responses.at(-1)!.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate'])
    expect(device.writer.pendingCount()).toBe(0)
    expect(device.writer.rejectedCount()).toBe(0)
    expect(await h.count('audit_logs', 'row_id = $1', [id])).toBe(audit)
    expect(await h.count('change_log', 'row_id = $1', [id])).toBe(log)
    const { rows: after } = await h.pool.query(`SELECT name, description, updated_at, field_hlc FROM companies WHERE id = $1`, [id])
    expect(after).toEqual(before)

    // Later edits get fresh sequence numbers (never reused after the outbox emptied) and apply.
    device.writer.upsert('companies', id, { description: '그 다음 편집' })
    await device.syncNow()
    expect(recorder.responses.at(-1)!.results.map((r) => r.status)).toEqual(['applied'])
    const { rows } = await h.pool.query(`SELECT description FROM companies WHERE id = $1`, [id])
    expect(rows[0].description).toBe('그 다음 편집')
    await device.close()
  })

  it('sign-out with pending changes: refused without force; forced keeps the outbox; the same user signing in pushes it', async () => {
    const device = await h.signedInDevice(exec, { name: 'signout' })
    await h.catchUp(device)
    const id = newId()
    device.writer.upsert('companies', id, company({ description: '로그아웃 전 편집' }))

    expect(await device.session.signOut()).toEqual({ signedOut: false, pending: 1 })
    expect(device.session.current()?.id).toBe(exec.id)
    expect(await device.session.signOut({ force: true })).toEqual({ signedOut: true, pending: 1 })
    expect(device.session.current()).toBeNull()
    expect(device.writer.pendingCount()).toBe(1)
    expect(() => device.writer.upsert('companies', id, { name: 'x' })).toThrow(/Sign in/)
    expect(await h.count('companies', 'id = $1', [id])).toBe(0)

    // Another account may not take the device over while the previous user's changes are unsynced.
    await expect(device.signIn(operator.email, operator.password)).rejects.toThrow(/unsynced/)
    expect(device.writer.pendingCount()).toBe(1)

    // The outbox survives a restart while signed out, too.
    const again = await device.reopen()
    expect(again.session.current()).toBeNull()
    expect(again.writer.pendingCount()).toBe(1)
    await again.signIn(exec.email, exec.password)
    await again.syncNow()
    expect(again.writer.pendingCount()).toBe(0)
    const { rows } = await h.pool.query(`SELECT description, created_by FROM companies WHERE id = $1`, [id])
    expect(rows[0]).toEqual({ description: '로그아웃 전 편집', created_by: exec.id })
    await again.close()
  })

  it('a rejected mutation is kept with its reason, shown in the status, and does not block later edits', async () => {
    const device = await h.signedInDevice(operator, { name: 'rejected' })
    await h.catchUp(device)
    const mine = newId()
    const badNumber = newId()
    const notMine = newId()
    device.writer.upsert('companies', mine, { code: uniqueCode('C'), name: '내 회사', account_manager_id: operator.id })
    // Checksum wrong (the valid number is 1248100998).
    device.writer.upsert('companies', badNumber, { code: uniqueCode('C'), name: '잘못된 번호', business_number: '1248100999', account_manager_id: operator.id })
    // An operator may not create a company managed by someone else: the device refuses it at once (the owner rule,
    // core/outbox/assignment-guard.ts), before anything reaches the outbox or the server.
    expect(() => device.writer.upsert('companies', notMine, { code: uniqueCode('C'), name: '남의 회사', account_manager_id: exec.id })).toThrow(
      AssignmentRefusedError,
    )
    device.writer.upsert('companies', mine, { description: '거절 뒤의 편집' })
    await device.syncNow()

    expect(device.writer.pendingCount()).toBe(0)
    expect(device.writer.rejectedCount()).toBe(1)
    expect(device.status.get()).toMatchObject({ rejectedCount: 1, pendingCount: 0 })
    const rejected = device.writer.listRejected()
    expect(rejected.map((r) => r.rowId)).toEqual([badNumber])
    expect(rejected[0]!.rejectReason).toMatch(/business_number/)
    const { rows } = await h.pool.query(`SELECT id, description FROM companies WHERE id = ANY($1)`, [[mine, badNumber, notMine]])
    expect(rows).toEqual([{ id: mine, description: '거절 뒤의 편집' }])

    // Rejected entries are never re-sent, and further edits keep flowing.
    device.writer.upsert('companies', mine, { tier: 'SILVER' })
    await device.syncNow()
    expect(device.writer.rejectedCount()).toBe(1)
    const { rows: after } = await h.pool.query(`SELECT tier FROM companies WHERE id = $1`, [mine])
    expect(after[0].tier).toBe('SILVER')

    // "Apply mine again" re-sends the rejected change as it was: the same invalid number is rejected again.
    device.writer.applyMineAgain(rejected[0]!.seq)
    await device.syncNow()
    expect(device.writer.listRejected().map((r) => r.rowId)).toEqual([badNumber])
    // The user corrects the number and re-sends the whole row.
    const again = device.writer.listRejected().find((r) => r.rowId === badNumber)!
    expect(device.writer.dismissRejected(again.seq)).toBe(true)
    device.writer.reapply('companies', badNumber, { ...again.fields, business_number: '1248100998' })
    await device.syncNow()
    expect(device.writer.rejectedCount()).toBe(0)
    expect(device.writer.pendingCount()).toBe(0)
    const { rows: fixedRow } = await h.pool.query(`SELECT business_number, name FROM companies WHERE id = $1`, [badNumber])
    expect(fixedRow[0]).toEqual({ business_number: '1248100998', name: '잘못된 번호' })
    // The refused row never existed, on the device or the server.
    expect(localRow(device, 'companies', notMine)).toBeUndefined()
    expect(localRow(device, 'companies', badNumber)).toMatchObject({ business_number: '1248100998' })
    await device.close()
  })
})

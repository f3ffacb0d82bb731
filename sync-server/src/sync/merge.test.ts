import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatHlc } from '../../../src/shared/sync/hlc'
import { companyFields, newId, postJson, signedInDevice, startSyncTestEnv, type SyncTestEnv, type TestDevice } from '../../test/support/sync-kit'

let env: SyncTestEnv
beforeAll(async () => {
  env = await startSyncTestEnv()
})
afterAll(async () => {
  await env?.close()
})

/** Two users who both see one company: its account manager (A) and an executive (B). */
async function sharedCompany(): Promise<{ a: TestDevice; b: TestDevice; id: string }> {
  const a = await signedInDevice(env)
  const b = await signedInDevice(env, 'EXECUTIVE')
  const id = newId()
  const created = await a.push([a.mutation({ table: 'companies', id, fields: companyFields(a.userId, { website: 'https://old.example' }) })])
  expect(created.body.results[0]!.status).toBe('applied')
  await a.sync()
  await b.sync()
  return { a, b, id }
}

const stamp = (device: TestDevice, millis: number): string => formatHlc({ millis, counter: 0, node: device.node })

async function companyRow(id: string): Promise<Record<string, unknown>> {
  const { rows } = await env.pool.query(`SELECT * FROM companies WHERE id = $1`, [id])
  return rows[0] as Record<string, unknown>
}

async function conflictsOf(id: string): Promise<Record<string, unknown>[]> {
  const { rows } = await env.pool.query(`SELECT * FROM sync_conflicts WHERE row_id = $1 ORDER BY created_at`, [id])
  return rows as Record<string, unknown>[]
}

describe('per-field merge', () => {
  it('keeps concurrent edits of different fields from two devices', async () => {
    const { a, b, id } = await sharedCompany()
    const t = Date.now()
    await a.push([a.mutation({ table: 'companies', id, fields: { name: 'A의 이름' }, hlc: stamp(a, t) })])
    await b.push([b.mutation({ table: 'companies', id, fields: { website: 'https://b.example' }, hlc: stamp(b, t + 1) })])
    expect(await companyRow(id)).toMatchObject({ name: 'A의 이름', website: 'https://b.example' })
    expect(await conflictsOf(id)).toEqual([])
  })

  for (const order of ['earlier first', 'later first'] as const) {
    it(`keeps the later edit of the same field and records the loser for both users (${order})`, async () => {
      const { a, b, id } = await sharedCompany()
      const t = Date.now()
      const earlier = a.mutation({ table: 'companies', id, fields: { name: 'A 먼저 편집' }, hlc: stamp(a, t) })
      const later = b.mutation({ table: 'companies', id, fields: { name: 'B 나중 편집' }, hlc: stamp(b, t + 1_000) })
      if (order === 'earlier first') {
        await a.push([earlier])
        await b.push([later])
      } else {
        await b.push([later])
        await a.push([earlier])
      }
      expect((await companyRow(id)).name).toBe('B 나중 편집')
      const conflicts = await conflictsOf(id)
      expect(conflicts).toHaveLength(1)
      expect(conflicts[0]).toMatchObject({
        table_name: 'companies',
        field: 'name',
        kind: 'FIELD',
        status: 'OPEN',
        winning_value: 'B 나중 편집',
        winning_user_id: b.userId,
        winning_device_id: b.deviceId,
        losing_value: 'A 먼저 편집',
        losing_user_id: a.userId,
        losing_device_id: a.deviceId,
        winning_hlc: later.hlc,
        losing_hlc: earlier.hlc,
      })
      // Both users see it: synced as a row, and listed by GET /v1/conflicts.
      for (const device of [a, b]) {
        await device.sync()
        expect(device.row('sync_conflicts', conflicts[0]!.id as string)).toMatchObject({ field: 'name', status: 'OPEN' })
        const listed = await fetch(`${env.server.url}/v1/conflicts`, { headers: device.headers })
        const body = (await listed.json()) as { conflicts: { id: string }[] }
        expect(body.conflicts.map((c) => c.id)).toContain(conflicts[0]!.id)
      }
    })
  }

  it('sends the winning value back to a device whose write lost, even though the row did not change', async () => {
    const { a, b, id } = await sharedCompany()
    const t = Date.now()
    await b.push([b.mutation({ table: 'companies', id, fields: { name: 'B가 이김' }, hlc: stamp(b, t + 1_000) })])
    await a.sync()
    await b.sync()
    // A's older edit loses: nothing in the row changes, but A's device holds its own value until it is told.
    await a.push([a.mutation({ table: 'companies', id, fields: { name: 'A가 짐' }, hlc: stamp(a, t) })])
    const aPages = await a.sync()
    expect(
      aPages
        .flatMap((p) => p.changes)
        .filter((c) => c.id === id)
        .map((c) => c.row.name),
    ).toEqual(['B가 이김'])
    const bPages = await b.sync()
    expect(bPages.flatMap((p) => p.changes).filter((c) => c.table === 'companies' && c.id === id)).toEqual([])
  })

  it('does not call a sequential edit (the writer had pulled the other) a conflict', async () => {
    const { a, b, id } = await sharedCompany()
    await a.push([a.mutation({ table: 'companies', id, fields: { name: '첫 편집' } })])
    await b.sync()
    await b.push([b.mutation({ table: 'companies', id, fields: { name: '두 번째 편집' } })])
    expect((await companyRow(id)).name).toBe('두 번째 편집')
    expect(await conflictsOf(id)).toEqual([])
  })

  it('lets a device resolve a conflict by writing its status', async () => {
    const { a, b, id } = await sharedCompany()
    const t = Date.now()
    await b.push([b.mutation({ table: 'companies', id, fields: { name: 'B' }, hlc: stamp(b, t + 10) })])
    await a.push([a.mutation({ table: 'companies', id, fields: { name: 'A' }, hlc: stamp(a, t) })])
    const [conflict] = await conflictsOf(id)
    await a.sync()
    const { body } = await a.push([
      a.mutation({ table: 'sync_conflicts', id: conflict!.id as string, fields: { status: 'DISMISSED', resolved_at: new Date().toISOString() } }),
    ])
    expect(body.results[0]!.status).toBe('applied')
    const [after] = await conflictsOf(id)
    expect(after).toMatchObject({ status: 'DISMISSED', resolved_by: a.userId })
    const refused = await a.push([a.mutation({ table: 'sync_conflicts', id: conflict!.id as string, fields: { losing_value: 'x' } })])
    expect(refused.body.results[0]!.reason).toMatch(/status or resolved_at only/)
  })
})

describe('deletes are tombstones that merge like fields', () => {
  it('deletes with server time by default, and an undelete is an upsert of deleted_at: null', async () => {
    const { a, id } = await sharedCompany()
    const before = Date.now()
    await a.push([a.mutation({ table: 'companies', id, op: 'delete' })])
    const deleted = await companyRow(id)
    expect(Date.parse(deleted.deleted_at as string)).toBeGreaterThanOrEqual(before - 1_000)
    expect(deleted.deleted_by).toBe(a.userId)
    await a.push([a.mutation({ table: 'companies', id, fields: { deleted_at: null } })])
    expect(await companyRow(id)).toMatchObject({ deleted_at: null, deleted_by: null })
    const { rows } = await env.pool.query(`SELECT action FROM audit_logs WHERE row_id = $1 ORDER BY created_at, id`, [id])
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['CREATE', 'DELETE', 'RESTORE']))
  })

  for (const order of ['delete first', 'edit first'] as const) {
    it(`records EDIT_VS_DELETE when an edit meets a concurrent delete (${order})`, async () => {
      const { a, b, id } = await sharedCompany()
      const t = Date.now()
      const del = b.mutation({ table: 'companies', id, op: 'delete', hlc: stamp(b, t) })
      const edit = a.mutation({ table: 'companies', id, fields: { description: '오프라인 메모' }, hlc: stamp(a, t + 5) })
      if (order === 'delete first') {
        await b.push([del])
        await a.push([edit])
      } else {
        await a.push([edit])
        await b.push([del])
      }
      const row = await companyRow(id)
      expect(row.deleted_at).not.toBeNull()
      expect(row.description).toBe('오프라인 메모')
      const conflicts = await conflictsOf(id)
      expect(conflicts).toHaveLength(1)
      expect(conflicts[0]).toMatchObject({
        kind: 'EDIT_VS_DELETE',
        field: 'deleted_at',
        losing_user_id: a.userId,
        winning_user_id: b.userId,
        losing_value: { description: '오프라인 메모' },
      })
    })
  }

  it('records DELETE_VS_UNDELETE when a delete loses to a later undelete', async () => {
    const { a, b, id } = await sharedCompany()
    await a.push([a.mutation({ table: 'companies', id, op: 'delete' })])
    await a.sync()
    await b.sync()
    const t = Date.now() + 1_000
    // B restores (later stamp); A, not having seen that, deletes again with an earlier stamp.
    await b.push([b.mutation({ table: 'companies', id, fields: { deleted_at: null }, hlc: stamp(b, t + 10) })])
    await a.push([a.mutation({ table: 'companies', id, op: 'delete', fields: { deleted_at: new Date(t).toISOString() }, hlc: stamp(a, t) })])
    expect((await companyRow(id)).deleted_at).toBeNull()
    const conflicts = await conflictsOf(id)
    expect(conflicts.map((c) => c.kind)).toEqual(['DELETE_VS_UNDELETE'])
    expect(conflicts[0]).toMatchObject({ losing_user_id: a.userId, winning_user_id: b.userId, winning_value: null })
  })
})

describe('GET /v1/conflicts', () => {
  it('needs a session', async () => {
    const response = await postJson(`${env.server.url}/v1/sync/pull`, {}, {})
    expect(response.status).toBe(401)
    expect((await fetch(`${env.server.url}/v1/conflicts`)).status).toBe(401)
  })
})

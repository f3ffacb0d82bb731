import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION, type PullResponse } from '../../../src/shared/sync/protocol'
import { encodeCursor } from './cursor'
import { pull } from './pull'
import { companyFields, newId, postJson, signedInDevice, startSyncTestEnv, type SyncTestEnv, type TestDevice } from '../../test/support/sync-kit'

let env: SyncTestEnv
beforeAll(async () => {
  env = await startSyncTestEnv()
})
afterAll(async () => {
  await env?.close()
})

async function createCompanies(device: TestDevice, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => newId())
  const { body } = await device.push(ids.map((id) => device.mutation({ table: 'companies', id, fields: companyFields(device.userId) })))
  expect(body.results.every((r) => r.status === 'applied')).toBe(true)
  return ids
}

describe('POST /v1/sync/pull', () => {
  it('pages the first sync by id, resumes from any cursor, and hands over to the log without losing a change', async () => {
    const writer = await signedInDevice(env, 'EXECUTIVE')
    const ids = await createCompanies(writer, 25)
    const reader = await signedInDevice(env, 'EXECUTIVE')

    const first = await reader.pullPage(10)
    expect(first.changes).toHaveLength(10)
    expect(first.hasMore).toBe(true)
    expect(first.watermark).toBeNull()

    // A change to a row the reader already received, made while the snapshot is being paged.
    const edited = [...(reader.replica.get('companies')?.keys() ?? [])][0] ?? ids[0]!
    await writer.push([writer.mutation({ table: 'companies', id: edited, fields: { name: '스냅샷 중 변경' } })])

    // Resume on a "restarted" device that only kept the cursor.
    const resumed = await signedInDevice(env, 'EXECUTIVE')
    resumed.cursor = reader.cursor
    const pages = await resumed.sync(10)
    const seen = [...first.changes, ...pages.flatMap((p) => p.changes)].filter((c) => c.table === 'companies').map((c) => c.id)
    for (const id of ids) expect(seen).toContain(id)
    expect(pages[pages.length - 1]!.hasMore).toBe(false)
    expect(pages[pages.length - 1]!.watermark).toMatch(/^\d+$/)
    expect(resumed.row('companies', edited)?.name).toBe('스냅샷 중 변경')
  })

  it('renders a snapshot page across tables in id order, counts its rows and resumes after its greatest id', async () => {
    const writer = await signedInDevice(env, 'EXECUTIVE')
    await createCompanies(writer, 12)
    let cursor: string | null = null
    const seen = new Set<string>()
    for (let i = 0; i < 1_000; i++) {
      const stats = { changes: -1, removed: -1 }
      const text = await pull(env.pool, { userId: writer.userId, cursor, limit: 7 }, stats)
      const page = JSON.parse(text) as PullResponse
      // The metrics count (PostgreSQL's count of the page) is the number of objects in the text.
      expect(stats.changes).toBe(page.changes.length)
      expect(page.changes.length).toBeLessThanOrEqual(7)
      for (let k = 1; k < page.changes.length; k++) {
        const [a, b] = [page.changes[k - 1]!, page.changes[k]!]
        if (a.table === b.table) expect(a.id < b.id).toBe(true)
      }
      for (const change of page.changes) {
        expect(change.row.id).toBe(change.id)
        const key = `${change.table}/${change.id}`
        expect(seen.has(key)).toBe(false)
        seen.add(key)
      }
      const next = JSON.parse(Buffer.from(page.cursor, 'base64url').toString()) as { phase: string; table?: string; after?: string | null }
      if (next.phase === 'log') break
      const last = page.changes[page.changes.length - 1]
      if (next.after !== null && last) expect(next).toMatchObject({ table: last.table, after: last.id })
      cursor = page.cursor
    }
    const { rows } = await env.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM companies`)
    expect([...seen].filter((key) => key.startsWith('companies/'))).toHaveLength(rows[0]!.n)
  })

  it('never skips a change committed late by a concurrent transaction', async () => {
    const writer = await signedInDevice(env, 'EXECUTIVE')
    const [slow, fast] = await createCompanies(writer, 2)
    const other = await signedInDevice(env, 'EXECUTIVE')
    const reader = await signedInDevice(env, 'EXECUTIVE')
    await reader.sync()

    // Push A's change_log insert waits on an advisory lock the test holds: A has its txid and stays open.
    await env.pool.query(`CREATE OR REPLACE FUNCTION hold_change_log() RETURNS trigger AS $$
      BEGIN IF NEW.row_id = '${slow}' THEN PERFORM pg_advisory_xact_lock(4242); END IF; RETURN NEW; END $$ LANGUAGE plpgsql`)
    await env.pool.query(`CREATE TRIGGER hold_change_log BEFORE INSERT ON change_log FOR EACH ROW EXECUTE FUNCTION hold_change_log()`)
    const gate = await env.pool.connect()
    try {
      await gate.query('SELECT pg_advisory_lock(4242)')
      const pushA = writer.push([writer.mutation({ table: 'companies', id: slow!, fields: { name: '늦게 커밋' } })])
      await waitFor(async () => {
        const { rows } = await env.pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'`)
        return rows[0].n > 0
      })
      const { rows: waiting } = await env.pool.query(
        `SELECT backend_xid::text AS xid FROM pg_stat_activity WHERE wait_event = 'advisory' AND backend_xid IS NOT NULL`,
      )
      const aTxid = BigInt(waiting[0].xid)
      // Push B (another device: A holds its own device row) starts after A, so its txid is greater; it commits first.
      const pushB = await other.push([other.mutation({ table: 'companies', id: fast!, fields: { name: '먼저 커밋' } })])
      expect(pushB.body.results[0]!.status).toBe('applied')
      const { rows: bLog } = await env.pool.query(`SELECT txid::text FROM change_log WHERE row_id = $1 ORDER BY id DESC LIMIT 1`, [fast])

      const during = await reader.syncNow()
      const delivered = during.flatMap((p) => p.changes.map((c) => c.id))
      expect(delivered).not.toContain(fast)
      expect(BigInt(bLog[0].txid)).toBeGreaterThan(aTxid)
      // The pull stops below A: neither its watermark nor its cursor passes A's transaction while A is open.
      expect(BigInt(during[during.length - 1]!.watermark!)).toBeLessThanOrEqual(aTxid)
      expect(BigInt(JSON.parse(Buffer.from(reader.cursor!, 'base64url').toString()).txid)).toBeLessThanOrEqual(aTxid)

      await gate.query('SELECT pg_advisory_unlock(4242)')
      expect((await pushA).body.results[0]!.status).toBe('applied')
      const afterCommit = await reader.sync()
      const names = new Map(afterCommit.flatMap((p) => p.changes).map((c) => [c.id, c.row.name]))
      expect(names.get(slow!)).toBe('늦게 커밋')
      expect(names.get(fast!)).toBe('먼저 커밋')
      expect(BigInt(afterCommit[afterCommit.length - 1]!.watermark!)).toBeGreaterThan(BigInt(bLog[0].txid))
    } finally {
      await gate.query('SELECT pg_advisory_unlock_all()')
      gate.release()
      await env.pool.query(`DROP TRIGGER IF EXISTS hold_change_log ON change_log`)
    }
  })

  it('returns every column but field_hlc, in the wire encoding the pool gives', async () => {
    const exec = await signedInDevice(env, 'EXECUTIVE')
    const meeting = newId()
    const instructor = newId()
    const company = newId()
    const { body } = await exec.push([
      exec.mutation({
        table: 'companies',
        id: company,
        fields: companyFields(exec.userId, { annual_revenue: 123_456_789_012, custom_fields: { 등급: 'A', 우선: true }, tags: ['제조', '대기업'] }),
      }),
      exec.mutation({
        table: 'instructors',
        id: instructor,
        fields: {
          code: `I-${instructor.slice(-6)}`,
          first_name: '영희',
          last_name: '김',
          email: `${instructor}@example.test`,
          rating: 4.75,
          hourly_rate: 150_000,
        },
      }),
      exec.mutation({
        table: 'meetings',
        id: meeting,
        fields: {
          code: `M-${meeting.slice(-6)}`,
          title: '킥오프',
          target: 'CUSTOMER',
          type: 'INITIAL',
          company_id: company,
          date: '2026-03-01',
          start_time: '09:30',
          end_time: '11:00',
          organizer_id: exec.userId,
        },
      }),
    ])
    expect(body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied'])
    await exec.sync()
    for (const [table, id] of [
      ['companies', company],
      ['instructors', instructor],
      ['meetings', meeting],
      ['users', exec.userId],
    ] as const) {
      const { rows } = await env.pool.query(`SELECT * FROM ${table} WHERE id = $1`, [id])
      const { field_hlc: _stamps, ...expected } = rows[0] as Record<string, unknown>
      expect(exec.row(table, id)).toEqual(expected)
      expect(exec.row(table, id)).not.toHaveProperty('field_hlc')
    }
    expect(exec.row('meetings', meeting)).toMatchObject({ start_time: '09:30', date: '2026-03-01' })
    expect(exec.row('instructors', instructor)).toMatchObject({ rating: 4.75, hourly_rate: 150_000 })
    expect(exec.row('users', exec.userId)).not.toHaveProperty('password_hash')
  })

  it('refuses a garbage or tampered cursor with 400', async () => {
    const device = await signedInDevice(env)
    const pull = (cursor: string) =>
      postJson<{ error: { code: string; message: string } }>(
        `${env.server.url}/v1/sync/pull`,
        { deviceId: device.deviceId, schemaVersion: SCHEMA_VERSION, cursor },
        device.headers,
      )
    for (const cursor of ['garbage!!', 'eyJub3QiOiJhIGN1cnNvciJ9', encodeCursor({ v: 1, phase: 'snapshot', horizon: '1', table: 'audit_logs', after: null })]) {
      const response = await pull(cursor)
      expect(response.status).toBe(400)
      expect(response.body.error.code).toBe('bad_request')
    }
    const ok = await postJson<PullResponse>(
      `${env.server.url}/v1/sync/pull`,
      { deviceId: device.deviceId, schemaVersion: SCHEMA_VERSION, cursor: null },
      device.headers,
    )
    expect(ok.status).toBe(200)
  })
})

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

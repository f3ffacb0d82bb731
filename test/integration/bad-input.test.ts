/**
 * Hostile and broken input, end to end — only what the server's own tests (sync-server/src/**.test.ts) do not cover
 * already. Every case gets its documented answer and changes nothing: the row counts of the affected tables (and the
 * device's last applied seq) are compared before and after.
 *
 * - sync bodies over the limit: 413 payload_too_large; the real device halves its batch and finally keeps the one
 *   oversized change as rejected ("too large") while the rest of its outbox goes through;
 * - malformed JSON and broken envelopes on push and pull (400), more mutations than allowed (400);
 * - values PostgreSQL cannot store (NUL in text and jsonb, over-long varchar, unsafe integers, negative counts,
 *   bad timestamps, SQL in identifiers; a `__proto__` key fails the whole request with 400): each mutation `rejected`, never a 500, the rest
 *   of the push applied;
 * - SQL-looking and unusual Unicode strings are stored verbatim and reach another device verbatim;
 * - other users' rows: an operator cannot resolve someone else's conflict or add a contact to another operator's
 *   branch; spoofed who-columns are replaced by the authenticated user;
 * - tokens: an unsigned (alg none) token, a refresh token used as an access token and vice versa (401); a refresh
 *   token replayed by a thief revokes the whole session, and the device keeps its unsynced work until sign-in;
 *   a demoted user's still-valid access token gets only the new tier's scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestDevice } from '../support/device/test-device'
import { formatHlc, nodeIdForDevice } from '../../src/shared/sync/hlc'
import { SCHEMA_VERSION, type PullResponse, type PushResponse } from '../../src/shared/sync/protocol'
import { login, type TestSession, type TestUser } from '../../sync-server/test/support'
import { localRow, newId, startHarness, uniqueCode, type Harness } from '../support/sync-harness'

const BODY_LIMIT = 256 * 1024

let h: Harness
let exec: TestUser
let op1: TestUser
let op2: TestUser

beforeAll(async () => {
  h = await startHarness({ config: { bodyLimitBytes: BODY_LIMIT } })
  exec = await h.user('EXECUTIVE', '강대표')
  op1 = await h.user('OPERATOR', '문사원')
  op2 = await h.user('OPERATOR', '배사원')
})
afterAll(async () => {
  await h?.close()
})

const COUNTED = ['companies', 'branches', 'contacts', 'sync_conflicts', 'audit_logs', 'change_log'] as const

async function counts(): Promise<Record<(typeof COUNTED)[number], number>> {
  const out = {} as Record<(typeof COUNTED)[number], number>
  // change_log: only entries for everyone. A refused row is sent back to the refused writer (an entry addressed to
  // them), so their replica drops the refused value; that is not a change of shared state.
  for (const table of COUNTED) out[table] = await h.count(table, table === 'change_log' ? 'audience_user_id IS NULL' : 'true')
  return out
}

async function lastApplied(deviceId: string): Promise<number | null> {
  const { rows } = await h.pool.query<{ seq: number }>(`SELECT last_applied_seq AS seq FROM sync_devices WHERE device_id = $1`, [deviceId])
  return rows[0]?.seq ?? null
}

/** A raw client: a signed-in session, its own seq counter and HLC stamps with its node id. */
interface Raw extends TestSession {
  seq: number
  stamp(): string
  post<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }>
  postText<T>(path: string, text: string, headers?: Record<string, string>): Promise<{ status: number; body: T }>
  mutation(table: string, id: string, fields: Record<string, unknown>, op?: 'upsert' | 'delete'): Record<string, unknown>
}

async function raw(user: TestUser): Promise<Raw> {
  const session = await login(h.server().url, { email: user.email, password: user.password })
  const node = nodeIdForDevice(session.deviceId)
  let counter = 0
  const client: Raw = {
    ...session,
    seq: 0,
    stamp: () => formatHlc({ millis: Date.now(), counter: counter++ % 0xffff, node }),
    async post<T>(path: string, body: unknown, headers: Record<string, string> = session.headers) {
      return client.postText<T>(path, JSON.stringify(body), headers)
    },
    async postText<T>(path: string, text: string, headers: Record<string, string> = session.headers) {
      const response = await fetch(`${h.server().url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: text })
      const body = await response.text()
      return { status: response.status, body: (body ? JSON.parse(body) : null) as T }
    },
    mutation: (table, id, fields, op = 'upsert') => ({ seq: ++client.seq, table, id, op, fields, hlc: client.stamp(), base: null }),
  }
  return client
}

const push = (client: Raw, mutations: unknown[], extra: Record<string, unknown> = {}) =>
  client.post<PushResponse & { error?: { code: string } }>('/v1/sync/push', { deviceId: client.deviceId, schemaVersion: SCHEMA_VERSION, mutations, ...extra })

const companyFields = (manager: string, extra: Record<string, unknown> = {}) => ({
  code: uniqueCode('C'),
  name: '검증상사',
  account_manager_id: manager,
  ...extra,
})

describe('bodies and envelopes', () => {
  it('a push over the body limit is 413 and applies nothing; the device splits its batch and sets aside only the oversized change', async () => {
    const client = await raw(exec)
    const before = await counts()
    const seqBefore = await lastApplied(client.deviceId)
    const huge = await push(client, [client.mutation('companies', newId(), companyFields(exec.id, { description: 'x'.repeat(BODY_LIMIT) }))])
    expect(huge.status).toBe(413)
    expect(huge.body.error?.code).toBe('payload_too_large')
    expect(await counts()).toEqual(before)
    expect(await lastApplied(client.deviceId)).toBe(seqBefore)

    const device = await h.signedInDevice(exec, { name: 'big' })
    const ids = [newId(), newId(), newId(), newId()]
    device.writer.upsert('companies', ids[0]!, companyFields(exec.id, { name: '첫째' }))
    device.writer.upsert('companies', ids[1]!, companyFields(exec.id, { name: '큰 설명', description: '가'.repeat(BODY_LIMIT / 2) }))
    device.writer.upsert('companies', ids[2]!, companyFields(exec.id, { name: '셋째' }))
    device.writer.upsert('companies', ids[3]!, companyFields(exec.id, { name: '넷째' }))
    await device.syncNow()
    expect(device.writer.pendingCount()).toBe(0)
    const rejected = device.writer.listRejected()
    expect(rejected.map((r) => [r.rowId, r.rejectReason])).toEqual([[ids[1], 'Too large for the server to accept']])
    const { rows } = await h.pool.query<{ id: string }>(`SELECT id FROM companies WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids])
    expect(rows.map((r) => r.id)).toEqual([ids[0], ids[2], ids[3]].sort())
    await device.close()
  })

  it('malformed JSON, broken envelopes and too many mutations are 400 and change nothing', async () => {
    const client = await raw(exec)
    const good = client.mutation('companies', newId(), companyFields(exec.id))
    const before = await counts()
    const seqBefore = await lastApplied(client.deviceId)
    const cases: Array<[string, Promise<{ status: number; body: { error?: { code: string } } | null }>]> = [
      ['truncated push', client.postText('/v1/sync/push', `{"deviceId":"${client.deviceId}","schemaVersion":1,"mutations":[`)],
      ['truncated pull', client.postText('/v1/sync/pull', `{"deviceId":"${client.deviceId}",`)],
      ['push array body', client.postText('/v1/sync/push', `[${JSON.stringify(good)}]`)],
      ['push null', client.postText('/v1/sync/push', 'null')],
      // The JSON parser refuses prototype keys outright (the whole request), before any of it is looked at.
      [
        '__proto__ key',
        client.postText(
          '/v1/sync/push',
          JSON.stringify({ deviceId: client.deviceId, schemaVersion: SCHEMA_VERSION, mutations: [good] }).replace(
            '"fields":{',
            '"fields":{"__proto__":{"polluted":true},',
          ),
        ),
      ],
      ['mutations not a list', push(client, {} as unknown as unknown[])],
      ['negative seq', push(client, [{ ...good, seq: -1 }])],
      ['fractional seq', push(client, [{ ...good, seq: 1.5 }])],
      ['string seq', push(client, [{ ...good, seq: '1' }])],
      ['unknown envelope key', push(client, [good], { sneaky: true })],
      [
        '10,001 mutations',
        push(
          client,
          Array.from({ length: 10_001 }, (_, i) => ({ seq: i + 1 })),
        ),
      ],
      ['pull limit 0', client.post('/v1/sync/pull', { deviceId: client.deviceId, schemaVersion: SCHEMA_VERSION, cursor: null, limit: 0 })],
      ['pull limit too big', client.post('/v1/sync/pull', { deviceId: client.deviceId, schemaVersion: SCHEMA_VERSION, cursor: null, limit: 10_001 })],
      ['pull cursor too long', client.post('/v1/sync/pull', { deviceId: client.deviceId, schemaVersion: SCHEMA_VERSION, cursor: 'x'.repeat(513) })],
    ]
    for (const [name, request] of cases) {
      const { status, body } = await request
      expect([name, status, body?.error?.code]).toEqual([name, 400, 'bad_request'])
    }
    expect(await counts()).toEqual(before)
    expect(await lastApplied(client.deviceId)).toBe(seqBefore)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // The same device then works normally: nothing was half-applied.
    const ok = await push(client, [good])
    expect(ok.body.results.map((r) => r.status)).toEqual(['applied'])
  })
})

describe('values the database cannot store are rejected per mutation, never a 500', () => {
  it('rejects each bad value with a reason and applies the good mutation after them', async () => {
    const client = await raw(exec)
    const existing = newId()
    expect((await push(client, [client.mutation('companies', existing, companyFields(exec.id))])).body.results[0]!.status).toBe('applied')
    const before = await counts()
    const good = newId()
    const cases: Array<[string, Record<string, unknown>]> = [
      ['NUL in text', client.mutation('companies', newId(), companyFields(exec.id, { name: 'a\u0000b' }))],
      ['NUL in jsonb', client.mutation('companies', newId(), companyFields(exec.id, { custom_fields: { note: 'a\u0000b' } }))],
      ['code over varchar(50)', client.mutation('companies', newId(), companyFields(exec.id, { code: 'C'.repeat(51) }))],
      ['unsafe integer', client.mutation('companies', newId(), companyFields(exec.id, { annual_revenue: 2 ** 60 }))],
      ['negative count', client.mutation('companies', newId(), companyFields(exec.id, { employee_count: -1 }))],
      ['not a timestamp', client.mutation('companies', existing, { deleted_at: 'yesterday' }, 'delete')],
      ['constructor field', client.mutation('companies', newId(), companyFields(exec.id, { constructor: 'x' }))],
      ['SQL in a column name', client.mutation('companies', existing, { 'name" = 1 --': 'x' })],
      ['SQL in a table name', client.mutation('companies; DROP TABLE users', existing, { name: 'x' })],
      ['id in fields differs', client.mutation('companies', existing, { id: newId(), name: 'x' })],
      ['uppercase id', client.mutation('companies', existing.toUpperCase(), { name: 'x' })],
    ]
    const { status, body } = await push(client, [...cases.map(([, m]) => m), client.mutation('companies', good, companyFields(exec.id))])
    expect(status, JSON.stringify(body)).toBe(200)
    const outcomes = body.results.map((r, i) => [cases[i]?.[0] ?? 'good', r.status])
    expect(outcomes).toEqual([...cases.map(([name]) => [name, 'rejected']), ['good', 'applied']])
    for (const result of body.results.slice(0, -1)) expect(result.reason).toEqual(expect.any(String))
    const after = await counts()
    expect(after.companies).toBe(before.companies + 1)
    expect(after.audit_logs).toBe(before.audit_logs + 1)
    const { rows } = await h.pool.query(`SELECT name, deleted_at FROM companies WHERE id = $1`, [existing])
    expect(rows[0]).toEqual({ name: '검증상사', deleted_at: null })
  })

  it('SQL-looking and unusual Unicode strings are stored verbatim and reach another device verbatim', async () => {
    const writer = await h.signedInDevice(exec, { name: 'verbatim-a' })
    const reader = await h.signedInDevice(exec, { name: 'verbatim-b' })
    await h.catchUp(reader)
    const id = newId()
    const values = {
      name: "'); DROP TABLE companies;-- 삼성",
      description: "$1 $$ \\x00 \\' %s %n {{7*7}} <script>alert(1)</script> 👩‍👩‍👧 e\u0301 \u202Eevil \r\n tab\t",
      representative: '홍길동'.repeat(33),
      website: 'javascript:alert(document.cookie)',
    }
    writer.writer.upsert('companies', id, companyFields(exec.id, { ...values, tags: ["a'b", '"c"', '\\d'], custom_fields: { "k'ey": ['v"al', null, 1.5] } }))
    await writer.syncNow()
    expect(writer.writer.listRejected().map((r) => r.rejectReason)).toEqual([])
    const { rows } = await h.pool.query(`SELECT name, description, representative, website, tags, custom_fields FROM companies WHERE id = $1`, [id])
    expect(rows[0]).toEqual({ ...values, tags: ["a'b", '"c"', '\\d'], custom_fields: { "k'ey": ['v"al', null, 1.5] } })
    await h.catchUp(reader)
    expect(localRow(reader, 'companies', id)).toMatchObject({ ...values, tags: JSON.stringify(["a'b", '"c"', '\\d']) })
    expect(await h.count('users')).toBeGreaterThan(0)
    await writer.close()
    await reader.close()
  })
})

describe("other users' rows", () => {
  it('an operator cannot resolve a conflict they are not party to, nor add a contact to another operator’s branch', async () => {
    const owner = await raw(op2)
    const boss = await raw(exec)
    const company = newId()
    const branch = newId()
    await push(owner, [
      owner.mutation('companies', company, companyFields(op2.id)),
      owner.mutation('branches', branch, { company_id: company, code: uniqueCode('B'), name: '본사' }),
    ])
    // A conflict between op2 and the executive on op2's company.
    const later = boss.mutation('companies', company, { name: '대표가 고침' })
    const earlier = {
      ...owner.mutation('companies', company, { name: '담당자가 고침' }),
      hlc: formatHlc({ millis: Date.now() - 5_000, counter: 0, node: nodeIdForDevice(owner.deviceId) }),
    }
    await push(boss, [later])
    await push(owner, [earlier])
    const { rows: conflicts } = await h.pool.query<{ id: string }>(`SELECT id FROM sync_conflicts WHERE row_id = $1`, [company])
    expect(conflicts.length).toBeGreaterThan(0)

    const outsider = await raw(op1)
    const before = await counts()
    const { body } = await push(outsider, [
      outsider.mutation('sync_conflicts', conflicts[0]!.id, { status: 'DISMISSED' }),
      outsider.mutation('contacts', newId(), { branch_id: branch, first_name: '침입', last_name: '김' }),
      outsider.mutation('branches', branch, { name: '빼앗은 지점' }),
    ])
    expect(body.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected'])
    for (const result of body.results) expect(result.reason).toMatch(/scope/)
    expect(await counts()).toEqual(before)
    const { rows } = await h.pool.query(`SELECT status FROM sync_conflicts WHERE id = $1`, [conflicts[0]!.id])
    expect(rows[0].status).toBe('OPEN')
    // Nor does the outsider's pull carry any of it.
    const pulled = await outsider.post<PullResponse>('/v1/sync/pull', { deviceId: outsider.deviceId, schemaVersion: SCHEMA_VERSION, cursor: null })
    const ids = pulled.body.changes.map((c) => c.id)
    expect(ids).not.toContain(company)
    expect(ids).not.toContain(branch)
    expect(ids).not.toContain(conflicts[0]!.id)
  })

  it('spoofed who-columns are replaced by the authenticated user', async () => {
    const client = await raw(op1)
    const id = newId()
    const { body } = await push(client, [
      client.mutation('companies', id, companyFields(op1.id, { created_by: exec.id, updated_by: exec.id, updated_at: '2000-01-01T00:00:00.000Z' })),
    ])
    expect(body.results[0]!.status).toBe('applied')
    const { rows } = await h.pool.query(`SELECT created_by, updated_by, updated_at FROM companies WHERE id = $1`, [id])
    expect(rows[0]).toMatchObject({ created_by: op1.id, updated_by: op1.id })
    expect(rows[0].updated_at).not.toBe('2000-01-01T00:00:00.000Z')
    const { rows: audit } = await h.pool.query(`SELECT user_id FROM audit_logs WHERE row_id = $1`, [id])
    expect(audit).toEqual([{ user_id: op1.id }])
  })
})

describe('tokens', () => {
  it('an unsigned token, a refresh token as a bearer and an access token as a refresh token are refused', async () => {
    const client = await raw(exec)
    const before = await counts()
    const [, payload] = client.accessToken.split('.')
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`
    const body = { deviceId: client.deviceId, schemaVersion: SCHEMA_VERSION, mutations: [client.mutation('companies', newId(), companyFields(exec.id))] }
    for (const token of [none, client.refreshToken, `${client.accessToken}x`]) {
      const response = await client.post<{ error: { code: string } }>('/v1/sync/push', body, { authorization: `Bearer ${token}` })
      expect([response.status, response.body.error.code]).toEqual([401, 'unauthenticated'])
    }
    const refresh = await client.post<{ error: { code: string } }>('/v1/auth/refresh', { refreshToken: client.accessToken }, {})
    expect(refresh.status).toBe(401)
    expect(await counts()).toEqual(before)
  })

  it('a refresh token replayed by a thief revokes the session; the device keeps its unsynced work until the user signs in', async () => {
    const device: TestDevice = await h.signedInDevice(exec, { name: 'stolen' })
    await h.catchUp(device)
    const stolen = JSON.parse((await import('node:fs')).readFileSync(device.files.tokens, 'utf8')) as { refreshToken: string }
    const thief = await fetch(`${h.server().url}/v1/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: stolen.refreshToken }),
    })
    expect(thief.status).toBe(200)
    const thiefTokens = (await thief.json()) as { accessToken: string; refreshToken: string }

    const id = newId()
    device.writer.upsert('companies', id, companyFields(exec.id, { name: '도난 후 편집' }))
    // The device's own rotation presents the (already rotated) token again: reuse, the whole family is revoked.
    await expect(device.session.transport().refresh()).rejects.toMatchObject({ kind: 'auth' })
    await expect(device.syncNow()).rejects.toMatchObject({ kind: 'auth' })
    expect(device.writer.pendingCount()).toBe(1)
    expect(await h.count('companies', 'id = $1', [id])).toBe(0)
    // The thief's tokens died with the family.
    const thiefPull = await fetch(`${h.server().url}/v1/sync/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${thiefTokens.accessToken}` },
      body: JSON.stringify({ deviceId: device.session.deviceId(), schemaVersion: SCHEMA_VERSION, cursor: null }),
    })
    expect(thiefPull.status).toBe(401)
    const thiefRefresh = await fetch(`${h.server().url}/v1/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: thiefTokens.refreshToken }),
    })
    expect(thiefRefresh.status).toBe(401)

    await device.signIn(exec.email, exec.password)
    await device.syncNow()
    expect(device.writer.pendingCount()).toBe(0)
    expect(await h.count('companies', 'id = $1', [id])).toBe(1)
    await device.close()
  })

  it("a demoted user's still-valid access token only reaches the new tier's scope", async () => {
    const boss = await h.user('EXECUTIVE', '임원')
    const client = await raw(boss)
    const other = await raw(op2)
    const theirs = newId()
    await push(other, [other.mutation('companies', theirs, companyFields(op2.id))])
    const pullAll = async () =>
      (await client.post<PullResponse>('/v1/sync/pull', { deviceId: client.deviceId, schemaVersion: SCHEMA_VERSION, cursor: null, limit: 10_000 })).body
    expect((await pullAll()).changes.map((c) => c.id)).toContain(theirs)

    await h.pool.query(`UPDATE users SET user_tier = 'OPERATOR' WHERE id = $1`, [boss.id])
    // Issue 12: the demotion ended the session — the old token reaches nothing at all.
    expect((await client.post('/v1/sync/pull', { deviceId: client.deviceId, schemaVersion: SCHEMA_VERSION, cursor: null })).status).toBe(401)
    // Signed in again, the user has the new tier's scope only.
    const demoted = await raw(boss)
    const pullAgain = async () =>
      (await demoted.post<PullResponse>('/v1/sync/pull', { deviceId: demoted.deviceId, schemaVersion: SCHEMA_VERSION, cursor: null, limit: 10_000 })).body
    expect((await pullAgain()).changes.map((c) => c.id)).not.toContain(theirs)
    const before = await counts()
    const { body } = await push(demoted, [demoted.mutation('companies', theirs, { name: '강등 후 편집' })])
    expect(body.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/scope/) })
    expect(await counts()).toEqual(before)
  })
})

/** A random registration number that passes the checksum. */
function validBusinessNumber(): string {
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5]
  const digits = Array.from({ length: 9 }, () => Math.floor(Math.random() * 10))
  const sum = digits.reduce((acc, d, i) => acc + d * weights[i]!, 0) + Math.floor((digits[8]! * 5) / 10)
  return `${digits.join('')}${(10 - (sum % 10)) % 10}`
}

describe('limits and stable reasons (issue 12: bad input gets a clear answer, never a 500, never a leak)', () => {
  it('refuses JSON nested 2,500 levels deep and a text over the limit alone: no 500, the mutations after them apply', async () => {
    const client = await raw(exec)
    const before = await counts()
    const deep = JSON.parse('['.repeat(2_500) + ']'.repeat(2_500)) as unknown
    const good = newId()
    const { status, body } = await push(client, [
      client.mutation('companies', newId(), companyFields(exec.id, { custom_fields: { nested: deep } })),
      client.mutation('companies', newId(), companyFields(exec.id, { description: 'x'.repeat(100_001) })),
      client.mutation('companies', good, companyFields(exec.id)),
    ])
    expect(status, JSON.stringify(body).slice(0, 300)).toBe(200)
    expect(body.results.map((r) => r.reason_code ?? r.status)).toEqual(['value_too_deep', 'value_too_large', 'applied'])
    const after = await counts()
    expect(after.companies).toBe(before.companies + 1)
    // Nothing is blocked behind them: the device's next push goes through.
    const next = await push(client, [client.mutation('companies', good, { description: '다음 편집' })])
    expect(next.body.results.map((r) => r.status)).toEqual(['applied'])
  })

  it('answers constraint failures with a code and a message that quote nothing of PostgreSQL, out of scope or not', async () => {
    const owner = await raw(op2)
    const taken = validBusinessNumber()
    expect((await push(owner, [owner.mutation('companies', newId(), companyFields(op2.id, { business_number: taken }))])).body.results[0]!.status).toBe(
      'applied',
    )
    const client = await raw(op1)
    const { body } = await push(client, [
      // The same registration number as a company outside op1's scope.
      client.mutation('companies', newId(), companyFields(op1.id, { business_number: taken })),
      // A CHECK constraint (fiscal year end must be MM-DD): PostgreSQL's message quotes the failing row, field_hlc included.
      client.mutation('companies', newId(), companyFields(op1.id, { fiscal_year_end: '13-45' })),
      // A delete of a row that does not exist reads exactly like a row outside the scope.
      client.mutation('companies', newId(), {}, 'delete'),
      client.mutation('companies', await pushAndId(owner), { name: '남의 것' }),
    ])
    expect(body.results.map((r) => r.reason_code)).toEqual(['duplicate_value', 'constraint', 'not_found', 'not_found'])
    expect(body.results[2]!.reason).toBe(body.results[3]!.reason)
    for (const result of body.results) {
      expect(result.reason).not.toMatch(/_key|_check|_fkey|Key \(|Failing row|field_hlc|violates|constraint "/)
      expect(result.reason).not.toContain(taken)
    }
  })

  it('answers a pull cursor id outside bigint (and a txid outside xid8) with 400, not 500', async () => {
    const client = await raw(exec)
    const cursor = (txid: string, id: string) => Buffer.from(JSON.stringify({ v: 1, phase: 'log', txid, id })).toString('base64url')
    for (const [txid, id] of [
      ['1', '9223372036854775808'],
      ['1', '99999999999999999999'],
      ['18446744073709551616', '0'],
    ] as const) {
      const { status, body } = await client.post<{ error?: { code: string } }>('/v1/sync/pull', {
        deviceId: client.deviceId,
        schemaVersion: SCHEMA_VERSION,
        cursor: cursor(txid, id),
      })
      expect([txid, id, status, body.error?.code]).toEqual([txid, id, 400, 'bad_request'])
    }
  })
})

async function pushAndId(client: Raw): Promise<string> {
  const id = newId()
  const { body } = await push(client, [client.mutation('companies', id, companyFields(op2.id))])
  expect(body.results[0]!.status).toBe('applied')
  return id
}

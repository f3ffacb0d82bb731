import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readSse } from '../../test/support'
import { readAuditLog } from '../admin/audit-log'
import { formatHlc, parseHlc } from '../../../src/shared/sync/hlc'
import { SCHEMA_VERSION } from '../../../src/shared/sync/protocol'
import { branchFields, companyFields, newId, postJson, signedInDevice, startSyncTestEnv, type SyncTestEnv } from '../../test/support/sync-kit'

let env: SyncTestEnv
beforeAll(async () => {
  env = await startSyncTestEnv()
})
afterAll(async () => {
  await env?.close()
})

/** A random registration number that passes the checksum (src/shared/domain/business-number.ts). */
function validBusinessNumber(): string {
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5]
  const digits = Array.from({ length: 9 }, () => Math.floor(Math.random() * 10))
  const sum = digits.reduce((acc, d, i) => acc + d * weights[i]!, 0) + Math.floor((digits[8]! * 5) / 10)
  return `${digits.join('')}${(10 - (sum % 10)) % 10}`
}

const statuses = (body: { results: { status: string }[] }): string[] => body.results.map((r) => r.status)

/** Waits until `count` pushes wait for a lock (the device's row, or the scope lock behind a push that waits for it). */
async function waitForLockWaiters(deviceId: string, count: number): Promise<void> {
  for (let tries = 0; tries < 500; tries++) {
    const { rows } = await env.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
    )
    if (rows[0]!.n >= count) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error(`${count} pushes of ${deviceId} never waited for its row`)
}

describe('POST /v1/sync/push', () => {
  it('applies mutations, writes audit and change log, and answers a retry with duplicate', async () => {
    const device = await signedInDevice(env)
    const company = newId()
    const branch = newId()
    const mutations = [
      device.mutation({ table: 'companies', id: company, fields: companyFields(device.userId, { business_number: '1248100998' }) }),
      device.mutation({ table: 'branches', id: branch, fields: branchFields(company, { phone: '0212345678' }) }),
      device.mutation({ table: 'companies', id: company, fields: { name: '삼성전자(주)' } }),
    ]
    const first = await device.push(mutations)
    expect(first.status).toBe(200)
    expect(statuses(first.body)).toEqual(['applied', 'applied', 'applied'])

    const { rows: companies } = await env.pool.query(`SELECT name, created_by, updated_by, field_hlc FROM companies WHERE id = $1`, [company])
    expect(companies[0]).toMatchObject({ name: '삼성전자(주)', created_by: device.userId, updated_by: device.userId })
    expect(companies[0].field_hlc.name).toMatch(new RegExp(`^${mutations[2]!.hlc as string}@\\d+$`))

    const { rows: audit } = await env.pool.query(
      `SELECT table_name, action, changes, user_id, device_id FROM audit_logs WHERE row_id = ANY($1) ORDER BY created_at, action`,
      [[company, branch]],
    )
    expect(audit.map((a) => `${a.table_name}:${a.action}`).sort()).toEqual(['branches:CREATE', 'companies:CREATE', 'companies:UPDATE'])
    const update = audit.find((a) => a.action === 'UPDATE')
    expect(update.changes).toEqual({ name: { old: '삼성전자', new: '삼성전자(주)' } })
    expect(update).toMatchObject({ user_id: device.userId, device_id: device.deviceId })

    const { rows: log } = await env.pool.query(`SELECT table_name, kind FROM change_log WHERE row_id = ANY($1)`, [[company, branch]])
    expect(log.map((l) => l.table_name).sort()).toEqual(['branches', 'companies'])

    // The response was "lost": the device sends the same push again. Nothing is applied twice.
    const retry = await device.push(mutations)
    expect(statuses(retry.body)).toEqual(['duplicate', 'duplicate', 'duplicate'])
    const { rows: after } = await env.pool.query(`SELECT count(*)::int AS n FROM audit_logs WHERE row_id = ANY($1)`, [[company, branch]])
    expect(after[0].n).toBe(3)
    const { rows: dev } = await env.pool.query(`SELECT last_applied_seq FROM sync_devices WHERE device_id = $1`, [device.deviceId])
    expect(dev[0].last_applied_seq).toBe(3)
  })

  it("gives audit entries time-ordered ids: a push's entries sort by id in the order they were applied", async () => {
    const device = await signedInDevice(env)
    const company = newId()
    const names = ['첫째', '둘째', '셋째', '넷째', '다섯째']
    const pushed = await device.push([
      device.mutation({ table: 'companies', id: company, fields: companyFields(device.userId) }),
      ...names.map((name) => device.mutation({ table: 'companies', id: company, fields: { name } })),
    ])
    expect(statuses(pushed.body)).toEqual(Array(6).fill('applied'))
    // One transaction: every entry has the same created_at, so the id alone orders them (the admin log's tie-break).
    const { rows } = await env.pool.query(`SELECT id, action, changes FROM audit_logs WHERE row_id = $1 ORDER BY id`, [company])
    expect(rows.map((r) => (r.action === 'CREATE' ? 'CREATE' : r.changes.name.new))).toEqual(['CREATE', ...names])
    for (const row of rows) expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/)
  })

  it("keeps an audit entry's changes as the change listed them, and the admin log reads them back as objects", async () => {
    const device = await signedInDevice(env)
    const company = newId()
    await device.push([device.mutation({ table: 'companies', id: company, fields: companyFields(device.userId) })])
    // representative before name: a jsonb column would hand them back sorted (shorter keys first), json keeps them.
    const edit = { representative: '이재용', name: '삼성전자(주)' }
    expect(statuses((await device.push([device.mutation({ table: 'companies', id: company, fields: edit })])).body)).toEqual(['applied'])
    const { entries } = await readAuditLog(env.pool, { table: 'companies', rowId: company, limit: 10 })
    expect(entries.map((e) => e.action)).toEqual(['UPDATE', 'CREATE'])
    expect(Object.keys(entries[0]!.changes!)).toEqual(['representative', 'name'])
    expect(entries[0]!.changes).toEqual({ representative: { old: null, new: '이재용' }, name: { old: '삼성전자', new: '삼성전자(주)' } })
    expect(entries[1]!.changes).toMatchObject({ name: { old: null, new: '삼성전자' } })
  })

  it("serialises one device's pushes on its row, in the order they reach the lock, not by seq (why a device sends one push at a time)", async () => {
    const device = await signedInDevice(env)
    const company = newId()
    const create = device.mutation({ table: 'companies', id: company, fields: companyFields(device.userId) })
    const edit = device.mutation({ table: 'companies', id: company, fields: { name: '삼성전자(주)' } })
    const holder = await env.pool.connect()
    try {
      // Another push of this device holds its row: both requests below wait for it.
      await holder.query('BEGIN')
      await holder.query('SELECT 1 FROM sync_devices WHERE device_id = $1 FOR UPDATE', [device.deviceId])
      const later = device.push([edit])
      await waitForLockWaiters(device.deviceId, 1)
      const earlier = device.push([create])
      await waitForLockWaiters(device.deviceId, 2)
      await holder.query('COMMIT')
      // The request with seq 2 reached the lock first and applied first: its edit found no row (a create without its
      // required columns is refused), and seq 1, now at or below the device's last seq, is answered as a retry.
      expect((await later).body.results).toMatchObject([{ seq: 2, status: 'rejected' }])
      expect((await earlier).body.results).toMatchObject([{ seq: 1, status: 'duplicate' }])
      const { rows } = await env.pool.query(`SELECT 1 FROM companies WHERE id = $1`, [company])
      expect(rows).toHaveLength(0)
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined)
      holder.release()
    }
  })

  it('stores last_applied_seq in the same transaction as the effects (a failed push advances nothing)', async () => {
    const device = await signedInDevice(env)
    const company = newId()
    // Make the audit insert fail with a non-data error mid-push: the whole push must roll back.
    await env.pool.query(`CREATE OR REPLACE FUNCTION fail_audit() RETURNS trigger AS $$
      BEGIN IF NEW.row_id = '${company}' THEN RAISE EXCEPTION 'injected failure' USING ERRCODE = 'XX000'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`)
    await env.pool.query(`CREATE TRIGGER fail_audit BEFORE INSERT ON audit_logs FOR EACH ROW EXECUTE FUNCTION fail_audit()`)
    const mutations = [device.mutation({ table: 'companies', id: company, fields: companyFields(device.userId) })]
    try {
      const failed = await device.push(mutations)
      expect(failed.status).toBe(500)
      const { rows } = await env.pool.query(`SELECT last_applied_seq FROM sync_devices WHERE device_id = $1`, [device.deviceId])
      expect(rows[0].last_applied_seq).toBe(0)
      const { rows: companies } = await env.pool.query(`SELECT 1 FROM companies WHERE id = $1`, [company])
      expect(companies).toHaveLength(0)
    } finally {
      await env.pool.query(`DROP TRIGGER fail_audit ON audit_logs`)
    }
    const retried = await device.push(mutations)
    expect(statuses(retried.body)).toEqual(['applied'])
  })

  it('rejects what can never apply, with a reason, without applying it or stopping the mutations after it', async () => {
    const device = await signedInDevice(env)
    const other = await signedInDevice(env)
    const foreign = newId()
    expect(statuses((await other.push([other.mutation({ table: 'companies', id: foreign, fields: companyFields(other.userId) })])).body)).toEqual(['applied'])

    const good = newId()
    const sqlish = "Robert'); DROP TABLE companies;--"
    const cases = [
      device.mutation({ table: 'no_such_table', id: newId(), fields: { name: 'x' } }),
      device.mutation({ table: 'companies', id: newId(), fields: { ...companyFields(device.userId), no_such_column: 1 } }),
      device.mutation({ table: 'companies', id: newId(), fields: { ...companyFields(device.userId), field_hlc: {} } }),
      device.mutation({ table: 'companies', id: newId(), fields: { ...companyFields(device.userId), employee_count: 'many' } }),
      device.mutation({ table: 'companies', id: newId(), fields: { ...companyFields(device.userId), tier: 'PLATINUM' } }),
      device.mutation({ table: 'companies', id: foreign, fields: { name: 'hijacked' } }),
      device.mutation({ table: 'companies', id: newId(), fields: companyFields(device.userId, { business_number: '1248100999' }) }),
      device.mutation({ table: 'companies', id: newId(), fields: { name: 'no code' } }),
      device.mutation({
        table: 'companies',
        id: newId(),
        fields: companyFields(device.userId),
        hlc: formatHlc({ millis: Date.now(), counter: 0, node: 'abcdefabcdefabcd' }),
      }),
      device.mutation({ table: 'companies', id: good, fields: companyFields(device.userId, { name: sqlish, description: "'; SELECT pg_sleep(10); --" }) }),
    ]
    const { body } = await device.push(cases)
    const reasons = body.results.map((r) => r.reason ?? r.status)
    expect(body.results.map((r) => r.reason_code ?? r.status)).toEqual([
      'unknown_field',
      'unknown_field',
      'unknown_field',
      'invalid_value',
      'invalid_value',
      'not_found',
      'invalid_value',
      'missing_field',
      'malformed',
      'applied',
    ])
    expect(reasons).toEqual([
      'unknown table no_such_table',
      'unknown column companies.no_such_column',
      'field_hlc is written by the server only',
      'employee_count: expected an integer (a 32-bit integer)',
      'tier: must be one of VIP, GOLD, SILVER, BRONZE',
      'row does not exist or is not in your scope',
      'business_number: not a valid business registration number (10 digits, checksum)',
      'a create needs code',
      expect.stringMatching(/^hlc node abcdefabcdefabcd is not this device's/),
      'applied',
    ])
    const { rows } = await env.pool.query(`SELECT name, description FROM companies WHERE id = $1`, [good])
    expect(rows[0]).toEqual({ name: sqlish, description: "'; SELECT pg_sleep(10); --" })
    const { rows: untouched } = await env.pool.query(`SELECT name FROM companies WHERE id = $1`, [foreign])
    expect(untouched[0].name).toBe('삼성전자')
    const { rows: count } = await env.pool.query(`SELECT count(*)::int AS n FROM companies WHERE created_by = $1`, [device.userId])
    expect(count[0].n).toBe(1)
  })

  it('rejects a constraint violation alone and keeps going, in words that quote nothing of PostgreSQL', async () => {
    const device = await signedInDevice(env)
    const first = newId()
    const fields = companyFields(device.userId, { business_number: validBusinessNumber() })
    const after = newId()
    const { body } = await device.push([
      device.mutation({ table: 'companies', id: first, fields }),
      // Same registration number: the batch falls back to one savepoint per mutation; only this one is refused.
      device.mutation({ table: 'companies', id: newId(), fields: { ...companyFields(device.userId), business_number: fields.business_number } }),
      // A branch of a company that does not exist: a foreign-key violation, answered like a row out of scope.
      device.mutation({ table: 'branches', id: newId(), fields: branchFields(randomUUID()) }),
      device.mutation({ table: 'companies', id: after, fields: companyFields(device.userId) }),
    ])
    expect(statuses(body)).toEqual(['applied', 'rejected', 'rejected', 'applied'])
    expect(body.results[1]).toMatchObject({ reason_code: 'duplicate_value' })
    expect(body.results[2]).toMatchObject({ reason_code: 'not_found' })
    for (const result of body.results) expect(result.reason ?? '').not.toMatch(/_key|_fkey|Key \(|Failing row|field_hlc|constraint|violates/)
    const { rows } = await env.pool.query(`SELECT id FROM companies WHERE id = ANY($1) ORDER BY id`, [[first, after]])
    expect(rows).toHaveLength(2)
  })

  it("sends the pushing device the server's truth for every row it was refused: the row as it is, or removed", async () => {
    const device = await signedInDevice(env)
    const company = newId()
    const fields = companyFields(device.userId, { business_number: validBusinessNumber() })
    await device.push([device.mutation({ table: 'companies', id: company, fields })])
    await device.sync()
    const phantom = newId()
    const { body } = await device.push([
      // An edit the server refuses (a business number with a wrong check digit): the device showed it optimistically.
      device.mutation({ table: 'companies', id: company, fields: { business_number: '1248100999' } }),
      // A create the server refuses (duplicate registration number): the row exists only on the device.
      device.mutation({ table: 'companies', id: phantom, fields: { ...companyFields(device.userId), business_number: fields.business_number } }),
    ])
    expect(statuses(body)).toEqual(['rejected', 'rejected'])
    const pages = await device.sync()
    expect(pages.flatMap((p) => p.changes).some((c) => c.id === company && c.row.business_number === fields.business_number)).toBe(true)
    expect(pages.flatMap((p) => p.removed)).toContainEqual({ table: 'companies', id: phantom })
  })

  it('refuses one bad mutation in the middle of a large push and applies all the others', async () => {
    const device = await signedInDevice(env)
    const taken = companyFields(device.userId, { business_number: validBusinessNumber() })
    const mutations = Array.from({ length: 60 }, (_, i) =>
      device.mutation({
        table: 'companies',
        id: newId(),
        fields: i === 37 ? { ...companyFields(device.userId), business_number: taken.business_number } : i === 0 ? taken : companyFields(device.userId),
      }),
    )
    const { body } = await device.push(mutations)
    expect(body.results.map((r, i) => (r.status === 'applied' ? null : i))).toEqual(mutations.map((_, i) => (i === 37 ? 37 : null)))
    const { rows } = await env.pool.query(`SELECT count(*)::int AS n FROM companies WHERE created_by = $1`, [device.userId])
    expect(rows[0].n).toBe(59)
  })

  it('does not let a reference pull a row into scope: an opportunity on a company out of scope is rejected, and so is the edit after it', async () => {
    const exec = await signedInDevice(env, 'EXECUTIVE')
    const company = newId()
    await exec.push([exec.mutation({ table: 'companies', id: company, fields: companyFields(exec.userId) })])
    const seller = await signedInDevice(env)
    const { body } = await seller.push([
      seller.mutation({ table: 'companies', id: company, fields: { description: '아직 범위 밖' } }),
      seller.mutation({
        table: 'opportunities',
        id: newId(),
        fields: { code: `O-${company.slice(-8)}`, title: '제안', company_id: company, account_manager_id: seller.userId },
      }),
      seller.mutation({ table: 'companies', id: company, fields: { description: '이제 범위 안?' } }),
    ])
    expect(body.results.map((r) => r.reason ?? r.status)).toEqual([
      'row does not exist or is not in your scope',
      'company_id: the referenced companies row does not exist or is not in your scope',
      'row does not exist or is not in your scope',
    ])
    const { rows } = await env.pool.query(`SELECT description FROM companies WHERE id = $1`, [company])
    expect(rows[0].description).toBeNull()
  })

  it('answers a retried rejected seq with the same rejection and reason (results are stable across retries)', async () => {
    const device = await signedInDevice(env)
    const other = await signedInDevice(env)
    const foreign = newId()
    expect(statuses((await other.push([other.mutation({ table: 'companies', id: foreign, fields: companyFields(other.userId) })])).body)).toEqual(['applied'])

    const taken = companyFields(device.userId, { business_number: validBusinessNumber() })
    const mutations = [
      device.mutation({ table: 'companies', id: newId(), fields: taken }),
      device.mutation({ table: 'companies', id: foreign, fields: { name: 'hijacked' } }),
      device.mutation({ table: 'companies', id: newId(), fields: { ...companyFields(device.userId), business_number: taken.business_number } }),
      device.mutation({ table: 'companies', id: newId(), fields: { ...companyFields(device.userId), tier: 'PLATINUM' } }),
      device.mutation({
        table: 'opportunities',
        id: newId(),
        fields: { code: `O-${foreign.slice(-8)}`, title: '제안', company_id: foreign, account_manager_id: device.userId },
      }),
      device.mutation({ table: 'companies', id: newId(), fields: companyFields(device.userId) }),
    ]
    const first = await device.push(mutations)
    const answers = (body: { results: { seq: number; status: string; reason?: string; reason_code?: string }[] }) =>
      body.results.map((r) => [r.seq, r.status, r.reason, r.reason_code])
    expect(statuses(first.body)).toEqual(['applied', 'rejected', 'rejected', 'rejected', 'rejected', 'applied'])
    expect(first.body.results[2]!.reason_code).toBe('duplicate_value')

    // The response was lost: the device sends the same push again, and again.
    for (let retry = 0; retry < 2; retry++) {
      const again = await device.push(mutations)
      expect(answers(again.body)).toEqual(
        answers(first.body).map(([seq, status, reason, code]) =>
          status === 'applied' ? [seq, 'duplicate', undefined, undefined] : [seq, status, reason, code],
        ),
      )
    }
    // Part of it retried, with newer mutations after it: old seqs keep their answers, the new ones are decided.
    const fresh = device.mutation({ table: 'companies', id: newId(), fields: { ...companyFields(device.userId), tier: 'PLATINUM' } })
    const mixed = await device.push([mutations[1]!, mutations[5]!, fresh])
    expect(mixed.body.results.map((r) => r.reason ?? r.status)).toEqual([
      'row does not exist or is not in your scope',
      'duplicate',
      'tier: must be one of VIP, GOLD, SILVER, BRONZE',
    ])

    const { rows } = await env.pool.query(`SELECT seq, reason FROM sync_rejections WHERE device_id = $1 ORDER BY seq`, [device.deviceId])
    expect(rows.map((r) => r.seq)).toEqual([2, 3, 4, 5, 7])
    const { rows: untouched } = await env.pool.query(`SELECT name FROM companies WHERE id = $1`, [foreign])
    expect(untouched[0].name).toBe('삼성전자')
  })

  it('clamps a stamp a day ahead to the server clock, keeps the change and returns the stored stamp', async () => {
    const device = await signedInDevice(env)
    const id = newId()
    const ahead = formatHlc({ millis: Date.now() + 86_400_000, counter: 0, node: device.node })
    const { body } = await device.push([device.mutation({ table: 'companies', id, fields: companyFields(device.userId), hlc: ahead })])
    const result = body.results[0]!
    expect(result.status).toBe('applied')
    expect(result.hlc).toBeDefined()
    const stored = parseHlc(result.hlc!)
    expect(stored.node).toBe(device.node)
    expect(Math.abs(stored.millis - Date.now())).toBeLessThan(60_000)
    const { rows } = await env.pool.query(`SELECT field_hlc FROM companies WHERE id = $1`, [id])
    expect(rows[0].field_hlc.name.startsWith(`${result.hlc}@`)).toBe(true)

    // A later real edit from another device now wins, as it should: the bad clock did not win for a day.
    const other = await signedInDevice(env, 'EXECUTIVE')
    await other.push([other.mutation({ table: 'companies', id, fields: { name: '나중' } })])
    const { rows: after } = await env.pool.query(`SELECT name FROM companies WHERE id = $1`, [id])
    expect(after[0].name).toBe('나중')
  })

  it('answers 409 outside the schema range and 403 for another device id', async () => {
    const device = await signedInDevice(env)
    const url = `${env.server.url}/v1/sync/push`
    const tooNew = await postJson<{ error: { code: string } }>(
      url,
      { deviceId: device.deviceId, schemaVersion: SCHEMA_VERSION + 1, mutations: [] },
      device.headers,
    )
    expect(tooNew.status).toBe(409)
    expect(tooNew.body.error.code).toBe('schema_version')
    const otherDevice = await postJson<{ error: { code: string } }>(
      url,
      { deviceId: randomUUID(), schemaVersion: SCHEMA_VERSION, mutations: [] },
      device.headers,
    )
    expect(otherDevice.status).toBe(403)
    expect(otherDevice.body.error.code).toBe('forbidden')
    const pull = await postJson<{ error: { code: string } }>(
      `${env.server.url}/v1/sync/pull`,
      { deviceId: device.deviceId, schemaVersion: 0, cursor: null },
      device.headers,
    )
    expect(pull.status).toBe(409)
  })

  it('answers a malformed mutation rejected (not a 400 for the whole push)', async () => {
    const device = await signedInDevice(env)
    const id = newId()
    const { status, body } = await device.push([
      { seq: 1, table: 'companies', id: 'not-a-uuid', op: 'upsert', fields: {}, hlc: device.clock.tick() },
      device.mutation({ seq: 2, table: 'companies', id, fields: companyFields(device.userId) }),
    ])
    expect(status).toBe(200)
    expect(statuses(body)).toEqual(['rejected', 'applied'])
    expect(body.results[0]!.reason).toMatch(/^malformed mutation: id/)
  })

  it('lets an operator edit their own profile but not their tier, and not reference data', async () => {
    const device = await signedInDevice(env)
    const { body } = await device.push([
      device.mutation({ table: 'users', id: device.userId, fields: { phone: '01012345678' } }),
      device.mutation({ table: 'users', id: device.userId, fields: { user_tier: 'EXECUTIVE' } }),
      device.mutation({ table: 'industries', id: newId(), fields: { code: 'IT', name: '정보통신' } }),
    ])
    expect(body.results.map((r) => r.reason ?? r.status)).toEqual([
      'applied',
      'only an administrator may change user_tier of a user',
      'no permission to create industries',
    ])
  })

  it('pokes with the committing transaction id; a pull passes it once the horizon has', async () => {
    const device = await signedInDevice(env)
    const stream = await readSse(`${env.server.url}/v1/sync/events`, device.headers)
    try {
      await stream.next('ready')
      const company = newId()
      const result = await device.push([device.mutation({ table: 'companies', id: company, fields: companyFields(device.userId) })])
      expect(statuses(result.body)).toEqual(['applied'])
      const poke = JSON.parse((await stream.next('poke')).data) as { at: string; txid?: string }
      expect(poke.txid).toMatch(/^\d+$/)
      const { rows } = await env.pool.query<{ txid: string }>(`SELECT txid::text AS txid FROM change_log WHERE row_id = $1`, [company])
      expect(rows.map((r) => r.txid)).toEqual([poke.txid])
      await device.sync()
      expect(BigInt(device.watermark!) > BigInt(poke.txid!)).toBe(true)
      expect(device.row('companies', company)).toBeDefined()
    } finally {
      stream.close()
    }
  })
})

/**
 * Issue 12/13 on the push path: a created row whose code is taken is kept under the next free code (its child too);
 * scope-lock exclusivity is decided after validation and bounded; the response tells the device its last applied seq.
 */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHlcClock, nodeIdForDevice } from '../../../src/shared/sync/hlc'
import { SCHEMA_VERSION } from '../../../src/shared/sync/protocol'
import { push } from './push'
import { branchFields, companyFields, newId, signedInDevice, startSyncTestEnv, type SyncTestEnv } from '../../test/support/sync-kit'

let env: SyncTestEnv

beforeAll(async () => {
  env = await startSyncTestEnv()
})
afterAll(async () => {
  await env?.close()
})

const SCOPE_LOCK_KEY = 0x73636f70

describe('code collisions (CONTRACTS §2)', () => {
  it('keeps a created company whose code is taken under the next free code, says so, and applies its branch', async () => {
    const first = await signedInDevice(env)
    const second = await signedInDevice(env)
    const fields = companyFields(first.userId)
    expect((await first.push([first.mutation({ table: 'companies', id: newId(), fields })])).body.results[0]!.status).toBe('applied')
    const code = fields.code as string
    const company = newId()
    const branch = newId()
    const { body } = await second.push([
      second.mutation({ table: 'companies', id: company, fields: { ...companyFields(second.userId), code } }),
      second.mutation({ table: 'branches', id: branch, fields: branchFields(company) }),
    ])
    expect(body.results.map((r) => r.status)).toEqual(['applied', 'applied'])
    expect(body.results[0]!.renamed).toEqual({ field: 'code', from: code, to: `${code}-2` })
    const { rows } = await env.pool.query(`SELECT c.code, b.company_id FROM companies c JOIN branches b ON b.company_id = c.id WHERE c.id = $1`, [company])
    expect(rows).toEqual([{ code: `${code}-2`, company_id: company }])
    // The device learns the new code by its next pull.
    await second.sync()
    expect(second.replica.get('companies')?.get(company)?.code).toBe(`${code}-2`)
  })

  it('does not rename an edit that changes a code to a taken one: that is refused', async () => {
    const device = await signedInDevice(env)
    const a = companyFields(device.userId)
    const b = newId()
    await device.push([
      device.mutation({ table: 'companies', id: newId(), fields: a }),
      device.mutation({ table: 'companies', id: b, fields: companyFields(device.userId) }),
    ])
    const { body } = await device.push([device.mutation({ table: 'companies', id: b, fields: { code: a.code } })])
    expect(body.results[0]).toMatchObject({ status: 'rejected', reason_code: 'duplicate_value' })
  })
})

describe('the scope lock', () => {
  it('is not taken exclusively for a push whose scope-column mutations all fail validation', async () => {
    const device = await signedInDevice(env)
    // Another push holds the scope lock shared: an exclusive request would wait for it.
    const holder = new pg.Client({ connectionString: env.databaseUrl })
    await holder.connect()
    try {
      await holder.query('BEGIN')
      await holder.query('SELECT pg_advisory_xact_lock_shared($1)', [SCOPE_LOCK_KEY])
      const mutations = Array.from({ length: 10_000 }, () => device.mutation({ table: 'companies', id: newId(), fields: { account_manager_id: 'not-a-user' } }))
      const started = Date.now()
      const { status, body } = await device.push(mutations)
      expect(status).toBe(200)
      expect(body.results.every((r) => r.status === 'rejected' && r.reason_code === 'invalid_value')).toBe(true)
      expect(Date.now() - started).toBeLessThan(15_000)
      expect(body.lastAppliedSeq).toBe(mutations.length)
    } finally {
      await holder.query('ROLLBACK')
      await holder.end()
    }
  })

  it('bounds an exclusive push: past its budget it commits what it processed and answers that prefix; the rest comes next', async () => {
    const device = await signedInDevice(env)
    const mutations = Array.from({ length: 1_500 }, () => device.mutation({ table: 'companies', id: newId(), fields: companyFields(device.userId) }))
    const input = { userId: device.userId, deviceId: device.deviceId, schemaVersion: SCHEMA_VERSION, ip: null, userAgent: null }
    const deps = { pool: env.pool, clock: createHlcClock({ node: nodeIdForDevice(randomUUID()) }), budgets: { exclusiveMutations: 1_000 } }
    const first = await push(deps, { ...input, mutations })
    expect(first.response.results).toHaveLength(1_000)
    expect(first.response.lastAppliedSeq).toBe((mutations[999] as { seq: number }).seq)
    const second = await push(deps, { ...input, mutations: mutations.slice(1_000) })
    expect(second.response.results.map((r) => r.status)).toEqual(Array(500).fill('applied'))
    const { rows } = await env.pool.query(`SELECT count(*)::int AS n FROM companies WHERE created_by = $1`, [device.userId])
    expect(rows[0].n).toBe(1_500)
    // Through HTTP with the default budgets, the same size of push is answered whole.
    const whole = Array.from({ length: 1_500 }, () => device.mutation({ table: 'companies', id: newId(), fields: companyFields(device.userId) }))
    expect((await device.push(whole)).body.results).toHaveLength(1_500)
  })
})

/**
 * Throughput of push and of a first pull, end to end over HTTP against the real database. Opt-in (SYNC_BENCH=1):
 * timings depend on the machine and on what else runs, so they are reported, with loose floors, not run in CI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { branchFields, companyFields, contactFields, newId, signedInDevice, startSyncTestEnv, type SyncTestEnv } from '../../test/support/sync-kit'

describe.skipIf(!process.env.SYNC_BENCH)('sync throughput', () => {
  let env: SyncTestEnv
  beforeAll(async () => {
    env = await startSyncTestEnv()
  })
  afterAll(async () => {
    await env?.close()
  })

  it('pushes 10,000 mutations in one push', async () => {
    const device = await signedInDevice(env)
    const mutations: Record<string, unknown>[] = []
    for (let i = 0; i < 2_000; i++) {
      const company = newId()
      const branch = newId()
      mutations.push(
        device.mutation({ table: 'companies', id: company, fields: companyFields(device.userId, { description: '제조업 고객사', tags: ['제조'] }) }),
      )
      mutations.push(device.mutation({ table: 'branches', id: branch, fields: branchFields(company, { phone: '0212345678', address_city: '서울' }) }))
      for (let k = 0; k < 3; k++)
        mutations.push(
          device.mutation({ table: 'contacts', id: newId(), fields: contactFields(branch, { email: `c${i}-${k}@example.test`, mobile: '01012345678' }) }),
        )
    }
    const started = performance.now()
    const { status, body } = await device.push(mutations)
    const seconds = (performance.now() - started) / 1000
    expect(status).toBe(200)
    expect(body.results.filter((r) => r.status !== 'applied')).toEqual([])
    console.log(`push: ${mutations.length} mutations in ${seconds.toFixed(2)} s = ${Math.round(mutations.length / seconds)} mutations/s`)

    // The same push again: every mutation a duplicate.
    const again = performance.now()
    const retry = await device.push(mutations)
    expect(retry.body.results.every((r) => r.status === 'duplicate')).toBe(true)
    console.log(`retry (all duplicates): ${((performance.now() - again) / 1000).toFixed(2)} s`)

    // 10,000 edits of existing rows (the merge path: lock, compare stamps, update).
    const edits = mutations.map((m) =>
      device.mutation({
        table: m.table as string,
        id: m.id as string,
        fields: { [m.table === 'contacts' ? 'notes' : m.table === 'branches' ? 'manager_name' : 'description']: '수정됨' },
      }),
    )
    const editStart = performance.now()
    const edited = await device.push(edits)
    const editSeconds = (performance.now() - editStart) / 1000
    expect(edited.body.results.filter((r) => r.status !== 'applied').slice(0, 3)).toEqual([])
    console.log(`push edits: ${edits.length} in ${editSeconds.toFixed(2)} s = ${Math.round(edits.length / editSeconds)} mutations/s`)
  }, 300_000)

  it('delivers a first sync of 100,000+ rows', async () => {
    const exec = await signedInDevice(env, 'EXECUTIVE')
    // Arrange with SQL (not what is measured): 20k companies, 40k branches, 60k contacts.
    await env.pool.query(
      `
      INSERT INTO companies (id, code, name, account_manager_id, description, tags, custom_fields)
      SELECT gen_random_uuid(), 'BC-' || g, '회사 ' || g, $1, '설명 ' || g, '["제조","대기업"]', '{"등급":"A"}' FROM generate_series(1, 20000) g`,
      [exec.userId],
    )
    await env.pool.query(`
      INSERT INTO branches (id, company_id, code, name, phone, address_city)
      SELECT gen_random_uuid(), c.id, 'BB-' || c.code || '-' || k, '지점 ' || k, '0212345678', '서울'
        FROM companies c, generate_series(1, 2) k WHERE c.code LIKE 'BC-%'`)
    await env.pool.query(`
      INSERT INTO contacts (id, branch_id, first_name, last_name, email, mobile, birthday)
      SELECT gen_random_uuid(), b.id, '길동' || k, '홍', 'p' || k || '@example.test', '01012345678', DATE '1990-01-01'
        FROM branches b, generate_series(1, 1) k WHERE b.code LIKE 'BB-%'
      UNION ALL
      SELECT gen_random_uuid(), b.id, '민준', '김', 'q@example.test', '01098765432', NULL::date FROM branches b WHERE b.code LIKE 'BB-%' AND b.name = '지점 1'`)
    await env.pool.query('ANALYZE')

    for (const limit of [2_000, 5_000, 10_000]) {
      exec.cursor = null
      exec.replica.clear()
      exec.serverPullMs = 0
      const started = performance.now()
      const pages = await exec.syncNow(limit)
      const seconds = (performance.now() - started) / 1000
      const rows = pages.reduce((n, p) => n + p.changes.length, 0)
      console.log(
        `exec first sync (limit ${limit}): ${rows} rows in ${pages.length} pages, ${seconds.toFixed(2)} s = ${Math.round(rows / seconds)} rows/s` +
          ` (server ${Math.round(exec.serverPullMs)} ms = ${Math.round(rows / (exec.serverPullMs / 1000))} rows/s)`,
      )
      expect(rows).toBeGreaterThan(100_000)
    }

    // An operator who manages 1,000 of the 20,000 companies: the scope predicates filter in SQL.
    const operator = await signedInDevice(env)
    await env.pool.query(`UPDATE companies SET account_manager_id = $1 WHERE id IN (SELECT id FROM companies WHERE code LIKE 'BC-%' ORDER BY id LIMIT 1000)`, [
      operator.userId,
    ])
    const started = performance.now()
    const pages = await operator.syncNow(5_000)
    const seconds = (performance.now() - started) / 1000
    const rows = pages.reduce((n, p) => n + p.changes.length, 0)
    console.log(`operator first sync: ${rows} rows in ${pages.length} pages, ${seconds.toFixed(2)} s = ${Math.round(rows / seconds)} rows/s`)
    expect(operator.replica.get('companies')?.size).toBe(1_000)
  }, 300_000)
})

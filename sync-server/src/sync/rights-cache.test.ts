/**
 * The per-instance cache of a user's scope and permissions (rights-cache.ts) never outlives a change of rights: a push
 * that starts after the change commits is judged with the new rights (issue 12's guarantee, issue 20's cache).
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login } from '../../test/support'
import { companyFields, newId, postJson, signedInDevice, startSyncTestEnv, type SyncTestEnv } from '../../test/support/sync-kit'
import type { PushResponse } from '../../../src/shared/sync/protocol'
import { RIGHTS_TTL_MS, RightsCache } from './rights-cache'
import { SCHEMA_VERSION } from '../../../src/shared/sync/protocol'

let env: SyncTestEnv
beforeAll(async () => {
  env = await startSyncTestEnv()
})
afterAll(async () => {
  await env?.close()
})

const rights = { scope: { kind: 'all' as const }, tier: 'EXECUTIVE' as const, permissions: {} as never }

describe('RightsCache', () => {
  it('answers only at the epoch an entry was read under, and only for a few seconds', () => {
    let now = 0
    const cache = new RightsCache(() => now)
    cache.set('u', '7', rights)
    expect(cache.get('u', '7')).toBe(rights)
    expect(cache.get('u', '8')).toBeNull()
    // A miss at another epoch drops the entry: it is not answered again at the old one either.
    expect(cache.get('u', '7')).toBeNull()
    cache.set('u', '8', rights)
    now = RIGHTS_TTL_MS + 1
    expect(cache.get('u', '8')).toBeNull()
  })
})

describe('a push after a change of rights', () => {
  it('is judged with the new tier: an executive demoted between two pushes (and signed in again)', async () => {
    const exec = await signedInDevice(env, 'EXECUTIVE')
    const product = (code: string) => exec.mutation({ table: 'products', id: newId(), fields: { code, name: '리더십 과정' } })
    const first = await exec.push([product(`P-${randomUUID().slice(0, 6)}`)])
    expect(first.body.results[0], JSON.stringify(first.body.results[0])).toMatchObject({ status: 'applied' })
    await env.pool.query(`UPDATE users SET user_tier = 'OPERATOR' WHERE id = $1`, [exec.userId])
    // The demotion ended the session (drizzle/pg/0012); the same user signs in again on the same device.
    const again = await login(env.server.url, { email: exec.email, password: exec.password, deviceId: exec.deviceId })
    const { body } = await postJson<PushResponse>(
      `${env.server.url}/v1/sync/push`,
      { deviceId: exec.deviceId, schemaVersion: SCHEMA_VERSION, mutations: [product(`P-${randomUUID().slice(0, 6)}`)] },
      again.headers,
    )
    expect(body.results[0]).toMatchObject({ status: 'rejected', reason_code: 'permission_denied' })
  })

  it("is judged with the role's new grants (no session ends for that)", async () => {
    const operator = await signedInDevice(env, 'OPERATOR')
    const first = await operator.push([operator.mutation({ table: 'companies', id: newId(), fields: companyFields(operator.userId) })])
    expect(first.body.results[0]).toMatchObject({ status: 'applied' })
    // The role gets its first grant row (products only): from now on the rows, not the tier defaults, decide.
    const { rows } = await env.pool.query<{ role_id: string }>(`SELECT role_id FROM users WHERE id = $1`, [operator.userId])
    const permissionId = randomUUID()
    await env.pool.query(`INSERT INTO permissions (id, resource, action, field_hlc) VALUES ($1, 'products', 'UPDATE', '{}')`, [permissionId])
    await env.pool.query(`INSERT INTO role_permissions (id, role_id, permission_id, field_hlc) VALUES ($1, $2, $3, '{}')`, [
      randomUUID(),
      rows[0]!.role_id,
      permissionId,
    ])
    try {
      const second = await operator.push([operator.mutation({ table: 'companies', id: newId(), fields: companyFields(operator.userId) })])
      expect(second.body.results[0]).toMatchObject({ status: 'rejected', reason_code: 'permission_denied' })
    } finally {
      await env.pool.query(`DELETE FROM role_permissions WHERE permission_id = $1`, [permissionId])
    }
    const third = await operator.push([operator.mutation({ table: 'companies', id: newId(), fields: companyFields(operator.userId) })])
    expect(third.body.results[0]).toMatchObject({ status: 'applied' })
  })
})

/**
 * Concurrent pushes on a small pool. A push used to keep its transaction's connection while it asked the pool for a
 * second one (the poke audience, after COMMIT): with more concurrent pushes than connections every holder waited for
 * a free one until the connect timeout, and the server answered 503 to all of them (the load benchmark's 8,964
 * errors). Each push must need one connection at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { companyFields, newId, signedInDevice, startSyncTestEnv, type SyncTestEnv } from '../../test/support/sync-kit'

let env: SyncTestEnv
beforeAll(async () => {
  env = await startSyncTestEnv({ pgPoolMax: 2, pgConnectTimeoutMs: 3_000 })
})
afterAll(async () => {
  await env?.close()
})

describe('push on a pool smaller than the number of concurrent pushes', () => {
  it('answers every push (none waits for a connection it can never get)', async () => {
    // OPERATORs: a one-row push takes the exact-audience path, the one that needs a second query after COMMIT.
    const devices = await Promise.all(Array.from({ length: 8 }, () => signedInDevice(env, 'OPERATOR')))
    const started = Date.now()
    const results = await Promise.all(
      devices.map((device) => device.push([device.mutation({ table: 'companies', id: newId(), fields: companyFields(device.userId) })])),
    )
    expect(results.map((r) => r.status)).toEqual(devices.map(() => 200))
    expect(results.flatMap((r) => r.body.results.map((x) => x.status))).toEqual(devices.map(() => 'applied'))
    // Well under the connect timeout: nobody sat in the pool's queue until it gave up.
    expect(Date.now() - started).toBeLessThan(3_000)
  })
})

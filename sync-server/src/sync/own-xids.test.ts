/**
 * A push tells its instance's pull ceiling that its transaction runs in this database (xid-places.ts ranHere): a pull
 * that sees it running then needs no pg_locks lookup (issue 20, scenario 4).
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHlcClock, nodeIdForDevice } from '../../../src/shared/sync/hlc'
import { SCHEMA_VERSION } from '../../../src/shared/sync/protocol'
import { companyFields, newId, signedInDevice, startSyncTestEnv, type SyncTestEnv } from '../../test/support/sync-kit'
import { push } from './push'
import { xidPlacesFor } from './xid-places'

let env: SyncTestEnv
beforeAll(async () => {
  env = await startSyncTestEnv()
})
afterAll(async () => {
  await env?.close()
})

describe("a push's own transaction id", () => {
  it('is known to run in this database as soon as the push has it', async () => {
    const device = await signedInDevice(env)
    const deps = { pool: env.pool, clock: createHlcClock({ node: nodeIdForDevice(randomUUID()) }) }
    const input = { userId: device.userId, deviceId: device.deviceId, schemaVersion: SCHEMA_VERSION, ip: null, userAgent: null }
    const { txid } = await push(deps, { ...input, mutations: [device.mutation({ table: 'companies', id: newId(), fields: companyFields(device.userId) })] })
    expect(txid).not.toBeNull()
    const [away, here] = xidPlacesFor(env.pool).params()
    expect(here).toContain(txid)
    expect(away).not.toContain(txid)
  })
})

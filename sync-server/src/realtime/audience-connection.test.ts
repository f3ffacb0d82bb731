/**
 * The poke audience query runs on a connection of its own (services.ts): with every request connection of the
 * instance busy it still answers, so a small push pokes only the devices that see its rows — on the request pool it
 * waited for the connect timeout, failed, and the bus poked every connected device (issue 20: 500 spare pulls when
 * the instance was saturated).
 */
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testConfig } from '../../test/support'
import { companyFields, newId, signedInDevice, startSyncTestEnv, type SyncTestEnv } from '../../test/support/sync-kit'
import { createServices } from '../services'
import type { Poke } from './poke-bus'

let env: SyncTestEnv
beforeAll(async () => {
  env = await startSyncTestEnv()
})
afterAll(async () => {
  await env?.close()
})

describe('the poke audience with every request connection busy', () => {
  it('still pokes exactly the devices that see the changed rows', async () => {
    const [writer, other] = await Promise.all([signedInDevice(env, 'OPERATOR'), signedInDevice(env, 'OPERATOR')])
    const company = newId()
    await writer.push([writer.mutation({ table: 'companies', id: company, fields: companyFields(writer.userId) })])

    const config = testConfig({ databaseUrl: env.databaseUrl, redisPrefix: `crm-test:audience:${newId()}:`, config: { pgPoolMax: 1, pgConnectTimeoutMs: 300 } })
    const services = createServices(config, pino({ level: 'silent' }))
    const held = await services.pool.connect()
    try {
      const poked: string[] = []
      for (const userId of [writer.userId, other.userId]) services.pokes.addClient({ userId, send: (_poke: Poke) => poked.push(userId) })
      await services.pokes.publish({ changed: [{ table: 'companies', ids: [company] }], userIds: [] })
      expect(poked).toEqual([writer.userId])
    } finally {
      held.release()
      await services.close()
    }
  })
})

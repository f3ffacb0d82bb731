/**
 * usersSeeingEach (one query for several pokes) gives each poke the same audience as usersSeeing for that poke alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { companyFields, newId, signedInDevice, startSyncTestEnv, type SyncTestEnv } from '../../test/support/sync-kit'
import { usersSeeing, usersSeeingEach } from './audience'

let env: SyncTestEnv
beforeAll(async () => {
  env = await startSyncTestEnv()
})
afterAll(async () => {
  await env?.close()
})

describe('the poke audience of several pokes in one query', () => {
  it('answers each poke exactly as it would alone', async () => {
    const [a, b, manager, exec] = await Promise.all([
      signedInDevice(env, 'OPERATOR'),
      signedInDevice(env, 'OPERATOR'),
      signedInDevice(env, 'MANAGER'),
      signedInDevice(env, 'EXECUTIVE'),
    ])
    const [ca, cb] = [newId(), newId()]
    await a.push([a.mutation({ table: 'companies', id: ca, fields: companyFields(a.userId) })])
    await b.push([b.mutation({ table: 'companies', id: cb, fields: companyFields(b.userId) })])
    const candidates = [a.userId, b.userId, manager.userId, exec.userId]
    const requests = [
      { changed: [{ table: 'companies' as const, ids: [ca] }], candidates },
      { changed: [{ table: 'companies' as const, ids: [cb] }], candidates: [a.userId, b.userId] },
      { changed: [{ table: 'companies' as const, ids: [ca, cb] }], candidates },
    ]
    const together = await usersSeeingEach(env.pool, requests)
    const alone = await Promise.all(requests.map((r) => usersSeeing(env.pool, r.changed, r.candidates)))
    expect(together.map((s) => [...s].sort())).toEqual(alone.map((s) => [...s].sort()))
    expect([...together[0]!].sort()).toEqual([a.userId, exec.userId].sort())
    expect([...together[1]!]).toEqual([b.userId])
  })
})

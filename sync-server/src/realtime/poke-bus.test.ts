/**
 * The poke bus resolves a small push's audience for its own connected users. A poke is a hint: when that resolution
 * fails (PostgreSQL busy or down), every connected device is poked rather than none.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { closeRedis, createRedis } from '../redis/connect'
import { createTestRedisPrefix, TEST_REDIS_URL } from '../../test/support'
import { createPokeBus, type Poke, type PokeBus } from './poke-bus'

const silent = { warn: () => undefined, debug: () => undefined }
const company = '0190a000-0000-7000-8000-00000000c001'
let cleanup: (() => Promise<void>) | undefined
afterEach(async () => {
  await cleanup?.()
})

function busWith(resolve: (candidates: readonly string[]) => Promise<ReadonlySet<string>>): PokeBus {
  const pub = createRedis(TEST_REDIS_URL, { name: 'poke-bus-test-pub' })
  const sub = createRedis(TEST_REDIS_URL, { name: 'poke-bus-test-sub' })
  const prefix = createTestRedisPrefix()
  const bus = createPokeBus({ pub, sub, prefix: prefix.prefix, logger: silent, resolve: (_changed, candidates) => resolve(candidates) })
  cleanup = async () => {
    await bus.close()
    await Promise.all([closeRedis(pub), closeRedis(sub)])
    await prefix.cleanup()
  }
  return bus
}

function listen(bus: PokeBus, userId: string): Poke[] {
  const received: Poke[] = []
  bus.addClient({ userId, send: (poke) => received.push(poke) })
  return received
}

describe('poke bus audience', () => {
  it('pokes only the connected users the resolver names, plus the addressed ones', async () => {
    const asked: string[][] = []
    const bus = busWith(async (candidates) => {
      asked.push([...candidates].sort())
      return new Set(['owner'])
    })
    const [owner, bystander, addressed] = [listen(bus, 'owner'), listen(bus, 'bystander'), listen(bus, 'addressed')]
    await bus.publish({ changed: [{ table: 'companies', ids: [company] }], userIds: ['addressed'] }, '42')
    expect(asked).toEqual([['bystander', 'owner']])
    expect([owner.length, bystander.length, addressed.length]).toEqual([1, 0, 1])
    expect(owner[0]).toMatchObject({ txid: '42' })
  })

  it('pokes every connected device when the audience cannot be resolved', async () => {
    const bus = busWith(() => Promise.reject(new Error('PostgreSQL is down')))
    const [a, b] = [listen(bus, 'a'), listen(bus, 'b')]
    await bus.publish({ changed: [{ table: 'companies', ids: [company] }], userIds: [] })
    expect([a.length, b.length]).toEqual([1, 1])
  })
})

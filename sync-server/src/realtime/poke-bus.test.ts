/**
 * The poke bus resolves a small push's audience for its own connected users. A poke is a hint: when that resolution
 * fails (PostgreSQL busy or down), every connected device is poked rather than none.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { closeRedis, createRedis } from '../redis/connect'
import { createTestRedisPrefix, TEST_REDIS_URL } from '../../test/support'
import { AUDIENCE_FALLBACK_MS, createPokeBus, type AudienceRequest, type Poke, type PokeBus } from './poke-bus'

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

  it('after failed resolutions, pokes every device at most once per AUDIENCE_FALLBACK_MS, with the newest txid', async () => {
    const bus = busWith(() => Promise.reject(new Error('timeout exceeded when trying to connect')))
    const [a, b] = [listen(bus, 'a'), listen(bus, 'b')]
    const poke = (txid: string) => bus.publish({ changed: [{ table: 'companies', ids: [company] }], userIds: [] }, txid)
    await poke('10')
    // A burst of failures (a saturated instance): no device is woken again for each.
    await Promise.all([poke('12'), poke('11'), poke('13')])
    expect(a.map((p) => p.txid)).toEqual(['10'])
    // At the window's end one poke covers them all: every device learns of the newest commit.
    await new Promise((resolve) => setTimeout(resolve, AUDIENCE_FALLBACK_MS + 100))
    expect(a.map((p) => p.txid)).toEqual(['10', '13'])
    expect(b.map((p) => p.txid)).toEqual(['10', '13'])
  })
})

describe('poke bus audience, batched (resolveEach)', () => {
  it('resolves the pokes that arrive during a resolution together, and gives each poke its own answer', async () => {
    const pub = createRedis(TEST_REDIS_URL, { name: 'poke-bus-test-pub' })
    const sub = createRedis(TEST_REDIS_URL, { name: 'poke-bus-test-sub' })
    const prefix = createTestRedisPrefix()
    const batches: number[] = []
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    const bus = createPokeBus({
      pub,
      sub,
      prefix: prefix.prefix,
      logger: silent,
      resolveEach: async (requests: readonly AudienceRequest[]) => {
        batches.push(requests.length)
        if (batches.length === 1) await gate
        // Whoever "owns" the first changed row sees it (the row id names its owner in this test).
        return requests.map((r) => new Set([r.changed[0]!.ids[0]!.endsWith('1') ? 'one' : 'two']))
      },
    })
    cleanup = async () => {
      await bus.close()
      await Promise.all([closeRedis(pub), closeRedis(sub)])
      await prefix.cleanup()
    }
    const [one, two] = [listen(bus, 'one'), listen(bus, 'two')]
    const row = (n: number) => `0190a000-0000-7000-8000-00000000000${n}`
    const first = bus.publish({ changed: [{ table: 'companies', ids: [row(1)] }], userIds: [] }, '1')
    // Three more pokes while the first resolution is still running: one query for the three of them.
    const rest = [2, 1, 2].map((n, i) => bus.publish({ changed: [{ table: 'companies', ids: [row(n)] }], userIds: [] }, String(i + 2)))
    await new Promise((resolve) => setTimeout(resolve, 50))
    release()
    await Promise.all([first, ...rest])
    expect(batches).toEqual([1, 3])
    expect(one.map((p) => p.txid)).toEqual(['1', '3'])
    expect(two.map((p) => p.txid).sort()).toEqual(['2', '4'])
  })
})

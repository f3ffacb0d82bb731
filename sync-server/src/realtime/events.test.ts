import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPool } from '../../db/pool'
import {
  createSignedInUser,
  createTestDatabase,
  createTestRedisPrefix,
  readSse,
  startTestServer,
  type TestDatabase,
  type TestRedisPrefix,
  type TestServer,
} from '../../test/support'

let db: TestDatabase
let redis: TestRedisPrefix
let a: TestServer
let b: TestServer

beforeAll(async () => {
  db = await createTestDatabase()
  redis = createTestRedisPrefix()
  // Two instances, one database, one Redis prefix: what runs behind a load balancer.
  const options = { databaseUrl: db.url, redisPrefix: redis.prefix, config: { sseHeartbeatMs: 200 } }
  ;[a, b] = await Promise.all([startTestServer(options), startTestServer(options)])
  await Promise.all([a.services.pokes.ready(), b.services.pokes.ready()])
})

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()])
  await redis?.cleanup()
  await db?.drop()
})

describe('GET /v1/sync/events', () => {
  it('delivers a poke published on instance A to a device listening on instance B', async () => {
    const alice = await createSignedInUser(b.url, db.url)
    const bob = await createSignedInUser(b.url, db.url)
    const aliceStream = await readSse(`${b.url}/v1/sync/events`, alice.headers)
    const bobStream = await readSse(`${b.url}/v1/sync/events`, bob.headers)
    try {
      expect(aliceStream.status).toBe(200)
      expect(aliceStream.headers.get('content-type')).toMatch(/^text\/event-stream/)
      await aliceStream.next('ready')
      await bobStream.next('ready')

      await a.services.pokes.publish({ userIds: [alice.user.id] })
      const poke = await aliceStream.next('poke')
      expect(JSON.parse(poke.data)).toEqual({ at: expect.any(String) })

      // Bob was not in the audience; a poke for everyone reaches both.
      await a.services.pokes.publish('all')
      await aliceStream.next('poke')
      await bobStream.next('poke')
      expect(bobStream.events.filter((e) => e.event === 'poke')).toHaveLength(1)
    } finally {
      aliceStream.close()
      bobStream.close()
    }
  })

  it("resolves a small push's audience on the receiving instance, for its own connected users only", async () => {
    const owner = await createSignedInUser(b.url, db.url)
    const bystander = await createSignedInUser(b.url, db.url)
    const company = randomUUID()
    const pool = createPool(db.url, { max: 1 })
    try {
      await pool.query(`INSERT INTO companies (id, code, name, account_manager_id) VALUES ($1, $2, '스코프상사', $3)`, [
        company,
        `C-${company.slice(0, 8)}`,
        owner.user.id,
      ])
    } finally {
      await pool.end()
    }
    const ownerStream = await readSse(`${b.url}/v1/sync/events`, owner.headers)
    const bystanderStream = await readSse(`${b.url}/v1/sync/events`, bystander.headers)
    try {
      await ownerStream.next('ready')
      await bystanderStream.next('ready')
      await a.services.pokes.publish({ changed: [{ table: 'companies', ids: [company] }], userIds: [] }, '81400')
      expect(JSON.parse((await ownerStream.next('poke')).data)).toEqual({ at: expect.any(String), txid: '81400' })
      // Same instance, same delivery pass: a bystander in the audience would have its poke by now.
      expect(bystanderStream.events.filter((e) => e.event === 'poke')).toEqual([])
    } finally {
      ownerStream.close()
      bystanderStream.close()
    }
  })

  it('carries the committing transaction id when given, locally and through Redis (optional: old payload otherwise)', async () => {
    const user = await createSignedInUser(b.url, db.url)
    const local = await readSse(`${b.url}/v1/sync/events`, user.headers)
    try {
      await local.next('ready')
      await a.services.pokes.publish({ userIds: [user.user.id] }, '81300')
      expect(JSON.parse((await local.next('poke')).data)).toEqual({ at: expect.any(String), txid: '81300' })
      await b.services.pokes.publish({ userIds: [user.user.id] }, '81301')
      expect(JSON.parse((await local.next('poke')).data)).toEqual({ at: expect.any(String), txid: '81301' })
    } finally {
      local.close()
    }
  })

  it('delivers to devices on the publishing instance too', async () => {
    const user = await createSignedInUser(a.url, db.url)
    const stream = await readSse(`${a.url}/v1/sync/events`, user.headers)
    try {
      await stream.next('ready')
      await a.services.pokes.publish({ userIds: [user.user.id] })
      await stream.next('poke')
    } finally {
      stream.close()
    }
  })

  it('sends heartbeat comments', async () => {
    const user = await createSignedInUser(a.url, db.url)
    const stream = await readSse(`${a.url}/v1/sync/events`, user.headers)
    try {
      expect((await stream.next('comment', 2_000)).data).toBe('heartbeat')
    } finally {
      stream.close()
    }
  })

  it('accepts a single-use stream ticket (EventSource cannot set headers), refuses ?access_token=, missing or bad tokens', async () => {
    const user = await createSignedInUser(a.url, db.url)
    const issued = await fetch(`${a.url}/v1/sync/events/ticket`, { method: 'POST', headers: user.headers })
    const { ticket } = (await issued.json()) as { ticket: string }
    const viaTicket = await readSse(`${a.url}/v1/sync/events?ticket=${encodeURIComponent(ticket)}`)
    try {
      expect(viaTicket.status).toBe(200)
      await viaTicket.next('ready')
    } finally {
      viaTicket.close()
    }
    expect((await fetch(`${a.url}/v1/sync/events`)).status).toBe(401)
    expect((await fetch(`${a.url}/v1/sync/events?access_token=${encodeURIComponent(user.accessToken)}`)).status).toBe(401)
    expect((await fetch(`${a.url}/v1/sync/events?access_token=forged.token.here`)).status).toBe(401)
  })

  it('forgets a client when its connection closes', async () => {
    const user = await createSignedInUser(b.url, db.url)
    const before = b.services.pokes.clientCount()
    const stream = await readSse(`${b.url}/v1/sync/events`, user.headers)
    await stream.next('ready')
    expect(b.services.pokes.clientCount()).toBe(before + 1)
    stream.close()
    for (let i = 0; i < 50 && b.services.pokes.clientCount() > before; i++) await new Promise((r) => setTimeout(r, 20))
    expect(b.services.pokes.clientCount()).toBe(before)
  })
})

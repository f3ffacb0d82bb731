/**
 * A pull with nothing new (pull.ts emptyLogPage): one statement, no scope load, and the same answer the full pull
 * gives — cursor at the ceiling, watermark, behind, the device's last applied seq — and new changes still delivered.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PullResponse } from '../../../src/shared/sync/protocol'
import { createTestDatabase, type TestDatabase } from '../../test/support'
import { encodeCursor, logCursorAt } from './cursor'
import { EMPTY_PULL_SQL, pull } from './pull'
import { rightsAt, rightsCacheFor } from './rights-cache'
import { xidPlacesFor } from './xid-places'
import { companyFields, newId, signedInDevice, startSyncTestEnv, type SyncTestEnv } from '../../test/support/sync-kit'
import { pullWhileBehind } from '../../test/support/pull-while-behind'

let env: SyncTestEnv
let elsewhere: TestDatabase
beforeAll(async () => {
  env = await startSyncTestEnv()
  elsewhere = await createTestDatabase({ migrate: false })
})
afterAll(async () => {
  await env?.close()
  await elsewhere?.drop()
})

/** The pool, counting the statements pull() sends (through pool.query and through checked-out clients). */
function countingPool(pool: pg.Pool): { pool: pg.Pool; statements: () => number; names: () => string[]; texts: () => string[] } {
  let statements = 0
  const names: string[] = []
  /** The text of each statement sent through a checked-out client. */
  const texts: string[] = []
  const counted = new Proxy(pool, {
    get(target, key, receiver) {
      if (key === 'query')
        return (...args: Parameters<pg.Pool['query']>) => {
          statements++
          const first = args[0] as unknown
          names.push(typeof first === 'object' && first !== null && 'name' in first ? String(first.name) : String(first))
          return (target.query as (...a: unknown[]) => unknown)(...args)
        }
      if (key === 'connect')
        return async () => {
          const client = await target.connect()
          return new Proxy(client, {
            get(c, k, r) {
              if (k === 'query')
                return (...args: unknown[]) => (statements++, texts.push(String(args[0])), (c.query as (...a: unknown[]) => unknown).apply(c, args))
              const value = Reflect.get(c, k, r) as unknown
              return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(c) : value
            },
          })
        }
      const value = Reflect.get(target, key, receiver) as unknown
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
  return { pool: counted, statements: () => statements, names: () => names, texts: () => texts }
}

const withoutTime = (json: string): Omit<PullResponse, 'serverTime'> => {
  const { serverTime: _ignored, ...rest } = JSON.parse(json) as PullResponse
  return rest
}

describe('a pull with nothing new', () => {
  it('is answered by one statement, with the cursor, watermark and last applied seq of the full pull', async () => {
    const device = await signedInDevice(env, 'OPERATOR')
    await device.push([device.mutation({ table: 'companies', id: newId(), fields: companyFields(device.userId) })])
    await device.sync()
    const input = { userId: device.userId, deviceId: device.deviceId, cursor: device.cursor }
    // Hooks force the full pull (ceiling, page, scope, device, gc: several statements). Other transactions of the
    // cluster move the ceiling between calls, so the fast answer is bracketed by two full ones.
    const before = withoutTime(await pull(env.pool, input, undefined, {}))
    const counting = countingPool(env.pool)
    const body = withoutTime(await pull(counting.pool, input))
    // One statement; a second one only to look up a transaction (of any database of the cluster) running at that
    // moment that this instance has not seen before — other test files' transactions, on a shared server.
    expect(counting.names().filter((name) => name !== 'crm-pull-locate')).toEqual(['crm-pull-empty'])
    expect(counting.statements()).toBeLessThanOrEqual(2)
    const after = withoutTime(await pull(env.pool, input, undefined, {}))
    const { cursor: _c, watermark: _w, ...same } = before
    expect(body).toMatchObject({ ...same, changes: [], removed: [], hasMore: false, lastAppliedSeq: 1 })
    expect(BigInt(body.watermark!)).toBeGreaterThanOrEqual(BigInt(before.watermark!))
    expect(BigInt(body.watermark!)).toBeLessThanOrEqual(BigInt(after.watermark!))
    expect(JSON.parse(Buffer.from(body.cursor, 'base64url').toString())).toEqual({ v: 1, phase: 'log', txid: body.watermark, id: '0' })
    expect(BigInt(body.watermark!)).toBeGreaterThanOrEqual(BigInt(device.watermark!))
    // The cursor is the ceiling the watermark names: a pull from it is empty again.
    expect(withoutTime(await pull(env.pool, { ...input, cursor: body.cursor }))).toMatchObject({ changes: [], hasMore: false })
  })

  it('with entries to deliver, reads the page below its ceiling with the scope from the rights cache: two statements, no scope, seq or pg_locks read', async () => {
    const device = await signedInDevice(env, 'OPERATOR')
    await device.sync()
    const id = newId()
    await device.push([device.mutation({ table: 'companies', id, fields: companyFields(device.userId) })])
    const { rows } = await env.pool.query<{ epoch: string }>('SELECT epoch::text AS epoch FROM authz_epoch WHERE id = 1')
    const counting = countingPool(env.pool)
    // As a push through this instance leaves it (the cache is per pool object: here the counting proxy).
    await rightsAt(env.pool, rightsCacheFor(counting.pool), device.userId, rows[0]!.epoch)
    const input = { userId: device.userId, deviceId: device.deviceId, cursor: device.cursor }
    const body = withoutTime(await pull(counting.pool, input))
    expect(counting.names().filter((name) => name !== 'crm-pull-locate')[0]).toBe('crm-pull-empty')
    // The page (with behind and the gc check in the same statement), then its rows (one table).
    expect(counting.texts()).toHaveLength(2)
    for (const text of counting.texts()) expect(text).not.toMatch(/user_tier|pg_locks|last_applied_seq/)
    const full = withoutTime(await pull(env.pool, input, undefined, {}))
    expect(body.changes.map((c) => c.id)).toEqual([id])
    expect(body).toMatchObject({ changes: full.changes, removed: full.removed, hasMore: false, lastAppliedSeq: full.lastAppliedSeq })
  })

  it('pages the log by the limit, in commit order, without losing or repeating an entry (page of limit + 1 read)', async () => {
    const device = await signedInDevice(env, 'OPERATOR')
    await device.sync()
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      const id = newId()
      ids.push(id)
      await device.push([device.mutation({ table: 'companies', id, fields: companyFields(device.userId) })])
    }
    const seen: string[] = []
    let cursor = device.cursor
    for (let i = 0; i < 20; i++) {
      const page = JSON.parse(await pull(env.pool, { userId: device.userId, deviceId: device.deviceId, cursor, limit: 2 })) as PullResponse
      expect(page.changes.length).toBeLessThanOrEqual(2)
      seen.push(...page.changes.map((c) => c.id))
      cursor = page.cursor
      if (!page.hasMore && !page.behind) break
    }
    expect(seen).toEqual(ids)
  })

  it('still delivers what changed since the cursor (no short cut past a pending entry)', async () => {
    const device = await signedInDevice(env, 'OPERATOR')
    await device.sync()
    const id = newId()
    await device.push([device.mutation({ table: 'companies', id, fields: companyFields(device.userId) })])
    const pages = await pullWhileBehind(env.pool, { userId: device.userId, deviceId: device.deviceId, cursor: device.cursor })
    expect(pages.flatMap((page) => page.changes.map((c) => c.id))).toContain(id)
  })
})

describe("a cursor at the snapshot's xmax (no transaction of the cluster took an id since the last answer)", () => {
  /** The plan of the empty-pull statement for a cursor at `txid`, executed (EXPLAIN ANALYZE) in one snapshot. */
  async function executedPlan(txid: string, userId: string, deviceId: string): Promise<string> {
    const client = new pg.Client({ connectionString: env.databaseUrl })
    await client.connect()
    try {
      // The plan the server runs from its sixth execution on (node-pg prepares the statement once per connection).
      await client.query('SET plan_cache_mode = force_generic_plan')
      await client.query(`PREPARE empty_pull(xid8, bigint, uuid, uuid, uuid) AS ${EMPTY_PULL_SQL}`)
      // The last one, the request's session, is null: the caller checked it (the route passes the token's).
      const args = [...[txid, '0', userId, deviceId].map((value) => client.escapeLiteral(value)), 'NULL'].join(', ')
      // EXPLAIN EXECUTE takes no bind parameters: the values are inlined as literals.
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) EXECUTE empty_pull(${args})`)
      return rows.map((row) => row['QUERY PLAN']).join('\n')
    } finally {
      await client.end()
    }
  }

  it('skips the change_log probe, which could find nothing (every entry it sees is below xmax)', async () => {
    const device = await signedInDevice(env, 'OPERATOR')
    await device.sync()
    const { rows } = await env.pool.query<{ x: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x')
    // At or above the statement's xmax whatever else commits meanwhile: the probe is never run.
    const atXmax = await executedPlan(String(BigInt(rows[0]!.x) + 1_000_000n), device.userId, device.deviceId)
    expect(atXmax).toMatch(/ on change_log e \(never executed\)/)
    // Below it, the probe runs (and the device's seq and the gc floor are read either way).
    const below = await executedPlan(rows[0]!.x === '0' ? '0' : String(BigInt(rows[0]!.x) - 1n), device.userId, device.deviceId)
    expect(below).toMatch(/on change_log e \(actual rows=\d+ loops=1\)/)
    expect(atXmax).toMatch(/on sync_devices d \(actual rows=\d+ loops=1\)/)
  })

  it('answers as the full pull does, and a commit landing right after the answer is delivered by the next pull', async () => {
    const reader = await signedInDevice(env, 'EXECUTIVE')
    const writer = await signedInDevice(env, 'EXECUTIVE')
    await reader.sync()
    // An empty answer, then the same cursor again: while no transaction takes an id, that cursor is at xmax.
    const input = { userId: reader.userId, deviceId: reader.deviceId, cursor: reader.cursor }
    const first = withoutTime(await pull(env.pool, input))
    const again = { ...input, cursor: first.cursor }
    const fast = withoutTime(await pull(env.pool, again))
    const full = withoutTime(await pull(env.pool, again, undefined, {}))
    expect(fast).toMatchObject({ changes: [], removed: [], hasMore: false, lastAppliedSeq: full.lastAppliedSeq })
    expect(BigInt(fast.watermark!)).toBeLessThanOrEqual(BigInt(full.watermark!))
    const id = newId()
    await writer.push([writer.mutation({ table: 'companies', id, fields: companyFields(writer.userId) })])
    const next = await pullWhileBehind(env.pool, again)
    expect(next.flatMap((page) => page.changes.map((c) => c.id))).toContain(id)
  })
})

/** A transaction left open on `url` that holds a transaction id (returned), ended by `end`. */
async function openTransaction(url: string, write: (client: pg.Client) => Promise<void>): Promise<{ xid: bigint; end(commit: boolean): Promise<void> }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query('BEGIN')
  await write(client)
  const { rows } = await client.query<{ x: string }>('SELECT pg_current_xact_id()::text AS x')
  return {
    xid: BigInt(rows[0]!.x),
    async end(commit) {
      await client.query(commit ? 'COMMIT' : 'ROLLBACK')
      await client.end()
    },
  }
}

const cursorTxid = (cursor: string): bigint => BigInt((JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { txid: string }).txid)

describe('the empty pull remembers where running transactions belong (xid-places.ts)', () => {
  it('passes a transaction of another database, and looks it up once', async () => {
    const device = await signedInDevice(env, 'OPERATOR')
    await device.sync()
    const other = await openTransaction(elsewhere.url, async (client) => {
      await client.query('CREATE TABLE batch_job (n int)')
    })
    try {
      // A commit here after it, so that it is among the snapshot's running ids (below xmax).
      await device.push([device.mutation({ table: 'companies', id: newId(), fields: companyFields(device.userId) })])
      await device.sync()
      const input = { userId: device.userId, deviceId: device.deviceId, cursor: device.cursor }
      const first = JSON.parse(await pull(env.pool, input)) as PullResponse
      expect(cursorTxid(first.cursor)).toBeGreaterThan(other.xid)
      expect(xidPlacesFor(env.pool).params()[0]).toContain(String(other.xid))
      const second = JSON.parse(await pull(env.pool, { ...input, cursor: first.cursor })) as PullResponse
      expect(cursorTxid(second.cursor)).toBeGreaterThan(other.xid)
      expect(second.changes).toEqual([])
    } finally {
      await other.end(false)
    }
  })

  it('answers a cursor above the ceiling (issued by an instance that knew more) as the full pull does', async () => {
    const device = await signedInDevice(env, 'EXECUTIVE')
    await device.sync()
    const open = await openTransaction(env.databaseUrl, async (client) => {
      await client.query(`INSERT INTO change_log (table_name, row_id) VALUES ('companies', $1)`, [newId()])
    })
    try {
      // A commit after it: xmax passes it, so a cursor just above the open transaction is not "from the future".
      await device.push([device.mutation({ table: 'companies', id: newId(), fields: companyFields(device.userId) })])
      const input = { userId: device.userId, deviceId: device.deviceId, cursor: encodeCursor(logCursorAt(String(open.xid + 1n), '0')) }
      const fast = withoutTime(await pull(env.pool, input))
      const full = withoutTime(await pull(env.pool, input, undefined, {}))
      expect(fast).toEqual(full)
      expect(cursorTxid(fast.cursor)).toBeLessThanOrEqual(open.xid)
      expect(fast.behind).toBe(true)
    } finally {
      await open.end(false)
    }
  })

  it('stays below a transaction of this database while it runs, then delivers what it wrote', async () => {
    const writer = await signedInDevice(env, 'EXECUTIVE')
    const reader = await signedInDevice(env, 'EXECUTIVE')
    const id = newId()
    await writer.push([writer.mutation({ table: 'companies', id, fields: companyFields(writer.userId) })])
    await reader.sync()
    const open = await openTransaction(env.databaseUrl, async (client) => {
      await client.query(`UPDATE companies SET name = '열린 트랜잭션' WHERE id = $1`, [id])
      await client.query(`INSERT INTO change_log (table_name, row_id) VALUES ('companies', $1)`, [id])
    })
    try {
      await writer.push([writer.mutation({ table: 'companies', id: newId(), fields: companyFields(writer.userId) })])
      const input = { userId: reader.userId, deviceId: reader.deviceId, cursor: reader.cursor }
      for (let i = 0; i < 2; i++) {
        // The second pull finds the open id among those known here: no lookup, same ceiling.
        const page = JSON.parse(await pull(env.pool, input)) as PullResponse
        expect(cursorTxid(page.cursor)).toBeLessThanOrEqual(open.xid)
        expect(page.behind).toBe(true)
        expect(xidPlacesFor(env.pool).params()[1]).toContain(String(open.xid))
      }
    } finally {
      await open.end(true)
    }
    const after = JSON.parse(await pull(env.pool, { userId: reader.userId, deviceId: reader.deviceId, cursor: reader.cursor, limit: 1_000 })) as PullResponse
    expect(after.changes.some((c) => c.id === id && (c.row as { name?: string }).name === '열린 트랜잭션')).toBe(true)
  })
})

/**
 * A pull with nothing new (pull.ts emptyLogPage): one statement, no scope load, and the same answer the full pull
 * gives — cursor at the ceiling, watermark, behind, the device's last applied seq — and new changes still delivered.
 */
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PullResponse } from '../../../src/shared/sync/protocol'
import { pull } from './pull'
import { companyFields, newId, signedInDevice, startSyncTestEnv, type SyncTestEnv } from '../../test/support/sync-kit'

let env: SyncTestEnv
beforeAll(async () => {
  env = await startSyncTestEnv()
})
afterAll(async () => {
  await env?.close()
})

/** The pool, counting the statements pull() sends (through pool.query and through checked-out clients). */
function countingPool(pool: pg.Pool): { pool: pg.Pool; statements: () => number } {
  let statements = 0
  const counted = new Proxy(pool, {
    get(target, key, receiver) {
      if (key === 'query') return (...args: Parameters<pg.Pool['query']>) => (statements++, (target.query as (...a: unknown[]) => unknown)(...args))
      if (key === 'connect')
        return async () => {
          const client = await target.connect()
          return new Proxy(client, {
            get(c, k, r) {
              if (k === 'query') return (...args: unknown[]) => (statements++, (c.query as (...a: unknown[]) => unknown).apply(c, args))
              const value = Reflect.get(c, k, r) as unknown
              return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(c) : value
            },
          })
        }
      const value = Reflect.get(target, key, receiver) as unknown
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
  return { pool: counted, statements: () => statements }
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
    expect(counting.statements()).toBe(1)
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

  it('still delivers what changed since the cursor (no short cut past a pending entry)', async () => {
    const device = await signedInDevice(env, 'OPERATOR')
    await device.sync()
    const id = newId()
    await device.push([device.mutation({ table: 'companies', id, fields: companyFields(device.userId) })])
    const body = JSON.parse(await pull(env.pool, { userId: device.userId, deviceId: device.deviceId, cursor: device.cursor })) as PullResponse
    expect(body.changes.map((c) => c.id)).toContain(id)
  })
})

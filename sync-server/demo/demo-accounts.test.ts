/**
 * The demo server is something people try the product with: its accounts must be able to sign in and work, under the
 * permission matrix the demo data grants (business resources × actions, src/shared/model/permissions.ts).
 */
import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../src/demo'
import { createHlcClock, nodeIdForDevice } from '../../src/shared/sync/hlc'
import { SCHEMA_VERSION, type PushResponse } from '../../src/shared/sync/protocol'
import { createPool } from '../db/pool'
import { hashPassword } from '../src/auth/password'
import { createTestDatabase, createTestRedisPrefix, login, startTestServer, type TestServer } from '../test/support'
import { seedServer } from './seed-server'

const PASSWORD = 'demo-password-1'
let database: Awaited<ReturnType<typeof createTestDatabase>>
let redis: ReturnType<typeof createTestRedisPrefix>
let server: TestServer
let pool: pg.Pool

beforeAll(async () => {
  database = await createTestDatabase()
  redis = createTestRedisPrefix()
  pool = createPool(database.url, { max: 2 })
  await seedServer(pool, { seed: 'demo-accounts', scale: 2_000, passwordHash: await hashPassword(PASSWORD) })
  server = await startTestServer({ databaseUrl: database.url, redisPrefix: redis.prefix, logger: false })
})

afterAll(async () => {
  await server?.close()
  await pool?.end()
  await redis?.cleanup()
  await database?.drop()
})

async function editOwnCompany(account: (typeof DEMO_ACCOUNTS)[keyof typeof DEMO_ACCOUNTS]): Promise<PushResponse> {
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM companies WHERE account_manager_id = $1 AND deleted_at IS NULL LIMIT 1`, [account.id])
  const company = rows[0]?.id
  expect(company, `${account.email} manages a company`).toBeDefined()
  const deviceId = randomUUID()
  const session = await login(server.url, { email: account.email, password: PASSWORD, deviceId })
  const clock = createHlcClock({ node: nodeIdForDevice(deviceId) })
  const response = await fetch(`${server.url}/v1/sync/push`, {
    method: 'POST',
    headers: { ...session.headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      deviceId,
      schemaVersion: SCHEMA_VERSION,
      mutations: [{ seq: 1, table: 'companies', id: company, op: 'upsert', fields: { description: '데모 계정 수정' }, hlc: clock.tick() }],
    }),
  })
  expect(response.status).toBe(200)
  return (await response.json()) as PushResponse
}

describe('demo accounts on a demo server', () => {
  it('a consultant (OPERATOR) edits a company they manage', async () => {
    const body = await editOwnCompany(DEMO_ACCOUNTS.consultant)
    expect(body.results[0]).toMatchObject({ status: 'applied' })
  })

  it('the team manager edits a company they manage', async () => {
    const body = await editOwnCompany(DEMO_ACCOUNTS.manager)
    expect(body.results[0]).toMatchObject({ status: 'applied' })
  })
})

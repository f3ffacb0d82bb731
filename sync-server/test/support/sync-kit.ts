/**
 * Test kit for the sync tests: a real server on a fresh database, and a small device model that stamps mutations
 * with its own HLC and sequence numbers and keeps a replica of what it pulled (so tests read like a device's life).
 * Test-only; nothing in the server imports it.
 */
import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import { createPool } from '../../db/pool'
import type { ServerConfig } from '../../src/config'
import { uuidv7 } from '../../../src/shared/ids/uuidv7'
import type { UserTier } from '../../../src/shared/model/enums'
import { createHlcClock, nodeIdForDevice, type HlcClock } from '../../../src/shared/sync/hlc'
import { SCHEMA_VERSION, type PullResponse, type PushResponse } from '../../../src/shared/sync/protocol'
import { createSignedInUser, createTestDatabase, createTestRedisPrefix, login, startTestServer, type TestServer } from '.'

export interface SyncTestEnv {
  readonly server: TestServer
  /** A pool on the test database with the wire type parsers (what the server uses). */
  readonly pool: pg.Pool
  readonly databaseUrl: string
  close(): Promise<void>
}

/** `config`: server settings for this environment, e.g. `{ pgPoolMax: 2 }`. */
export async function startSyncTestEnv(config: Partial<ServerConfig> = {}): Promise<SyncTestEnv> {
  const db = await createTestDatabase()
  const redis = createTestRedisPrefix()
  const server = await startTestServer({
    databaseUrl: db.url,
    redisPrefix: redis.prefix,
    config,
    logger: process.env.SYNC_TEST_LOG ? { level: process.env.SYNC_TEST_LOG } : false,
  })
  const pool = createPool(db.url, { max: 4 })
  // Dropping the database terminates idle connections; an idle client's error must not crash the test run.
  pool.on('error', () => undefined)
  return {
    server,
    pool,
    databaseUrl: db.url,
    async close() {
      await server.close()
      await pool.end()
      await redis.cleanup()
      await db.drop()
    },
  }
}

export interface MutationInput {
  readonly table: string
  readonly id: string
  readonly op?: 'upsert' | 'delete'
  readonly fields?: Record<string, unknown>
  /** Default: a fresh stamp from the device clock. */
  readonly hlc?: string
  /** Default: the device's current watermark. */
  readonly base?: string | null
  /** Default: the next sequence number. */
  readonly seq?: number
}

export interface HttpResult<T> {
  readonly status: number
  readonly body: T
  readonly headers: Headers
}

export interface TestDevice {
  readonly userId: string
  readonly deviceId: string
  readonly node: string
  readonly clock: HlcClock
  readonly headers: Record<string, string>
  /** What the device holds: table → id → row. */
  readonly replica: Map<string, Map<string, Record<string, unknown>>>
  cursor: string | null
  watermark: string | null
  /** Sum of the server's own pull time (Server-Timing), ms. */
  serverPullMs: number
  /** Builds a mutation with the next seq and a fresh stamp (not sent). */
  mutation(input: MutationInput): Record<string, unknown>
  push(mutations: readonly Record<string, unknown>[], overrides?: Record<string, unknown>): Promise<HttpResult<PushResponse>>
  /** One pull page from the current cursor; applies it to the replica and advances the cursor. */
  pullPage(limit?: number): Promise<PullResponse>
  /**
   * Pulls until hasMore is false and everything committed before the call has been delivered. The pull horizon is
   * cluster-wide (pg_snapshot_xmin), so a transaction of another test file running in parallel can hold it back for
   * a moment; waiting for the watermark keeps tests independent of that.
   */
  sync(limit?: number): Promise<PullResponse[]>
  /** Pulls until hasMore is false, once: what a device would get right now. */
  syncNow(limit?: number): Promise<PullResponse[]>
  row(table: string, id: string): Record<string, unknown> | undefined
}

export interface DeviceOptions {
  readonly now?: () => number
}

export async function postJson<T>(url: string, body: unknown, headers: Record<string, string>): Promise<HttpResult<T>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  const text = await response.text()
  return { status: response.status, body: JSON.parse(text) as T, headers: response.headers }
}

function makeDevice(env: SyncTestEnv, userId: string, deviceId: string, headers: Record<string, string>, options: DeviceOptions): TestDevice {
  const node = nodeIdForDevice(deviceId)
  const clock = createHlcClock({ node, now: options.now })
  let seq = 0
  const replica = new Map<string, Map<string, Record<string, unknown>>>()
  const device: TestDevice = {
    userId,
    deviceId,
    node,
    clock,
    headers,
    replica,
    cursor: null,
    watermark: null,
    serverPullMs: 0,
    mutation(input) {
      seq = Math.max(seq, input.seq ?? seq + 1)
      return {
        seq: input.seq ?? seq,
        table: input.table,
        id: input.id,
        op: input.op ?? 'upsert',
        fields: input.fields ?? {},
        hlc: input.hlc ?? clock.tick(),
        base: input.base === undefined ? device.watermark : input.base,
      }
    },
    async push(mutations, overrides = {}) {
      const result = await postJson<PushResponse>(
        `${env.server.url}/v1/sync/push`,
        { deviceId, schemaVersion: SCHEMA_VERSION, mutations, ...overrides },
        headers,
      )
      if (result.status === 200) clock.observe(result.body.serverTime)
      return result
    },
    async pullPage(limit) {
      const result = await postJson<PullResponse>(
        `${env.server.url}/v1/sync/pull`,
        { deviceId, schemaVersion: SCHEMA_VERSION, cursor: device.cursor, ...(limit ? { limit } : {}) },
        headers,
      )
      if (result.status !== 200) throw new Error(`pull failed: ${result.status} ${JSON.stringify(result.body)}`)
      device.serverPullMs += Number(/dur=([\d.]+)/.exec(result.headers.get('server-timing') ?? '')?.[1] ?? 0)
      const page = result.body
      for (const change of page.changes) {
        const table = replica.get(change.table) ?? new Map<string, Record<string, unknown>>()
        table.set(change.id, change.row)
        replica.set(change.table, table)
      }
      for (const gone of page.removed) replica.get(gone.table)?.delete(gone.id)
      device.cursor = page.cursor
      if (page.watermark !== null) device.watermark = page.watermark
      clock.observe(page.serverTime)
      return page
    },
    async sync(limit) {
      const { rows } = await env.pool.query<{ target: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS target')
      const target = BigInt(rows[0]!.target)
      const pages: PullResponse[] = []
      const deadline = Date.now() + 20_000
      for (;;) {
        pages.push(...(await device.syncNow(limit)))
        if (device.watermark !== null && BigInt(device.watermark) >= target) return pages
        if (Date.now() > deadline) throw new Error(`pull watermark ${device.watermark} never reached ${target}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    },
    async syncNow(limit) {
      const pages: PullResponse[] = []
      for (let i = 0; i < 10_000; i++) {
        const page = await device.pullPage(limit)
        pages.push(page)
        if (!page.hasMore) return pages
      }
      throw new Error('pull never finished')
    },
    row(table, id) {
      return replica.get(table)?.get(id)
    },
  }
  return device
}

/** Pushes `mutations` and fails unless the server applied every one (the outcomes are in the message). */
export async function pushApplied(device: TestDevice, mutations: Record<string, unknown>[]): Promise<void> {
  const { body } = await device.push(mutations)
  const outcomes = body.results.map((r) => r.reason ?? r.status)
  if (outcomes.length !== mutations.length || outcomes.some((o) => o !== 'applied')) throw new Error(`Not all applied: ${JSON.stringify(outcomes)}`)
}

/** A new user of `tier` signed in on a new device. */
export async function signedInDevice(
  env: SyncTestEnv,
  tier: UserTier = 'OPERATOR',
  options: DeviceOptions = {},
): Promise<TestDevice & { readonly email: string; readonly password: string }> {
  const session = await createSignedInUser(env.server.url, env.databaseUrl, { tier })
  return Object.assign(makeDevice(env, session.user.id, session.deviceId, session.headers, options), {
    email: session.account.email,
    password: session.account.password,
  })
}

/** Another device of the same user. */
export async function secondDevice(
  env: SyncTestEnv,
  first: TestDevice & { readonly email: string; readonly password: string },
  options: DeviceOptions = {},
): Promise<TestDevice> {
  const session = await login(env.server.url, { email: first.email, password: first.password, deviceId: randomUUID() })
  return makeDevice(env, first.userId, session.deviceId, session.headers, options)
}

// ── Row builders (the fields a create must carry) ─────────────────────────────────────────────────────────────────

let codeCounter = 0
const code = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${(codeCounter++).toString(36)}`

export const newId = (): string => uuidv7()

export function companyFields(accountManagerId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { code: code('C'), name: '삼성전자', account_manager_id: accountManagerId, ...extra }
}

export function branchFields(companyId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { company_id: companyId, code: code('B'), name: '본사', ...extra }
}

export function contactFields(branchId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { branch_id: branchId, first_name: '길동', last_name: '홍', ...extra }
}

export function opportunityFields(companyId: string, accountManagerId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { code: code('O'), title: '리더십 과정', company_id: companyId, account_manager_id: accountManagerId, ...extra }
}

/** Direct SQL for arranging state a test needs but does not test (team membership …). */
export async function addTeamMember(pool: pg.Pool, teamId: string, userId: string): Promise<void> {
  await pool.query(`INSERT INTO team_members (id, team_id, user_id) VALUES ($1, $2, $3)`, [uuidv7(), teamId, userId])
}

export async function createTeam(pool: pg.Pool, leadId: string | null = null): Promise<string> {
  const id = uuidv7()
  await pool.query(`INSERT INTO teams (id, code, name, team_lead_id) VALUES ($1, $2, $3, $4)`, [id, code('T'), '영업1팀', leadId])
  return id
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { uuidv7 } from '../../../src/shared/ids/uuidv7'
import {
  createSignedInUser,
  createTestDatabase,
  createTestRedisPrefix,
  login,
  startTestServer,
  type TestDatabase,
  type TestRedisPrefix,
  type TestServer,
  type TestSession,
} from '../../test/support'

let db: TestDatabase
let redis: TestRedisPrefix
let server: TestServer
let pool: pg.Pool
type AdminTestSession = Awaited<ReturnType<typeof createSignedInUser>>
let exec: AdminTestSession
let operator: AdminTestSession

beforeAll(async () => {
  db = await createTestDatabase()
  redis = createTestRedisPrefix()
  server = await startTestServer({ databaseUrl: db.url, redisPrefix: redis.prefix })
  pool = new pg.Pool({ connectionString: db.url, max: 2 })
  exec = await createSignedInUser(server.url, pool, { tier: 'EXECUTIVE', name: '최대표' })
  operator = await createSignedInUser(server.url, pool, { tier: 'OPERATOR', name: '한사원' })
})
afterAll(async () => {
  await server?.close()
  await pool?.end()
  await redis?.cleanup()
  await db?.drop()
})

const createAccount = (session: TestSession | null, body: unknown) =>
  fetch(`${server.url}/admin/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(session?.headers ?? {}) },
    body: JSON.stringify(body),
  })
const audit = (session: TestSession, query = '') => fetch(`${server.url}/admin/audit${query}`, { headers: session.headers })

const roleOf = async (userId: string): Promise<string> => (await pool.query(`SELECT role_id FROM users WHERE id = $1`, [userId])).rows[0].role_id

describe('POST /admin/users', () => {
  it('an executive creates an account: row, hashed credential, change_log and audit; the new user can sign in', async () => {
    const roleId = await roleOf(operator.account.id)
    const response = await createAccount(exec, { email: 'New.Hire@augu.kr', password: 'first-pass-123', name: '김신입', tier: 'OPERATOR', roleId })
    expect(response.status).toBe(201)
    const { user } = (await response.json()) as { user: { id: string } }
    expect(user).toMatchObject({ email: 'new.hire@augu.kr', lastName: '김', firstName: '신입', tier: 'OPERATOR', roleId, isActive: true })
    expect(JSON.stringify(user)).not.toMatch(/password|hash/i)
    const credential = await pool.query(`SELECT password_hash FROM user_credentials WHERE user_id = $1`, [user.id])
    expect(credential.rows[0].password_hash).not.toContain('first-pass-123')
    expect((await pool.query(`SELECT 1 FROM change_log WHERE table_name = 'users' AND row_id = $1`, [user.id])).rowCount).toBe(1)
    const logged = await pool.query(`SELECT action, user_id, changes FROM audit_logs WHERE table_name = 'users' AND row_id = $1`, [user.id])
    expect(logged.rows).toEqual([
      { action: 'CREATE', user_id: exec.account.id, changes: expect.objectContaining({ email: { old: null, new: 'new.hire@augu.kr' } }) },
    ])
    const session = await login(server.url, { email: 'new.hire@augu.kr', password: 'first-pass-123' })
    expect(session.user.id).toBe(user.id)
  })

  it('refuses a duplicate address and an unknown role with 400, changing nothing', async () => {
    const roleId = await roleOf(operator.account.id)
    const before = (await pool.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n
    const duplicate = await createAccount(exec, {
      email: operator.account.email.toUpperCase(),
      password: 'another-pass-1',
      name: '이중복',
      tier: 'OPERATOR',
      roleId,
    })
    expect(duplicate.status).toBe(400)
    expect(((await duplicate.json()) as { error: { details: unknown } }).error.details).toEqual({ reason: 'duplicate_email' })
    const unknownRole = await createAccount(exec, { email: 'x@augu.kr', password: 'another-pass-1', name: '이역할', tier: 'OPERATOR', roleId: uuidv7() })
    expect(unknownRole.status).toBe(400)
    const short = await createAccount(exec, { email: 'y@augu.kr', password: 'short', name: '이짧음', tier: 'OPERATOR', roleId })
    expect(short.status).toBe(400)
    expect((await pool.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n).toBe(before)
  })

  it('answers 401 without a token and 403 to a user without admin rights', async () => {
    const roleId = await roleOf(operator.account.id)
    const body = { email: 'z@augu.kr', password: 'another-pass-1', name: '박무권', tier: 'EXECUTIVE', roleId }
    expect((await createAccount(null, body)).status).toBe(401)
    expect((await createAccount(operator, body)).status).toBe(403)
    expect((await audit(operator)).status).toBe(403)
  })

  it("a role that grants users:CREATE is enough (no EXECUTIVE tier needed), for tiers below the holder's own", async () => {
    const hrAccount = await createSignedInUser(server.url, pool, { tier: 'MANAGER', name: '인사담당', email: 'hr@augu.kr' })
    const role = uuidv7()
    const permission = uuidv7()
    await pool.query(`INSERT INTO roles (id, name) VALUES ($1, 'HR_ADMIN')`, [role])
    await pool.query(`INSERT INTO permissions (id, resource, action) VALUES ($1, 'users', 'CREATE') ON CONFLICT DO NOTHING`, [permission])
    const permissionId = (await pool.query(`SELECT id FROM permissions WHERE resource = 'users' AND action = 'CREATE' AND deleted_at IS NULL`)).rows[0].id
    await pool.query(`INSERT INTO role_permissions (id, role_id, permission_id) VALUES ($1, $2, $3)`, [uuidv7(), role, permissionId])
    await pool.query(`UPDATE users SET role_id = $1 WHERE id = $2`, [role, hrAccount.account.id])
    // Changing the role ended the old session (issue 12: no token outlives the rights it was issued under).
    expect((await createAccount(hrAccount, {})).status).toBe(401)
    const hr = { ...(await login(server.url, hrAccount.account)), account: hrAccount.account }
    const response = await createAccount(hr, { email: 'hired-by-hr@augu.kr', password: 'another-pass-1', name: '정채용', tier: 'OPERATOR', roleId: role })
    expect(response.status).toBe(201)
    // ...but not an account at or above the holder's own tier: that would be a way to raise one's own rights.
    const escalation = await createAccount(hr, { email: 'boss-by-hr@augu.kr', password: 'another-pass-1', name: '정임원', tier: 'EXECUTIVE', roleId: role })
    expect(escalation.status).toBe(403)
    const peer = await createAccount(hr, { email: 'peer-by-hr@augu.kr', password: 'another-pass-1', name: '정동료', tier: 'MANAGER', roleId: role })
    expect(peer.status).toBe(403)
  })
})

describe('GET /admin/audit', () => {
  it('pages the log newest first with a cursor, and filters by table, row and user', async () => {
    const roleId = await roleOf(operator.account.id)
    const ids: string[] = []
    for (const n of [1, 2, 3]) {
      const response = await createAccount(exec, { email: `page-${n}@augu.kr`, password: 'page-pass-123', name: `김페이지${n}`, tier: 'OPERATOR', roleId })
      ids.push(((await response.json()) as { user: { id: string } }).user.id)
    }
    const first = (await (await audit(exec, `?table=users&userId=${exec.account.id}&limit=2`)).json()) as {
      entries: { rowId: string; userName: string; table: string; action: string }[]
      nextBefore: string | null
    }
    expect(first.entries.map((e) => e.rowId)).toEqual([ids[2], ids[1]])
    expect(first.entries[0]).toMatchObject({ table: 'users', action: 'CREATE', userName: '최대표' })
    expect(first.nextBefore).not.toBeNull()
    const second = (await (
      await audit(exec, `?table=users&userId=${exec.account.id}&limit=2&before=${encodeURIComponent(first.nextBefore!)}`)
    ).json()) as typeof first
    expect(second.entries[0]!.rowId).toBe(ids[0])
    const one = (await (await audit(exec, `?rowId=${ids[1]}`)).json()) as typeof first
    expect(one.entries.map((e) => e.rowId)).toEqual([ids[1]])
    expect(one.nextBefore).toBeNull()
    expect((await audit(exec, '?before=garbage')).status).toBe(400)
  })
})

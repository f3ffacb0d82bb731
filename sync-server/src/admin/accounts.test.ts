/**
 * Account administration (issue 12 "Managers over executives", issue 17 "Accounts", issue 18 wipe), against real
 * PostgreSQL + Redis: the rule that nobody below executive administers a user at or above their own tier or gives a
 * role with grants they lack (push and API), the scoped audit log, devices and sessions, revoke / wipe from the API,
 * the one-time password reset and the forced change at the next sign-in, and the self-service change.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uuidv7 } from '../../../src/shared/ids/uuidv7'
import { createHlcClock, nodeIdForDevice, type HlcClock } from '../../../src/shared/sync/hlc'
import { SCHEMA_VERSION } from '../../../src/shared/sync/protocol'
import { companyFields, newId, postJson, signedInDevice, startSyncTestEnv, type SyncTestEnv } from '../../test/support/sync-kit'
import { createSignedInUser, login, type TestSession } from '../../test/support'

let env: SyncTestEnv

beforeAll(async () => {
  env = await startSyncTestEnv()
})
afterAll(async () => {
  await env?.close()
})

const url = (path: string): string => `${env.server.url}${path}`
const get = async <T>(path: string, session: Pick<TestSession, 'headers'>) => {
  const response = await fetch(url(path), { headers: session.headers })
  return { status: response.status, body: (await response.json()) as T }
}

const clocks = new Map<string, HlcClock>()
/** A fresh HLC stamp of that device's clock. */
const stamp = (deviceId: string): string => {
  const clock = clocks.get(deviceId) ?? createHlcClock({ node: nodeIdForDevice(deviceId) })
  clocks.set(deviceId, clock)
  return clock.tick()
}

/** A role holding exactly these grants. */
async function roleWith(grants: readonly [string, string][]): Promise<string> {
  const role = uuidv7()
  await env.pool.query(`INSERT INTO roles (id, name) VALUES ($1, $2)`, [role, `R-${role.slice(-8)}`])
  for (const [resource, action] of grants) {
    await env.pool.query(`INSERT INTO permissions (id, resource, action) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [uuidv7(), resource, action])
    const { rows } = await env.pool.query(`SELECT id FROM permissions WHERE resource = $1 AND action = $2 AND deleted_at IS NULL`, [resource, action])
    await env.pool.query(`INSERT INTO role_permissions (id, role_id, permission_id) VALUES ($1, $2, $3)`, [uuidv7(), role, rows[0].id])
  }
  return role
}

/** A MANAGER whose role grants user administration (users CREATE + UPDATE), signed in with that role. */
async function userAdminManager() {
  const role = await roleWith([
    ['users', 'CREATE'],
    ['users', 'UPDATE'],
    ['companies', 'CREATE'],
  ])
  const session = await createSignedInUser(env.server.url, env.pool, { tier: 'MANAGER', name: '박팀장' })
  await env.pool.query(`UPDATE users SET role_id = $1 WHERE id = $2`, [role, session.user.id])
  return { ...(await login(env.server.url, session.account)), account: session.account, role }
}

describe('managers over executives', () => {
  it('a manager with users:UPDATE cannot deactivate or demote an executive (push), nor touch a peer manager', async () => {
    const manager = await userAdminManager()
    const exec = await createSignedInUser(env.server.url, env.pool, { tier: 'EXECUTIVE', name: '최대표' })
    const peer = await createSignedInUser(env.server.url, env.pool, { tier: 'MANAGER', name: '이과장' })
    const operator = await createSignedInUser(env.server.url, env.pool, { tier: 'OPERATOR', name: '한사원' })
    const device = { deviceId: manager.deviceId, headers: manager.headers }
    let seq = 0
    const push = (id: string, fields: Record<string, unknown>) =>
      postJson<{ results: { status: string; reason?: string }[] }>(
        url('/v1/sync/push'),
        {
          deviceId: device.deviceId,
          schemaVersion: SCHEMA_VERSION,
          mutations: [{ seq: ++seq, table: 'users', id, op: 'upsert', fields, hlc: stamp(device.deviceId), base: null }],
        },
        device.headers,
      )
    const hlcCheck = await push(operator.user.id, { is_active: false })
    expect(hlcCheck.status).toBe(200)
    const status = (r: Awaited<ReturnType<typeof push>>) => r.body.results[0]!.status
    expect(status(hlcCheck)).toBe('applied') // below the manager's tier: allowed
    expect(status(await push(exec.user.id, { is_active: false }))).toBe('rejected')
    expect(status(await push(exec.user.id, { user_tier: 'OPERATOR' }))).toBe('rejected')
    expect(status(await push(peer.user.id, { is_active: false }))).toBe('rejected')
    expect(status(await push(operator.user.id, { user_tier: 'MANAGER' }))).toBe('rejected')
    const still = await env.pool.query(`SELECT id, is_active, user_tier FROM users WHERE id = ANY($1)`, [[exec.user.id, peer.user.id]])
    expect(still.rows.every((r) => r.is_active === true)).toBe(true)
    expect(still.rows.find((r) => r.id === exec.user.id)?.user_tier).toBe('EXECUTIVE')
  })

  it('a role can only be given by someone who holds every grant in it (push and account creation)', async () => {
    const manager = await userAdminManager()
    const operator = await createSignedInUser(env.server.url, env.pool, { tier: 'OPERATOR', name: '정사원' })
    const bigger = await roleWith([['*', '*']])
    const smaller = await roleWith([['companies', 'CREATE']])
    let seq = 100
    const giveRole = (roleId: string) =>
      postJson<{ results: { status: string }[] }>(
        url('/v1/sync/push'),
        {
          deviceId: manager.deviceId,
          schemaVersion: SCHEMA_VERSION,
          mutations: [
            { seq: ++seq, table: 'users', id: operator.user.id, op: 'upsert', fields: { role_id: roleId }, hlc: stamp(manager.deviceId), base: null },
          ],
        },
        manager.headers,
      )
    expect((await giveRole(bigger)).body.results[0]!.status).toBe('rejected')
    expect((await giveRole(smaller)).body.results[0]!.status).toBe('applied')
    const create = (roleId: string) =>
      postJson(
        url('/admin/users'),
        { email: `new-${randomUUID().slice(0, 6)}@augu.kr`, password: 'password-1234', name: '신입사원', tier: 'OPERATOR', roleId },
        manager.headers,
      )
    expect((await create(bigger)).status).toBe(403)
    expect((await create(smaller)).status).toBe(201)
  })

  it('the audit log shows a non-executive only rows in their scope', async () => {
    const manager = await userAdminManager()
    const stranger = await signedInDevice(env, 'OPERATOR')
    const theirs = newId()
    expect((await stranger.push([stranger.mutation({ table: 'companies', id: theirs, fields: companyFields(stranger.userId) })])).body.results[0]!.status).toBe(
      'applied',
    )
    const managerDevice = { deviceId: manager.deviceId }
    const mine = newId()
    const mineResult = await postJson<{ results: { status: string }[] }>(
      url('/v1/sync/push'),
      {
        deviceId: managerDevice.deviceId,
        schemaVersion: SCHEMA_VERSION,
        mutations: [
          { seq: 500, table: 'companies', id: mine, op: 'upsert', fields: companyFields(manager.user.id), hlc: stamp(managerDevice.deviceId), base: null },
        ],
      },
      manager.headers,
    )
    expect(mineResult.body.results[0], JSON.stringify(mineResult.body)).toMatchObject({ status: 'applied' })
    const page = await get<{ entries: { table: string; rowId: string }[] }>('/admin/audit?table=companies&limit=200', manager)
    expect(page.status).toBe(200)
    const rows = page.body.entries.map((e) => e.rowId)
    expect(rows).toContain(mine)
    expect(rows).not.toContain(theirs)
    // An executive sees both.
    const exec = await createSignedInUser(env.server.url, env.pool, { tier: 'EXECUTIVE', name: '서대표' })
    const all = await get<{ entries: { rowId: string }[] }>('/admin/audit?table=companies&limit=200', exec)
    expect(all.body.entries.map((e) => e.rowId)).toEqual(expect.arrayContaining([mine, theirs]))
  })
})

describe('devices, sessions and revoke from the administration API', () => {
  it("lists a user's devices with their live session, revokes one and wipes another", async () => {
    const exec = await createSignedInUser(env.server.url, env.pool, { tier: 'EXECUTIVE', name: '오대표' })
    const user = await createSignedInUser(env.server.url, env.pool, { tier: 'OPERATOR', name: '문사원' })
    const second = await login(env.server.url, user.account)
    type Devices = { devices: { deviceId: string; revokedAt: string | null; wipeRequestedAt: string | null; sessions: { id: string; ip: string | null }[] }[] }
    const listed = await get<Devices>(`/admin/users/${user.user.id}/devices`, exec)
    expect(listed.status).toBe(200)
    expect(listed.body.devices.map((d) => d.deviceId).sort()).toEqual([user.deviceId, second.deviceId].sort())
    expect(listed.body.devices.every((d) => d.sessions.length === 1 && d.revokedAt === null)).toBe(true)

    const revoke = (deviceId: string, wipe: boolean) =>
      postJson<{ revoked: boolean; wipe: boolean }>(url(`/admin/devices/${deviceId}/revoke`), { wipe }, exec.headers)
    expect((await revoke(user.deviceId, false)).status).toBe(200)
    expect((await revoke(second.deviceId, true)).body).toMatchObject({ revoked: true, wipe: true })
    const pullAs = (s: Pick<TestSession, 'deviceId' | 'headers'>) =>
      postJson<{ error?: { code: string } }>(url('/v1/sync/pull'), { deviceId: s.deviceId, schemaVersion: SCHEMA_VERSION, cursor: null, limit: 1 }, s.headers)
    expect((await pullAs(user)).status).toBe(401)
    const wiped = await pullAs(second)
    expect(wiped.status).toBe(410)
    expect(wiped.body.error?.code).toBe('device_wiped')
    const after = await get<Devices>(`/admin/users/${user.user.id}/devices`, exec)
    expect(after.body.devices.find((d) => d.deviceId === second.deviceId)).toMatchObject({ wipeRequestedAt: expect.any(String), sessions: [] })
    // Audited.
    const audit = await env.pool.query(`SELECT 1 FROM audit_logs WHERE table_name = 'sync_devices' AND row_id = $1`, [second.deviceId])
    expect(audit.rowCount).toBe(1)
  })

  it("refuses an operator, and a manager acting on an executive's devices", async () => {
    const operator = await createSignedInUser(env.server.url, env.pool, { tier: 'OPERATOR', name: '표사원' })
    const manager = await userAdminManager()
    const exec = await createSignedInUser(env.server.url, env.pool, { tier: 'EXECUTIVE', name: '남대표' })
    expect((await get(`/admin/users/${exec.user.id}/devices`, operator)).status).toBe(403)
    expect((await get(`/admin/users/${exec.user.id}/devices`, manager)).status).toBe(403)
    expect((await postJson(url(`/admin/devices/${exec.deviceId}/revoke`), { wipe: true }, manager.headers)).status).toBe(403)
    expect((await postJson(url(`/admin/users/${exec.user.id}/password-reset`), {}, manager.headers)).status).toBe(403)
  })
})

describe('passwords', () => {
  it('an admin reset gives a one-time password; the next sign-in must choose a new one before anything else', async () => {
    const exec = await createSignedInUser(env.server.url, env.pool, { tier: 'EXECUTIVE', name: '구대표' })
    const user = await createSignedInUser(env.server.url, env.pool, { tier: 'OPERATOR', name: '하사원' })
    const reset = await postJson<{ oneTimePassword: string; sessionsRevoked: number }>(url(`/admin/users/${user.user.id}/password-reset`), {}, exec.headers)
    expect(reset.status).toBe(200)
    expect(reset.body.oneTimePassword).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/)
    expect(reset.body.sessionsRevoked).toBe(1)
    // The old password no longer works, the old session has ended.
    await expect(login(env.server.url, user.account)).rejects.toThrow(/401/)
    const signedIn = await postJson<{ accessToken: string; passwordChangeRequired: boolean }>(
      url('/v1/auth/login'),
      { email: user.account.email, password: reset.body.oneTimePassword, deviceId: randomUUID() },
      {},
    )
    expect(signedIn.status).toBe(200)
    expect(signedIn.body.passwordChangeRequired).toBe(true)
    const headers = { authorization: `Bearer ${signedIn.body.accessToken}` }
    const blocked = await postJson<{ error: { code: string } }>(
      url('/v1/sync/pull'),
      { deviceId: randomUUID(), schemaVersion: SCHEMA_VERSION, cursor: null },
      headers,
    )
    expect(blocked.status).toBe(403)
    expect(blocked.body.error.code).toBe('password_change_required')
    const change = (currentPassword: string, newPassword: string) =>
      fetch(url('/v1/auth/password'), {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ currentPassword, newPassword }),
      })
    expect((await change(reset.body.oneTimePassword, 'short')).status).toBe(400)
    expect((await change('not-the-one-time-password', 'a-new-password-2026')).status).toBe(403)
    expect((await change(reset.body.oneTimePassword, 'a-new-password-2026')).status).toBe(204)
    // The same session carries on, and the new password signs in without a forced change.
    expect((await fetch(url('/v1/conflicts'), { headers })).status).toBe(200)
    const fresh = await postJson<{ passwordChangeRequired: boolean }>(
      url('/v1/auth/login'),
      { email: user.account.email, password: 'a-new-password-2026', deviceId: randomUUID() },
      {},
    )
    expect(fresh.body.passwordChangeRequired).toBe(false)
  })

  it('self-service change: needs the current password, signs out every other device, keeps this one', async () => {
    const user = await createSignedInUser(env.server.url, env.pool, { tier: 'OPERATOR', name: '진사원' })
    const otherDevice = await login(env.server.url, user.account)
    const change = (currentPassword: string) =>
      fetch(url('/v1/auth/password'), {
        method: 'POST',
        headers: { ...user.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ currentPassword, newPassword: 'brand-new-password-1' }),
      })
    expect((await change('wrong-current')).status).toBe(403)
    expect((await change(user.account.password)).status).toBe(204)
    expect((await fetch(url('/v1/conflicts'), { headers: user.headers })).status).toBe(200)
    expect((await fetch(url('/v1/conflicts'), { headers: otherDevice.headers })).status).toBe(401)
    await expect(login(env.server.url, user.account)).rejects.toThrow(/401/)
    await expect(login(env.server.url, { ...user.account, password: 'brand-new-password-1' })).resolves.toBeTruthy()
  })

  it('old scrypt hashes are rehashed to argon2id at sign-in', async () => {
    const { legacyScryptHash } = await import('../auth/password')
    const user = await createSignedInUser(env.server.url, env.pool, { tier: 'OPERATOR', name: '고사원' })
    await env.pool.query(`UPDATE user_credentials SET password_hash = $2 WHERE user_id = $1`, [user.user.id, await legacyScryptHash(user.account.password)])
    await login(env.server.url, user.account)
    const { rows } = await env.pool.query(`SELECT password_hash FROM user_credentials WHERE user_id = $1`, [user.user.id])
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    await expect(login(env.server.url, user.account)).resolves.toBeTruthy()
  })
})

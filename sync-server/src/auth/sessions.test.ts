/**
 * Sessions and tokens (issue 12, issue 13, issue 18 server part), against real PostgreSQL + Redis: the absolute
 * lifetime of a sign-in, one live sign-in per device, the refresh grace window after a crash mid-rotation (without
 * weakening reuse detection), tier/role/active read from the database on every request, revoke with wipe, stream
 * tickets, security headers and metrics. docs/security.md names these tests.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../../src/shared/sync/protocol'
import { revokeDevice } from '../ops/revoke-device'
import { postJson, startSyncTestEnv, type SyncTestEnv } from '../../test/support/sync-kit'
import { createSignedInUser, createUser, login, readSse, type TestSession } from '../../test/support'

let env: SyncTestEnv

beforeAll(async () => {
  env = await startSyncTestEnv({ refreshGraceMs: 60_000 })
})
afterAll(async () => {
  await env?.close()
})

const url = (path: string): string => `${env.server.url}${path}`
const refresh = (refreshToken: string, deviceId?: string) =>
  postJson<{ accessToken: string; refreshToken: string; error?: { code: string } }>(
    url('/v1/auth/refresh'),
    { refreshToken, ...(deviceId ? { deviceId } : {}) },
    {},
  )
const pull = (session: Pick<TestSession, 'deviceId' | 'headers'>) =>
  postJson<{ error?: { code: string } }>(
    url('/v1/sync/pull'),
    { deviceId: session.deviceId, schemaVersion: SCHEMA_VERSION, cursor: null, limit: 1 },
    session.headers,
  )
const bearer = (accessToken: string) => ({ authorization: `Bearer ${accessToken}` })

describe('refresh token lifetime', () => {
  it('a sign-in has an absolute end: rotation never extends it', async () => {
    const session = await createSignedInUser(env.server.url, env.pool)
    const first = await refresh(session.refreshToken)
    expect(first.status).toBe(200)
    const { rows: raw } = await env.pool.query<{ expires_at: string; family_expires_at: string }>(
      `SELECT expires_at, family_expires_at FROM user_sessions WHERE user_id = $1 ORDER BY created_at`,
      [session.user.id],
    )
    const rows = raw.map((row) => ({ expires_at: new Date(row.expires_at), family_expires_at: new Date(row.family_expires_at) }))
    expect(rows).toHaveLength(2)
    // Both rows share the family's end, fixed at sign-in (REFRESH_TOKEN_MAX_AGE), and no token outlives it.
    expect(rows[1]!.family_expires_at.getTime()).toBe(rows[0]!.family_expires_at.getTime())
    for (const row of rows) expect(row.expires_at.getTime()).toBeLessThanOrEqual(row.family_expires_at.getTime())
    // Once the family's end has passed, the newest token is refused although its own TTL has not.
    await env.pool.query(
      `UPDATE user_sessions SET family_expires_at = now() - interval '1 second', expires_at = least(expires_at, now() - interval '1 second') WHERE user_id = $1`,
      [session.user.id],
    )
    const late = await refresh(first.body.refreshToken)
    expect(late.status).toBe(401)
  })

  it('the family end is REFRESH_TOKEN_MAX_AGE after sign-in, and caps the per-token TTL', async () => {
    const short = await startSyncTestEnv({ refreshTokenMaxAgeMs: 1_500, refreshTokenTtlMs: 3_600_000 })
    try {
      const session = await createSignedInUser(short.server.url, short.pool)
      await new Promise((resolve) => setTimeout(resolve, 1_700))
      const response = await postJson(`${short.server.url}/v1/auth/refresh`, { refreshToken: session.refreshToken }, {})
      expect(response.status).toBe(401)
    } finally {
      await short.close()
    }
  })

  it("signing in again on a device ends that device's older sessions", async () => {
    const account = await createUser(env.pool)
    const deviceId = randomUUID()
    const older = await login(env.server.url, { ...account, deviceId })
    const newer = await login(env.server.url, { ...account, deviceId })
    expect((await pull(older)).status).toBe(401)
    expect((await refresh(older.refreshToken)).status).toBe(401)
    expect((await pull(newer)).status).toBe(200)
    // Another device of the same user is not affected.
    const elsewhere = await login(env.server.url, { ...account, deviceId: randomUUID() })
    await login(env.server.url, { ...account, deviceId })
    expect((await pull(elsewhere)).status).toBe(200)
  })
})

describe('refresh grace window (a crash between rotation and saving the new token)', () => {
  it('the previous token from the same device, once, inside the window, gets the same new pair', async () => {
    const session = await createSignedInUser(env.server.url, env.pool)
    const rotated = await refresh(session.refreshToken, session.deviceId)
    expect(rotated.status).toBe(200)
    // The device crashed before saving `rotated`: it presents the old token again.
    const replay = await refresh(session.refreshToken, session.deviceId)
    expect(replay.status).toBe(200)
    expect(replay.body.refreshToken).toBe(rotated.body.refreshToken)
    expect((await pull({ deviceId: session.deviceId, headers: bearer(replay.body.accessToken) })).status).toBe(200)
    // The session carries on normally from the new token.
    const next = await refresh(replay.body.refreshToken, session.deviceId)
    expect(next.status).toBe(200)
    expect((await pull({ deviceId: session.deviceId, headers: bearer(next.body.accessToken) })).status).toBe(200)
  })

  it('a second replay is reuse: the family is revoked', async () => {
    const session = await createSignedInUser(env.server.url, env.pool)
    const rotated = await refresh(session.refreshToken, session.deviceId)
    expect((await refresh(session.refreshToken, session.deviceId)).status).toBe(200)
    expect((await refresh(session.refreshToken, session.deviceId)).status).toBe(401)
    expect((await refresh(rotated.body.refreshToken, session.deviceId)).status).toBe(401)
  })

  it('a replay from another device id, or naming none, revokes the family', async () => {
    for (const presented of [randomUUID(), undefined]) {
      const session = await createSignedInUser(env.server.url, env.pool)
      const rotated = await refresh(session.refreshToken, session.deviceId)
      expect((await refresh(session.refreshToken, presented)).status).toBe(401)
      expect((await refresh(rotated.body.refreshToken, session.deviceId)).status).toBe(401)
      expect((await pull({ deviceId: session.deviceId, headers: bearer(rotated.body.accessToken) })).status).toBe(401)
    }
  })

  it('a replay after the window, or after the new token was itself used, revokes the family', async () => {
    const late = await createSignedInUser(env.server.url, env.pool)
    const lateRotated = await refresh(late.refreshToken, late.deviceId)
    await env.pool.query(`UPDATE user_sessions SET rotated_at = now() - interval '61 seconds' WHERE user_id = $1 AND rotated_at IS NOT NULL`, [late.user.id])
    expect((await refresh(late.refreshToken, late.deviceId)).status).toBe(401)
    expect((await refresh(lateRotated.body.refreshToken, late.deviceId)).status).toBe(401)

    const used = await createSignedInUser(env.server.url, env.pool)
    const usedRotated = await refresh(used.refreshToken, used.deviceId)
    const third = await refresh(usedRotated.body.refreshToken, used.deviceId)
    expect(third.status).toBe(200)
    expect((await refresh(used.refreshToken, used.deviceId)).status).toBe(401)
    expect((await refresh(third.body.refreshToken, used.deviceId)).status).toBe(401)
  })
})

describe('tier, role and active flag come from the database on every request', () => {
  it('an executive demoted to OPERATOR cannot use the old access token to create an executive or read the audit log', async () => {
    const exec = await createSignedInUser(env.server.url, env.pool, { tier: 'EXECUTIVE', name: '강임원' })
    const roleId = (await env.pool.query(`SELECT role_id FROM users WHERE id = $1`, [exec.user.id])).rows[0].role_id as string
    await env.pool.query(`UPDATE users SET user_tier = 'OPERATOR' WHERE id = $1`, [exec.user.id])
    const created = await postJson(
      url('/admin/users'),
      { email: `boss-${randomUUID().slice(0, 6)}@augu.kr`, password: 'password-1234', name: '강새임원', tier: 'EXECUTIVE', roleId },
      exec.headers,
    )
    expect(created.status).toBe(401) // the demotion ended every session
    expect((await fetch(url('/admin/audit'), { headers: exec.headers })).status).toBe(401)
    expect((await refresh(exec.refreshToken)).status).toBe(401)
    // Signed in again, the token's holder is an operator.
    const again = await login(env.server.url, exec.account)
    expect(again.user.tier).toBe('OPERATOR')
    expect((await fetch(url('/admin/audit'), { headers: again.headers })).status).toBe(403)
  })

  it('even a token that still names the old tier is judged by the database tier', async () => {
    const exec = await createSignedInUser(env.server.url, env.pool, { tier: 'EXECUTIVE', name: '윤임원' })
    // Change the tier without the trigger's session revocation, as a direct data fix might: the token still says EXECUTIVE.
    await env.pool.query(`ALTER TABLE users DISABLE TRIGGER users_end_sessions_on_privilege_change`)
    try {
      await env.pool.query(`UPDATE users SET user_tier = 'OPERATOR' WHERE id = $1`, [exec.user.id])
    } finally {
      await env.pool.query(`ALTER TABLE users ENABLE TRIGGER users_end_sessions_on_privilege_change`)
    }
    expect((await fetch(url('/admin/audit'), { headers: exec.headers })).status).toBe(403)
  })

  it("changing a role or deactivating ends the user's sessions on every device; their outbox is theirs to push after signing in", async () => {
    const account = await createUser(env.pool, { tier: 'OPERATOR' })
    const laptop = await login(env.server.url, account)
    const desktop = await login(env.server.url, account)
    const otherRole = (await env.pool.query(`INSERT INTO roles (id, name) VALUES (gen_random_uuid(), $1) RETURNING id`, [`R-${randomUUID().slice(0, 8)}`]))
      .rows[0].id
    await env.pool.query(`UPDATE users SET role_id = $1 WHERE id = $2`, [otherRole, account.id])
    expect((await pull(laptop)).status).toBe(401)
    expect((await pull(desktop)).status).toBe(401)
    const back = await login(env.server.url, account)
    expect((await pull(back)).status).toBe(200)
    await env.pool.query(`UPDATE users SET is_active = false WHERE id = $1`, [account.id])
    expect((await pull(back)).status).toBe(401)
  })
})

describe('revoke with wipe (issue 18, server part)', () => {
  it('every request from a wiped device answers 410 device_wiped: sign-in, refresh, push, pull, events', async () => {
    const session = await createSignedInUser(env.server.url, env.pool)
    const result = await revokeDevice(env.pool, session.deviceId, true)
    expect(result).toMatchObject({ found: true, wipe: true, sessionsRevoked: 1 })
    const expectWiped = (response: { status: number; body: { error?: { code: string } } }): void => {
      expect(response.status).toBe(410)
      expect(response.body.error?.code).toBe('device_wiped')
    }
    expectWiped(await pull(session))
    expectWiped(await postJson(url('/v1/sync/push'), { deviceId: session.deviceId, schemaVersion: SCHEMA_VERSION, mutations: [] }, session.headers))
    expectWiped(await refresh(session.refreshToken, session.deviceId))
    // Even with a wrong password: the laptop must erase its copy whoever is at the keyboard.
    expectWiped(await postJson(url('/v1/auth/login'), { email: session.account.email, password: 'not-the-password', deviceId: session.deviceId }, {}))
    const events = await fetch(url('/v1/sync/events'), { headers: session.headers })
    expect(events.status).toBe(410)
    // A plain revoke keeps today's answers: 401, and 403 on signing in with that device id.
    const plain = await createSignedInUser(env.server.url, env.pool)
    await revokeDevice(env.pool, plain.deviceId, false)
    expect((await pull(plain)).status).toBe(401)
    expect((await postJson(url('/v1/auth/login'), { email: plain.account.email, password: plain.account.password, deviceId: plain.deviceId }, {})).status).toBe(
      403,
    )
  })
})

describe('event stream authentication', () => {
  it('a single-use stream ticket opens the stream; a spent or unknown ticket and ?access_token= are refused', async () => {
    const session = await createSignedInUser(env.server.url, env.pool)
    const issued = await postJson<{ ticket: string; expiresIn: number }>(url('/v1/sync/events/ticket'), {}, session.headers)
    expect(issued.status).toBe(200)
    expect(issued.body.expiresIn).toBeLessThanOrEqual(60)
    const stream = await readSse(url(`/v1/sync/events?ticket=${issued.body.ticket}`))
    expect(stream.status).toBe(200)
    await stream.next('ready')
    stream.close()
    expect((await fetch(url(`/v1/sync/events?ticket=${issued.body.ticket}`))).status).toBe(401)
    expect((await fetch(url(`/v1/sync/events?ticket=${'x'.repeat(43)}`))).status).toBe(401)
    expect((await fetch(url(`/v1/sync/events?access_token=${encodeURIComponent(session.accessToken)}`))).status).toBe(401)
    // The header keeps working (the desktop app's way).
    const viaHeader = await readSse(url('/v1/sync/events'), session.headers)
    expect(viaHeader.status).toBe(200)
    viaHeader.close()
  })
})

describe('libraries: headers and metrics', () => {
  it('answers with security headers, and /metrics has process, heap, GC and event-loop metrics beside the documented ones', async () => {
    const health = await fetch(url('/health'))
    expect(health.headers.get('x-content-type-options')).toBe('nosniff')
    expect(health.headers.get('strict-transport-security')).toMatch(/max-age=/)
    expect(health.headers.get('content-security-policy')).toContain("default-src 'none'")
    const text = await (await fetch(url('/metrics'))).text()
    for (const name of [
      'crm_http_requests_total',
      'crm_http_request_duration_seconds_bucket',
      'crm_sync_conflicts',
      'crm_sse_connected_devices',
      'crm_pg_pool_connections',
      'crm_redis_up',
      'crm_process_uptime_seconds',
      'crm_process_memory_bytes',
      'crm_process_cpu_seconds_total',
      'crm_nodejs_heap_size_used_bytes',
      'crm_nodejs_gc_duration_seconds',
      'crm_nodejs_eventloop_lag_seconds',
    ]) {
      expect(text, name).toMatch(new RegExp(`^(# TYPE )?${name}`, 'm'))
    }
  })
})

/**
 * A log pull reads its request's session in its own first statement (pull.ts PullInput.session) instead of a
 * statement of its own before it (issue 20): one statement for a pull with nothing new, and every refusal exactly as
 * behind app.authenticate — at once, and before any complaint about the request.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { SCHEMA_VERSION } from '../../../src/shared/sync/protocol'
import { companyFields, newId, signedInDevice, startSyncTestEnv, type SyncTestEnv, type TestDevice } from '../../test/support/sync-kit'

let env: SyncTestEnv
beforeAll(async () => {
  env = await startSyncTestEnv()
})
afterAll(async () => {
  await env?.close()
})

const sessionIdOf = (device: TestDevice): string => {
  const token = device.headers.authorization!.replace(/^Bearer /, '')
  return (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { sid: string }).sid
}

async function pullWith(device: TestDevice, body: Record<string, unknown>): Promise<{ status: number; code?: string }> {
  const response = await fetch(`${env.server.url}/v1/sync/pull`, {
    method: 'POST',
    headers: { ...device.headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const json = (await response.json()) as { error?: { code: string } }
  return { status: response.status, code: json.error?.code }
}

const logPull = (device: TestDevice) => pullWith(device, { deviceId: device.deviceId, schemaVersion: SCHEMA_VERSION, cursor: device.cursor })

async function syncedDevice(): Promise<TestDevice> {
  const device = await signedInDevice(env)
  await device.push([device.mutation({ table: 'companies', id: newId(), fields: companyFields(device.userId) })])
  await device.sync()
  return device
}

describe('the session check of a log pull', () => {
  it('says its server time twice: the pull (with its session check) first, then the whole request', async () => {
    const device = await syncedDevice()
    const response = await fetch(`${env.server.url}/v1/sync/pull`, {
      method: 'POST',
      headers: { ...device.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: device.deviceId, schemaVersion: SCHEMA_VERSION, cursor: device.cursor }),
    })
    await response.arrayBuffer()
    const timing = /^pull;dur=([\d.]+), total;dur=([\d.]+)$/.exec(response.headers.get('server-timing') ?? '')
    expect(timing).not.toBeNull()
    // The whole request (token check, routing, body parse) contains the pull.
    expect(Number(timing![2])).toBeGreaterThanOrEqual(Number(timing![1]))
  })

  it('costs no statement of its own: a pull with nothing new is one statement', async () => {
    const device = await syncedDevice()
    expect((await logPull(device)).status).toBe(200)
    const query = vi.spyOn(pg.Client.prototype, 'query')
    try {
      expect((await logPull(device)).status).toBe(200)
      // The server runs in this process: every statement of the request went through pg's Client#query. A second one
      // only looks up a transaction of the shared cluster this instance has not seen (other test files' databases).
      const names = query.mock.calls.map((args) => {
        const config = args[0] as unknown
        return typeof config === 'object' && config !== null && 'name' in config ? String(config.name) : String(config)
      })
      expect(names.filter((name) => name !== 'crm-pull-locate')).toEqual(['crm-pull-empty'])
    } finally {
      query.mockRestore()
    }
  })

  it('refuses at once a revoked session (401), a wiped device (410) and a pending password change (403)', async () => {
    const revoked = await syncedDevice()
    await env.pool.query(`UPDATE user_sessions SET revoked_at = now() WHERE id = $1`, [sessionIdOf(revoked)])
    expect(await logPull(revoked)).toMatchObject({ status: 401 })

    const wiped = await syncedDevice()
    await env.pool.query(`UPDATE sync_devices SET revoked_at = now(), wipe_requested_at = now() WHERE device_id = $1`, [wiped.deviceId])
    expect(await logPull(wiped)).toMatchObject({ status: 410, code: 'device_wiped' })

    const deactivated = await syncedDevice()
    await env.pool.query(`UPDATE users SET is_active = false WHERE id = $1`, [deactivated.userId])
    expect(await logPull(deactivated)).toMatchObject({ status: 401 })

    const pending = await syncedDevice()
    await env.pool.query(`UPDATE user_credentials SET must_change_password = true WHERE user_id = $1`, [pending.userId])
    expect(await logPull(pending)).toMatchObject({ status: 403, code: 'password_change_required' })
  })

  it('answers a session refusal before a complaint about the request', async () => {
    const device = await syncedDevice()
    await env.pool.query(`UPDATE user_sessions SET revoked_at = now() WHERE id = $1`, [sessionIdOf(device)])
    expect(await pullWith(device, { deviceId: device.deviceId, schemaVersion: SCHEMA_VERSION, cursor: 'not a cursor' })).toMatchObject({ status: 401 })
    expect(await pullWith(device, { deviceId: newId(), schemaVersion: SCHEMA_VERSION, cursor: device.cursor })).toMatchObject({ status: 401 })
    expect(await pullWith(device, { deviceId: device.deviceId, schemaVersion: 0, cursor: device.cursor })).toMatchObject({ status: 401 })
    const live = await syncedDevice()
    expect(await pullWith(live, { deviceId: live.deviceId, schemaVersion: SCHEMA_VERSION, cursor: 'not a cursor' })).toMatchObject({ status: 400 })
  })
})

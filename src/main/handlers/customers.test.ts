/**
 * The customer channels through the real dispatch (contract validation first) and a real device: a request that
 * bypasses the form still cannot store a bad business number, and expected refusals arrive as typed errors.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MemoryTokenStore } from '../core/sync/tokens'
import { openDevice } from '../device'
import { dispatch } from '../ipc/dispatch'
import { createHandlerTable } from '../ipc/handler-table'
import { type DevicePort, type Logger } from './context'

const USER = { id: '0190a000-0000-7000-8000-000000000042', email: 'hong@augu.kr', tier: 'OPERATOR', firstName: '길동', lastName: '홍' }
const SERVER = 'http://127.0.0.1:9999'
const offline: typeof fetch = async (input) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
  if (url.pathname === '/v1/auth/login') {
    return new Response(JSON.stringify({ accessToken: 'a'.repeat(20), refreshToken: 'r'.repeat(20), user: USER, schemaVersions: { min: 1, max: 99 } }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    })
  }
  throw new TypeError('fetch failed')
}
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined }

let dir: string
let device: DevicePort
let call: (channel: string, input?: unknown) => ReturnType<typeof dispatch>

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'crm-customers-ipc-'))
  device = openDevice({ dbFile: path.join(dir, 'crm.sqlite'), tokenStore: new MemoryTokenStore(), fetch: offline })
  const table = createHandlerTable({
    app: { name: 'CRM AUGU', version: '0', runtime: 'web-harness', platform: 'linux' },
    device,
    openExternal: async () => undefined,
    log: quiet,
  })
  call = (channel, input) => dispatch(table, channel, input, 'http://127.0.0.1', quiet)
})

afterEach(async () => {
  await device.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('customer channels', () => {
  it('needs a signed-in user to write (demo data is read-only)', async () => {
    expect(await call('customers.create', { company: { name: '한빛전자' } })).toEqual({
      ok: false,
      error: { code: 'record.signInRequired', messageKey: 'errors.record.signInRequired', params: {} },
    })
  })

  it('refuses a bad business number before any handler runs, naming the field', async () => {
    await device.login({ serverUrl: SERVER, email: USER.email, password: 'x' })
    const result = await call('customers.create', { company: { name: '한빛전자', businessNumber: '124-81-00999' } })
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalidInput', params: { field: 'company.businessNumber' } } })
    expect(await call('customers.list', {})).toMatchObject({ ok: true, value: { total: 0 } })
  })

  it('creates offline, counts the change as pending, and answers an unknown id with record.notFound', async () => {
    await device.login({ serverUrl: SERVER, email: USER.email, password: 'x' })
    const created = await call('customers.create', { company: { name: '한빛전자', businessNumber: '124-81-00998' } })
    expect(created).toMatchObject({ ok: true, value: { status: 'created' } })
    expect((await device.syncStatus()).pending).toBe(2)
    expect(await call('customers.get', { id: '0190a000-0000-7000-8000-00000000ffff' })).toMatchObject({
      ok: false,
      error: { code: 'record.notFound' },
    })
  })
})

/**
 * The admin channels on a real device (openDevice: SQLite replica, local core) in demo mode: the directory reads
 * work, the demo's manager may not administer (the demo role has no admin grants), and the server-only calls answer
 * `admin.onlineRequired` because a local session has no server.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditQuerySchema, userCreateSchema, userSaveSchema } from '../../shared/model/validation/admin'
import { IpcFailure } from '../../shared/ipc/errors'
import { MemoryTokenStore } from '../core/sync/tokens'
import { openDevice } from '../device'
import { adminHandlers } from './admin'
import { type DevicePort, type HandlerContext } from './context'

let dir: string
let device: DevicePort
let handlers: ReturnType<typeof adminHandlers>

const failure = async (fn: () => unknown): Promise<string> => {
  try {
    await fn()
  } catch (error) {
    return error instanceof IpcFailure ? error.code : `not an IpcFailure: ${String(error)}`
  }
  return 'accepted'
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'crm-admin-handlers-'))
  device = openDevice({
    dbFile: path.join(dir, 'crm.sqlite'),
    tokenStore: new MemoryTokenStore(),
    fetch: async () => Promise.reject(new TypeError('fetch failed')),
  })
  await device.startDemo()
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined }
  const ctx = {
    app: { name: 'test', version: '0', runtime: 'web-harness', platform: 'linux' },
    device,
    openExternal: async () => undefined,
    log,
  } satisfies HandlerContext
  handlers = adminHandlers(ctx)
}, 60_000)

afterAll(async () => {
  await device?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('admin handlers in the demo', () => {
  it('reads the directory: users with Korean names, the department tree, teams with members, roles with grants', async () => {
    const users = await handlers['admin.users'](undefined, { channel: 'admin.users', origin: 'test' })
    expect(users.length).toBeGreaterThan(10)
    expect(users.every((u) => /^[가-힣]{2,4}$/.test(u.name))).toBe(true)
    const departments = await handlers['admin.departments'](undefined, { channel: 'admin.departments', origin: 'test' })
    expect(departments[0]!.depth).toBe(0)
    expect(departments.some((d) => d.depth > 0)).toBe(true)
    const teams = await handlers['admin.teams'](undefined, { channel: 'admin.teams', origin: 'test' })
    expect(teams.some((team) => team.members.length > 0)).toBe(true)
    const roles = await handlers['admin.roles'](undefined, { channel: 'admin.roles', origin: 'test' })
    expect(roles.find((r) => r.name === 'ADMIN')!.grants).toContain('settings:UPDATE')
  })

  it('refuses administration to the demo manager, and the online calls answer onlineRequired', async () => {
    const users = await handlers['admin.users'](undefined, { channel: 'admin.users', origin: 'test' })
    const someone = users[0]!
    expect(
      await failure(() =>
        handlers['admin.saveUser'](userSaveSchema.parse({ id: someone.id, tier: 'EXECUTIVE' }), { channel: 'admin.saveUser', origin: 'test' }),
      ),
    ).toBe('admin.notAllowed')
    const input = userCreateSchema.parse({ email: 'new@augu.kr', password: 'first-pass-123', name: '김신입', tier: 'OPERATOR', roleId: someone.roleId })
    expect(await failure(() => handlers['admin.createUser'](input, { channel: 'admin.createUser', origin: 'test' }))).toBe('admin.onlineRequired')
    expect(await failure(() => handlers['admin.audit'](auditQuerySchema.parse({}), { channel: 'admin.audit', origin: 'test' }))).toBe('admin.onlineRequired')
  })
})

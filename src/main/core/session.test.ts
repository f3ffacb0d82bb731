import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseHlc, nodeIdForDevice } from '../../shared/sync/hlc'
import { isUuid } from '../../shared/ids/uuidv7'
import { OtherUserPendingError } from './session'
import { countRows, createTempDir, testId, type TempDir } from '../../../test/support/device/fixtures'
import { createMemoryServer, type MemoryServer } from '../../../test/support/device/memory-server'
import { createTestDevice, type TestDevice } from '../../../test/support/device/test-device'

const SERVER = 'http://sync.test'
const KIM = { id: '0190a000-0000-7000-8000-0000000000a1', email: 'kim@augu.kr', tier: 'OPERATOR' }
const LEE = { id: '0190a000-0000-7000-8000-0000000000a2', email: 'lee@augu.kr', tier: 'OPERATOR' }

describe('session', () => {
  let dir: TempDir
  let server: MemoryServer
  let device: TestDevice

  const open = () => createTestDevice({ dir: dir.path, serverUrl: SERVER, core: { transportFactory: (url, tokens) => server.transportFor(url, tokens) } })

  beforeEach(() => {
    dir = createTempDir()
    server = createMemoryServer({
      accounts: [
        { password: 'pw-kim', user: KIM },
        { password: 'pw-lee', user: LEE },
      ],
    })
    device = open()
  })
  afterEach(async () => {
    await device.close()
    dir.remove()
  })

  it('signs in, remembers user, device and server, and keeps one device id across restarts and sign-ins', async () => {
    expect(device.session.current()).toBeNull()
    const user = await device.signIn('KIM@augu.kr ', 'pw-kim')
    expect(user).toMatchObject({ id: KIM.id })
    const deviceId = device.session.deviceId()
    expect(isUuid(deviceId)).toBe(true)
    expect(device.state.get('user_id')).toBe(KIM.id)
    expect(device.state.get('server_url')).toBe(SERVER)
    expect(server.devices.get(deviceId)).toBe(KIM.id)
    device = await device.reopen()
    expect(device.session.deviceId()).toBe(deviceId)
    expect(await device.session.signOut()).toEqual({ signedOut: true, pending: 0 })
    await device.signIn(KIM.email, 'pw-kim')
    expect(device.session.deviceId()).toBe(deviceId)
    expect(device.clock.node).toBe(nodeIdForDevice(deviceId))
  })

  it('opens offline as the last signed-in user and keeps working without a network', async () => {
    await device.signIn(KIM.email, 'pw-kim')
    server.setOnline(false)
    device = await device.reopen()
    expect(device.session.current()).toMatchObject({ id: KIM.id, email: KIM.email })
    device.writer.upsert('companies', testId(1), { code: 'C-1', name: '오프라인 회사' })
    await expect(device.syncNow()).rejects.toMatchObject({ kind: 'offline' })
    expect(device.status.get()).toMatchObject({ online: false, pendingCount: 1 })
    server.setOnline(true)
    await device.syncNow()
    expect(server.row('companies', testId(1))).toMatchObject({ name: '오프라인 회사' })
    expect(device.status.get()).toMatchObject({ online: true, pendingCount: 0, lastError: null })
  })

  it('sign-out refuses while changes are pending, and even forced never deletes the outbox or the replica', async () => {
    await device.signIn(KIM.email, 'pw-kim')
    server.setOnline(false)
    device.writer.upsert('companies', testId(1), { code: 'C-1', name: '미전송' })
    device.writer.upsert('companies', testId(1), { website: 'https://x.kr' })
    expect(await device.session.signOut()).toEqual({ signedOut: false, pending: 2 })
    expect(device.session.current()).not.toBeNull()
    expect(await device.session.signOut({ force: true })).toEqual({ signedOut: true, pending: 2 })
    expect(device.session.current()).toBeNull()
    expect(countRows(device.sqlite, 'outbox')).toBe(2)
    expect(countRows(device.sqlite, 'companies')).toBe(1)
    expect(() => device.writer.upsert('companies', testId(1), { name: 'x' })).toThrow(/Sign in/)
    // Restart: still signed out, still pending. Signing in again as the same user sends them.
    device = await device.reopen()
    expect(device.session.openOffline()).toBeNull()
    expect(device.writer.pendingCount()).toBe(2)
    server.setOnline(true)
    await device.signIn(KIM.email, 'pw-kim')
    await device.syncNow()
    expect(server.row('companies', testId(1))).toMatchObject({ name: '미전송', website: 'https://x.kr' })
    expect(device.writer.pendingCount()).toBe(0)
  })

  it('refuses a different user while another user’s changes are pending, before any network call', async () => {
    await device.signIn(KIM.email, 'pw-kim')
    device.writer.upsert('companies', testId(1), { code: 'C-1', name: '김의 회사' })
    await device.session.signOut({ force: true })
    server.setOnline(false) // proves no request is needed to refuse
    await expect(device.signIn(LEE.email, 'pw-lee')).rejects.toThrow(OtherUserPendingError)
    await expect(device.signIn(LEE.email, 'pw-lee')).rejects.toThrow(/kim@augu\.kr still has 1 unsynced/)
    expect(device.state.get('user_id')).toBe(KIM.id)
    expect(countRows(device.sqlite, 'outbox')).toBe(1)
    expect(countRows(device.sqlite, 'companies')).toBe(1)
  })

  it('a different user on a clean device gets a fresh replica and a new device id; a failed attempt changes nothing', async () => {
    server.serverWrite('companies', testId(9), { code: 'C-9', name: '김 담당 회사' })
    await device.signIn(KIM.email, 'pw-kim')
    await device.syncNow()
    const kimDevice = device.session.deviceId()
    const kimStamp = device.clock.last()
    expect(countRows(device.sqlite, 'companies')).toBe(1)
    await device.session.signOut()

    await expect(device.signIn(LEE.email, 'wrong')).rejects.toMatchObject({ kind: 'auth' })
    expect(countRows(device.sqlite, 'companies')).toBe(1)
    expect(device.session.deviceId()).toBe(kimDevice)

    await device.signIn(LEE.email, 'pw-lee')
    expect(device.session.deviceId()).not.toBe(kimDevice)
    expect(countRows(device.sqlite, 'companies')).toBe(0)
    expect(device.state.get('pull_cursor')).toBeNull()
    const stamp = device.writer.upsert('companies', testId(2), { code: 'C-2', name: '이의 회사' })!.hlc
    expect(parseHlc(stamp).node).toBe(nodeIdForDevice(device.session.deviceId()))
    expect(stamp > kimStamp).toBe(true)
  })

  it('refuses a server outside the app’s schema range and forgets the tokens', async () => {
    server = createMemoryServer({ accounts: [{ password: 'pw-kim', user: KIM }], schemaVersions: { min: 2, max: 3 } })
    await expect(device.signIn(KIM.email, 'pw-kim')).rejects.toMatchObject({ kind: 'schema_version', message: expect.stringContaining('update the app') })
    expect(device.session.current()).toBeNull()
  })
})

/**
 * The administration calls that need the server, made as the main process makes them: with the device's session and
 * tokens (never the renderer's), against the real server. A new account reaches every device by sync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AdminOnlineError, createAdminOnline } from '../../src/main/core/admin/online'
import type { TestDevice } from '../support/device/test-device'
import { auditQuerySchema, recordHistoryQuerySchema, userCreateSchema } from '../../src/shared/model/validation/admin'
import type { TestUser } from '../../sync-server/test/support'
import { localRow, startHarness, type Harness } from '../support/sync-harness'

let h: Harness
let exec: TestUser
let operator: TestUser
let admin: TestDevice

const onlineOf = (device: TestDevice) => createAdminOnline({ session: device.session, tokens: device.tokens, fetch: device.fetch })
const failureOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise
  } catch (error) {
    if (error instanceof AdminOnlineError) return error.kind
    throw error
  }
  throw new Error('expected a failure')
}

beforeAll(async () => {
  h = await startHarness()
  exec = await h.user('EXECUTIVE', '최대표')
  operator = await h.user('OPERATOR', '한사원')
  admin = await h.signedInDevice(exec, { name: 'admin' })
  await h.catchUp(admin)
})
afterAll(async () => {
  await h?.close()
})

describe('admin calls through the server', () => {
  it('creates an account; every device receives the user by sync; the audit log shows who did it', async () => {
    const colleague = await h.signedInDevice(operator, { name: 'colleague' })
    await h.catchUp(colleague)
    const created = await onlineOf(admin).createUser(
      userCreateSchema.parse({ email: 'new.hire@augu.kr', password: 'first-pass-123', name: '김신입', tier: 'OPERATOR', roleId: exec.roleId }),
    )
    expect(created).toMatchObject({ name: '김신입', email: 'new.hire@augu.kr' })
    await h.catchUp(colleague)
    expect(localRow(colleague, 'users', created.id)).toMatchObject({ email: 'new.hire@augu.kr', last_name: '김', first_name: '신입' })
    expect(Object.keys(localRow(colleague, 'users', created.id)!)).not.toContain('password_hash')

    const page = await onlineOf(admin).audit(auditQuerySchema.parse({ rowId: created.id }))
    expect(page.entries).toMatchObject([{ table: 'users', action: 'CREATE', userName: '최대표' }])
    expect(
      await failureOf(
        onlineOf(admin).createUser(
          userCreateSchema.parse({ email: 'NEW.HIRE@augu.kr', password: 'first-pass-123', name: '김중복', tier: 'OPERATOR', roleId: exec.roleId }),
        ),
      ),
    ).toBe('duplicateEmail')
    // An operator is refused by the server, not just hidden by the screen.
    expect(await failureOf(onlineOf(colleague).audit(auditQuerySchema.parse({})))).toBe('notAllowed')
    // …but reads one record's history when the record is in their scope (every user sees the user directory).
    const history = await onlineOf(colleague).recordHistory(recordHistoryQuerySchema.parse({ table: 'users', rowId: created.id }))
    expect(history.entries).toMatchObject([{ table: 'users', action: 'CREATE', userName: '최대표' }])
    await colleague.close()
  })

  it('an expired access token is refreshed once through the sync transport, then the call succeeds', async () => {
    const stored = (await admin.tokens.load())!
    await admin.tokens.save({ ...stored, accessToken: 'expired.token.value' })
    const page = await onlineOf(admin).audit(auditQuerySchema.parse({ limit: 1 }))
    expect(page.entries).toHaveLength(1)
    expect((await admin.tokens.load())!.refreshToken).not.toBe(stored.refreshToken)
    // The sync transport still works with the rotated tokens.
    await admin.syncNow()
  })

  it('a device that cannot reach the server, or has no server session, answers onlineRequired', async () => {
    const cut = h.device({
      name: 'cut',
      wrapFetch: (inner) => (input, init) => (String(input).includes('/admin/') ? Promise.reject(new TypeError('fetch failed')) : inner(input, init)),
    })
    await cut.signIn(exec.email, exec.password)
    expect(await failureOf(onlineOf(cut).audit(auditQuerySchema.parse({})))).toBe('onlineRequired')
    const local = h.device({ name: 'local' })
    local.session.startLocal({ id: exec.id, email: exec.email, tier: 'EXECUTIVE' })
    expect(await failureOf(onlineOf(local).audit(auditQuerySchema.parse({})))).toBe('onlineRequired')
  })
})

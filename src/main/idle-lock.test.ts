import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { createAppSettings } from './app-settings'
import { checkVerifier, createIdleLock, makeVerifier } from './idle-lock'

/** The app's cost is 2^15; a small one keeps the test quick on a busy machine (the stored N is what is checked). */
const TEST_COST = 2 ** 10
const open: Database.Database[] = []
afterEach(() => {
  for (const db of open.splice(0)) db.close()
})

function settings(): ReturnType<typeof createAppSettings> {
  const db = new Database(':memory:')
  open.push(db)
  return createAppSettings(db)
}

describe('idle lock', () => {
  it('keeps a salted scrypt verifier, never the password, and checks it offline', async () => {
    const a = await makeVerifier('augu-1234!', TEST_COST)
    const b = await makeVerifier('augu-1234!', TEST_COST)
    expect(a).not.toContain('augu-1234')
    // A random salt per verifier: the same password never gives the same record.
    expect(JSON.parse(a).hash).not.toBe(JSON.parse(b).hash)
    expect(await checkVerifier(a, 'augu-1234!')).toBe(true)
    expect(await checkVerifier(a, 'augu-1234')).toBe(false)
    expect(await checkVerifier('garbage', 'augu-1234!')).toBe(false)
  })

  it('is off by default, locks only when on and unlockable, and stays locked until the right password', async () => {
    const s = settings()
    const lock = createIdleLock(s, { cost: TEST_COST })
    expect(lock.state()).toEqual({ minutes: null, locked: false, canUnlock: false })
    expect(lock.lock().locked).toBe(false)

    await lock.rememberPassword('augu-1234!')
    expect(lock.lock().locked).toBe(false)
    expect(lock.saveSettings(5)).toEqual({ minutes: 5, locked: false, canUnlock: true })
    expect(lock.lock().locked).toBe(true)
    // A new lock object over the same settings (a renderer reload asks main again): still locked in main's memory.
    expect(lock.state().locked).toBe(true)

    expect(await lock.unlock('wrong')).toEqual({ unlocked: false, state: { minutes: 5, locked: true, canUnlock: true } })
    expect(await lock.unlock('augu-1234!')).toEqual({ unlocked: true, state: { minutes: 5, locked: false, canUnlock: true } })

    lock.forget()
    expect(s.get('unlock_verifier')).toBeNull()
    expect(lock.lock().locked).toBe(false)
    expect(lock.saveSettings(null).minutes).toBeNull()
  })
})

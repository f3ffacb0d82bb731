/**
 * Idle lock (a setting, off by default): after N minutes without use the window covers the data until the user types
 * their sign-in password again. The password is checked offline against a local verifier made at sign-in — scrypt of
 * the password with a random salt — never against the server's hash (which never leaves the server). The verifier
 * lives in the replica's app settings, so it is encrypted with the replica and erased with it.
 *
 * The locked state is kept here in main, not only in the window: reloading the renderer does not unlock it.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { type AppSettings } from './app-settings'
import { type LockState } from '../shared/ipc/lock-contract'

export type { LockState }

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

/** Cost 2^15 × 8 × 1: ~32 MiB and tens of milliseconds per check — slow for guessing, instant for a person. */
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const
const HASH_BYTES = 32

export const IDLE_LOCK_MINUTES = { min: 1, max: 240 } as const

interface Verifier {
  readonly v: 1
  readonly salt: string
  readonly hash: string
  readonly N: number
  readonly r: number
  readonly p: number
}

export interface IdleLock {
  state(): LockState
  saveSettings(minutes: number | null): LockState
  /** The window was idle for the set time. Ignored when the lock is off or nothing could unlock it. */
  lock(): LockState
  unlock(password: string): Promise<{ readonly unlocked: boolean; readonly state: LockState }>
  /** At sign-in: a new verifier from the password just accepted by the server. */
  rememberPassword(password: string): Promise<void>
  /** At sign-out: nothing to unlock any more. */
  forget(): void
}

/** `cost` (scrypt N) is stored with the verifier; tests pass a small one, the app always uses the default. */
export async function makeVerifier(password: string, cost: number = PARAMS.N): Promise<string> {
  const salt = randomBytes(16)
  const hash = await scrypt(password, salt, HASH_BYTES, { ...PARAMS, N: cost })
  const verifier: Verifier = { v: 1, salt: salt.toString('hex'), hash: hash.toString('hex'), N: cost, r: PARAMS.r, p: PARAMS.p }
  return JSON.stringify(verifier)
}

export async function checkVerifier(stored: string, password: string): Promise<boolean> {
  let verifier: Verifier
  try {
    verifier = JSON.parse(stored) as Verifier
  } catch {
    return false
  }
  if (verifier.v !== 1) return false
  const expected = Buffer.from(verifier.hash, 'hex')
  const actual = await scrypt(password, Buffer.from(verifier.salt, 'hex'), expected.length, {
    N: verifier.N,
    r: verifier.r,
    p: verifier.p,
    maxmem: PARAMS.maxmem,
  })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

export function createIdleLock(settings: AppSettings, options: { readonly cost?: number } = {}): IdleLock {
  let locked = false

  const state = (): LockState => {
    const minutes = Number(settings.get('idle_lock_minutes'))
    return {
      minutes: Number.isInteger(minutes) && minutes >= IDLE_LOCK_MINUTES.min ? minutes : null,
      locked,
      canUnlock: settings.get('unlock_verifier') !== null,
    }
  }

  return {
    state,
    saveSettings(minutes) {
      settings.set('idle_lock_minutes', minutes === null ? null : String(minutes))
      return state()
    },
    lock() {
      const current = state()
      if (current.minutes !== null && current.canUnlock) locked = true
      return state()
    },
    async unlock(password) {
      const stored = settings.get('unlock_verifier')
      const unlocked = stored !== null && (await checkVerifier(stored, password))
      if (unlocked) locked = false
      return { unlocked, state: state() }
    },
    async rememberPassword(password) {
      settings.set('unlock_verifier', await makeVerifier(password, options.cost))
      locked = false
    },
    forget() {
      settings.set('unlock_verifier', null)
      locked = false
    },
  }
}

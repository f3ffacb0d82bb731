/**
 * Sign-in throttle, shared by every instance through Redis. An attempt is RESERVED — counted as a failure — in one
 * atomic step BEFORE the password is hashed, so a burst of concurrent guesses cannot all be evaluated before the count
 * catches up (the old check-then-count let 50 concurrent guesses through). Three budgets, all checked in that step:
 *
 * - per (account, client address): `maxFailures` per window — a user who mistypes locks only their own address;
 * - per account, from any address: `accountMaxFailures` per window — a guesser who rotates addresses (forged
 *   X-Forwarded-For, a botnet) still gets only that many guesses per window;
 * - concurrent password checks per account: `maxConcurrent` — more answer 429 at once, without hashing, and still
 *   count against the budgets (a burst is guessing too: it spends the budget instead of slipping past it).
 *
 * A successful sign-in gives its reservation back (the account budget) and clears the address's count; a failed one
 * keeps it. While a budget is spent every attempt is refused before hashing — so the right password does not sign in
 * during a lockout either. Unknown e-mail addresses have the same budgets (keys are per e-mail, known or not).
 * E-mail addresses are hashed in the keys so they do not sit in Redis in clear text.
 */
import { createHash } from 'node:crypto'
import type { Redis } from 'ioredis'

// KEYS: pair, account, inflight. ARGV: maxPair, maxAccount, maxConcurrent, windowMs, inflightTtlMs.
// Returns {0, pttl, budgetLeft} reserved | {1, pttl} budget spent | {2, 0} too many checks running.
const RESERVE = `
local pair = tonumber(redis.call('get', KEYS[1]) or '0')
if pair >= tonumber(ARGV[1]) then return {1, redis.call('pttl', KEYS[1])} end
local account = tonumber(redis.call('get', KEYS[2]) or '0')
if account >= tonumber(ARGV[2]) then return {1, redis.call('pttl', KEYS[2])} end
pair = redis.call('incr', KEYS[1])
if pair == 1 then redis.call('pexpire', KEYS[1], ARGV[4]) end
account = redis.call('incr', KEYS[2])
if account == 1 then redis.call('pexpire', KEYS[2], ARGV[4]) end
local running = redis.call('incr', KEYS[3])
redis.call('pexpire', KEYS[3], ARGV[5])
if running > tonumber(ARGV[3]) then
  redis.call('decr', KEYS[3])
  return {2, 0}
end
local left = math.min(tonumber(ARGV[1]) - pair, tonumber(ARGV[2]) - account)
local pttl = redis.call('pttl', KEYS[1])
if tonumber(ARGV[2]) - account < tonumber(ARGV[1]) - pair then pttl = redis.call('pttl', KEYS[2]) end
return {0, pttl, left}`

// KEYS: pair, account, inflight. ARGV: 'success' | 'failure'.
const RELEASE = `
if tonumber(redis.call('get', KEYS[3]) or '0') > 0 then redis.call('decr', KEYS[3]) end
if ARGV[1] == 'success' then
  redis.call('del', KEYS[1])
  if tonumber(redis.call('get', KEYS[2]) or '0') > 0 then redis.call('decr', KEYS[2]) end
end
return 1`

export interface LoginThrottleOptions {
  readonly prefix: string
  /** Failed attempts per (account, address) per window. */
  readonly maxFailures: number
  /** Failed attempts per account, from any address, per window. */
  readonly accountMaxFailures: number
  readonly windowMs: number
  /** Password checks running at once for one account. */
  readonly maxConcurrent: number
}

export type Reservation =
  /** `budgetLeft` 0: this is the last attempt of the window — if it fails, answer 429 at once (retry after `retryAfterMs`). */
  | { readonly reserved: true; readonly budgetLeft: number; readonly retryAfterMs: number }
  | { readonly reserved: false; readonly reason: 'locked' | 'busy'; readonly retryAfterMs: number }

export type AttemptOutcome = 'success' | 'failure'

export interface LoginThrottle {
  /** Counts the attempt (as a failure until `release` says otherwise), or refuses it without counting. */
  reserve(email: string, ip: string): Promise<Reservation>
  /** After the password check of a reserved attempt. */
  release(email: string, ip: string, outcome: AttemptOutcome): Promise<void>
}

/** A crashed instance must not leave an account "busy" forever: the in-flight counter expires. */
const INFLIGHT_TTL_MS = 30_000
/** Retry-After for "too many checks running": a password check takes well under a second. */
const BUSY_RETRY_MS = 1_000

const normalEmail = (email: string): string => email.trim().toLowerCase()
const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32)

export function createLoginThrottle(redis: Redis, options: LoginThrottleOptions): LoginThrottle {
  const { prefix, maxFailures, accountMaxFailures, windowMs, maxConcurrent } = options
  const keysFor = (email: string, ip: string): [string, string, string] => {
    const account = digest(normalEmail(email))
    return [`${prefix}login-failures:${digest(`${normalEmail(email)}\n${ip}`)}`, `${prefix}login-account:${account}`, `${prefix}login-inflight:${account}`]
  }
  return {
    async reserve(email, ip) {
      const [status, pttl, left] = (await redis.eval(
        RESERVE,
        3,
        ...keysFor(email, ip),
        maxFailures,
        accountMaxFailures,
        maxConcurrent,
        windowMs,
        INFLIGHT_TTL_MS,
      )) as [number, number, number?]
      if (status === 0) return { reserved: true, budgetLeft: left ?? 0, retryAfterMs: pttl > 0 ? pttl : windowMs }
      if (status === 2) return { reserved: false, reason: 'busy', retryAfterMs: BUSY_RETRY_MS }
      return { reserved: false, reason: 'locked', retryAfterMs: pttl > 0 ? pttl : windowMs }
    },
    async release(email, ip, outcome) {
      await redis.eval(RELEASE, 3, ...keysFor(email, ip), outcome)
    },
  }
}

interface Window {
  count: number
  expiresAt: number
}

/** The same budgets in this process's memory: the fallback while Redis is unreachable. */
export function createMemoryLoginThrottle(options: Omit<LoginThrottleOptions, 'prefix'>, maxEntries = 10_000): LoginThrottle {
  const { maxFailures, accountMaxFailures, windowMs, maxConcurrent } = options
  const windows = new Map<string, Window>()
  const running = new Map<string, number>()
  const live = (key: string): Window | undefined => {
    const slot = windows.get(key)
    if (slot && slot.expiresAt <= Date.now()) {
      windows.delete(key)
      return undefined
    }
    return slot
  }
  const bump = (key: string): void => {
    let slot = live(key)
    if (!slot) {
      // Bounded memory: drop the oldest window (Map keeps insertion order) when full.
      if (windows.size >= maxEntries) windows.delete(windows.keys().next().value!)
      windows.set(key, (slot = { count: 0, expiresAt: Date.now() + windowMs }))
    }
    slot.count += 1
  }
  const keysFor = (email: string, ip: string): [string, string] => [`${normalEmail(email)}\n${ip}`, normalEmail(email)]
  return {
    async reserve(email, ip) {
      const [pairKey, accountKey] = keysFor(email, ip)
      for (const [key, max] of [
        [pairKey, maxFailures],
        [accountKey, accountMaxFailures],
      ] as const) {
        const slot = live(key)
        if (slot && slot.count >= max) return { reserved: false, reason: 'locked', retryAfterMs: Math.max(1, slot.expiresAt - Date.now()) }
      }
      bump(pairKey)
      bump(accountKey)
      const now = running.get(accountKey) ?? 0
      if (now >= maxConcurrent) return { reserved: false, reason: 'busy', retryAfterMs: BUSY_RETRY_MS }
      running.set(accountKey, now + 1)
      const pair = live(pairKey)!
      const account = live(accountKey)!
      const budgetLeft = Math.min(maxFailures - pair.count, accountMaxFailures - account.count)
      return { reserved: true, budgetLeft, retryAfterMs: Math.max(1, Math.min(pair.expiresAt, account.expiresAt) - Date.now()) }
    },
    async release(email, ip, outcome) {
      const [pairKey, accountKey] = keysFor(email, ip)
      const now = running.get(accountKey) ?? 0
      if (now <= 1) running.delete(accountKey)
      else running.set(accountKey, now - 1)
      if (outcome === 'success') {
        windows.delete(pairKey)
        const slot = live(accountKey)
        if (slot && slot.count > 0) slot.count -= 1
      }
    },
  }
}

/**
 * Redis first; while Redis is unreachable, this instance's memory (fail-open, docs/operations.md § Redis outage):
 * sign-in keeps working and guessing stays throttled per instance (at most the budgets × instances per window).
 */
export function createResilientLoginThrottle(redis: Redis, options: LoginThrottleOptions, logger?: { warn(obj: object, msg: string): void }): LoginThrottle {
  const shared = createLoginThrottle(redis, options)
  const local = createMemoryLoginThrottle(options)
  const run = async <T>(op: (throttle: LoginThrottle) => Promise<T>): Promise<T> => {
    if (redis.status !== 'ready') return op(local)
    try {
      return await op(shared)
    } catch (error) {
      logger?.warn({ err: error instanceof Error ? error.message : String(error) }, "login throttle: Redis failed, using this instance's memory")
      return op(local)
    }
  }
  return {
    reserve: (email, ip) => run((t) => t.reserve(email, ip)),
    release: (email, ip, outcome) => run((t) => t.release(email, ip, outcome)),
  }
}

/**
 * Failed-login throttle in Redis, per (email, client ip): shared by every instance, so a password guesser cannot
 * spread attempts across the load balancer. A fixed window opens on the first failure; after `maxFailures` in the
 * window the pair is refused (429 + Retry-After) until it expires. A successful login clears the count.
 * The email is hashed in the key so addresses do not sit in Redis in clear text.
 */
import { createHash } from 'node:crypto'
import type { Redis } from 'ioredis'

// INCR and set the window's expiry in one step, so a crash can never leave a counter without an expiry.
const RECORD_FAILURE = `
local count = redis.call('incr', KEYS[1])
if count == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end
return {count, redis.call('pttl', KEYS[1])}`

export interface LoginThrottleOptions {
  readonly prefix: string
  readonly maxFailures: number
  readonly windowMs: number
}

export interface ThrottleState {
  readonly blocked: boolean
  /** When blocked: milliseconds until the window expires. */
  readonly retryAfterMs: number
}

export interface LoginThrottle {
  check(email: string, ip: string): Promise<ThrottleState>
  recordFailure(email: string, ip: string): Promise<ThrottleState>
  reset(email: string, ip: string): Promise<void>
}

export function createLoginThrottle(redis: Redis, { prefix, maxFailures, windowMs }: LoginThrottleOptions): LoginThrottle {
  const keyFor = (email: string, ip: string): string => {
    const id = createHash('sha256').update(`${email.trim().toLowerCase()}\n${ip}`).digest('hex').slice(0, 32)
    return `${prefix}login-failures:${id}`
  }
  const stateOf = (count: number, pttl: number): ThrottleState =>
    count >= maxFailures ? { blocked: true, retryAfterMs: pttl > 0 ? pttl : windowMs } : { blocked: false, retryAfterMs: 0 }

  return {
    async check(email, ip) {
      const key = keyFor(email, ip)
      const [count, pttl] = await Promise.all([redis.get(key), redis.pttl(key)])
      return stateOf(Number(count ?? 0), pttl)
    },
    async recordFailure(email, ip) {
      const [count, pttl] = (await redis.eval(RECORD_FAILURE, 1, keyFor(email, ip), String(windowMs))) as [number, number]
      return stateOf(count, pttl)
    },
    async reset(email, ip) {
      await redis.del(keyFor(email, ip))
    },
  }
}

/** The same fixed-window throttle in this process's memory: the fallback while Redis is unreachable. */
export function createMemoryLoginThrottle({ maxFailures, windowMs }: Omit<LoginThrottleOptions, 'prefix'>, maxEntries = 10_000): LoginThrottle {
  const windows = new Map<string, { count: number; expiresAt: number }>()
  const keyFor = (email: string, ip: string): string => `${email.trim().toLowerCase()}\n${ip}`
  const live = (key: string): { count: number; expiresAt: number } | undefined => {
    const slot = windows.get(key)
    if (slot && slot.expiresAt <= Date.now()) {
      windows.delete(key)
      return undefined
    }
    return slot
  }
  const stateOf = (slot: { count: number; expiresAt: number } | undefined): ThrottleState =>
    slot && slot.count >= maxFailures ? { blocked: true, retryAfterMs: Math.max(1, slot.expiresAt - Date.now()) } : { blocked: false, retryAfterMs: 0 }
  return {
    async check(email, ip) {
      return stateOf(live(keyFor(email, ip)))
    },
    async recordFailure(email, ip) {
      const key = keyFor(email, ip)
      let slot = live(key)
      if (!slot) {
        // Bounded memory: drop the oldest window (Map keeps insertion order) when full.
        if (windows.size >= maxEntries) windows.delete(windows.keys().next().value!)
        windows.set(key, (slot = { count: 0, expiresAt: Date.now() + windowMs }))
      }
      slot.count += 1
      return stateOf(slot)
    },
    async reset(email, ip) {
      windows.delete(keyFor(email, ip))
    },
  }
}

/**
 * Redis first; while Redis is unreachable, this instance's memory (fail-open, docs/operations.md § Redis outage):
 * sign-in keeps working and guessing stays throttled per instance (at most maxFailures × instances per window).
 */
export function createResilientLoginThrottle(
  redis: Redis,
  options: LoginThrottleOptions,
  logger?: { warn(obj: object, msg: string): void },
): LoginThrottle {
  const shared = createLoginThrottle(redis, options)
  const local = createMemoryLoginThrottle(options)
  const run = async <T>(op: (throttle: LoginThrottle) => Promise<T>): Promise<T> => {
    if (redis.status !== 'ready') return op(local)
    try {
      return await op(shared)
    } catch (error) {
      logger?.warn({ err: error instanceof Error ? error.message : String(error) }, 'login throttle: Redis failed, using this instance\'s memory')
      return op(local)
    }
  }
  return {
    check: (email, ip) => run((t) => t.check(email, ip)),
    recordFailure: (email, ip) => run((t) => t.recordFailure(email, ip)),
    reset: (email, ip) => run((t) => t.reset(email, ip)),
  }
}

/**
 * A lock for singleton jobs (archiving, garbage collection) across server instances: SET NX PX with a random
 * token; release and renewal are Lua scripts that act only if the key still holds *our* token, so an instance whose
 * lock expired (a long GC pause) can never delete or extend the lock another instance has since taken.
 */
import { randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`

export interface LockHandle {
  readonly key: string
  readonly token: string
  /** Extends the lease to ttlMs from now; false if the lock was lost (expired and possibly taken by someone else). */
  renew(ttlMs: number): Promise<boolean>
  /** Deletes the lock if we still hold it; false if it had already been lost. */
  release(): Promise<boolean>
}

/** One attempt; null if another holder has it. `key` is the full Redis key (prefix included). */
export async function tryAcquireLock(redis: Redis, key: string, ttlMs: number): Promise<LockHandle | null> {
  const token = randomBytes(16).toString('hex')
  const ok = await redis.set(key, token, 'PX', ttlMs, 'NX')
  if (ok !== 'OK') return null
  return {
    key,
    token,
    renew: async (ms) => (await redis.eval(RENEW, 1, key, token, String(ms))) === 1,
    release: async () => (await redis.eval(RELEASE, 1, key, token)) === 1,
  }
}

export interface LockContext {
  /** Aborted when the lease could not be renewed: the job should stop at its next safe point. */
  readonly signal: AbortSignal
}

export type LockResult<T> = { readonly acquired: true; readonly value: T } | { readonly acquired: false }

export interface WithLockOptions {
  /** Prepended to the lock name (the deployment's REDIS_PREFIX). */
  readonly prefix?: string
}

/**
 * Runs `fn` only if this instance gets the lock `name`; otherwise returns `{ acquired: false }` at once
 * (singleton jobs skip a round rather than queue). The lease is renewed every ttlMs/3 while `fn` runs; if a
 * renewal fails, `signal` is aborted. The lock is released when `fn` settles, even if it throws.
 */
export async function withLock<T>(
  redis: Redis,
  name: string,
  ttlMs: number,
  fn: (context: LockContext) => Promise<T>,
  { prefix = '' }: WithLockOptions = {},
): Promise<LockResult<T>> {
  const lock = await tryAcquireLock(redis, `${prefix}lock:${name}`, ttlMs)
  if (!lock) return { acquired: false }
  const controller = new AbortController()
  const timer = setInterval(
    () => {
      lock.renew(ttlMs).then(
        (held) => {
          if (!held) controller.abort(new Error(`lock ${name} lost`))
        },
        (error: unknown) => controller.abort(error),
      )
    },
    Math.max(10, Math.floor(ttlMs / 3)),
  )
  timer.unref()
  try {
    return { acquired: true, value: await fn({ signal: controller.signal }) }
  } finally {
    clearInterval(timer)
    await lock.release().catch(() => false)
  }
}

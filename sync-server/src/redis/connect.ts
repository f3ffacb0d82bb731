/**
 * Redis connections. Redis is a helper here (pokes, throttles, locks), never the truth, so the server starts and
 * answers /health with 503 while Redis is down, and commands fail fast instead of queueing for minutes.
 */
import { Redis } from 'ioredis'
import type { Logger } from 'pino'

export interface RedisOptions {
  /** Names the connection in logs and in `CLIENT LIST`. */
  readonly name: string
  readonly logger?: Pick<Logger, 'warn' | 'info'>
}

export function createRedis(url: string, { name, logger }: RedisOptions): Redis {
  const redis = new Redis(url, {
    connectionName: name,
    // One retry per command, then reject: a request must not hang because Redis is away.
    maxRetriesPerRequest: 1,
    // Reconnect forever, backing off to 2 s, so the server recovers by itself when Redis returns.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    connectTimeout: 2_000,
  })
  // Log transitions, not every failed reconnect attempt.
  let down = false
  redis.on('error', (error: Error) => {
    if (down) return
    down = true
    logger?.warn({ redis: name, err: error.message }, 'redis connection error')
  })
  redis.on('ready', () => {
    if (down) logger?.info({ redis: name }, 'redis connection restored')
    down = false
  })
  return redis
}

/** Close without waiting on a server that is not there (QUIT would hang on a dead connection). */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') {
    try {
      await redis.quit()
      return
    } catch {
      // fall through to disconnect
    }
  }
  redis.disconnect()
}

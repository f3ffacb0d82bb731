/**
 * Redis isolation per test file: every key and channel the server uses starts with REDIS_PREFIX, so a unique
 * prefix gives each file its own throttles, locks and poke channel on the one shared Redis.
 */
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

export interface TestRedisPrefix {
  readonly prefix: string
  readonly redisUrl: string
  /** Deletes every key under the prefix. */
  cleanup(): Promise<void>
}

export function createTestRedisPrefix(): TestRedisPrefix {
  const prefix = `crm-test:${process.pid}:${randomBytes(4).toString('hex')}:`
  return {
    prefix,
    redisUrl: TEST_REDIS_URL,
    async cleanup() {
      const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 })
      try {
        await redis.connect()
        let cursor = '0'
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500)
          cursor = next
          if (keys.length > 0) await redis.del(...keys)
        } while (cursor !== '0')
      } finally {
        redis.disconnect()
      }
    },
  }
}

/**
 * The long-lived connections a server instance owns: the PostgreSQL pool, a Redis command connection, a Redis
 * subscriber connection (a subscribed connection can do nothing else) and the poke bus over them.
 */
import type { Redis } from 'ioredis'
import type { Pool } from 'pg'
import type { Logger } from 'pino'
import { createPool } from '../db/pool'
import type { ServerConfig } from './config'
import { createPokeBus, type PokeBus } from './realtime/poke-bus'
import { usersSeeingEach } from './sync/audience'
import { closeRedis, createRedis } from './redis/connect'

export interface Services {
  readonly pool: Pool
  readonly redis: Redis
  readonly pokes: PokeBus
  /** Closes the bus, both Redis connections and the pool. Call after the HTTP server has stopped. */
  close(): Promise<void>
}

export type ServicesConfig = Pick<ServerConfig, 'databaseUrl' | 'redisUrl' | 'redisPrefix'> &
  Partial<Pick<ServerConfig, 'pgPoolMax' | 'pgStatementTimeoutMs' | 'pgConnectTimeoutMs'>>

export function createServices(config: ServicesConfig, logger: Logger): Services {
  // Idle or checked out, a client that loses its connection must not crash the process (db/pool.ts).
  const logPoolError = (error: Error, where: 'idle' | 'client'): void =>
    logger.warn({ err: error }, where === 'idle' ? 'idle PostgreSQL client error' : 'PostgreSQL connection lost')
  const pool = createPool(
    config.databaseUrl,
    {
      max: config.pgPoolMax ?? 10,
      // Server-side limit per statement (a runaway query cannot hold a connection forever); 0 = none.
      ...(config.pgStatementTimeoutMs ? { statement_timeout: config.pgStatementTimeoutMs } : {}),
      // A request waiting for a connection (PostgreSQL down, pool exhausted) fails with 503 instead of hanging.
      connectionTimeoutMillis: config.pgConnectTimeoutMs ?? 5_000,
    },
    logPoolError,
  )
  const redis = createRedis(config.redisUrl, { name: 'crm-sync-commands', logger })
  const sub = createRedis(config.redisUrl, { name: 'crm-sync-pokes', logger })
  const pokes = createPokeBus({ pub: redis, sub, prefix: config.redisPrefix, logger, resolveEach: (requests) => usersSeeingEach(pool, requests) })
  return {
    pool,
    redis,
    pokes,
    async close() {
      await pokes.close()
      await Promise.all([closeRedis(redis), closeRedis(sub)])
      await pool.end()
    },
  }
}

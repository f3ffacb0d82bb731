/**
 * GET /health — unauthenticated and cheap so a load balancer can poll it; each probe has its own timeout so a hung
 * dependency cannot hang the check.
 * - 200 `{"status":"ok"}`: PostgreSQL and Redis answer.
 * - 200 `{"status":"degraded","degraded":["redis"],…}`: Redis is unreachable. Push, pull and sign-in keep working
 *   (only live pokes across instances degrade, and login throttling falls back to this instance's memory), so the
 *   instance must stay in the load balancer; alert on it from the body or from `crm_redis_up` in /metrics.
 * - 503 naming PostgreSQL: nothing works without it; take the instance out of rotation.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { Redis } from 'ioredis'
import type { Pool } from 'pg'
import { errorBody } from '../http/errors'

export interface HealthRouteOptions {
  readonly pool: Pool
  readonly redis: Redis
  readonly timeoutMs?: number
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}

export const healthRoutes: FastifyPluginAsync<HealthRouteOptions> = async (app, { pool, redis, timeoutMs = 2_000 }) => {
  app.get('/health', { logLevel: 'warn' }, async (request, reply) => {
    const probes = await Promise.allSettled([withTimeout(pool.query('SELECT 1'), timeoutMs, 'PostgreSQL'), withTimeout(redis.ping(), timeoutMs, 'Redis')])
    const failed = (['postgres', 'redis'] as const).filter((_, i) => probes[i]!.status === 'rejected')
    if (failed.length === 0) return { status: 'ok' }
    if (failed.length === 1 && failed[0] === 'redis') {
      const reason = (probes[1] as PromiseRejectedResult).reason
      request.log.warn({ failed: { redis: reason instanceof Error ? reason.message : String(reason) } }, 'health: degraded (Redis)')
      return { status: 'degraded', degraded: ['redis'], message: 'Redis unreachable: sync works, live updates across instances are delayed' }
    }
    const reasons = Object.fromEntries(
      failed.map((name) => {
        const probe = probes[name === 'postgres' ? 0 : 1] as PromiseRejectedResult
        return [name, probe.reason instanceof Error ? probe.reason.message : String(probe.reason)]
      }),
    )
    request.log.warn({ failed: reasons }, 'health check failed')
    const names = failed.map((name) => (name === 'postgres' ? 'PostgreSQL' : 'Redis')).join(' and ')
    return reply.code(503).send({ status: 'unavailable', ...errorBody('unavailable', `${names} unreachable`, { failed }) })
  })
}

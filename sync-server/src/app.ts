/**
 * buildApp: the HTTP API as a Fastify instance, from already-open connections (so tests and the CLI share it and
 * own the connections' lifetime). Registers health, auth, events and the sync core's routes.
 */
import helmet from '@fastify/helmet'
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify'
import type { Redis } from 'ioredis'
import type { Pool } from 'pg'
import { adminRoutes } from './admin/routes'
import { createAuthenticate } from './auth/authenticate'
import { createResilientLoginThrottle } from './auth/login-throttle'
import './auth/request-auth'
import { authRoutes } from './auth/routes'
import { createAuthService } from './auth/service'
import { createStreamTickets } from './auth/stream-ticket'
import type { ServerConfig } from './config'
import { healthRoutes } from './health/routes'
import { handleError, handleNotFound } from './http/errors'
import { loggerOptions } from './http/logging'
import { requestIdFor } from './http/request-id'
import { metricsRoutes } from './metrics/routes'
import { createServerMetrics, type ServerMetrics } from './metrics/server-metrics'
import type { PokeBus } from './realtime/poke-bus'
import { eventRoutes } from './realtime/routes'
import { syncRoutes } from './sync/routes'
import { fileRoutes } from './files/routes'
import { createFileService } from './files/service'
import { createBlobStorage } from './files/storage'

export interface AppDeps {
  readonly config: ServerConfig
  readonly pool: Pool
  /** The command connection (throttles, locks, publishing pokes). */
  readonly redis: Redis
  readonly pokes: PokeBus
  /** Fastify logger options; default: pino at config.logLevel. `false` silences (tests). */
  readonly logger?: FastifyServerOptions['logger']
  /** Extra route plugins, registered after the built-in ones (tests, future jobs endpoints). */
  readonly routes?: readonly FastifyPluginAsync[]
  /** Default: a fresh registry for this app (GET /metrics). */
  readonly metrics?: ServerMetrics
}

export async function buildApp({
  config,
  pool,
  redis,
  pokes,
  logger,
  routes = [],
  metrics = createServerMetrics({ pool, redis, pokes }),
}: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? loggerOptions(config.logLevel),
    genReqId: requestIdFor,
    bodyLimit: config.bodyLimitBytes,
    // Only the named proxies' X-Forwarded-For is believed (config.ts parseTrustProxy); never every hop.
    trustProxy: config.trustProxy === false ? false : [...config.trustProxy],
    // Keep-alive sockets must not hold up a graceful shutdown; SSE streams are ended by their route's preClose.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  })

  // Security headers (HSTS, nosniff, frame-ancestors 'none', no referrer …). The API serves JSON and SSE only, so the
  // strictest content security policy costs nothing.
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'same-site' },
  })
  app.setErrorHandler(handleError)
  app.setNotFoundHandler(handleNotFound)
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id)
  })
  // Request counts and latency by route pattern (never the raw URL: ids and tokens would explode the label set).
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched'
    const method = request.method
    metrics.httpRequests.inc({ method, route, status: String(reply.statusCode) })
    metrics.httpDuration.observe({ method, route }, reply.elapsedTime / 1000)
  })

  app.decorateRequest('auth', null)
  app.decorate('authenticate', createAuthenticate({ pool, secret: config.authSecret }))

  const throttle = createResilientLoginThrottle(
    redis,
    {
      prefix: config.redisPrefix,
      maxFailures: config.loginMaxFailures,
      accountMaxFailures: config.loginAccountMaxFailures,
      windowMs: config.loginFailureWindowMs,
      maxConcurrent: config.loginMaxConcurrent,
    },
    app.log,
  )
  const countedThrottle = {
    ...throttle,
    async reserve(email: string, ip: string) {
      const reservation = await throttle.reserve(email, ip)
      if (!reservation.reserved) metrics.loginRefusals.inc({ reason: reservation.reason })
      return reservation
    },
  }
  await app.register(healthRoutes, { pool, redis })
  await app.register(metricsRoutes, { metrics, token: config.metricsToken })
  const auth = createAuthService({ pool, throttle: countedThrottle, config, onPasswordCheck: (outcome) => metrics.passwordChecks.inc({ outcome }) })
  await app.register(authRoutes, { auth, pool, secret: config.authSecret })
  await app.register(eventRoutes, { pool, pokes, tickets: createStreamTickets(redis, config.redisPrefix), heartbeatMs: config.sseHeartbeatMs })
  await app.register(syncRoutes, { pool, pokes, config, metrics })
  await app.register(adminRoutes, { pool, pokes })
  await app.register(fileRoutes, {
    files: createFileService({ pool, redis, redisPrefix: config.redisPrefix, storage: createBlobStorage(config.files.storage, pool), config: config.files }),
  })
  for (const plugin of routes) await app.register(plugin)
  return app
}

/**
 * GET /metrics — Prometheus text format. Protected: with METRICS_TOKEN set, only `Authorization: Bearer <token>`
 * is answered; without it, only clients connecting from the loopback interface (the TCP peer, not X-Forwarded-For,
 * so a reverse proxy on the same host must not forward /metrics). Otherwise 404, so the route is not advertised.
 */
import { timingSafeEqual } from 'node:crypto'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { errorBody } from '../http/errors'
import type { ServerMetrics } from './server-metrics'

export interface MetricsRouteOptions {
  readonly metrics: ServerMetrics
  readonly token: string | null
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/

function allowed(request: FastifyRequest, token: string | null): boolean {
  if (token === null) return LOOPBACK.test(request.raw.socket.remoteAddress ?? '')
  const header = request.headers.authorization
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null
  if (!match) return false
  const given = Buffer.from(match[1]!)
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export const metricsRoutes: FastifyPluginAsync<MetricsRouteOptions> = async (app, { metrics, token }) => {
  app.get('/metrics', { logLevel: 'warn' }, async (request, reply) => {
    if (!allowed(request, token)) {
      return reply
        .code(token === null ? 404 : 401)
        .send(token === null ? errorBody('not_found', 'Route GET /metrics not found') : errorBody('unauthenticated', 'Metrics token required'))
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics())
  })
}

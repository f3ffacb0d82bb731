/**
 * GET /v1/sync/events — Server-Sent Events for a signed-in device: `event: poke` after any commit touching rows in
 * the user's scope (the device then pulls), `: heartbeat` comments every SSE_HEARTBEAT. Authenticated with the
 * Bearer header, or — for a browser's EventSource, which cannot set headers — `?ticket=` from
 * POST /v1/sync/events/ticket (short-lived, single use; auth/stream-ticket.ts). Access tokens in the URL are refused:
 * they would sit in proxy logs while still valid.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Pool } from 'pg'
import { authFromClaims } from '../auth/authenticate'
import { requireAuth } from '../auth/request-auth'
import type { StreamTickets } from '../auth/stream-ticket'
import { unauthenticated } from '../http/errors'
import type { PokeBus } from './poke-bus'
import { openSseStream, type SseStream } from './sse'

export interface EventRouteOptions {
  readonly pool: Pool
  readonly pokes: PokeBus
  readonly tickets: StreamTickets
  readonly heartbeatMs: number
}

export const eventRoutes: FastifyPluginAsync<EventRouteOptions> = async (app, { pool, pokes, tickets, heartbeatMs }) => {
  const open = new Set<SseStream>()

  // Open streams would otherwise keep `app.close()` waiting forever: end them when the server shuts down.
  app.addHook('preClose', async () => {
    for (const stream of open) stream.close()
  })

  const authenticateStream = async (request: FastifyRequest, reply: Parameters<typeof app.authenticate>[1]): Promise<void> => {
    const query = (request.query ?? {}) as Record<string, unknown>
    if (query.access_token !== undefined) throw unauthenticated('Access tokens in the URL are not accepted; use the Authorization header or a stream ticket')
    if (typeof query.ticket === 'string' && request.headers.authorization === undefined) {
      const claims = await tickets.redeem(query.ticket)
      if (!claims) throw unauthenticated('Stream ticket is invalid, expired or already used')
      request.auth = await authFromClaims(pool, claims)
      return
    }
    await app.authenticate(request, reply)
  }

  app.post('/v1/sync/events/ticket', { preHandler: app.authenticate }, async (request) => {
    const { userId, tier, deviceId, sessionId } = requireAuth(request)
    return tickets.issue({ userId, tier, deviceId, sessionId })
  })

  app.get('/v1/sync/events', { preHandler: authenticateStream }, async (request, reply) => {
    const { userId, deviceId } = requireAuth(request)
    reply.hijack()
    let removeClient = (): void => undefined
    const stream = openSseStream(reply.raw, {
      heartbeatMs,
      headers: { 'x-request-id': request.id },
      onClose: () => {
        removeClient()
        open.delete(stream)
        request.log.info({ userId, deviceId }, 'event stream closed')
      },
    })
    open.add(stream)
    removeClient = pokes.addClient({ userId, send: (poke) => stream.event('poke', poke) })
    // Tells the client the stream is live: it should pull now (it may have missed pokes while disconnected).
    stream.event('ready', { at: new Date().toISOString() })
    request.log.info({ userId, deviceId }, 'event stream opened')
  })
}

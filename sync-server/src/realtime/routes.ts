/**
 * GET /v1/sync/events — Server-Sent Events for a signed-in device: `event: poke` after any commit touching rows in
 * the user's scope (the device then pulls), `: heartbeat` comments every SSE_HEARTBEAT. Authenticated with the
 * Bearer header, or `?access_token=` because a browser EventSource cannot set headers.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { Pool } from 'pg'
import { createAuthenticate } from '../auth/authenticate'
import { requireAuth } from '../auth/request-auth'
import type { PokeBus } from './poke-bus'
import { openSseStream, type SseStream } from './sse'

export interface EventRouteOptions {
  readonly pool: Pool
  readonly pokes: PokeBus
  readonly authSecret: string
  readonly heartbeatMs: number
}

export const eventRoutes: FastifyPluginAsync<EventRouteOptions> = async (app, { pool, pokes, authSecret, heartbeatMs }) => {
  const authenticate = createAuthenticate({ pool, secret: authSecret, allowQueryToken: true })
  const open = new Set<SseStream>()

  // Open streams would otherwise keep `app.close()` waiting forever: end them when the server shuts down.
  app.addHook('preClose', async () => {
    for (const stream of open) stream.close()
  })

  app.get('/v1/sync/events', { preHandler: authenticate }, async (request, reply) => {
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

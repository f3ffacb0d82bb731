/**
 * The sync API (docs/sync-protocol.md): POST /v1/sync/push, POST /v1/sync/pull, GET /v1/conflicts. Parsing, the
 * device and schema-version checks, and answering; the rules live in push.ts, pull.ts and conflicts.ts.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Pool } from 'pg'
import { createHlcClock, nodeIdForDevice } from '../../../src/shared/sync/hlc'
import { authFromClaims, authFromState, verifiedClaims } from '../auth/authenticate'
import { requireAuth, type RequestAuth } from '../auth/request-auth'
import type { SessionState } from '../auth/sessions'
import type { ServerConfig } from '../config'
import { badRequest, forbidden, HttpError } from '../http/errors'
import { assertSchemaVersion } from '../http/schema-version'
import type { ServerMetrics } from '../metrics/server-metrics'
import type { PokeBus } from '../realtime/poke-bus'
import { listConflicts } from './conflicts'
import { InvalidCursorError } from './cursor'
import { pull, ResyncRequiredError } from './pull'
import { parsePullRequest } from './pull-request'
import { push } from './push'
import { parsePushEnvelope } from './push-request'

export interface SyncRouteOptions {
  readonly pool: Pool
  readonly pokes: PokeBus
  readonly config: ServerConfig
  /** Push/pull counters (GET /metrics); optional so the sync core's tests need none. */
  readonly metrics?: ServerMetrics
}

function assertOwnDevice(auth: Pick<RequestAuth, 'deviceId'>, deviceId: string): void {
  if (deviceId.toLowerCase() !== auth.deviceId.toLowerCase()) {
    throw forbidden('deviceId does not match the device this session was signed in on')
  }
}

const userAgentOf = (request: FastifyRequest): string | null => (typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null)

export const syncRoutes: FastifyPluginAsync<SyncRouteOptions> = async (app, { pool, pokes, config, metrics }) => {
  // One clock per server instance: it only issues the stamps that replace clamped (far-future) device stamps.
  const clock = createHlcClock({ node: nodeIdForDevice(randomUUID()) })

  app.post('/v1/sync/push', { preHandler: app.authenticate }, async (request) => {
    const auth = requireAuth(request)
    const body = parsePushEnvelope(request.body)
    assertOwnDevice(auth, body.deviceId)
    assertSchemaVersion(body.schemaVersion, config)
    const { response, audience, txid } = await push(
      { pool, clock },
      {
        userId: auth.userId,
        deviceId: auth.deviceId,
        schemaVersion: body.schemaVersion,
        mutations: body.mutations,
        ip: request.ip ?? null,
        userAgent: userAgentOf(request),
      },
    )
    if (metrics) for (const result of response.results) metrics.pushMutations.inc({ result: result.status })
    // After commit only: a poke for a rolled-back push would send devices after nothing.
    // The txid lets the device keep pulling until the pull horizon has passed this commit (sync-protocol §6).
    if (audience) void pokes.publish(audience, txid ?? undefined)
    return response
  })

  // The pull checks its session itself, in its first statement (pull.ts PullInput.session): the access token is
  // verified here, and a request the route refuses for its body still answers a session refusal first, as behind
  // app.authenticate.
  app.post('/v1/sync/pull', async (request, reply) => {
    const claims = await verifiedClaims(request, config.authSecret)
    let body: ReturnType<typeof parsePullRequest>
    try {
      body = parsePullRequest(request.body)
      assertOwnDevice(claims, body.deviceId)
      assertSchemaVersion(body.schemaVersion, config)
    } catch (error) {
      request.auth = await authFromClaims(pool, claims)
      throw error
    }
    const session = {
      id: claims.sessionId,
      accept: (state: SessionState) => {
        request.auth = authFromState(claims, state)
      },
    }
    try {
      const started = performance.now()
      const stats = { changes: 0, removed: 0 }
      const json = await pull(pool, { userId: claims.userId, deviceId: claims.deviceId, cursor: body.cursor, limit: body.limit, session }, stats)
      // Nothing to add for a pull with nothing new (most pulls): the series exist from the start (server-metrics.ts).
      if (metrics && stats.changes > 0) metrics.pullRows.inc({ kind: 'change' }, stats.changes)
      if (metrics && stats.removed > 0) metrics.pullRows.inc({ kind: 'removed' }, stats.removed)
      // Server-Timing lets a device (and the benchmarks) tell server time from transfer and parsing: `pull` is the pull
      // itself (since 2026-12-08 with the session check it reads in its first statement), `total` the whole request
      // from its arrival (token check, routing, body parse). `pull` stays first: readers take the first dur.
      const total = reply.elapsedTime.toFixed(2)
      void reply.header('server-timing', `pull;dur=${(performance.now() - started).toFixed(2)}, total;dur=${total}`)
      // As bytes: for a string Fastify measures the UTF-8 length and then encodes it again when writing; a page of
      // Korean text is a two-byte string of several MB, and each pass over it cost as much as the page's join.
      return reply.type('application/json; charset=utf-8').send(Buffer.from(json, 'utf8'))
    } catch (error) {
      if (error instanceof InvalidCursorError) throw badRequest(error.message)
      if (error instanceof ResyncRequiredError) metrics?.resyncs.inc()
      if (error instanceof ResyncRequiredError) throw new HttpError(410, 'resync_required', error.message)
      throw error
    }
  })

  app.get('/v1/conflicts', { preHandler: app.authenticate }, async (request) => {
    const auth = requireAuth(request)
    return { conflicts: await listConflicts(pool, auth.userId) }
  })
}

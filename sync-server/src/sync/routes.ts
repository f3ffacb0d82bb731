/**
 * PLACEHOLDER owned by the sync core (push, pull, conflicts). buildApp registers `syncRoutes` with
 * `{ pool, pokes, config }`; replace this file with the real routes and keep the export names.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { Pool } from 'pg'
import type { ServerConfig } from '../config'
import type { PokeBus } from '../realtime/poke-bus'

export interface SyncRouteOptions {
  readonly pool: Pool
  readonly pokes: PokeBus
  readonly config: ServerConfig
}

export const syncRoutes: FastifyPluginAsync<SyncRouteOptions> = async () => {
  // Nothing yet: the sync core registers POST /v1/sync/push, POST /v1/sync/pull and GET /v1/conflicts here.
}

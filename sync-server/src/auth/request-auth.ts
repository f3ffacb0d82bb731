/**
 * The one place the Fastify types are augmented: `app.authenticate` (a preHandler) and `request.auth`.
 * Import a type from here (or anything that imports it) and the augmentation comes with it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { unauthenticated } from '../http/errors'
import type { UserTier } from './user-tier'

export interface RequestAuth {
  readonly userId: string
  /** Read from the database on every request (authenticate.ts), not taken from the token. */
  readonly tier: UserTier
  readonly roleId?: string | null
  readonly deviceId: string
  /** user_sessions.id of the refresh-token row the access token was issued with. */
  readonly sessionId: string
}

export type AuthenticateHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler: verifies the Bearer access token (401 otherwise) and sets `request.auth`. */
    authenticate: AuthenticateHook
  }
  interface FastifyRequest {
    /** Set by `app.authenticate`; null on routes that do not use it. */
    auth: RequestAuth | null
  }
}

/** For handlers behind `app.authenticate`: the auth context, typed non-null (401 if the hook was forgotten). */
export function requireAuth(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw unauthenticated()
  return request.auth
}

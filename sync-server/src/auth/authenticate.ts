/**
 * The `app.authenticate` preHandler: a valid Bearer access token whose session still stands → `request.auth`, with
 * the caller's tier and role as the database has them NOW (never the token's copy: a demoted user loses the old
 * tier's rights with their next request). A device revoked with wipe answers 410 device_wiped before any 401.
 * Anything else is 401 with the same message, so a caller learns nothing about why a forged token failed.
 */
import type { FastifyRequest } from 'fastify'
import type { Pool } from 'pg'
import { deviceWiped, passwordChangeRequired, unauthenticated } from '../http/errors'
import { verifyAccessToken, type AccessClaims } from './access-token'
import type { AuthenticateHook, RequestAuth } from './request-auth'
import { loadSessionState, type SessionState } from './sessions'

export interface AuthenticateOptions {
  readonly pool: Pool
  readonly secret: string
  /** Only for POST /v1/auth/password (and logout): answered while the account must still replace a one-time password. */
  readonly allowPendingPasswordChange?: boolean
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization
  if (typeof header !== 'string') return null
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match ? match[1]! : null
}

/** From verified claims and their session's state to the request's auth context, or the error that ends the request. */
export function authFromState(claims: AccessClaims, state: SessionState, allowPendingPasswordChange = false): RequestAuth {
  if (state.state === 'wiped') throw deviceWiped()
  if (state.state === 'ended') throw unauthenticated('Session has ended; sign in again')
  if (state.session.mustChangePassword && !allowPendingPasswordChange) throw passwordChangeRequired()
  return { userId: claims.userId, deviceId: claims.deviceId, sessionId: claims.sessionId, tier: state.session.tier, roleId: state.session.roleId }
}

/** From verified claims to the request's auth context, or the error that ends the request. */
export async function authFromClaims(pool: Pool, claims: AccessClaims, allowPendingPasswordChange = false): Promise<RequestAuth> {
  return authFromState(claims, await loadSessionState(pool, claims.sessionId, claims.userId, claims.deviceId), allowPendingPasswordChange)
}

/** The request's Bearer access token, verified (signature, issuer, audience, expiry): its claims, or 401. */
export async function verifiedClaims(request: FastifyRequest, secret: string): Promise<AccessClaims> {
  const token = bearerToken(request)
  if (!token) throw unauthenticated('Missing Bearer access token')
  const claims = await verifyAccessToken(token, secret)
  if (!claims) throw unauthenticated('Access token is invalid or expired')
  return claims
}

export function createAuthenticate({ pool, secret, allowPendingPasswordChange = false }: AuthenticateOptions): AuthenticateHook {
  return async (request) => {
    request.auth = await authFromClaims(pool, await verifiedClaims(request, secret), allowPendingPasswordChange)
  }
}

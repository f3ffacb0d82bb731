/**
 * The `app.authenticate` preHandler: a valid Bearer access token whose session still stands → `request.auth`.
 * Anything else is 401 with the same message, so a caller learns nothing about why a forged token failed.
 */
import type { FastifyRequest } from 'fastify'
import type { Pool } from 'pg'
import { unauthenticated } from '../http/errors'
import { verifyAccessToken } from './access-token'
import type { AuthenticateHook } from './request-auth'
import { assertDeviceNotWiped } from './device-wipe'
import { isSessionLive } from './sessions'

export interface AuthenticateOptions {
  readonly pool: Pool
  readonly secret: string
  /**
   * Also accept `?access_token=` — only for the SSE route: the browser's EventSource cannot send headers.
   * (The request logger strips the parameter from logged URLs.)
   */
  readonly allowQueryToken?: boolean
}

export function bearerToken(request: FastifyRequest, allowQueryToken: boolean): string | null {
  const header = request.headers.authorization
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    return match ? match[1]! : null
  }
  if (allowQueryToken) {
    const query = request.query as Record<string, unknown> | undefined
    const token = query?.access_token
    if (typeof token === 'string' && token.length > 0) return token
  }
  return null
}

export function createAuthenticate({ pool, secret, allowQueryToken = false }: AuthenticateOptions): AuthenticateHook {
  return async (request) => {
    const token = bearerToken(request, allowQueryToken)
    if (!token) throw unauthenticated('Missing Bearer access token')
    const claims = verifyAccessToken(token, secret)
    if (!claims) throw unauthenticated('Access token is invalid or expired')
    // A device revoked with wipe hears 410 device_wiped, not 401: its session is revoked too, but it must erase.
    await assertDeviceNotWiped(pool, claims.deviceId)
    if (!(await isSessionLive(pool, claims.sessionId, claims.userId))) throw unauthenticated('Session has ended; sign in again')
    request.auth = claims
  }
}

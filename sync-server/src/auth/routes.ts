/** POST /v1/auth/login | refresh | logout | password. Parsing and answering only; the rules live in service.ts. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Pool } from 'pg'
import { changePasswordRequestSchema, loginRequestSchema, refreshRequestSchema } from '../../../src/shared/sync/protocol'
import { parseWith } from '../http/validate'
import { createAuthenticate } from './authenticate'
import { requireAuth } from './request-auth'
import type { AuthService, ClientInfo } from './service'

export interface AuthRouteOptions {
  readonly auth: AuthService
  readonly pool: Pool
  readonly secret: string
}

const clientInfo = (request: FastifyRequest): ClientInfo => ({
  ip: request.ip,
  userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null,
})

export const authRoutes: FastifyPluginAsync<AuthRouteOptions> = async (app, { auth, pool, secret }) => {
  // Answered even while a one-time password waits to be replaced (every other route says password_change_required).
  const authenticatePending = createAuthenticate({ pool, secret, allowPendingPasswordChange: true })

  app.post('/v1/auth/login', async (request) => {
    const input = parseWith(loginRequestSchema, request.body)
    return auth.login(input, clientInfo(request))
  })

  app.post('/v1/auth/refresh', async (request) => {
    const { refreshToken, deviceId } = parseWith(refreshRequestSchema, request.body)
    return auth.refresh(refreshToken, clientInfo(request), deviceId)
  })

  // With an access token (the usual case) or, when that has expired, with the refresh token in the body.
  app.post('/v1/auth/logout', async (request, reply) => {
    if (request.headers.authorization !== undefined || request.body === undefined || request.body === null) {
      await authenticatePending(request, reply)
      await auth.logoutSession(requireAuth(request).sessionId)
    } else {
      const { refreshToken } = parseWith(refreshRequestSchema, request.body)
      await auth.logoutRefreshToken(refreshToken)
    }
    return reply.code(204).send()
  })

  // Self-service change (settings screen, and the forced change after an administrator's reset).
  app.post('/v1/auth/password', { preHandler: authenticatePending }, async (request, reply) => {
    const { userId, sessionId } = requireAuth(request)
    const { currentPassword, newPassword } = parseWith(changePasswordRequestSchema, request.body)
    await auth.changePassword({ userId, sessionId, currentPassword, newPassword }, clientInfo(request))
    return reply.code(204).send()
  })
}

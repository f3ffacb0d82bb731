/** POST /v1/auth/login | refresh | logout. Parsing and answering only; the rules live in service.ts. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { loginRequestSchema, refreshRequestSchema } from '../../../src/shared/sync/protocol'
import { parseWith } from '../http/validate'
import { requireAuth } from './request-auth'
import type { AuthService, ClientInfo } from './service'

export interface AuthRouteOptions {
  readonly auth: AuthService
}

const clientInfo = (request: FastifyRequest): ClientInfo => ({
  ip: request.ip,
  userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null,
})

export const authRoutes: FastifyPluginAsync<AuthRouteOptions> = async (app, { auth }) => {
  app.post('/v1/auth/login', async (request) => {
    const input = parseWith(loginRequestSchema, request.body)
    return auth.login(input, clientInfo(request))
  })

  app.post('/v1/auth/refresh', async (request) => {
    const { refreshToken } = parseWith(refreshRequestSchema, request.body)
    return auth.refresh(refreshToken, clientInfo(request))
  })

  // With an access token (the usual case) or, when that has expired, with the refresh token in the body.
  app.post('/v1/auth/logout', async (request, reply) => {
    if (request.headers.authorization !== undefined || request.body === undefined || request.body === null) {
      await app.authenticate(request, reply)
      await auth.logoutSession(requireAuth(request).sessionId)
    } else {
      const { refreshToken } = parseWith(refreshRequestSchema, request.body)
      await auth.logoutRefreshToken(refreshToken)
    }
    return reply.code(204).send()
  })
}

/**
 * The administration API: what needs the server itself rather than a synced write.
 * - POST /admin/users: a new account (the password is hashed here and never leaves the server); devices receive the
 *   user row by sync.
 * - GET /admin/audit: the audit log, newest first, paged.
 * Both need an administrator (access.ts); anyone else gets 403.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Pool } from 'pg'
import { z } from 'zod'
import type { PokeBus } from '../realtime/poke-bus'
import { forbidden } from '../http/errors'
import { parseWith } from '../http/validate'
import { requireAdmin } from './access'
import { readAuditLog } from './audit-log'
import { createAccount, newAccountSchema } from './create-account'

export interface AdminRouteOptions {
  readonly pool: Pool
  /** Wakes connected devices so the new user appears without waiting for their periodic sync. */
  readonly pokes?: PokeBus
}

const auditQuerySchema = z.strictObject({
  table: z.string().trim().min(1).max(63).optional(),
  rowId: z.uuid().optional(),
  userId: z.uuid().optional(),
  before: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

const userAgentOf = (request: FastifyRequest): string | null =>
  typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null

export const adminRoutes: FastifyPluginAsync<AdminRouteOptions> = async (app, { pool, pokes }) => {
  app.post('/admin/users', { preHandler: app.authenticate }, async (request, reply) => {
    const auth = await requireAdmin(pool, request, 'users')
    const input = parseWith(newAccountSchema, request.body)
    // A role may be allowed to create accounts, but only an executive creates another executive (no escalation).
    if (input.tier === 'EXECUTIVE' && auth.tier !== 'EXECUTIVE') throw forbidden('Only an executive may create an executive account')
    const user = await createAccount(pool, input, { userId: auth.userId, deviceId: auth.deviceId, ip: request.ip ?? null, userAgent: userAgentOf(request) })
    if (pokes) void pokes.publish('all')
    return reply.code(201).send({ user })
  })

  app.get('/admin/audit', { preHandler: app.authenticate }, async (request) => {
    await requireAdmin(pool, request, 'audit')
    return readAuditLog(pool, auditQuerySchema.parse(request.query ?? {}))
  })
}

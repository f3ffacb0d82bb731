/**
 * The administration API: what needs the server itself rather than a synced write.
 * - POST /admin/users: a new account (the password is hashed here and never leaves the server); devices receive the
 *   user row by sync.
 * - GET /admin/audit: the audit log, newest first, paged.
 * Both need an administrator (access.ts); anyone else gets 403.
 * - GET /v1/records/history: one record's history for anyone who can see that record (its sync scope), 403 otherwise.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Pool } from 'pg'
import { z } from 'zod'
import type { PokeBus } from '../realtime/poke-bus'
import { forbidden } from '../http/errors'
import { parseWith } from '../http/validate'
import { requireAdmin } from './access'
import { SYNCED_TABLES } from '../../../src/shared/model/tables'
import { requireAuth } from '../auth/request-auth'
import { quoteIdent } from '../postgres/quote'
import { outOfScope } from '../sync/row-store'
import { loadScope } from '../sync/scope'
import { TABLES } from '../sync/tables'
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

const historyQuerySchema = z.strictObject({
  table: z.enum(SYNCED_TABLES),
  rowId: z.uuid(),
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

  // The same log, for one record, to anyone whose scope holds it: "who changed this, and when" is not an admin question.
  app.get('/v1/records/history', { preHandler: app.authenticate }, async (request) => {
    const auth = requireAuth(request)
    const query = parseWith(historyQuerySchema, request.query ?? {})
    const { scope, tier } = await loadScope(pool, auth.userId)
    const exists = await pool.query(`SELECT 1 FROM ${quoteIdent(query.table)} WHERE id = $1`, [query.rowId])
    const visible = tier !== null && exists.rowCount === 1 && (await outOfScope(pool, TABLES.get(query.table)!, [query.rowId], scope)).length === 0
    if (!visible) throw forbidden('This record is not one you can see')
    return readAuditLog(pool, query)
  })
}

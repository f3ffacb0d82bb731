/**
 * The administration API: what needs the server itself rather than a synced write.
 * - POST /admin/users: a new account (the password is hashed here and never leaves the server); devices receive the
 *   user row by sync.
 * - GET /admin/audit: the audit log, newest first, paged.
 *   Non-executives see only entries about rows in their own scope (audit-scope.ts).
 * - GET /admin/users/:id/devices, POST /admin/devices/:id/revoke {wipe}, POST /admin/users/:id/password-reset
 *   (accounts.ts): devices and sessions, revoke (with wipe), reset to a one-time password.
 * All need an administrator (access.ts) and obey the account rule (src/shared/model/account-rules.ts); anyone else
 * gets 403.
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
import { missingGrants, USER_ADMIN_REFUSAL_MESSAGES, userAdminRefusal, type Grant } from '../../../src/shared/model/account-rules'
import { requireAuth, type RequestAuth } from '../auth/request-auth'
import { adminRevokeDevice, listUserDevices, resetPassword, type AccountActor } from './accounts'
import { auditScopeFilter } from './audit-scope'
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

const idParams = z.strictObject({ id: z.uuid() })
const revokeBodySchema = z.strictObject({ wipe: z.boolean().default(false) })

async function grantsOfUser(pool: Pool, userId: string): Promise<Grant[]> {
  const { rows } = await pool.query<Grant>(
    `SELECT p.resource, p.action FROM users u JOIN role_permissions rp ON rp.role_id = u.role_id AND rp.deleted_at IS NULL
       JOIN permissions p ON p.id = rp.permission_id AND p.deleted_at IS NULL WHERE u.id = $1`,
    [userId],
  )
  return rows
}

async function grantsOfRole(pool: Pool, roleId: string): Promise<Grant[]> {
  const { rows } = await pool.query<Grant>(
    `SELECT p.resource, p.action FROM role_permissions rp JOIN permissions p ON p.id = rp.permission_id AND p.deleted_at IS NULL
      WHERE rp.role_id = $1 AND rp.deleted_at IS NULL`,
    [roleId],
  )
  return rows
}

const userAgentOf = (request: FastifyRequest): string | null => (typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null)

export const adminRoutes: FastifyPluginAsync<AdminRouteOptions> = async (app, { pool, pokes }) => {
  app.post('/admin/users', { preHandler: app.authenticate }, async (request, reply) => {
    const auth = await requireAdmin(pool, request, 'users')
    const input = parseWith(newAccountSchema, request.body)
    // A role may be allowed to create accounts, but below executive only below your own tier, and only with a role
    // whose every grant you hold (no escalation).
    const refusal = userAdminRefusal(auth.tier, { targetTier: null, newTier: input.tier })
    if (refusal) throw forbidden(USER_ADMIN_REFUSAL_MESSAGES[refusal])
    if (auth.tier !== 'EXECUTIVE') {
      const [mine, role] = await Promise.all([grantsOfUser(pool, auth.userId), grantsOfRole(pool, input.roleId)])
      if (missingGrants(auth.tier, mine, role).length > 0) throw forbidden(USER_ADMIN_REFUSAL_MESSAGES.missing_role_grants)
    }
    const user = await createAccount(pool, input, { userId: auth.userId, deviceId: auth.deviceId, ip: request.ip ?? null, userAgent: userAgentOf(request) })
    if (pokes) void pokes.publish('all')
    return reply.code(201).send({ user })
  })

  app.get('/admin/audit', { preHandler: app.authenticate }, async (request) => {
    const auth = await requireAdmin(pool, request, 'audit')
    const query = auditQuerySchema.parse(request.query ?? {})
    if (auth.tier === 'EXECUTIVE') return readAuditLog(pool, query)
    const { scope } = await loadScope(pool, auth.userId)
    return readAuditLog(pool, query, auditScopeFilter(pool, scope))
  })

  const actorOf = (request: FastifyRequest, auth: RequestAuth): AccountActor => ({
    userId: auth.userId,
    deviceId: auth.deviceId,
    tier: auth.tier,
    ip: request.ip ?? null,
    userAgent: userAgentOf(request),
  })

  app.get('/admin/users/:id/devices', { preHandler: app.authenticate }, async (request) => {
    const auth = await requireAdmin(pool, request, 'users')
    const { id } = parseWith(idParams, request.params)
    return { devices: await listUserDevices(pool, actorOf(request, auth), id) }
  })

  app.post('/admin/devices/:id/revoke', { preHandler: app.authenticate }, async (request) => {
    const auth = await requireAdmin(pool, request, 'users')
    const { id } = parseWith(idParams, request.params)
    const { wipe } = parseWith(revokeBodySchema, request.body ?? {})
    if (id === auth.deviceId) throw forbidden('Sign out instead of revoking the device you are using')
    const outcome = await adminRevokeDevice(pool, actorOf(request, auth), id, wipe)
    return { revoked: true, wipe: outcome.wipe, sessionsRevoked: outcome.sessionsRevoked }
  })

  app.post('/admin/users/:id/password-reset', { preHandler: app.authenticate }, async (request) => {
    const auth = await requireAdmin(pool, request, 'users')
    const { id } = parseWith(idParams, request.params)
    return resetPassword(pool, actorOf(request, auth), id)
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

/**
 * Who may use the administration API: an EXECUTIVE, or a user whose role grants writing the user directory or the
 * organisation settings (the same rule, read from role_permissions, that decides their pushed writes).
 */
import type { FastifyRequest } from 'fastify'
import type { Pool } from 'pg'
import { requireAuth, type RequestAuth } from '../auth/request-auth'
import { forbidden } from '../http/errors'
import { loadPermissions } from '../sync/permissions'

export async function requireAdmin(pool: Pool, request: FastifyRequest, need: 'users' | 'audit'): Promise<RequestAuth> {
  const auth = requireAuth(request)
  if (auth.tier === 'EXECUTIVE') return auth
  const permissions = await loadPermissions(pool, auth.userId, auth.tier)
  const allowed = need === 'users' ? permissions.allows('users', 'create') : permissions.allows('users', 'update') || permissions.allows('roles', 'update')
  if (!allowed) throw forbidden('Administration needs an executive or a role that manages users or settings')
  return auth
}

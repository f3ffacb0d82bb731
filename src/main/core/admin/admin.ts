/**
 * Administration on the device: the user directory's organisation fields (users.ts), roles and their permission
 * matrix (roles.ts), departments and teams with their members (org.ts), sharing who-may-do-what (access.ts) and team
 * membership history (memberships.ts). All of these are reference tables every device holds, so reads are plain SQL on
 * the replica and every change goes through the writer (which checks the user's permission for each table and
 * operation) and syncs like any other row; the server re-checks each write against the writer's role (sync-server/src/sync/permissions.ts) and recomputes scopes when a tier, department or
 * membership changes. Creating accounts (passwords) and reading the audit log need the server: see online.ts.
 */
import { type RepoContext } from '../common/context'
import { createAdminAccess } from './access'
import { createMemberships } from './memberships'
import { createAdminOrg, type AdminOrg } from './org'
import { createAdminRoles, type AdminRoles } from './roles'
import { createAdminUsers, type AdminUsers } from './users'

export type AdminRepo = AdminUsers & AdminRoles & AdminOrg

export function createAdminRepo(ctx: RepoContext): AdminRepo {
  const access = createAdminAccess(ctx)
  const memberships = createMemberships(ctx)
  return {
    ...createAdminUsers(ctx, { access, memberships }),
    ...createAdminRoles(ctx, access),
    ...createAdminOrg(ctx, { access, memberships }),
  }
}

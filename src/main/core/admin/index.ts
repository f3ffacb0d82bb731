/**
 * The administration domain on the replica: users' organisation fields, roles and permissions, departments and teams,
 * campaigns and industries. `createAdmin(ctx)`, the same shape as every core/<domain>/index.ts. What needs the server
 * (accounts, passwords, the audit log) is online.ts, built from the running core.
 */
import { type DomainContext } from '../common/context'
import { createAdminRepo, type AdminRepo } from './admin'
import { createCataloguesRepo, type CataloguesRepo } from './catalogues'

export interface AdminRepos {
  readonly repo: AdminRepo
  /** Campaigns and industries. */
  readonly catalogues: CataloguesRepo
}

export function createAdmin(ctx: DomainContext): AdminRepos {
  return { repo: createAdminRepo(ctx), catalogues: createCataloguesRepo(ctx) }
}

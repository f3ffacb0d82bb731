/** The home dashboard's figures and the user's day, on the local replica: `createDashboard(ctx)`, the same shape as every core/<domain>/index.ts. */
import { type DomainContext } from '../common/context'
import { createDashboardRepo, type DashboardRepo } from './dashboard'

export type { DashboardRepo }

export function createDashboard(ctx: DomainContext): DashboardRepo {
  return createDashboardRepo(ctx)
}

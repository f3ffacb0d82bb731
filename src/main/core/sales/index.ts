/** The sales domain (leads, opportunities) of one device: `createSales(ctx)`, the same shape as every core/<domain>/index.ts. */
import { type DomainContext } from '../common/context'
import { createLeadsRepo, type LeadsRepo } from './leads'
import { createOpportunitiesRepo, type OpportunitiesRepo } from './opportunities'

export interface SalesRepos {
  readonly leads: LeadsRepo
  readonly opportunities: OpportunitiesRepo
}

export function createSales(ctx: DomainContext): SalesRepos {
  return { leads: createLeadsRepo(ctx), opportunities: createOpportunitiesRepo(ctx) }
}

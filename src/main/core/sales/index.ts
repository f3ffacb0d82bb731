/**
 * The sales repositories and the sync review of one device, wired to its core: the writer for every write, the
 * signed-in user (and their tier) as the actor.
 */
import { type DeviceCore } from '../device'
import { repoContextOf } from '../common/context'
import { createLeadsRepo, type LeadsRepo } from './leads'
import { createOpportunitiesRepo, type OpportunitiesRepo } from './opportunities'
import { createSyncReviewRepo, type SyncReviewRepo } from '../records/sync-review'

export interface SalesDevice {
  readonly leads: LeadsRepo
  readonly opportunities: OpportunitiesRepo
  readonly syncReview: SyncReviewRepo
}

export function createSalesDevice(core: DeviceCore, now: () => Date = () => new Date()): SalesDevice {
  const ctx = repoContextOf(core, now)
  return {
    leads: createLeadsRepo(ctx),
    opportunities: createOpportunitiesRepo(ctx),
    syncReview: createSyncReviewRepo({
      sqlite: core.sqlite,
      writer: core.writer,
      conflicts: core.conflicts,
      registry: core.registry,
      state: core.state,
      refreshStatus: () => core.status.refreshCounts(),
    }),
  }
}

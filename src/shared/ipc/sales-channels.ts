/**
 * The sales channels (leads, opportunities) and the sync panel's review channels, spread into `ipcChannels`. Kept in
 * their own list so the domains grow without rewriting the shared channel file.
 */
export const salesChannels = [
  'leads.list',
  'leads.get',
  'leads.create',
  'leads.update',
  'leads.requestAssignment',
  'leads.decideAssignment',
  'leads.convert',
  'leads.assignableUsers',
  'leads.companyMatches',
  'opportunities.board',
  'opportunities.get',
  'opportunities.create',
  'opportunities.update',
  'opportunities.move',
  'opportunities.close',
  'opportunities.companies',
] as const

export const syncReviewChannels = [
  'sync.conflicts',
  'sync.rejected',
  'sync.applyMine',
  'sync.keepTheirs',
  'sync.applyMineAgain',
  'sync.dismissRejected',
  'sync.renamed',
  'sync.dismissRenamed',
] as const

export type SalesChannel = (typeof salesChannels)[number]
export type SyncReviewChannel = (typeof syncReviewChannels)[number]

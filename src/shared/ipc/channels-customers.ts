/**
 * Channels of the customer half of the app (companies, branches, contacts, global search, activities, saved filters).
 * Spread into `ipcChannels` (channels.ts); kept in their own zod-free file so concurrent work on other domains touches
 * the shared list with one line.
 */
export const customerChannels = [
  'customers.list',
  'customers.lookups',
  'customers.get',
  'customers.create',
  'customers.update',
  'customers.remove',
  'branches.create',
  'branches.update',
  'branches.remove',
  'contacts.create',
  'contacts.update',
  'contacts.remove',
  /** Every contact this device holds, with the computed last contact day (the contacts export). */
  'contacts.list',
  'search.global',
  'activities.log',
  'activities.update',
  'activities.timeline',
  'filters.list',
  'filters.save',
  'filters.remove',
] as const

/**
 * Companies, branches, contacts, global search, activities and saved filters: each channel is one call into the
 * device's customer repositories (search and saved filters: its records repositories). Customers have no rule codes
 * of their own: the refusals every domain shares (not signed in — demo data has no user for created_by —, a record
 * that is gone) become typed, translated errors through commonRefusals.
 */
import { type IpcChannel } from '../../shared/ipc/channels'
import { type customerChannels } from '../../shared/ipc/channels-customers'
import { type HandlerTable } from '../../shared/ipc/contract'
import { type HandlerContext } from './context'
import { commonRefusals } from './refusals'

type CustomerHandlers = Pick<HandlerTable, Extract<IpcChannel, (typeof customerChannels)[number]>>

export function customerHandlers(ctx: HandlerContext): CustomerHandlers {
  const repos = () => ctx.device.customers
  const records = () => ctx.device.records
  return {
    'customers.list': (input) => commonRefusals(() => repos().companies.list(input)),
    'customers.lookups': () => commonRefusals(() => repos().companies.lookups()),
    'customers.get': ({ id }) => commonRefusals(() => repos().companyPage.get(id)),
    'contacts.list': () => commonRefusals(() => repos().contactDirectory.list()),
    'customers.create': ({ company, allowDuplicates }) => commonRefusals(() => repos().companies.create(company, { allowDuplicates })),
    'customers.update': ({ id, changes }) => commonRefusals(() => ({ changed: repos().companies.update(id, changes) })),
    'customers.remove': ({ id }) => commonRefusals(() => ({ removed: repos().companies.remove(id) })),
    'branches.create': ({ branch }) => commonRefusals(() => ({ id: repos().contacts.createBranch(branch) })),
    'branches.update': ({ id, changes }) => commonRefusals(() => ({ changed: repos().contacts.updateBranch(id, changes) })),
    'branches.remove': ({ id }) => commonRefusals(() => ({ removed: repos().contacts.removeBranch(id) })),
    'contacts.create': ({ contact, allowDuplicates }) => commonRefusals(() => repos().contacts.createContact(contact, { allowDuplicates })),
    'contacts.update': ({ id, changes }) => commonRefusals(() => ({ changed: repos().contacts.updateContact(id, changes) })),
    'contacts.remove': ({ id }) => commonRefusals(() => ({ removed: repos().contacts.removeContact(id) })),
    'search.global': ({ query, limit }) => commonRefusals(() => records().search.search(query, limit)),
    'activities.log': (input) => commonRefusals(() => ({ id: repos().activities.log(input) })),
    'activities.update': ({ id, changes }) => commonRefusals(() => ({ changed: repos().activities.update(id, changes) })),
    'activities.timeline': ({ entityType, entityId, limit }) => commonRefusals(() => repos().activities.timeline(entityType, entityId, limit)),
    'filters.list': ({ scope }) => commonRefusals(() => records().savedFilters.list(scope)),
    'filters.save': ({ scope, name, filters, sort }) => commonRefusals(() => records().savedFilters.save(scope, name, filters, sort)),
    'filters.remove': ({ scope, id }) => commonRefusals(() => ({ removed: records().savedFilters.remove(scope, id) })),
  }
}

/**
 * Companies, branches, contacts, global search, activities and saved filters: each channel is one call into the
 * device's customer repositories. Expected refusals become typed, translated errors.
 */
import { type IpcChannel } from '../../shared/ipc/channels'
import { type customerChannels } from '../../shared/ipc/channels-customers'
import { type HandlerTable } from '../../shared/ipc/contract'
import { type HandlerContext } from './context'
import { commonRefusals } from './refusals'

/** Demo data has no signed-in user, and the writer needs one for created_by/updated_by: a refusal, not a bug. */
const customerCall = commonRefusals

type CustomerHandlers = Pick<HandlerTable, Extract<IpcChannel, (typeof customerChannels)[number]>>

export function customerHandlers(ctx: HandlerContext): CustomerHandlers {
  const repos = () => ctx.device.customers
  return {
    'customers.list': (input) => customerCall(() => repos().companies.list(input)),
    'customers.lookups': () => customerCall(() => repos().companies.lookups()),
    'customers.get': ({ id }) => customerCall(() => repos().companyPage.get(id)),
    'contacts.list': () => customerCall(() => repos().contactDirectory.list()),
    'customers.create': ({ company, allowDuplicates }) => customerCall(() => repos().companies.create(company, { allowDuplicates })),
    'customers.update': ({ id, changes }) => customerCall(() => ({ changed: repos().companies.update(id, changes) })),
    'customers.remove': ({ id }) => customerCall(() => ({ removed: repos().companies.remove(id) })),
    'branches.create': ({ branch }) => customerCall(() => ({ id: repos().contacts.createBranch(branch) })),
    'branches.update': ({ id, changes }) => customerCall(() => ({ changed: repos().contacts.updateBranch(id, changes) })),
    'branches.remove': ({ id }) => customerCall(() => ({ removed: repos().contacts.removeBranch(id) })),
    'contacts.create': ({ contact, allowDuplicates }) => customerCall(() => repos().contacts.createContact(contact, { allowDuplicates })),
    'contacts.update': ({ id, changes }) => customerCall(() => ({ changed: repos().contacts.updateContact(id, changes) })),
    'contacts.remove': ({ id }) => customerCall(() => ({ removed: repos().contacts.removeContact(id) })),
    'search.global': ({ query, limit }) => customerCall(() => repos().search.search(query, limit)),
    'activities.log': (input) => customerCall(() => ({ id: repos().activities.log(input) })),
    'activities.update': ({ id, changes }) => customerCall(() => ({ changed: repos().activities.update(id, changes) })),
    'activities.timeline': ({ entityType, entityId, limit }) => customerCall(() => repos().activities.timeline(entityType, entityId, limit)),
    'filters.list': ({ scope }) => customerCall(() => repos().savedFilters.list(scope)),
    'filters.save': ({ scope, name, filters, sort }) => customerCall(() => repos().savedFilters.save(scope, name, filters, sort)),
    'filters.remove': ({ scope, id }) => customerCall(() => ({ removed: repos().savedFilters.remove(scope, id) })),
  }
}

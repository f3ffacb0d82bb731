/**
 * Contract entries of the customer channels (`customerChannels`): input schemas from the shared validation rules and
 * the read-model output types. Spread into `ipcContract` (contract.ts).
 */
import { z } from 'zod'
import {
  type CompanyDetail,
  type CompanyPage,
  type CreateResult,
  type CustomerLookups,
  type SavedFilter,
  type SearchResult,
  type TimelineEntry,
  COMPANY_SORTS,
  FILTER_SCOPES,
} from '../model/customer-views'
import { type ContactListItem } from '../model/contact-directory'
import { ACTIVITY_ENTITY_TYPES, COMPANY_STATUSES, COMPANY_TIERS } from '../model/enums'
import {
  activityLogSchema,
  activityUpdateSchema,
  branchCreateSchema,
  branchUpdateSchema,
  companyCreateSchema,
  companyUpdateSchema,
  contactCreateSchema,
  contactUpdateSchema,
} from '../model/validation/customers'
import { type customerChannels } from './channels-customers'
import { returns } from './returns'

const rowId = z.uuid()
const byId = z.strictObject({ id: rowId })

export const companyFiltersSchema = z.strictObject({
  tiers: z.array(z.enum(COMPANY_TIERS)).max(COMPANY_TIERS.length).optional(),
  statuses: z.array(z.enum(COMPANY_STATUSES)).max(COMPANY_STATUSES.length).optional(),
  industryId: rowId.nullish(),
  accountManagerId: rowId.nullish(),
  text: z.string().max(100).optional(),
})

export const companyListSchema = z.strictObject({
  filters: companyFiltersSchema.default({}),
  sort: z.enum(COMPANY_SORTS).default('name'),
  offset: z.number().int().min(0).default(0),
  /** A virtualised list asks for the window it shows, a page at a time. */
  limit: z.number().int().min(1).max(500).default(100),
})

/** `allowDuplicates`: the user saw the duplicate warning and saves anyway. */
const allowDuplicates = { allowDuplicates: z.boolean().default(false) }

export const customerContract = {
  'customers.list': { input: companyListSchema, output: returns<CompanyPage>() },
  'customers.lookups': { input: z.undefined(), output: returns<CustomerLookups>() },
  'contacts.list': { input: z.undefined(), output: returns<readonly ContactListItem[]>() },
  'customers.get': { input: byId, output: returns<CompanyDetail>() },
  'customers.create': {
    input: z.strictObject({ company: companyCreateSchema, ...allowDuplicates }),
    output: returns<CreateResult>(),
  },
  'customers.update': { input: z.strictObject({ id: rowId, changes: companyUpdateSchema }), output: returns<{ changed: boolean }>() },
  /** Soft delete of the company with its branches and contacts (tombstones, synced like any edit). */
  'customers.remove': { input: byId, output: returns<{ removed: boolean }>() },
  'branches.create': { input: z.strictObject({ branch: branchCreateSchema }), output: returns<{ id: string }>() },
  'branches.update': { input: z.strictObject({ id: rowId, changes: branchUpdateSchema }), output: returns<{ changed: boolean }>() },
  'branches.remove': { input: byId, output: returns<{ removed: boolean }>() },
  'contacts.create': {
    input: z.strictObject({ contact: contactCreateSchema, ...allowDuplicates }),
    output: returns<CreateResult>(),
  },
  'contacts.update': { input: z.strictObject({ id: rowId, changes: contactUpdateSchema }), output: returns<{ changed: boolean }>() },
  'contacts.remove': { input: byId, output: returns<{ removed: boolean }>() },
  'search.global': {
    input: z.strictObject({ query: z.string().max(100), limit: z.number().int().min(1).max(50).default(8) }),
    output: returns<SearchResult>(),
  },
  'activities.log': { input: activityLogSchema, output: returns<{ id: string }>() },
  'activities.update': { input: z.strictObject({ id: rowId, changes: activityUpdateSchema }), output: returns<{ changed: boolean }>() },
  'activities.timeline': {
    input: z.strictObject({ entityType: z.enum(ACTIVITY_ENTITY_TYPES), entityId: rowId, limit: z.number().int().min(1).max(500).default(100) }),
    output: returns<readonly TimelineEntry[]>(),
  },
  'filters.list': { input: z.strictObject({ scope: z.enum(FILTER_SCOPES) }), output: returns<readonly SavedFilter[]>() },
  'filters.save': {
    input: z.strictObject({
      scope: z.enum(FILTER_SCOPES),
      name: z.string().trim().min(1).max(60),
      filters: companyFiltersSchema,
      sort: z.enum(COMPANY_SORTS).default('name'),
    }),
    output: returns<SavedFilter>(),
  },
  'filters.remove': { input: z.strictObject({ scope: z.enum(FILTER_SCOPES), id: z.string().max(64) }), output: returns<{ removed: boolean }>() },
} as const satisfies { readonly [K in (typeof customerChannels)[number]]: { readonly input: z.ZodType; readonly output: object } }

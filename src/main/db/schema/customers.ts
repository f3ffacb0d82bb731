/** The three-level customer structure (seed §2). Device twin of sync-server/db/schema/customers.ts. */
import { index, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { BRANCH_TYPES, COMPANY_SIZES, COMPANY_STATUSES, COMPANY_TIERS, CONTACT_METHODS, CONTACT_ROLE_TYPES } from '../../../shared/model/enums'
import type { CustomFields } from '../../../shared/model/json'
import { count, date, enumText, flag, id, money, stringList, syncColumns } from './columns'
import { users } from './org'

export const industries = sqliteTable('industries', {
  ...syncColumns(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  parentId: id('parent_id').references((): AnySQLiteColumn => industries.id),
  description: text('description'),
})

export const companies = sqliteTable(
  'companies',
  {
    ...syncColumns(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** 사업자등록번호: 10 digits, no hyphens. */
    businessNumber: text('business_number'),
    /** 법인등록번호: 13 digits. */
    corporateNumber: text('corporate_number'),
    representative: text('representative'),
    industryId: id('industry_id').references(() => industries.id),
    companySize: enumText('company_size', COMPANY_SIZES),
    annualRevenue: money('annual_revenue'),
    employeeCount: count('employee_count'),
    /** MM-DD. */
    fiscalYearEnd: text('fiscal_year_end'),
    website: text('website'),
    description: text('description'),
    tier: enumText('tier', COMPANY_TIERS).notNull().default('BRONZE'),
    status: enumText('status', COMPANY_STATUSES).notNull().default('PROSPECT'),
    creditLimit: money('credit_limit'),
    paymentTerms: count('payment_terms').notNull().default(30),
    accountManagerId: id('account_manager_id').references(() => users.id),
    tags: stringList('tags'),
    customFields: text('custom_fields', { mode: 'json' }).$type<CustomFields>().notNull().default({}),
  },
  (t) => [
    // The duplicate warning on create looks a registration number up before the server's unique index would refuse it.
    index('companies_business_number_idx').on(t.businessNumber),
    index('companies_account_manager_id_idx').on(t.accountManagerId),
  ],
)

export const branches = sqliteTable(
  'branches',
  {
    ...syncColumns(),
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    branchType: enumText('branch_type', BRANCH_TYPES),
    businessNumber: text('business_number'),
    addressStreet: text('address_street'),
    addressCity: text('address_city'),
    addressState: text('address_state'),
    addressPostal: text('address_postal'),
    addressCountry: text('address_country').default('대한민국'),
    phone: text('phone'),
    fax: text('fax'),
    email: text('email'),
    managerName: text('manager_name'),
    employeeCount: count('employee_count'),
    isPrimary: flag('is_primary').notNull().default(false),
    isBillingAddress: flag('is_billing_address').notNull().default(false),
    isShippingAddress: flag('is_shipping_address').notNull().default(false),
  },
  (t) => [index('branches_company_id_idx').on(t.companyId)],
)

export const contacts = sqliteTable(
  'contacts',
  {
    ...syncColumns(),
    branchId: id('branch_id')
      .notNull()
      .references(() => branches.id),
    /** Given name (이름). */
    firstName: text('first_name').notNull(),
    /** Family name (성). */
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    mobile: text('mobile'),
    /** 직급 (rank). */
    position: text('position'),
    /** 직책 (role). */
    title: text('title'),
    department: text('department'),
    roleType: enumText('role_type', CONTACT_ROLE_TYPES),
    isPrimary: flag('is_primary').notNull().default(false),
    preferredContactMethod: enumText('preferred_contact_method', CONTACT_METHODS),
    birthday: date('birthday'),
    notes: text('notes'),
    linkedinUrl: text('linkedin_url'),
    isActive: flag('is_active').notNull().default(true),
  },
  (t) => [index('contacts_branch_id_idx').on(t.branchId)],
)

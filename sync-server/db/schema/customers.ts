/** The three-level customer structure (seed §2): company → branch → contact, plus the industry catalogue. */
import { sql } from 'drizzle-orm'
import { check, index, jsonb, pgTable, text, uniqueIndex, uuid, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core'
import { BRANCH_TYPES, COMPANY_SIZES, COMPANY_STATUSES, COMPANY_TIERS, CONTACT_METHODS, CONTACT_ROLE_TYPES } from '../../../src/shared/model/enums'
import type { CustomFields } from '../../../src/shared/model/json'
import { count, date, enumChecks, enumText, flag, live, money, nonNegative, stringList, syncColumns } from './columns'
import { users } from './org'

export const industries = pgTable(
  'industries',
  {
    ...syncColumns(),
    code: varchar('code', { length: 20 }).notNull().unique('industries_code_key'),
    name: varchar('name', { length: 100 }).notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => industries.id),
    description: text('description'),
  },
  (t) => [index('industries_parent_id_idx').on(t.parentId)],
)

export const companies = pgTable(
  'companies',
  {
    ...syncColumns(),
    code: varchar('code', { length: 50 }).notNull().unique('companies_code_key'),
    name: varchar('name', { length: 255 }).notNull(),
    /** 사업자등록번호: 10 digits, no hyphens (display adds them); checksum validated by the app and the server. */
    businessNumber: varchar('business_number', { length: 10 }),
    /** 법인등록번호: 13 digits. New. */
    corporateNumber: varchar('corporate_number', { length: 13 }),
    representative: varchar('representative', { length: 100 }),
    industryId: uuid('industry_id').references(() => industries.id),
    companySize: enumText('company_size', COMPANY_SIZES, 20),
    annualRevenue: money('annual_revenue'),
    employeeCount: count('employee_count'),
    /** MM-DD: most Korean companies close in December, not all. */
    fiscalYearEnd: varchar('fiscal_year_end', { length: 5 }),
    website: varchar('website', { length: 255 }),
    description: text('description'),
    tier: enumText('tier', COMPANY_TIERS, 20).notNull().default('BRONZE'),
    status: enumText('status', COMPANY_STATUSES, 20).notNull().default('PROSPECT'),
    creditLimit: money('credit_limit'),
    paymentTerms: count('payment_terms').notNull().default(30),
    /** New: the seed's security policy filtered on it but the table lacked it. The OPERATOR scope starts here. */
    accountManagerId: uuid('account_manager_id').references(() => users.id),
    tags: stringList('tags'),
    customFields: jsonb('custom_fields').$type<CustomFields>().notNull().default({}),
  },
  (t) => [
    ...enumChecks('companies', t),
    check('companies_business_number_check', sql`${t.businessNumber} ~ '^[0-9]{10}$'`),
    check('companies_corporate_number_check', sql`${t.corporateNumber} ~ '^[0-9]{13}$'`),
    check('companies_fiscal_year_end_check', sql`${t.fiscalYearEnd} ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'`),
    nonNegative('companies_amounts_check', t.annualRevenue, t.employeeCount, t.creditLimit, t.paymentTerms),
    // One live company per registration number; a deleted duplicate does not block re-entering it.
    uniqueIndex('companies_business_number_key')
      .on(t.businessNumber)
      .where(sql`${t.deletedAt} is null and ${t.businessNumber} is not null`),
    index('companies_status_idx').on(t.status).where(live(t.deletedAt)),
    index('companies_tier_idx').on(t.tier).where(live(t.deletedAt)),
    index('companies_account_manager_id_idx').on(t.accountManagerId),
    index('companies_industry_id_idx').on(t.industryId),
    // Replaces the seed's to_tsvector('korean', …), which PostgreSQL cannot build (no Korean configuration).
    index('companies_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
  ],
)

export const branches = pgTable(
  'branches',
  {
    ...syncColumns(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    code: varchar('code', { length: 50 }).notNull().unique('branches_code_key'),
    name: varchar('name', { length: 255 }).notNull(),
    branchType: enumText('branch_type', BRANCH_TYPES, 50),
    /** A branch office (digits 4–5 = 85) has its own registration number. New. */
    businessNumber: varchar('business_number', { length: 10 }),
    addressStreet: varchar('address_street', { length: 255 }),
    addressCity: varchar('address_city', { length: 100 }),
    addressState: varchar('address_state', { length: 100 }),
    addressPostal: varchar('address_postal', { length: 20 }),
    addressCountry: varchar('address_country', { length: 100 }).default('대한민국'),
    /** Digits only; formatted for display by prefix (02-, 010-, 15XX- …). */
    phone: varchar('phone', { length: 20 }),
    fax: varchar('fax', { length: 20 }),
    email: varchar('email', { length: 255 }),
    managerName: varchar('manager_name', { length: 100 }),
    employeeCount: count('employee_count'),
    isPrimary: flag('is_primary').notNull().default(false),
    isBillingAddress: flag('is_billing_address').notNull().default(false),
    isShippingAddress: flag('is_shipping_address').notNull().default(false),
  },
  (t) => [
    ...enumChecks('branches', t),
    check('branches_business_number_check', sql`${t.businessNumber} ~ '^[0-9]{10}$'`),
    nonNegative('branches_employee_count_check', t.employeeCount),
    index('branches_company_id_idx').on(t.companyId),
  ],
)

export const contacts = pgTable(
  'contacts',
  {
    ...syncColumns(),
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id),
    /** Given name (이름). */
    firstName: varchar('first_name', { length: 100 }).notNull(),
    /** Family name (성). */
    lastName: varchar('last_name', { length: 100 }).notNull(),
    email: varchar('email', { length: 255 }),
    phone: varchar('phone', { length: 20 }),
    mobile: varchar('mobile', { length: 20 }),
    /** 직급 (rank). */
    position: varchar('position', { length: 100 }),
    /** 직책 (role), new: "홍길동 부장님" needs the rank, the org chart needs the role. */
    title: varchar('title', { length: 100 }),
    department: varchar('department', { length: 100 }),
    roleType: enumText('role_type', CONTACT_ROLE_TYPES, 50),
    isPrimary: flag('is_primary').notNull().default(false),
    preferredContactMethod: enumText('preferred_contact_method', CONTACT_METHODS, 20),
    birthday: date('birthday'),
    notes: text('notes'),
    linkedinUrl: varchar('linkedin_url', { length: 255 }),
    isActive: flag('is_active').notNull().default(true),
  },
  (t) => [
    ...enumChecks('contacts', t),
    index('contacts_branch_id_idx').on(t.branchId),
    // Korean full name as written (family + given, no space), so 홍길동 and 길동 both match.
    index('contacts_name_trgm').using('gin', sql`(${t.lastName} || ${t.firstName}) gin_trgm_ops`),
    index('contacts_email_trgm').using('gin', sql`lower(${t.email}) gin_trgm_ops`),
  ],
)

/**
 * Companies (고객사) on the device: the filtered, 가나다-sorted, paged list behind the virtualised screen, lookups for
 * filters and forms, and create / edit / delete through the writer (the only way to write the replica; each write
 * gets its outbox entry in the same transaction).
 */
import { uuidv7 } from '../../../shared/ids/uuidv7'
import {
  type CompanyFilters,
  type CompanyListItem,
  type CompanyPage,
  type CompanySort,
  type CreateResult,
  type CustomerLookups,
} from '../../../shared/model/customer-views'
import { type CompanyStatus, type CompanyTier } from '../../../shared/model/enums'
import { type CompanyCreate, type CompanyUpdate } from '../../../shared/model/validation/customers'
import { type Writer } from '../outbox/writer'
import { type Sqlite } from '../sqlite'
import { RecordNotFoundError } from '../common/errors'
import { type DuplicateFinder } from './duplicates'
import { type PeopleDirectory } from '../common/people'
import { registerChoseongFunction, textMatchSql } from '../records/search'
import { createStatementCache, koreanSortSql, placeholders } from '../common/sql'
import { newRecordCode } from '../../../shared/ids/record-code'
import { toWireFields } from '../common/wire'

export interface CompanyListQuery {
  readonly filters: CompanyFilters
  readonly sort: CompanySort
  readonly offset: number
  readonly limit: number
}

export interface CompaniesRepo {
  list(query: CompanyListQuery): CompanyPage
  lookups(): CustomerLookups
  create(input: CompanyCreate, options: { readonly allowDuplicates: boolean }): CreateResult
  update(id: string, changes: CompanyUpdate): boolean
  /** Soft-deletes the company with its branches and contacts in one transaction. */
  remove(id: string): boolean
}

interface ListRow {
  id: string
  code: string
  name: string
  business_number: string | null
  representative: string | null
  tier: CompanyTier
  status: CompanyStatus
  industry_name: string | null
  account_manager_id: string | null
  phone: string | null
  updated_at: string
}

function whereOf(filters: CompanyFilters): { sql: string; params: unknown[] } {
  const parts = ['c.deleted_at IS NULL']
  const params: unknown[] = []
  if (filters.tiers && filters.tiers.length > 0) {
    parts.push(`c.tier IN (${placeholders(filters.tiers.length)})`)
    params.push(...filters.tiers)
  }
  if (filters.statuses && filters.statuses.length > 0) {
    parts.push(`c.status IN (${placeholders(filters.statuses.length)})`)
    params.push(...filters.statuses)
  }
  if (filters.industryId) {
    parts.push('c.industry_id = ?')
    params.push(filters.industryId)
  }
  if (filters.accountManagerId) {
    parts.push('c.account_manager_id = ?')
    params.push(filters.accountManagerId)
  }
  if (filters.text && filters.text.trim() !== '') {
    const match = textMatchSql(filters.text, 'c.name', ['c.code', "coalesce(c.representative, '')", "coalesce(c.business_number, '')"])
    parts.push(match.sql)
    params.push(...match.params)
  }
  return { sql: parts.join(' AND '), params }
}

export interface CompaniesRepoDeps {
  readonly sqlite: Sqlite
  readonly writer: Writer
  readonly people: PeopleDirectory
  readonly duplicates: DuplicateFinder
}

export function createCompaniesRepo({ sqlite, writer, people, duplicates }: CompaniesRepoDeps): CompaniesRepo {
  const statement = createStatementCache(sqlite)
  registerChoseongFunction(sqlite)
  const exists = sqlite.prepare<[string], { id: string }>('SELECT id FROM companies WHERE id = ? AND deleted_at IS NULL')
  const industries = sqlite.prepare<[], { id: string; name: string }>(
    `SELECT id, name FROM industries WHERE deleted_at IS NULL ORDER BY ${koreanSortSql('name')}`,
  )
  const childBranches = sqlite.prepare<[string], { id: string }>('SELECT id FROM branches WHERE company_id = ? AND deleted_at IS NULL')
  const childContacts = sqlite.prepare<[string], { id: string }>(
    `SELECT p.id FROM contacts p JOIN branches b ON b.id = p.branch_id WHERE b.company_id = ? AND p.deleted_at IS NULL`,
  )

  const requireCompany = (id: string): void => {
    if (!exists.get(id)) throw new RecordNotFoundError(`No company ${id}`)
  }

  return {
    list({ filters, sort, offset, limit }) {
      const where = whereOf(filters)
      const order = sort === 'updated' ? 'c.updated_at DESC, c.id' : `${koreanSortSql('c.name')}, c.id`
      const total = (statement(`SELECT count(*) AS n FROM companies c WHERE ${where.sql}`).get(...where.params) as { n: number }).n
      // Page the ids first, then look up display columns for that page only (the per-row phone subquery and joins
      // never run for the rows skipped by OFFSET).
      const rows = statement(
        `WITH page AS (SELECT c.id, row_number() OVER (ORDER BY ${order}) AS pos FROM companies c WHERE ${where.sql}
                       ORDER BY ${order} LIMIT ? OFFSET ?)
         SELECT c.id, c.code, c.name, c.business_number, c.representative, c.tier, c.status, c.updated_at,
                c.account_manager_id, i.name AS industry_name,
                (SELECT b.phone FROM branches b WHERE b.company_id = c.id AND b.deleted_at IS NULL AND b.phone IS NOT NULL
                 ORDER BY b.is_primary DESC, b.created_at LIMIT 1) AS phone
         FROM page JOIN companies c ON c.id = page.id LEFT JOIN industries i ON i.id = c.industry_id
         ORDER BY page.pos`,
      ).all(...where.params, limit, offset) as ListRow[]
      // The page's account managers in one statement, not one per row (issue 20).
      const managers = people.namesOf(rows.map((row) => row.account_manager_id))
      const items: CompanyListItem[] = rows.map((row) => ({
        id: row.id,
        code: row.code,
        name: row.name,
        businessNumber: row.business_number,
        representative: row.representative,
        tier: row.tier,
        status: row.status,
        industryName: row.industry_name,
        accountManagerName: row.account_manager_id ? (managers.get(row.account_manager_id) ?? null) : null,
        phone: row.phone,
        updatedAt: row.updated_at,
      }))
      return { total, offset, items }
    },

    lookups() {
      return { industries: industries.all(), users: people.list() }
    },

    create(input, { allowDuplicates }) {
      if (!allowDuplicates) {
        const found = duplicates.companies(input)
        if (found.length > 0) return { status: 'duplicates', duplicates: found }
      }
      const id = uuidv7()
      const branchId = uuidv7()
      const { phone, email, addressStreet, addressCity, ...company } = input
      writer.transaction(() => {
        writer.upsert('companies', id, { ...toWireFields(company), code: newRecordCode('companies') })
        // Every contact belongs to a branch: the head office exists from the start so contacts can be added at once.
        writer.upsert('branches', branchId, {
          company_id: id,
          code: newRecordCode('branches'),
          name: '본사',
          branch_type: 'HEADQUARTERS',
          business_number: company.businessNumber ?? null,
          phone: phone ?? null,
          email: email ?? null,
          address_street: addressStreet ?? null,
          address_city: addressCity ?? null,
          is_primary: true,
        })
      })
      return { status: 'created', id }
    },

    update(id, changes) {
      requireCompany(id)
      return writer.upsert('companies', id, toWireFields(changes)) !== null
    },

    remove(id) {
      requireCompany(id)
      return writer.transaction(() => {
        // Children first, so a failure leaves the company (and the way back to them) in place.
        for (const { id: contactId } of childContacts.all(id)) writer.remove('contacts', contactId)
        for (const { id: branchId } of childBranches.all(id)) writer.remove('branches', branchId)
        return writer.remove('companies', id) !== null
      })
    },
  }
}

/** Everything the company page shows, read in one go from the replica: the company, its branches and contacts, and
 * its opportunities, projects, meetings and activity timeline. */
import { todayIsoDate } from '../../../shared/domain/dates'
import { displayName } from '../../../shared/domain/korean-name'
import { type BranchRecord, type CompanyDetail, type CompanyRecord, type ContactRecord, type RelatedSummary } from '../../../shared/model/customer-views'
import { type Sqlite } from '../sqlite'
import { type ActivitiesRepo } from './activities'
import { RecordNotFoundError } from '../common/errors'
import { lastContactedSql } from './last-contacted'
import { type PeopleDirectory } from '../common/people'

type Row = Record<string, unknown>

const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null)
const numOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null)
/** JSON columns arrive as text; a damaged value reads as the empty default rather than breaking the page. */
function jsonOf<T>(v: unknown, fallback: T): T {
  if (typeof v !== 'string') return fallback
  try {
    const parsed = JSON.parse(v) as unknown
    return parsed !== null && typeof parsed === typeof fallback && Array.isArray(parsed) === Array.isArray(fallback) ? (parsed as T) : fallback
  } catch {
    return fallback
  }
}
/** custom_fields may hold numbers or flags (imported, or from the seed): the page shows and edits them as text. */
const textFields = (fields: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(fields)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  )

export function createCompanyPageReader({
  sqlite,
  people,
  activities,
  now = () => new Date(),
}: {
  sqlite: Sqlite
  people: PeopleDirectory
  activities: ActivitiesRepo
  now?: () => Date
}) {
  const company = sqlite.prepare<[string], Row>(
    `SELECT c.*, i.name AS industry_name FROM companies c LEFT JOIN industries i ON i.id = c.industry_id
     WHERE c.id = ? AND c.deleted_at IS NULL`,
  )
  const branches = sqlite.prepare<[string], Row>(`SELECT * FROM branches WHERE company_id = ? AND deleted_at IS NULL ORDER BY is_primary DESC, created_at, id`)
  const contacts = sqlite.prepare<[string, { today: string }], Row>(
    `SELECT p.*, b.name AS branch_name, ${lastContactedSql('p.id')} AS last_contacted_on FROM contacts p JOIN branches b ON b.id = p.branch_id
     WHERE b.company_id = ? AND p.deleted_at IS NULL AND b.deleted_at IS NULL
     ORDER BY p.is_primary DESC, p.last_name || p.first_name, p.id`,
  )
  const related = (sql: string) => sqlite.prepare<[string], { id: string; title: string; status: string; amount: number | null; date: string | null }>(sql)
  const opportunities = related(
    `SELECT id, title, stage AS status, amount, expected_close_date AS date FROM opportunities
     WHERE company_id = ? AND deleted_at IS NULL ORDER BY expected_close_date DESC, id LIMIT 200`,
  )
  const projects = related(
    `SELECT id, name AS title, status, revenue AS amount, start_date AS date FROM projects
     WHERE company_id = ? AND deleted_at IS NULL ORDER BY start_date DESC, id LIMIT 200`,
  )
  const meetings = related(
    `SELECT id, title, status, NULL AS amount, date FROM meetings
     WHERE company_id = ? AND deleted_at IS NULL ORDER BY date DESC, id LIMIT 200`,
  )

  return {
    get(id: string): CompanyDetail {
      const c = company.get(id)
      if (!c) throw new RecordNotFoundError(`No company ${id}`)
      const record: CompanyRecord = {
        id: str(c.id),
        code: str(c.code),
        name: str(c.name),
        businessNumber: strOrNull(c.business_number),
        corporateNumber: strOrNull(c.corporate_number),
        representative: strOrNull(c.representative),
        industryId: strOrNull(c.industry_id),
        industryName: strOrNull(c.industry_name),
        companySize: strOrNull(c.company_size) as CompanyRecord['companySize'],
        annualRevenue: numOrNull(c.annual_revenue),
        employeeCount: numOrNull(c.employee_count),
        website: strOrNull(c.website),
        description: strOrNull(c.description),
        tier: str(c.tier) as CompanyRecord['tier'],
        status: str(c.status) as CompanyRecord['status'],
        accountManagerId: strOrNull(c.account_manager_id),
        accountManagerName: people.nameOf(strOrNull(c.account_manager_id)),
        tags: jsonOf<string[]>(c.tags, []).filter((tag) => typeof tag === 'string'),
        customFields: textFields(jsonOf<Record<string, unknown>>(c.custom_fields, {})),
        creditLimit: numOrNull(c.credit_limit),
        paymentTerms: numOrNull(c.payment_terms) ?? 30,
        fiscalYearEnd: strOrNull(c.fiscal_year_end),
        createdAt: str(c.created_at),
        updatedAt: str(c.updated_at),
      }
      const branchRecords: BranchRecord[] = branches.all(id).map((b) => ({
        id: str(b.id),
        companyId: str(b.company_id),
        code: str(b.code),
        name: str(b.name),
        branchType: strOrNull(b.branch_type) as BranchRecord['branchType'],
        businessNumber: strOrNull(b.business_number),
        addressStreet: strOrNull(b.address_street),
        addressCity: strOrNull(b.address_city),
        phone: strOrNull(b.phone),
        email: strOrNull(b.email),
        managerName: strOrNull(b.manager_name),
        isPrimary: b.is_primary === 1,
      }))
      const contactRecords: ContactRecord[] = contacts.all(id, { today: todayIsoDate(now()) }).map((p) => ({
        id: str(p.id),
        branchId: str(p.branch_id),
        branchName: str(p.branch_name),
        lastName: str(p.last_name),
        firstName: str(p.first_name),
        name: displayName({ lastName: str(p.last_name), firstName: str(p.first_name) }),
        email: strOrNull(p.email),
        phone: strOrNull(p.phone),
        mobile: strOrNull(p.mobile),
        position: strOrNull(p.position),
        title: strOrNull(p.title),
        department: strOrNull(p.department),
        roleType: strOrNull(p.role_type) as ContactRecord['roleType'],
        preferredContactMethod: strOrNull(p.preferred_contact_method) as ContactRecord['preferredContactMethod'],
        isPrimary: p.is_primary === 1,
        lastContactedOn: strOrNull(p.last_contacted_on),
        birthday: strOrNull(p.birthday),
        linkedinUrl: strOrNull(p.linkedin_url),
        isActive: p.is_active !== 0,
      }))
      const summaries = (rows: ReturnType<typeof opportunities.all>): RelatedSummary[] =>
        rows.map((r) => ({ id: r.id, title: r.title, status: r.status, amount: r.amount, date: r.date }))
      return {
        company: record,
        branches: branchRecords,
        contacts: contactRecords,
        opportunities: summaries(opportunities.all(id)),
        projects: summaries(projects.all(id)),
        meetings: summaries(meetings.all(id)),
        timeline: activities.timeline('COMPANY', id, 100),
      }
    },
  }
}

export type CompanyPageReader = ReturnType<typeof createCompanyPageReader>

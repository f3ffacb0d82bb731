/** What the meeting form offers to pick from the replica: active users, companies, active products, a company's contacts. */
import { displayName } from '../../../shared/domain/korean-name'
import { type ContactOption, type MeetingOptions } from '../../../shared/ipc/meetings-types'
import { koreanSortSql } from '../common/sql'
import { type Sqlite } from '../sqlite'

export interface MeetingPickers {
  options(): MeetingOptions
  contacts(companyId: string): ContactOption[]
}

export function createMeetingPickers(sqlite: Sqlite): MeetingPickers {
  const activeUsers = sqlite.prepare<[], { id: string; last_name: string; first_name: string }>(
    'SELECT id, last_name, first_name FROM users WHERE is_active = 1 ORDER BY last_name || first_name, id',
  )
  const allCompanies = sqlite.prepare<[], { id: string; name: string }>(
    `SELECT id, name FROM companies WHERE deleted_at IS NULL ORDER BY ${koreanSortSql('name')} LIMIT 5000`,
  )
  const activeProducts = sqlite.prepare<[], { id: string; code: string; name: string; list_price: number | null }>(
    `SELECT id, code, name, list_price FROM products WHERE deleted_at IS NULL AND is_active = 1 ORDER BY ${koreanSortSql('name')}`,
  )
  const contactsOf = sqlite.prepare<[string], { id: string; last_name: string; first_name: string; position: string | null; department: string | null }>(
    `SELECT k.id, k.last_name, k.first_name, k.position, k.department FROM contacts k JOIN branches b ON b.id = k.branch_id
      WHERE b.company_id = ? AND b.deleted_at IS NULL AND k.deleted_at IS NULL AND k.is_active = 1
      ORDER BY k.is_primary DESC, k.last_name || k.first_name, k.id`,
  )

  return {
    options: () => ({
      users: activeUsers.all().map((u) => ({ id: u.id, name: displayName({ lastName: u.last_name, firstName: u.first_name }) })),
      companies: allCompanies.all(),
      products: activeProducts.all().map((p) => ({ id: p.id, code: p.code, name: p.name, listPrice: p.list_price })),
    }),

    contacts: (companyId) =>
      contactsOf.all(companyId).map((k) => ({
        id: k.id,
        name: displayName({ lastName: k.last_name, firstName: k.first_name }),
        position: k.position,
        department: k.department,
      })),
  }
}

/**
 * Every contact this device holds (the user's scope), in 가나다 order of company then name, with the computed last
 * contact day: the contacts list export and the "everything I can see" workbook read it.
 */
import { todayIsoDate } from '../../../shared/domain/dates'
import { displayName } from '../../../shared/domain/korean-name'
import { type ContactListItem } from '../../../shared/model/contact-directory'
import { type Sqlite } from '../sqlite'
import { lastContactedSql } from './last-contacted'
import { koreanSortSql } from '../common/sql'

interface Row {
  id: string
  company_id: string
  company_name: string
  branch_name: string
  last_name: string
  first_name: string
  position: string | null
  title: string | null
  department: string | null
  email: string | null
  phone: string | null
  mobile: string | null
  is_primary: number
  last_contacted_on: string | null
}

export interface ContactDirectory {
  list(): ContactListItem[]
}

export function createContactDirectory(sqlite: Sqlite, now: () => Date = () => new Date()): ContactDirectory {
  const rows = sqlite.prepare<[{ today: string }], Row>(
    `SELECT p.id, c.id AS company_id, c.name AS company_name, b.name AS branch_name, p.last_name, p.first_name, p.position,
            p.title, p.department, p.email, p.phone, p.mobile, p.is_primary, ${lastContactedSql('p.id')} AS last_contacted_on
       FROM contacts p
       JOIN branches b ON b.id = p.branch_id AND b.deleted_at IS NULL
       JOIN companies c ON c.id = b.company_id AND c.deleted_at IS NULL
      WHERE p.deleted_at IS NULL
      ORDER BY ${koreanSortSql('c.name')}, c.id, p.is_primary DESC, p.last_name || p.first_name, p.id`,
  )
  return {
    list: () =>
      rows.all({ today: todayIsoDate(now()) }).map((r) => ({
        id: r.id,
        companyId: r.company_id,
        companyName: r.company_name,
        branchName: r.branch_name,
        name: displayName({ lastName: r.last_name, firstName: r.first_name }),
        position: r.position,
        title: r.title,
        department: r.department,
        email: r.email,
        phone: r.phone,
        mobile: r.mobile,
        isPrimary: r.is_primary === 1,
        lastContactedOn: r.last_contacted_on,
      })),
  }
}

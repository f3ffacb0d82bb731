/**
 * The duplicate warning on create, answered from the local replica so it works offline: the same business number,
 * a similar name (legal-form markers and spaces ignored), or the same phone or e-mail on a branch or contact.
 * The server's unique index would refuse a second registration number only after sync, when the user has left.
 */
import { companyNameKey, companyNameKeySql } from '../../../shared/domain/company-name'
import { displayName } from '../../../shared/domain/korean-name'
import { type DuplicateMatch, type DuplicateReason } from '../../../shared/model/customer-views'
import { type Sqlite } from '../sqlite'

export interface CompanyProbe {
  readonly name: string
  readonly businessNumber?: string | null
  readonly phone?: string | null
  readonly email?: string | null
}

export interface ContactProbe {
  readonly lastName: string
  readonly firstName: string
  readonly phone?: string | null
  readonly mobile?: string | null
  readonly email?: string | null
}

export interface DuplicateFinder {
  companies(probe: CompanyProbe): DuplicateMatch[]
  contacts(probe: ContactProbe): DuplicateMatch[]
}

const MAX_MATCHES = 10

export function createDuplicateFinder(sqlite: Sqlite): DuplicateFinder {
  const nameKey = companyNameKeySql('name')
  // Equal keys, or (for keys of 4+ characters) one inside the other: "한빛전자" vs "한빛전자판매".
  const byName = sqlite.prepare<{ key: string; long: number }, { id: string; name: string }>(
    `SELECT id, name FROM companies WHERE deleted_at IS NULL AND (${nameKey} = @key
       OR (@long = 1 AND length(${nameKey}) >= 4 AND (instr(${nameKey}, @key) > 0 OR instr(@key, ${nameKey}) > 0)))
     LIMIT ${MAX_MATCHES}`,
  )
  const byBusinessNumber = sqlite.prepare<[string, string], { id: string; name: string }>(
    `SELECT id, name FROM companies WHERE deleted_at IS NULL AND business_number = ?
     UNION SELECT c.id, c.name FROM branches b JOIN companies c ON c.id = b.company_id
       WHERE b.deleted_at IS NULL AND c.deleted_at IS NULL AND b.business_number = ?
     LIMIT ${MAX_MATCHES}`,
  )
  // A company's phone or e-mail may be on any of its branches or on one of its contacts.
  const companyByContactPoint = (column: 'phone' | 'email') =>
    sqlite.prepare<{ value: string }, { id: string; name: string }>(
      `SELECT c.id, c.name FROM branches b JOIN companies c ON c.id = b.company_id
         WHERE b.deleted_at IS NULL AND c.deleted_at IS NULL AND b.${column} = @value
       UNION SELECT c.id, c.name FROM contacts p JOIN branches b ON b.id = p.branch_id JOIN companies c ON c.id = b.company_id
         WHERE p.deleted_at IS NULL AND c.deleted_at IS NULL AND (p.${column} = @value ${column === 'phone' ? 'OR p.mobile = @value' : ''})
       LIMIT ${MAX_MATCHES}`,
    )
  const companyByPhone = companyByContactPoint('phone')
  const companyByEmail = companyByContactPoint('email')

  type ContactRow = { id: string; last_name: string; first_name: string; company_id: string | null }
  const contactsBy = (where: string) =>
    sqlite.prepare<{ value: string }, ContactRow>(
      `SELECT p.id, p.last_name, p.first_name, b.company_id FROM contacts p LEFT JOIN branches b ON b.id = p.branch_id
       WHERE p.deleted_at IS NULL AND (${where}) LIMIT ${MAX_MATCHES}`,
    )
  const contactByPhone = contactsBy('p.phone = @value OR p.mobile = @value')
  const contactByEmail = contactsBy('p.email = @value')

  return {
    companies(probe) {
      const found = new Map<string, { name: string; reasons: Set<DuplicateReason> }>()
      const add = (rows: Array<{ id: string; name: string }>, reason: DuplicateReason): void => {
        for (const row of rows) {
          const entry = found.get(row.id) ?? { name: row.name, reasons: new Set<DuplicateReason>() }
          entry.reasons.add(reason)
          found.set(row.id, entry)
        }
      }
      if (probe.businessNumber) add(byBusinessNumber.all(probe.businessNumber, probe.businessNumber), 'businessNumber')
      const key = companyNameKey(probe.name)
      if (key) add(byName.all({ key, long: key.length >= 4 ? 1 : 0 }), 'name')
      if (probe.phone) add(companyByPhone.all({ value: probe.phone }), 'phone')
      if (probe.email) add(companyByEmail.all({ value: probe.email }), 'email')
      return [...found].map(([id, { name, reasons }]) => ({ type: 'companies', id, name, companyId: id, reasons: [...reasons] }))
    },

    contacts(probe) {
      const found = new Map<string, { row: ContactRow; reasons: Set<DuplicateReason> }>()
      const add = (rows: ContactRow[], reason: DuplicateReason): void => {
        for (const row of rows) {
          const entry = found.get(row.id) ?? { row, reasons: new Set<DuplicateReason>() }
          entry.reasons.add(reason)
          found.set(row.id, entry)
        }
      }
      for (const phone of new Set([probe.phone, probe.mobile])) if (phone) add(contactByPhone.all({ value: phone }), 'phone')
      if (probe.email) add(contactByEmail.all({ value: probe.email }), 'email')
      return [...found].map(([id, { row, reasons }]) => ({
        type: 'contacts',
        id,
        name: displayName({ lastName: row.last_name, firstName: row.first_name }),
        companyId: row.company_id,
        reasons: [...reasons],
      }))
    },
  }
}

/**
 * Finds the company an imported contact or trainee belongs to, by business number (exact, on the company or one of its
 * branches) or by name (legal-form markers and spaces ignored), in the replica. Never guesses between two companies of
 * the same name. The replica's companies are read once per review, not once per row.
 */
import { companyNameKey } from '../../../../shared/domain/company-name'
import { normalizeBusinessNumber } from '../../../../shared/domain/business-number'
import { type Sqlite } from '../../sqlite'

export type CompanyLink =
  { readonly status: 'found'; readonly companyId: string; readonly branchId: string | null } | { readonly status: 'notFound' | 'ambiguous' }

export interface CompanyLinker {
  find(probe: { readonly companyName?: string | undefined; readonly businessNumber?: string | undefined }): CompanyLink | null
}

interface Index {
  readonly byNumber: Map<string, Set<string>>
  readonly byName: Map<string, Set<string>>
}

export function createCompanyLinker(sqlite: Sqlite): CompanyLinker {
  const companies = sqlite.prepare<[], { id: string; name: string; business_number: string | null }>(
    'SELECT id, name, business_number FROM companies WHERE deleted_at IS NULL',
  )
  const branchNumbers = sqlite.prepare<[], { company_id: string; business_number: string }>(
    `SELECT b.company_id, b.business_number FROM branches b JOIN companies c ON c.id = b.company_id
      WHERE b.deleted_at IS NULL AND c.deleted_at IS NULL AND b.business_number IS NOT NULL`,
  )
  // Where a contact goes: the primary branch, else the head office, else the oldest branch.
  const headOffice = sqlite.prepare<[string], { id: string }>(
    `SELECT id FROM branches WHERE company_id = ? AND deleted_at IS NULL
     ORDER BY is_primary DESC, branch_type = 'HEADQUARTERS' DESC, created_at LIMIT 1`,
  )
  let index: Index | null = null
  const add = (map: Map<string, Set<string>>, key: string, id: string): void => {
    const ids = map.get(key) ?? new Set<string>()
    ids.add(id)
    map.set(key, ids)
  }
  const load = (): Index => {
    const loaded: Index = { byNumber: new Map(), byName: new Map() }
    for (const c of companies.iterate()) {
      if (c.business_number) add(loaded.byNumber, c.business_number, c.id)
      add(loaded.byName, companyNameKey(c.name), c.id)
    }
    for (const b of branchNumbers.iterate()) add(loaded.byNumber, b.business_number, b.company_id)
    return loaded
  }
  const branchOf = new Map<string, string | null>()

  return {
    find({ companyName, businessNumber }) {
      const number = businessNumber ? normalizeBusinessNumber(businessNumber) : ''
      const key = companyName ? companyNameKey(companyName) : ''
      if (!number && !key) return null
      index ??= load()
      const ids = [...((number ? index.byNumber.get(number) : index.byName.get(key)) ?? [])]
      if (ids.length === 0) return { status: 'notFound' }
      if (ids.length > 1) return { status: 'ambiguous' }
      const companyId = ids[0]!
      if (!branchOf.has(companyId)) branchOf.set(companyId, headOffice.get(companyId)?.id ?? null)
      return { status: 'found', companyId, branchId: branchOf.get(companyId) ?? null }
    },
  }
}

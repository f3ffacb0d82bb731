/** The lead list's search box: company, contact or code; 1-character words and 초성 (ㄱㄴ) work. */
import { matchesText } from '../../../../shared/domain/korean-text'
import { type LeadSummary } from '../../../../shared/ipc/sales-types'

/** Rows shown at once; "더 보기" adds this many more (a plain table stays quick at a few hundred rows). */
export const LEAD_PAGE_SIZE = 100

export function filterLeads(leads: readonly LeadSummary[], query: string): readonly LeadSummary[] {
  if (query.trim() === '') return leads
  return leads.filter((lead) => matchesText([lead.companyName, lead.contactName, lead.code], query))
}

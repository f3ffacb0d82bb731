/**
 * What the customer screens read: list rows, the company page, search hits, timeline entries and saved filters.
 * Plain data in the app's camelCase; produced by the device repositories (src/main/core/<domain>/) and sent over IPC.
 * Stored encodings stay: business numbers and phones are digits (the renderer formats them), money is whole won.
 */
import {
  type ActivityEntityType,
  type ActivityType,
  type BranchType,
  type CompanySize,
  type CompanyStatus,
  type CompanyTier,
  type ContactMethod,
  type ContactRoleType,
} from './enums'

export const COMPANY_SORTS = ['name', 'updated'] as const
export type CompanySort = (typeof COMPANY_SORTS)[number]

export interface CompanyFilters {
  readonly tiers?: readonly CompanyTier[]
  readonly statuses?: readonly CompanyStatus[]
  readonly industryId?: string | null
  readonly accountManagerId?: string | null
  /** The list's own text filter: name, code, representative or business number; 초성 (ㅅㅅ) works on the name. */
  readonly text?: string
}

export interface CompanyListItem {
  readonly id: string
  readonly code: string
  readonly name: string
  readonly businessNumber: string | null
  readonly representative: string | null
  readonly tier: CompanyTier
  readonly status: CompanyStatus
  readonly industryName: string | null
  readonly accountManagerName: string | null
  /** The head office's (or first branch's) phone, digits. */
  readonly phone: string | null
  readonly updatedAt: string
}

export interface CompanyPage {
  /** Rows matching the filters (all pages). */
  readonly total: number
  readonly offset: number
  readonly items: readonly CompanyListItem[]
}

export interface NamedOption {
  readonly id: string
  readonly name: string
}

/** Choices for filters and forms: industries and people (account managers). */
export interface CustomerLookups {
  readonly industries: readonly NamedOption[]
  readonly users: readonly NamedOption[]
}

export interface CompanyRecord {
  readonly id: string
  readonly code: string
  readonly name: string
  readonly businessNumber: string | null
  readonly corporateNumber: string | null
  readonly representative: string | null
  readonly industryId: string | null
  readonly industryName: string | null
  readonly companySize: CompanySize | null
  readonly annualRevenue: number | null
  readonly employeeCount: number | null
  readonly website: string | null
  readonly description: string | null
  readonly tier: CompanyTier
  readonly status: CompanyStatus
  readonly accountManagerId: string | null
  readonly accountManagerName: string | null
  readonly tags: readonly string[]
  /** 사용자 정의 항목 (custom_fields), shown and edited as text. */
  readonly customFields: Readonly<Record<string, string>>
  /** 여신 한도, whole won. */
  readonly creditLimit: number | null
  /** 결제 조건: days until an invoice is due. */
  readonly paymentTerms: number
  /** 결산월일 MM-DD. */
  readonly fiscalYearEnd: string | null
  readonly createdAt: string
  readonly updatedAt: string
}

export interface BranchRecord {
  readonly id: string
  readonly companyId: string
  readonly code: string
  readonly name: string
  readonly branchType: BranchType | null
  readonly businessNumber: string | null
  readonly addressStreet: string | null
  readonly addressCity: string | null
  readonly phone: string | null
  readonly email: string | null
  readonly managerName: string | null
  readonly isPrimary: boolean
}

export interface ContactRecord {
  readonly id: string
  readonly branchId: string
  readonly branchName: string
  readonly lastName: string
  readonly firstName: string
  /** 홍길동 (family name first, no space). */
  readonly name: string
  readonly email: string | null
  readonly phone: string | null
  readonly mobile: string | null
  readonly position: string | null
  readonly title: string | null
  readonly department: string | null
  readonly roleType: ContactRoleType | null
  readonly preferredContactMethod: ContactMethod | null
  readonly isPrimary: boolean
  /** 최근 연락일: the latest activity on the contact or meeting with them, up to today (computed, never stored). */
  readonly lastContactedOn: string | null
  /** YYYY-MM-DD. */
  readonly birthday: string | null
  readonly linkedinUrl: string | null
  /** false: has left the company (kept for the history). */
  readonly isActive: boolean
}

export interface RelatedSummary {
  readonly id: string
  readonly title: string
  /** Stage or status code (translated by the renderer). */
  readonly status: string
  /** Whole won, when the record has an amount. */
  readonly amount: number | null
  /** The date that matters for the record (close date, start date, meeting date), YYYY-MM-DD. */
  readonly date: string | null
}

export interface CompanyDetail {
  readonly company: CompanyRecord
  readonly branches: readonly BranchRecord[]
  readonly contacts: readonly ContactRecord[]
  readonly opportunities: readonly RelatedSummary[]
  readonly projects: readonly RelatedSummary[]
  readonly meetings: readonly RelatedSummary[]
  readonly timeline: readonly TimelineEntry[]
}

export const DUPLICATE_REASONS = ['businessNumber', 'name', 'phone', 'email'] as const
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number]

export interface DuplicateMatch {
  readonly type: 'companies' | 'contacts'
  readonly id: string
  /** Company name, or the contact's display name. */
  readonly name: string
  /** The company the match belongs to (itself for a company). */
  readonly companyId: string | null
  readonly reasons: readonly DuplicateReason[]
}

/** A create either happened, or found likely duplicates the user must confirm (then sends `allowDuplicates`). */
export type CreateResult =
  { readonly status: 'created'; readonly id: string } | { readonly status: 'duplicates'; readonly duplicates: readonly DuplicateMatch[] }

export const SEARCH_TYPES = ['companies', 'contacts', 'leads', 'opportunities', 'projects'] as const
export type SearchType = (typeof SEARCH_TYPES)[number]

/** How a query was answered: trigram index (3+ chars), substring scan (1–2 chars), or initial consonants (초성). */
export type SearchMode = 'index' | 'substring' | 'choseong'

export interface SearchHit {
  readonly type: SearchType
  readonly id: string
  readonly title: string
  readonly subtitle: string | null
  /** The company page this hit opens (the company itself, a contact's or an opportunity's company). */
  readonly companyId: string | null
}

export interface SearchGroup {
  readonly type: SearchType
  readonly hits: readonly SearchHit[]
}

export interface SearchResult {
  readonly query: string
  readonly mode: SearchMode
  readonly groups: readonly SearchGroup[]
}

export type TimelineKind = 'activity' | 'created' | 'updated'

export interface TimelineEntry {
  /** Activity id, or `<kind>:<row id>` for record history. */
  readonly key: string
  readonly kind: TimelineKind
  /** ISO-8601 UTC. */
  readonly at: string
  readonly actorName: string | null
  readonly activityType: ActivityType | null
  readonly subject: string | null
  readonly description: string | null
  /** Which record the entry is about (the company, or one of its contacts, opportunities, projects). */
  readonly entityType: ActivityEntityType
  readonly entityId: string
  readonly entityLabel: string
}

export const FILTER_SCOPES = ['companies'] as const
export type FilterScope = (typeof FILTER_SCOPES)[number]

export interface SavedFilter {
  readonly id: string
  readonly name: string
  readonly scope: FilterScope
  readonly filters: CompanyFilters
  readonly sort: CompanySort
}

/**
 * What the sales channels (leads.*, opportunities.*) and the sync review channels return. Plain data the renderer can
 * render as is; derived figures (BANT score, expected amount, days per stage) are computed in main from their sources
 * with the shared domain rules, never read from a stored column.
 */
import { type LeadAssignmentStatus, type LeadSource, type LeadStatus, type OpportunityStage, type OpportunityType, type UserTier } from '../model/enums'
import { type BantFlags } from '../model/validation/sales'

export interface UserOption {
  readonly id: string
  /** 홍길동 (family name first). */
  readonly name: string
  readonly tier: UserTier
}

export interface LeadSummary {
  readonly id: string
  readonly code: string
  readonly companyName: string
  readonly contactName: string | null
  readonly status: LeadStatus
  readonly source: LeadSource | null
  readonly bant: BantFlags
  /** bantScore(bant): 0–100. */
  readonly bantScore: number
  readonly assignedToName: string | null
  /** An assignment request waits for a manager. */
  readonly assignmentPending: boolean
  readonly createdAt: string
}

export interface LeadAssignmentView {
  readonly id: string
  readonly assignedToName: string | null
  readonly requestedByName: string | null
  readonly reason: string | null
  readonly status: LeadAssignmentStatus
  readonly approvedByName: string | null
  readonly rejectionReason: string | null
  readonly createdAt: string
}

export interface LeadDetail extends LeadSummary {
  readonly email: string | null
  readonly phone: string | null
  readonly sourceDetail: string | null
  readonly notes: string | null
  readonly assignedTo: string | null
  readonly convertedAt: string | null
  readonly convertedToCompanyId: string | null
  readonly convertedToOpportunityId: string | null
  readonly assignments: readonly LeadAssignmentView[]
}

export interface LeadPipelineStep {
  readonly status: LeadStatus
  readonly count: number
}

export interface LeadListResult {
  readonly leads: readonly LeadSummary[]
  /** Every status in pipeline order, zero counts included. */
  readonly pipeline: readonly LeadPipelineStep[]
}

export interface LeadConversionResult {
  readonly leadId: string
  readonly companyId: string
  readonly branchId: string
  readonly contactId: string | null
  readonly opportunityId: string
}

export interface OpportunityCard {
  readonly id: string
  readonly code: string
  readonly title: string
  readonly companyId: string
  readonly companyName: string | null
  readonly stage: OpportunityStage
  readonly probability: number
  readonly amount: number | null
  /** expectedAmount(amount, probability): whole won, null without an amount. */
  readonly expectedAmount: number | null
  readonly expectedCloseDate: string | null
  readonly nextAction: string | null
  readonly nextActionDate: string | null
  readonly accountManagerName: string | null
  readonly accountManagerId: string
  readonly teamId: string | null
  readonly teamName: string | null
  /** Set once won or lost (ISO date). */
  readonly actualCloseDate: string | null
}

export interface BoardColumn {
  readonly stage: OpportunityStage
  readonly cards: readonly OpportunityCard[]
  readonly totalAmount: number
  readonly totalExpected: number
}

export interface StageHistoryEntry {
  readonly id: string
  readonly fromStage: OpportunityStage | null
  readonly toStage: OpportunityStage
  readonly changedAt: string
  readonly changedByName: string | null
  readonly reason: string | null
}

export interface OpportunityDetail extends OpportunityCard {
  readonly description: string | null
  readonly type: OpportunityType | null
  readonly actualCloseDate: string | null
  readonly closeReason: string | null
  readonly history: readonly StageHistoryEntry[]
  /** stageDurations(history, now): whole days per visited stage. */
  readonly daysInStage: Partial<Record<OpportunityStage, number>>
}

// ── Sync review (rejected changes and conflicts) ──────────────────────────────────────────────────────────────────

export interface RejectedChangeView {
  readonly seq: number
  readonly table: string
  readonly rowId: string
  /** A human name for the row (company name, title …) when the device has it. */
  readonly rowLabel: string | null
  readonly op: 'upsert' | 'delete'
  readonly fields: Readonly<Record<string, unknown>>
  /** The server's reason, as sent. */
  readonly reason: string | null
  readonly createdAt: string
}

export interface ConflictView {
  readonly id: string
  readonly table: string
  readonly rowId: string
  readonly rowLabel: string | null
  readonly field: string
  readonly kind: 'FIELD' | 'EDIT_VS_DELETE' | 'DELETE_VS_UNDELETE'
  /** The value on the server now (theirs, or mine when the signed-in user won). */
  readonly winningValue: unknown
  readonly losingValue: unknown
  readonly winningUserName: string | null
  readonly losingUserName: string | null
  /** ISO times read from the HLC stamps: when each edit was made. */
  readonly winningAt: string | null
  readonly losingAt: string | null
  /** True when the signed-in user's edit is the one that lost (the usual case: "apply mine again" is offered). */
  readonly mineLost: boolean
  readonly createdAt: string
}

/** A row created offline that the server kept under another code because its code was taken (CONTRACTS.md §2). */
export interface RenamedCodeView {
  readonly table: string
  readonly rowId: string
  readonly rowLabel: string | null
  readonly from: string
  readonly to: string
  /** ISO time the server said so. */
  readonly at: string
}

export interface SyncReview {
  readonly renamed: readonly RenamedCodeView[]
  readonly rejected: readonly RejectedChangeView[]
  readonly conflicts: readonly ConflictView[]
}

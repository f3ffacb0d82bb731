/** Value shapes of the meetings channels: what main answers to the meetings screen and calendar. */
import { type ProposalTotals } from '../domain/meetings'
import {
  type ActionItemPriority,
  type ActionItemStatus,
  type ClassStatus,
  type CustomerReaction,
  type MeetingImportance,
  type MeetingLocationType,
  type MeetingStatus,
  type MeetingTarget,
  type MeetingType,
  type ParticipantAttendance,
  type ParticipantRole,
  type ParticipantType,
} from '../model/enums'
import { type CompetitorMention } from '../model/json'

export interface MeetingSummary {
  readonly id: string
  readonly code: string
  readonly title: string
  readonly target: MeetingTarget
  readonly type: MeetingType
  readonly status: MeetingStatus
  readonly importance: MeetingImportance
  readonly date: string
  readonly startTime: string
  readonly endTime: string
  /** Derived from the times, never stored. */
  readonly durationMinutes: number | null
  readonly companyId: string | null
  readonly companyName: string | null
  readonly organizerId: string
  readonly organizerName: string | null
  readonly locationType: MeetingLocationType | null
  readonly participantCount: number
  readonly hasMinutes: boolean
  readonly openActionItems: number
}

export interface ParticipantView {
  readonly id: string
  readonly participantType: ParticipantType
  readonly userId: string | null
  readonly contactId: string | null
  /** The user's or contact's display name (홍길동), else the free-text name. */
  readonly displayName: string
  /** The free-text name as stored (external participant without a contact card). */
  readonly name: string | null
  readonly company: string | null
  readonly position: string | null
  readonly role: ParticipantRole | null
  readonly attendance: ParticipantAttendance
}

export interface AgendaItemView {
  readonly id: string
  readonly sequence: number
  readonly topic: string
  readonly duration: number | null
  readonly presenter: string | null
  readonly notes: string | null
}

export interface MinutesView {
  readonly id: string
  readonly summary: string
  readonly keyPoints: readonly string[]
  readonly decisions: readonly string[]
  readonly nextSteps: string | null
  readonly customerReaction: CustomerReaction | null
  readonly customerConcerns: readonly string[]
  readonly customerInterests: readonly string[]
  readonly competitorsMentioned: readonly CompetitorMention[]
}

export interface ActionItemView {
  readonly id: string
  readonly task: string
  readonly assigneeId: string | null
  readonly assigneeName: string | null
  readonly dueDate: string | null
  readonly priority: ActionItemPriority
  readonly status: ActionItemStatus
  readonly completedAt: string | null
  readonly notes: string | null
}

export interface ProposedProductView {
  readonly id: string
  readonly productId: string
  readonly productCode: string | null
  readonly productName: string | null
  readonly listPrice: number | null
  readonly quantity: number
  readonly unitPrice: number | null
  readonly discountPercent: number
  readonly notes: string | null
  /** Derived (quantity × unit price, its discount in won and the rounded total); null when the line has no price. */
  readonly gross: number | null
  readonly discount: number | null
  readonly total: number | null
}

export interface MeetingDetail extends MeetingSummary {
  readonly description: string | null
  readonly opportunityId: string | null
  readonly projectId: string | null
  readonly locationAddress: string | null
  readonly locationRoom: string | null
  readonly onlineLink: string | null
  readonly hasFollowUp: boolean
  readonly followUpDate: string | null
  readonly participants: readonly ParticipantView[]
  readonly agenda: readonly AgendaItemView[]
  readonly minutes: MinutesView | null
  readonly actionItems: readonly ActionItemView[]
  readonly products: readonly ProposedProductView[]
  /** The proposal's sums, derived from the lines. */
  readonly proposal: ProposalTotals
}

export type CalendarEntry =
  | {
      readonly kind: 'meeting'
      readonly id: string
      readonly date: string
      readonly startTime: string
      readonly endTime: string
      readonly title: string
      readonly companyName: string | null
      readonly status: MeetingStatus
      readonly type: MeetingType
    }
  | {
      readonly kind: 'class'
      readonly id: string
      readonly date: string
      readonly startTime: string
      readonly endTime: string
      readonly projectId: string
      readonly projectName: string
      readonly sessionNumber: number
      readonly sessionName: string | null
      readonly classNumber: number
      readonly className: string | null
      readonly companyName: string | null
      readonly status: ClassStatus
    }

export interface MeetingOptions {
  readonly users: readonly { readonly id: string; readonly name: string }[]
  readonly companies: readonly { readonly id: string; readonly name: string }[]
  readonly products: readonly { readonly id: string; readonly code: string; readonly name: string; readonly listPrice: number | null }[]
}

export interface ContactOption {
  readonly id: string
  readonly name: string
  readonly position: string | null
  readonly department: string | null
}

/**
 * The meeting dialog's draft: what the form holds between edits (numbers as typed text), built from a stored meeting
 * or for a new one, and turned into the `meetings.save` input. The shared schema then decides what is valid, so the
 * form never submits what main would refuse.
 */
import { proposalLineAmounts, type ProposalLineAmounts } from '../../../../shared/domain/meetings'
import { type InputOf } from '../../../../shared/ipc/contract'
import { type MeetingDetail, type MeetingOptions } from '../../../../shared/ipc/meetings-types'
import {
  type MeetingImportance,
  type MeetingLocationType,
  type MeetingStatus,
  type MeetingTarget,
  type MeetingType,
  type ParticipantAttendance,
  type ParticipantRole,
  type ParticipantType,
} from '../../../../shared/model/enums'
import { type MeetingValidationKey } from '../../../../shared/model/validation/meetings'
import { wonText, type WonText } from '../../components/WonInput'

export interface ParticipantDraft {
  readonly key: string
  readonly id?: string
  readonly participantType: ParticipantType
  readonly userId: string | null
  readonly contactId: string | null
  /** What the row shows: the colleague's or contact's name, or the typed name. */
  readonly label: string
  readonly name: string | null
  readonly company: string | null
  readonly position: string | null
  readonly role: ParticipantRole | null
  readonly attendance: ParticipantAttendance
}

export interface AgendaDraft {
  readonly key: string
  readonly id?: string
  readonly topic: string
  readonly duration: string
  readonly presenter: string
}

export interface ProductDraft {
  readonly key: string
  readonly id?: string
  readonly productId: string
  readonly quantity: string
  readonly unitPrice: WonText
  readonly discount: string
}

export interface MeetingDraft {
  readonly id?: string
  readonly title: string
  readonly description: string
  readonly target: MeetingTarget
  readonly type: MeetingType
  readonly companyId: string
  readonly date: string
  readonly startTime: string
  readonly endTime: string
  readonly locationType: MeetingLocationType | ''
  readonly locationAddress: string
  readonly locationRoom: string
  readonly onlineLink: string
  readonly status: MeetingStatus
  readonly importance: MeetingImportance
  readonly hasFollowUp: boolean
  readonly followUpDate: string
  readonly opportunityId: string | null
  readonly projectId: string | null
  readonly participants: readonly ParticipantDraft[]
  readonly agenda: readonly AgendaDraft[]
  readonly products: readonly ProductDraft[]
}

let keySeq = 0
/** A React key for a row not yet saved. */
export const draftKey = (): string => `new-${++keySeq}`

export function newMeetingDraft(date: string, organizer: { id: string; name: string } | null): MeetingDraft {
  return {
    title: '',
    description: '',
    target: 'CUSTOMER',
    type: 'INITIAL',
    companyId: '',
    date,
    startTime: '10:00',
    endTime: '11:00',
    locationType: 'ONSITE',
    locationAddress: '',
    locationRoom: '',
    onlineLink: '',
    status: 'SCHEDULED',
    importance: 'MEDIUM',
    hasFollowUp: false,
    followUpDate: '',
    opportunityId: null,
    projectId: null,
    participants: organizer
      ? [
          {
            key: draftKey(),
            participantType: 'INTERNAL',
            userId: organizer.id,
            contactId: null,
            label: organizer.name,
            name: null,
            company: null,
            position: null,
            role: 'ORGANIZER',
            attendance: 'CONFIRMED',
          },
        ]
      : [],
    agenda: [],
    products: [],
  }
}

export function draftOf(detail: MeetingDetail): MeetingDraft {
  return {
    id: detail.id,
    title: detail.title,
    description: detail.description ?? '',
    target: detail.target,
    type: detail.type,
    companyId: detail.companyId ?? '',
    date: detail.date,
    startTime: detail.startTime,
    endTime: detail.endTime,
    locationType: detail.locationType ?? '',
    locationAddress: detail.locationAddress ?? '',
    locationRoom: detail.locationRoom ?? '',
    onlineLink: detail.onlineLink ?? '',
    status: detail.status,
    importance: detail.importance,
    hasFollowUp: detail.hasFollowUp,
    followUpDate: detail.followUpDate ?? '',
    opportunityId: detail.opportunityId,
    projectId: detail.projectId,
    participants: detail.participants.map((p) => ({
      key: p.id,
      id: p.id,
      participantType: p.participantType,
      userId: p.userId,
      contactId: p.contactId,
      label: p.displayName,
      name: p.name,
      company: p.company,
      position: p.position,
      role: p.role,
      attendance: p.attendance,
    })),
    agenda: detail.agenda.map((a) => ({
      key: a.id,
      id: a.id,
      topic: a.topic,
      duration: a.duration === null ? '' : String(a.duration),
      presenter: a.presenter ?? '',
    })),
    products: detail.products.map((l) => ({
      key: l.id,
      id: l.id,
      productId: l.productId,
      quantity: String(l.quantity),
      unitPrice: wonText(l.unitPrice === null ? '' : l.unitPrice.toLocaleString('ko-KR')),
      discount: String(l.discountPercent),
    })),
  }
}

/** Typed text as a number for the schema to judge: '' is "none", anything unreadable is NaN (refused with a message). */
const numberOf = (text: string): number | null => (text.trim() === '' ? null : Number(text.replace(/,/g, '')))

export function saveInputOf(draft: MeetingDraft): InputOf<'meetings.save'> {
  return {
    ...(draft.id ? { id: draft.id } : {}),
    title: draft.title,
    description: draft.description,
    target: draft.target,
    type: draft.type,
    companyId: draft.companyId || null,
    opportunityId: draft.opportunityId,
    projectId: draft.projectId,
    date: draft.date,
    startTime: draft.startTime,
    endTime: draft.endTime,
    locationType: draft.locationType || null,
    locationAddress: draft.locationAddress,
    locationRoom: draft.locationRoom,
    onlineLink: draft.onlineLink,
    status: draft.status,
    importance: draft.importance,
    hasFollowUp: draft.hasFollowUp,
    followUpDate: draft.hasFollowUp ? draft.followUpDate : null,
    participants: draft.participants.map((p) => ({
      ...(p.id ? { id: p.id } : {}),
      participantType: p.participantType,
      userId: p.userId,
      contactId: p.contactId,
      name: p.name,
      company: p.company,
      position: p.position,
      role: p.role,
      attendance: p.attendance,
    })),
    // Rows left entirely blank (an extra "안건 추가") are dropped, not refused.
    agenda: draft.agenda
      .filter((a) => a.topic.trim() !== '' || a.duration.trim() !== '' || a.presenter.trim() !== '')
      .map((a) => ({
        ...(a.id ? { id: a.id } : {}),
        topic: a.topic,
        duration: numberOf(a.duration),
        presenter: a.presenter,
      })),
    products: draft.products.map((l) => ({
      ...(l.id ? { id: l.id } : {}),
      productId: l.productId,
      quantity: numberOf(l.quantity) ?? Number.NaN,
      unitPrice: l.unitPrice.valid ? l.unitPrice.value : Number.NaN,
      discountPercent: numberOf(l.discount) ?? 0,
    })),
  }
}

/** A product row's live amounts (the list price stands in for an empty unit price, as main will store it). */
export function draftLineAmounts(line: ProductDraft, options: MeetingOptions | null): ProposalLineAmounts | null {
  const quantity = numberOf(line.quantity)
  const discount = numberOf(line.discount) ?? 0
  if (quantity === null || !Number.isSafeInteger(quantity) || quantity < 1) return null
  if (!Number.isFinite(discount) || discount < 0 || discount > 100 || !line.unitPrice.valid) return null
  const listPrice = options?.products.find((p) => p.id === line.productId)?.listPrice ?? null
  return proposalLineAmounts({ quantity, unitPrice: line.unitPrice.value ?? listPrice, discountPercent: discount })
}

export type MeetingTab = 'overview' | 'participants' | 'agenda' | 'minutes' | 'actionItems' | 'products'

/** Which tab holds the field an error is about ('products.1.quantity' → products). */
export function tabOfField(field: string): MeetingTab {
  const head = field.split('.')[0]
  return head === 'participants' || head === 'agenda' || head === 'products' ? head : 'overview'
}

export type FieldErrors = Partial<Record<string, MeetingValidationKey>>

/**
 * The meeting row's own fields as text, the shape lib/concurrent-edit.ts merges field by field (the dialog's attendee,
 * agenda and product lists are rows of their own tables and stay as they are).
 */
export function overviewOf(draft: MeetingDraft) {
  return {
    title: draft.title,
    description: draft.description,
    target: draft.target as string,
    type: draft.type as string,
    companyId: draft.companyId,
    date: draft.date,
    startTime: draft.startTime,
    endTime: draft.endTime,
    locationType: draft.locationType as string,
    locationAddress: draft.locationAddress,
    locationRoom: draft.locationRoom,
    onlineLink: draft.onlineLink,
    status: draft.status as string,
    importance: draft.importance as string,
    hasFollowUp: draft.hasFollowUp ? '1' : '',
    followUpDate: draft.followUpDate,
    opportunityId: draft.opportunityId ?? '',
    projectId: draft.projectId ?? '',
  }
}
export type MeetingOverviewValues = ReturnType<typeof overviewOf>

/** The draft with `overview` laid over its row fields. */
export function withOverview(draft: MeetingDraft, overview: MeetingOverviewValues): MeetingDraft {
  return {
    ...draft,
    ...overview,
    target: overview.target as MeetingTarget,
    type: overview.type as MeetingType,
    locationType: overview.locationType as MeetingLocationType | '',
    status: overview.status as MeetingStatus,
    importance: overview.importance as MeetingImportance,
    hasFollowUp: overview.hasFollowUp === '1',
    opportunityId: overview.opportunityId || null,
    projectId: overview.projectId || null,
  }
}

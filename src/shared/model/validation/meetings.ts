/**
 * Input schemas of the meetings channels (미팅, 참석자, 안건, 회의록, 액션 아이템, 제안 상품). The same schemas check the IPC
 * input in main and the forms in the renderer; each message is a `meetings.validation.*` i18n key, so a form shows a
 * translated error under the field that caused it. The repository re-checks what needs the replica (the product's
 * list price, the contact's company, a cancelled meeting).
 */
import { z } from 'zod'
import { isIsoDate, isIsoTime } from '../../domain/dates'
import { isUuid } from '../../ids/uuidv7'
import {
  ACTION_ITEM_PRIORITIES,
  ACTION_ITEM_STATUSES,
  CUSTOMER_REACTIONS,
  MEETING_IMPORTANCE,
  MEETING_LOCATION_TYPES,
  MEETING_STATUSES,
  MEETING_TARGETS,
  MEETING_TYPES,
  PARTICIPANT_ATTENDANCE,
  PARTICIPANT_ROLES,
} from '../enums'

export const MEETING_VALIDATION_KEYS = [
  'meetings.validation.required',
  'meetings.validation.tooLong',
  'meetings.validation.date',
  'meetings.validation.time',
  'meetings.validation.endNotAfterStart',
  'meetings.validation.companyRequired',
  'meetings.validation.addressRequired',
  'meetings.validation.linkRequired',
  'meetings.validation.link',
  'meetings.validation.followUpBeforeMeeting',
  'meetings.validation.participant',
  'meetings.validation.duplicateParticipant',
  'meetings.validation.quantity',
  'meetings.validation.price',
  'meetings.validation.discount',
  'meetings.validation.invalid',
] as const
export type MeetingValidationKey = (typeof MEETING_VALIDATION_KEYS)[number]

const msg = (key: MeetingValidationKey): { error: MeetingValidationKey } => ({ error: key })

const idSchema = z.string(msg('meetings.validation.required')).refine(isUuid, msg('meetings.validation.invalid'))
const optionalId = z
  .union([idSchema, z.literal('')])
  .nullish()
  .transform((value) => (value ? value : null))
const dateSchema = z.string(msg('meetings.validation.required')).refine(isIsoDate, msg('meetings.validation.date'))
const optionalDate = z
  .union([dateSchema, z.literal('')])
  .nullish()
  .transform((value) => (value ? value : null))
const timeSchema = z.string(msg('meetings.validation.required')).refine(isIsoTime, msg('meetings.validation.time'))

/** Empty text means "no value": stored as null, never as ''. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, msg('meetings.validation.tooLong'))
    .nullish()
    .transform((value) => (value ? value : null))
const requiredText = (max: number) =>
  z.string(msg('meetings.validation.required')).trim().min(1, msg('meetings.validation.required')).max(max, msg('meetings.validation.tooLong'))
/** A list of short texts (key points, decisions…): blank entries dropped. */
const textList = z
  .array(z.string().trim().max(500, msg('meetings.validation.tooLong')))
  .max(50)
  .default([])
  .transform((items) => items.filter((item) => item.length > 0))

const webLink = z
  .string()
  .trim()
  .max(2048, msg('meetings.validation.tooLong'))
  .refine((value) => {
    try {
      const url = new URL(value)
      return url.protocol === 'https:' || url.protocol === 'http:'
    } catch {
      return false
    }
  }, msg('meetings.validation.link'))

// ---- list / calendar ------------------------------------------------------------------------------------------------

export const meetingListSchema = z
  .strictObject({
    from: dateSchema.optional(),
    /** Exclusive. */
    to: dateSchema.optional(),
    companyId: idSchema.optional(),
    /** Meetings the signed-in user organises or takes part in. */
    mine: z.boolean().default(false),
    status: z.enum(MEETING_STATUSES).optional(),
  })
  .optional()
export type MeetingListInput = z.input<typeof meetingListSchema>

export const meetingCalendarSchema = z
  .strictObject({ from: dateSchema, to: dateSchema, mine: z.boolean().default(false) })
  .refine((r) => r.to > r.from, { path: ['to'], ...msg('meetings.validation.endNotAfterStart') })
export type MeetingCalendarInput = z.input<typeof meetingCalendarSchema>

// ---- the meeting with its participants, agenda and proposed products ------------------------------------------------

export const participantSchema = z
  .strictObject({
    id: idSchema.optional(),
    participantType: z.enum(['INTERNAL', 'EXTERNAL']),
    userId: optionalId,
    contactId: optionalId,
    /** An external participant without a contact card: a free-text name and company. */
    name: optionalText(100),
    company: optionalText(100),
    position: optionalText(100),
    role: z
      .enum(PARTICIPANT_ROLES)
      .nullish()
      .transform((value) => value ?? null),
    attendance: z.enum(PARTICIPANT_ATTENDANCE).default('PENDING'),
  })
  .refine((p) => (p.participantType === 'INTERNAL' ? p.userId !== null : p.contactId !== null || p.name !== null), msg('meetings.validation.participant'))
export type ParticipantInput = z.input<typeof participantSchema>

export const agendaItemSchema = z.strictObject({
  id: idSchema.optional(),
  topic: requiredText(255),
  /** Planned minutes. */
  duration: z
    .number(msg('meetings.validation.invalid'))
    .int()
    .min(1)
    .max(24 * 60)
    .nullish()
    .transform((v) => v ?? null),
  presenter: optionalText(100),
  notes: optionalText(2000),
})
export type AgendaItemInput = z.input<typeof agendaItemSchema>

export const proposedProductSchema = z.strictObject({
  id: idSchema.optional(),
  productId: idSchema,
  quantity: z
    .number(msg('meetings.validation.quantity'))
    .int(msg('meetings.validation.quantity'))
    .min(1, msg('meetings.validation.quantity'))
    .max(1_000_000, msg('meetings.validation.quantity')),
  /** Whole won; null takes the product's list price when saved. */
  unitPrice: z
    .number(msg('meetings.validation.price'))
    .int(msg('meetings.validation.price'))
    .min(0, msg('meetings.validation.price'))
    .max(Number.MAX_SAFE_INTEGER, msg('meetings.validation.price'))
    .nullish()
    .transform((v) => v ?? null),
  /** A rate, 0–100 with at most two decimals (numeric(5,2)). */
  discountPercent: z
    .number(msg('meetings.validation.discount'))
    .min(0, msg('meetings.validation.discount'))
    .max(100, msg('meetings.validation.discount'))
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, msg('meetings.validation.discount'))
    .default(0),
  notes: optionalText(1000),
})
export type ProposedProductInput = z.input<typeof proposedProductSchema>

export const meetingSaveSchema = z
  .strictObject({
    /** Absent: a new meeting. */
    id: idSchema.optional(),
    title: requiredText(255),
    description: optionalText(5000),
    target: z.enum(MEETING_TARGETS),
    type: z.enum(MEETING_TYPES),
    companyId: optionalId,
    opportunityId: optionalId,
    projectId: optionalId,
    date: dateSchema,
    startTime: timeSchema,
    endTime: timeSchema,
    locationType: z
      .enum(MEETING_LOCATION_TYPES)
      .nullish()
      .transform((v) => v ?? null),
    locationAddress: optionalText(500),
    locationRoom: optionalText(100),
    onlineLink: z
      .union([webLink, z.literal('')])
      .nullish()
      .transform((value) => (value ? value : null)),
    status: z.enum(MEETING_STATUSES).default('SCHEDULED'),
    importance: z.enum(MEETING_IMPORTANCE).default('MEDIUM'),
    hasFollowUp: z.boolean().default(false),
    followUpDate: optionalDate,
    participants: z.array(participantSchema).max(200).default([]),
    agenda: z.array(agendaItemSchema).max(100).default([]),
    products: z.array(proposedProductSchema).max(100).default([]),
  })
  .superRefine((m, ctx) => {
    const issue = (path: (string | number)[], key: MeetingValidationKey): void => {
      ctx.addIssue({ code: 'custom', path, message: key })
    }
    if (m.endTime <= m.startTime) issue(['endTime'], 'meetings.validation.endNotAfterStart')
    if (m.target === 'CUSTOMER' && m.companyId === null) issue(['companyId'], 'meetings.validation.companyRequired')
    const onsite = m.locationType === 'ONSITE' || m.locationType === 'HYBRID'
    const online = m.locationType === 'ONLINE' || m.locationType === 'HYBRID'
    // A meeting is often booked before its place is known (대면 is the default): the address or room is needed only once
    // the meeting has taken place.
    if (onsite && m.status === 'COMPLETED' && m.locationAddress === null && m.locationRoom === null) {
      issue(['locationAddress'], 'meetings.validation.addressRequired')
    }
    if (online && m.onlineLink === null) issue(['onlineLink'], 'meetings.validation.linkRequired')
    if (m.followUpDate !== null && m.followUpDate < m.date) issue(['followUpDate'], 'meetings.validation.followUpBeforeMeeting')
    const seen = new Set<string>()
    for (const [index, p] of m.participants.entries()) {
      const key = p.participantType === 'INTERNAL' ? `u:${p.userId}` : p.contactId ? `c:${p.contactId}` : null
      if (key === null) continue
      if (seen.has(key)) issue(['participants', index], 'meetings.validation.duplicateParticipant')
      seen.add(key)
    }
  })
export type MeetingSaveInput = z.input<typeof meetingSaveSchema>
export type MeetingSave = z.output<typeof meetingSaveSchema>

export const meetingCancelSchema = z.strictObject({ id: idSchema })

// ---- minutes and action items ---------------------------------------------------------------------------------------

export const competitorMentionSchema = z.strictObject({
  name: requiredText(100),
  note: z.string().trim().max(500, msg('meetings.validation.tooLong')).optional(),
})

export const minutesSaveSchema = z.strictObject({
  meetingId: idSchema,
  summary: requiredText(10_000),
  keyPoints: textList,
  decisions: textList,
  nextSteps: optionalText(5000),
  customerReaction: z
    .enum(CUSTOMER_REACTIONS)
    .nullish()
    .transform((v) => v ?? null),
  customerConcerns: textList,
  customerInterests: textList,
  competitorsMentioned: z.array(competitorMentionSchema).max(50).default([]),
})
export type MinutesSaveInput = z.input<typeof minutesSaveSchema>
export type MinutesSave = z.output<typeof minutesSaveSchema>

export const actionItemSaveSchema = z.strictObject({
  /** Absent: a new action item. */
  id: idSchema.optional(),
  meetingId: idSchema,
  task: requiredText(255),
  assigneeId: optionalId,
  dueDate: optionalDate,
  priority: z.enum(ACTION_ITEM_PRIORITIES).default('MEDIUM'),
  status: z.enum(ACTION_ITEM_STATUSES).default('PENDING'),
  notes: optionalText(2000),
})
export type ActionItemSaveInput = z.input<typeof actionItemSaveSchema>
export type ActionItemSave = z.output<typeof actionItemSaveSchema>

/** The first message key per field path ('endTime', 'products.1.quantity'), for a form to show under its input. */
export function meetingFieldErrors(error: z.ZodError): Partial<Record<string, MeetingValidationKey>> {
  const out: Partial<Record<string, MeetingValidationKey>> = {}
  for (const issue of error.issues) {
    const field = issue.path.join('.')
    if (out[field]) continue
    out[field] = (MEETING_VALIDATION_KEYS as readonly string[]).includes(issue.message)
      ? (issue.message as MeetingValidationKey)
      : 'meetings.validation.invalid'
  }
  return out
}

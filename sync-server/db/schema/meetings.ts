/**
 * Meetings (seed §5). No stored duration (end − start) or has_minutes (a meeting_minutes row exists): both would go
 * stale when the times or the minutes are edited on another laptop.
 */
import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'
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
  PARTICIPANT_TYPES,
} from '../../../src/shared/model/enums'
import type { AttachmentRef, CompetitorMention } from '../../../src/shared/model/json'
import {
  between,
  count,
  date,
  enumChecks,
  enumText,
  flag,
  jsonList,
  live,
  money,
  nonNegative,
  ordered,
  rate,
  stringList,
  syncColumns,
  timeOfDay,
  timestamptz,
} from './columns'
import { branches, companies, contacts } from './customers'
import { users } from './org'
import { products } from './products'
import { projects } from './projects'
import { opportunities } from './sales'

export const meetings = pgTable(
  'meetings',
  {
    ...syncColumns(),
    code: varchar('code', { length: 50 }).notNull().unique('meetings_code_key'),
    title: varchar('title', { length: 255 }).notNull(),
    description: text('description'),
    target: enumText('target', MEETING_TARGETS, 20).notNull(),
    type: enumText('type', MEETING_TYPES, 50).notNull(),
    companyId: uuid('company_id').references(() => companies.id),
    branchId: uuid('branch_id').references(() => branches.id),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id),
    projectId: uuid('project_id').references(() => projects.id),
    date: date('date').notNull(),
    startTime: timeOfDay('start_time').notNull(),
    endTime: timeOfDay('end_time').notNull(),
    locationType: enumText('location_type', MEETING_LOCATION_TYPES, 20),
    locationAddress: text('location_address'),
    locationRoom: varchar('location_room', { length: 100 }),
    onlineLink: text('online_link'),
    organizerId: uuid('organizer_id')
      .notNull()
      .references(() => users.id),
    status: enumText('status', MEETING_STATUSES, 50).notNull().default('SCHEDULED'),
    importance: enumText('importance', MEETING_IMPORTANCE, 20).notNull().default('MEDIUM'),
    hasFollowUp: flag('has_follow_up').notNull().default(false),
    followUpDate: date('follow_up_date'),
  },
  (t) => [
    ...enumChecks('meetings', t),
    ordered('meetings_times_check', t.startTime, t.endTime, true),
    ordered('meetings_follow_up_date_check', t.date, t.followUpDate),
    index('meetings_date_idx').on(t.date).where(live(t.deletedAt)),
    index('meetings_organizer_id_idx').on(t.organizerId),
    index('meetings_company_id_idx')
      .on(t.companyId)
      .where(sql`${t.companyId} is not null`),
    index('meetings_opportunity_id_idx').on(t.opportunityId),
    index('meetings_project_id_idx').on(t.projectId),
  ],
)

export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    ...syncColumns(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    participantType: enumText('participant_type', PARTICIPANT_TYPES, 20).notNull(),
    /** For an internal participant. */
    userId: uuid('user_id').references(() => users.id),
    /** For an external participant who is a contact. */
    contactId: uuid('contact_id').references(() => contacts.id),
    /** For an external participant who is not (yet) a contact. */
    name: varchar('name', { length: 100 }),
    company: varchar('company', { length: 100 }),
    position: varchar('position', { length: 100 }),
    role: enumText('role', PARTICIPANT_ROLES, 50),
    attendance: enumText('attendance', PARTICIPANT_ATTENDANCE, 20).notNull().default('PENDING'),
  },
  (t) => [
    ...enumChecks('meeting_participants', t),
    check('meeting_participants_identity_check', sql`${t.userId} is not null or ${t.contactId} is not null or ${t.name} is not null`),
    uniqueIndex('meeting_participants_meeting_id_user_id_key')
      .on(t.meetingId, t.userId)
      .where(sql`${t.deletedAt} is null and ${t.userId} is not null`),
    uniqueIndex('meeting_participants_meeting_id_contact_id_key')
      .on(t.meetingId, t.contactId)
      .where(sql`${t.deletedAt} is null and ${t.contactId} is not null`),
    // Scope includes tombstones, so the live-only unique index cannot serve the scope's parent lookup (migration 0017).
    index('meeting_participants_meeting_id_idx').on(t.meetingId),
    index('meeting_participants_user_id_idx').on(t.userId),
    index('meeting_participants_contact_id_idx').on(t.contactId),
  ],
)

export const meetingAgenda = pgTable(
  'meeting_agenda',
  {
    ...syncColumns(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    /** Display order. Not unique: two people reordering offline must not make a save fail. */
    sequence: count('sequence').notNull(),
    topic: varchar('topic', { length: 255 }).notNull(),
    /** Planned minutes for this item (an input, unlike the meeting's duration). */
    duration: count('duration'),
    presenter: varchar('presenter', { length: 100 }),
    notes: text('notes'),
  },
  (t) => [nonNegative('meeting_agenda_duration_check', t.duration), index('meeting_agenda_meeting_id_idx').on(t.meetingId)],
)

export const meetingMinutes = pgTable(
  'meeting_minutes',
  {
    ...syncColumns(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    summary: text('summary').notNull(),
    keyPoints: stringList('key_points'),
    decisions: stringList('decisions'),
    nextSteps: text('next_steps'),
    customerReaction: enumText('customer_reaction', CUSTOMER_REACTIONS, 20),
    customerConcerns: stringList('customer_concerns'),
    customerInterests: stringList('customer_interests'),
    competitorsMentioned: jsonList<CompetitorMention>('competitors_mentioned'),
    attachments: jsonList<AttachmentRef>('attachments'),
  },
  (t) => [
    ...enumChecks('meeting_minutes', t),
    uniqueIndex('meeting_minutes_meeting_id_key').on(t.meetingId).where(live(t.deletedAt)),
    // Scope includes tombstones, so the live-only unique index cannot serve the scope's parent lookup (migration 0017).
    index('meeting_minutes_meeting_id_idx').on(t.meetingId),
  ],
)

export const meetingActionItems = pgTable(
  'meeting_action_items',
  {
    ...syncColumns(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    task: varchar('task', { length: 255 }).notNull(),
    assigneeId: uuid('assignee_id').references(() => users.id),
    dueDate: date('due_date'),
    priority: enumText('priority', ACTION_ITEM_PRIORITIES, 20).notNull().default('MEDIUM'),
    status: enumText('status', ACTION_ITEM_STATUSES, 50).notNull().default('PENDING'),
    completedAt: timestamptz('completed_at'),
    notes: text('notes'),
  },
  (t) => [
    ...enumChecks('meeting_action_items', t),
    index('meeting_action_items_meeting_id_idx').on(t.meetingId),
    index('meeting_action_items_assignee_id_idx').on(t.assigneeId),
  ],
)

/** Products proposed in a meeting. No stored total_price: quantity × unit_price × (1 − discount) is computed. */
export const meetingProducts = pgTable(
  'meeting_products',
  {
    ...syncColumns(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    quantity: count('quantity').notNull().default(1),
    unitPrice: money('unit_price'),
    discountPercent: rate('discount_percent').notNull().default(0),
    notes: text('notes'),
  },
  (t) => [
    check('meeting_products_quantity_check', sql`${t.quantity} > 0`),
    nonNegative('meeting_products_unit_price_check', t.unitPrice),
    between('meeting_products_discount_check', t.discountPercent, 0, 100),
    index('meeting_products_meeting_id_idx').on(t.meetingId),
    index('meeting_products_product_id_idx').on(t.productId),
  ],
)

/** Meetings (seed §5). Device twin of sync-server/db/schema/meetings.ts. */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
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
} from '../../../shared/model/enums'
import type { AttachmentRef, CompetitorMention } from '../../../shared/model/json'
import { count, date, enumText, flag, id, jsonList, money, rate, stringList, syncColumns, timeOfDay, timestamptz } from './columns'
import { branches, companies, contacts } from './customers'
import { users } from './org'
import { products } from './products'
import { projects } from './projects'
import { opportunities } from './sales'

export const meetings = sqliteTable(
  'meetings',
  {
    ...syncColumns(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    target: enumText('target', MEETING_TARGETS).notNull(),
    type: enumText('type', MEETING_TYPES).notNull(),
    companyId: id('company_id').references(() => companies.id),
    branchId: id('branch_id').references(() => branches.id),
    opportunityId: id('opportunity_id').references(() => opportunities.id),
    projectId: id('project_id').references(() => projects.id),
    date: date('date').notNull(),
    startTime: timeOfDay('start_time').notNull(),
    endTime: timeOfDay('end_time').notNull(),
    locationType: enumText('location_type', MEETING_LOCATION_TYPES),
    locationAddress: text('location_address'),
    locationRoom: text('location_room'),
    onlineLink: text('online_link'),
    organizerId: id('organizer_id')
      .notNull()
      .references(() => users.id),
    status: enumText('status', MEETING_STATUSES).notNull().default('SCHEDULED'),
    importance: enumText('importance', MEETING_IMPORTANCE).notNull().default('MEDIUM'),
    hasFollowUp: flag('has_follow_up').notNull().default(false),
    followUpDate: date('follow_up_date'),
  },
  (t) => [index('meetings_date_idx').on(t.date, t.startTime), index('meetings_company_id_idx').on(t.companyId)],
)

export const meetingParticipants = sqliteTable(
  'meeting_participants',
  {
    ...syncColumns(),
    meetingId: id('meeting_id')
      .notNull()
      .references(() => meetings.id),
    participantType: enumText('participant_type', PARTICIPANT_TYPES).notNull(),
    userId: id('user_id').references(() => users.id),
    contactId: id('contact_id').references(() => contacts.id),
    name: text('name'),
    company: text('company'),
    position: text('position'),
    role: enumText('role', PARTICIPANT_ROLES),
    attendance: enumText('attendance', PARTICIPANT_ATTENDANCE).notNull().default('PENDING'),
  },
  (t) => [
    index('meeting_participants_meeting_id_idx').on(t.meetingId),
    // A contact's meetings: the computed last contact day (customers/last-contacted.ts) looks them up per contact on
    // the company page and the contacts directory; without it each contact walked every past meeting (issue 20).
    index('meeting_participants_contact_id_idx').on(t.contactId),
  ],
)

export const meetingAgenda = sqliteTable(
  'meeting_agenda',
  {
    ...syncColumns(),
    meetingId: id('meeting_id')
      .notNull()
      .references(() => meetings.id),
    sequence: count('sequence').notNull(),
    topic: text('topic').notNull(),
    duration: count('duration'),
    presenter: text('presenter'),
    notes: text('notes'),
  },
  (t) => [index('meeting_agenda_meeting_id_idx').on(t.meetingId, t.sequence)],
)

export const meetingMinutes = sqliteTable(
  'meeting_minutes',
  {
    ...syncColumns(),
    meetingId: id('meeting_id')
      .notNull()
      .references(() => meetings.id),
    summary: text('summary').notNull(),
    keyPoints: stringList('key_points'),
    decisions: stringList('decisions'),
    nextSteps: text('next_steps'),
    customerReaction: enumText('customer_reaction', CUSTOMER_REACTIONS),
    customerConcerns: stringList('customer_concerns'),
    customerInterests: stringList('customer_interests'),
    competitorsMentioned: jsonList('competitors_mentioned').$type<CompetitorMention[]>(),
    attachments: jsonList('attachments').$type<AttachmentRef[]>(),
  },
  (t) => [index('meeting_minutes_meeting_id_idx').on(t.meetingId)],
)

export const meetingActionItems = sqliteTable(
  'meeting_action_items',
  {
    ...syncColumns(),
    meetingId: id('meeting_id')
      .notNull()
      .references(() => meetings.id),
    task: text('task').notNull(),
    assigneeId: id('assignee_id').references(() => users.id),
    dueDate: date('due_date'),
    priority: enumText('priority', ACTION_ITEM_PRIORITIES).notNull().default('MEDIUM'),
    status: enumText('status', ACTION_ITEM_STATUSES).notNull().default('PENDING'),
    completedAt: timestamptz('completed_at'),
    notes: text('notes'),
  },
  (t) => [
    index('meeting_action_items_meeting_id_idx').on(t.meetingId),
    // "My open action items" across meetings.
    index('meeting_action_items_assignee_id_idx').on(t.assigneeId, t.status),
  ],
)

export const meetingProducts = sqliteTable(
  'meeting_products',
  {
    ...syncColumns(),
    meetingId: id('meeting_id')
      .notNull()
      .references(() => meetings.id),
    productId: id('product_id')
      .notNull()
      .references(() => products.id),
    quantity: count('quantity').notNull().default(1),
    unitPrice: money('unit_price'),
    discountPercent: rate('discount_percent').notNull().default(0),
    notes: text('notes'),
  },
  (t) => [index('meeting_products_meeting_id_idx').on(t.meetingId)],
)

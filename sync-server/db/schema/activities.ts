/**
 * The activity timeline (seed §9): calls, e-mails, meetings, notes, tasks and KakaoTalk conversations logged against
 * a company, contact, lead, opportunity or project. Now editable and deletable like every synced row.
 */
import { index, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core'
import { ACTIVITY_ENTITY_TYPES, ACTIVITY_TYPES } from '../../../src/shared/model/enums'
import { count, enumChecks, enumText, nonNegative, ordered, syncColumns, timestamptz } from './columns'

export const activities = pgTable(
  'activities',
  {
    ...syncColumns(),
    entityType: enumText('entity_type', ACTIVITY_ENTITY_TYPES, 50).notNull(),
    /** Polymorphic: the id of a row of the table entity_type names, so not a foreign key. */
    entityId: uuid('entity_id').notNull(),
    activityType: enumText('activity_type', ACTIVITY_TYPES, 50).notNull(),
    subject: varchar('subject', { length: 255 }),
    description: text('description'),
    startTime: timestamptz('start_time'),
    endTime: timestamptz('end_time'),
    /** Minutes, for when only a length is known ("a 10-minute call"). */
    duration: count('duration'),
    outcome: text('outcome'),
    nextAction: text('next_action'),
  },
  (t) => [
    ...enumChecks('activities', t),
    ordered('activities_times_check', t.startTime, t.endTime),
    nonNegative('activities_duration_check', t.duration),
    index('activities_entity_idx').on(t.entityType, t.entityId),
    index('activities_created_idx').on(t.createdAt, t.createdBy),
    index('activities_created_by_idx').on(t.createdBy),
  ],
)

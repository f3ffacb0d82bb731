/** The activity timeline (seed §9). Device twin of sync-server/db/schema/activities.ts. */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { ACTIVITY_ENTITY_TYPES, ACTIVITY_TYPES } from '../../../shared/model/enums'
import { count, enumText, id, syncColumns, timestamptz } from './columns'

export const activities = sqliteTable(
  'activities',
  {
    ...syncColumns(),
    entityType: enumText('entity_type', ACTIVITY_ENTITY_TYPES).notNull(),
    entityId: id('entity_id').notNull(),
    activityType: enumText('activity_type', ACTIVITY_TYPES).notNull(),
    subject: text('subject'),
    description: text('description'),
    startTime: timestamptz('start_time'),
    endTime: timestamptz('end_time'),
    duration: count('duration'),
    outcome: text('outcome'),
    nextAction: text('next_action'),
  },
  (t) => [
    // A record's timeline, newest first.
    index('activities_entity_idx').on(t.entityType, t.entityId, t.createdAt),
    index('activities_created_idx').on(t.createdAt, t.createdBy),
  ],
)

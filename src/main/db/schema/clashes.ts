/**
 * Instructor double bookings the sync server recorded across projects (docs/hrd-training-rules.md § Instructors across
 * projects). Written by the server only; the device reads them beside its own check. No foreign keys: the other class
 * and project are usually not on this device. Device twin of sync-server/db/schema/clashes.ts.
 */
import { index, sqliteTable } from 'drizzle-orm/sqlite-core'
import { count, date, id, syncColumns, timeOfDay, timestamptz } from './columns'

export const instructorClashes = sqliteTable(
  'instructor_clashes',
  {
    ...syncColumns(),
    instructorId: id('instructor_id').notNull(),
    date: date('date').notNull(),
    overlapStart: timeOfDay('overlap_start').notNull(),
    overlapEnd: timeOfDay('overlap_end').notNull(),
    classAId: id('class_a_id').notNull(),
    projectAId: id('project_a_id').notNull(),
    sessionANumber: count('session_a_number').notNull(),
    classANumber: count('class_a_number').notNull(),
    startA: timeOfDay('start_a').notNull(),
    endA: timeOfDay('end_a').notNull(),
    coordinatorAId: id('coordinator_a_id'),
    classBId: id('class_b_id').notNull(),
    projectBId: id('project_b_id').notNull(),
    sessionBNumber: count('session_b_number').notNull(),
    classBNumber: count('class_b_number').notNull(),
    startB: timeOfDay('start_b').notNull(),
    endB: timeOfDay('end_b').notNull(),
    coordinatorBId: id('coordinator_b_id'),
    detectedAt: timestamptz('detected_at').notNull(),
    checkedAt: timestamptz('checked_at').notNull(),
  },
  (t) => [index('instructor_clashes_class_a_id_idx').on(t.classAId), index('instructor_clashes_class_b_id_idx').on(t.classBId)],
)

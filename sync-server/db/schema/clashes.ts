/**
 * Instructor double bookings across projects (docs/hrd-training-rules.md § Instructors across projects), recorded by
 * the sync server when a push changes a class's instructor or time (sync-server/src/sync/instructor-clashes.ts). One
 * row per pair of classes (id from both class ids, `instructorClashId`), class A being the smaller id. Devices never
 * write it (authorizeWrite refuses); a clash that no longer holds is soft-deleted and comes back by the same id.
 *
 * No foreign keys: a device receives the row while holding only one of the two classes (the other project is out of
 * its scope), so the row carries what the device may show of the other side (numbers, times, coordinator) itself.
 * Twin of src/main/db/schema/clashes.ts.
 */
import { sql } from 'drizzle-orm'
import { check, index, pgTable, uuid } from 'drizzle-orm/pg-core'
import { count, date, ordered, syncColumns, timeOfDay, timestamptz } from './columns'

export const instructorClashes = pgTable(
  'instructor_clashes',
  {
    ...syncColumns(),
    instructorId: uuid('instructor_id').notNull(),
    date: date('date').notNull(),
    /** The part of the day both classes take. */
    overlapStart: timeOfDay('overlap_start').notNull(),
    overlapEnd: timeOfDay('overlap_end').notNull(),
    classAId: uuid('class_a_id').notNull(),
    projectAId: uuid('project_a_id').notNull(),
    sessionANumber: count('session_a_number').notNull(),
    classANumber: count('class_a_number').notNull(),
    startA: timeOfDay('start_a').notNull(),
    endA: timeOfDay('end_a').notNull(),
    /** Whom to call about class A: its 차수's coordinator, else the project's coordinator, PM or operator. */
    coordinatorAId: uuid('coordinator_a_id'),
    classBId: uuid('class_b_id').notNull(),
    projectBId: uuid('project_b_id').notNull(),
    sessionBNumber: count('session_b_number').notNull(),
    classBNumber: count('class_b_number').notNull(),
    startB: timeOfDay('start_b').notNull(),
    endB: timeOfDay('end_b').notNull(),
    coordinatorBId: uuid('coordinator_b_id'),
    /** When the server first saw the pair clash (again, after a resolution). */
    detectedAt: timestamptz('detected_at').notNull(),
    /** When the server last re-checked the pair and found it still clashing. */
    checkedAt: timestamptz('checked_at').notNull(),
  },
  (t) => [
    ordered('instructor_clashes_overlap_check', t.overlapStart, t.overlapEnd, true),
    check('instructor_clashes_pair_check', sql`${t.classAId} < ${t.classBId}`),
    index('instructor_clashes_class_a_id_idx').on(t.classAId),
    index('instructor_clashes_class_b_id_idx').on(t.classBId),
    // The scope predicate: a clash is seen by whoever sees either project.
    index('instructor_clashes_project_a_id_idx').on(t.projectAId),
    index('instructor_clashes_project_b_id_idx').on(t.projectBId),
  ],
)

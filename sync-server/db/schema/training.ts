/**
 * Training delivery (seed §4 + the missing attendance model): instructors, 차수 (sessions), 분반 (classes), trainees,
 * enrolments, attendance and feedback. No stored counters: enrolled, attended and satisfaction figures are counted
 * from enrollments, attendance_records and training_feedback, so two coordinators marking attendance offline on two
 * laptops can never lose each other's counts.
 */
import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'
import { ATTENDANCE_STATUSES, CLASS_STATUSES, ENROLLMENT_STATUSES, SESSION_STATUSES } from '../../../src/shared/model/enums'
import {
  between,
  count,
  date,
  enumChecks,
  enumText,
  flag,
  id,
  live,
  money,
  nonNegative,
  now,
  ordered,
  rate,
  stringList,
  syncColumns,
  timeOfDay,
  timestamptz,
} from './columns'
import { branches, companies, contacts } from './customers'
import { users } from './org'
import { projects } from './projects'

/** Reference data. `rating` is the company's own grade of the instructor; feedback scores are computed separately. */
export const instructors = pgTable(
  'instructors',
  {
    ...syncColumns(),
    code: varchar('code', { length: 50 }).notNull().unique('instructors_code_key'),
    firstName: varchar('first_name', { length: 100 }).notNull(),
    lastName: varchar('last_name', { length: 100 }).notNull(),
    email: varchar('email', { length: 255 }).notNull(),
    phone: varchar('phone', { length: 20 }),
    specialties: stringList('specialties'),
    rating: rate('rating'),
    hourlyRate: money('hourly_rate'),
    bio: text('bio'),
    certifications: stringList('certifications'),
    isInternal: flag('is_internal').notNull().default(false),
    isActive: flag('is_active').notNull().default(true),
  },
  (t) => [
    check('instructors_rating_check', sql`${t.rating} between 1 and 5`),
    nonNegative('instructors_hourly_rate_check', t.hourlyRate),
    uniqueIndex('instructors_email_key')
      .on(sql`lower(${t.email})`)
      .where(live(t.deletedAt)),
  ],
)

/** 차수: one run of a project's programme. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    ...syncColumns(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    sessionNumber: count('session_number').notNull(),
    name: varchar('name', { length: 255 }),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    status: enumText('status', SESSION_STATUSES, 50).notNull().default('SCHEDULED'),
    coordinatorId: uuid('coordinator_id').references(() => users.id),
    location: varchar('location', { length: 255 }),
    maxParticipants: count('max_participants'),
    notes: text('notes'),
  },
  (t) => [
    ...enumChecks('training_sessions', t),
    ordered('training_sessions_dates_check', t.startDate, t.endDate),
    check('training_sessions_numbers_check', sql`${t.sessionNumber} > 0 and ${t.maxParticipants} > 0`),
    // Not unique: two coordinators offline can both create "1차"; both rows are kept and the app flags the clash for a
    // person to renumber (docs/hrd-training-rules.md). A unique index would refuse the second device's session.
    index('training_sessions_project_id_session_number_idx').on(t.projectId, t.sessionNumber),
    index('training_sessions_coordinator_id_idx').on(t.coordinatorId),
  ],
)

/** 분반: one class (a group on a day) of a session. */
export const trainingClasses = pgTable(
  'training_classes',
  {
    ...syncColumns(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    classNumber: count('class_number').notNull(),
    name: varchar('name', { length: 255 }),
    date: date('date').notNull(),
    startTime: timeOfDay('start_time').notNull(),
    endTime: timeOfDay('end_time').notNull(),
    instructorId: uuid('instructor_id').references(() => instructors.id),
    room: varchar('room', { length: 100 }),
    topic: varchar('topic', { length: 255 }),
    materialsUrl: text('materials_url'),
    maxParticipants: count('max_participants'),
    status: enumText('status', CLASS_STATUSES, 50).notNull().default('SCHEDULED'),
  },
  (t) => [
    ...enumChecks('training_classes', t),
    ordered('training_classes_times_check', t.startTime, t.endTime, true),
    check('training_classes_numbers_check', sql`${t.classNumber} > 0 and ${t.maxParticipants} > 0`),
    index('training_classes_session_id_class_number_idx').on(t.sessionId, t.classNumber),
    // Instructor double-booking checks look up an instructor's classes by date.
    index('training_classes_instructor_id_date_idx').on(t.instructorId, t.date),
  ],
)

/** New: a person who takes classes. Usually an employee of a customer; linked to a contact when they are one. */
export const trainees = pgTable(
  'trainees',
  {
    ...syncColumns(),
    companyId: uuid('company_id').references(() => companies.id),
    branchId: uuid('branch_id').references(() => branches.id),
    contactId: uuid('contact_id').references(() => contacts.id),
    firstName: varchar('first_name', { length: 100 }).notNull(),
    lastName: varchar('last_name', { length: 100 }).notNull(),
    /** 사번: how the customer's HR identifies the trainee in rosters and completion reports. */
    employeeNumber: varchar('employee_number', { length: 50 }),
    department: varchar('department', { length: 100 }),
    position: varchar('position', { length: 100 }),
    email: varchar('email', { length: 255 }),
    phone: varchar('phone', { length: 20 }),
    notes: text('notes'),
  },
  (t) => [
    uniqueIndex('trainees_company_id_employee_number_key')
      .on(t.companyId, t.employeeNumber)
      .where(sql`${t.deletedAt} is null and ${t.employeeNumber} is not null`),
    index('trainees_contact_id_idx').on(t.contactId),
    index('trainees_branch_id_idx').on(t.branchId),
    // Scope: a trainee is also seen by whoever created it (sync-server/src/sync/scope.ts).
    index('trainees_created_by_idx').on(t.createdBy),
  ],
)

/** New: a trainee's place in a class. Only CONFIRMED counts as enrolled. */
export const enrollments = pgTable(
  'enrollments',
  {
    ...syncColumns(),
    classId: uuid('class_id')
      .notNull()
      .references(() => trainingClasses.id),
    traineeId: uuid('trainee_id')
      .notNull()
      .references(() => trainees.id),
    status: enumText('status', ENROLLMENT_STATUSES, 20).notNull().default('APPLIED'),
    notes: text('notes'),
  },
  (t) => [
    ...enumChecks('enrollments', t),
    uniqueIndex('enrollments_class_id_trainee_id_key').on(t.classId, t.traineeId).where(live(t.deletedAt)),
    // Scope includes tombstones, so the live-only unique index cannot serve the scope's parent lookup (migration 0017).
    index('enrollments_class_id_idx').on(t.classId),
    index('enrollments_trainee_id_idx').on(t.traineeId),
  ],
)

/**
 * New: one attendance mark per trainee per class, walk-ins included (no enrolment needed). Who recorded it, when and
 * on which device are kept because marks are taken offline in the training room and merged later.
 */
export const attendanceRecords = pgTable(
  'attendance_records',
  {
    ...syncColumns(),
    classId: uuid('class_id')
      .notNull()
      .references(() => trainingClasses.id),
    traineeId: uuid('trainee_id')
      .notNull()
      .references(() => trainees.id),
    status: enumText('status', ATTENDANCE_STATUSES, 20).notNull(),
    /** Minutes actually attended, for completion rules such as "≥ 80% of the hours". */
    minutesAttended: count('minutes_attended'),
    checkInTime: timeOfDay('check_in_time'),
    checkOutTime: timeOfDay('check_out_time'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamptz('recorded_at').notNull().default(now),
    /** The device the mark was taken on (sync_devices.device_id on the server; not a foreign key there). */
    recordedDeviceId: id('recorded_device_id'),
    remarks: text('remarks'),
  },
  (t) => [
    ...enumChecks('attendance_records', t),
    nonNegative('attendance_records_minutes_check', t.minutesAttended),
    ordered('attendance_records_times_check', t.checkInTime, t.checkOutTime),
    uniqueIndex('attendance_records_class_id_trainee_id_key').on(t.classId, t.traineeId).where(live(t.deletedAt)),
    // Scope includes tombstones, so the live-only unique index cannot serve the scope's parent lookup (migration 0017).
    index('attendance_records_class_id_idx').on(t.classId),
    index('attendance_records_trainee_id_idx').on(t.traineeId),
  ],
)

/** New: satisfaction survey answers (1–5). A session's satisfaction score is their average. */
export const trainingFeedback = pgTable(
  'training_feedback',
  {
    ...syncColumns(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    classId: uuid('class_id').references(() => trainingClasses.id),
    instructorId: uuid('instructor_id').references(() => instructors.id),
    /** Null for an anonymous answer. */
    traineeId: uuid('trainee_id').references(() => trainees.id),
    overallRating: rate('overall_rating').notNull(),
    contentRating: rate('content_rating'),
    instructorRating: rate('instructor_rating'),
    operationRating: rate('operation_rating'),
    comment: text('comment'),
    submittedAt: timestamptz('submitted_at').notNull().default(now),
  },
  (t) => [
    between('training_feedback_overall_rating_check', t.overallRating, 1, 5),
    between('training_feedback_content_rating_check', t.contentRating, 1, 5),
    between('training_feedback_instructor_rating_check', t.instructorRating, 1, 5),
    between('training_feedback_operation_rating_check', t.operationRating, 1, 5),
    index('training_feedback_session_id_idx').on(t.sessionId),
    index('training_feedback_class_id_idx').on(t.classId),
    index('training_feedback_instructor_id_idx').on(t.instructorId),
  ],
)

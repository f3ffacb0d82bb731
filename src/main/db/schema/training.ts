/**
 * Training delivery: instructors, 차수 (sessions), 분반 (classes), trainees, enrolments, attendance and feedback.
 * Device twin of sync-server/db/schema/training.ts. Attendance is taken here, offline, in the training room.
 */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { ATTENDANCE_STATUSES, CLASS_STATUSES, ENROLLMENT_STATUSES, SESSION_STATUSES } from '../../../shared/model/enums'
import { count, date, enumText, flag, id, money, now, rate, stringList, syncColumns, timeOfDay, timestamptz } from './columns'
import { branches, companies, contacts } from './customers'
import { users } from './org'
import { projects } from './projects'

export const instructors = sqliteTable('instructors', {
  ...syncColumns(),
  code: text('code').notNull(),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  email: text('email').notNull(),
  phone: text('phone'),
  specialties: stringList('specialties'),
  rating: rate('rating'),
  hourlyRate: money('hourly_rate'),
  bio: text('bio'),
  certifications: stringList('certifications'),
  isInternal: flag('is_internal').notNull().default(false),
  isActive: flag('is_active').notNull().default(true),
})

export const trainingSessions = sqliteTable(
  'training_sessions',
  {
    ...syncColumns(),
    projectId: id('project_id')
      .notNull()
      .references(() => projects.id),
    sessionNumber: count('session_number').notNull(),
    name: text('name'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    status: enumText('status', SESSION_STATUSES).notNull().default('SCHEDULED'),
    coordinatorId: id('coordinator_id').references(() => users.id),
    location: text('location'),
    maxParticipants: count('max_participants'),
    notes: text('notes'),
  },
  (t) => [index('training_sessions_project_id_idx').on(t.projectId)],
)

export const trainingClasses = sqliteTable(
  'training_classes',
  {
    ...syncColumns(),
    sessionId: id('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    classNumber: count('class_number').notNull(),
    name: text('name'),
    date: date('date').notNull(),
    startTime: timeOfDay('start_time').notNull(),
    endTime: timeOfDay('end_time').notNull(),
    instructorId: id('instructor_id').references(() => instructors.id),
    room: text('room'),
    topic: text('topic'),
    materialsUrl: text('materials_url'),
    maxParticipants: count('max_participants'),
    status: enumText('status', CLASS_STATUSES).notNull().default('SCHEDULED'),
  },
  (t) => [
    index('training_classes_session_id_idx').on(t.sessionId),
    // Today's classes and the instructor double-booking warning.
    index('training_classes_date_idx').on(t.date, t.instructorId),
  ],
)

export const trainees = sqliteTable(
  'trainees',
  {
    ...syncColumns(),
    companyId: id('company_id').references(() => companies.id),
    branchId: id('branch_id').references(() => branches.id),
    contactId: id('contact_id').references(() => contacts.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** 사번. */
    employeeNumber: text('employee_number'),
    department: text('department'),
    position: text('position'),
    email: text('email'),
    phone: text('phone'),
    notes: text('notes'),
  },
  (t) => [index('trainees_company_id_idx').on(t.companyId, t.employeeNumber)],
)

export const enrollments = sqliteTable(
  'enrollments',
  {
    ...syncColumns(),
    classId: id('class_id')
      .notNull()
      .references(() => trainingClasses.id),
    traineeId: id('trainee_id')
      .notNull()
      .references(() => trainees.id),
    status: enumText('status', ENROLLMENT_STATUSES).notNull().default('APPLIED'),
    notes: text('notes'),
  },
  (t) => [index('enrollments_class_id_idx').on(t.classId), index('enrollments_trainee_id_idx').on(t.traineeId)],
)

export const attendanceRecords = sqliteTable(
  'attendance_records',
  {
    ...syncColumns(),
    classId: id('class_id')
      .notNull()
      .references(() => trainingClasses.id),
    traineeId: id('trainee_id')
      .notNull()
      .references(() => trainees.id),
    status: enumText('status', ATTENDANCE_STATUSES).notNull(),
    minutesAttended: count('minutes_attended'),
    checkInTime: timeOfDay('check_in_time'),
    checkOutTime: timeOfDay('check_out_time'),
    recordedBy: id('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamptz('recorded_at').notNull().default(now),
    recordedDeviceId: id('recorded_device_id'),
    remarks: text('remarks'),
  },
  (t) => [index('attendance_records_class_id_idx').on(t.classId, t.traineeId), index('attendance_records_trainee_id_idx').on(t.traineeId)],
)

export const trainingFeedback = sqliteTable(
  'training_feedback',
  {
    ...syncColumns(),
    sessionId: id('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    classId: id('class_id').references(() => trainingClasses.id),
    instructorId: id('instructor_id').references(() => instructors.id),
    traineeId: id('trainee_id').references(() => trainees.id),
    overallRating: rate('overall_rating').notNull(),
    contentRating: rate('content_rating'),
    instructorRating: rate('instructor_rating'),
    operationRating: rate('operation_rating'),
    comment: text('comment'),
    submittedAt: timestamptz('submitted_at').notNull().default(now),
  },
  (t) => [index('training_feedback_session_id_idx').on(t.sessionId)],
)

/**
 * Input schemas of the projects / training channels: 차수 (session) and 분반 (class) creation, attendance marks and
 * walk-ins. Validated in main before a handler runs; the repositories re-check the rules that need the replica.
 */
import { z } from 'zod'
import { isIsoTime } from '../../domain/dates'
import { isValidEmail, normalizeEmail } from '../../domain/email'
import { isValidPhone, normalizePhone } from '../../domain/phone'
import {
  ATTENDANCE_STATUSES,
  CLASS_STATUSES,
  ENROLLMENT_STATUSES,
  SESSION_STATUSES,
  PROJECT_HEALTH,
  PROJECT_PHASES,
  PROJECT_PRIORITIES,
  PROJECT_STATUSES,
  PROJECT_TEAM_ROLES,
} from '../enums'
import { idSchema, isoDateSchema } from './common'

const timeSchema = z.string().refine(isIsoTime, 'must be a time HH:MM')
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null))
/**
 * A class or session capacity; an empty field means "no limit". Zero or negative passes the schema on purpose: the
 * repository refuses it with its own message (`training.invalidCapacity`) instead of a generic "invalid input".
 */
const capacitySchema = z
  .number()
  .int()
  .min(-10_000)
  .max(10_000)
  .nullish()
  .transform((value) => value ?? null)

export const projectListSchema = z
  .strictObject({
    status: z.enum(PROJECT_STATUSES).optional(),
    phase: z.enum(PROJECT_PHASES).optional(),
    health: z.enum(PROJECT_HEALTH).optional(),
    priority: z.enum(PROJECT_PRIORITIES).optional(),
  })
  .optional()
export type ProjectListInput = z.input<typeof projectListSchema>

export const sessionCreateSchema = z
  .strictObject({
    projectId: idSchema,
    name: optionalText(200),
    startDate: isoDateSchema,
    endDate: isoDateSchema,
    location: optionalText(200),
    maxParticipants: capacitySchema,
  })
  .refine((s) => s.endDate >= s.startDate, { path: ['endDate'], message: 'must not be before startDate' })
export type SessionCreateInput = z.input<typeof sessionCreateSchema>

export const classCreateSchema = z
  .strictObject({
    sessionId: idSchema,
    name: optionalText(200),
    date: isoDateSchema,
    startTime: timeSchema,
    endTime: timeSchema,
    instructorId: idSchema.nullish().transform((value) => value ?? null),
    room: optionalText(100),
    topic: optionalText(300),
    maxParticipants: capacitySchema,
    /** The user saw the double-booking warning and books anyway (recorded on the project's timeline). */
    allowDoubleBooking: z.boolean().default(false),
  })
  .refine((c) => c.endTime > c.startTime, { path: ['endTime'], message: 'must be after startTime' })
export type ClassCreateInput = z.input<typeof classCreateSchema>

export const attendanceMarkSchema = z.strictObject({
  classId: idSchema,
  traineeId: idSchema,
  status: z.enum(ATTENDANCE_STATUSES),
  /** Undefined keeps the current remarks; null or '' clears them. */
  remarks: z.string().trim().max(500).nullish(),
  /** An administrator marks a class that has not started (recorded on the mark); refused for anyone else. */
  override: z.boolean().default(false),
})
export type AttendanceMarkInput = z.input<typeof attendanceMarkSchema>

export const walkInSchema = z.strictObject({
  classId: idSchema,
  lastName: z.string().trim().min(1).max(50),
  firstName: z.string().trim().min(1).max(50),
  department: optionalText(100),
  phone: z
    .string()
    .trim()
    .max(30)
    .nullish()
    .refine((value) => !value || isValidPhone(value), 'must be a phone number')
    .transform((value) => (value ? normalizePhone(value) : null)),
  email: z
    .string()
    .trim()
    .nullish()
    .refine((value) => !value || isValidEmail(value), 'must be an e-mail address')
    .transform((value) => (value ? normalizeEmail(value) : null)),
  /** The mark given while the class runs (default 출석); before or after the class no mark is written. */
  status: z.enum(ATTENDANCE_STATUSES).default('PRESENT'),
})
export type WalkInInput = z.input<typeof walkInSchema>

/** A 차수 edited: the same fields as a new one plus its number (editable, so a clash from two devices can be fixed). */
export const sessionUpdateSchema = z
  .strictObject({
    id: idSchema,
    sessionNumber: z.number().int().min(1).max(999),
    name: optionalText(200),
    startDate: isoDateSchema,
    endDate: isoDateSchema,
    location: optionalText(200),
    maxParticipants: capacitySchema,
    status: z.enum(SESSION_STATUSES),
  })
  .refine((s) => s.endDate >= s.startDate, { path: ['endDate'], message: 'must not be before startDate' })
export type SessionUpdateInput = z.input<typeof sessionUpdateSchema>

/** A 분반 edited; the double-booking check runs again (the class itself excluded). */
export const classUpdateSchema = z
  .strictObject({
    id: idSchema,
    classNumber: z.number().int().min(1).max(999),
    name: optionalText(200),
    date: isoDateSchema,
    startTime: timeSchema,
    endTime: timeSchema,
    instructorId: idSchema.nullish().transform((value) => value ?? null),
    room: optionalText(100),
    topic: optionalText(300),
    maxParticipants: capacitySchema,
    status: z.enum(CLASS_STATUSES),
    allowDoubleBooking: z.boolean().default(false),
  })
  .refine((c) => c.endTime > c.startTime, { path: ['endTime'], message: 'must be after startTime' })
export type ClassUpdateInput = z.input<typeof classUpdateSchema>

/** Deleting a class that has attendance marks needs `confirmAttendance` (the marks are kept, hidden with the class). */
export const classDeleteSchema = z.strictObject({ id: idSchema, confirmAttendance: z.boolean().default(false) })
export type ClassDeleteInput = z.input<typeof classDeleteSchema>

export const enrollmentStatusSchema = z.strictObject({
  enrollmentId: idSchema,
  status: z.enum(ENROLLMENT_STATUSES),
})
export type EnrollmentStatusInput = z.input<typeof enrollmentStatusSchema>

const ratingSchema = z.number().min(1).max(5).multipleOf(0.5)
/** One satisfaction answer (만족도), 1–5; a class is optional (a session-level survey), the trainee is not asked for. */
export const feedbackRecordSchema = z.strictObject({
  sessionId: idSchema,
  classId: idSchema.nullish().transform((value) => value ?? null),
  overallRating: ratingSchema,
  contentRating: ratingSchema.nullish().transform((value) => value ?? null),
  instructorRating: ratingSchema.nullish().transform((value) => value ?? null),
  operationRating: ratingSchema.nullish().transform((value) => value ?? null),
  comment: optionalText(2000),
})
export type FeedbackRecordInput = z.input<typeof feedbackRecordSchema>

/** A project team member (프로젝트 팀): one live row per (project, user), so adding the same person twice edits them. */
export const teamMemberSaveSchema = z.strictObject({
  projectId: idSchema,
  userId: idSchema,
  role: z
    .enum(PROJECT_TEAM_ROLES)
    .nullish()
    .transform((value) => value ?? null),
  allocationPercent: z.number().int().min(0).max(100),
})
export type TeamMemberSaveInput = z.input<typeof teamMemberSaveSchema>

export const teamMemberRemoveSchema = z.strictObject({ projectId: idSchema, userId: idSchema })

/** The project's completion rule (수료 기준): whole percent of scheduled hours, 0–100; null = back to the default. */
export const completionRuleSchema = z.strictObject({
  projectId: idSchema,
  completionPercent: z.number().int().min(0).max(100).nullable(),
})
export type CompletionRuleInput = z.input<typeof completionRuleSchema>

const tags = z
  .array(z.string().trim().max(100))
  .max(30)
  .default([])
  .transform((list) => [...new Set(list.filter((item) => item.length > 0))])

/** An instructor (강사): internal staff or an external lecturer, with what they teach and the company's own 1–5 grade. */
export const instructorSaveSchema = z.strictObject({
  id: idSchema.optional(),
  lastName: z.string().trim().min(1).max(50),
  firstName: z.string().trim().min(1).max(50),
  email: z
    .string()
    .trim()
    .refine(isValidEmail, 'must be an e-mail address')
    .transform((value) => normalizeEmail(value)),
  phone: z
    .string()
    .trim()
    .max(30)
    .nullish()
    .refine((value) => !value || isValidPhone(value), 'must be a phone number')
    .transform((value) => (value ? normalizePhone(value) : null)),
  specialties: tags,
  certifications: tags,
  rating: z
    .number()
    .min(1)
    .max(5)
    .multipleOf(0.5)
    .nullish()
    .transform((value) => value ?? null),
  hourlyRate: z
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .nullish()
    .transform((value) => value ?? null),
  bio: optionalText(2000),
  isInternal: z.boolean().default(false),
  isActive: z.boolean().default(true),
})
export type InstructorSaveInput = z.input<typeof instructorSaveSchema>

const phoneField = z
  .string()
  .trim()
  .max(30)
  .nullish()
  .refine((value) => !value || isValidPhone(value), 'must be a phone number')
  .transform((value) => (value ? normalizePhone(value) : null))
const emailField = z
  .string()
  .trim()
  .nullish()
  .refine((value) => !value || isValidEmail(value), 'must be an e-mail address')
  .transform((value) => (value ? normalizeEmail(value) : null))

/** A trainee typed, pasted (parsePastedTrainees) or imported: name, mobile or e-mail, 소속. */
export const traineeRowSchema = z
  .strictObject({
    lastName: z.string().trim().max(50),
    firstName: z.string().trim().max(50),
    phone: phoneField,
    email: emailField,
    companyName: optionalText(200),
    department: optionalText(100),
    position: optionalText(100),
  })
  .refine((t) => (t.lastName + t.firstName).length > 0, { path: ['firstName'], message: 'a name is needed' })

/** Enrol existing trainees and / or new rows into one class or every class of a session (one of the two). */
export const enrolSchema = z
  .strictObject({
    classId: idSchema.optional(),
    sessionId: idSchema.optional(),
    traineeIds: z.array(idSchema).max(2_000).default([]),
    rows: z.array(traineeRowSchema).max(2_000).default([]),
  })
  .refine((e) => (e.classId === undefined) !== (e.sessionId === undefined), { path: ['classId'], message: 'a class or a session' })
export type EnrolInput = z.input<typeof enrolSchema>

export const traineeMergeSchema = z.strictObject({ keepId: idSchema, mergeIds: z.array(idSchema).min(1).max(50) })

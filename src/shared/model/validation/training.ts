/**
 * Input schemas of the projects / training channels: 차수 (session) and 분반 (class) creation, attendance marks and
 * walk-ins. Validated in main before a handler runs; the repositories re-check the rules that need the replica.
 */
import { z } from 'zod'
import { isIsoTime } from '../../domain/dates'
import {
  ATTENDANCE_STATUSES,
  PROJECT_HEALTH,
  PROJECT_PHASES,
  PROJECT_PRIORITIES,
  PROJECT_STATUSES,
} from '../enums'
import { idSchema, isoDateSchema } from './sales'

const timeSchema = z.string().refine(isIsoTime, 'must be a time HH:MM')
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null))
/** A class or session capacity: at least one seat; an empty field means "no limit". */
const capacitySchema = z.number().int().min(1).max(10_000).nullish().transform((value) => value ?? null)

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
})
export type AttendanceMarkInput = z.input<typeof attendanceMarkSchema>

export const walkInSchema = z.strictObject({
  classId: idSchema,
  lastName: z.string().trim().min(1).max(50),
  firstName: z.string().trim().min(1).max(50),
  department: optionalText(100),
  phone: optionalText(30),
  status: z.enum(ATTENDANCE_STATUSES).default('PRESENT'),
})
export type WalkInInput = z.input<typeof walkInSchema>

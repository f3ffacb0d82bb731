/** Contract entries of the projects and training channels (spread into `ipcContract`). */
import { z } from 'zod'
import { idSchema, isoDateSchema } from '../model/validation/sales'
import {
  attendanceMarkSchema,
  classCreateSchema,
  projectListSchema,
  sessionCreateSchema,
  walkInSchema,
} from '../model/validation/training'
import { type Returns } from './contract'
import { type TrainingChannel } from './training-channels'
import {
  type AgendaClass,
  type ClassCreateResult,
  type ClassRoster,
  type InstructorOption,
  type ProjectDetail,
  type ProjectSummary,
} from './training-types'

function returns<T>(): Returns<T> {
  return {}
}

const byClass = z.strictObject({ classId: idSchema })

export const trainingContract = {
  'projects.list': { input: projectListSchema, output: returns<readonly ProjectSummary[]>() },
  'projects.get': { input: z.strictObject({ id: idSchema }), output: returns<ProjectDetail>() },
  'sessions.create': { input: sessionCreateSchema, output: returns<ProjectDetail>() },
  /** Answers `doubleBooked` (nothing saved) unless `allowDoubleBooking`; the override is logged on the project. */
  'classes.create': { input: classCreateSchema, output: returns<ClassCreateResult>() },
  'classes.roster': { input: byClass, output: returns<ClassRoster>() },
  /** Classes from a date (the renderer's today) for a number of days, earliest first: the coordinator's agenda. */
  'classes.agenda': {
    input: z.strictObject({ from: isoDateSchema, days: z.number().int().min(1).max(62).default(14) }),
    output: returns<readonly AgendaClass[]>(),
  },
  'instructors.list': { input: z.undefined(), output: returns<readonly InstructorOption[]>() },
  /** One mark; the record's id is derived from (class, trainee) so concurrent offline marks merge per field. */
  'attendance.mark': { input: attendanceMarkSchema, output: returns<ClassRoster>() },
  /** Every confirmed trainee not yet marked becomes PRESENT, in one local transaction. */
  'attendance.markRestPresent': { input: byClass, output: returns<ClassRoster>() },
  /** Trainee + confirmed enrolment + mark, in one local transaction. */
  'attendance.walkIn': { input: walkInSchema, output: returns<ClassRoster>() },
} as const satisfies { readonly [K in TrainingChannel]: { readonly input: z.ZodType; readonly output: object } }

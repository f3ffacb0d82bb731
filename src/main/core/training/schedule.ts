/** Sessions (차수) and classes (분반) of a project: create, edit and delete offline, with the double-booking warning. */
import { type z } from 'zod'
import {
  type classCreateSchema,
  type classDeleteSchema,
  type classUpdateSchema,
  type sessionCreateSchema,
  type sessionUpdateSchema,
} from '../../../shared/model/validation/training'
import { type ClassCreateResult, type ClassDeleteResult, type ProjectDetail } from '../../../shared/ipc/training-types'
import { type RepoContext } from '../common/context'
import { createOverrideLog, type DoubleBookingFinder } from './double-booking'
import { type ProjectLookups, type SessionRow } from './project-rows'
import { TrainingRuleError } from './rules'

export interface ProjectSchedule {
  createSession(input: z.output<typeof sessionCreateSchema>): ProjectDetail
  createClass(input: z.output<typeof classCreateSchema>): ClassCreateResult
  /** Edits a 차수, its number included (a duplicate number is allowed and flagged, never silently changed). */
  updateSession(input: z.output<typeof sessionUpdateSchema>): ProjectDetail
  /** Soft-deletes a 차수 without live classes; one with classes is refused (`hasClasses`): delete those first. */
  deleteSession(id: string): ProjectDetail
  /** Edits a 분반; the double-booking warning runs again, the class itself excluded. */
  updateClass(input: z.output<typeof classUpdateSchema>): ClassCreateResult
  /**
   * Soft-deletes a 분반. With attendance marks it answers `hasAttendance` unless confirmed: the marks are evidence of
   * training given (수료 figures, billing), so deleting them takes a second, explicit yes. Marks and enrolments are
   * kept in the replica, hidden with the class, and come back if the class is restored.
   */
  deleteClass(input: z.output<typeof classDeleteSchema>): ClassDeleteResult
}

export function createProjectSchedule(
  ctx: RepoContext,
  { lookups, page: get, doubleBookings }: { lookups: ProjectLookups; page: (projectId: string) => ProjectDetail; doubleBookings: DoubleBookingFinder },
): ProjectSchedule {
  const { sqlite, writer } = ctx
  const { requireActor, requireProject, requireSession, requireClass } = lookups
  const logOverride = createOverrideLog(ctx)
  const nextSessionNumber = sqlite.prepare<[string], { next: number }>(
    'SELECT COALESCE(MAX(session_number), 0) + 1 AS next FROM training_sessions WHERE project_id = ? AND deleted_at IS NULL',
  )
  const nextClassNumber = sqlite.prepare<[string], { next: number }>(
    'SELECT COALESCE(MAX(class_number), 0) + 1 AS next FROM training_classes WHERE session_id = ? AND deleted_at IS NULL',
  )
  const liveClassCount = sqlite.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM training_classes WHERE session_id = ? AND deleted_at IS NULL')
  const markCount = sqlite.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM attendance_records WHERE class_id = ? AND deleted_at IS NULL')

  /** A capacity of zero or fewer seats is a typing mistake, never a rule: refused with its own message. */
  const requireCapacity = (capacity: number | null): void => {
    if (capacity !== null && capacity < 1) throw new TrainingRuleError('invalidCapacity', `capacity must be at least 1, got ${capacity}`)
  }

  /** A class's date inside its session, end after start, capacity not above the session's. */
  const checkClassSlot = (
    session: SessionRow,
    input: { readonly date: string; readonly startTime: string; readonly endTime: string; readonly maxParticipants: number | null },
  ): void => {
    if (input.endTime <= input.startTime) throw new TrainingRuleError('invalidPeriod', 'end not after start')
    requireCapacity(input.maxParticipants)
    if (input.date < session.start_date || input.date > session.end_date) {
      throw new TrainingRuleError('invalidPeriod', 'class date outside its session')
    }
    if (input.maxParticipants !== null && session.max_participants !== null && input.maxParticipants > session.max_participants) {
      throw new TrainingRuleError('classFull', 'class capacity above the session capacity')
    }
  }

  return {
    createSession(input) {
      requireActor()
      requireProject(input.projectId)
      if (input.endDate < input.startDate) throw new TrainingRuleError('invalidPeriod', 'end before start')
      requireCapacity(input.maxParticipants)
      const id = ctx.newId()
      writer.upsert('training_sessions', id, {
        project_id: input.projectId,
        session_number: nextSessionNumber.get(input.projectId)?.next ?? 1,
        name: input.name,
        start_date: input.startDate,
        end_date: input.endDate,
        location: input.location,
        max_participants: input.maxParticipants,
        status: 'SCHEDULED',
      })
      return get(input.projectId)
    },

    createClass(input) {
      requireActor()
      const session = requireSession(input.sessionId)
      checkClassSlot(session, input)
      const conflicts = doubleBookings({ ...input, sessionId: session.id })
      if (conflicts.length > 0 && !input.allowDoubleBooking) return { status: 'doubleBooked', conflicts }
      const id = ctx.newId()
      const classNumber = nextClassNumber.get(session.id)?.next ?? 1
      writer.transaction(() => {
        writer.upsert('training_classes', id, {
          session_id: session.id,
          class_number: classNumber,
          name: input.name,
          date: input.date,
          start_time: input.startTime,
          end_time: input.endTime,
          instructor_id: input.instructorId,
          room: input.room,
          topic: input.topic,
          max_participants: input.maxParticipants,
          status: 'SCHEDULED',
        })
        if (conflicts.length > 0) logOverride(session, classNumber, input, conflicts, '등록')
      })
      return { status: 'created', classId: id, project: get(session.project_id) }
    },

    updateSession(input) {
      requireActor()
      const session = requireSession(input.id)
      if (input.endDate < input.startDate) throw new TrainingRuleError('invalidPeriod', 'end before start')
      requireCapacity(input.maxParticipants)
      writer.upsert('training_sessions', session.id, {
        session_number: input.sessionNumber,
        name: input.name,
        start_date: input.startDate,
        end_date: input.endDate,
        location: input.location,
        max_participants: input.maxParticipants,
        status: input.status,
      })
      return get(session.project_id)
    },

    deleteSession(id) {
      requireActor()
      const session = requireSession(id)
      if ((liveClassCount.get(id)?.n ?? 0) > 0) throw new TrainingRuleError('hasClasses', 'delete the classes first')
      writer.remove('training_sessions', id)
      return get(session.project_id)
    },

    updateClass(input) {
      requireActor()
      const current = requireClass(input.id)
      const session = requireSession(current.session_id)
      checkClassSlot(session, input)
      const conflicts = doubleBookings({ ...input, sessionId: session.id, excludeClassId: current.id })
      if (conflicts.length > 0 && !input.allowDoubleBooking) return { status: 'doubleBooked', conflicts }
      writer.transaction(() => {
        writer.upsert('training_classes', current.id, {
          class_number: input.classNumber,
          name: input.name,
          date: input.date,
          start_time: input.startTime,
          end_time: input.endTime,
          instructor_id: input.instructorId,
          room: input.room,
          topic: input.topic,
          max_participants: input.maxParticipants,
          status: input.status,
        })
        if (conflicts.length > 0) logOverride(session, input.classNumber, input, conflicts, '수정')
      })
      return { status: 'created', classId: current.id, project: get(session.project_id) }
    },

    deleteClass({ id, confirmAttendance }) {
      requireActor()
      const klass = requireClass(id)
      const session = requireSession(klass.session_id)
      const marks = markCount.get(id)?.n ?? 0
      if (marks > 0 && !confirmAttendance) return { status: 'hasAttendance', marks }
      writer.remove('training_classes', id)
      return { status: 'deleted', project: get(session.project_id) }
    },
  }
}

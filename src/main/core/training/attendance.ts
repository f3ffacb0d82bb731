/**
 * A class's roster (출석부) and attendance marks on the device, written in the training room with no network.
 *
 * - One mark per (class, trainee). A mark whose row does not exist yet gets the id `pairId('attendance_records', …)`,
 *   the same on every device, so two coordinators marking the same trainee offline write one row and the server merges
 *   their fields (docs/architecture.md §8c). A row that already exists (pulled from the server) is updated in place.
 * - Every mark records who, when and on which device (recorded_by / recorded_at / recorded_device_id).
 * - "Mark everyone else present" and a walk-in (trainee + enrolment + mark) are ONE writer transaction each.
 * - Counts, rate and completion are derived from the rows on every read (never stored: concurrent offline marking
 *   would lose increments).
 */
import {
  DEFAULT_ATTENDANCE_POLICY,
  attendanceRate,
  classAttendanceCounts,
  projectAttendancePolicy,
  trainingCompletion,
  type AttendancePolicy,
} from '../../../shared/domain/attendance'
import { minutesBetweenTimes } from '../../../shared/domain/dates'
import { ADMIN_OVERRIDE_REMARK, classTiming, markingDecision, markRemarks, walkInMarksPresent } from '../../../shared/domain/class-marking'
import { createPermissionsReader } from '../common/permissions'
import { createTraineeDirectory } from './trainees'
import { displayName } from '../../../shared/domain/korean-name'
import { pairId } from '../../../shared/ids/pair-id'
import { type AttendanceStatus, type EnrollmentStatus } from '../../../shared/model/enums'
import { type attendanceMarkSchema, type walkInSchema } from '../../../shared/model/validation/training'
import { type ClassRoster, type RosterEntry, type RosterMarkConflict } from '../../../shared/ipc/training-types'
import { type z } from 'zod'
import { createUserNames, type RepoContext } from '../common/context'
import { requireTrainingActor, TrainingRuleError } from './rules'

/** `override` defaults to false (tests and older callers leave it out). */
type Mark = Omit<z.output<typeof attendanceMarkSchema>, 'override'> & { readonly override?: boolean }
type WalkIn = z.output<typeof walkInSchema>

export interface AttendanceRepo {
  roster(classId: string): ClassRoster
  mark(input: Mark): ClassRoster
  /** Every confirmed trainee without a mark becomes PRESENT; returns the roster after the one transaction. */
  markRestPresent(classId: string): ClassRoster
  walkIn(input: WalkIn): ClassRoster
}

export interface AttendanceRepoContext extends RepoContext {
  /** This device's id, stored on each mark (who marked it where, when two coordinators share a class). */
  readonly deviceId: () => string | null
  readonly policy?: AttendancePolicy
}

interface ClassRow {
  id: string
  session_id: string
  class_number: number
  name: string | null
  date: string
  start_time: string
  end_time: string
  room: string | null
  max_participants: number | null
  instructor_last: string | null
  instructor_first: string | null
  session_number: number
  project_id: string
  project_name: string | null
  company_id: string | null
  company_name: string | null
  completion_percent: number | null
}

interface EntryRow {
  enrollment_id: string
  trainee_id: string
  enrollment_status: EnrollmentStatus
  enrollment_notes: string | null
  last_name: string
  first_name: string
  department: string | null
  position: string | null
  employee_number: string | null
  record_id: string | null
  status: AttendanceStatus | null
  remarks: string | null
  recorded_by: string | null
  recorded_at: string | null
}

/** Marks the enrolment of a trainee added on the day; the roster shows them as 현장 등록. */
const WALK_IN_NOTE = '현장 등록'

export function createAttendanceRepo(ctx: AttendanceRepoContext): AttendanceRepo {
  const { sqlite, writer } = ctx
  // Company weights; each roster takes its project's completion rule on top (projectAttendancePolicy).
  const basePolicy = ctx.policy ?? DEFAULT_ATTENDANCE_POLICY
  const names = createUserNames(sqlite)
  const permissions = createPermissionsReader(sqlite)
  const directory = createTraineeDirectory(ctx)
  const classById = sqlite.prepare<[string], ClassRow>(
    `SELECT k.id, k.session_id, k.class_number, k.name, k.date, k.start_time, k.end_time, k.room, k.max_participants,
            i.last_name AS instructor_last, i.first_name AS instructor_first,
            s.session_number, s.project_id, p.name AS project_name, p.company_id, c.name AS company_name,
            p.completion_percent
       FROM training_classes k
       JOIN training_sessions s ON s.id = k.session_id
       LEFT JOIN projects p ON p.id = s.project_id
       LEFT JOIN companies c ON c.id = p.company_id
       LEFT JOIN instructors i ON i.id = k.instructor_id
      WHERE k.id = ? AND k.deleted_at IS NULL`,
  )
  // The roster: confirmed enrolments with their (latest live) mark. Old data may hold two marks for a pair; the latest
  // recorded one is the one shown and edited.
  const entriesOf = sqlite.prepare<[string], EntryRow>(
    `SELECT e.id AS enrollment_id, e.trainee_id, e.status AS enrollment_status, e.notes AS enrollment_notes,
            t.last_name, t.first_name, t.department, t.position, t.employee_number,
            a.id AS record_id, a.status, a.remarks, a.recorded_by, a.recorded_at
       FROM enrollments e
       JOIN trainees t ON t.id = e.trainee_id AND t.deleted_at IS NULL
       LEFT JOIN attendance_records a ON a.id = (
         SELECT a2.id FROM attendance_records a2
          WHERE a2.class_id = e.class_id AND a2.trainee_id = e.trainee_id AND a2.deleted_at IS NULL
          ORDER BY a2.recorded_at DESC, a2.id DESC LIMIT 1)
      WHERE e.class_id = ? AND e.deleted_at IS NULL AND e.status = 'CONFIRMED'
      ORDER BY t.last_name || t.first_name, t.id`,
  )
  // Open conflicts on the marks of this class's records (the pair rows two coordinators both wrote).
  const markConflictsOf = sqlite.prepare<
    [string],
    { id: string; row_id: string; winning_value: string | null; losing_value: string | null; winning_user_id: string | null; losing_user_id: string | null }
  >(
    `SELECT c.id, c.row_id, c.winning_value, c.losing_value, c.winning_user_id, c.losing_user_id
       FROM sync_conflicts c
       JOIN attendance_records a ON a.id = c.row_id AND a.class_id = ?
      WHERE c.table_name = 'attendance_records' AND c.field = 'status' AND c.status = 'OPEN' AND c.deleted_at IS NULL
      ORDER BY c.created_at, c.id`,
  )
  const recordOf = sqlite.prepare<[string, string], { id: string; remarks: string | null }>(
    `SELECT id, remarks FROM attendance_records WHERE class_id = ? AND trainee_id = ? AND deleted_at IS NULL
      ORDER BY recorded_at DESC, id DESC LIMIT 1`,
  )
  const enrollmentOf = sqlite.prepare<[string, string], { id: string; status: EnrollmentStatus }>(
    `SELECT id, status FROM enrollments WHERE class_id = ? AND trainee_id = ? AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1`,
  )
  // Completion needs every class of the session the roster's trainees are confirmed in, with their marks.
  const sessionMarks = sqlite.prepare<
    [string],
    { trainee_id: string; start_time: string; end_time: string; status: AttendanceStatus | null; minutes_attended: number | null }
  >(
    `SELECT e.trainee_id, k.start_time, k.end_time, a.status, a.minutes_attended
       FROM training_classes k
       JOIN enrollments e ON e.class_id = k.id AND e.deleted_at IS NULL AND e.status = 'CONFIRMED'
       LEFT JOIN attendance_records a ON a.id = (
         SELECT a2.id FROM attendance_records a2
          WHERE a2.class_id = k.id AND a2.trainee_id = e.trainee_id AND a2.deleted_at IS NULL
          ORDER BY a2.recorded_at DESC, a2.id DESC LIMIT 1)
      WHERE k.session_id = ? AND k.deleted_at IS NULL AND k.status <> 'CANCELLED'`,
  )

  const requireClass = (classId: string): ClassRow => {
    const row = classById.get(classId)
    if (!row) throw new TrainingRuleError('notFound', `No class ${classId} on this device`)
    return row
  }
  const requireActor = (): string => requireTrainingActor(ctx)

  const roster = (classId: string): ClassRoster => {
    const klass = requireClass(classId)
    const policy = projectAttendancePolicy(klass.completion_percent, basePolicy)
    const rows = entriesOf.all(classId)
    const conflictRows = markConflictsOf.all(classId)
    const recorders = names([...rows.map((r) => r.recorded_by), ...conflictRows.flatMap((c) => [c.winning_user_id, c.losing_user_id])])
    const markValue = (json: string | null): AttendanceStatus | null => {
      if (json === null) return null
      try {
        return (JSON.parse(json) as AttendanceStatus | null) ?? null
      } catch {
        return null
      }
    }
    // The latest open conflict per record wins the badge.
    const conflictByRecord = new Map<string, RosterMarkConflict>()
    for (const c of conflictRows) {
      conflictByRecord.set(c.row_id, {
        conflictId: c.id,
        winner: markValue(c.winning_value),
        winnerName: c.winning_user_id ? (recorders.get(c.winning_user_id) ?? null) : null,
        loser: markValue(c.losing_value),
        loserName: c.losing_user_id ? (recorders.get(c.losing_user_id) ?? null) : null,
      })
    }
    const byTrainee = new Map<string, Array<{ status: AttendanceStatus | null; scheduledMinutes: number; attendedMinutes: number | null }>>()
    for (const mark of sessionMarks.all(klass.session_id)) {
      const list = byTrainee.get(mark.trainee_id) ?? []
      list.push({
        status: mark.status,
        scheduledMinutes: Math.max(0, minutesBetweenTimes(mark.start_time, mark.end_time)),
        attendedMinutes: mark.minutes_attended,
      })
      byTrainee.set(mark.trainee_id, list)
    }
    const entries: RosterEntry[] = rows.map((row) => {
      const completion = trainingCompletion(byTrainee.get(row.trainee_id) ?? [], policy)
      return {
        traineeId: row.trainee_id,
        enrollmentId: row.enrollment_id,
        enrollmentStatus: row.enrollment_status,
        name: displayName({ lastName: row.last_name, firstName: row.first_name }),
        department: row.department,
        position: row.position,
        employeeNumber: row.employee_number,
        attendance: row.status,
        remarks: row.remarks,
        recordedByName: row.recorded_by ? (recorders.get(row.recorded_by) ?? null) : null,
        recordedAt: row.recorded_at,
        completionPercent: completion.percent,
        completed: completion.completed,
        walkIn: row.enrollment_notes === WALK_IN_NOTE,
        ...(row.record_id && conflictByRecord.has(row.record_id) ? { markConflict: conflictByRecord.get(row.record_id)! } : {}),
      }
    })
    const counts = classAttendanceCounts(entries.map((e) => ({ enrollmentStatus: e.enrollmentStatus, attendance: e.attendance })))
    return {
      classId,
      projectId: klass.project_id,
      projectName: klass.project_name ?? '',
      companyName: klass.company_name,
      sessionNumber: klass.session_number,
      classNumber: klass.class_number,
      className: klass.name,
      date: klass.date,
      startTime: klass.start_time,
      endTime: klass.end_time,
      room: klass.room,
      instructorName:
        klass.instructor_last !== null && klass.instructor_first !== null
          ? displayName({ lastName: klass.instructor_last, firstName: klass.instructor_first })
          : null,
      entries,
      counts: {
        ...counts,
        rate: attendanceRate(
          entries.map((e) => e.attendance),
          policy,
        ),
      },
      completionPercent: policy.completionPercent,
    }
  }

  /**
   * A class that has not started cannot be marked (nobody can have attended it yet). An administrator — whoever may
   * approve training records, by default managers and executives — may override on purpose; the override is stored
   * in the mark's remarks so the record says so. Returns the remark to prepend, or null.
   */
  const timingOf = (klass: ClassRow) => classTiming({ date: klass.date, startTime: klass.start_time, endTime: klass.end_time }, ctx.now())
  const requireStarted = (klass: ClassRow, override: boolean): string | null => {
    const actor = ctx.actor()
    if (!actor) throw new TrainingRuleError('signInToEdit', 'Nobody is signed in')
    const isAdmin = permissions.forUser(actor.id, actor.tier).allows('attendance_records', 'approve')
    const decision = markingDecision(timingOf(klass), { requested: override, isAdmin })
    if (!decision.allowed) throw new TrainingRuleError('classNotStarted', `class ${klass.id} starts ${klass.date} ${klass.start_time}`)
    return decision.override ? ADMIN_OVERRIDE_REMARK : null
  }

  /** Writes one mark (inside the caller's transaction when there is one). */
  const writeMark = (classId: string, traineeId: string, status: AttendanceStatus, remarks: string | null | undefined): void => {
    const userId = requireActor()
    const id = recordOf.get(classId, traineeId)?.id ?? pairId('attendance_records', classId, traineeId)
    writer.upsert('attendance_records', id, {
      class_id: classId,
      trainee_id: traineeId,
      status,
      ...(remarks === undefined ? {} : { remarks: remarks ? remarks : null }),
      recorded_by: userId,
      recorded_at: ctx.now().toISOString(),
      recorded_device_id: ctx.deviceId(),
      // A pair row a colleague deleted comes back with the new mark.
      deleted_at: null,
    })
  }

  return {
    roster,

    mark(input) {
      const klass = requireClass(input.classId)
      const enrollment = enrollmentOf.get(input.classId, input.traineeId)
      if (!enrollment) throw new TrainingRuleError('notFound', 'trainee is not enrolled in this class')
      const overrideNow = requireStarted(klass, input.override ?? false) !== null
      // The override statement stays on the mark through later edits of the remark (markRemarks).
      const remarks = markRemarks(recordOf.get(input.classId, input.traineeId)?.remarks, input.remarks, overrideNow)
      writeMark(input.classId, input.traineeId, input.status, remarks)
      return roster(input.classId)
    },

    markRestPresent(classId) {
      requireActor()
      requireStarted(requireClass(classId), false)
      const current = roster(classId)
      writer.transaction(() => {
        for (const entry of current.entries) if (entry.attendance === null) writeMark(classId, entry.traineeId, 'PRESENT', undefined)
      })
      return roster(classId)
    },

    walkIn(input) {
      requireActor()
      const klass = requireClass(input.classId)
      const current = roster(input.classId)
      if (klass.max_participants !== null && current.counts.enrolled >= klass.max_participants) {
        throw new TrainingRuleError('classFull', 'the class is at capacity')
      }
      // A walk-in is marked only while the class runs: added before it (or after it), nobody saw them in the room.
      const marksNow = walkInMarksPresent(timingOf(klass))
      writer.transaction(() => {
        // The same person (name + mobile or e-mail) is found, not created again in every class.
        const traineeId = directory.findOrCreate({
          lastName: input.lastName,
          firstName: input.firstName,
          phone: input.phone,
          email: input.email,
          department: input.department,
          companyId: klass.company_id,
        }).id
        const existing = enrollmentOf.get(input.classId, traineeId)
        writer.upsert('enrollments', existing?.id ?? pairId('enrollments', input.classId, traineeId), {
          class_id: input.classId,
          trainee_id: traineeId,
          status: 'CONFIRMED',
          ...(existing ? {} : { notes: WALK_IN_NOTE }),
        })
        if (marksNow) writeMark(input.classId, traineeId, input.status, undefined)
      })
      return roster(input.classId)
    },
  }
}

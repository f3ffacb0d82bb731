/**
 * Enrolment decisions for a class (수강 신청 → 확정 / 대기 / 취소), offline. A confirmation takes a seat and is refused
 * (`classFull`) when the class is at capacity; the count is read from the replica at the moment of the decision, so
 * two devices confirming the last seat offline can still overbook — the class then shows more confirmed than seats,
 * which the coordinator sees on the project page.
 */
import { hasSeat, needsSeat } from '../../../shared/domain/enrollment'
import { displayName } from '../../../shared/domain/korean-name'
import { type EnrollmentStatus } from '../../../shared/model/enums'
import { type enrollmentStatusSchema } from '../../../shared/model/validation/training'
import { type ClassEnrollments } from '../../../shared/ipc/training-types'
import { type z } from 'zod'
import { type RepoContext } from '../common/context'
import { TrainingRuleError } from './rules'

type StatusChange = z.output<typeof enrollmentStatusSchema>

export interface EnrollmentsRepo {
  list(classId: string): ClassEnrollments
  setStatus(input: StatusChange): ClassEnrollments
}

interface EntryRow {
  id: string
  trainee_id: string
  status: EnrollmentStatus
  last_name: string
  first_name: string
  department: string | null
  position: string | null
}

// Waiting decisions first, then the confirmed, then the cancelled; by name within each.
const STATUS_ORDER = `CASE e.status WHEN 'APPLIED' THEN 0 WHEN 'WAITLISTED' THEN 1 WHEN 'CONFIRMED' THEN 2 ELSE 3 END`

export function createEnrollmentsRepo(ctx: RepoContext): EnrollmentsRepo {
  const { sqlite, writer } = ctx
  const classById = sqlite.prepare<[string], { id: string; max_participants: number | null; class_number: number; session_number: number; project_id: string }>(
    `SELECT k.id, k.max_participants, k.class_number, s.session_number, s.project_id
       FROM training_classes k JOIN training_sessions s ON s.id = k.session_id
      WHERE k.id = ? AND k.deleted_at IS NULL`,
  )
  const entriesOf = sqlite.prepare<[string], EntryRow>(
    `SELECT e.id, e.trainee_id, e.status, t.last_name, t.first_name, t.department, t.position
       FROM enrollments e JOIN trainees t ON t.id = e.trainee_id AND t.deleted_at IS NULL
      WHERE e.class_id = ? AND e.deleted_at IS NULL
      ORDER BY ${STATUS_ORDER}, t.last_name || t.first_name, e.id`,
  )
  const enrollmentById = sqlite.prepare<[string], { id: string; class_id: string; status: EnrollmentStatus }>(
    'SELECT id, class_id, status FROM enrollments WHERE id = ? AND deleted_at IS NULL',
  )

  const list = (classId: string): ClassEnrollments => {
    const klass = classById.get(classId)
    if (!klass) throw new TrainingRuleError('notFound', `No class ${classId} on this device`)
    const rows = entriesOf.all(classId)
    return {
      classId,
      projectId: klass.project_id,
      sessionNumber: klass.session_number,
      classNumber: klass.class_number,
      maxParticipants: klass.max_participants,
      confirmed: rows.filter((r) => r.status === 'CONFIRMED').length,
      entries: rows.map((r) => ({
        enrollmentId: r.id,
        traineeId: r.trainee_id,
        name: displayName({ lastName: r.last_name, firstName: r.first_name }),
        department: r.department,
        position: r.position,
        status: r.status,
      })),
    }
  }

  return {
    list,
    setStatus({ enrollmentId, status }) {
      if (!ctx.actor()) throw new TrainingRuleError('signInToEdit', 'Nobody is signed in')
      const enrollment = enrollmentById.get(enrollmentId)
      if (!enrollment) throw new TrainingRuleError('notFound', `No enrolment ${enrollmentId} on this device`)
      const current = list(enrollment.class_id)
      if (needsSeat(enrollment.status, status) && !hasSeat(current.confirmed, current.maxParticipants)) {
        throw new TrainingRuleError('classFull', 'the class is at capacity')
      }
      if (enrollment.status !== status) writer.upsert('enrollments', enrollmentId, { status })
      return list(enrollment.class_id)
    },
  }
}

/**
 * Double booking: the same instructor, or the same room at the same venue, in a class on the same date whose time
 * overlaps. It is a warning, not a rule — a co-taught class or a shared room may be intended — so a create answers
 * `doubleBooked` and the user may book anyway; the override is written as a NOTE activity on the project (its own row,
 * so two devices logging overrides never fight over one text field), visible on the project's timeline.
 */
import { displayName } from '../../../shared/domain/korean-name'
import { formatKoreanDate } from '../../../shared/domain/dates'
import { type DoubleBooking } from '../../../shared/ipc/training-types'
import { type RepoContext } from '../common/context'
import { CLASS_COLUMNS, classViewOf, type ClassRow, type ProjectLookups, type SessionRow } from './project-rows'

export interface DoubleBookingSlot {
  readonly sessionId: string
  readonly date: string
  readonly startTime: string
  readonly endTime: string
  readonly instructorId: string | null
  readonly room: string | null
  /** The class being edited, which cannot clash with itself. */
  readonly excludeClassId?: string
}

/** Other classes the given slot would double-book (same instructor, or same room at the same venue). */
export type DoubleBookingFinder = (slot: DoubleBookingSlot) => DoubleBooking[]

export /** Rooms are compared without surrounding spaces or case ("세미나실 A" = "세미나실 a "). */
const roomKey = (room: string | null | undefined): string | null => {
  const key = room?.trim().toLowerCase()
  return key ? key : null
}

export function createDoubleBookingFinder(ctx: RepoContext, { requireSession }: ProjectLookups): DoubleBookingFinder {
  const { sqlite } = ctx
  // Overlap on the same date: [start, end) intervals intersect. Cancelled classes book nothing.
  const overlapping = sqlite.prepare<[string, string, string], ClassRow & { session_number: number; project_name: string | null; location: string | null }>(
    `SELECT ${CLASS_COLUMNS}, s.session_number, s.location, p.name AS project_name
       FROM training_classes k
       JOIN training_sessions s ON s.id = k.session_id
       LEFT JOIN projects p ON p.id = s.project_id
       LEFT JOIN instructors i ON i.id = k.instructor_id
      WHERE k.deleted_at IS NULL AND k.status <> 'CANCELLED' AND k.date = ? AND k.start_time < ? AND k.end_time > ?
      ORDER BY k.start_time, k.id`,
  )

  const doubleBookings: DoubleBookingFinder = (slot) => {
    const session = requireSession(slot.sessionId)
    const room = roomKey(slot.room)
    const venue = roomKey(session.location)
    const out: DoubleBooking[] = []
    for (const other of overlapping.all(slot.date, slot.endTime, slot.startTime)) {
      if (other.id === slot.excludeClassId) continue
      const sameInstructor = slot.instructorId !== null && other.instructor_id === slot.instructorId
      // A room name is only unique within a venue (세미나실 A exists at many training centres).
      const sameRoom = room !== null && roomKey(other.room) === room && roomKey(other.location) === venue
      if (!sameInstructor && !sameRoom) continue
      const view = classViewOf(other)
      out.push({
        classId: other.id,
        projectName: other.project_name ?? '',
        sessionNumber: other.session_number,
        classNumber: other.class_number,
        date: other.date,
        startTime: other.start_time,
        endTime: other.end_time,
        sameInstructor,
        sameRoom,
        instructorName: view.instructorName,
        room: other.room,
      })
    }
    return out
  }
  return doubleBookings
}

export type OverrideLog = (
  session: SessionRow,
  classNumber: number,
  input: { readonly date: string; readonly startTime: string; readonly endTime: string; readonly instructorId: string | null; readonly room: string | null },
  conflicts: readonly DoubleBooking[],
  verb: '등록' | '수정',
) => void

export function createOverrideLog(ctx: RepoContext): OverrideLog {
  const { sqlite, writer } = ctx
  const instructorName = sqlite.prepare<[string], { last_name: string; first_name: string }>('SELECT last_name, first_name FROM instructors WHERE id = ?')

  /** The user booked over a warning: a NOTE on the project's timeline says what clashed (inside the caller's transaction). */
  const logOverride = (
    session: SessionRow,
    classNumber: number,
    input: { readonly date: string; readonly startTime: string; readonly endTime: string; readonly instructorId: string | null; readonly room: string | null },
    conflicts: readonly DoubleBooking[],
    verb: '등록' | '수정',
  ): void => {
    const instructor = input.instructorId ? instructorName.get(input.instructorId) : undefined
    const lines = conflicts.map(
      (c) =>
        `- ${c.projectName} ${c.sessionNumber}차 ${c.classNumber}분반 ${c.startTime}–${c.endTime}` +
        `${c.sameInstructor ? ' (같은 강사)' : ''}${c.sameRoom ? ' (같은 강의실)' : ''}`,
    )
    writer.upsert('activities', ctx.newId(), {
      entity_type: 'PROJECT',
      entity_id: session.project_id,
      activity_type: 'NOTE',
      subject: `이중 예약 확인 후 ${verb}: ${session.session_number}차 ${classNumber}분반`,
      description: [
        `${formatKoreanDate(input.date)} ${input.startTime}–${input.endTime}` +
          `${instructor ? ` 강사 ${displayName({ lastName: instructor.last_name, firstName: instructor.first_name })}` : ''}` +
          `${input.room ? ` 강의실 ${input.room}` : ''}`,
        ...lines,
      ].join('\n'),
    })
  }
  return logOverride
}

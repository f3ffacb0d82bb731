/**
 * Projects (프로젝트) with their 차수 (sessions) and 분반 (classes) on the device: the filtered list, the project page
 * (money figures derived by project-finance, never stored; class counts derived from enrolments and marks), and
 * creating sessions and classes offline with the double-booking warning.
 *
 * Double booking: the same instructor, or the same room at the same venue, in a class on the same date whose time
 * overlaps. It is a warning, not a rule — a co-taught class or a shared room may be intended — so the create answers
 * `doubleBooked` and the user may book anyway; the override is written as a NOTE activity on the project (its own row,
 * so two devices logging overrides never fight over one text field), visible on the project's timeline.
 */
import { displayName } from '../../../shared/domain/korean-name'
import { projectMargin, projectMarginPercent } from '../../../shared/domain/project-finance'
import { addDays, formatKoreanDate } from '../../../shared/domain/dates'
import {
  type ClassStatus,
  type ProjectHealth,
  type ProjectPhase,
  type ProjectPriority,
  type ProjectStatus,
  type ProjectTeamRole,
  type SessionStatus,
} from '../../../shared/model/enums'
import { type classCreateSchema, type sessionCreateSchema } from '../../../shared/model/validation/training'
import {
  type AgendaClass,
  type ClassCreateResult,
  type ClassView,
  type DoubleBooking,
  type InstructorOption,
  type ProjectDetail,
  type ProjectSummary,
  type SessionView,
} from '../../../shared/ipc/training-types'
import { type z } from 'zod'
import { createUserNames, type RepoContext } from './context'
import { createStatementCache } from './sql'
import { TrainingRuleError } from './training-rules'

type SessionCreate = z.output<typeof sessionCreateSchema>
type ClassCreate = z.output<typeof classCreateSchema>

export interface ProjectFilter {
  readonly status?: ProjectStatus
  readonly phase?: ProjectPhase
  readonly health?: ProjectHealth
  readonly priority?: ProjectPriority
}

export interface ProjectsRepo {
  list(filter?: ProjectFilter): ProjectSummary[]
  get(id: string): ProjectDetail
  createSession(input: SessionCreate): ProjectDetail
  createClass(input: ClassCreate): ClassCreateResult
  /** Other classes the given slot would double-book (same instructor, or same room at the same venue). */
  doubleBookings(slot: {
    readonly sessionId: string
    readonly date: string
    readonly startTime: string
    readonly endTime: string
    readonly instructorId: string | null
    readonly room: string | null
  }): DoubleBooking[]
  instructors(): InstructorOption[]
  /** Live classes dated from `from` for `days` days, by date and start time (at most 500). */
  agenda(from: string, days: number): AgendaClass[]
}

interface ProjectRow {
  id: string
  code: string
  name: string
  description: string | null
  company_id: string
  company_name: string | null
  status: ProjectStatus
  phase: ProjectPhase | null
  health: ProjectHealth | null
  priority: ProjectPriority
  start_date: string | null
  end_date: string | null
  progress: number
  budget: number | null
  actual_cost: number | null
  revenue: number | null
}

interface SessionRow {
  id: string
  project_id: string
  session_number: number
  name: string | null
  start_date: string
  end_date: string
  status: SessionStatus
  location: string | null
  max_participants: number | null
}

interface ClassRow {
  id: string
  session_id: string
  class_number: number
  name: string | null
  date: string
  start_time: string
  end_time: string
  instructor_id: string | null
  instructor_last: string | null
  instructor_first: string | null
  room: string | null
  topic: string | null
  max_participants: number | null
  status: ClassStatus
  enrolled: number
  attended: number
}

const PROJECT_COLUMNS = `p.id, p.code, p.name, p.description, p.company_id, c.name AS company_name, p.status, p.phase, p.health,
  p.priority, p.start_date, p.end_date, p.progress, p.budget, p.actual_cost, p.revenue`

// The counts a class shows, derived from live rows: CONFIRMED enrolments, and of those the ones marked as attended.
// A trainee may (in old data) hold two marks for a class; EXISTS counts them once.
const CLASS_COLUMNS = `k.id, k.session_id, k.class_number, k.name, k.date, k.start_time, k.end_time, k.instructor_id,
  i.last_name AS instructor_last, i.first_name AS instructor_first, k.room, k.topic, k.max_participants, k.status,
  (SELECT COUNT(*) FROM enrollments e WHERE e.class_id = k.id AND e.status = 'CONFIRMED' AND e.deleted_at IS NULL) AS enrolled,
  (SELECT COUNT(*) FROM enrollments e WHERE e.class_id = k.id AND e.status = 'CONFIRMED' AND e.deleted_at IS NULL
     AND EXISTS (SELECT 1 FROM attendance_records a WHERE a.class_id = k.id AND a.trainee_id = e.trainee_id
                   AND a.deleted_at IS NULL AND a.status IN ('PRESENT', 'LATE', 'LEFT_EARLY'))) AS attended`

function summaryOf(row: ProjectRow): ProjectSummary {
  const figures = { revenue: row.revenue, actualCost: row.actual_cost }
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    companyName: row.company_name,
    status: row.status,
    phase: row.phase,
    health: row.health,
    priority: row.priority,
    startDate: row.start_date,
    endDate: row.end_date,
    progress: row.progress,
    revenue: row.revenue,
    margin: projectMargin(figures),
    marginPercent: projectMarginPercent(figures),
  }
}

function classViewOf(row: ClassRow): ClassView {
  return {
    id: row.id,
    sessionId: row.session_id,
    classNumber: row.class_number,
    name: row.name,
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    instructorName:
      row.instructor_last !== null && row.instructor_first !== null
        ? displayName({ lastName: row.instructor_last, firstName: row.instructor_first })
        : null,
    room: row.room,
    topic: row.topic,
    maxParticipants: row.max_participants,
    status: row.status,
    enrolled: row.enrolled,
    attended: row.attended,
  }
}

/** Rooms are compared without surrounding spaces or case ("세미나실 A" = "세미나실 a "). */
const roomKey = (room: string | null | undefined): string | null => {
  const key = room?.trim().toLowerCase()
  return key ? key : null
}

export function createProjectsRepo(ctx: RepoContext): ProjectsRepo {
  const { sqlite, writer } = ctx
  const names = createUserNames(sqlite)
  const cached = createStatementCache(sqlite)
  const projectById = sqlite.prepare<[string], ProjectRow>(
    `SELECT ${PROJECT_COLUMNS} FROM projects p LEFT JOIN companies c ON c.id = p.company_id WHERE p.id = ? AND p.deleted_at IS NULL`,
  )
  const teamOf = sqlite.prepare<[string], { user_id: string; role: ProjectTeamRole | null }>(
    `SELECT user_id, role FROM project_team_members WHERE project_id = ? AND deleted_at IS NULL AND is_active = 1
      ORDER BY created_at, id`,
  )
  const sessionsOf = sqlite.prepare<[string], SessionRow>(
    `SELECT id, project_id, session_number, name, start_date, end_date, status, location, max_participants
       FROM training_sessions WHERE project_id = ? AND deleted_at IS NULL ORDER BY session_number, id`,
  )
  const sessionById = sqlite.prepare<[string], SessionRow>(
    `SELECT id, project_id, session_number, name, start_date, end_date, status, location, max_participants
       FROM training_sessions WHERE id = ? AND deleted_at IS NULL`,
  )
  const classesOfProject = sqlite.prepare<[string], ClassRow>(
    `SELECT ${CLASS_COLUMNS} FROM training_classes k LEFT JOIN instructors i ON i.id = k.instructor_id
      WHERE k.deleted_at IS NULL AND k.session_id IN (SELECT id FROM training_sessions WHERE project_id = ? AND deleted_at IS NULL)
      ORDER BY k.class_number, k.date, k.start_time, k.id`,
  )
  const nextSessionNumber = sqlite.prepare<[string], { next: number }>(
    'SELECT COALESCE(MAX(session_number), 0) + 1 AS next FROM training_sessions WHERE project_id = ? AND deleted_at IS NULL',
  )
  const nextClassNumber = sqlite.prepare<[string], { next: number }>(
    'SELECT COALESCE(MAX(class_number), 0) + 1 AS next FROM training_classes WHERE session_id = ? AND deleted_at IS NULL',
  )
  // Overlap on the same date: [start, end) intervals intersect. Cancelled classes book nothing.
  const overlapping = sqlite.prepare<
    [string, string, string],
    ClassRow & { session_number: number; project_name: string | null; location: string | null }
  >(
    `SELECT ${CLASS_COLUMNS}, s.session_number, s.location, p.name AS project_name
       FROM training_classes k
       JOIN training_sessions s ON s.id = k.session_id
       LEFT JOIN projects p ON p.id = s.project_id
       LEFT JOIN instructors i ON i.id = k.instructor_id
      WHERE k.deleted_at IS NULL AND k.status <> 'CANCELLED' AND k.date = ? AND k.start_time < ? AND k.end_time > ?
      ORDER BY k.start_time, k.id`,
  )
  const agendaRows = sqlite.prepare<
    [string, string],
    ClassRow & { project_id: string; project_name: string | null; company_name: string | null; session_number: number }
  >(
    `SELECT ${CLASS_COLUMNS}, s.project_id, s.session_number, p.name AS project_name, c.name AS company_name
       FROM training_classes k
       JOIN training_sessions s ON s.id = k.session_id AND s.deleted_at IS NULL
       LEFT JOIN projects p ON p.id = s.project_id
       LEFT JOIN companies c ON c.id = p.company_id
       LEFT JOIN instructors i ON i.id = k.instructor_id
      WHERE k.deleted_at IS NULL AND k.date >= ? AND k.date < ?
      ORDER BY k.date, k.start_time, k.id LIMIT 500`,
  )
  const instructorName = sqlite.prepare<[string], { last_name: string; first_name: string }>(
    'SELECT last_name, first_name FROM instructors WHERE id = ?',
  )
  const activeInstructors = sqlite.prepare<[], { id: string; last_name: string; first_name: string }>(
    'SELECT id, last_name, first_name FROM instructors WHERE deleted_at IS NULL AND is_active = 1 ORDER BY last_name || first_name, id',
  )

  const requireProject = (id: string): ProjectRow => {
    const row = projectById.get(id)
    if (!row) throw new TrainingRuleError('notFound', `No project ${id} on this device`)
    return row
  }
  const requireSession = (id: string): SessionRow => {
    const row = sessionById.get(id)
    if (!row) throw new TrainingRuleError('notFound', `No session ${id} on this device`)
    return row
  }
  const requireActor = (): string => {
    const actor = ctx.actor()
    if (!actor) throw new TrainingRuleError('signInToEdit', 'Nobody is signed in')
    return actor.id
  }

  const get = (id: string): ProjectDetail => {
    const row = requireProject(id)
    const team = teamOf.all(id)
    const userNames = names(team.map((m) => m.user_id))
    const classes = classesOfProject.all(id).map(classViewOf)
    const sessions: SessionView[] = sessionsOf.all(id).map((s) => ({
      id: s.id,
      sessionNumber: s.session_number,
      name: s.name,
      startDate: s.start_date,
      endDate: s.end_date,
      status: s.status,
      location: s.location,
      maxParticipants: s.max_participants,
      classes: classes.filter((k) => k.sessionId === s.id),
    }))
    return {
      ...summaryOf(row),
      description: row.description,
      companyId: row.company_id,
      budget: row.budget,
      actualCost: row.actual_cost,
      team: team.map((m) => ({ userId: m.user_id, name: userNames.get(m.user_id) ?? null, role: m.role })),
      sessions,
    }
  }

  const doubleBookings: ProjectsRepo['doubleBookings'] = (slot) => {
    const session = requireSession(slot.sessionId)
    const room = roomKey(slot.room)
    const venue = roomKey(session.location)
    const out: DoubleBooking[] = []
    for (const other of overlapping.all(slot.date, slot.endTime, slot.startTime)) {
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

  return {
    list(filter = {}) {
      const parts = ['p.deleted_at IS NULL']
      const params: string[] = []
      for (const [column, value] of [
        ['p.status', filter.status],
        ['p.phase', filter.phase],
        ['p.health', filter.health],
        ['p.priority', filter.priority],
      ] as const) {
        if (value === undefined) continue
        parts.push(`${column} = ?`)
        params.push(value)
      }
      // Running projects first, then by start date (latest first): what a coordinator works on today is on top.
      const sql = `SELECT ${PROJECT_COLUMNS} FROM projects p LEFT JOIN companies c ON c.id = p.company_id
        WHERE ${parts.join(' AND ')}
        ORDER BY (p.status = 'IN_PROGRESS') DESC, p.start_date DESC, p.id DESC`
      return (cached(sql).all(...params) as ProjectRow[]).map(summaryOf)
    },

    get,

    createSession(input) {
      requireActor()
      requireProject(input.projectId)
      if (input.endDate < input.startDate) throw new TrainingRuleError('invalidPeriod', 'end before start')
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
      if (input.endTime <= input.startTime) throw new TrainingRuleError('invalidPeriod', 'end not after start')
      if (input.date < session.start_date || input.date > session.end_date) {
        throw new TrainingRuleError('invalidPeriod', 'class date outside its session')
      }
      if (input.maxParticipants !== null && session.max_participants !== null && input.maxParticipants > session.max_participants) {
        throw new TrainingRuleError('classFull', 'class capacity above the session capacity')
      }
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
        if (conflicts.length > 0) {
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
            subject: `이중 예약 확인 후 등록: ${session.session_number}차 ${classNumber}분반`,
            description: [
              `${formatKoreanDate(input.date)} ${input.startTime}–${input.endTime}` +
                `${instructor ? ` 강사 ${displayName({ lastName: instructor.last_name, firstName: instructor.first_name })}` : ''}` +
                `${input.room ? ` 강의실 ${input.room}` : ''}`,
              ...lines,
            ].join('\n'),
          })
        }
      })
      return { status: 'created', classId: id, project: get(session.project_id) }
    },

    doubleBookings,

    agenda: (from, days) =>
      agendaRows.all(from, addDays(from, days)).map((row) => ({
        ...classViewOf(row),
        projectId: row.project_id,
        projectName: row.project_name ?? '',
        companyName: row.company_name,
        sessionNumber: row.session_number,
      })),

    instructors: () =>
      activeInstructors.all().map((row) => ({ id: row.id, name: displayName({ lastName: row.last_name, firstName: row.first_name }) })),
  }
}

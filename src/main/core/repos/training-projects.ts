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
import { compareKorean } from '../../../shared/domain/korean-text'
import { pairId } from '../../../shared/ids/pair-id'
import { projectMargin, projectMarginPercent } from '../../../shared/domain/project-finance'
import { DEFAULT_ATTENDANCE_POLICY, projectAttendancePolicy, trainingCompletion } from '../../../shared/domain/attendance'
import { addDays, formatKoreanDate, minutesBetweenTimes } from '../../../shared/domain/dates'
import { trainingRates } from '../../../shared/domain/training-rates'
import { duplicateNumberIds } from '../../../shared/domain/training-numbers'
import { satisfactionSummary, type FeedbackRatings } from '../../../shared/domain/satisfaction'
import {
  type AttendanceStatus,
  type ClassStatus,
  type ProjectHealth,
  type ProjectPhase,
  type ProjectPriority,
  type ProjectStatus,
  type ProjectTeamRole,
  type ProjectType,
  type SessionStatus,
} from '../../../shared/model/enums'
import { meetingProductTotal } from '../../../shared/domain/project-finance'
import {
  type classCreateSchema,
  type classDeleteSchema,
  type classUpdateSchema,
  type completionRuleSchema,
  type feedbackRecordSchema,
  type teamMemberSaveSchema,
  type sessionCreateSchema,
  type sessionUpdateSchema,
} from '../../../shared/model/validation/training'
import {
  type AgendaClass,
  type ClassCreateResult,
  type ClassDeleteResult,
  type ClassView,
  type CompletionList,
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
import { createClashReader } from './training-clashes'

type SessionCreate = z.output<typeof sessionCreateSchema>
type ClassCreate = z.output<typeof classCreateSchema>
type SessionUpdate = z.output<typeof sessionUpdateSchema>
type ClassUpdate = z.output<typeof classUpdateSchema>
type ClassDelete = z.output<typeof classDeleteSchema>
type FeedbackRecord = z.output<typeof feedbackRecordSchema>
type TeamMemberSave = z.output<typeof teamMemberSaveSchema>

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
  /** Edits a 차수, its number included (a duplicate number is allowed and flagged, never silently changed). */
  updateSession(input: SessionUpdate): ProjectDetail
  /** Soft-deletes a 차수 without live classes; one with classes is refused (`hasClasses`): delete those first. */
  deleteSession(id: string): ProjectDetail
  /** Edits a 분반; the double-booking warning runs again, the class itself excluded. */
  updateClass(input: ClassUpdate): ClassCreateResult
  /**
   * Soft-deletes a 분반. With attendance marks it answers `hasAttendance` unless confirmed: the marks are evidence of
   * training given (수료 figures, billing), so deleting them takes a second, explicit yes. Marks and enrolments are
   * kept in the replica, hidden with the class, and come back if the class is restored.
   */
  deleteClass(input: ClassDelete): ClassDeleteResult
  /** One satisfaction answer for a session or one of its classes (the class's instructor is recorded with it). */
  recordFeedback(input: FeedbackRecord): ProjectDetail
  /** Active users who can be put on a project team, 가나다 order. */
  teamCandidates(): InstructorOption[]
  /** Adds a member or edits their role / allocation (one row per project and user). */
  saveTeamMember(input: TeamMemberSave): ProjectDetail
  removeTeamMember(input: { readonly projectId: string; readonly userId: string }): ProjectDetail
  /** Sets the project's completion rule (수료 기준; null = the default); needs projects:update (`notPermitted`). */
  setCompletionRule(input: z.output<typeof completionRuleSchema>): ProjectDetail
  /** Other classes the given slot would double-book (same instructor, or same room at the same venue). */
  doubleBookings(slot: {
    readonly sessionId: string
    readonly date: string
    readonly startTime: string
    readonly endTime: string
    readonly instructorId: string | null
    readonly room: string | null
    /** The class being edited, which cannot clash with itself. */
    readonly excludeClassId?: string
  }): DoubleBooking[]
  instructors(): InstructorOption[]
  /** Per trainee and 차수 (optionally one 차수): completion under the project's rule, 가나다 order within each 차수. */
  completion(projectId: string, sessionId?: string): CompletionList
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
  completion_percent: number | null
  type: ProjectType | null
  branch_id: string | null
  branch_name: string | null
  opportunity_id: string | null
  opportunity_title: string | null
  contract_id: string | null
  contract_code: string | null
  actual_start_date: string | null
  actual_end_date: string | null
  project_manager_id: string | null
  coordinator_id: string | null
  operator_id: string | null
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
  waiting: number
}

const PROJECT_COLUMNS = `p.id, p.code, p.name, p.description, p.company_id, c.name AS company_name, p.status, p.phase, p.health,
  p.priority, p.start_date, p.end_date, p.progress, p.budget, p.actual_cost, p.revenue, p.completion_percent,
  p.type, p.branch_id, b.name AS branch_name, p.opportunity_id, o.title AS opportunity_title, p.contract_id,
  ct.code AS contract_code, p.actual_start_date, p.actual_end_date, p.project_manager_id, p.coordinator_id, p.operator_id`

/** The joins PROJECT_COLUMNS reads from (after FROM projects p). */
const PROJECT_JOINS = `LEFT JOIN companies c ON c.id = p.company_id LEFT JOIN branches b ON b.id = p.branch_id
  LEFT JOIN opportunities o ON o.id = p.opportunity_id LEFT JOIN contracts ct ON ct.id = p.contract_id`

// The counts a class shows, derived from live rows: CONFIRMED enrolments, and of those the ones marked as attended.
// A trainee may (in old data) hold two marks for a class; EXISTS counts them once.
const CLASS_COLUMNS = `k.id, k.session_id, k.class_number, k.name, k.date, k.start_time, k.end_time, k.instructor_id,
  i.last_name AS instructor_last, i.first_name AS instructor_first, k.room, k.topic, k.max_participants, k.status,
  (SELECT COUNT(*) FROM enrollments e WHERE e.class_id = k.id AND e.status = 'CONFIRMED' AND e.deleted_at IS NULL) AS enrolled,
  (SELECT COUNT(*) FROM enrollments e WHERE e.class_id = k.id AND e.status = 'CONFIRMED' AND e.deleted_at IS NULL
     AND EXISTS (SELECT 1 FROM attendance_records a WHERE a.class_id = k.id AND a.trainee_id = e.trainee_id
                   AND a.deleted_at IS NULL AND a.status IN ('PRESENT', 'LATE', 'LEFT_EARLY'))) AS attended,
  (SELECT COUNT(*) FROM enrollments e WHERE e.class_id = k.id AND e.status IN ('APPLIED', 'WAITLISTED') AND e.deleted_at IS NULL) AS waiting`

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
    instructorId: row.instructor_id,
    instructorName:
      row.instructor_last !== null && row.instructor_first !== null ? displayName({ lastName: row.instructor_last, firstName: row.instructor_first }) : null,
    room: row.room,
    topic: row.topic,
    maxParticipants: row.max_participants,
    status: row.status,
    enrolled: row.enrolled,
    attended: row.attended,
    waiting: row.waiting,
    duplicateNumber: false,
    satisfaction: null,
  }
}

function withDuplicateFlags(classes: ClassView[]): ClassView[] {
  const duplicates = duplicateNumberIds(classes.map((k) => ({ id: k.id, number: k.classNumber })))
  return classes.map((k) => (duplicates.has(k.id) ? { ...k, duplicateNumber: true } : k))
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
  const serverClashes = createClashReader(ctx)
  const projectById = sqlite.prepare<[string], ProjectRow>(`SELECT ${PROJECT_COLUMNS} FROM projects p ${PROJECT_JOINS} WHERE p.id = ? AND p.deleted_at IS NULL`)
  const teamOf = sqlite.prepare<[string], { user_id: string; role: ProjectTeamRole | null; allocation_percent: number }>(
    `SELECT user_id, role, allocation_percent FROM project_team_members WHERE project_id = ? AND deleted_at IS NULL AND is_active = 1
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
  const overlapping = sqlite.prepare<[string, string, string], ClassRow & { session_number: number; project_name: string | null; location: string | null }>(
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
  const classById = sqlite.prepare<[string], { id: string; session_id: string }>(
    'SELECT id, session_id FROM training_classes WHERE id = ? AND deleted_at IS NULL',
  )
  const liveClassCount = sqlite.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM training_classes WHERE session_id = ? AND deleted_at IS NULL')
  const feedbackOf = sqlite.prepare<
    [string],
    {
      session_id: string
      class_id: string | null
      overall_rating: number
      content_rating: number | null
      instructor_rating: number | null
      operation_rating: number | null
    }
  >(
    `SELECT f.session_id, f.class_id, f.overall_rating, f.content_rating, f.instructor_rating, f.operation_rating
       FROM training_feedback f JOIN training_sessions s ON s.id = f.session_id AND s.deleted_at IS NULL
      WHERE s.project_id = ? AND f.deleted_at IS NULL`,
  )
  // Every confirmed trainee's classes that take place, with the latest live mark: what completion (수료) is judged on.
  const enrolmentsOf = sqlite.prepare<
    [string],
    { trainee_id: string; status: AttendanceStatus | null; minutes_attended: number | null; start_time: string; end_time: string }
  >(
    `SELECT e.trainee_id, a.status, a.minutes_attended, k.start_time, k.end_time
       FROM enrollments e
       JOIN training_classes k ON k.id = e.class_id AND k.deleted_at IS NULL AND k.status <> 'CANCELLED'
       JOIN training_sessions s ON s.id = k.session_id AND s.deleted_at IS NULL AND s.status <> 'CANCELLED'
       LEFT JOIN attendance_records a ON a.id = (
         SELECT a2.id FROM attendance_records a2
          WHERE a2.class_id = e.class_id AND a2.trainee_id = e.trainee_id AND a2.deleted_at IS NULL
          ORDER BY a2.recorded_at DESC, a2.id DESC LIMIT 1)
      WHERE e.deleted_at IS NULL AND e.status = 'CONFIRMED' AND s.project_id = ?`,
  )
  // 제안 상품: what was proposed in the meetings of the opportunity the project came from, read where it lives.
  const proposedOf = sqlite.prepare<
    [string],
    { product_id: string; name: string | null; quantity: number; unit_price: number | null; discount_percent: number }
  >(
    `SELECT mp.product_id, pr.name, mp.quantity, mp.unit_price, mp.discount_percent
       FROM meeting_products mp
       JOIN meetings m ON m.id = mp.meeting_id AND m.deleted_at IS NULL
       LEFT JOIN products pr ON pr.id = mp.product_id
      WHERE m.opportunity_id = ? AND mp.deleted_at IS NULL
      ORDER BY m.start_time, mp.created_at, mp.id`,
  )
  // Every confirmed enrolment of the project's live classes with the trainee's 소속 and the latest mark.
  const completionRows = sqlite.prepare<
    [string],
    {
      trainee_id: string
      last_name: string
      first_name: string
      company_name: string | null
      department: string | null
      position: string | null
      phone: string | null
      session_id: string
      session_number: number
      session_start: string
      session_end: string
      status: AttendanceStatus | null
      minutes_attended: number | null
      start_time: string
      end_time: string
    }
  >(
    `SELECT e.trainee_id, t.last_name, t.first_name, c.name AS company_name, t.department, t.position, t.phone,
            s.id AS session_id, s.session_number, s.start_date AS session_start, s.end_date AS session_end,
            a.status, a.minutes_attended, k.start_time, k.end_time
       FROM enrollments e
       JOIN trainees t ON t.id = e.trainee_id AND t.deleted_at IS NULL
       LEFT JOIN companies c ON c.id = t.company_id
       JOIN training_classes k ON k.id = e.class_id AND k.deleted_at IS NULL AND k.status <> 'CANCELLED'
       JOIN training_sessions s ON s.id = k.session_id AND s.deleted_at IS NULL AND s.status <> 'CANCELLED'
       LEFT JOIN attendance_records a ON a.id = (
         SELECT a2.id FROM attendance_records a2
          WHERE a2.class_id = e.class_id AND a2.trainee_id = e.trainee_id AND a2.deleted_at IS NULL
          ORDER BY a2.recorded_at DESC, a2.id DESC LIMIT 1)
      WHERE e.deleted_at IS NULL AND e.status = 'CONFIRMED' AND s.project_id = ?
      ORDER BY s.session_number, s.id`,
  )
  const classInSession = sqlite.prepare<[string, string], { instructor_id: string | null }>(
    'SELECT instructor_id FROM training_classes WHERE id = ? AND session_id = ? AND deleted_at IS NULL',
  )
  const memberRow = sqlite.prepare<[string, string], { id: string }>(
    `SELECT id FROM project_team_members WHERE project_id = ? AND user_id = ? AND deleted_at IS NULL
      ORDER BY created_at, id LIMIT 1`,
  )
  const activeUsers = sqlite.prepare<[], { id: string; last_name: string; first_name: string }>(
    'SELECT id, last_name, first_name FROM users WHERE deleted_at IS NULL AND is_active = 1',
  )
  const markCount = sqlite.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM attendance_records WHERE class_id = ? AND deleted_at IS NULL')
  const instructorName = sqlite.prepare<[string], { last_name: string; first_name: string }>('SELECT last_name, first_name FROM instructors WHERE id = ?')
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

  /** A capacity of zero or fewer seats is a typing mistake, never a rule: refused with its own message. */
  const requireCapacity = (capacity: number | null): void => {
    if (capacity !== null && capacity < 1) throw new TrainingRuleError('invalidCapacity', `capacity must be at least 1, got ${capacity}`)
  }

  const requireClass = (id: string): { id: string; session_id: string } => {
    const row = classById.get(id)
    if (!row) throw new TrainingRuleError('notFound', `No class ${id} on this device`)
    return row
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

  const get = (id: string): ProjectDetail => {
    const row = requireProject(id)
    const policy = projectAttendancePolicy(row.completion_percent, DEFAULT_ATTENDANCE_POLICY)
    const team = teamOf.all(id)
    const userNames = names([...team.map((m) => m.user_id), row.project_manager_id, row.coordinator_id, row.operator_id])
    const userName = (userId: string | null): string | null => (userId ? (userNames.get(userId) ?? null) : null)
    const answers = feedbackOf.all(id).map((f) => ({
      sessionId: f.session_id,
      classId: f.class_id,
      overallRating: f.overall_rating,
      contentRating: f.content_rating,
      instructorRating: f.instructor_rating,
      operationRating: f.operation_rating,
    }))
    const summaryWhere = (keep: (a: (typeof answers)[number]) => boolean) => satisfactionSummary(answers.filter(keep) satisfies FeedbackRatings[])
    const classes = classesOfProject.all(id).map((row) => ({ ...classViewOf(row), satisfaction: summaryWhere((a) => a.classId === row.id) }))
    const sessionRows = sessionsOf.all(id)
    const duplicateSessions = duplicateNumberIds(sessionRows.map((s) => ({ id: s.id, number: s.session_number })))
    const sessions: SessionView[] = sessionRows.map((s) => ({
      id: s.id,
      sessionNumber: s.session_number,
      name: s.name,
      startDate: s.start_date,
      endDate: s.end_date,
      status: s.status,
      location: s.location,
      maxParticipants: s.max_participants,
      duplicateNumber: duplicateSessions.has(s.id),
      satisfaction: summaryWhere((a) => a.sessionId === s.id),
      classes: withDuplicateFlags(classes.filter((k) => k.sessionId === s.id)),
    }))
    return {
      ...summaryOf(row),
      description: row.description,
      companyId: row.company_id,
      type: row.type,
      branchId: row.branch_id,
      branchName: row.branch_name,
      opportunityId: row.opportunity_id,
      opportunityTitle: row.opportunity_title,
      contractId: row.contract_id,
      contractCode: row.contract_code,
      actualStartDate: row.actual_start_date,
      actualEndDate: row.actual_end_date,
      projectManagerId: row.project_manager_id,
      coordinatorId: row.coordinator_id,
      operatorId: row.operator_id,
      projectManagerName: userName(row.project_manager_id),
      coordinatorName: userName(row.coordinator_id),
      operatorName: userName(row.operator_id),
      proposedProducts: row.opportunity_id
        ? proposedOf.all(row.opportunity_id).map((p) => ({
            productId: p.product_id,
            name: p.name ?? '',
            quantity: p.quantity,
            unitPrice: p.unit_price,
            total: meetingProductTotal({ quantity: p.quantity, unitPrice: p.unit_price, discountPercent: p.discount_percent }),
          }))
        : [],
      budget: row.budget,
      actualCost: row.actual_cost,
      team: team.map((m) => ({ userId: m.user_id, name: userNames.get(m.user_id) ?? null, role: m.role, allocationPercent: m.allocation_percent })),
      sessions,
      satisfaction: summaryWhere((a) => sessionRows.some((s) => s.id === a.sessionId)),
      completionRule: { percent: policy.completionPercent, isDefault: row.completion_percent === null },
      training: trainingRates(
        enrolmentsOf.all(id).map((e) => ({
          traineeId: e.trainee_id,
          status: e.status,
          scheduledMinutes: Math.max(0, minutesBetweenTimes(e.start_time, e.end_time)),
          attendedMinutes: e.minutes_attended,
        })),
        policy,
      ),
      serverClashes: serverClashes.forProject(id),
    }
  }

  const doubleBookings: ProjectsRepo['doubleBookings'] = (slot) => {
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
      const sql = `SELECT ${PROJECT_COLUMNS} FROM projects p ${PROJECT_JOINS}
        WHERE ${parts.join(' AND ')}
        ORDER BY (p.status = 'IN_PROGRESS') DESC, p.start_date DESC, p.id DESC`
      return (cached(sql).all(...params) as ProjectRow[]).map(summaryOf)
    },

    get,

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

    recordFeedback(input) {
      requireActor()
      const session = requireSession(input.sessionId)
      let instructorId: string | null = null
      if (input.classId !== null) {
        const klass = classInSession.get(input.classId, session.id)
        if (!klass) throw new TrainingRuleError('notFound', `No class ${input.classId} in session ${session.id}`)
        instructorId = klass.instructor_id
      }
      writer.upsert('training_feedback', ctx.newId(), {
        session_id: session.id,
        class_id: input.classId,
        instructor_id: instructorId,
        overall_rating: input.overallRating,
        content_rating: input.contentRating,
        instructor_rating: input.instructorRating,
        operation_rating: input.operationRating,
        comment: input.comment,
        submitted_at: ctx.now().toISOString(),
      })
      return get(session.project_id)
    },

    teamCandidates: () =>
      activeUsers
        .all()
        .map((u) => ({ id: u.id, name: displayName({ lastName: u.last_name, firstName: u.first_name }) }))
        .sort((a, b) => compareKorean(a.name, b.name)),

    saveTeamMember(input) {
      requireActor()
      requireProject(input.projectId)
      // A pair id: two devices adding the same person offline write one row (the server allows one live row per pair).
      const id = memberRow.get(input.projectId, input.userId)?.id ?? pairId('project_team_members', input.projectId, input.userId)
      writer.upsert('project_team_members', id, {
        project_id: input.projectId,
        user_id: input.userId,
        role: input.role,
        allocation_percent: input.allocationPercent,
        is_active: true,
        deleted_at: null,
      })
      return get(input.projectId)
    },

    removeTeamMember({ projectId, userId }) {
      requireActor()
      requireProject(projectId)
      const row = memberRow.get(projectId, userId)
      if (!row) throw new TrainingRuleError('notFound', 'not on the team')
      writer.remove('project_team_members', row.id)
      return get(projectId)
    },

    setCompletionRule({ projectId, completionPercent }) {
      const actor = ctx.actor()
      if (!actor) throw new TrainingRuleError('signInToEdit', 'Nobody is signed in')
      requireProject(projectId)
      // Re-checked here: the server's CHECK constraint would refuse it only after it left the device.
      if (completionPercent !== null && !(Number.isInteger(completionPercent) && completionPercent >= 0 && completionPercent <= 100)) {
        throw new TrainingRuleError('invalidCompletionRule', `completionPercent must be a whole number 0–100, got ${completionPercent}`)
      }
      writer.upsert('projects', projectId, { completion_percent: completionPercent })
      return get(projectId)
    },

    doubleBookings,

    completion(projectId, sessionId) {
      const row = requireProject(projectId)
      const policy = projectAttendancePolicy(row.completion_percent, DEFAULT_ATTENDANCE_POLICY)
      const groups = new Map<string, { first: ReturnType<typeof completionRows.all>[number]; marks: Parameters<typeof trainingCompletion>[0][number][] }>()
      for (const r of completionRows.all(projectId)) {
        if (sessionId && r.session_id !== sessionId) continue
        const key = `${r.session_id}|${r.trainee_id}`
        const group = groups.get(key) ?? { first: r, marks: [] }
        group.marks.push({
          status: r.status,
          scheduledMinutes: Math.max(0, minutesBetweenTimes(r.start_time, r.end_time)),
          attendedMinutes: r.minutes_attended,
        })
        groups.set(key, group)
      }
      const entries = [...groups.values()].map(({ first: r, marks }) => {
        const judged = trainingCompletion(marks, policy)
        return {
          traineeId: r.trainee_id,
          name: displayName({ lastName: r.last_name, firstName: r.first_name }),
          companyName: r.company_name,
          department: r.department,
          position: r.position,
          phone: r.phone,
          sessionId: r.session_id,
          sessionNumber: r.session_number,
          sessionStart: r.session_start,
          sessionEnd: r.session_end,
          percent: judged.percent,
          completed: judged.completed,
        }
      })
      entries.sort((a, b) => a.sessionNumber - b.sessionNumber || compareKorean(a.name, b.name))
      return {
        projectId,
        projectCode: row.code,
        projectName: row.name,
        companyName: row.company_name,
        completionPercent: policy.completionPercent,
        entries,
      }
    },

    agenda: (from, days) =>
      agendaRows.all(from, addDays(from, days)).map((row) => ({
        ...classViewOf(row),
        projectId: row.project_id,
        projectName: row.project_name ?? '',
        companyName: row.company_name,
        sessionNumber: row.session_number,
      })),

    instructors: () => activeInstructors.all().map((row) => ({ id: row.id, name: displayName({ lastName: row.last_name, firstName: row.first_name }) })),
  }
}

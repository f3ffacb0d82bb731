/**
 * The project, session and class rows the project page, the schedule and the agenda read, their views, and the
 * lookups every project write starts with (a missing project, session or class, or nobody signed in, is refused).
 */
import { displayName } from '../../../shared/domain/korean-name'
import { projectMargin, projectMarginPercent } from '../../../shared/domain/project-finance'
import { duplicateNumberIds } from '../../../shared/domain/training-numbers'
import {
  type ClassStatus,
  type ProjectHealth,
  type ProjectPhase,
  type ProjectPriority,
  type ProjectStatus,
  type ProjectType,
  type SessionStatus,
} from '../../../shared/model/enums'
import { type ClassView, type ProjectSummary } from '../../../shared/ipc/training-types'
import { type RepoContext } from '../common/context'
import { requireTrainingActor, TrainingRuleError } from './rules'

export interface ProjectRow {
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

export interface SessionRow {
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

export interface ClassRow {
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

export const PROJECT_COLUMNS = `p.id, p.code, p.name, p.description, p.company_id, c.name AS company_name, p.status, p.phase, p.health,
  p.priority, p.start_date, p.end_date, p.progress, p.budget, p.actual_cost, p.revenue, p.completion_percent,
  p.type, p.branch_id, b.name AS branch_name, p.opportunity_id, o.title AS opportunity_title, p.contract_id,
  ct.code AS contract_code, p.actual_start_date, p.actual_end_date, p.project_manager_id, p.coordinator_id, p.operator_id`

/** The joins PROJECT_COLUMNS reads from (after FROM projects p). */
export const PROJECT_JOINS = `LEFT JOIN companies c ON c.id = p.company_id LEFT JOIN branches b ON b.id = p.branch_id
  LEFT JOIN opportunities o ON o.id = p.opportunity_id LEFT JOIN contracts ct ON ct.id = p.contract_id`

// The counts a class shows, derived from live rows: CONFIRMED enrolments, and of those the ones marked as attended.
// A trainee may (in old data) hold two marks for a class; EXISTS counts them once.
export const CLASS_COLUMNS = `k.id, k.session_id, k.class_number, k.name, k.date, k.start_time, k.end_time, k.instructor_id,
  i.last_name AS instructor_last, i.first_name AS instructor_first, k.room, k.topic, k.max_participants, k.status,
  (SELECT COUNT(*) FROM enrollments e WHERE e.class_id = k.id AND e.status = 'CONFIRMED' AND e.deleted_at IS NULL) AS enrolled,
  (SELECT COUNT(*) FROM enrollments e WHERE e.class_id = k.id AND e.status = 'CONFIRMED' AND e.deleted_at IS NULL
     AND EXISTS (SELECT 1 FROM attendance_records a WHERE a.class_id = k.id AND a.trainee_id = e.trainee_id
                   AND a.deleted_at IS NULL AND a.status IN ('PRESENT', 'LATE', 'LEFT_EARLY'))) AS attended,
  (SELECT COUNT(*) FROM enrollments e WHERE e.class_id = k.id AND e.status IN ('APPLIED', 'WAITLISTED') AND e.deleted_at IS NULL) AS waiting`

export function summaryOf(row: ProjectRow): ProjectSummary {
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

export function classViewOf(row: ClassRow): ClassView {
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

export function withDuplicateFlags(classes: ClassView[]): ClassView[] {
  const duplicates = duplicateNumberIds(classes.map((k) => ({ id: k.id, number: k.classNumber })))
  return classes.map((k) => (duplicates.has(k.id) ? { ...k, duplicateNumber: true } : k))
}

export interface ProjectLookups {
  requireProject(id: string): ProjectRow
  requireSession(id: string): SessionRow
  requireClass(id: string): { id: string; session_id: string }
  /** The signed-in user's id; `signInToEdit` when nobody is. */
  requireActor(): string
}

export function createProjectLookups(ctx: RepoContext): ProjectLookups {
  const { sqlite } = ctx
  const projectById = sqlite.prepare<[string], ProjectRow>(`SELECT ${PROJECT_COLUMNS} FROM projects p ${PROJECT_JOINS} WHERE p.id = ? AND p.deleted_at IS NULL`)
  const sessionById = sqlite.prepare<[string], SessionRow>(
    `SELECT id, project_id, session_number, name, start_date, end_date, status, location, max_participants
       FROM training_sessions WHERE id = ? AND deleted_at IS NULL`,
  )
  const classById = sqlite.prepare<[string], { id: string; session_id: string }>(
    'SELECT id, session_id FROM training_classes WHERE id = ? AND deleted_at IS NULL',
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
  const requireActor = (): string => requireTrainingActor(ctx)
  const requireClass = (id: string): { id: string; session_id: string } => {
    const row = classById.get(id)
    if (!row) throw new TrainingRuleError('notFound', `No class ${id} on this device`)
    return row
  }
  return { requireProject, requireSession, requireClass, requireActor }
}

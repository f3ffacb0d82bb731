/**
 * Projects (프로젝트) with their 차수 (sessions) and 분반 (classes) on the device: the filtered list and the project page
 * (money figures derived by project-finance, never stored; class counts derived from enrolments and marks), here.
 * The rest of a project's work has a file each: schedule.ts (sessions and classes), double-booking.ts (the warning and
 * its override note), team.ts, feedback.ts, completion.ts, agenda.ts, clashes.ts (the server's instructor clashes); project-rows.ts holds the rows and lookups they
 * share. createProjectsRepo puts them together as one repository.
 */
import { projectAttendancePolicy, DEFAULT_ATTENDANCE_POLICY } from '../../../shared/domain/attendance'
import { minutesBetweenTimes } from '../../../shared/domain/dates'
import { meetingProductTotal } from '../../../shared/domain/project-finance'
import { satisfactionSummary, type FeedbackRatings } from '../../../shared/domain/satisfaction'
import { trainingRates } from '../../../shared/domain/training-rates'
import { duplicateNumberIds } from '../../../shared/domain/training-numbers'
import {
  type AttendanceStatus,
  type ProjectHealth,
  type ProjectPhase,
  type ProjectPriority,
  type ProjectStatus,
  type ProjectTeamRole,
} from '../../../shared/model/enums'
import { type ProjectDetail, type ProjectSummary, type SessionView } from '../../../shared/ipc/training-types'
import { createUserNames, type RepoContext } from '../common/context'
import { createStatementCache } from '../common/sql'
import { createTrainingAgenda, type TrainingAgenda } from './agenda'
import { createClashReader } from './clashes'
import { createProjectCompletion, type ProjectCompletion } from './completion'
import { createDoubleBookingFinder, type DoubleBookingFinder } from './double-booking'
import { createProjectFeedback, type ProjectFeedback } from './feedback'
import {
  CLASS_COLUMNS,
  PROJECT_COLUMNS,
  PROJECT_JOINS,
  classViewOf,
  createProjectLookups,
  summaryOf,
  withDuplicateFlags,
  type ClassRow,
  type ProjectLookups,
  type ProjectRow,
  type SessionRow,
} from './project-rows'
import { createProjectSchedule, type ProjectSchedule } from './schedule'
import { createProjectTeam, type ProjectTeam } from './team'

export interface ProjectFilter {
  readonly status?: ProjectStatus
  readonly phase?: ProjectPhase
  readonly health?: ProjectHealth
  readonly priority?: ProjectPriority
}

export interface ProjectPages {
  list(filter?: ProjectFilter): ProjectSummary[]
  get(id: string): ProjectDetail
}

export type ProjectsRepo = ProjectPages &
  ProjectSchedule &
  ProjectFeedback &
  ProjectTeam &
  ProjectCompletion &
  TrainingAgenda & {
    /** Other classes the given slot would double-book (same instructor, or same room at the same venue). */
    readonly doubleBookings: DoubleBookingFinder
  }

export function createProjectPages(ctx: RepoContext, { requireProject }: ProjectLookups): ProjectPages {
  const { sqlite } = ctx
  const names = createUserNames(sqlite)
  const cached = createStatementCache(sqlite)
  const serverClashes = createClashReader(ctx)
  const teamOf = sqlite.prepare<[string], { user_id: string; role: ProjectTeamRole | null; allocation_percent: number }>(
    `SELECT user_id, role, allocation_percent FROM project_team_members WHERE project_id = ? AND deleted_at IS NULL AND is_active = 1
      ORDER BY created_at, id`,
  )
  const sessionsOf = sqlite.prepare<[string], SessionRow>(
    `SELECT id, project_id, session_number, name, start_date, end_date, status, location, max_participants
       FROM training_sessions WHERE project_id = ? AND deleted_at IS NULL ORDER BY session_number, id`,
  )
  const classesOfProject = sqlite.prepare<[string], ClassRow>(
    `SELECT ${CLASS_COLUMNS} FROM training_classes k LEFT JOIN instructors i ON i.id = k.instructor_id
      WHERE k.deleted_at IS NULL AND k.session_id IN (SELECT id FROM training_sessions WHERE project_id = ? AND deleted_at IS NULL)
      ORDER BY k.class_number, k.date, k.start_time, k.id`,
  )
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
  }
}

export function createProjectsRepo(ctx: RepoContext): ProjectsRepo {
  const lookups = createProjectLookups(ctx)
  const pages = createProjectPages(ctx, lookups)
  const doubleBookings = createDoubleBookingFinder(ctx, lookups)
  const parts = { lookups, page: pages.get }
  return {
    ...pages,
    ...createProjectSchedule(ctx, { ...parts, doubleBookings }),
    ...createProjectFeedback(ctx, parts),
    ...createProjectTeam(ctx, parts),
    ...createProjectCompletion(ctx, parts),
    ...createTrainingAgenda(ctx),
    doubleBookings,
  }
}

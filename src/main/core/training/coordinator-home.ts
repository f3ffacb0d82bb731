/**
 * 코디네이터 홈 on the device: the training a coordinator runs — their classes today and this week, rosters not yet
 * taken, completion per project and instructor double bookings — read from the replica. Whether a user gets it at all
 * is the shared rule `homeKind` (src/shared/domain/coordinator-home.ts); everyone else keeps the sales dashboard.
 */
import { classTiming } from '../../../shared/domain/class-marking'
import { homeKind, weekAround } from '../../../shared/domain/coordinator-home'
import { addDays, toIsoDate } from '../../../shared/domain/dates'
import { displayName } from '../../../shared/domain/korean-name'
import { type CoordinatorClash, type CoordinatorClass, type CoordinatorHome } from '../../../shared/ipc/training-types'
import { instructorClashId } from '../../../shared/domain/instructor-clash'
import { type RepoContext } from '../common/context'
import { createClashReader } from './clashes'
import { type ProjectsRepo } from './projects'

export interface CoordinatorHomeRepo {
  home(): CoordinatorHome
}

/** How far back a class whose roster was never taken is still flagged. */
const NOT_TAKEN_DAYS = 30

interface ClassRow {
  id: string
  session_id: string
  project_id: string
  project_name: string
  session_number: number
  class_number: number
  name: string | null
  date: string
  start_time: string
  end_time: string
  instructor_id: string | null
  instructor_last: string | null
  instructor_first: string | null
  room: string | null
  enrolled: number
  unmarked: number
}

/** Live projects the user runs: PM, coordinator or operator of the project, or coordinator of one of its 차수. */
const MY_PROJECTS = `SELECT p.id FROM projects p
  WHERE p.deleted_at IS NULL AND p.status NOT IN ('CANCELLED', 'COMPLETED')
    AND (p.project_manager_id = :me OR p.coordinator_id = :me OR p.operator_id = :me
         OR EXISTS (SELECT 1 FROM training_sessions s WHERE s.project_id = p.id AND s.deleted_at IS NULL AND s.coordinator_id = :me))`

export function createCoordinatorHomeRepo(ctx: RepoContext, projects: ProjectsRepo): CoordinatorHomeRepo {
  const { sqlite } = ctx
  const clashReader = createClashReader(ctx)
  const roleName = sqlite.prepare<[string], { name: string }>('SELECT r.name FROM users u JOIN roles r ON r.id = u.role_id WHERE u.id = ?')
  const myProjects = sqlite.prepare<{ me: string }, { id: string }>(MY_PROJECTS)
  const openSales = sqlite.prepare<{ me: string }, { n: number }>(
    `SELECT (SELECT COUNT(*) FROM opportunities WHERE deleted_at IS NULL AND account_manager_id = :me AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST'))
          + (SELECT COUNT(*) FROM leads WHERE deleted_at IS NULL AND assigned_to = :me AND status NOT IN ('CONVERTED', 'UNQUALIFIED')) AS n`,
  )
  const classes = sqlite.prepare<{ me: string; from: string; to: string }, ClassRow>(
    `SELECT k.id, k.session_id, s.project_id, p.name AS project_name, s.session_number, k.class_number, k.name, k.date,
            k.start_time, k.end_time, k.instructor_id, i.last_name AS instructor_last, i.first_name AS instructor_first, k.room,
            (SELECT COUNT(*) FROM enrollments e WHERE e.class_id = k.id AND e.deleted_at IS NULL AND e.status = 'CONFIRMED') AS enrolled,
            (SELECT COUNT(*) FROM enrollments e WHERE e.class_id = k.id AND e.deleted_at IS NULL AND e.status = 'CONFIRMED'
                AND NOT EXISTS (SELECT 1 FROM attendance_records a WHERE a.class_id = k.id AND a.trainee_id = e.trainee_id AND a.deleted_at IS NULL)) AS unmarked
       FROM training_classes k
       JOIN training_sessions s ON s.id = k.session_id AND s.deleted_at IS NULL AND s.status <> 'CANCELLED'
       JOIN projects p ON p.id = s.project_id
       LEFT JOIN instructors i ON i.id = k.instructor_id
      WHERE k.deleted_at IS NULL AND k.status <> 'CANCELLED' AND k.date >= :from AND k.date <= :to
        AND s.project_id IN (${MY_PROJECTS})
      ORDER BY k.date, k.start_time, k.id LIMIT 1000`,
  )

  return {
    home() {
      const actor = ctx.actor()
      if (!actor) return { kind: 'sales' }
      const me = actor.id
      const mine = myProjects.all({ me })
      const kind = homeKind({
        tier: actor.tier,
        roleName: roleName.get(me)?.name ?? null,
        projectsRun: mine.length,
        openSales: openSales.get({ me })?.n ?? 0,
      })
      if (kind === 'sales') return { kind }

      const now = ctx.now()
      const today = toIsoDate(now)
      const week = weekAround(today)
      const viewOf = (r: ClassRow): CoordinatorClass => ({
        classId: r.id,
        projectId: r.project_id,
        projectName: r.project_name,
        sessionNumber: r.session_number,
        classNumber: r.class_number,
        name: r.name,
        date: r.date,
        startTime: r.start_time,
        endTime: r.end_time,
        instructorName:
          r.instructor_last !== null && r.instructor_first !== null ? displayName({ lastName: r.instructor_last, firstName: r.instructor_first }) : null,
        room: r.room,
        enrolled: r.enrolled,
        unmarked: r.unmarked,
        timing: classTiming({ date: r.date, startTime: r.start_time, endTime: r.end_time }, now),
      })
      const from = addDays(today, -NOT_TAKEN_DAYS)
      const to = week.end > addDays(today, 7) ? week.end : addDays(today, 7)
      const rows = classes.all({ me, from: from < week.start ? from : week.start, to })
      const views = rows.map(viewOf)

      // Clashes: each of my classes from today on, against every class this replica holds (same instructor only:
      // a room clash is the venue's business and already warned about when the class is saved).
      const serverClashes = clashReader.forProjects(
        mine.map((p) => p.id),
        today,
      )
      const clashes: CoordinatorClash[] = []
      // A pair the server recorded is listed once, as the server's (it also knows the other side's coordinator).
      const seen = new Set<string>(serverClashes.clashes.map((c) => c.id))
      for (const r of rows) {
        if (r.date < today || r.instructor_id === null) continue
        const others = projects.doubleBookings({
          sessionId: r.session_id,
          date: r.date,
          startTime: r.start_time,
          endTime: r.end_time,
          instructorId: r.instructor_id,
          room: null,
          excludeClassId: r.id,
        })
        for (const other of others) {
          // Both classes may be mine (two projects I run): one clash per pair, listed from the earlier class.
          const pair = instructorClashId(r.id, other.classId)
          if (!other.sameInstructor || seen.has(pair)) continue
          seen.add(pair)
          clashes.push({ ...pick(viewOf(r)), other })
        }
      }

      return {
        kind,
        today,
        weekStart: week.start,
        weekEnd: week.end,
        classesToday: views.filter((c) => c.date === today),
        classesThisWeek: views.filter((c) => c.date >= week.start && c.date <= week.end),
        rostersNotTaken: views.filter((c) => c.timing !== 'notStarted' && c.date >= from && c.enrolled > 0 && c.unmarked > 0),
        projects: mine.map(({ id }) => {
          const p = projects.get(id)
          return { id, code: p.code, name: p.name, completionPercent: p.completionRule.percent, training: p.training }
        }),
        clashes,
        serverClashes,
      }
    },
  }
}

function pick(c: CoordinatorClass): Omit<CoordinatorClash, 'other'> {
  return {
    classId: c.classId,
    projectName: c.projectName,
    sessionNumber: c.sessionNumber,
    classNumber: c.classNumber,
    date: c.date,
    startTime: c.startTime,
    endTime: c.endTime,
    instructorName: c.instructorName,
  }
}

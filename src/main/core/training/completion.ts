/** Completion (수료) of a project: its rule (the share of class time a trainee must attend) and the list per 차수. */
import { type z } from 'zod'
import { DEFAULT_ATTENDANCE_POLICY, projectAttendancePolicy, trainingCompletion } from '../../../shared/domain/attendance'
import { minutesBetweenTimes } from '../../../shared/domain/dates'
import { displayName } from '../../../shared/domain/korean-name'
import { compareKorean } from '../../../shared/domain/korean-text'
import { type AttendanceStatus } from '../../../shared/model/enums'
import { type completionRuleSchema } from '../../../shared/model/validation/training'
import { type CompletionList, type ProjectDetail } from '../../../shared/ipc/training-types'
import { type RepoContext } from '../common/context'
import { type ProjectLookups } from './project-rows'
import { TrainingRuleError } from './rules'

export interface ProjectCompletion {
  /** Sets the project's completion rule (수료 기준; null = the default); needs projects:update (the writer's check). */
  setCompletionRule(input: z.output<typeof completionRuleSchema>): ProjectDetail
  /** Per trainee and 차수 (optionally one 차수): completion under the project's rule, 가나다 order within each 차수. */
  completion(projectId: string, sessionId?: string): CompletionList
}

export function createProjectCompletion(
  ctx: RepoContext,
  { lookups, page: get }: { lookups: ProjectLookups; page: (projectId: string) => ProjectDetail },
): ProjectCompletion {
  const { sqlite, writer } = ctx
  const { requireProject } = lookups
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

  return {
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
  }
}

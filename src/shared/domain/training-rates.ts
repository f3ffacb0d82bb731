// Attendance and completion rates of a training project (or several) for dashboards, from the class-by-class
// records of its confirmed trainees; the rules themselves live in attendance.ts.

import { type AttendanceStatus } from '../model/enums'
import { DEFAULT_ATTENDANCE_POLICY, attendanceRate, projectAttendancePolicy, trainingCompletion, type AttendancePolicy } from './attendance'
import { ratioPercent } from './rounding'

/** One confirmed enrolment of a trainee in a class of the project, with the mark (null until marked). */
export interface EnrolmentRecord {
  readonly traineeId: string
  readonly status: AttendanceStatus | null
  /** Scheduled length of the class in minutes. */
  readonly scheduledMinutes: number
  readonly attendedMinutes: number | null
}

export interface TrainingRates {
  /** Distinct trainees with at least one confirmed enrolment. */
  readonly trainees: number
  /** Of those, trainees whose credited time reaches the completion share of their scheduled time (수료). */
  readonly completed: number
  /** attendanceRate over every mark, two decimals; null before the first mark. */
  readonly attendanceRate: number | null
  /** completed / trainees × 100, two decimals; null without trainees. */
  readonly completionRate: number | null
}

/**
 * Rates of one project. Completion is judged per trainee over all their scheduled classes, so while a project runs it
 * counts only the trainees who have already attended enough hours to complete (it rises towards the final figure).
 */
export function trainingRates(records: readonly EnrolmentRecord[], policy: AttendancePolicy = DEFAULT_ATTENDANCE_POLICY): TrainingRates {
  const byTrainee = new Map<string, EnrolmentRecord[]>()
  for (const record of records) {
    const list = byTrainee.get(record.traineeId)
    if (list) list.push(record)
    else byTrainee.set(record.traineeId, [record])
  }
  let completed = 0
  for (const list of byTrainee.values()) if (trainingCompletion(list, policy).completed) completed += 1
  return {
    trainees: byTrainee.size,
    completed,
    attendanceRate: attendanceRate(
      records.map((r) => r.status),
      policy,
    ),
    completionRate: ratioPercent(completed, byTrainee.size),
  }
}

/** The enrolment records of one project and its own completion rule (null = the default). */
export interface ProjectEnrolments {
  readonly records: readonly EnrolmentRecord[]
  readonly completionPercent: number | null
}

/**
 * Rates of several projects together: every mark weighs the same in attendance, and completion counts a trainee once
 * per project (someone on two programmes completes or not in each), each project judged by its own completion rule.
 */
export function combinedTrainingRates(projects: readonly ProjectEnrolments[], policy: AttendancePolicy = DEFAULT_ATTENDANCE_POLICY): TrainingRates {
  let trainees = 0
  let completed = 0
  for (const project of projects) {
    const rates = trainingRates(project.records, projectAttendancePolicy(project.completionPercent, policy))
    trainees += rates.trainees
    completed += rates.completed
  }
  return {
    trainees,
    completed,
    attendanceRate: attendanceRate(
      projects.flatMap((project) => project.records.map((r) => r.status)),
      policy,
    ),
    completionRate: ratioPercent(completed, trainees),
  }
}

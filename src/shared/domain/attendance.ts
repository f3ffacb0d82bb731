// Training attendance: per-class marks of each trainee (출결) and completion (수료) by hours.
// Weights are configurable per company; the defaults follow common LMS practice.

import { type AttendanceStatus, type EnrollmentStatus } from '../model/enums'
import { divideRounded, hundredthsRatioPercent, toHundredths } from './rounding'

export interface AttendancePolicy {
  /** Share of a class credited to a late arrival, 0–1. */
  lateWeight: number
  /** Share of a class credited when the trainee left early, 0–1. */
  leftEarlyWeight: number
  /** EXCUSED absences: left out of the denominator, credited as present, or counted as absent. */
  excused: 'EXCLUDE' | 'PRESENT' | 'ABSENT'
  /** Completion (수료) needs at least this share of the scheduled time, in percent. */
  completionPercent: number
}

/**
 * Lateness is usually minutes and is credited in full; leaving early usually costs a real part of the class,
 * so it is credited half unless the actual minutes are recorded. Excused absences do not count against anyone.
 */
export const DEFAULT_ATTENDANCE_POLICY: AttendancePolicy = {
  lateWeight: 1,
  leftEarlyWeight: 0.5,
  excused: 'EXCLUDE',
  completionPercent: 80,
}

/**
 * The policy a project's trainees are judged by: the company weights with the project's completion share (수료 기준,
 * `projects.completion_percent`); a project without its own rule (null) uses the default.
 */
export function projectAttendancePolicy(completionPercent: number | null | undefined, base: AttendancePolicy = DEFAULT_ATTENDANCE_POLICY): AttendancePolicy {
  return completionPercent === null || completionPercent === undefined ? base : { ...base, completionPercent }
}

function checkPolicy(policy: AttendancePolicy): void {
  for (const [name, weight] of [
    ['lateWeight', policy.lateWeight],
    ['leftEarlyWeight', policy.leftEarlyWeight],
  ] as const) {
    if (!Number.isFinite(weight) || weight < 0 || weight > 1) throw new RangeError(`${name} must be 0–1, got ${weight}`)
  }
  const { completionPercent } = policy
  if (!Number.isFinite(completionPercent) || completionPercent < 0 || completionPercent > 100) {
    throw new RangeError(`completionPercent must be 0–100, got ${completionPercent}`)
  }
}

/** The share of a class credited for a mark, 0–1; null when the mark is left out of the denominator. */
export function attendanceWeight(status: AttendanceStatus, policy: AttendancePolicy = DEFAULT_ATTENDANCE_POLICY): number | null {
  checkPolicy(policy)
  switch (status) {
    case 'PRESENT':
      return 1
    case 'LATE':
      return policy.lateWeight
    case 'LEFT_EARLY':
      return policy.leftEarlyWeight
    case 'EXCUSED':
      return policy.excused === 'EXCLUDE' ? null : policy.excused === 'PRESENT' ? 1 : 0
    case 'ABSENT':
      return 0
  }
}

/** Marks that mean the trainee was in the room. */
export function isAttended(status: AttendanceStatus | null | undefined): boolean {
  return status === 'PRESENT' || status === 'LATE' || status === 'LEFT_EARLY'
}

export interface ClassAttendanceCounts {
  /** Confirmed enrolments: the class roster. */
  enrolled: number
  /** Of those, marked present, late or left early (the sum of the next three). */
  attended: number
  /** 출석 / 지각 / 조퇴, shown separately: a late arrival is not the same fact as being on time. */
  present: number
  late: number
  leftEarly: number
  absent: number
  excused: number
  /** Not marked yet. */
  unmarked: number
}

/**
 * The counts a class (분반) or session (차수) shows, derived from its enrolments and marks (never stored: concurrent
 * offline marking would lose increments). Only CONFIRMED enrolments are on the roster; a walk-in is counted once
 * their enrolment is confirmed.
 */
export function classAttendanceCounts(
  roster: ReadonlyArray<{ enrollmentStatus: EnrollmentStatus; attendance: AttendanceStatus | null | undefined }>,
): ClassAttendanceCounts {
  const counts: ClassAttendanceCounts = { enrolled: 0, attended: 0, present: 0, late: 0, leftEarly: 0, absent: 0, excused: 0, unmarked: 0 }
  for (const { enrollmentStatus, attendance } of roster) {
    if (enrollmentStatus !== 'CONFIRMED') continue
    counts.enrolled += 1
    if (isAttended(attendance)) counts.attended += 1
    if (attendance === 'PRESENT') counts.present += 1
    else if (attendance === 'LATE') counts.late += 1
    else if (attendance === 'LEFT_EARLY') counts.leftEarly += 1
    else if (attendance === 'ABSENT') counts.absent += 1
    else if (attendance === 'EXCUSED') counts.excused += 1
    else counts.unmarked += 1
  }
  return counts
}

/**
 * Attendance rate (%) of a set of marks, two decimals: credited weight / marks counted × 100. Unmarked entries and
 * (by default) excused absences are left out. Null when nothing counts yet.
 */
export function attendanceRate(marks: ReadonlyArray<AttendanceStatus | null | undefined>, policy: AttendancePolicy = DEFAULT_ATTENDANCE_POLICY): number | null {
  let credited = 0n
  let counted = 0n
  for (const mark of marks) {
    if (mark === null || mark === undefined) continue
    const weight = attendanceWeight(mark, policy)
    if (weight === null) continue
    credited += toHundredths(weight)
    counted += 100n
  }
  return hundredthsRatioPercent(credited, counted)
}

/** One class in a trainee's programme: its scheduled length and the trainee's mark (null until marked). */
export interface TraineeClassRecord {
  status: AttendanceStatus | null | undefined
  /** Scheduled length of the class in minutes (end time − start time). */
  scheduledMinutes: number
  /** Minutes actually attended, when the operator recorded them (late arrival, early leave); overrides the weight. */
  attendedMinutes?: number | null
}

export interface TrainingCompletion {
  /** Scheduled minutes that count (excused classes left out when the policy says so). */
  scheduledMinutes: number
  /** Minutes needed for completion. */
  requiredMinutes: number
  creditedMinutes: number
  /** creditedMinutes / scheduledMinutes × 100, two decimals; null when nothing counts. */
  percent: number | null
  completed: boolean
}

/**
 * Completion (수료) of one trainee across the classes of a programme: credited time must reach the policy's share of
 * scheduled time. Classes not yet marked count as scheduled but uncredited, so completion is only reached once enough
 * hours have actually been attended.
 */
export function trainingCompletion(records: readonly TraineeClassRecord[], policy: AttendancePolicy = DEFAULT_ATTENDANCE_POLICY): TrainingCompletion {
  checkPolicy(policy)
  // Hundredths of a minute keep fractional weights (0.5 × 45 min) exact.
  let scheduled = 0n
  let credited = 0n
  for (const record of records) {
    const { status, scheduledMinutes, attendedMinutes } = record
    if (!Number.isSafeInteger(scheduledMinutes) || scheduledMinutes < 0) {
      throw new RangeError(`scheduledMinutes must be a whole number ≥ 0, got ${scheduledMinutes}`)
    }
    const weight = status ? attendanceWeight(status, policy) : 0
    if (weight === null) continue
    scheduled += BigInt(scheduledMinutes) * 100n
    if (isAttended(status) && attendedMinutes !== null && attendedMinutes !== undefined) {
      if (!Number.isFinite(attendedMinutes) || attendedMinutes < 0) {
        throw new RangeError(`attendedMinutes must be ≥ 0, got ${attendedMinutes}`)
      }
      credited += toHundredths(Math.min(attendedMinutes, scheduledMinutes))
    } else {
      credited += BigInt(scheduledMinutes) * toHundredths(weight)
    }
  }
  const threshold = toHundredths(policy.completionPercent)
  return {
    scheduledMinutes: Number(scheduled) / 100,
    requiredMinutes: Number(divideRounded(scheduled * threshold, 10_000n)) / 100,
    creditedMinutes: Number(credited) / 100,
    percent: hundredthsRatioPercent(credited, scheduled),
    completed: scheduled > 0n && credited * 10_000n >= threshold * scheduled,
  }
}

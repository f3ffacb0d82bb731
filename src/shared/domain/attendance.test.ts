import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../model/enums'
import {
  attendanceRate,
  attendanceWeight,
  classAttendanceCounts,
  DEFAULT_ATTENDANCE_POLICY,
  projectAttendancePolicy,
  trainingCompletion,
  type TraineeClassRecord,
} from './attendance'

describe('attendanceWeight', () => {
  it('credits present in full and absent not at all', () => {
    expect(attendanceWeight('PRESENT')).toBe(1)
    expect(attendanceWeight('ABSENT')).toBe(0)
  })

  it('credits late arrivals in full and early leavers half by default', () => {
    expect(attendanceWeight('LATE')).toBe(1)
    expect(attendanceWeight('LEFT_EARLY')).toBe(0.5)
  })

  it('follows the company policy', () => {
    const strict = { ...DEFAULT_ATTENDANCE_POLICY, lateWeight: 0.5, leftEarlyWeight: 0, excused: 'ABSENT' as const }
    expect(attendanceWeight('LATE', strict)).toBe(0.5)
    expect(attendanceWeight('LEFT_EARLY', strict)).toBe(0)
    expect(attendanceWeight('EXCUSED', strict)).toBe(0)
    expect(attendanceWeight('EXCUSED', { ...strict, excused: 'PRESENT' })).toBe(1)
    expect(attendanceWeight('EXCUSED')).toBeNull()
  })

  it('refuses weights outside 0–1', () => {
    expect(() => attendanceWeight('LATE', { ...DEFAULT_ATTENDANCE_POLICY, lateWeight: 2 })).toThrow(RangeError)
  })
})

describe('classAttendanceCounts', () => {
  it('counts the confirmed roster, who was in the room, and 출석 / 지각 / 조퇴 separately', () => {
    const counts = classAttendanceCounts([
      { enrollmentStatus: 'CONFIRMED', attendance: 'PRESENT' },
      { enrollmentStatus: 'CONFIRMED', attendance: 'LATE' },
      { enrollmentStatus: 'CONFIRMED', attendance: 'LEFT_EARLY' },
      { enrollmentStatus: 'CONFIRMED', attendance: 'ABSENT' },
      { enrollmentStatus: 'CONFIRMED', attendance: 'EXCUSED' },
      { enrollmentStatus: 'CONFIRMED', attendance: null },
      { enrollmentStatus: 'CANCELLED', attendance: null },
      { enrollmentStatus: 'WAITLISTED', attendance: 'PRESENT' },
    ])
    expect(counts).toEqual({ enrolled: 6, attended: 3, present: 1, late: 1, leftEarly: 1, absent: 1, excused: 1, unmarked: 1 })
  })
})

describe('attendanceRate', () => {
  it('averages the credited weights of marked entries', () => {
    expect(attendanceRate(['PRESENT', 'PRESENT', 'ABSENT', 'LATE'])).toBe(75)
    expect(attendanceRate(['PRESENT', 'LEFT_EARLY'])).toBe(75)
    expect(attendanceRate(['PRESENT', 'ABSENT', 'ABSENT'])).toBe(33.33)
  })

  it('leaves out unmarked entries and excused absences', () => {
    expect(attendanceRate(['PRESENT', 'EXCUSED', null])).toBe(100)
    expect(attendanceRate(['EXCUSED', undefined])).toBeNull()
    expect(attendanceRate(['PRESENT', 'EXCUSED'], { ...DEFAULT_ATTENDANCE_POLICY, excused: 'ABSENT' })).toBe(50)
  })

  it('stays between 0 and 100 whatever the marks', () => {
    const mark = fc.option(fc.constantFrom<AttendanceStatus>(...ATTENDANCE_STATUSES), { nil: null })
    fc.assert(
      fc.property(fc.array(mark), (marks) => {
        const rate = attendanceRate(marks)
        return rate === null || (rate >= 0 && rate <= 100)
      }),
    )
  })
})

const hour = (status: AttendanceStatus): TraineeClassRecord => ({ status, scheduledMinutes: 60 })

describe('projectAttendancePolicy', () => {
  it('uses the default without a project rule and keeps the company weights with one', () => {
    expect(projectAttendancePolicy(null)).toBe(DEFAULT_ATTENDANCE_POLICY)
    expect(projectAttendancePolicy(undefined).completionPercent).toBe(80)
    expect(projectAttendancePolicy(70)).toEqual({ ...DEFAULT_ATTENDANCE_POLICY, completionPercent: 70 })
    expect(projectAttendancePolicy(0).completionPercent).toBe(0)
  })
})

describe('trainingCompletion', () => {
  // Five 8-hour days (480 min each): 80 % is 32 hours.
  const day = (status: AttendanceStatus | null, attendedMinutes?: number): TraineeClassRecord => ({
    status,
    scheduledMinutes: 480,
    attendedMinutes,
  })

  it('completes at 80 % of the scheduled hours', () => {
    const result = trainingCompletion([day('PRESENT'), day('PRESENT'), day('PRESENT'), day('LATE'), day('ABSENT')])
    expect(result).toEqual({ scheduledMinutes: 2400, requiredMinutes: 1920, creditedMinutes: 1920, percent: 80, completed: true })
  })

  it('does not complete just below the line', () => {
    const result = trainingCompletion([day('PRESENT'), day('PRESENT'), day('PRESENT'), day('LEFT_EARLY'), day('ABSENT')])
    expect(result.creditedMinutes).toBe(1680)
    expect(result.percent).toBe(70)
    expect(result.completed).toBe(false)
  })

  it('uses recorded minutes instead of the weight when the operator entered them', () => {
    const result = trainingCompletion([day('PRESENT'), day('PRESENT'), day('PRESENT'), day('LEFT_EARLY', 479), day('ABSENT')])
    expect(result.creditedMinutes).toBe(1919)
    expect(result.completed).toBe(false)
    expect(trainingCompletion([day('LATE', 600)]).creditedMinutes).toBe(480) // never more than scheduled
  })

  it('takes excused days out of the requirement by default', () => {
    const records = [day('PRESENT'), day('PRESENT'), day('PRESENT'), day('PRESENT'), day('EXCUSED')]
    expect(trainingCompletion(records)).toMatchObject({ scheduledMinutes: 1920, percent: 100, completed: true })
    expect(trainingCompletion(records, { ...DEFAULT_ATTENDANCE_POLICY, excused: 'ABSENT' }).percent).toBe(80)
  })

  it('counts classes not yet held toward the requirement, so completion waits for the hours', () => {
    const result = trainingCompletion([day('PRESENT'), day('PRESENT'), day(null), day(null), day(null)])
    expect(result).toMatchObject({ creditedMinutes: 960, percent: 40, completed: false })
  })

  it('follows the company completion rule', () => {
    const records = [day('PRESENT'), day('PRESENT'), day('PRESENT'), day('ABSENT'), day('ABSENT')]
    expect(trainingCompletion(records, { ...DEFAULT_ATTENDANCE_POLICY, completionPercent: 60 }).completed).toBe(true)
    expect(trainingCompletion([]).completed).toBe(false)
  })

  it("applies a project's own rule: 70 % makes complete whom 80 % fails", () => {
    // 7 of 10 one-hour classes attended: 420 / 600 min = 70 %.
    const records = [...Array.from({ length: 7 }, () => hour('PRESENT')), ...Array.from({ length: 3 }, () => hour('ABSENT'))]
    expect(trainingCompletion(records, projectAttendancePolicy(null))).toMatchObject({ requiredMinutes: 480, percent: 70, completed: false })
    expect(trainingCompletion(records, projectAttendancePolicy(70))).toMatchObject({ requiredMinutes: 420, percent: 70, completed: true })
    // 71 % needs 426 min; 420 falls short.
    expect(trainingCompletion(records, projectAttendancePolicy(71)).completed).toBe(false)
  })

  it('keeps fractional credits exact', () => {
    const result = trainingCompletion([
      { status: 'LEFT_EARLY', scheduledMinutes: 45 },
      { status: 'PRESENT', scheduledMinutes: 45 },
    ])
    expect(result.creditedMinutes).toBe(67.5)
    expect(result.percent).toBe(75)
  })

  it('agrees with its own percent: completed iff credited reaches the required minutes', () => {
    const record = fc.record({
      status: fc.option(fc.constantFrom<AttendanceStatus>(...ATTENDANCE_STATUSES), { nil: null }),
      scheduledMinutes: fc.integer({ min: 0, max: 600 }),
    })
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), (records) => {
        const r = trainingCompletion(records)
        return r.completed === (r.scheduledMinutes > 0 && r.creditedMinutes >= r.requiredMinutes)
      }),
    )
  })
})

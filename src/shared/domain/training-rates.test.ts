import { describe, expect, it } from 'vitest'
import { projectAttendancePolicy } from './attendance'
import { combinedTrainingRates, trainingRates, type EnrolmentRecord } from './training-rates'

const hour = (traineeId: string, status: EnrolmentRecord['status'], attendedMinutes: number | null = null): EnrolmentRecord => ({
  traineeId,
  status,
  scheduledMinutes: 60,
  attendedMinutes,
})

// Three one-hour classes; completion needs 80 % of the scheduled time (the default policy).
const projectA: EnrolmentRecord[] = [
  // 120 / 180 = 66.67 %: not completed.
  hour('t1', 'PRESENT'),
  hour('t1', 'PRESENT'),
  hour('t1', 'ABSENT'),
  // 60 + 60 + 30 (left early, half) = 150 / 180 = 83.33 %: completed.
  hour('t2', 'PRESENT'),
  hour('t2', 'LATE'),
  hour('t2', 'LEFT_EARLY'),
  // Excused class left out: 60 / 120 = 50 % (the unmarked class counts as scheduled): not completed.
  hour('t3', 'PRESENT'),
  hour('t3', 'EXCUSED'),
  hour('t3', null),
  // 60 + 60 + 50 recorded minutes = 170 / 180: completed.
  hour('t4', 'PRESENT'),
  hour('t4', 'PRESENT'),
  hour('t4', 'LEFT_EARLY', 50),
]

describe('trainingRates', () => {
  it('attendance over the marks (credited 8 of 10 counted), completion per trainee (2 of 4)', () => {
    // Marks: t1 1+1+0, t2 1+1+0.5, t3 1 (excused and unmarked left out), t4 1+1+0.5 → 8 / 10.
    expect(trainingRates(projectA)).toEqual({ trainees: 4, completed: 2, attendanceRate: 80, completionRate: 50 })
  })

  it("judges completion by the project's rule: at 65 % t1 (66.67 %) completes too", () => {
    expect(trainingRates(projectA, projectAttendancePolicy(65))).toEqual({ trainees: 4, completed: 3, attendanceRate: 80, completionRate: 75 })
  })

  it('has no rates without records', () => {
    expect(trainingRates([])).toEqual({ trainees: 0, completed: 0, attendanceRate: null, completionRate: null })
  })
})

describe('combinedTrainingRates', () => {
  it('weighs every mark the same and counts a trainee once per project', () => {
    const projectB = [hour('t1', 'PRESENT'), hour('t1', 'PRESENT')]
    // Attendance (8 + 2) / (10 + 2) = 83.33 %; completion (2 + 1) / (4 + 1) = 60 %.
    const rates = combinedTrainingRates([
      { records: projectA, completionPercent: null },
      { records: projectB, completionPercent: null },
    ])
    expect(rates).toEqual({ trainees: 5, completed: 3, attendanceRate: 83.33, completionRate: 60 })
  })

  it('judges each project by its own rule', () => {
    // Project C: 7 of 10 hours = 70 % — fails the default 80 %, completes under its own 70 % rule.
    const projectC = [...Array.from({ length: 7 }, () => hour('t9', 'PRESENT')), ...Array.from({ length: 3 }, () => hour('t9', 'ABSENT'))]
    // Completion: A 2 of 4 (default), C 1 of 1 → 3 / 5 = 60 %; attendance (8 + 7) / (10 + 10) = 75 %.
    expect(
      combinedTrainingRates([
        { records: projectA, completionPercent: null },
        { records: projectC, completionPercent: 70 },
      ]),
    ).toEqual({
      trainees: 5,
      completed: 3,
      attendanceRate: 75,
      completionRate: 60,
    })
    expect(
      combinedTrainingRates([
        { records: projectA, completionPercent: null },
        { records: projectC, completionPercent: null },
      ]).completed,
    ).toBe(2)
  })
})

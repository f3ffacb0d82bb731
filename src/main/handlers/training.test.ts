import { describe, expect, it } from 'vitest'
import { ipcContract } from '../../shared/ipc/contract'
import { NotSignedInError } from '../core/outbox/writer'
import { TrainingRuleError } from '../core/training/rules'
import { trainingCall } from './training'
import { failureCodeOf as codeOf } from './refusals'

describe('trainingCall', () => {
  it('turns the core refusals into translated error codes, and leaves bugs as bugs', () => {
    expect(
      codeOf(() =>
        trainingCall(() => {
          throw new TrainingRuleError('classFull', 'x')
        }),
      ),
    ).toBe('training.classFull')
    expect(
      codeOf(() =>
        trainingCall(() => {
          throw new TrainingRuleError('invalidPeriod', 'x')
        }),
      ),
    ).toBe('training.invalidPeriod')
    expect(
      codeOf(() =>
        trainingCall(() => {
          throw new TrainingRuleError('notFound', 'x')
        }),
      ),
    ).toBe('record.notFound')
    expect(
      codeOf(() =>
        trainingCall(() => {
          throw new TrainingRuleError('hasClasses', 'x')
        }),
      ),
    ).toBe('training.hasClasses')
    expect(
      codeOf(() =>
        trainingCall(() => {
          throw new TrainingRuleError('notPermitted', 'x')
        }),
      ),
    ).toBe('training.notPermitted')
    expect(
      codeOf(() =>
        trainingCall(() => {
          throw new NotSignedInError()
        }),
      ),
    ).toBe('record.signInRequired')
    expect(
      codeOf(() =>
        trainingCall(() => {
          throw new TypeError('boom')
        }),
      ),
    ).toBe('not-an-ipc-failure')
  })
})

describe('training contract inputs', () => {
  const id = '0190a000-0000-7000-8000-000000000001'
  it('refuses a class that ends before it starts and an unknown status before any handler runs; a zero capacity reaches the repository', () => {
    const klass = { sessionId: id, date: '2026-11-25', startTime: '09:00', endTime: '12:00' }
    expect(ipcContract['classes.create'].input.safeParse(klass).success).toBe(true)
    expect(ipcContract['classes.create'].input.safeParse({ ...klass, endTime: '08:59' }).success).toBe(false)
    // The repository refuses it with its own message (training.invalidCapacity), not a generic invalid input.
    expect(ipcContract['classes.create'].input.safeParse({ ...klass, maxParticipants: 0 }).success).toBe(true)
    expect(ipcContract['classes.create'].input.safeParse({ ...klass, maxParticipants: 1.5 }).success).toBe(false)
    expect(ipcContract['attendance.mark'].input.safeParse({ classId: id, traineeId: id, status: 'SLEEPING' }).success).toBe(false)
    expect(ipcContract['sessions.create'].input.safeParse({ projectId: id, startDate: '2026-11-26', endDate: '2026-11-25' }).success).toBe(false)
  })

  it('checks edits, enrolment decisions, satisfaction answers and team allocations before any handler runs', () => {
    const klass = { id, classNumber: 1, date: '2026-11-25', startTime: '09:00', endTime: '12:00', status: 'SCHEDULED' }
    expect(ipcContract['classes.update'].input.safeParse(klass).success).toBe(true)
    expect(ipcContract['classes.update'].input.safeParse({ ...klass, classNumber: 0 }).success).toBe(false)
    expect(ipcContract['classes.delete'].input.parse({ id })).toEqual({ id, confirmAttendance: false })
    expect(ipcContract['enrollments.setStatus'].input.safeParse({ enrollmentId: id, status: 'WAITLISTED' }).success).toBe(true)
    expect(ipcContract['enrollments.setStatus'].input.safeParse({ enrollmentId: id, status: 'MAYBE' }).success).toBe(false)
    expect(ipcContract['feedback.record'].input.safeParse({ sessionId: id, overallRating: 4.5 }).success).toBe(true)
    expect(ipcContract['feedback.record'].input.safeParse({ sessionId: id, overallRating: 0 }).success).toBe(false)
    expect(ipcContract['feedback.record'].input.safeParse({ sessionId: id, overallRating: 4.2 }).success).toBe(false)
    expect(ipcContract['projects.teamSave'].input.safeParse({ projectId: id, userId: id, allocationPercent: 101 }).success).toBe(false)
  })
})

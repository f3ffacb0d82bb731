import { describe, expect, it } from 'vitest'
import { ipcContract } from '../../shared/ipc/contract'
import { IpcFailure } from '../../shared/ipc/errors'
import { NotSignedInError } from '../core/outbox/writer'
import { TrainingRuleError } from '../core/repos/training-rules'
import { trainingCall } from './training'

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn()
  } catch (error) {
    return error instanceof IpcFailure ? error.code : 'not-an-ipc-failure'
  }
  return undefined
}

describe('trainingCall', () => {
  it('turns the core refusals into translated error codes, and leaves bugs as bugs', () => {
    expect(codeOf(() => trainingCall(() => { throw new TrainingRuleError('classFull', 'x') }))).toBe('training.classFull')
    expect(codeOf(() => trainingCall(() => { throw new TrainingRuleError('invalidPeriod', 'x') }))).toBe('training.invalidPeriod')
    expect(codeOf(() => trainingCall(() => { throw new TrainingRuleError('notFound', 'x') }))).toBe('record.notFound')
    expect(codeOf(() => trainingCall(() => { throw new NotSignedInError() }))).toBe('record.signInRequired')
    expect(codeOf(() => trainingCall(() => { throw new TypeError('boom') }))).toBe('not-an-ipc-failure')
  })
})

describe('training contract inputs', () => {
  const id = '0190a000-0000-7000-8000-000000000001'
  it('refuses a class that ends before it starts, a zero capacity and an unknown status before any handler runs', () => {
    const klass = { sessionId: id, date: '2026-11-25', startTime: '09:00', endTime: '12:00' }
    expect(ipcContract['classes.create'].input.safeParse(klass).success).toBe(true)
    expect(ipcContract['classes.create'].input.safeParse({ ...klass, endTime: '08:59' }).success).toBe(false)
    expect(ipcContract['classes.create'].input.safeParse({ ...klass, maxParticipants: 0 }).success).toBe(false)
    expect(ipcContract['attendance.mark'].input.safeParse({ classId: id, traineeId: id, status: 'SLEEPING' }).success).toBe(false)
    expect(ipcContract['sessions.create'].input.safeParse({ projectId: id, startDate: '2026-11-26', endDate: '2026-11-25' }).success).toBe(false)
  })
})

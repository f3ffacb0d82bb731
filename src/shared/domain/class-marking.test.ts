import { describe, expect, it } from 'vitest'
import { ADMIN_OVERRIDE_REMARK, classTiming, isOverrideRemark, markingDecision, markRemarks, remarksWithoutOverride, walkInMarksPresent } from './class-marking'

// 2026-12-07 10:30 in Korea (01:30 UTC).
const NOW = new Date('2026-12-07T01:30:00Z')
const slot = (date: string, startTime = '09:00', endTime = '12:00') => ({ date, startTime, endTime })

describe('classTiming', () => {
  it('tells a future, a running and a past class apart in Korea time', () => {
    expect(classTiming(slot('2026-12-08'), NOW)).toBe('notStarted')
    expect(classTiming(slot('2026-12-07', '11:00', '12:00'), NOW)).toBe('notStarted')
    expect(classTiming(slot('2026-12-07'), NOW)).toBe('running')
    expect(classTiming(slot('2026-12-07', '10:30', '11:00'), NOW)).toBe('running')
    expect(classTiming(slot('2026-12-07', '08:00', '10:30'), NOW)).toBe('ended')
    expect(classTiming(slot('2026-12-06'), NOW)).toBe('ended')
  })

  it('uses the Korean date, not the UTC one (00:30 KST is still the previous day in UTC)', () => {
    const justAfterMidnight = new Date('2026-12-06T15:30:00Z') // 2026-12-07 00:30 KST
    expect(classTiming(slot('2026-12-07', '00:00', '01:00'), justAfterMidnight)).toBe('running')
  })
})

describe('markingDecision', () => {
  it('refuses a class that has not started, even for an admin who did not ask to override', () => {
    expect(markingDecision('notStarted', { requested: false, isAdmin: false })).toEqual({ allowed: false, reason: 'notStarted' })
    expect(markingDecision('notStarted', { requested: true, isAdmin: false })).toEqual({ allowed: false, reason: 'notStarted' })
    expect(markingDecision('notStarted', { requested: false, isAdmin: true })).toEqual({ allowed: false, reason: 'notStarted' })
  })

  it('lets an admin override, flagged as an override', () => {
    expect(markingDecision('notStarted', { requested: true, isAdmin: true })).toEqual({ allowed: true, override: true })
  })

  it('allows a running or ended class without an override', () => {
    expect(markingDecision('running', { requested: false, isAdmin: false })).toEqual({ allowed: true, override: false })
    expect(markingDecision('ended', { requested: true, isAdmin: true })).toEqual({ allowed: true, override: false })
  })
})

describe('walkInMarksPresent', () => {
  it('marks a walk-in present only while the class runs', () => {
    expect(walkInMarksPresent('running')).toBe(true)
    expect(walkInMarksPresent('notStarted')).toBe(false)
    expect(walkInMarksPresent('ended')).toBe(false)
  })
})

describe('override remarks', () => {
  const statement = ADMIN_OVERRIDE_REMARK
  it('puts the statement in front of an override, and keeps it through later edits', () => {
    expect(markRemarks(null, '사전 공결', true)).toBe(`${statement} · 사전 공결`)
    expect(markRemarks(null, undefined, true)).toBe(statement)
    expect(markRemarks(`${statement} · 사전 공결`, '당일 확인', false)).toBe(`${statement} · 당일 확인`)
    expect(markRemarks(`${statement} · 사전 공결`, null, false)).toBe(statement)
    expect(markRemarks(`${statement} · 사전 공결`, undefined, false)).toBe(`${statement} · 사전 공결`)
    // Not an override: the request as it is (undefined keeps the stored remark).
    expect(markRemarks('지각 사유', undefined, false)).toBeUndefined()
    expect(markRemarks('지각 사유', '교통 체증', false)).toBe('교통 체증')
  })
  it('tells an override apart and shows what the person typed without the statement', () => {
    expect(isOverrideRemark(`${statement} · 사전 공결`)).toBe(true)
    expect(isOverrideRemark('사전 공결')).toBe(false)
    expect(remarksWithoutOverride(`${statement} · 사전 공결`)).toBe('사전 공결')
    expect(remarksWithoutOverride(statement)).toBeNull()
    expect(remarksWithoutOverride('사전 공결')).toBe('사전 공결')
  })
})

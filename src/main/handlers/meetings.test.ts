import { describe, expect, it } from 'vitest'
import { ipcContract } from '../../shared/ipc/contract'
import { NotSignedInError } from '../core/outbox/writer'
import { MeetingRuleError } from '../core/meetings/rules'
import { meetingsCall } from './meetings'
import { failureCodeOf as codeOf } from './refusals'

describe('meetingsCall', () => {
  it('turns the core refusals into translated error codes, and leaves bugs as bugs', () => {
    expect(
      codeOf(() =>
        meetingsCall(() => {
          throw new MeetingRuleError('invalidTime', 'x')
        }),
      ),
    ).toBe('meetings.invalidTime')
    expect(
      codeOf(() =>
        meetingsCall(() => {
          throw new MeetingRuleError('cancelled', 'x')
        }),
      ),
    ).toBe('meetings.cancelled')
    expect(
      codeOf(() =>
        meetingsCall(() => {
          throw new MeetingRuleError('notFound', 'x')
        }),
      ),
    ).toBe('record.notFound')
    expect(
      codeOf(() =>
        meetingsCall(() => {
          throw new NotSignedInError()
        }),
      ),
    ).toBe('record.signInRequired')
    expect(
      codeOf(() =>
        meetingsCall(() => {
          throw new TypeError('boom')
        }),
      ),
    ).toBe('not-an-ipc-failure')
  })
})

describe('meetings contract inputs', () => {
  const id = '0190a000-0000-7000-8000-000000000001'
  const base = { title: '정기 미팅', target: 'INTERNAL', type: 'TEAM', date: '2026-11-25', startTime: '10:00', endTime: '11:00' }
  it('refuses an end before the start, a customer meeting without a company and an online meeting without a link', () => {
    const save = ipcContract['meetings.save'].input
    expect(save.safeParse(base).success).toBe(true)
    expect(save.safeParse({ ...base, endTime: '10:00' }).success).toBe(false)
    expect(save.safeParse({ ...base, target: 'CUSTOMER' }).success).toBe(false)
    expect(save.safeParse({ ...base, target: 'CUSTOMER', companyId: id }).success).toBe(true)
    expect(save.safeParse({ ...base, locationType: 'ONLINE' }).success).toBe(false)
    expect(save.safeParse({ ...base, locationType: 'ONLINE', onlineLink: 'javascript:alert(1)' }).success).toBe(false)
    expect(save.safeParse({ ...base, locationType: 'ONLINE', onlineLink: 'https://zoom.us/j/1' }).success).toBe(true)
    expect(ipcContract['meetings.calendar'].input.safeParse({ from: '2026-11-30', to: '2026-11-23' }).success).toBe(false)
    expect(ipcContract['meetings.saveActionItem'].input.safeParse({ meetingId: id, task: ' ' }).success).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { actionItemSaveSchema, meetingFieldErrors, meetingSaveSchema, minutesSaveSchema, type MeetingSaveInput } from './meetings'

const id = (n: number): string => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`
const base: MeetingSaveInput = {
  title: '한빛제약 제안 미팅',
  target: 'CUSTOMER',
  type: 'PROPOSAL',
  companyId: id(1),
  date: '2026-11-27',
  startTime: '14:00',
  endTime: '15:00',
}
const errorsOf = (input: unknown) => {
  const parsed = meetingSaveSchema.safeParse(input)
  return parsed.success ? {} : meetingFieldErrors(parsed.error)
}

describe('meetingSaveSchema', () => {
  it('accepts a minimal meeting and turns empty text into null', () => {
    const parsed = meetingSaveSchema.parse({ ...base, description: ' ', locationRoom: '', onlineLink: '' })
    expect(parsed).toMatchObject({ description: null, locationRoom: null, onlineLink: null, status: 'SCHEDULED', importance: 'MEDIUM' })
  })

  it('names the field of each refusal with a translatable key', () => {
    expect(errorsOf({ ...base, endTime: '14:00' })).toEqual({ endTime: 'meetings.validation.endNotAfterStart' })
    expect(errorsOf({ ...base, endTime: '13:00' })).toEqual({ endTime: 'meetings.validation.endNotAfterStart' })
    expect(errorsOf({ ...base, title: '  ' })).toEqual({ title: 'meetings.validation.required' })
    expect(errorsOf({ ...base, companyId: '' })).toEqual({ companyId: 'meetings.validation.companyRequired' })
    // 대면 does not force an address before one is known; a completed on-site meeting names where it took place.
    expect(errorsOf({ ...base, locationType: 'ONSITE' })).toEqual({})
    expect(errorsOf({ ...base, locationType: 'ONSITE', status: 'COMPLETED' })).toEqual({ locationAddress: 'meetings.validation.addressRequired' })
    expect(errorsOf({ ...base, locationType: 'HYBRID', locationRoom: '3층 회의실' })).toEqual({ onlineLink: 'meetings.validation.linkRequired' })
    expect(errorsOf({ ...base, locationType: 'ONLINE', onlineLink: 'ftp://x' })).toEqual({ onlineLink: 'meetings.validation.link' })
    expect(errorsOf({ ...base, hasFollowUp: true, followUpDate: '2026-11-26' })).toEqual({ followUpDate: 'meetings.validation.followUpBeforeMeeting' })
  })

  it('checks participants: someone must be named, and nobody twice', () => {
    expect(errorsOf({ ...base, participants: [{ participantType: 'EXTERNAL', company: '한빛' }] })).toEqual({
      'participants.0': 'meetings.validation.participant',
    })
    expect(errorsOf({ ...base, participants: [{ participantType: 'INTERNAL', contactId: id(2) }] })).toEqual({
      'participants.0': 'meetings.validation.participant',
    })
    const twice = [
      { participantType: 'EXTERNAL', contactId: id(2) },
      { participantType: 'EXTERNAL', contactId: id(2) },
    ]
    expect(errorsOf({ ...base, participants: twice })).toEqual({ 'participants.1': 'meetings.validation.duplicateParticipant' })
    // Two visitors typed by name may share a name: they are not the same card.
    const visitors = [
      { participantType: 'EXTERNAL', name: '김민수' },
      { participantType: 'EXTERNAL', name: '김민수' },
    ]
    expect(errorsOf({ ...base, participants: visitors })).toEqual({})
  })

  it('checks proposed products: whole quantity ≥ 1, whole-won price, a 0–100 rate with two decimals', () => {
    const line = { productId: id(3), quantity: 2, unitPrice: 100_000, discountPercent: 12.5 }
    expect(errorsOf({ ...base, products: [line] })).toEqual({})
    expect(errorsOf({ ...base, products: [{ ...line, quantity: 0 }] })).toEqual({ 'products.0.quantity': 'meetings.validation.quantity' })
    expect(errorsOf({ ...base, products: [{ ...line, quantity: 1.5 }] })).toEqual({ 'products.0.quantity': 'meetings.validation.quantity' })
    expect(errorsOf({ ...base, products: [{ ...line, quantity: Number.NaN }] })).toEqual({ 'products.0.quantity': 'meetings.validation.quantity' })
    expect(errorsOf({ ...base, products: [{ ...line, unitPrice: 99.5 }] })).toEqual({ 'products.0.unitPrice': 'meetings.validation.price' })
    expect(errorsOf({ ...base, products: [{ ...line, discountPercent: 100.01 }] })).toEqual({ 'products.0.discountPercent': 'meetings.validation.discount' })
    expect(errorsOf({ ...base, products: [{ ...line, discountPercent: 3.333 }] })).toEqual({ 'products.0.discountPercent': 'meetings.validation.discount' })
    expect(meetingSaveSchema.parse({ ...base, products: [{ productId: id(3), quantity: 1 }] }).products[0]).toMatchObject({
      unitPrice: null,
      discountPercent: 0,
    })
  })
})

describe('minutes and action items', () => {
  it('drops blank list entries and requires a summary and a task', () => {
    expect(minutesSaveSchema.parse({ meetingId: id(1), summary: '요약', keyPoints: ['예산', ' ', ''] }).keyPoints).toEqual(['예산'])
    expect(minutesSaveSchema.safeParse({ meetingId: id(1), summary: '' }).success).toBe(false)
    expect(actionItemSaveSchema.parse({ meetingId: id(1), task: '견적 송부', dueDate: '' })).toMatchObject({
      dueDate: null,
      status: 'PENDING',
      priority: 'MEDIUM',
    })
    expect(actionItemSaveSchema.safeParse({ meetingId: id(1), task: '견적 송부', status: 'DONE' }).success).toBe(false)
  })
})

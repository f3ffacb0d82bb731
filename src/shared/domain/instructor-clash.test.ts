import { describe, expect, it } from 'vitest'
import { booksInstructor, clashPair, instructorClash, instructorClashId, overlapWindow, type BookedSlot } from './instructor-clash'

const A = '01900000-0000-7000-8000-00000000000a'
const B = '01900000-0000-7000-8000-00000000000b'
const slot = (over: Partial<BookedSlot> = {}): BookedSlot => ({
  id: A,
  date: '2026-12-10',
  startTime: '09:00',
  endTime: '12:00',
  instructorId: 'i1',
  status: 'SCHEDULED',
  deleted: false,
  ...over,
})

describe('instructor clash rule', () => {
  it('finds the overlap window of one instructor booked twice on a date', () => {
    expect(instructorClash(slot(), slot({ id: B, startTime: '11:00', endTime: '15:00' }))).toEqual({ date: '2026-12-10', start: '11:00', end: '12:00' })
    expect(instructorClash(slot(), slot({ id: B, startTime: '10:00', endTime: '11:00' }))).toEqual({ date: '2026-12-10', start: '10:00', end: '11:00' })
  })

  it('does not count touching times, other dates, other or no instructor, or the class itself', () => {
    expect(instructorClash(slot(), slot({ id: B, startTime: '12:00', endTime: '13:00' }))).toBeNull()
    expect(instructorClash(slot(), slot({ id: B, date: '2026-12-11' }))).toBeNull()
    expect(instructorClash(slot(), slot({ id: B, instructorId: 'i2' }))).toBeNull()
    expect(instructorClash(slot({ instructorId: null }), slot({ id: B, instructorId: null }))).toBeNull()
    expect(instructorClash(slot(), slot())).toBeNull()
  })

  it('ignores cancelled and deleted classes: they book nobody', () => {
    expect(booksInstructor({ status: 'CANCELLED', deleted: false })).toBe(false)
    expect(booksInstructor({ status: 'COMPLETED', deleted: false })).toBe(true)
    expect(instructorClash(slot(), slot({ id: B, status: 'CANCELLED' }))).toBeNull()
    expect(instructorClash(slot({ deleted: true }), slot({ id: B }))).toBeNull()
  })

  it('overlapWindow is symmetric', () => {
    const x = slot({ startTime: '13:00', endTime: '17:00' })
    const y = slot({ id: B, startTime: '14:00', endTime: '18:00' })
    expect(overlapWindow(x, y)).toEqual(overlapWindow(y, x))
  })

  it('names one record for both orders of the pair', () => {
    expect(clashPair(B, A)).toEqual([A, B])
    expect(instructorClashId(A, B)).toBe(instructorClashId(B, A.toUpperCase()))
    expect(instructorClashId(A, B)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})

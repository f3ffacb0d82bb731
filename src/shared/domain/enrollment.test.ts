import { describe, expect, it } from 'vitest'
import { hasSeat, needsSeat } from './enrollment'

describe('enrolment decisions', () => {
  it('has a seat below capacity, none at capacity, always without one', () => {
    expect(hasSeat(4, 5)).toBe(true)
    expect(hasSeat(5, 5)).toBe(false)
    expect(hasSeat(6, 5)).toBe(false)
    expect(hasSeat(500, null)).toBe(true)
  })

  it('needs a seat only to become confirmed', () => {
    expect(needsSeat('WAITLISTED', 'CONFIRMED')).toBe(true)
    expect(needsSeat('APPLIED', 'CONFIRMED')).toBe(true)
    expect(needsSeat('CONFIRMED', 'CONFIRMED')).toBe(false)
    expect(needsSeat('CONFIRMED', 'CANCELLED')).toBe(false)
    expect(needsSeat('APPLIED', 'WAITLISTED')).toBe(false)
  })
})

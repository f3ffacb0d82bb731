import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bantScore } from './bant'

describe('bantScore', () => {
  it('gives 25 points per criterion met', () => {
    expect(bantScore({ budget: false, authority: false, need: false, timeline: false })).toBe(0)
    expect(bantScore({ budget: true, authority: false, need: false, timeline: false })).toBe(25)
    expect(bantScore({ budget: true, authority: true, need: true, timeline: false })).toBe(75)
    expect(bantScore({ budget: true, authority: true, need: true, timeline: true })).toBe(100)
  })

  it('counts unknown answers as not met', () => {
    expect(bantScore({ budget: true, authority: null })).toBe(25)
    expect(bantScore({})).toBe(0)
  })

  it('never decreases when another criterion is met', () => {
    const answers = fc.record({ budget: fc.boolean(), authority: fc.boolean(), need: fc.boolean(), timeline: fc.boolean() })
    fc.assert(
      fc.property(answers, fc.constantFrom('budget', 'authority', 'need', 'timeline' as const), (a, key) => {
        const score = bantScore(a)
        return score % 25 === 0 && score >= 0 && score <= 100 && bantScore({ ...a, [key]: true }) >= score
      }),
    )
  })
})

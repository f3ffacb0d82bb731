import { describe, expect, it } from 'vitest'
import { satisfactionSummary } from './satisfaction'

describe('satisfaction averages', () => {
  it('averages each aspect over the answers that rated it, two decimals', () => {
    const summary = satisfactionSummary([
      { overallRating: 5, contentRating: 4, instructorRating: 5 },
      { overallRating: 4, contentRating: 4, operationRating: 3 },
      { overallRating: 4, contentRating: null },
    ])
    // overall (5 + 4 + 4) / 3 = 4.333… → 4.33; content (4 + 4) / 2 = 4; instructor 5; operation 3
    expect(summary).toEqual({ responses: 3, overall: 4.33, content: 4, instructor: 5, operation: 3 })
  })

  it('rounds halves away from zero', () => {
    // (3 + 4) / 2 = 3.5; (1 + 2 + 2) / 3 = 1.666… → 1.67
    expect(satisfactionSummary([{ overallRating: 3 }, { overallRating: 4 }])!.overall).toBe(3.5)
    expect(satisfactionSummary([{ overallRating: 1 }, { overallRating: 2 }, { overallRating: 2 }])!.overall).toBe(1.67)
  })

  it('has no summary without answers, and refuses a rating outside 1–5', () => {
    expect(satisfactionSummary([])).toBeNull()
    expect(() => satisfactionSummary([{ overallRating: 6 }])).toThrow(RangeError)
    expect(() => satisfactionSummary([{ overallRating: 4, contentRating: 0 }])).toThrow(RangeError)
  })
})

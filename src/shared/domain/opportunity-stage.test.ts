import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { OPPORTUNITY_STAGES } from '../model/enums'
import {
  defaultProbability,
  expectedAmount,
  isOpportunityStage,
  OPPORTUNITY_STAGE_DEFINITIONS,
  stageDefinition,
  stageDurations,
  stageSegments,
  type StageChange,
} from './opportunity-stage'

describe('pipeline stages', () => {
  it('are listed once, in board order, with the default probabilities', () => {
    expect(OPPORTUNITY_STAGE_DEFINITIONS.map((s) => [s.value, s.position, s.defaultProbability])).toEqual([
      ['QUALIFYING', 0, 10],
      ['NEEDS_ANALYSIS', 1, 25],
      ['PROPOSAL', 2, 50],
      ['NEGOTIATION', 3, 75],
      ['CLOSED_WON', 4, 100],
      ['CLOSED_LOST', 5, 0],
    ])
    expect(OPPORTUNITY_STAGE_DEFINITIONS.map((s) => s.value)).toEqual([...OPPORTUNITY_STAGES])
  })

  it('say which stages are closed and which one is won', () => {
    expect(OPPORTUNITY_STAGE_DEFINITIONS.filter((s) => s.isClosed).map((s) => s.value)).toEqual(['CLOSED_WON', 'CLOSED_LOST'])
    expect(OPPORTUNITY_STAGE_DEFINITIONS.filter((s) => s.isWon).map((s) => s.value)).toEqual(['CLOSED_WON'])
  })

  it('have Korean and English labels and a colour each', () => {
    expect(stageDefinition('CLOSED_WON').labelKo).toBe('수주')
    for (const stage of OPPORTUNITY_STAGE_DEFINITIONS) {
      expect(stage.labelKo.length).toBeGreaterThan(0)
      expect(stage.labelEn.length).toBeGreaterThan(0)
      expect(stage.color).toMatch(/^#[0-9a-f]{6}$/)
    }
  })

  it('give the default probability of a stage', () => {
    expect(defaultProbability('PROPOSAL')).toBe(50)
    expect(defaultProbability('CLOSED_LOST')).toBe(0)
  })

  it('recognise stage values from the wire', () => {
    expect(isOpportunityStage('NEGOTIATION')).toBe(true)
    expect(isOpportunityStage('negotiation')).toBe(false)
    expect(isOpportunityStage(3)).toBe(false)
  })
})

describe('expectedAmount', () => {
  it('weights the amount by the probability in whole won, rounding halves up', () => {
    expect(expectedAmount(50_000_000, 25)).toBe(12_500_000)
    expect(expectedAmount(1_234_567, 10)).toBe(123_457) // 123,456.7
    expect(expectedAmount(15, 50)).toBe(8) // 7.5
    expect(expectedAmount(1_234_565, 10)).toBe(123_457) // 123,456.5
    expect(expectedAmount(100_000_000, 0)).toBe(0)
  })

  it('is unknown without an amount or probability', () => {
    expect(expectedAmount(null, 50)).toBeNull()
    expect(expectedAmount(1_000, undefined)).toBeNull()
  })

  it('refuses probabilities outside 0–100 and fractional won', () => {
    expect(() => expectedAmount(1_000, 101)).toThrow(RangeError)
    expect(() => expectedAmount(1_000, -1)).toThrow(RangeError)
    expect(() => expectedAmount(1_000.5, 50)).toThrow(RangeError)
  })

  it('never exceeds the amount and is within half a won of the exact value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), fc.integer({ min: 0, max: 100 }), (amount, p) => {
        const e = expectedAmount(amount, p)!
        return Number.isSafeInteger(e) && e <= amount && Math.abs(e - (amount * p) / 100) <= 0.5 + 1e-6
      }),
    )
  })
})

describe('stageDurations', () => {
  const history: StageChange[] = [
    { fromStage: null, toStage: 'QUALIFYING', changedAt: '2026-03-01T00:00:00.000Z' },
    { fromStage: 'QUALIFYING', toStage: 'NEEDS_ANALYSIS', changedAt: '2026-03-04T12:00:00.000Z' },
    { fromStage: 'NEEDS_ANALYSIS', toStage: 'PROPOSAL', changedAt: '2026-03-10T00:00:00.000Z' },
  ]

  it('counts whole days in each stage, the current one up to now', () => {
    expect(stageDurations(history, new Date('2026-03-20T06:00:00.000Z'))).toEqual({
      QUALIFYING: 3,
      NEEDS_ANALYSIS: 5,
      PROPOSAL: 10,
    })
  })

  it('adds up repeat visits to a stage', () => {
    const backAndForth: StageChange[] = [
      ...history,
      { fromStage: 'PROPOSAL', toStage: 'NEEDS_ANALYSIS', changedAt: '2026-03-12T00:00:00.000Z' },
      { fromStage: 'NEEDS_ANALYSIS', toStage: 'PROPOSAL', changedAt: '2026-03-13T12:00:00.000Z' },
    ]
    // NEEDS_ANALYSIS: 5.5 days + 1.5 days = 7.
    expect(stageDurations(backAndForth, new Date('2026-03-14T00:00:00.000Z')).NEEDS_ANALYSIS).toBe(7)
  })

  it('does not count time after the deal was won or lost', () => {
    const closed: StageChange[] = [...history, { fromStage: 'PROPOSAL', toStage: 'CLOSED_WON', changedAt: '2026-03-15T00:00:00.000Z' }]
    expect(stageDurations(closed, new Date('2027-01-01T00:00:00.000Z'))).toEqual({
      QUALIFYING: 3,
      NEEDS_ANALYSIS: 5,
      PROPOSAL: 5,
    })
  })

  it('orders changes that arrived out of order', () => {
    const shuffled = [history[2]!, history[0]!, history[1]!]
    expect(stageDurations(shuffled, new Date('2026-03-20T06:00:00.000Z'))).toEqual(stageDurations(history, new Date('2026-03-20T06:00:00.000Z')))
    expect(stageSegments(shuffled).map((s) => s.stage)).toEqual(['QUALIFYING', 'NEEDS_ANALYSIS', 'PROPOSAL'])
    expect(stageSegments(shuffled).at(-1)?.leftAt).toBeNull()
  })

  it('gives no negative days when a device clock ran ahead of now', () => {
    expect(stageDurations(history, new Date('2026-03-09T00:00:00.000Z')).PROPOSAL).toBe(0)
    expect(stageDurations([], new Date())).toEqual({})
  })
})

import { describe, expect, it } from 'vitest'
import { averageDaysPerStage, pipelineByStage, pipelineSummary, winRate, type ClosedOpportunity, type PipelineOpportunity } from './pipeline'
import { type StageChange } from './opportunity-stage'

describe('pipelineByStage and pipelineSummary', () => {
  const opps: PipelineOpportunity[] = [
    { stage: 'QUALIFYING', amount: 10_000_000, probability: 10 },
    { stage: 'QUALIFYING', amount: null, probability: 10 },
    { stage: 'PROPOSAL', amount: 30_000_000, probability: 50 },
    { stage: 'PROPOSAL', amount: 5_000_001, probability: 50 }, // 2,500,000.5 → 2,500,001
    { stage: 'NEGOTIATION', amount: 20_000_000, probability: 75 },
    { stage: 'CLOSED_WON', amount: 100_000_000, probability: 100 },
    { stage: 'CLOSED_LOST', amount: 7_000_000, probability: 0 },
  ]

  it('counts, sums and weights the open stages in board order, empty stages included, closed ones left out', () => {
    expect(pipelineByStage(opps)).toEqual([
      { stage: 'QUALIFYING', count: 2, amount: 10_000_000, weighted: 1_000_000 },
      { stage: 'NEEDS_ANALYSIS', count: 0, amount: 0, weighted: 0 },
      { stage: 'PROPOSAL', count: 2, amount: 35_000_001, weighted: 17_500_001 },
      { stage: 'NEGOTIATION', count: 1, amount: 20_000_000, weighted: 15_000_000 },
    ])
  })

  it('totals the open pipeline: the weighted forecast is Σ amount × probability', () => {
    expect(pipelineSummary(pipelineByStage(opps))).toEqual({ count: 5, amount: 65_000_001, weighted: 33_500_001 })
    expect(pipelineSummary(pipelineByStage([]))).toEqual({ count: 0, amount: 0, weighted: 0 })
  })
})

describe('winRate', () => {
  const q4 = { start: '2026-10-01', end: '2026-12-31' }
  const closed: ClosedOpportunity[] = [
    { stage: 'CLOSED_WON', amount: 10_000_000, actualCloseDate: '2026-10-01' },
    { stage: 'CLOSED_WON', amount: null, actualCloseDate: '2026-12-31' },
    { stage: 'CLOSED_LOST', amount: 5_000_000, actualCloseDate: '2026-11-15' },
    { stage: 'CLOSED_WON', amount: 1_000_000, actualCloseDate: '2026-09-30' },
    { stage: 'CLOSED_LOST', amount: 1_000_000, actualCloseDate: null },
    { stage: 'CLOSED_LOST', amount: 1_000_000, actualCloseDate: '2027-01-01' },
    { stage: 'NEGOTIATION', amount: 1_000_000, actualCloseDate: '2026-11-01' },
  ]

  it('won / (won + lost) of what closed within the period, both ends included', () => {
    expect(winRate(closed, q4)).toEqual({ won: 2, lost: 1, wonAmount: 10_000_000, lostAmount: 5_000_000, percent: 66.67 })
  })

  it('is null when nothing closed', () => {
    expect(winRate(closed, { start: '2025-01-01', end: '2025-12-31' }).percent).toBeNull()
  })
})

describe('averageDaysPerStage', () => {
  const change = (fromStage: StageChange['fromStage'], toStage: StageChange['toStage'], changedAt: string): StageChange => ({
    fromStage,
    toStage,
    changedAt,
  })
  // Won: 3 days qualifying, 6.5 (→ 6) needs analysis, 2 proposal.
  const won = [
    change(null, 'QUALIFYING', '2026-11-01T00:00:00.000Z'),
    change('QUALIFYING', 'NEEDS_ANALYSIS', '2026-11-04T00:00:00.000Z'),
    change('NEEDS_ANALYSIS', 'PROPOSAL', '2026-11-10T12:00:00.000Z'),
    change('PROPOSAL', 'CLOSED_WON', '2026-11-12T12:00:00.000Z'),
  ]
  // Open: 1 day qualifying, still in needs analysis since 11-11 → 9 days at 11-20.
  const open = [change(null, 'QUALIFYING', '2026-11-10T00:00:00.000Z'), change('QUALIFYING', 'NEEDS_ANALYSIS', '2026-11-11T00:00:00.000Z')]
  // Lost after going back once: qualifying 4 + 2 = 6, proposal 1 + 10 = 11. Given out of order (several devices).
  const lost = [
    change('PROPOSAL', 'CLOSED_LOST', '2026-11-18T00:00:00.000Z'),
    change('QUALIFYING', 'PROPOSAL', '2026-11-05T00:00:00.000Z'),
    change(null, 'QUALIFYING', '2026-11-01T00:00:00.000Z'),
    change('QUALIFYING', 'PROPOSAL', '2026-11-08T00:00:00.000Z'),
    change('PROPOSAL', 'QUALIFYING', '2026-11-06T00:00:00.000Z'),
  ]

  it('averages the whole days each opportunity spent per open stage, over those that went through it', () => {
    expect(averageDaysPerStage([won, open, lost], new Date('2026-11-20T00:00:00.000Z'))).toEqual([
      { stage: 'QUALIFYING', averageDays: 3.3, opportunities: 3 }, // (3 + 1 + 6) / 3
      { stage: 'NEEDS_ANALYSIS', averageDays: 7.5, opportunities: 2 }, // (6 + 9) / 2
      { stage: 'PROPOSAL', averageDays: 6.5, opportunities: 2 }, // (2 + 11) / 2
      { stage: 'NEGOTIATION', averageDays: null, opportunities: 0 },
    ])
  })

  it('has no averages without history', () => {
    expect(averageDaysPerStage([], new Date()).every((s) => s.averageDays === null)).toBe(true)
  })
})

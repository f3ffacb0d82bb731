// Sales pipeline figures for dashboards and reports: computed here, once, from opportunity rows and their stage
// history, never typed in or stored.

import { type OpportunityStage } from '../model/enums'
import { type DateRange } from './fiscal-period'
import { OPPORTUNITY_STAGE_DEFINITIONS, expectedAmount, stageDurations, type StageChange } from './opportunity-stage'
import { divideRounded, ratioPercent } from './rounding'

export interface PipelineOpportunity {
  readonly stage: OpportunityStage
  /** Whole won; null while not estimated (counted, adds nothing). */
  readonly amount: number | null
  /** 0–100. */
  readonly probability: number
}

export interface StageTotal {
  readonly stage: OpportunityStage
  readonly count: number
  /** Sum of the amounts, whole won. */
  readonly amount: number
  /** Sum of amount × probability, whole won (each opportunity rounded first, as the board shows it). */
  readonly weighted: number
}

/** The open stages, in board order: what a pipeline chart shows. */
export const OPEN_STAGES: readonly OpportunityStage[] = OPPORTUNITY_STAGE_DEFINITIONS.filter((d) => !d.isClosed).map((d) => d.value)

/** Count, amount and weighted amount of the open opportunities per open stage, in board order (empty stages included). */
export function pipelineByStage(opportunities: readonly PipelineOpportunity[]): StageTotal[] {
  const totals = new Map(OPEN_STAGES.map((stage) => [stage, { stage, count: 0, amount: 0, weighted: 0 }]))
  for (const opp of opportunities) {
    const total = totals.get(opp.stage)
    if (!total) continue // closed: not pipeline any more
    total.count += 1
    total.amount += opp.amount ?? 0
    total.weighted += expectedAmount(opp.amount, opp.probability) ?? 0
  }
  return [...totals.values()]
}

export interface PipelineSummary {
  readonly count: number
  readonly amount: number
  /** Weighted forecast: Σ amount × probability / 100 over the open opportunities, whole won. */
  readonly weighted: number
}

/** Totals of the open pipeline (the sum of pipelineByStage). */
export function pipelineSummary(stages: readonly StageTotal[]): PipelineSummary {
  return stages.reduce((sum, s) => ({ count: sum.count + s.count, amount: sum.amount + s.amount, weighted: sum.weighted + s.weighted }), {
    count: 0,
    amount: 0,
    weighted: 0,
  })
}

export interface ClosedOpportunity {
  readonly stage: OpportunityStage
  readonly amount: number | null
  /** 'YYYY-MM-DD'; null: closed on an unknown day, left out of every period. */
  readonly actualCloseDate: string | null
}

export interface WinRate {
  readonly won: number
  readonly lost: number
  readonly wonAmount: number
  readonly lostAmount: number
  /** won / (won + lost) × 100, two decimals; null when nothing closed in the period. */
  readonly percent: number | null
}

/** Win rate of the opportunities closed (won or lost) within the range, by their actual close date. */
export function winRate(opportunities: readonly ClosedOpportunity[], range: DateRange): WinRate {
  let won = 0
  let lost = 0
  let wonAmount = 0
  let lostAmount = 0
  for (const opp of opportunities) {
    const day = opp.actualCloseDate
    if (day === null || day < range.start || day > range.end) continue
    if (opp.stage === 'CLOSED_WON') {
      won += 1
      wonAmount += opp.amount ?? 0
    } else if (opp.stage === 'CLOSED_LOST') {
      lost += 1
      lostAmount += opp.amount ?? 0
    }
  }
  return { won, lost, wonAmount, lostAmount, percent: ratioPercent(won, won + lost) }
}

export interface StageDays {
  readonly stage: OpportunityStage
  /** Mean whole days spent in the stage by the opportunities that went through it, one decimal; null when none did. */
  readonly averageDays: number | null
  /** How many opportunities the mean is over. */
  readonly opportunities: number
}

/**
 * Average days per open stage from each opportunity's stage history (stageDurations: repeat visits summed, the stage
 * an opportunity is still in counted up to `now`).
 */
export function averageDaysPerStage(histories: ReadonlyArray<readonly StageChange[]>, now: Date): StageDays[] {
  const sums = new Map(OPEN_STAGES.map((stage) => [stage, { days: 0, opportunities: 0 }]))
  for (const history of histories) {
    const durations = stageDurations(history, now)
    for (const [stage, days] of Object.entries(durations) as [OpportunityStage, number][]) {
      const sum = sums.get(stage)
      if (!sum) continue
      sum.days += days
      sum.opportunities += 1
    }
  }
  return OPEN_STAGES.map((stage) => {
    const { days, opportunities } = sums.get(stage)!
    return {
      stage,
      opportunities,
      averageDays: opportunities === 0 ? null : Number(divideRounded(BigInt(days) * 10n, BigInt(opportunities))) / 10,
    }
  })
}

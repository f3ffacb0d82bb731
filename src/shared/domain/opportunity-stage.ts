// The sales pipeline, declared once as data and read by the board, forms, reports and the server alike.

import { OPPORTUNITY_STAGES, type OpportunityStage } from '../model/enums'
import { assertWon, percentOfWon } from './money'

export interface OpportunityStageDefinition {
  value: OpportunityStage
  labelKo: string
  labelEn: string
  /** 0-based position on the board. */
  position: number
  /** Probability (%) an opportunity gets when it enters the stage; the user may change it afterwards. */
  defaultProbability: number
  isClosed: boolean
  isWon: boolean
  /** Column and chart colour. */
  color: string
}

const DEFINITIONS: Readonly<Record<OpportunityStage, Omit<OpportunityStageDefinition, 'value' | 'position'>>> = {
  QUALIFYING: { labelKo: '검증', labelEn: 'Qualifying', defaultProbability: 10, isClosed: false, isWon: false, color: '#94a3b8' },
  NEEDS_ANALYSIS: { labelKo: '니즈 분석', labelEn: 'Needs analysis', defaultProbability: 25, isClosed: false, isWon: false, color: '#60a5fa' },
  PROPOSAL: { labelKo: '제안', labelEn: 'Proposal', defaultProbability: 50, isClosed: false, isWon: false, color: '#a78bfa' },
  NEGOTIATION: { labelKo: '협상', labelEn: 'Negotiation', defaultProbability: 75, isClosed: false, isWon: false, color: '#f59e0b' },
  CLOSED_WON: { labelKo: '수주', labelEn: 'Won', defaultProbability: 100, isClosed: true, isWon: true, color: '#22c55e' },
  CLOSED_LOST: { labelKo: '실주', labelEn: 'Lost', defaultProbability: 0, isClosed: true, isWon: false, color: '#ef4444' },
}

/** The stages in board order. */
export const OPPORTUNITY_STAGE_DEFINITIONS: readonly OpportunityStageDefinition[] = OPPORTUNITY_STAGES.map((value, position) => ({
  value,
  position,
  ...DEFINITIONS[value],
}))

export function isOpportunityStage(value: unknown): value is OpportunityStage {
  return typeof value === 'string' && (OPPORTUNITY_STAGES as readonly string[]).includes(value)
}

export function stageDefinition(stage: OpportunityStage): OpportunityStageDefinition {
  const definition = OPPORTUNITY_STAGE_DEFINITIONS.find((d) => d.value === stage)
  if (!definition) throw new RangeError(`unknown opportunity stage: ${String(stage)}`)
  return definition
}

export function defaultProbability(stage: OpportunityStage): number {
  return stageDefinition(stage).defaultProbability
}

/**
 * Weighted pipeline value: amount × probability / 100 in whole won, rounded half up (away from zero).
 * Null when the amount or probability is not known.
 */
export function expectedAmount(amount: number | null | undefined, probability: number | null | undefined): number | null {
  if (amount === null || amount === undefined || probability === null || probability === undefined) return null
  assertWon(amount)
  if (!Number.isFinite(probability) || probability < 0 || probability > 100) {
    throw new RangeError(`probability must be 0–100, got ${probability}`)
  }
  return percentOfWon(amount, probability)
}

/** One row of opportunity_stage_history: the stage was changed from `fromStage` (null at creation) to `toStage`. */
export interface StageChange {
  fromStage: OpportunityStage | null
  toStage: OpportunityStage
  /** ISO timestamp of the change. */
  changedAt: string
}

/** A stretch of time an opportunity spent in one stage; `leftAt` is null while it is still there. */
export interface StageSegment {
  stage: OpportunityStage
  enteredAt: string
  leftAt: string | null
}

const DAY_MS = 86_400_000

/**
 * The stages an opportunity went through, in order. Changes are ordered by time (history from several devices may
 * arrive out of order); the time before the first recorded change is unknown and left out.
 */
export function stageSegments(history: readonly StageChange[]): StageSegment[] {
  const ordered = [...history].sort((a, b) => Date.parse(a.changedAt) - Date.parse(b.changedAt))
  return ordered.map((change, i) => ({
    stage: change.toStage,
    enteredAt: change.changedAt,
    leftAt: ordered[i + 1]?.changedAt ?? null,
  }))
}

/**
 * Whole days spent in each stage (summed over repeat visits, then floored), the current open stage counted up to
 * `now`. A closed stage the opportunity still sits in is not counted: time after winning or losing is not time
 * "spent" in the pipeline. Stages never visited are absent.
 */
export function stageDurations(history: readonly StageChange[], now: Date): Partial<Record<OpportunityStage, number>> {
  const totals = new Map<OpportunityStage, number>()
  for (const segment of stageSegments(history)) {
    if (segment.leftAt === null && stageDefinition(segment.stage).isClosed) continue
    const end = segment.leftAt === null ? now.getTime() : Date.parse(segment.leftAt)
    const ms = Math.max(0, end - Date.parse(segment.enteredAt)) // a clock running ahead must not give negative days
    totals.set(segment.stage, (totals.get(segment.stage) ?? 0) + ms)
  }
  const result: Partial<Record<OpportunityStage, number>> = {}
  for (const [stage, ms] of totals) result[stage] = Math.floor(ms / DAY_MS)
  return result
}

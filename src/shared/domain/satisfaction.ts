// Training satisfaction (만족도): the average of the feedback answers (1–5), per class, per session and per project.
// Derived on every read, never stored (docs/schema-review.md: the seed's satisfaction_score is this average). Each
// aspect is averaged over the answers that rated it, so a form without an operation rating does not pull that down.

import { divideRounded, toHundredths } from './rounding'

export interface FeedbackRatings {
  readonly overallRating: number
  readonly contentRating?: number | null
  readonly instructorRating?: number | null
  readonly operationRating?: number | null
}

export interface SatisfactionSummary {
  /** Answers counted. */
  readonly responses: number
  /** Averages, two decimals (half away from zero); null when no answer rated that aspect. */
  readonly overall: number | null
  readonly content: number | null
  readonly instructor: number | null
  readonly operation: number | null
}

export const RATING_MIN = 1
export const RATING_MAX = 5

function average(values: ReadonlyArray<number | null | undefined>): number | null {
  const known = values.filter((v): v is number => v !== null && v !== undefined)
  if (known.length === 0) return null
  for (const v of known) {
    if (!Number.isFinite(v) || v < RATING_MIN || v > RATING_MAX) throw new RangeError(`a rating must be 1–5, got ${v}`)
  }
  const sum = known.reduce((total, v) => total + toHundredths(v), 0n)
  return Number(divideRounded(sum, BigInt(known.length))) / 100
}

/** The averages of a set of answers; null when there are none. */
export function satisfactionSummary(feedback: readonly FeedbackRatings[]): SatisfactionSummary | null {
  if (feedback.length === 0) return null
  return {
    responses: feedback.length,
    overall: average(feedback.map((f) => f.overallRating)),
    content: average(feedback.map((f) => f.contentRating)),
    instructor: average(feedback.map((f) => f.instructorRating)),
    operation: average(feedback.map((f) => f.operationRating)),
  }
}

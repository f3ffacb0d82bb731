// BANT lead qualification: each criterion met is worth 25 points, so the score is 0–100.
// The score is derived, never stored or edited (docs/architecture.md §3).

export const BANT_CRITERIA = [
  { key: 'budget', labelKo: '예산', labelEn: 'Budget' },
  { key: 'authority', labelKo: '결정권', labelEn: 'Authority' },
  { key: 'need', labelKo: '니즈', labelEn: 'Need' },
  { key: 'timeline', labelKo: '도입 시기', labelEn: 'Timeline' },
] as const

export type BantCriterion = (typeof BANT_CRITERIA)[number]['key']

/** Criteria as stored (bant_budget …); null or missing means not met. */
export type BantAnswers = Partial<Record<BantCriterion, boolean | null>>

export const BANT_POINTS_PER_CRITERION = 25

export function bantScore(answers: BantAnswers): number {
  return BANT_CRITERIA.filter(({ key }) => answers[key] === true).length * BANT_POINTS_PER_CRITERION
}

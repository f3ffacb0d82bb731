/** How the dashboard writes its figures: won in 억/만 (₩M/₩B in English) on cards and axes, percents with at most two decimals. */
import { moneyCompact, moneyExact } from '../../lib/money'
import { stageDefinition } from '../../../../shared/domain/opportunity-stage'
import { type OpportunityStage } from '../../../../shared/model/enums'

export function formatPercent(value: number | null, language: string): string {
  if (value === null) return '—'
  return `${new Intl.NumberFormat(language === 'en' ? 'en-US' : 'ko-KR', { maximumFractionDigits: 2 }).format(value)}%`
}

/** 1.9억, 8000만, 9,999원 (₩190M in English): cards, bars and axes. */
export function compactWon(value: number): string {
  return moneyCompact(Math.round(value))
}

/** 1억 8,500만원 (₩185,000,000 in English): tooltips, where the exact amount is wanted. */
export function fullWon(value: number): string {
  return moneyExact(Math.round(value))
}

export function stageName(stage: OpportunityStage, language: string): string {
  const definition = stageDefinition(stage)
  return language === 'en' ? definition.labelEn : definition.labelKo
}

export function stageColor(stage: OpportunityStage): string {
  return stageDefinition(stage).color
}

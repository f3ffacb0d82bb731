import { stageDefinition } from '../../../../shared/domain/opportunity-stage'
import { type OpportunityStage } from '../../../../shared/model/enums'

/** Stage names live with the stage definitions (declared once as data), not in the translation files. */
export function stageLabel(stage: OpportunityStage, language: string): string {
  const definition = stageDefinition(stage)
  return language === 'en' ? definition.labelEn : definition.labelKo
}

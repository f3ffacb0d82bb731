/**
 * Refusals of the projects / training repositories. The IPC layer turns each into a translated message; the core never
 * sends text to the renderer.
 */
import { RuleError } from '../rule-error'

export const TRAINING_RULES = [
  'notFound',
  'signInToEdit',
  'invalidPeriod',
  'classFull',
  'hasClasses',
  'notPermitted',
  'invalidCompletionRule',
  'notWon',
  'classNotStarted',
  'invalidCapacity',
] as const
export type TrainingRule = (typeof TRAINING_RULES)[number]

export class TrainingRuleError extends RuleError<TrainingRule> {}

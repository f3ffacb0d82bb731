/**
 * Refusals of the projects / training repositories. The IPC layer turns each into a translated message; the core never
 * sends text to the renderer.
 */
import { type RepoContext } from '../common/context'
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

/** The signed-in user's id; every training write needs one (the writer records who did it). */
export function requireTrainingActor(ctx: Pick<RepoContext, 'actor'>): string {
  const actor = ctx.actor()
  if (!actor) throw new TrainingRuleError('signInToEdit', 'Nobody is signed in')
  return actor.id
}

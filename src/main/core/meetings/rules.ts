/**
 * Refusals of the meetings repository. The IPC layer turns each into a translated message; the core never sends text
 * to the renderer.
 */
import { RuleError } from '../rule-error'

export const MEETING_RULES = ['notFound', 'signInToEdit', 'invalidTime', 'cancelled'] as const
export type MeetingRule = (typeof MEETING_RULES)[number]

export class MeetingRuleError extends RuleError<MeetingRule> {}

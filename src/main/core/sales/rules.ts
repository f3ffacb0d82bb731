/**
 * Business-rule refusals of the sales repositories. The IPC layer turns each into a translated message; the core
 * never sends text to the renderer.
 */
import { RuleError } from '../rule-error'

export const SALES_RULES = ['notFound', 'signInToEdit', 'managerOnly', 'alreadyConverted', 'alreadyDecided', 'closed'] as const
export type SalesRule = (typeof SALES_RULES)[number]

export class SalesRuleError extends RuleError<SalesRule> {}

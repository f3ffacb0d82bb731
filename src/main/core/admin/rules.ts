/** Refusals of the administration repositories; handlers/admin.ts maps each to a translated message. */
import { RuleError } from '../rule-error'

export const ADMIN_RULES = [
  'notFound',
  'signInToEdit',
  'notAllowed',
  'departmentCycle',
  'roleInUse',
  'duplicateCode',
  'duplicateName',
  'unknownPermission',
  'selfLockout',
] as const
export type AdminRule = (typeof ADMIN_RULES)[number]

export class AdminRuleError extends RuleError<AdminRule> {}

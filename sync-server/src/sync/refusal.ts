/**
 * Refusals of one mutation: a stable code (REJECTION_CODES in src/shared/sync/protocol.ts) and a human message
 * (CONTRACTS §3). Every refusal in the sync path is built here, so messages never quote PostgreSQL (no constraint
 * names, no `Key (…)=(…)`, no `Failing row contains`, nothing of field_hlc), and a row that does not exist reads
 * exactly like a row outside the writer's scope. Other server code that refuses a mutation uses these helpers.
 */
import type { PushResult, RejectionCode } from '../../../src/shared/sync/protocol'

export interface Refusal {
  readonly code: RejectionCode
  readonly message: string
}

export const refusal = (code: RejectionCode, message: string): Refusal => ({ code, message })

/** "Does not exist" and "not in your scope" must read the same: the answer would otherwise reveal the row. */
export const NOT_FOUND_MESSAGE = 'row does not exist or is not in your scope'
export const notFound = (): Refusal => refusal('not_found', NOT_FOUND_MESSAGE)
/** A reference (foreign key) to a row that does not exist or that the writer cannot see: the same answer for both. */
export const referenceNotFound = (column: string, table: string): Refusal =>
  refusal('not_found', `${column}: the referenced ${table} row does not exist or is not in your scope`)

export function rejected(seq: number, reason: Refusal): PushResult {
  return { seq, status: 'rejected', reason: reason.message, reason_code: reason.code }
}

/** A refusal that depends on database state (a constraint, the scope after the write), thrown inside a batch. */
export class MutationRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message)
    this.name = 'MutationRefused'
  }
}

interface PgError {
  readonly code?: string
  readonly column?: string
  readonly table?: string
}

/**
 * A PostgreSQL data error (class 22 or 23) turned into a refusal without reading its message: the SQLSTATE picks the
 * code, and only structured fields that name the caller's own column (a NOT NULL violation's column) are used.
 */
export function refusalForDataError(error: PgError): Refusal {
  switch (error.code) {
    case '23505':
      return refusal('duplicate_value', 'another record already uses a value that must be unique (a code or a registration number)')
    case '23503':
      return refusal('not_found', 'a referenced row does not exist or is not in your scope')
    case '23502':
      return refusal('missing_field', error.column ? `${error.column} is required` : 'a required value is missing')
    case '23514':
    case '23P01':
      return refusal('constraint', 'the values break a rule of this table (for example an end before its start)')
    default:
      return refusal('invalid_value', 'a value cannot be stored in this column')
  }
}

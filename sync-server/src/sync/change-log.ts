/**
 * Appending to change_log (docs/architecture.md §4–5). txid defaults to pg_current_xact_id(), so every entry of one
 * push carries its transaction's id and becomes readable by pull only once that transaction (and every older one) has
 * finished. One multi-row INSERT per call, arrays as parameters.
 */
import type { ChangeLogKind } from '../../../src/shared/model/enums'
import type { Queryable } from '../postgres/transaction'

export interface ChangeLogEntry {
  readonly table: string
  readonly rowId: string
  /** null: an ordinary change for everyone whose scope holds the row; a user: that user's enter/leave entry. */
  readonly audienceUserId: string | null
  readonly kind: ChangeLogKind
}

/** The INSERT of entries passed as four array parameters from `$first` on (changeLogParams). */
export const CHANGE_LOG_INSERT = (first: number): string =>
  `INSERT INTO change_log (table_name, row_id, audience_user_id, kind)
     SELECT * FROM unnest($${first}::text[], $${first + 1}::uuid[], $${first + 2}::uuid[], $${first + 3}::text[])`

export function changeLogParams(entries: readonly ChangeLogEntry[]): unknown[] {
  return [entries.map((e) => e.table), entries.map((e) => e.rowId), entries.map((e) => e.audienceUserId), entries.map((e) => e.kind)]
}

export async function appendChangeLog(db: Queryable, entries: readonly ChangeLogEntry[]): Promise<void> {
  if (entries.length === 0) return
  await db.query(CHANGE_LOG_INSERT(1), changeLogParams(entries))
}

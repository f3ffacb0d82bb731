/**
 * Conflicts the merge recorded (docs/architecture.md §6). Written by the server when a concurrent write loses or
 * overwrites an unseen one; synced to the users party to it, who resolve it by changing `status` or re-applying
 * their value as a new edit.
 */
import { index, jsonb, pgTable, uuid, varchar } from 'drizzle-orm/pg-core'
import { CONFLICT_KINDS, CONFLICT_STATUSES } from '../../../src/shared/model/enums'
import { enumChecks, enumText, syncColumns, timestamptz } from './columns'

export const syncConflicts = pgTable(
  'sync_conflicts',
  {
    ...syncColumns(),
    tableName: varchar('table_name', { length: 63 }).notNull(),
    rowId: uuid('row_id').notNull(),
    field: varchar('field', { length: 63 }).notNull(),
    /** JSON value of the field as stored after the merge (null = SQL NULL). */
    winningValue: jsonb('winning_value'),
    winningHlc: varchar('winning_hlc', { length: 64 }).notNull(),
    winningUserId: uuid('winning_user_id'),
    winningDeviceId: uuid('winning_device_id'),
    /** The value that did not make it: kept only here, so "apply mine again" can restore it. */
    losingValue: jsonb('losing_value'),
    losingHlc: varchar('losing_hlc', { length: 64 }).notNull(),
    losingUserId: uuid('losing_user_id'),
    losingDeviceId: uuid('losing_device_id'),
    kind: enumText('kind', CONFLICT_KINDS, 20).notNull().default('FIELD'),
    status: enumText('status', CONFLICT_STATUSES, 20).notNull().default('OPEN'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamptz('resolved_at'),
  },
  (t) => [
    ...enumChecks('sync_conflicts', t),
    index('sync_conflicts_row_idx').on(t.tableName, t.rowId),
    index('sync_conflicts_winning_user_id_idx').on(t.winningUserId),
    index('sync_conflicts_losing_user_id_idx').on(t.losingUserId),
  ],
)

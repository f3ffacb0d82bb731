/** Conflicts the merge recorded, written by the server (docs/architecture.md §6). Twin of sync-server/db/schema/sync.ts. */
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { CONFLICT_KINDS, CONFLICT_STATUSES } from '../../../shared/model/enums'
import { enumText, id, json, syncColumns, timestamptz } from './columns'

export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    ...syncColumns(),
    tableName: text('table_name').notNull(),
    rowId: id('row_id').notNull(),
    field: text('field').notNull(),
    winningValue: json('winning_value').$type<unknown>(),
    winningHlc: text('winning_hlc').notNull(),
    winningUserId: id('winning_user_id'),
    winningDeviceId: id('winning_device_id'),
    losingValue: json('losing_value').$type<unknown>(),
    losingHlc: text('losing_hlc').notNull(),
    losingUserId: id('losing_user_id'),
    losingDeviceId: id('losing_device_id'),
    kind: enumText('kind', CONFLICT_KINDS).notNull().default('FIELD'),
    status: enumText('status', CONFLICT_STATUSES).notNull().default('OPEN'),
    resolvedBy: id('resolved_by'),
    resolvedAt: timestamptz('resolved_at'),
  },
  (t) => [index('sync_conflicts_row_idx').on(t.tableName, t.rowId), index('sync_conflicts_status_idx').on(t.status)],
)

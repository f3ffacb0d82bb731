/**
 * Device-only bookkeeping (docs/architecture.md §4): never synced, no server twin. The FTS5 `search_index` is not
 * here because Drizzle cannot describe virtual tables; it is created by the custom migration drizzle/sqlite/*_search.sql.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { OUTBOX_OPS, OUTBOX_STATUSES } from '../../../shared/model/enums'
import { enumText, now, timestamptz } from './columns'

/** One row per local mutation, appended in the same SQLite transaction as the change it describes. */
export const outbox = sqliteTable(
  'outbox',
  {
    /** Assigned by the outbox store from sync_state.last_seq (never reused, unlike a bare rowid). */
    seq: integer('seq').primaryKey(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    op: enumText('op', OUTBOX_OPS).notNull(),
    /** Changed columns → new values, wire-encoded. */
    fields: text('fields', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    hlc: text('hlc').notNull(),
    /** The server watermark (xid8 as a decimal string) the device held when the edit was made; null before a first sync. */
    base: text('base'),
    createdAt: timestamptz('created_at').notNull().default(now),
    status: enumText('status', OUTBOX_STATUSES).notNull().default('pending'),
    rejectReason: text('reject_reason'),
  },
  (t) => [index('outbox_status_seq_idx').on(t.status, t.seq), index('outbox_row_idx').on(t.tableName, t.rowId)],
)

/** Key/value: device id, user id, pull cursor, watermark, last HLC, last seq, last sync, schema version. */
export const syncState = sqliteTable('sync_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})

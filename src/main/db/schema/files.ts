/**
 * File attachments. Device twin of sync-server/db/schema/files.ts (the synced `attachments` table), plus the
 * device-only bookkeeping of the file store (src/main/core/files): uploads still to send and records pinned for
 * offline work. The bytes themselves live in the device's file store directory, one file per SHA-256.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { ATTACHMENT_ENTITY_TYPES } from '../../../shared/model/enums'
import { enumText, id, money, now, syncColumns, timestamptz } from './columns'

export const attachments = sqliteTable(
  'attachments',
  {
    ...syncColumns(),
    entityType: enumText('entity_type', ATTACHMENT_ENTITY_TYPES).notNull(),
    entityId: id('entity_id').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: money('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
  },
  (t) => [index('attachments_entity_idx').on(t.entityType, t.entityId, t.createdAt), index('attachments_sha256_idx').on(t.sha256)],
)

/**
 * Blobs this device must upload (added here, offline or not). `status` pending → done, or rejected with the server's
 * reason code (shown in the sync panel; other uploads and the row sync go on).
 */
export const fileUploadQueue = sqliteTable('file_upload_queue', {
  sha256: text('sha256').primaryKey(),
  sizeBytes: integer('size_bytes').notNull(),
  mimeType: text('mime_type').notNull(),
  fileName: text('file_name').notNull(),
  status: text('status', { enum: ['pending', 'done', 'rejected'] })
    .notNull()
    .default('pending'),
  /** Bytes the server has confirmed (progress). */
  sentBytes: integer('sent_bytes').notNull().default(0),
  reason: text('reason'),
  createdAt: timestamptz('created_at').notNull().default(now),
  updatedAt: timestamptz('updated_at').notNull().default(now),
})

/** Records the user pinned for offline work: their files are downloaded ahead of time. */
export const pinnedRecords = sqliteTable(
  'pinned_records',
  {
    entityType: enumText('entity_type', ATTACHMENT_ENTITY_TYPES).notNull(),
    entityId: id('entity_id').notNull(),
    createdAt: timestamptz('created_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.entityType, t.entityId] })],
)

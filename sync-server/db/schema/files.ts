/**
 * File attachments (issue #19, docs/sync-protocol.md § Files). `attachments` is an ordinary synced table (per-field
 * merge, tombstones, scope following the record it hangs on); the bytes are content-addressed blobs kept once per
 * SHA-256, server-only, behind sync-server/src/files/storage.ts: `file_blobs` + `file_chunks` for the default
 * PostgreSQL storage, `file_uploads` for uploads in progress whatever the storage, `file_possessions` for who proved
 * they hold a blob's bytes (a download needs a reference made by such a user: knowing a hash is not having the file).
 */
import { sql } from 'drizzle-orm'
import { bigint, check, customType, index, integer, pgTable, primaryKey, uuid, varchar } from 'drizzle-orm/pg-core'
import { ATTACHMENT_ENTITY_TYPES } from '../../../src/shared/model/enums'
import { enumChecks, enumText, live, money, now, syncColumns, timestamptz } from './columns'

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' })

export const attachments = pgTable(
  'attachments',
  {
    ...syncColumns(),
    entityType: enumText('entity_type', ATTACHMENT_ENTITY_TYPES, 30).notNull(),
    /** Polymorphic: the id of a row of the table entity_type names, so not a foreign key (like activities). */
    entityId: uuid('entity_id').notNull(),
    /** Sanitised for every OS (src/shared/files/file-name.ts). */
    fileName: varchar('file_name', { length: 255 }).notNull(),
    mimeType: varchar('mime_type', { length: 100 }).notNull(),
    sizeBytes: money('size_bytes').notNull(),
    /** Lower-case hex SHA-256 of the content: the blob's address. */
    sha256: varchar('sha256', { length: 64 }).notNull(),
  },
  (t) => [
    ...enumChecks('attachments', t),
    check('attachments_size_bytes_check', sql`${t.sizeBytes} >= 0`),
    check('attachments_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    index('attachments_entity_idx').on(t.entityType, t.entityId),
    index('attachments_sha256_idx').on(t.sha256),
    index('attachments_live_idx').on(t.createdAt).where(live(t.deletedAt)),
  ],
)

/** A stored blob. In the PostgreSQL storage its bytes are the `file_chunks` rows; in the filesystem one, a file. */
export const fileBlobs = pgTable('file_blobs', {
  sha256: varchar('sha256', { length: 64 }).primaryKey(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  mimeType: varchar('mime_type', { length: 100 }).notNull(),
  storage: varchar('storage', { length: 20 }).notNull(),
  createdAt: timestamptz('created_at').notNull().default(now),
})

/** The PostgreSQL storage's bytes: chunk `n` of blob (or upload in progress) `sha256`. */
export const fileChunks = pgTable(
  'file_chunks',
  {
    sha256: varchar('sha256', { length: 64 }).notNull(),
    n: integer('n').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sha256, t.n], name: 'file_chunks_pkey' })],
)

/** An upload in progress: what the device declared, so every chunk can be checked against it. */
export const fileUploads = pgTable(
  'file_uploads',
  {
    sha256: varchar('sha256', { length: 64 }).primaryKey(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    mimeType: varchar('mime_type', { length: 100 }).notNull(),
    userId: uuid('user_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    createdAt: timestamptz('created_at').notNull().default(now),
    updatedAt: timestamptz('updated_at').notNull().default(now),
  },
  (t) => [index('file_uploads_updated_idx').on(t.updatedAt)],
)

/**
 * Users who proved they hold a blob's bytes: by uploading every chunk of it, or by answering a challenge over ranges of
 * it chosen by the server (docs/sync-protocol.md §7a). A blob is served only through an attachment row whose creator
 * is listed here, so a client that only knows a hash cannot attach it to its own record and read someone else's file.
 */
export const filePossessions = pgTable(
  'file_possessions',
  {
    sha256: varchar('sha256', { length: 64 }).notNull(),
    userId: uuid('user_id').notNull(),
    provedAt: timestamptz('proved_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.sha256, t.userId], name: 'file_possessions_pkey' })],
)

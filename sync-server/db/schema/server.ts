/**
 * Server-only tables: never synced, never in the device schema. Secrets (password hashes, refresh tokens) live here
 * so that the user directory can be replicated to every device without them.
 */
import { sql } from 'drizzle-orm'
import { bigserial, boolean, index, integer, json, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core'
import { AUDIT_ACTIONS, CHANGE_LOG_KINDS } from '../../../src/shared/model/enums'
import { enumChecks, enumText, money, now, timestamptz, xid8 } from './columns'
import { users } from './org'

/** Moved out of `users`: one scrypt hash per user. */
export const userCredentials = pgTable('user_credentials', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  passwordHash: text('password_hash').notNull(),
  passwordChangedAt: timestamptz('password_changed_at').notNull().default(now),
  /** Set by an administrator's reset to a one-time password: the next sign-in must choose a new one first. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  createdAt: timestamptz('created_at').notNull().default(now),
  updatedAt: timestamptz('updated_at').notNull().default(now),
})

/**
 * Refresh-token sessions. Only the token's SHA-256 is stored. Each refresh rotates the token within a family; reusing
 * a rotated token (a sign of theft) revokes the whole family.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** Hex SHA-256 of the refresh token. */
    refreshTokenHash: varchar('refresh_token_hash', { length: 64 }).notNull().unique('user_sessions_refresh_token_hash_key'),
    /** The rotation chain: every token issued from one sign-in shares it. */
    familyId: uuid('family_id').notNull(),
    deviceId: uuid('device_id'),
    expiresAt: timestamptz('expires_at').notNull(),
    createdAt: timestamptz('created_at').notNull().default(now),
    /** Set when this token was exchanged for its successor; presenting it again revokes the family. */
    rotatedAt: timestamptz('rotated_at'),
    revokedAt: timestamptz('revoked_at'),
    /** Absolute end of the sign-in this token belongs to: rotation never extends a family past it. */
    familyExpiresAt: timestamptz('family_expires_at'),
    /** The row that replaced this one at rotation, and its refresh token sealed with the server key (AES-GCM), kept for
     * the short grace window in which the same device may present this token once more (a crash before it saved the
     * successor). Cleared when the grace is used or the window has passed. */
    successorId: uuid('successor_id'),
    successorSealed: text('successor_sealed'),
    graceUsedAt: timestamptz('grace_used_at'),
    ipAddress: varchar('ip_address', { length: 45 }),
    userAgent: text('user_agent'),
  },
  (t) => [index('user_sessions_family_id_idx').on(t.familyId), index('user_sessions_user_id_idx').on(t.userId)],
)

/** One row per device install. `last_applied_seq` makes pushes idempotent (same transaction as their effects). */
export const syncDevices = pgTable(
  'sync_devices',
  {
    deviceId: uuid('device_id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    lastAppliedSeq: money('last_applied_seq').notNull().default(0),
    /**
     * The greatest stamp among the mutations processed for this device. A mutation at or below last_applied_seq with a
     * greater stamp is not a retry (a retry carries its original stamp): it comes from a replica restored from an
     * older copy, and is processed, not dropped as a duplicate (docs/sync-protocol.md § Restored device).
     */
    lastAppliedHlc: text('last_applied_hlc'),
    schemaVersion: integer('schema_version').notNull(),
    createdAt: timestamptz('created_at').notNull().default(now),
    lastSeenAt: timestamptz('last_seen_at').notNull().default(now),
    revokedAt: timestamptz('revoked_at'),
    /** Revoked with wipe (a lost laptop): every request from the device answers 410 device_wiped and it erases its copy. */
    wipeRequestedAt: timestamptz('wipe_requested_at'),
  },
  (t) => [index('sync_devices_user_id_idx').on(t.userId)],
)

/**
 * Why each rejected mutation was rejected, so the answer for a seq is stable across retries: a push whose response was
 * lost is retried, and a seq rejected the first time is answered `rejected` with the same reason again (applied ones
 * answer `duplicate`). Written in the same transaction as the push. Rows are only needed until the device has seen the
 * answer; a later clean-up job may delete old ones (docs/sync-protocol.md §1).
 */
export const syncRejections = pgTable(
  'sync_rejections',
  {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => syncDevices.deviceId, { onDelete: 'cascade' }),
    seq: money('seq').notNull(),
    reason: text('reason').notNull(),
    /** The stable rejection code (REJECTION_CODES); null on rows stored before codes existed. */
    reasonCode: varchar('reason_code', { length: 40 }),
    createdAt: timestamptz('created_at').notNull().default(now),
  },
  (t) => [primaryKey({ name: 'sync_rejections_pkey', columns: [t.deviceId, t.seq] })],
)

/**
 * The pull order (docs/architecture.md §5): one entry per changed row per transaction, ordered by (txid, id) and read
 * only below the oldest running transaction, so a late commit is never skipped.
 */
export const changeLog = pgTable(
  'change_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    txid: xid8('txid')
      .notNull()
      .default(sql`pg_current_xact_id()`),
    tableName: varchar('table_name', { length: 63 }).notNull(),
    rowId: uuid('row_id').notNull(),
    /** Null for a change everyone in scope may see; a user id for that user's `enter`/`leave` scope entry. */
    audienceUserId: uuid('audience_user_id'),
    kind: enumText('kind', CHANGE_LOG_KINDS, 10).notNull().default('change'),
    createdAt: timestamptz('created_at').notNull().default(now),
  },
  (t) => [
    ...enumChecks('change_log', t),
    index('change_log_txid_id_idx').on(t.txid, t.id),
    /** gc deletes entries by age. */
    index('change_log_created_at_idx').on(t.createdAt),
    index('change_log_audience_idx')
      .on(t.audienceUserId, t.txid, t.id)
      .where(sql`${t.audienceUserId} is not null`),
  ],
)

/** Every applied change, with the device it came from. Read online only (never synced). */
export const auditLogs = pgTable(
  'audit_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tableName: varchar('table_name', { length: 63 }).notNull(),
    rowId: uuid('row_id').notNull(),
    action: enumText('action', AUDIT_ACTIONS, 20).notNull(),
    /**
     * `{ column: { old, new } }` for the fields the change touched. `json`, not `jsonb`: it is written on every applied
     * change and only ever read whole (admin/audit-log.ts), never searched or indexed inside, so PostgreSQL keeping the
     * validated text is enough — building a jsonb value was up to a quarter of the push's audit statement (issue 20,
     * docs/schema-review.md "audit_logs.changes"). The keys stay in the order the change listed them.
     */
    changes: json('changes').$type<Record<string, { old: unknown; new: unknown }>>(),
    userId: uuid('user_id'),
    deviceId: uuid('device_id'),
    ipAddress: varchar('ip_address', { length: 45 }),
    userAgent: text('user_agent'),
    createdAt: timestamptz('created_at').notNull().default(now),
  },
  (t) => [
    ...enumChecks('audit_logs', t),
    index('audit_logs_row_idx').on(t.tableName, t.rowId, t.createdAt),
    index('audit_logs_user_id_idx').on(t.userId, t.createdAt),
  ],
)

/**
 * What `gc` has collected (one row, id = 1): change_log entries at or below (floor_txid, floor_id) are gone, so a pull
 * cursor below that position can no longer be continued and the device is told to re-sync from scratch (410
 * `resync_required`, docs/sync-protocol.md). Written by the gc job in the same transaction as its deletions.
 */
export const syncGcState = pgTable('sync_gc_state', {
  id: integer('id').primaryKey(),
  floorTxid: xid8('floor_txid').notNull(),
  floorId: money('floor_id').notNull(),
  horizon: timestamptz('horizon').notNull(),
  collectedAt: timestamptz('collected_at').notNull().default(now),
})

/**
 * One row (id = 1) whose `epoch` grows, by trigger, in the same transaction as any change to what a user's scope and
 * permissions are computed from: a user's tier, role, active flag or deletion, teams, team members, roles' grants
 * and permissions (drizzle/pg/0016). A server instance caches each user's scope and permissions under the epoch they
 * were read at (sync/rights-cache.ts) and reads the epoch inside every push: a change is seen by the next push.
 */
export const authzEpoch = pgTable('authz_epoch', {
  id: integer('id').primaryKey(),
  epoch: money('epoch').notNull(),
})

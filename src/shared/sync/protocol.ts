/**
 * The sync wire protocol (docs/sync-protocol.md), as zod schemas shared by the device and the server.
 * Table and field names on the wire are the SQL names (`companies`, `business_number`).
 */
import { z } from 'zod'
import { isHlc } from './hlc'

/** The device schema version this build speaks; bumped with every device migration that changes synced tables. */
export const SCHEMA_VERSION = 1

export const MAX_MUTATIONS_PER_PUSH = 10_000
export const DEFAULT_PULL_LIMIT = 2_000
export const MAX_PULL_LIMIT = 10_000

/**
 * Any UUID version, in canonical lower case: PostgreSQL prints uuids in lower case, so an upper-case id from a device
 * would come back on pull as a different SQLite primary key.
 */
export const LOWER_CASE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const uuid = z.string().regex(LOWER_CASE_UUID, 'must be a lower-case UUID')
const sqlName = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'must be a lower-case SQL name')
const hlc = z.string().refine(isHlc, 'must be an HLC stamp')
/** A transaction-id watermark (PostgreSQL xid8) as a decimal string. */
const watermark = z.string().regex(/^\d{1,20}$/)

export const mutationSchema = z.strictObject({
  seq: z.number().int().positive(),
  table: sqlName,
  id: uuid,
  op: z.enum(['upsert', 'delete']),
  /** Only the changed columns (a create is an upsert of a new id). A delete may carry none. */
  fields: z.record(sqlName, z.json()).default({}),
  hlc,
  /** The device's watermark when the edit was made (see merge.ts); lets the server tell concurrent from sequential. */
  base: watermark.nullable().optional(),
})
export type Mutation = z.infer<typeof mutationSchema>

export const pushRequestSchema = z.strictObject({
  deviceId: uuid,
  schemaVersion: z.number().int(),
  mutations: z.array(mutationSchema).max(MAX_MUTATIONS_PER_PUSH),
})
export type PushRequest = z.infer<typeof pushRequestSchema>

export const pushResultSchema = z.object({
  seq: z.number().int(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  reason: z.string().optional(),
  /** The stamp the server stored, when it differs from the one sent (a clock too far ahead is clamped). */
  hlc: hlc.optional(),
  /**
   * Set with `applied` when the server kept a new row under another code because its code was taken
   * (CONTRACTS.md §2): the record is not lost, and the device tells the user.
   */
  renamed: z.object({ field: z.literal('code'), from: z.string(), to: z.string() }).optional(),
})
export type PushResult = z.infer<typeof pushResultSchema>

export const pushResponseSchema = z.object({
  results: z.array(pushResultSchema),
  serverTime: z.string(),
})
export type PushResponse = z.infer<typeof pushResponseSchema>

export const pullRequestSchema = z.strictObject({
  deviceId: uuid,
  schemaVersion: z.number().int(),
  cursor: z.string().max(512).nullable(),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
})
export type PullRequest = z.infer<typeof pullRequestSchema>

export type WireRow = Record<string, unknown>

/**
 * A pulled row: checked to be a plain JSON object, not copied key by key. The record schema it replaces checked
 * nothing JSON.parse does not already guarantee (string keys, unknown values) but rebuilt every row: with it a first
 * sync parsed, validated and applied 59k rows/s, without it 73k (`npx tsx src/main/core/testing/apply-rate.ts`). The
 * columns themselves are mapped by the replica's table registry where the row is applied.
 */
const wireRow = z.custom<WireRow>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), { message: 'expected a row object' })

export const pullResponseSchema = z.object({
  changes: z.array(z.object({ table: z.string(), id: z.string(), row: wireRow })),
  removed: z.array(z.object({ table: z.string(), id: z.string() })),
  cursor: z.string(),
  hasMore: z.boolean(),
  /** Every change committed by a transaction below this id has been delivered once the device holds `cursor`. */
  watermark: watermark.nullable(),
  serverTime: z.string(),
})
export type PullResponse = z.infer<typeof pullResponseSchema>

export const loginRequestSchema = z.strictObject({
  email: z.string().trim().min(3).max(255),
  password: z.string().min(1).max(1024),
  deviceId: uuid,
  /** Lets an app too old or too new for this server learn it at sign-in (409) rather than at its first push. */
  schemaVersion: z.number().int().positive().optional(),
})
export type LoginRequest = z.infer<typeof loginRequestSchema>

export const refreshRequestSchema = z.strictObject({ refreshToken: z.string().min(16).max(512) })

/** Every error response: `{"error":{"code","message"}}`. */
export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly details?: unknown }
}

export const ERROR_CODES = [
  'bad_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'schema_version',
  'payload_too_large',
  'too_many_requests',
  'unavailable',
  'internal',
  /** 410 on pull: the cursor is older than what the server still keeps (gc); pull again with cursor null. */
  'resync_required',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

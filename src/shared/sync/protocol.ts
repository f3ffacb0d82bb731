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

const MUTATION_KEYS: ReadonlySet<string> = new Set(['seq', 'table', 'id', 'op', 'fields', 'hlc', 'base'])
const SQL_NAME = /^[a-z][a-z0-9_]{0,62}$/
const WATERMARK = /^\d{1,20}$/

/** What JSON.parse makes of `{…}`: an object with the plain prototype (not an array, a Date, a Map …). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

/** A value z.json() accepts (finite numbers, no undefined), walked without recursion. */
function isJsonValue(root: unknown): boolean {
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const value = stack.pop()
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return false
      continue
    }
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item)
      continue
    }
    if (!isPlainObject(value)) return false
    for (const key in value) stack.push(value[key])
  }
  return true
}

/**
 * `mutationSchema.safeParse`, with a hand-written check of the well-formed case first: the server parses every
 * mutation of a push on its own (10,000 per push), and zod's per-mutation cost was the largest JS item of a push
 * (issue 20). The check accepts only what the schema accepts, with the same output; anything it does not accept goes
 * to the schema, so a refusal (and its wording) is the schema's, exactly as before.
 */
export function parseMutation(raw: unknown): ReturnType<typeof mutationSchema.safeParse> {
  if (isPlainObject(raw)) {
    const { seq, table, id, op, fields, hlc: stamp, base } = raw
    let strict = true
    for (const key in raw) strict &&= MUTATION_KEYS.has(key)
    const fieldsOk =
      fields === undefined || (isPlainObject(fields) && Object.keys(fields).every((name) => SQL_NAME.test(name)) && Object.values(fields).every(isJsonValue))
    if (
      strict &&
      typeof seq === 'number' &&
      Number.isSafeInteger(seq) &&
      seq > 0 &&
      typeof table === 'string' &&
      SQL_NAME.test(table) &&
      typeof id === 'string' &&
      LOWER_CASE_UUID.test(id) &&
      (op === 'upsert' || op === 'delete') &&
      fieldsOk &&
      isHlc(stamp) &&
      (base === undefined || base === null || (typeof base === 'string' && WATERMARK.test(base)))
    ) {
      const data: Mutation = { seq, table, id, op, fields: (fields ?? {}) as Mutation['fields'], hlc: stamp }
      if (base !== undefined) data.base = base as string | null
      return { success: true, data }
    }
  }
  return mutationSchema.safeParse(raw)
}

export const pushRequestSchema = z.strictObject({
  deviceId: uuid,
  schemaVersion: z.number().int(),
  mutations: z.array(mutationSchema).max(MAX_MUTATIONS_PER_PUSH),
})
export type PushRequest = z.infer<typeof pushRequestSchema>

/**
 * Why the server refused a mutation, as a stable code (docs/sync-protocol.md § Rejection codes); `reason` carries the
 * human message. Devices may branch on the code; they must not parse the message. Unknown codes (a newer server) are
 * shown by their message.
 */
export const REJECTION_CODES = [
  /** The mutation is not well formed (shape, id, stamp, a delete carrying other fields …). */
  'malformed',
  /** Unknown table, unknown or server-only column. */
  'unknown_field',
  /** A value of the wrong type or outside the column's range, or breaking a domain rule (checksum …). */
  'invalid_value',
  /** A JSON value nested deeper than MAX_VALUE_DEPTH. */
  'value_too_deep',
  /** A value larger than the column's limit (MAX_TEXT_CHARS, MAX_JSON_BYTES). */
  'value_too_large',
  /** A create without a required column. */
  'missing_field',
  /** The row (or a row it points at) does not exist or is not in the writer's scope: the two read the same. */
  'not_found',
  /** The write would put the row outside the writer's scope. */
  'leaves_scope',
  /** The writer's role does not allow this action on this table. */
  'permission_denied',
  /** An owner column changed by someone who may not assign it (src/shared/domain/assignment.ts). */
  'assign_not_allowed',
  /** Another record already holds a value that must be unique. */
  'duplicate_value',
  /** The value breaks a rule of the table the server checks (a CHECK constraint). */
  'constraint',
] as const
export type RejectionCode = (typeof REJECTION_CODES)[number]

/** How deep a JSON value of a mutation field may nest (objects and arrays); deeper is refused `value_too_deep`. */
export const MAX_VALUE_DEPTH = 32
/** The longest text a field may carry when its column sets no length (characters). */
export const MAX_TEXT_CHARS = 100_000
/** The largest JSON (json/jsonb column) value a field may carry, serialized (UTF-8 bytes). */
export const MAX_JSON_BYTES = 256 * 1024

export const pushResultSchema = z.object({
  seq: z.number().int(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  /** The human message of a rejection (English; `reason_code` is the stable part). */
  reason: z.string().optional(),
  /** The stable code of a rejection (REJECTION_CODES; a newer server may send others). */
  reason_code: z.string().optional(),
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
  /**
   * The highest seq the server has processed for this device (after this push). A device whose own counter is below
   * it was restored from an older copy: it renumbers its unsent outbox above it (docs/sync-protocol.md § Restored device).
   */
  lastAppliedSeq: z.number().int().nonnegative().optional(),
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
 * sync parsed, validated and applied 59k rows/s, without it 73k (`npx tsx test/support/device/apply-rate.ts`). The
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
  /**
   * True when this page stopped short of the newest commit: changes committed after a transaction still open in this
   * database are held back until it ends. `hasMore` is false (nothing more can be read now); pull again shortly.
   */
  behind: z.boolean().optional(),
  /** As in the push response: the highest seq the server has processed for this device. */
  lastAppliedSeq: z.number().int().nonnegative().optional(),
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

export const refreshRequestSchema = z.strictObject({
  refreshToken: z.string().min(16).max(512),
  /** The device presenting it: lets the server accept the previous token once after a crash mid-rotation (grace). */
  deviceId: uuid.optional(),
})

/** POST /v1/auth/password: the signed-in user changes their own password (also after an admin's one-time reset). */
export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(10).max(1024),
})

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
  /** 410 on any request from a device revoked with wipe: erase the replica, key and tokens (docs/security.md § Device). */
  'device_wiped',
  /** 403: the account signed in with a one-time password; only POST /v1/auth/password is answered until it is changed. */
  'password_change_required',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

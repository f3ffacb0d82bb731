/**
 * The pull cursor: an opaque, validated server position (docs/architecture.md §5), never a device clock.
 *
 * - snapshot phase: walking the synced tables in FK order by id pages; `horizon` is the transaction horizon X taken
 *   when the snapshot started, so the log phase can resume at (X, 0) and re-deliver anything that changed meanwhile.
 * - log phase: the last change_log entry consumed, as (txid, id).
 *
 * It is base64url JSON so devices treat it as a token; it is validated on the way back in because a device may store a
 * cursor across server upgrades (or send garbage), and a bad cursor must answer 400, never a 500 or a silent restart.
 */
import { z } from 'zod'

const decimal = z.string().regex(/^\d{1,20}$/)
/** PostgreSQL's ranges: a transaction id (xid8) is an unsigned 64-bit integer, a change_log id a signed bigint. */
const XID8_MAX = 18_446_744_073_709_551_615n
const BIGINT_MAX = 9_223_372_036_854_775_807n
// zod runs a refinement even when the regex above failed: BigInt('1.5') would throw a SyntaxError out of the parse
// (a 500 for a bad cursor, not the 400 it must be), so the refinement checks the digits itself.
const DECIMAL = /^\d{1,20}$/
const xid8Text = decimal.refine((v) => DECIMAL.test(v) && BigInt(v) <= XID8_MAX, 'out of range for a transaction id')
const bigintText = decimal.refine((v) => DECIMAL.test(v) && BigInt(v) <= BIGINT_MAX, 'out of range for bigint')
const uuid = z.uuid()

const snapshotCursorSchema = z.strictObject({
  v: z.literal(1),
  phase: z.literal('snapshot'),
  horizon: xid8Text,
  table: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/),
  /** The last id delivered from `table`; null before its first page. */
  after: uuid.nullable(),
})

const logCursorSchema = z.strictObject({
  v: z.literal(1),
  phase: z.literal('log'),
  txid: xid8Text,
  id: bigintText,
})

/** Exported for cursor.test.ts, which holds decodeCursor's hand-checked path to it. */
export const cursorSchema = z.discriminatedUnion('phase', [snapshotCursorSchema, logCursorSchema])

export type SnapshotCursor = z.infer<typeof snapshotCursorSchema>
export type LogCursor = z.infer<typeof logCursorSchema>
export type PullCursor = SnapshotCursor | LogCursor

export class InvalidCursorError extends Error {
  constructor(reason: string) {
    super(`Invalid pull cursor: ${reason}. Start over with cursor: null.`)
    this.name = 'InvalidCursorError'
  }
}

export function encodeCursor(cursor: PullCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url')
}

/**
 * The log cursor every synced device sends on every pull, checked by hand: `json` itself if it is a log cursor the
 * schema certainly accepts (exactly its four keys; decimals short enough to be in range without BigInt), else null
 * and the schema decides (same verdicts, same errors; cursor.test.ts). The zod parse cost 7 µs hot and ~60 µs in
 * the server between pulls, a tenth of a pull with nothing new (issue 20, bench scenario 9).
 */
function plainLogCursor(json: unknown): LogCursor | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null
  const keys = Object.keys(json)
  if (keys.length !== 4) return null
  for (const key of keys) if (key !== 'v' && key !== 'phase' && key !== 'txid' && key !== 'id') return null
  const { v, phase, txid, id } = json as Record<string, unknown>
  if (v !== 1 || phase !== 'log' || typeof txid !== 'string' || typeof id !== 'string') return null
  // Up to 19 digits is below both maxima (xid8 < 1.8e19, bigint < 9.2e18 — 18 digits); longer: the schema's BigInt check.
  if (!SHORT_XID.test(txid) || !SHORT_BIGINT.test(id)) return null
  return json as LogCursor
}
const SHORT_XID = /^\d{1,19}$/
const SHORT_BIGINT = /^\d{1,18}$/

/**
 * The last cursor at a ceiling, (x, 0), that this process encoded: what a pull with nothing new answers, and what
 * the devices send back on their next pull — all of them the same token while the ceiling stays. The token is a
 * pure function of x, so remembering one pair is only a memo (no state a request could observe).
 */
let recent: { readonly token: string; readonly cursor: LogCursor } | null = null

/** encodeCursor(logCursorAt(x, '0')), remembered for decodeCursor. */
export function encodeCeilingCursor(x: string): string {
  if (recent !== null && recent.cursor.txid === x) return recent.token
  const token = Buffer.from(`{"v":1,"phase":"log","txid":"${x}","id":"0"}`, 'utf8').toString('base64url')
  recent = { token, cursor: Object.freeze(logCursorAt(x, '0')) }
  return token
}

/** Parses a cursor; `knownTables` guards against a snapshot cursor naming a table this server no longer syncs. */
export function decodeCursor(token: string, knownTables: ReadonlySet<string>): PullCursor {
  if (recent !== null && token === recent.token) return recent.cursor
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new InvalidCursorError('not base64url')
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidCursorError('not JSON')
  }
  const fast = plainLogCursor(json)
  if (fast) return fast
  const parsed = cursorSchema.safeParse(json)
  if (!parsed.success) throw new InvalidCursorError('unexpected shape')
  if (parsed.data.phase === 'snapshot' && !knownTables.has(parsed.data.table)) {
    throw new InvalidCursorError(`unknown table ${parsed.data.table}`)
  }
  return parsed.data
}

export function logCursorAt(txid: string, id: string): LogCursor {
  return { v: 1, phase: 'log', txid, id }
}

/**
 * POST /v1/sync/push (docs/sync-protocol.md § Push): one PostgreSQL transaction per push.
 *
 * 1. Lock the device row; every mutation with seq at or below last_applied_seq is a `duplicate` (a retry).
 * 2. Validate each mutation on its own (validate.ts): a malformed or impossible one is `rejected` and the rest go on.
 * 3. Apply the valid ones in batches (batch.ts), each under a SAVEPOINT; a batch that cannot be decided in bulk is
 *    split and retried down to one mutation per savepoint, so a rejected mutation applies nothing and blocks nothing.
 * 4. Store the highest processed seq in sync_devices, and the reason of every rejected seq in sync_rejections, in the
 *    same transaction as the effects, so a retry after a lost response applies nothing twice: an applied seq is
 *    answered `duplicate`, a rejected one `rejected` with the same reason again (results are stable across retries).
 *
 * Concurrency: rows are locked FOR UPDATE while merging. A push that may change who sees what takes the scope lock
 * exclusively (every other push takes it shared), before its transaction id is assigned, so enter/leave entries are
 * computed against committed state and no write can slip between a scope change and its entries. A deadlock or
 * serialization failure retries the whole push (nothing of it was committed).
 */
import type { Pool, PoolClient } from 'pg'
import { clampHlc, type HlcClock } from '../../../src/shared/sync/hlc'
import { LOWER_CASE_UUID, mutationSchema, type PushResponse, type PushResult } from '../../../src/shared/sync/protocol'
import { isUserTier } from '../auth/user-tier'
import { forbidden } from '../http/errors'
import type { PokeAudience } from '../realtime/poke-bus'
import { pokeAudience } from './audience'
import { applyBatch, MutationRefused, ReplayOneByOne, type BatchContext, type BatchOutcome, type PendingMutation } from './batch'
import { loadPermissions } from './permissions'
import { loadScope } from './scope'
import { lockScope, mayChangeScope } from './scope-rules'
import { SYNCED_TABLE_NAMES } from './tables'
import { validateMutation } from './validate'

/** Mutations per bulk batch: big enough to amortise round trips, small enough that a replay stays cheap. */
export const BATCH_SIZE = 1_000
const MAX_ATTEMPTS = 3

export interface PushInput {
  readonly userId: string
  readonly deviceId: string
  readonly schemaVersion: number
  /** Raw mutations: each is parsed on its own so one malformed entry cannot block the others. */
  readonly mutations: readonly unknown[]
  readonly ip: string | null
  readonly userAgent: string | null
}

export interface PushOutput {
  readonly response: PushResponse
  /** Who to poke once committed; null when nothing changed. */
  readonly audience: PokeAudience | null
  /** The committed transaction's id (decimal xid8), for the poke; null when nothing was applied. */
  readonly txid: string | null
}

export interface PushDeps {
  readonly pool: Pool
  readonly clock: HlcClock
  readonly now?: () => number
}

/** Postgres errors caused by the data of one mutation: refuse that mutation, keep the push. */
function isDataError(error: unknown): error is Error & { code: string; detail?: string; constraint?: string } {
  const code = (error as { code?: unknown })?.code
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'))
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code
  return code === '40P01' || code === '40001'
}

function describeDataError(error: Error & { detail?: string }): string {
  return error.detail ? `${error.message} (${error.detail})` : error.message
}

export async function push(deps: PushDeps, input: PushInput): Promise<PushOutput> {
  const { response, changed, users, txid } = await pushCommitted(deps, input)
  // No query here: each instance resolves a small push's audience for its own connected users (audience.ts). An
  // earlier version queried the audience here while still holding the transaction's connection, which deadlocked the
  // pool under load (every push waited for a second connection until the connect timeout, then answered 503).
  return { response, audience: pokeAudience(changed, users), txid }
}

async function pushCommitted(deps: PushDeps, input: PushInput): Promise<Committed> {
  for (let attempt = 1; ; attempt++) {
    const client = await deps.pool.connect()
    try {
      await client.query('BEGIN')
      const outcome = await pushInTransaction(client, deps, input)
      await client.query('COMMIT')
      return outcome
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      if (attempt < MAX_ATTEMPTS && isRetryable(error)) continue
      throw error
    } finally {
      client.release()
    }
  }
}

interface Parsed {
  readonly results: (PushResult | null)[]
  readonly pending: { index: number; item: PendingMutation }[]
  readonly maxSeq: number
}

function parseMutations(deps: PushDeps, input: PushInput, lastApplied: number): Parsed {
  const results: (PushResult | null)[] = []
  const pending: { index: number; item: PendingMutation }[] = []
  const serverNow = (deps.now ?? Date.now)()
  let maxSeq = lastApplied
  input.mutations.forEach((raw, index) => {
    const seq = (raw as { seq?: unknown } | null)?.seq as number
    if (seq <= maxSeq) {
      results.push({ seq, status: 'duplicate' })
      return
    }
    maxSeq = seq
    const parsed = mutationSchema.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      results.push({ seq, status: 'rejected', reason: `malformed mutation: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid'}` })
      return
    }
    const valid = validateMutation(parsed.data, input.deviceId)
    if (!valid.ok) {
      results.push({ seq, status: 'rejected', reason: valid.reason })
      return
    }
    const hlc = clampHlc(valid.mutation.hlc, deps.clock, serverNow)
    results.push(null)
    pending.push({ index, item: hlc === valid.mutation.hlc ? { mutation: valid.mutation } : { mutation: { ...valid.mutation, hlc }, clampedHlc: hlc } })
  })
  return { results, pending, maxSeq }
}

async function lockDevice(client: PoolClient, input: PushInput): Promise<number> {
  await client.query(
    `INSERT INTO sync_devices (device_id, user_id, schema_version) VALUES ($1, $2, $3) ON CONFLICT (device_id) DO NOTHING`,
    [input.deviceId, input.userId, input.schemaVersion],
  )
  const { rows } = await client.query<{ user_id: string; last_applied_seq: number; revoked: boolean }>(
    `SELECT user_id, last_applied_seq, revoked_at IS NOT NULL AS revoked FROM sync_devices WHERE device_id = $1 FOR UPDATE`,
    [input.deviceId],
  )
  const device = rows[0]!
  if (device.user_id !== input.userId) throw forbidden('This device is registered to another user')
  if (device.revoked) throw forbidden('This device has been revoked')
  return Number(device.last_applied_seq)
}

interface Committed {
  readonly response: PushResponse
  /** Rows this push changed and users its scope changes addressed: the poke audience, computed after commit. */
  readonly changed: BatchOutcome['changed']
  readonly users: ReadonlySet<string>
  readonly txid: string | null
}

async function pushInTransaction(client: PoolClient, deps: PushDeps, input: PushInput): Promise<Committed> {
  // Lock mode first, before anything assigns this transaction its id (see the header).
  const exclusive = input.mutations.some((raw) => mayChangeScope(raw))
  await lockScope(client, exclusive ? 'exclusive' : 'shared')

  const lastApplied = await lockDevice(client, input)
  const parsed = parseMutations(deps, input, lastApplied)
  const results = parsed.results
  const nowIso = new Date((deps.now ?? Date.now)()).toISOString()
  const changed: BatchOutcome['changed'] = new Map()
  const users = new Set<string>()
  let txid: string | null = null

  if (parsed.pending.length > 0) {
    const { rows } = await client.query<{ txid: string }>('SELECT pg_current_xact_id()::text AS txid')
    txid = rows[0]!.txid
    const { scope, tier } = await loadScope(client, input.userId)
    if (!tier || !isUserTier(tier)) throw forbidden('This account cannot sync')
    const ctx: BatchContext = {
      db: client,
      scopeLock: exclusive ? 'exclusive' : 'shared',
      userId: input.userId,
      deviceId: input.deviceId,
      scope,
      permissions: await loadPermissions(client, input.userId, tier),
      merge: { txid, userId: input.userId, now: nowIso },
      actor: { userId: input.userId, deviceId: input.deviceId, ip: input.ip, userAgent: input.userAgent },
    }
    for (let start = 0; start < parsed.pending.length; start += BATCH_SIZE) {
      const slice = parsed.pending.slice(start, start + BATCH_SIZE)
      const outcomes = await applyWithFallback(client, ctx, slice.map((p) => p.item))
      for (const outcome of outcomes) {
        for (const [table, ids] of outcome.changed) {
          const set = changed.get(table) ?? new Set<string>()
          for (const id of ids) set.add(id)
          changed.set(table, set)
        }
        for (const user of outcome.users) users.add(user)
      }
      const flat = outcomes.flatMap((o) => o.results)
      slice.forEach((p, i) => {
        results[p.index] = flat[i]!
      })
    }
  }

  await rememberRejections(client, input.deviceId, results, lastApplied)
  await refreshRejectedRows(client, input, results, lastApplied)
  await client.query(
    `UPDATE sync_devices SET last_applied_seq = GREATEST(last_applied_seq, $2), last_seen_at = now(), schema_version = $3 WHERE device_id = $1`,
    [input.deviceId, parsed.maxSeq, input.schemaVersion],
  )
  return { response: { results: results.map((r) => r!), serverTime: nowIso }, changed, users, txid }
}

/**
 * Keeps rejection answers stable across retries: stores the reasons of the seqs this push rejected, and answers a
 * duplicate seq that was rejected (by an earlier push, or earlier in this one) `rejected` with its reason again.
 * `results` is completed in place. One range read of sync_rejections when the push holds duplicates, one insert when
 * it rejected something.
 */
async function rememberRejections(client: PoolClient, deviceId: string, results: (PushResult | null)[], lastApplied: number): Promise<void> {
  const rejected = new Map<number, string>()
  for (const result of results) {
    if (result?.status === 'rejected' && Number.isSafeInteger(result.seq) && result.seq > lastApplied && !rejected.has(result.seq)) {
      rejected.set(result.seq, result.reason ?? 'rejected')
    }
  }
  const retried = results.filter((r): r is PushResult => r?.status === 'duplicate' && Number.isSafeInteger(r.seq)).map((r) => r.seq)
  const stored = retried.filter((seq) => seq <= lastApplied)
  if (stored.length > 0) {
    // A range read: rejections are few, so this touches at most the device's rejections between the two seqs.
    const { rows } = await client.query<{ seq: number; reason: string }>(
      `SELECT seq, reason FROM sync_rejections WHERE device_id = $1 AND seq BETWEEN $2 AND $3`,
      [deviceId, Math.min(...stored), Math.max(...stored)],
    )
    for (const row of rows) if (!rejected.has(Number(row.seq))) rejected.set(Number(row.seq), row.reason)
  }
  if (retried.length > 0 && rejected.size > 0) {
    results.forEach((result, index) => {
      const reason = result?.status === 'duplicate' ? rejected.get(result.seq) : undefined
      if (reason !== undefined) results[index] = { seq: result!.seq, status: 'rejected', reason }
    })
  }
  const fresh = [...rejected].filter(([seq]) => seq > lastApplied)
  if (fresh.length === 0) return
  await client.query(
    `INSERT INTO sync_rejections (device_id, seq, reason)
     SELECT $1, x.seq, x.reason FROM unnest($2::bigint[], $3::text[]) AS x(seq, reason)
     ON CONFLICT (device_id, seq) DO UPDATE SET reason = EXCLUDED.reason, created_at = now()`,
    [deviceId, fresh.map(([seq]) => seq), fresh.map(([, reason]) => reason)],
  )
}

/**
 * A rejected mutation already changed the device's replica optimistically, and nothing on the server will change that
 * row again soon: without help the device would show its refused value indefinitely. So every fresh rejection adds a
 * change_log entry addressed to the pushing user, of kind `leave` — which pull reads as "send this row as it is now if
 * it is visible to you, otherwise remove it". The device then shows the server's truth, while the rejected values stay
 * in its outbox for the user to re-apply or dismiss.
 */
async function refreshRejectedRows(client: PoolClient, input: PushInput, results: readonly (PushResult | null)[], lastApplied: number): Promise<void> {
  const rowsBySeq = new Map<number, { table: string; id: string }>()
  for (const raw of input.mutations) {
    const m = raw as { seq?: unknown; table?: unknown; id?: unknown } | null
    if (typeof m?.seq === 'number' && typeof m.table === 'string' && typeof m.id === 'string') rowsBySeq.set(m.seq, { table: m.table, id: m.id })
  }
  const refresh = new Map<string, { table: string; id: string }>()
  for (const result of results) {
    if (result?.status !== 'rejected' || result.seq <= lastApplied) continue
    const row = rowsBySeq.get(result.seq)
    if (row && SYNCED_TABLE_NAMES.has(row.table) && LOWER_CASE_UUID.test(row.id)) refresh.set(`${row.table}:${row.id}`, row)
  }
  if (refresh.size === 0) return
  const rows = [...refresh.values()]
  await client.query(
    `INSERT INTO change_log (table_name, row_id, audience_user_id, kind)
     SELECT x.t, x.id, $1::uuid, 'leave' FROM unnest($2::text[], $3::uuid[]) AS x(t, id)`,
    [input.userId, rows.map((r) => r.table), rows.map((r) => r.id)],
  )
}

/**
 * One savepoint per batch. When the batch cannot be applied in bulk (ReplayOneByOne, or a data error such as a
 * duplicate code), it is split in two halves applied in order, each with the same fallback: a single bad mutation in a
 * thousand costs about twenty savepoints, not a thousand, and a single-mutation batch decides that mutation alone.
 */
async function applyWithFallback(client: PoolClient, ctx: BatchContext, batch: readonly PendingMutation[]): Promise<BatchOutcome[]> {
  const attempt = await inSavepoint(client, () => applyBatch(ctx, batch))
  if (attempt.ok) return [attempt.value]
  const error = attempt.error
  if (batch.length > 1 && (error instanceof ReplayOneByOne || isDataError(error))) {
    const middle = Math.ceil(batch.length / 2)
    const first = await applyWithFallback(client, ctx, batch.slice(0, middle))
    return [...first, ...(await applyWithFallback(client, ctx, batch.slice(middle)))]
  }
  if (batch.length === 1 && (error instanceof MutationRefused || isDataError(error))) {
    const reason = error instanceof MutationRefused ? error.message : describeDataError(error)
    return [{ results: [{ seq: batch[0]!.mutation.seq, status: 'rejected', reason }], changed: new Map(), users: new Set() }]
  }
  throw error
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown }

async function inSavepoint<T>(client: PoolClient, fn: () => Promise<T>): Promise<Attempt<T>> {
  await client.query('SAVEPOINT sync_batch')
  try {
    const value = await fn()
    await client.query('RELEASE SAVEPOINT sync_batch')
    return { ok: true, value }
  } catch (error) {
    // A fatal error (connection lost) makes this fail too; the caller's ROLLBACK then ends the transaction.
    await client.query('ROLLBACK TO SAVEPOINT sync_batch')
    await client.query('RELEASE SAVEPOINT sync_batch')
    return { ok: false, error }
  }
}

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
 * computed against committed state and no write can slip between a scope change and its entries. Exclusivity is
 * decided after validation (a mutation refused by validate.ts changes nothing, so it cannot ask for the lock), and it
 * is bounded: an exclusive push stops starting batches after EXCLUSIVE_TIME_BUDGET_MS (or EXCLUSIVE_MUTATION_BUDGET
 * mutations); every push stops after PUSH_TIME_BUDGET_MS, and every statement of it is cancelled at
 * PUSH_DEADLINE_MS (503, nothing committed). A push that stopped early commits what it processed and answers results
 * for that prefix only; the device sends the rest again (docs/sync-protocol.md § 1). A deadlock or serialization
 * failure retries the whole push (nothing of it was committed).
 */
import type { Pool, PoolClient } from 'pg'
import { clampHlc, isHlc, type HlcClock } from '../../../src/shared/sync/hlc'
import { LOWER_CASE_UUID, MAX_MUTATIONS_PER_PUSH, parseMutation, type PushResponse, type PushResult } from '../../../src/shared/sync/protocol'
import { quoteIdent } from '../postgres/quote'
import { forbidden } from '../http/errors'
import type { PokeAudience } from '../realtime/poke-bus'
import { pokeAudience } from './audience'
import { applyBatch, ReplayOneByOne, type BatchContext, type BatchOutcome, type PendingMutation } from './batch'
import { checkInstructorClashes, triggersClashCheck } from './instructor-clashes'
import { valueLimitRefusal } from './limits'
import { MutationRefused, refusal, refusalForDataError, rejected, type Refusal } from './refusal'
import { rightsAt, rightsCacheFor } from './rights-cache'
import { lockScope, mayChangeScope } from './scope-rules'
import { SYNCED_TABLE_NAMES } from './tables'
import { xidPlacesFor } from './xid-places'
import { deviceNode, validateMutation, type ValidMutation } from './validate'

/** Mutations per bulk batch: big enough to amortise round trips, small enough that a replay stays cheap. */
export const BATCH_SIZE = 1_000
const MAX_ATTEMPTS = 3
/**
 * An exclusive (scope-changing) push processes at most this many mutations; the rest wait for the next push. Every
 * create carries its owner column, so a large import is exclusive: by default the count is not what bounds it (a
 * whole push of creates takes about a second), the time below is.
 */
export const EXCLUSIVE_MUTATION_BUDGET = MAX_MUTATIONS_PER_PUSH
/** …and starts no new batch after holding the exclusive lock this long. */
export const EXCLUSIVE_TIME_BUDGET_MS = 10_000
/** Any push starts no new batch after this long: the rest is answered by the next push. */
export const PUSH_TIME_BUDGET_MS = 10_000
/** Every statement of a push (lock waits included) is cancelled after this: the push answers 503, nothing committed. */
export const PUSH_DEADLINE_MS = 30_000

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
  /** Overrides of the budgets above (tests). */
  readonly budgets?: Partial<PushBudgets>
}

export interface PushBudgets {
  readonly exclusiveMutations: number
  readonly exclusiveMs: number
  readonly pushMs: number
  readonly deadlineMs: number
}

const DEFAULT_BUDGETS: PushBudgets = {
  exclusiveMutations: EXCLUSIVE_MUTATION_BUDGET,
  exclusiveMs: EXCLUSIVE_TIME_BUDGET_MS,
  pushMs: PUSH_TIME_BUDGET_MS,
  deadlineMs: PUSH_DEADLINE_MS,
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

/** One mutation after the checks that need no database: refused, or ready to apply (stamp clamped). */
type Checked = ({ readonly refusal: Refusal } | { readonly item: PendingMutation }) & {
  readonly seq: number
  /** The stamp as sent (not clamped), when it is one: tells a retry from a restored device's new edit. */
  readonly hlc: string | null
}

/**
 * Parses and validates every mutation on its own, before the transaction takes any lock: a refusal here depends only
 * on the mutation, so it is the same on every retry, and a push full of bad mutations holds no lock while they are
 * checked. Limits (depth, size) come first: schema validation recurses into JSON values.
 */
function checkMutations(deps: PushDeps, input: PushInput): Checked[] {
  const serverNow = (deps.now ?? Date.now)()
  const node = deviceNode(input.deviceId)
  return input.mutations.map((raw): Checked => {
    const seq = (raw as { seq?: unknown } | null)?.seq as number
    const sent = (raw as { hlc?: unknown } | null)?.hlc
    const sentHlc = (): string | null => (typeof sent === 'string' && isHlc(sent) ? sent : null)
    const limited = valueLimitRefusal((raw as { fields?: unknown } | null)?.fields)
    if (limited) return { seq, hlc: sentHlc(), refusal: limited }
    const parsed = parseMutation(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return { seq, hlc: sentHlc(), refusal: refusal('malformed', `malformed mutation: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid'}`) }
    }
    // Parsed, the stamp is the one sent and already checked (isHlc): not checked a second time.
    const hlc = parsed.data.hlc
    const valid = validateMutation(parsed.data, input.deviceId, node)
    if (!valid.ok) return { seq, hlc, refusal: valid.refusal }
    const stored = clampHlc(valid.mutation.hlc, deps.clock, serverNow)
    return {
      seq,
      hlc,
      item: stored === valid.mutation.hlc ? { mutation: valid.mutation } : { mutation: { ...valid.mutation, hlc: stored }, clampedHlc: stored },
    }
  })
}

const scopeChanging = (m: ValidMutation): boolean => mayChangeScope({ table: m.table.name, op: m.op, fields: m.fields })

interface Parsed {
  readonly results: (PushResult | null)[]
  readonly pending: { index: number; item: PendingMutation }[]
}

/**
 * Splits the checked mutations into duplicates (seq at or below `lastApplied`), refusals and mutations to apply. A
 * mutation at or below `lastApplied` whose stamp is greater than every stamp processed for the device (`lastHlc`) is
 * not a retry — a retry carries its original stamp — but a new edit of a replica restored from an older copy: it is
 * decided like any new mutation instead of being dropped.
 */
function sortChecked(checked: readonly Checked[], lastApplied: number, lastHlc: string | null): Parsed {
  const results: (PushResult | null)[] = []
  const pending: { index: number; item: PendingMutation }[] = []
  let maxSeq = lastApplied
  checked.forEach((entry, index) => {
    const restored = lastHlc !== null && entry.hlc !== null && entry.hlc > lastHlc
    if (entry.seq <= maxSeq && !restored) {
      results.push({ seq: entry.seq, status: 'duplicate' })
      return
    }
    maxSeq = Math.max(maxSeq, entry.seq)
    if ('refusal' in entry) {
      results.push(rejected(entry.seq, entry.refusal))
      return
    }
    results.push(null)
    pending.push({ index, item: entry.item })
  })
  return { results, pending }
}

interface LockedDevice {
  readonly seq: number
  readonly hlc: string | null
  /** This transaction's id (decimal xid8): the row lock assigned it. */
  readonly txid: string
  /** authz_epoch as of this statement, after the scope lock (rights-cache.ts). */
  readonly epoch: string
}

/**
 * Locks the device row and reads, in the same statement, the transaction's id and the authz epoch. The row exists
 * from sign-in on; a device unknown here (registered before sync_devices kept every device) is inserted first.
 */
async function lockDevice(client: PoolClient, input: PushInput): Promise<LockedDevice> {
  const read = () =>
    client.query<{ user_id: string; last_applied_seq: number; last_applied_hlc: string | null; revoked: boolean; txid: string; epoch: string }>(
      `SELECT user_id, last_applied_seq, last_applied_hlc, revoked_at IS NOT NULL AS revoked, pg_current_xact_id()::text AS txid,
              (SELECT a.epoch FROM authz_epoch a WHERE a.id = 1)::text AS epoch
         FROM sync_devices WHERE device_id = $1 FOR UPDATE`,
      [input.deviceId],
    )
  let { rows } = await read()
  if (rows.length === 0) {
    await client.query(`INSERT INTO sync_devices (device_id, user_id, schema_version) VALUES ($1, $2, $3) ON CONFLICT (device_id) DO NOTHING`, [
      input.deviceId,
      input.userId,
      input.schemaVersion,
    ])
    ;({ rows } = await read())
  }
  const device = rows[0]!
  if (device.user_id !== input.userId) throw forbidden('This device is registered to another user')
  if (device.revoked) throw forbidden('This device has been revoked')
  return { seq: Number(device.last_applied_seq), hlc: device.last_applied_hlc, txid: device.txid, epoch: device.epoch }
}

interface Committed {
  readonly response: PushResponse
  /** Rows this push changed and users its scope changes addressed: the poke audience, computed after commit. */
  readonly changed: BatchOutcome['changed']
  readonly users: ReadonlySet<string>
  readonly txid: string | null
}

async function pushInTransaction(client: PoolClient, deps: PushDeps, input: PushInput): Promise<Committed> {
  const budgets = { ...DEFAULT_BUDGETS, ...deps.budgets }
  const started = Date.now()
  // A deadline for every statement, lock waits included: nothing of a push can hold the scope lock (or wait for it)
  // without bound. A cancelled statement answers 503 (http/errors.ts) and the device retries.
  const checked = checkMutations(deps, input)
  // Lock mode first, before anything assigns this transaction its id (see the header). Only mutations that passed
  // validation and are not already-applied retries can change a scope. The seq read here is not locked: a concurrent
  // push of the same device can only raise it, which makes this prediction conservative, never short.
  const { rows: known } = await client.query<{ seq: number | null }>(
    `SELECT set_config('statement_timeout', $1, true), set_config('lock_timeout', $1, true),
            (SELECT last_applied_seq FROM sync_devices WHERE device_id = $2) AS seq`,
    [String(budgets.deadlineMs), input.deviceId],
  )
  const seenSeq = Number(known[0]?.seq ?? 0)
  const exclusive = checked.some((entry) => 'item' in entry && entry.seq > seenSeq && scopeChanging(entry.item.mutation))
  await lockScope(client, exclusive ? 'exclusive' : 'shared')

  const device = await lockDevice(client, input)
  // Pulls on this instance that see this transaction running then know it is this database's (xid-places.ts).
  xidPlacesFor(deps.pool).ranHere(device.txid)
  const lastApplied = device.seq
  const parsed = sortChecked(checked, lastApplied, device.hlc)
  const results = parsed.results
  const nowIso = new Date((deps.now ?? Date.now)()).toISOString()
  const changed: BatchOutcome['changed'] = new Map()
  const users = new Set<string>()
  let txid: string | null = null
  /** Results beyond this index are not answered: the push stopped at a budget and the device sends them again. */
  let answered = results.length

  if (parsed.pending.length > 0) {
    txid = device.txid
    const rights = await rightsAt(client, rightsCacheFor(deps.pool), input.userId, device.epoch)
    if (!rights) throw forbidden('This account cannot sync')
    const { scope, tier } = rights
    const principals = new Set(scope.kind === 'principals' ? scope.ids.map((id) => id.toLowerCase()) : [])
    const ctx: BatchContext = {
      db: client,
      scopeLock: exclusive ? 'exclusive' : 'shared',
      userId: input.userId,
      deviceId: input.deviceId,
      scope,
      permissions: rights.permissions,
      assigner: { userId: input.userId, tier, covers: (id) => principals.has(id.toLowerCase()) },
      merge: { txid, userId: input.userId, now: nowIso },
      actor: { userId: input.userId, deviceId: input.deviceId, ip: input.ip, userAgent: input.userAgent },
    }
    const batchSize = exclusive ? Math.min(BATCH_SIZE, budgets.exclusiveMutations) : BATCH_SIZE
    for (let start = 0; start < parsed.pending.length; start += batchSize) {
      const elapsed = Date.now() - started
      const overBudget = exclusive ? start >= budgets.exclusiveMutations || elapsed >= budgets.exclusiveMs : elapsed >= budgets.pushMs
      if (start > 0 && overBudget) {
        // Answer the processed prefix; everything from this mutation on is sent again by the device.
        answered = parsed.pending[start]!.index
        break
      }
      const slice = parsed.pending.slice(start, start + batchSize)
      const outcomes = await applyWithFallback(
        client,
        ctx,
        slice.map((p) => p.item),
      )
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

  const finished = results.slice(0, answered)
  // Instructor double bookings across projects: in this transaction, so the record commits with its cause. The
  // record is advice: a data error in it must not refuse a push the device can never get past (it would be sent
  // again for ever), so it is rolled back alone; anything else (a timeout, a deadlock) fails the push as usual.
  // No savepoint when nothing applied can cause a clash (most pushes): two round trips saved, nothing to roll back.
  const triggers = clashTriggers(parsed.pending, finished)
  const triggered = triggers.classIds.size + triggers.sessionIds.size + triggers.projectIds.size > 0
  const clashes: Attempt<string[]> = triggered ? await inSavepoint(client, () => checkInstructorClashes(client, triggers, nowIso)) : { ok: true, value: [] }
  if (!clashes.ok && !isDataError(clashes.error)) throw clashes.error
  if (clashes.ok && clashes.value.length > 0) changed.set('instructor_clashes', new Set(clashes.value))
  const maxSeq = finished.reduce((max, r) => (r && Number.isSafeInteger(r.seq) && r.seq > max ? r.seq : max), lastApplied)
  const maxHlc = checked.slice(0, answered).reduce<string | null>((max, c) => (c.hlc !== null && (max === null || c.hlc > max) ? c.hlc : max), null)
  await rememberRejections(client, input.deviceId, finished, lastApplied)
  await refreshRejectedRows(client, input, finished, lastApplied)
  await client.query(
    `UPDATE sync_devices SET last_applied_seq = GREATEST(last_applied_seq, $2), last_seen_at = now(), schema_version = $3,
            last_applied_hlc = CASE WHEN $4::text IS NOT NULL AND (last_applied_hlc IS NULL OR $4::text COLLATE "C" > last_applied_hlc COLLATE "C") THEN $4::text ELSE last_applied_hlc END
      WHERE device_id = $1`,
    [input.deviceId, maxSeq, input.schemaVersion, maxHlc],
  )
  return { response: { results: finished.map((r) => r!), serverTime: nowIso, lastAppliedSeq: maxSeq }, changed, users, txid }
}

/** The classes, 차수 and projects whose applied mutations may have changed an instructor's bookings. */
function clashTriggers(pending: Parsed['pending'], finished: readonly (PushResult | null)[]) {
  const triggers = { classIds: new Set<string>(), sessionIds: new Set<string>(), projectIds: new Set<string>() }
  for (const { index, item } of pending) {
    if (finished[index]?.status !== 'applied') continue
    const { table, op, fields, id } = item.mutation
    if (!triggersClashCheck(table.name, op, fields)) continue
    if (table.name === 'training_classes') triggers.classIds.add(id)
    else if (table.name === 'training_sessions') triggers.sessionIds.add(id)
    else triggers.projectIds.add(id)
  }
  return triggers
}

/**
 * Keeps rejection answers stable across retries: stores the reasons of the seqs this push rejected, and answers a
 * duplicate seq that was rejected (by an earlier push, or earlier in this one) `rejected` with its reason again.
 * `results` is completed in place. One range read of sync_rejections when the push holds duplicates, one insert when
 * it rejected something.
 */
async function rememberRejections(client: PoolClient, deviceId: string, results: (PushResult | null)[], lastApplied: number): Promise<void> {
  const stored = new Map<number, Refusal>()
  for (const result of results) {
    if (result?.status === 'rejected' && Number.isSafeInteger(result.seq) && result.seq > lastApplied && !stored.has(result.seq)) {
      stored.set(result.seq, { code: (result.reason_code ?? 'malformed') as Refusal['code'], message: result.reason ?? 'rejected' })
    }
  }
  const retried = results.filter((r): r is PushResult => r?.status === 'duplicate' && Number.isSafeInteger(r.seq)).map((r) => r.seq)
  const earlier = retried.filter((seq) => seq <= lastApplied)
  if (earlier.length > 0) {
    // A range read: rejections are few, so this touches at most the device's rejections between the two seqs.
    const { rows } = await client.query<{ seq: number; reason: string; reason_code: string | null }>(
      `SELECT seq, reason, reason_code FROM sync_rejections WHERE device_id = $1 AND seq BETWEEN $2 AND $3`,
      [deviceId, Math.min(...earlier), Math.max(...earlier)],
    )
    for (const row of rows) {
      // Rows stored before reason codes existed carry none (and may quote PostgreSQL): answer them generically.
      const again = row.reason_code ? { code: row.reason_code as Refusal['code'], message: row.reason } : refusal('constraint', 'refused by the server')
      if (!stored.has(Number(row.seq))) stored.set(Number(row.seq), again)
    }
  }
  if (retried.length > 0 && stored.size > 0) {
    results.forEach((result, index) => {
      const reason = result?.status === 'duplicate' ? stored.get(result.seq) : undefined
      if (reason !== undefined) results[index] = rejected(result!.seq, reason)
    })
  }
  const fresh = [...stored].filter(([seq]) => seq > lastApplied)
  if (fresh.length === 0) return
  await client.query(
    `INSERT INTO sync_rejections (device_id, seq, reason, reason_code)
     SELECT $1, x.seq, x.reason, x.code FROM unnest($2::bigint[], $3::text[], $4::text[]) AS x(seq, reason, code)
     ON CONFLICT (device_id, seq) DO UPDATE SET reason = EXCLUDED.reason, reason_code = EXCLUDED.reason_code, created_at = now()`,
    [deviceId, fresh.map(([seq]) => seq), fresh.map(([, r]) => r.message), fresh.map(([, r]) => r.code)],
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
  if (batch.length === 1 && isDataError(error) && error.code === '23505') {
    const renamed = await withFreeCode(client, batch[0]!)
    if (renamed) return applyRenamed(client, ctx, renamed)
  }
  if (batch.length === 1 && (error instanceof MutationRefused || isDataError(error))) {
    const reason = error instanceof MutationRefused ? error.refusal : refusalForDataError(error)
    return [{ results: [rejected(batch[0]!.mutation.seq, reason)], changed: new Map(), users: new Set() }]
  }
  throw error
}

/** How many other codes are tried for a created row whose code is taken (`C-0001-2` … `C-0001-50`). */
const RENAME_CANDIDATES = 49

interface Renamed {
  readonly item: PendingMutation
  readonly from: string
  readonly to: string
}

/**
 * A create whose `code` is already taken on the server (two devices made the same code offline, issue 13): the record
 * is kept under the next free code instead of being lost (CONTRACTS §2). Null when the mutation is not a create with a
 * code, or when its code is free (the unique violation was about something else: refused as usual).
 */
async function withFreeCode(client: PoolClient, pending: PendingMutation): Promise<Renamed | null> {
  const { mutation } = pending
  const code = mutation.fields.code
  const column = mutation.table.columns.get('code')
  if (mutation.op !== 'upsert' || typeof code !== 'string' || !column) return null
  const table = quoteIdent(mutation.table.name)
  const { rows } = await client.query<{ exists: boolean; taken: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM ${table} WHERE id = $1) AS exists, EXISTS (SELECT 1 FROM ${table} WHERE code = $2 AND id <> $1) AS taken`,
    [mutation.id, code],
  )
  // An edit that changes a code to a taken one is the user's to resolve: only creates are renamed.
  if (rows[0]?.exists || !rows[0]?.taken) return null
  const maxLength = (column.shape.kind === 'text' ? column.shape.maxLength : undefined) ?? Number.MAX_SAFE_INTEGER
  const candidates = Array.from({ length: RENAME_CANDIDATES }, (_, i) => {
    const suffix = `-${i + 2}`
    return `${[...code].slice(0, Math.max(1, maxLength - suffix.length)).join('')}${suffix}`
  })
  const { rows: free } = await client.query<{ code: string }>(
    `SELECT c.code FROM unnest($1::text[]) WITH ORDINALITY AS c(code, n)
      WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.code = c.code) ORDER BY c.n LIMIT 1`,
    [candidates],
  )
  const to = free[0]?.code
  if (!to) return null
  return { item: { ...pending, mutation: { ...mutation, fields: { ...mutation.fields, code: to } } }, from: code, to }
}

async function applyRenamed(client: PoolClient, ctx: BatchContext, renamed: Renamed): Promise<BatchOutcome[]> {
  // Applied through the same path (a second collision, with a concurrent push, renames again).
  const outcomes = await applyWithFallback(client, ctx, [renamed.item])
  return outcomes.map((outcome) => ({
    ...outcome,
    results: outcome.results.map((result) =>
      result.status === 'applied' ? { ...result, renamed: { field: 'code', from: renamed.from, to: result.renamed?.to ?? renamed.to } } : result,
    ),
  }))
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

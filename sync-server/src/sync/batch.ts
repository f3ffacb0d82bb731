/**
 * Applying a batch of validated mutations inside one SAVEPOINT (push.ts owns the transaction):
 *
 *   lock + load rows (and the visibility of the rows they reference) → authorize, check references and merge in memory,
 *   mutation by mutation → plan scope changes → write rows
 *   → check the written rows are still in the writer's scope → conflicts, audit, change_log, enter/leave.
 *
 * A batch is all-or-nothing at its savepoint. Run over many mutations it is the fast path (a handful of statements
 * for a thousand mutations). When something in it depends on the order of mutations in a way the fast path cannot
 * honour — a constraint violation, a row that would leave the writer's scope, a scope decision an earlier mutation of
 * the batch may have changed — the batch is rolled back and push.ts splits it, down to one mutation per savepoint
 * where needed: there the same code decides exactly and a failure rejects just that mutation.
 */
import type { Assigner } from '../../../src/shared/domain/assignment'
import type { SyncedTable } from '../../../src/shared/model/tables'
import type { PushResult } from '../../../src/shared/sync/protocol'
import type { Queryable } from '../postgres/transaction'
import { writeAuditAndChangeLog, type AuditActor, type AuditEntry } from './audit'
import type { ChangeLogEntry } from './change-log'
import { recordConflicts, type ConflictContext } from './conflicts'
import { mergeRow, type MergeContext, type RowState } from './merge-row'
import { authorizeWrite, type Permissions } from './permissions'
import { assignmentRefusal, ownerColumnsOf } from '../../../src/shared/domain/assignment'
import { ReferenceVisibility, referencesSet } from './references'
import { MutationRefused, notFound, referenceNotFound, refusal, rejected, type Refusal } from './refusal'
import { loadRowsForUpdate, outOfScope, writeRows, type RowWrite } from './row-store'
import { isUnrestricted, type Scope } from './scope'
import { planScopeChanges, trackScopeChanges, type RowTransition } from './scope-changes'
import { lockScope, mayChangeScope } from './scope-rules'
import { missingForCreate, type ValidMutation } from './validate'

export interface BatchContext {
  readonly db: Queryable
  /** How push.ts took the scope lock for this transaction. */
  readonly scopeLock: 'shared' | 'exclusive'
  readonly userId: string
  readonly deviceId: string
  readonly scope: Scope
  readonly permissions: Permissions
  /** Who may assign owners: the writer's tier and, for a manager, the principals of their teams. */
  readonly assigner: Assigner
  readonly merge: MergeContext
  readonly actor: AuditActor
}

/** A mutation ready to apply, with the stamp the server will store (possibly clamped). */
export interface PendingMutation {
  readonly mutation: ValidMutation
  /** Set when the stamp was clamped: returned to the device. */
  readonly clampedHlc?: string
}

export interface BatchOutcome {
  readonly results: PushResult[]
  /** Rows whose values changed (poke audience). */
  readonly changed: Map<SyncedTable, Set<string>>
  /** Users addressed by enter/leave entries or party to a new conflict (poke audience). */
  readonly users: Set<string>
}

/** The fast path could not decide this batch exactly: replay it in smaller batches (down to one mutation). */
export class ReplayOneByOne extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'ReplayOneByOne'
  }
}

/** A mutation refused for a reason that depends on database state (a constraint, the scope after the write). */
export { MutationRefused }

interface WorkingRow {
  readonly table: ValidMutation['table']
  readonly id: string
  /** As loaded (null: not in the database before this batch). */
  readonly original: RowState | null
  readonly visibleBefore: boolean
  state: RowState | null
  dirty: boolean
  changed: boolean
  /** An incoming value lost here: the writer's devices must be sent the row back. */
  lost: boolean
  /** The writer gave away an owner column they held (an allowed assign): the row may leave their scope. */
  handedOver: boolean
}

const rowKey = (table: string, id: string): string => `${table}:${id}`

async function loadBatchRows(ctx: BatchContext, batch: readonly PendingMutation[]): Promise<Map<string, WorkingRow>> {
  const idsByTable = new Map<ValidMutation['table'], Set<string>>()
  for (const { mutation } of batch) {
    const set = idsByTable.get(mutation.table) ?? new Set<string>()
    set.add(mutation.id)
    idsByTable.set(mutation.table, set)
  }
  const rows = new Map<string, WorkingRow>()
  for (const [table, ids] of idsByTable) {
    const loaded = await loadRowsForUpdate(ctx.db, table, [...ids].sort(), ctx.scope)
    for (const id of ids) {
      const found = loaded.get(id)
      rows.set(rowKey(table.name, id), {
        table,
        id,
        original: found?.state ?? null,
        visibleBefore: found?.inScope ?? false,
        state: found?.state ?? null,
        dirty: false,
        changed: false,
        lost: false,
        handedOver: false,
      })
    }
  }
  return rows
}

/**
 * Applies `batch` (already inside a savepoint). Throws ReplayOneByOne when the batch must be replayed mutation by
 * mutation, MutationRefused when a single-mutation batch is refused by database state; any other error is fatal.
 */
export async function applyBatch(ctx: BatchContext, batch: readonly PendingMutation[]): Promise<BatchOutcome> {
  const single = batch.length === 1
  const rows = await loadBatchRows(ctx, batch)
  const results: PushResult[] = []
  const audit: AuditEntry[] = []
  const conflicts: ConflictContext[] = []
  const touched = new Set<string>()
  // Foreign keys must point at rows the writer can already see (references.ts): one query per referenced table.
  const references = ctx.scope.kind === 'all' ? null : new ReferenceVisibility(ctx.db, ctx.scope)
  // Rows this batch creates are not in the database yet (nothing to look up); they will be in the writer's scope.
  const createdHere = new Set([...rows.entries()].filter(([, row]) => row.original === null).map(([key]) => key))
  const toCheck = (table: ValidMutation['table'], fields: Readonly<Record<string, unknown>>, current: RowState | null) =>
    referencesSet(table, fields, current?.values ?? null).filter((ref) => !createdHere.has(rowKey(ref.table, ref.id)))
  if (references) {
    await references.load(
      batch.flatMap(({ mutation }) =>
        mutation.op === 'delete' ? [] : toCheck(mutation.table, mutation.fields, rows.get(rowKey(mutation.table.name, mutation.id))!.original),
      ),
    )
  }
  /** An applied mutation of this batch may have changed the writer's scope (what it may reference). */
  let scopeMayHaveChanged = false

  for (const { mutation, clampedHlc } of batch) {
    const row = rows.get(rowKey(mutation.table.name, mutation.id))!
    const reject = (reason: Refusal): void => {
      results.push(rejected(mutation.seq, reason))
    }
    if (row.original && !row.visibleBefore && !isUnrestricted(ctx.scope, mutation.table.name)) {
      // An earlier mutation of this batch may have brought the row into scope (a new opportunity on its company…).
      if (!single && touched.size > 0) throw new ReplayOneByOne('scope before the write depends on earlier mutations')
      reject(notFound())
      continue
    }
    if (!row.state) {
      if (mutation.op === 'delete') {
        reject(notFound())
        continue
      }
      const missing = missingForCreate(mutation.table, mutation.fields)
      if (missing.length > 0) {
        reject(refusal('missing_field', `a create needs ${missing.join(', ')}`))
        continue
      }
    }
    const fields = mutation.op === 'delete' && !('deleted_at' in mutation.fields) ? { deleted_at: ctx.merge.now } : mutation.fields
    const denied = authorizeWrite(ctx.permissions, {
      table: mutation.table.name,
      rowId: mutation.id,
      existing: row.state?.values ?? null,
      fields,
      userId: ctx.userId,
    })
    if (denied) {
      reject(refusal('permission_denied', denied))
      continue
    }
    // Writing an owner column is an assign action (src/shared/domain/assignment.ts), on top of the table permission.
    const takeover = assignmentRefusal(ctx.assigner, mutation.table.name, row.state?.values ?? null, fields)
    if (takeover) {
      reject(refusal('assign_not_allowed', takeover.message))
      continue
    }
    const mine = row.state ? ownerColumnsOf(mutation.table.name).filter((c) => row.state!.values[c] === ctx.userId) : []
    if (mine.some((c) => c in fields && fields[c] !== ctx.userId)) row.handedOver = true
    if (references && mutation.op === 'upsert') {
      const hidden = await references.firstHidden(toCheck(mutation.table, fields, row.state))
      if (hidden) {
        // Visibility was read at the batch's start; an earlier mutation of the batch may have changed it.
        if (!single && scopeMayHaveChanged) throw new ReplayOneByOne('what the writer may reference depends on earlier mutations')
        reject(referenceNotFound(hidden.column, hidden.table))
        continue
      }
    }

    const merged = mergeRow(row.state, { ...mutation, fields }, ctx.merge)
    let state = merged.state
    if (mutation.table.name === 'sync_conflicts' && 'status' in merged.changes) {
      // Who resolved a conflict is the server's to say, like the other who-columns.
      state = { ...state, values: { ...state.values, resolved_by: ctx.userId } }
    }
    row.state = state
    row.dirty ||= merged.stampsChanged || merged.action !== null
    row.changed ||= merged.action !== null
    row.lost ||= merged.lostFields.length > 0
    touched.add(rowKey(mutation.table.name, mutation.id))
    scopeMayHaveChanged ||= mayChangeScope({ table: mutation.table.name, op: mutation.op, fields })
    if (merged.action) audit.push({ table: mutation.table.name, rowId: mutation.id, action: merged.action, changes: merged.changes })
    for (const draft of merged.conflicts) conflicts.push({ table: mutation.table.name, rowId: mutation.id, draft })
    results.push(clampedHlc ? { seq: mutation.seq, status: 'applied', hlc: clampedHlc } : { seq: mutation.seq, status: 'applied' })
  }

  const written = [...rows.values()].filter((row) => row.dirty && row.state)
  const transitions: RowTransition[] = written
    .filter((row) => row.changed)
    .map((row) => ({ table: row.table.name, id: row.id, before: row.original?.values ?? null, after: row.state!.values }))
  const plan = planScopeChanges(transitions)
  // push.ts predicts scope changes conservatively and locks exclusively up front; should a change slip past that
  // prediction, upgrade here (a deadlock with another upgrader is detected by PostgreSQL and the push retried).
  if (plan && ctx.scopeLock === 'shared') await lockScope(ctx.db, 'exclusive')
  const tracker = plan ? await trackScopeChanges(ctx.db, plan) : null

  const writes: RowWrite[] = written.map((row) => ({ table: row.table, id: row.id, before: row.original, after: row.state! }))
  await writeRows(ctx.db, writes)
  // Without a scope-changing write in the batch, a row the writer could see keeps its scope: only creates need checking.
  await assertStillInScope(ctx, plan ? written : written.filter((row) => row.original === null), single)

  const changed = new Map<SyncedTable, Set<string>>()
  const log: ChangeLogEntry[] = []
  for (const row of rows.values()) {
    // The row did not change but the writer's value lost: send the row back to the writer's devices only.
    if (row.lost && !row.changed) log.push({ table: row.table.name, rowId: row.id, audienceUserId: ctx.userId, kind: 'change' })
  }
  for (const row of written) {
    if (!row.changed) continue
    log.push({ table: row.table.name, rowId: row.id, audienceUserId: null, kind: 'change' })
    const set = changed.get(row.table.name) ?? new Set<string>()
    set.add(row.id)
    changed.set(row.table.name, set)
  }
  const recorded = await recordConflicts(ctx.db, conflicts, { userId: ctx.userId, deviceId: ctx.deviceId }, ctx.merge.now)
  for (const id of recorded.ids) log.push({ table: 'sync_conflicts', rowId: id, audienceUserId: null, kind: 'change' })
  const scopeChanges = tracker ? await tracker.finish() : { entries: [], users: new Set<string>() }
  await writeAuditAndChangeLog(ctx.db, audit, ctx.actor, [...log, ...scopeChanges.entries])

  const users = new Set([...recorded.users, ...scopeChanges.users])
  if ([...rows.values()].some((row) => row.lost && !row.changed)) users.add(ctx.userId)
  return { results, changed, users }
}

/** A write must leave the row in the writer's scope (tombstones stay in scope, so deletes pass). */
async function assertStillInScope(ctx: BatchContext, written: readonly WorkingRow[], single: boolean): Promise<void> {
  const byTable = new Map<ValidMutation['table'], string[]>()
  for (const row of written) {
    // Handing a record over is the point of the write: it leaves the writer's scope by design.
    if (isUnrestricted(ctx.scope, row.table.name) || row.handedOver) continue
    const list = byTable.get(row.table) ?? []
    list.push(row.id)
    byTable.set(row.table, list)
  }
  for (const [table, ids] of byTable) {
    const outside = await outOfScope(ctx.db, table, ids, ctx.scope)
    if (outside.length === 0) continue
    if (!single) throw new ReplayOneByOne('a written row would leave the writer scope')
    throw new MutationRefused(refusal('leaves_scope', 'the write would put the row outside your scope (ask a manager to reassign it)'))
  }
}

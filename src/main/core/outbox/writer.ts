/**
 * The only way to write the replica (docs/architecture.md §8). Every write is captured, not diffed later: the row
 * change, its outbox entry, the HLC stamp and the outbox sequence are committed in ONE SQLite transaction, so a crash
 * or a thrown error leaves either all of them or none.
 *
 * Values are wire-encoded (SQL column names; booleans true/false; JSON columns as JSON values). The outbox records only
 * the fields that changed, so two people editing different fields of the same row offline both keep their edit.
 * The write methods are typed by table (wire-row.ts): a misspelled column or an unsynced table does not compile; a
 * table name only known at run time (trash, conflicts) goes through `requireSyncedTable` first.
 */
import { isSyncedTable, SERVER_AUTHORED_COLUMNS, type SyncedTable } from '../../../shared/model/tables'
import { sameValue } from '../../../shared/sync/merge'
import { type DeviceClock } from '../clock'
import { toSqlValue, toWireValue } from '../replica/convert'
import { createReplicaStatements, type ReplicaStatements, type WireFields } from '../replica/statements'
import { replicaRegistry } from '../replica/registry'
import { type TableMeta, type TableRegistry } from '../replica/table-meta'
import { type Sqlite } from '../sqlite'
import { type DeviceState } from '../state'
import { createAssignmentGuard, type AssignmentGuard } from './assignment-guard'
import { createOutboxStore, type OutboxEntry, type OutboxOp, type OutboxStore } from './outbox-store'
import { type SoftDeletableTable, type WireFieldsOf } from './wire-row'
import { createWritePermission, operationsOf, PERMISSION_EXEMPT_TABLES, WriteForbiddenError, type WritePermission } from './write-permission'
import { createChangeCollector } from '../../../shared/ipc/live'

/**
 * Columns the server authors when it applies a change (docs/architecture.md §3). The device sets them locally so the
 * UI can show "edited by me just now", but never sends them: the server would overwrite them anyway.
 */
const SERVER_AUTHORED: ReadonlySet<string> = new Set(SERVER_AUTHORED_COLUMNS)

export interface WriteResult {
  readonly seq: number
  readonly table: string
  readonly id: string
  readonly op: OutboxOp
  readonly hlc: string
  /** What was recorded in the outbox (wire-encoded). */
  readonly fields: Readonly<Record<string, unknown>>
}

export interface ChangeEvent {
  /** Tables written by the committed transaction. */
  readonly tables: readonly string[]
  /** Row ids per table when the transaction wrote few rows (CHANGE_IDS_LIMIT); absent for a large one. */
  readonly ids?: Readonly<Record<string, readonly string[]>>
}

export type ChangeListener = (event: ChangeEvent) => void

export interface Writer {
  /** Create the row, or change only the fields that differ. Returns null when nothing changed (no outbox entry). */
  upsert<T extends SyncedTable>(table: T, id: string, fields: WireFieldsOf<T>): WriteResult | null
  /** Soft delete (a tombstone the server merges like any field). Null when the row was already deleted. */
  remove(table: SoftDeletableTable, id: string): WriteResult | null
  /** Undo a soft delete. Null when the row was not deleted. */
  restore(table: SoftDeletableTable, id: string): WriteResult | null
  /** Run several writes as one SQLite transaction (all or none); listeners hear about it once, after commit. */
  transaction<T>(fn: () => T): T
  pendingCount(): number
  rejectedCount(): number
  listRejected(): OutboxEntry[]
  /** The user has seen a rejected mutation and lets it go. */
  dismissRejected(seq: number): boolean
  /** Re-enqueue a rejected mutation as a new edit with a fresh stamp (and drop the rejected entry). */
  applyMineAgain(seq: number): WriteResult | null
  /**
   * Write these values as a new edit even if the replica already shows them (e.g. a value that lost a conflict:
   * "apply mine again"). Every given field is sent with a fresh stamp.
   */
  reapply<T extends SyncedTable>(table: T, id: string, fields: WireFieldsOf<T>): WriteResult | null
  /** Hear about committed local writes (the sync loop debounces on this). Returns the unsubscribe. */
  onChange(listener: ChangeListener): () => void
}

export interface WriterOptions {
  /** Default: the real device schema (replicaRegistry()). */
  readonly registry?: TableRegistry
  readonly outbox?: OutboxStore
  readonly statements?: ReplicaStatements
  readonly onChange?: ChangeListener
  /** Refuses owner changes the server would refuse (default: the shared rule over the replica's directory). */
  readonly assignmentGuard?: AssignmentGuard
  /**
   * May the signed-in user create/update/delete rows of a table (default: the shared rule over the replica's
   * directory, write-permission.ts). Checked once here for every write; PERMISSION_EXEMPT_TABLES are never checked.
   */
  readonly writePermission?: WritePermission
}

export class NotSignedInError extends Error {
  override readonly name = 'NotSignedInError'
  constructor() {
    super('Sign in to make changes on this device')
  }
}

export class RowNotFoundError extends Error {
  override readonly name = 'RowNotFoundError'
  constructor(
    readonly table: string,
    readonly id: string,
  ) {
    super(`No ${table} row ${id} on this device`)
  }
}

export class NotSyncedTableError extends Error {
  override readonly name = 'NotSyncedTableError'
  constructor(readonly table: string) {
    super(`${table} is not a synced table`)
  }
}

/**
 * Narrow a table name known only at run time (a trash entry, a conflict, an outbox entry) to a synced table, so the
 * typed write methods accept it. Throws rather than letting a wrong name reach the replica.
 */
export function requireSyncedTable(name: string): SyncedTable {
  if (!isSyncedTable(name)) throw new NotSyncedTableError(name)
  return name
}

/**
 * The protocol's `delete` carries only the tombstone (the server refuses anything else in it); any other combination,
 * including an undelete (deleted_at: null), is an ordinary upsert of those fields.
 */
function opFor(fields: Readonly<Record<string, unknown>>): OutboxOp {
  const names = Object.keys(fields)
  return names.length === 1 && names[0] === 'deleted_at' && fields.deleted_at !== null ? 'delete' : 'upsert'
}

export function createWriter(db: Sqlite, clock: DeviceClock, deviceState: DeviceState, options: WriterOptions = {}): Writer {
  const registry = options.registry ?? replicaRegistry()
  const outbox = options.outbox ?? createOutboxStore(db, deviceState)
  const statements = options.statements ?? createReplicaStatements(db)
  const guardAssignment = options.assignmentGuard ?? createAssignmentGuard(db)
  const permitted = options.writePermission ?? createWritePermission(db, deviceState)
  const listeners = new Set<ChangeListener>()
  if (options.onChange) listeners.add(options.onChange)

  // Transaction nesting: listeners fire once, after the outermost transaction commits.
  let depth = 0
  const touched = createChangeCollector()

  const inTransaction = <T>(fn: () => T): T => {
    depth += 1
    let result: T
    try {
      result = db.transaction(fn)()
    } catch (error) {
      depth -= 1
      if (depth === 0) touched.clear()
      throw error
    }
    depth -= 1
    if (depth === 0 && touched.size > 0) {
      const notice = touched.notice('local')!
      const event: ChangeEvent = notice.ids ? { tables: notice.tables, ids: notice.ids } : { tables: notice.tables }
      touched.clear()
      for (const listener of listeners) {
        try {
          listener(event)
        } catch {
          // A listener's failure must not turn a committed write into a thrown error the caller would retry.
        }
      }
    }
    return result
  }

  const actor = (): string => {
    const user = deviceState.currentUserId()
    if (!user) throw new NotSignedInError()
    return user
  }

  /** Validate and normalise caller fields to their canonical wire form (what a read-back would return). */
  const normalise = (meta: TableMeta, fields: WireFields): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(fields)) {
      if (value === undefined || name === 'id' || SERVER_AUTHORED.has(name)) continue
      const column = meta.byName.get(name)
      if (!column) throw new Error(`${meta.name} has no column ${name}`)
      out[name] = toWireValue(column, toSqlValue(column, value))
    }
    return out
  }

  /** Only the columns this table has: display columns are optional per table. */
  const own = (meta: TableMeta, fields: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(fields)) if (meta.byName.has(name)) out[name] = value
    return out
  }

  const record = (meta: TableMeta, id: string, op: OutboxOp, fields: Record<string, unknown>, now: string): WriteResult => {
    const hlc = clock.tick()
    const seq = outbox.append({ table: meta.name, rowId: id, op, fields, hlc, base: deviceState.get('watermark'), createdAt: now })
    touched.add(meta.name, id)
    return { seq, table: meta.name, id, op, hlc, fields }
  }

  /** Refuse, before anything is written, an operation the user's grants do not allow (the server would refuse it). */
  const checkPermission = (table: string, exists: boolean, fields: Readonly<Record<string, unknown>>, user: string): void => {
    const synced = requireSyncedTable(table)
    if (PERMISSION_EXEMPT_TABLES.has(synced)) return
    for (const operation of operationsOf(exists, Object.keys(fields))) {
      if (!permitted(synced, operation, user)) throw new WriteForbiddenError(synced, operation)
    }
  }

  const write = (tableName: string, id: string, input: WireFields, force: boolean): WriteResult | null => {
    const meta = registry.require(tableName)
    return inTransaction(() => {
      const user = actor()
      const fields = normalise(meta, input)
      const now = clock.nowIso()
      const current = statements.selectRow(meta, id)
      // Judged on what would be sent: every field of a create, only the changed fields of an edit (a repeated
      // `deleted_at: null` on a live row is no undelete), as the server judges the mutation it receives.
      const changed: Record<string, unknown> = {}
      if (current) for (const [name, value] of Object.entries(fields)) if (force || !sameValue(current[name], value)) changed[name] = value
      checkPermission(meta.name, current !== undefined, current ? changed : fields, user)
      // Owner columns are an assign action (src/shared/domain/assignment.ts): refuse here what the server would.
      guardAssignment(meta.name, current ?? null, fields, user)
      if (!current) {
        const row: Record<string, unknown> = {}
        for (const column of meta.columns) if (column.defaultFn && !(column.name in fields)) row[column.name] = column.defaultFn()
        Object.assign(row, own(meta, { created_at: now }), fields, own(meta, { updated_at: now, created_by: user, updated_by: user }))
        statements.upsertFields(meta, id, row)
        // Send the row as the device now shows it, SQL defaults included, so the server stores exactly that.
        const stored = statements.selectRow(meta, id) ?? row
        const sent: Record<string, unknown> = {}
        for (const [name, value] of Object.entries(stored)) {
          if (name !== 'id' && value !== null && !SERVER_AUTHORED.has(name)) sent[name] = value
        }
        return record(meta, id, 'upsert', sent, now)
      }
      if (Object.keys(changed).length === 0) return null
      const deleting = 'deleted_at' in changed && changed.deleted_at !== null && !current.deleted_at
      const restoring = 'deleted_at' in changed && changed.deleted_at === null
      const display = own(meta, {
        updated_at: now,
        updated_by: user,
        ...(deleting ? { deleted_by: user } : {}),
        ...(restoring ? { deleted_by: null } : {}),
      })
      statements.updateFields(meta, id, { ...changed, ...display })
      return record(meta, id, opFor(changed), changed, now)
    })
  }

  const requireSoftDelete = (tableName: string): TableMeta => {
    const meta = registry.require(tableName)
    if (!meta.byName.has('deleted_at')) throw new Error(`${tableName} has no deleted_at column`)
    return meta
  }

  const currentRow = (meta: TableMeta, id: string): Record<string, unknown> => {
    const row = statements.selectRow(meta, id)
    if (!row) throw new RowNotFoundError(meta.name, id)
    return row
  }

  return {
    upsert: (table, id, fields) => write(table, id, fields, false),

    remove(table, id) {
      const meta = requireSoftDelete(table)
      return inTransaction(() => {
        if (currentRow(meta, id).deleted_at) return null
        return write(table, id, { deleted_at: clock.nowIso() }, false)
      })
    },

    restore(table, id) {
      const meta = requireSoftDelete(table)
      return inTransaction(() => {
        if (!currentRow(meta, id).deleted_at) return null
        return write(table, id, { deleted_at: null }, false)
      })
    },

    transaction: inTransaction,

    pendingCount: () => outbox.pendingCount(),
    rejectedCount: () => outbox.rejectedCount(),
    listRejected: () => outbox.listRejected(),
    dismissRejected: (seq) => {
      const entry = outbox.get(seq)
      return entry?.status === 'rejected' ? outbox.remove(seq) : false
    },

    applyMineAgain(seq) {
      return inTransaction(() => {
        const entry = outbox.get(seq)
        if (!entry || entry.status !== 'rejected') throw new Error(`Outbox entry ${seq} is not a rejected mutation`)
        outbox.remove(seq)
        // A delete may have been recorded without fields; re-send it as the tombstone it stands for.
        const fields = entry.op === 'delete' && !entry.fields.deleted_at ? { ...entry.fields, deleted_at: clock.nowIso() } : entry.fields
        const result = write(entry.table, entry.rowId, fields, true)
        // Never drop the rejected entry without a replacement: throwing rolls the removal back.
        if (!result) throw new Error(`Outbox entry ${seq} has nothing to apply again`)
        return result
      })
    },

    reapply: (table, id, fields) => write(table, id, fields, true),

    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

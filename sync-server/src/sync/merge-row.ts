/**
 * Merging one validated mutation into one row, in memory (docs/architecture.md §6). Pure: the caller locked and
 * loaded the row, and writes the result. Each field is decided by decideField (src/shared/sync/merge.ts); this module
 * adds what a row needs around it — defaults and server-authored columns on a create, the who/when columns, the audit
 * action, and the conflicts a losing (or unseen, overwritten) value must leave behind.
 */
import type { AuditAction, ConflictKind } from '../../../src/shared/model/enums'
import type { Hlc } from '../../../src/shared/sync/hlc'
import { parseHlc } from '../../../src/shared/sync/hlc'
import { decideField, decodeFieldVersion, encodeFieldVersion, sameValue, type FieldVersion } from '../../../src/shared/sync/merge'
import { isServerOnly, type ColumnMeta, type TableMeta } from './tables'

/** A row in wire encoding, without field_hlc. */
export type WireValues = Record<string, unknown>

export interface RowState {
  readonly values: WireValues
  /** `{ column: "<hlc>@<txid>" }` */
  readonly fieldHlc: Readonly<Record<string, string>>
}

export interface MergeMutation {
  readonly table: TableMeta
  readonly id: string
  readonly op: 'upsert' | 'delete'
  /** Validated, wire-normalized, device-writable columns only. */
  readonly fields: Readonly<Record<string, unknown>>
  /** The effective (possibly clamped) stamp. */
  readonly hlc: Hlc
  readonly base: string | null
}

export interface MergeContext {
  /** pg_current_xact_id() of the pushing transaction. */
  readonly txid: string
  readonly userId: string
  /** Server time (ISO) of the push. */
  readonly now: string
}

/** A conflict before its authors are resolved: `incoming` says which side the mutation being merged is. */
export interface ConflictDraft {
  readonly field: string
  readonly kind: ConflictKind
  readonly winningValue: unknown
  readonly winningHlc: Hlc
  readonly losingValue: unknown
  readonly losingHlc: Hlc
  readonly incoming: 'winning' | 'losing'
}

export type FieldChanges = Record<string, { readonly old: unknown; readonly new: unknown }>

export interface MergeResult {
  readonly state: RowState
  /** Device-visible values that changed (the audit record): old → new. */
  readonly changes: FieldChanges
  /** null when no value changed (every field lost, or was rewritten with the same value). */
  readonly action: AuditAction | null
  /** A stamp moved even if no value did: the row must be written. */
  readonly stampsChanged: boolean
  /**
   * Fields where the incoming value lost to a different stored value. The writer's device shows its own value until
   * told otherwise, so the row must be sent back to it even though nothing in the row changed.
   */
  readonly lostFields: readonly string[]
  readonly conflicts: readonly ConflictDraft[]
}

const nodeOf = (stamp: Hlc): string => parseHlc(stamp).node

/** Two deletes that both want the row gone are not worth a conflict; anything else about deleted_at is. */
function deletedAtConflictKind(a: unknown, b: unknown): ConflictKind | null {
  if (a !== null && b !== null) return null
  return 'DELETE_VS_UNDELETE'
}

/** The stored write was made by another device and the incoming writer had not received it (its base is below it). */
function unseenByIncoming(stored: FieldVersion, incoming: MergeMutation): boolean {
  if (nodeOf(stored.hlc) === nodeOf(incoming.hlc)) return false
  return incoming.base === null || BigInt(stored.txid) >= BigInt(incoming.base)
}

/** Per table, the columns a create may fill from a default (not id, not server-only): walked once per create. */
const defaultedColumns = new WeakMap<TableMeta, readonly ColumnMeta[]>()

function defaultedColumnsOf(table: TableMeta): readonly ColumnMeta[] {
  let columns = defaultedColumns.get(table)
  if (!columns) {
    columns = [...table.columns.values()].filter((column) => column.name !== 'id' && !isServerOnly(column.name) && column.default !== null)
    defaultedColumns.set(table, columns)
  }
  return columns
}

function createRow(mutation: MergeMutation, ctx: MergeContext): MergeResult {
  const values: WireValues = { id: mutation.id }
  // Only the defaulted columns (a few of a table's 20–40): walking every column per create was ~10 µs of each (issue 20).
  for (const column of defaultedColumnsOf(mutation.table)) {
    if (column.name in mutation.fields || !column.default) continue
    if (column.default.kind === 'literal') values[column.name] = column.default.value
    else if (column.default.kind === 'now') values[column.name] = ctx.now
    // 'database' defaults are left to PostgreSQL (the column is omitted from the INSERT).
  }
  const fieldHlc: Record<string, string> = {}
  const changes: FieldChanges = {}
  const stamp = encodeFieldVersion({ hlc: mutation.hlc, txid: ctx.txid })
  for (const [name, value] of Object.entries(mutation.fields)) {
    values[name] = value
    fieldHlc[name] = stamp
    changes[name] = { old: null, new: value }
  }
  if (mutation.op === 'delete' && !('deleted_at' in mutation.fields)) values.deleted_at = ctx.now
  values.created_by = ctx.userId
  values.updated_by = ctx.userId
  values.updated_at = ctx.now
  values.deleted_by = values.deleted_at ? ctx.userId : null
  return { state: { values, fieldHlc }, changes, action: 'CREATE', stampsChanged: true, conflicts: [], lostFields: [] }
}

/**
 * Merge `mutation` into `current` (null: the row does not exist yet, so this is a create; the caller has checked a
 * create carries every required column). A delete arrives here as a write of `deleted_at`.
 */
export function mergeRow(current: RowState | null, mutation: MergeMutation, ctx: MergeContext): MergeResult {
  if (!current) return createRow(mutation, ctx)

  const values: WireValues = { ...current.values }
  const fieldHlc: Record<string, string> = { ...current.fieldHlc }
  const changes: FieldChanges = {}
  const conflicts: ConflictDraft[] = []
  const lostFields: string[] = []
  const incomingStamp = encodeFieldVersion({ hlc: mutation.hlc, txid: ctx.txid })
  let stampsChanged = false

  for (const [name, incomingValue] of Object.entries(mutation.fields)) {
    const storedEncoded = fieldHlc[name]
    const stored = storedEncoded ? decodeFieldVersion(storedEncoded) : undefined
    const storedValue = values[name] ?? null
    const outcome = decideField(stored, { hlc: mutation.hlc, base: mutation.base })
    const differs = !sameValue(storedValue, incomingValue)
    if (outcome.apply) {
      values[name] = incomingValue
      fieldHlc[name] = incomingStamp
      stampsChanged = true
      if (differs) changes[name] = { old: storedValue, new: incomingValue }
    } else if (differs) {
      lostFields.push(name)
    }
    if (!outcome.concurrent || !differs || !stored) continue
    const kind = name === 'deleted_at' ? deletedAtConflictKind(storedValue, incomingValue) : 'FIELD'
    if (!kind) continue
    conflicts.push(
      outcome.apply
        ? { field: name, kind, winningValue: incomingValue, winningHlc: mutation.hlc, losingValue: storedValue, losingHlc: stored.hlc, incoming: 'winning' }
        : { field: name, kind, winningValue: storedValue, winningHlc: stored.hlc, losingValue: incomingValue, losingHlc: mutation.hlc, incoming: 'losing' },
    )
  }

  conflicts.push(...editVersusDelete(current, values, fieldHlc, mutation))

  const wasDeleted = current.values.deleted_at != null
  const isDeleted = values.deleted_at != null
  const changed = Object.keys(changes).length > 0
  if (changed) {
    values.updated_at = ctx.now
    values.updated_by = ctx.userId
    if (wasDeleted !== isDeleted) values.deleted_by = isDeleted ? ctx.userId : null
  }
  const action: AuditAction | null = !changed ? null : wasDeleted === isDeleted ? 'UPDATE' : isDeleted ? 'DELETE' : 'RESTORE'
  return { state: { values, fieldHlc }, changes, action, stampsChanged, conflicts, lostFields }
}

/**
 * Edit versus delete, whichever arrives first:
 * - an edit lands on a row another device deleted (and the editor had not seen the delete): the edit is kept in the
 *   row but the row stays deleted, so the editor must be told;
 * - a delete wins over edits another device made that the deleter had not seen: those edits vanish with the row.
 */
function editVersusDelete(before: RowState, values: WireValues, fieldHlc: Readonly<Record<string, string>>, mutation: MergeMutation): ConflictDraft[] {
  const deletedStamp = fieldHlc.deleted_at
  if (values.deleted_at == null || !deletedStamp) return []
  const deleted = decodeFieldVersion(deletedStamp)
  const editedFields = Object.keys(mutation.fields).filter((name) => name !== 'deleted_at')

  // The incoming mutation is an edit and the delete that holds the row came from someone else.
  if (editedFields.length > 0 && before.values.deleted_at != null && unseenByIncoming(deleted, mutation)) {
    const edit = Object.fromEntries(editedFields.map((name) => [name, mutation.fields[name]]))
    return [
      {
        field: 'deleted_at',
        kind: 'EDIT_VS_DELETE',
        winningValue: values.deleted_at,
        winningHlc: deleted.hlc,
        losingValue: edit,
        losingHlc: mutation.hlc,
        incoming: 'losing',
      },
    ]
  }

  // The incoming mutation just deleted the row: collect other devices' unseen edits, one conflict per device.
  if (before.values.deleted_at == null && deleted.hlc === mutation.hlc) {
    const byNode = new Map<string, { fields: Record<string, unknown>; latest: Hlc }>()
    for (const [name, encoded] of Object.entries(before.fieldHlc)) {
      if (name === 'deleted_at') continue
      const version = decodeFieldVersion(encoded)
      if (!unseenByIncoming(version, mutation)) continue
      const node = nodeOf(version.hlc)
      const entry = byNode.get(node) ?? { fields: {}, latest: version.hlc }
      entry.fields[name] = before.values[name] ?? null
      if (version.hlc > entry.latest) entry.latest = version.hlc
      byNode.set(node, entry)
    }
    return [...byNode.values()].map((entry) => ({
      field: 'deleted_at',
      kind: 'EDIT_VS_DELETE' as const,
      winningValue: values.deleted_at,
      winningHlc: mutation.hlc,
      losingValue: entry.fields,
      losingHlc: entry.latest,
      incoming: 'winning' as const,
    }))
  }
  return []
}

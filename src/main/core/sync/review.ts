/**
 * What the sync panel shows and does: changes the server refused (kept in the outbox as `rejected`) and open conflicts
 * the signed-in user is party to, each with who and when in words a consultant understands (names, not ids; edit
 * times, not stamps). The actions are the core's own — writer.applyMineAgain / dismissRejected and the conflict
 * actions — so every resolution is an ordinary outbox mutation that syncs like any edit.
 */
import { displayName } from '../../../shared/domain/korean-name'
import { isHlc, parseHlc } from '../../../shared/sync/hlc'
import { type ConflictView, type RejectedChangeView, type SyncReview } from '../../../shared/ipc/sales-types'
import { type ConflictActions } from '../outbox/conflicts'
import { type Writer } from '../outbox/writer'
import { type TableRegistry } from '../replica/table-meta'
import { quoteIdent, type Sqlite } from '../sqlite'
import { type DeviceState } from '../state'
import { type DeviceCore } from '../device'
import { createUserNames } from '../common/context'
import { SalesRuleError } from '../sales/rules'
import { dismissRenamedCode, listRenamedCodes } from './renamed-codes'

export interface SyncReviewRepo {
  list(): SyncReview
  applyMineAgain(seq: number): SyncReview
  dismissRejected(seq: number): SyncReview
  /** Forget the note that the server changed this row's code. */
  dismissRenamed(rowId: string): SyncReview
  applyMine(conflictId: string): SyncReview
  keepTheirs(conflictId: string): SyncReview
}

export interface SyncReviewDeps {
  readonly sqlite: Sqlite
  readonly writer: Writer
  readonly conflicts: ConflictActions
  readonly registry: TableRegistry
  readonly state: DeviceState
  /** Re-read the status bar's counts: dismissing a rejected change is not a replica write the writer announces. */
  readonly refreshStatus?: () => void
}

/** The column that names a row of a table, in preference order. */
const LABEL_COLUMNS = ['name', 'title', 'company_name', 'code'] as const

const CONFLICT_KINDS = ['FIELD', 'EDIT_VS_DELETE', 'DELETE_VS_UNDELETE'] as const

const hlcTime = (stamp: string): string | null => (isHlc(stamp) ? new Date(parseHlc(stamp).millis).toISOString() : null)

export function createSyncReviewRepo({ sqlite, writer, conflicts, registry, state, refreshStatus }: SyncReviewDeps): SyncReviewRepo {
  const names = createUserNames(sqlite)

  /** Table names come from outbox and conflict rows: only tables of the schema ever reach SQL. */
  const rowLabel = (table: string, id: string): string | null => {
    const meta = registry.get(table)
    if (!meta) return null
    if (meta.byName.has('last_name') && meta.byName.has('first_name')) {
      const row = sqlite.prepare(`SELECT last_name, first_name FROM ${quoteIdent(meta.name)} WHERE id = ?`).get(id) as
        { last_name: string | null; first_name: string | null } | undefined
      return row ? displayName({ lastName: row.last_name, firstName: row.first_name }) || null : null
    }
    const column = LABEL_COLUMNS.find((name) => meta.byName.has(name))
    if (!column) return null
    const row = sqlite.prepare(`SELECT ${quoteIdent(column)} AS label FROM ${quoteIdent(meta.name)} WHERE id = ?`).get(id) as { label: unknown } | undefined
    return typeof row?.label === 'string' ? row.label : null
  }

  const list = (): SyncReview => {
    const rejected: RejectedChangeView[] = writer.listRejected().map((entry) => ({
      seq: entry.seq,
      table: entry.table,
      rowId: entry.rowId,
      rowLabel: rowLabel(entry.table, entry.rowId) ?? (typeof entry.fields.name === 'string' ? entry.fields.name : null),
      op: entry.op,
      fields: entry.fields,
      reason: entry.rejectReason,
      createdAt: entry.createdAt,
    }))
    const open = conflicts.listOpen()
    const userNames = names(open.flatMap((c) => [c.winningUserId, c.losingUserId]))
    const me = state.currentUserId()
    const views: ConflictView[] = open.map((c) => ({
      id: c.id,
      table: c.table,
      rowId: c.rowId,
      rowLabel: rowLabel(c.table, c.rowId),
      field: c.field,
      kind: CONFLICT_KINDS.find((k) => k === c.kind) ?? 'FIELD',
      winningValue: c.winningValue,
      losingValue: c.losingValue,
      winningUserName: c.winningUserId ? (userNames.get(c.winningUserId) ?? null) : null,
      losingUserName: c.losingUserId ? (userNames.get(c.losingUserId) ?? null) : null,
      winningAt: hlcTime(c.winningHlc),
      losingAt: hlcTime(c.losingHlc),
      mineLost: c.losingUserId !== null && c.losingUserId === me,
      createdAt: c.createdAt,
    }))
    const renamed = listRenamedCodes(state)
      .reverse()
      .map((r) => ({ table: r.table, rowId: r.rowId, rowLabel: rowLabel(r.table, r.rowId), from: r.from, to: r.to, at: r.at }))
    return { renamed, rejected, conflicts: views }
  }

  /** The item may have been resolved on another screen or by a sync in between: say so instead of failing oddly. */
  const requireRejected = (seq: number): void => {
    if (!writer.listRejected().some((entry) => entry.seq === seq)) throw new SalesRuleError('notFound', `No rejected change ${seq}`)
  }
  const requireConflict = (id: string): void => {
    if (conflicts.get(id)?.status !== 'OPEN') throw new SalesRuleError('notFound', `No open conflict ${id}`)
  }

  return {
    list,
    applyMineAgain(seq) {
      requireRejected(seq)
      writer.applyMineAgain(seq)
      refreshStatus?.()
      return list()
    },
    dismissRenamed(rowId) {
      dismissRenamedCode(state, rowId)
      return list()
    },
    dismissRejected(seq) {
      requireRejected(seq)
      writer.dismissRejected(seq)
      refreshStatus?.()
      return list()
    },
    applyMine(conflictId) {
      requireConflict(conflictId)
      conflicts.applyMine(conflictId)
      refreshStatus?.()
      return list()
    },
    keepTheirs(conflictId) {
      requireConflict(conflictId)
      conflicts.keepTheirs(conflictId)
      refreshStatus?.()
      return list()
    },
  }
}

/** The sync panel of a running device: its outbox, conflicts and registry; the status bar's counts refreshed after each action. */
export function createSyncReview(core: Pick<DeviceCore, 'sqlite' | 'writer' | 'conflicts' | 'registry' | 'state' | 'status'>): SyncReviewRepo {
  return createSyncReviewRepo({
    sqlite: core.sqlite,
    writer: core.writer,
    conflicts: core.conflicts,
    registry: core.registry,
    state: core.state,
    refreshStatus: () => core.status.refreshCounts(),
  })
}

/**
 * Conflicts the server recorded (synced `sync_conflicts`, docs/architecture.md §6) and what the user can do about
 * them: "keep theirs" (mark resolved) or "apply mine again" (write the losing value as a new edit with a fresh stamp,
 * which now wins because it is the latest edit). Both go through the writer, so they are ordinary outbox mutations.
 */
import { type DeviceClock } from '../clock'
import { type Sqlite } from '../sqlite'
import { type DeviceState } from '../state'
import { requireSyncedTable, type WriteResult, type Writer } from './writer'

export interface ConflictRecord {
  readonly id: string
  readonly table: string
  readonly rowId: string
  readonly field: string
  readonly kind: string
  readonly status: string
  readonly winningValue: unknown
  readonly losingValue: unknown
  readonly winningUserId: string | null
  readonly losingUserId: string | null
  readonly winningHlc: string
  readonly losingHlc: string
  readonly createdAt: string
}

export interface ConflictActions {
  /** Open conflicts the signed-in user is party to, newest first. */
  listOpen(): ConflictRecord[]
  get(conflictId: string): ConflictRecord | undefined
  /** Re-apply the value that lost as a new edit and mark the conflict resolved, in one transaction. */
  applyMine(conflictId: string): WriteResult
  /** Accept the winning value: mark the conflict resolved. */
  keepTheirs(conflictId: string): WriteResult | null
}

interface ConflictRow {
  id: string
  table_name: string
  row_id: string
  field: string
  kind: string
  status: string
  winning_value: string | null
  losing_value: string | null
  winning_user_id: string | null
  losing_user_id: string | null
  winning_hlc: string
  losing_hlc: string
  created_at: string
}

const COLUMNS = `id, table_name, row_id, field, kind, status, winning_value, losing_value, winning_user_id, losing_user_id,
  winning_hlc, losing_hlc, created_at`

const parse = (text: string | null): unknown => (text === null ? null : (JSON.parse(text) as unknown))

function toRecord(row: ConflictRow): ConflictRecord {
  return {
    id: row.id,
    table: row.table_name,
    rowId: row.row_id,
    field: row.field,
    kind: row.kind,
    status: row.status,
    winningValue: parse(row.winning_value),
    losingValue: parse(row.losing_value),
    winningUserId: row.winning_user_id,
    losingUserId: row.losing_user_id,
    winningHlc: row.winning_hlc,
    losingHlc: row.losing_hlc,
    createdAt: row.created_at,
  }
}

export function createConflictActions(sqlite: Sqlite, state: DeviceState, clock: DeviceClock, writer: Writer): ConflictActions {
  const open = sqlite.prepare<[string, string], ConflictRow>(
    `SELECT ${COLUMNS} FROM sync_conflicts
      WHERE status = 'OPEN' AND deleted_at IS NULL AND (winning_user_id = ? OR losing_user_id = ?)
      ORDER BY created_at DESC, id DESC`,
  )
  const byId = sqlite.prepare<[string], ConflictRow>(`SELECT ${COLUMNS} FROM sync_conflicts WHERE id = ?`)
  const deletedAt = (table: string, id: string): unknown =>
    (sqlite.prepare(`SELECT deleted_at FROM "${table.replace(/"/g, '""')}" WHERE id = ?`).get(id) as { deleted_at: unknown } | undefined)?.deleted_at

  const get = (conflictId: string): ConflictRecord | undefined => {
    const row = byId.get(conflictId)
    return row ? toRecord(row) : undefined
  }

  const requireOpen = (conflictId: string): ConflictRecord => {
    const conflict = get(conflictId)
    if (!conflict) throw new Error(`No conflict ${conflictId} on this device`)
    if (conflict.status !== 'OPEN') throw new Error(`Conflict ${conflictId} is already ${conflict.status}`)
    return conflict
  }

  // Only status and resolved_at: the server refuses any other column of a conflict and fills resolved_by itself.
  const resolve = (conflictId: string): WriteResult | null => writer.upsert('sync_conflicts', conflictId, { status: 'RESOLVED', resolved_at: clock.nowIso() })

  return {
    listOpen() {
      const user = state.currentUserId()
      return user ? open.all(user, user).map(toRecord) : []
    },

    get,

    applyMine(conflictId) {
      return writer.transaction(() => {
        const conflict = requireOpen(conflictId)
        const fields: Record<string, unknown> = { [conflict.field]: conflict.losingValue }
        // An edit that landed on a deleted row: applying it again means the user wants the row back.
        if (conflict.kind === 'EDIT_VS_DELETE' && conflict.field !== 'deleted_at' && deletedAt(conflict.table, conflict.rowId)) {
          fields.deleted_at = null
        }
        const result = writer.reapply(requireSyncedTable(conflict.table), conflict.rowId, fields)
        if (!result) throw new Error(`Nothing to apply again for conflict ${conflictId}`)
        resolve(conflictId)
        return result
      })
    },

    keepTheirs(conflictId) {
      return writer.transaction(() => {
        requireOpen(conflictId)
        return resolve(conflictId)
      })
    },
  }
}

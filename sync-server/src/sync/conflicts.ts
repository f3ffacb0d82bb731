/**
 * Conflict records (docs/architecture.md §6): a losing value is never silent. Each record names the row, the field,
 * both values, both stamps and both authors (user and device), and is itself a synced row of `sync_conflicts`, so it
 * reaches the devices of both users (scope: party to it) and is resolved there by writing `status`.
 *
 * The incoming side's author is the pushing device; the stored side's author is found from its stamp: an HLC node id
 * is the tail of the device id that made it (nodeIdForDevice), and sync_devices knows that device's user.
 */
import { uuidv7 } from '../../../src/shared/ids/uuidv7'
import { parseHlc } from '../../../src/shared/sync/hlc'
import type { Queryable } from '../postgres/transaction'
import type { ConflictDraft } from './merge-row'
import { TABLES } from './tables'

export interface ConflictContext {
  readonly table: string
  readonly rowId: string
  readonly draft: ConflictDraft
}

export interface Author {
  readonly userId: string
  readonly deviceId: string
}

async function authorsByNode(db: Queryable, nodes: readonly string[]): Promise<Map<string, Author>> {
  const authors = new Map<string, Author>()
  if (nodes.length === 0) return authors
  const { rows } = await db.query<{ node: string; device_id: string; user_id: string }>(
    `SELECT right(replace(device_id::text, '-', ''), 16) AS node, device_id, user_id
       FROM sync_devices WHERE right(replace(device_id::text, '-', ''), 16) = ANY($1::text[])`,
    [[...new Set(nodes)]],
  )
  for (const row of rows) authors.set(row.node, { userId: row.user_id, deviceId: row.device_id })
  return authors
}

/** Inserts the conflicts of a batch; returns their ids (for change_log) and every user party to one (for pokes). */
export async function recordConflicts(
  db: Queryable,
  conflicts: readonly ConflictContext[],
  incoming: Author,
  now: string,
): Promise<{ ids: string[]; users: Set<string> }> {
  const users = new Set<string>()
  if (conflicts.length === 0) return { ids: [], users }
  const otherNode = (c: ConflictDraft): string => parseHlc(c.incoming === 'winning' ? c.losingHlc : c.winningHlc).node
  const authors = await authorsByNode(
    db,
    conflicts.map((c) => otherNode(c.draft)),
  )
  const records = conflicts.map(({ table, rowId, draft }) => {
    const other = authors.get(otherNode(draft))
    const winner = draft.incoming === 'winning' ? incoming : other
    const loser = draft.incoming === 'losing' ? incoming : other
    for (const author of [winner, loser]) if (author) users.add(author.userId)
    return {
      id: uuidv7(),
      created_at: now,
      updated_at: now,
      field_hlc: {},
      table_name: table,
      row_id: rowId,
      field: draft.field,
      winning_value: draft.winningValue,
      winning_hlc: draft.winningHlc,
      winning_user_id: winner?.userId ?? null,
      winning_device_id: winner?.deviceId ?? null,
      losing_value: draft.losingValue,
      losing_hlc: draft.losingHlc,
      losing_user_id: loser?.userId ?? null,
      losing_device_id: loser?.deviceId ?? null,
      kind: draft.kind,
      status: 'OPEN',
    }
  })
  const columns = Object.keys(records[0]!).join(', ')
  await db.query(`INSERT INTO sync_conflicts (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::sync_conflicts, $1::json)`, [
    JSON.stringify(records),
  ])
  return { ids: records.map((r) => r.id), users }
}

const CONFLICT_LIST_LIMIT = 500

/** GET /v1/conflicts: the conflicts the user is party to, OPEN first, newest first (wire rows, like pull). */
export async function listConflicts(db: Queryable, userId: string): Promise<unknown[]> {
  const select = TABLES.get('sync_conflicts')!.wireSelect('t')
  const { rows } = await db.query<{ row: unknown }>(
    `SELECT row_to_json(r) AS row FROM (
       SELECT ${select} FROM sync_conflicts t
        WHERE (t.winning_user_id = $1 OR t.losing_user_id = $1) AND t.deleted_at IS NULL
        ORDER BY (t.status = 'OPEN') DESC, t.created_at DESC, t.id DESC
        LIMIT ${CONFLICT_LIST_LIMIT}) r`,
    [userId],
  )
  return rows.map((r) => r.row)
}

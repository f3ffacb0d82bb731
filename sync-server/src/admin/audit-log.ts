/**
 * Reading audit_logs for the administration screen: newest first, filtered by table, row or user, paged by a keyset
 * cursor (created_at, id). One push writes many entries with the same timestamp, so the id breaks ties; the timestamp
 * travels as text with microseconds (a JS Date would round it and skip or repeat entries at a page boundary).
 */
import { displayName } from '../../../src/shared/domain/korean-name'
import type { Queryable } from '../postgres/transaction'
import { badRequest } from '../http/errors'

export interface AuditQuery {
  readonly table?: string
  readonly rowId?: string
  readonly userId?: string
  readonly before?: string
  readonly limit: number
}

export interface AuditLogEntry {
  readonly id: string
  readonly table: string
  readonly rowId: string
  readonly action: string
  readonly changes: Record<string, { old: unknown; new: unknown }> | null
  readonly userId: string | null
  readonly userName: string | null
  readonly createdAt: string
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([0-9a-f-]{36})$/i

/** Which of a page's entries the reader may see (non-executives: rows in their scope); all when absent. */
export type AuditFilter = (entries: readonly AuditLogEntry[]) => Promise<ReadonlySet<string>>

/** Pages scanned at most per request when a filter hides entries: a bounded amount of work, the cursor continues. */
const MAX_FILTERED_SCANS = 10

export async function readAuditLog(db: Queryable, query: AuditQuery, filter?: AuditFilter): Promise<{ entries: AuditLogEntry[]; nextBefore: string | null }> {
  if (!filter) return readAuditPage(db, query)
  const entries: AuditLogEntry[] = []
  let before = query.before
  for (let scan = 0; scan < MAX_FILTERED_SCANS; scan++) {
    const page = await readAuditPage(db, { ...query, before, limit: query.limit })
    const visible = await filter(page.entries)
    for (const entry of page.entries) {
      if (!visible.has(entry.id)) continue
      entries.push(entry)
      if (entries.length === query.limit) return { entries, nextBefore: `${entry.createdAt}_${entry.id}` }
    }
    if (page.nextBefore === null) return { entries, nextBefore: null }
    before = page.nextBefore
  }
  return { entries, nextBefore: before ?? null }
}

async function readAuditPage(db: Queryable, query: AuditQuery): Promise<{ entries: AuditLogEntry[]; nextBefore: string | null }> {
  const where: string[] = []
  const params: unknown[] = []
  const add = (sql: string, value: unknown): void => {
    params.push(value)
    where.push(sql.replace('?', `$${params.length}`))
  }
  if (query.table) add('a.table_name = ?', query.table)
  if (query.rowId) add('a.row_id = ?::uuid', query.rowId)
  if (query.userId) add('a.user_id = ?::uuid', query.userId)
  if (query.before) {
    const match = CURSOR.exec(query.before)
    if (!match) throw badRequest('before is not a cursor from a previous page')
    params.push(match[1], match[2])
    where.push(`(a.created_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`)
  }
  params.push(query.limit + 1)
  const { rows } = await db.query<{
    id: string
    table_name: string
    row_id: string
    action: string
    changes: Record<string, { old: unknown; new: unknown }> | null
    user_id: string | null
    last_name: string | null
    first_name: string | null
    created_at: string
  }>(
    `SELECT a.id, a.table_name, a.row_id, a.action, a.changes, a.user_id, u.last_name, u.first_name,
            to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at
       FROM audit_logs a LEFT JOIN users u ON u.id = a.user_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.created_at DESC, a.id DESC
      LIMIT $${params.length}`,
    params,
  )
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    entries: page.map((row) => ({
      id: row.id,
      table: row.table_name,
      rowId: row.row_id,
      action: row.action,
      changes: row.changes,
      userId: row.user_id,
      userName: row.last_name !== null && row.first_name !== null ? displayName({ lastName: row.last_name, firstName: row.first_name }) : null,
      createdAt: row.created_at,
    })),
    nextBefore: rows.length > query.limit && last ? `${last.created_at}_${last.id}` : null,
  }
}

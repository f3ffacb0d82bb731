/**
 * The device-only `outbox` table (docs/architecture.md §4): one row per local mutation, written in the same SQLite
 * transaction as the change it describes. Raw prepared statements: it is on every write and every push.
 *
 * Sequence numbers are assigned here, not by SQLite's rowid: an INTEGER PRIMARY KEY without AUTOINCREMENT reuses
 * numbers once the table empties (every entry acknowledged), and the server drops any seq at or below the highest it
 * has applied for this device as a duplicate — a reused seq would be a silently lost edit. `last_seq` in sync_state
 * is the high-water mark, advanced in the same transaction as the append.
 */
import { type OutboxOp, type OutboxStatus } from '../../../shared/model/enums'
import { type Sqlite } from '../sqlite'
import { type DeviceState } from '../state'

export type { OutboxOp, OutboxStatus }

export interface OutboxEntry {
  readonly seq: number
  readonly table: string
  readonly rowId: string
  readonly op: OutboxOp
  /** Changed columns → new values, wire-encoded. */
  readonly fields: Readonly<Record<string, unknown>>
  readonly hlc: string
  readonly base: string | null
  readonly createdAt: string
  readonly status: OutboxStatus
  readonly rejectReason: string | null
}

export type NewOutboxEntry = Pick<OutboxEntry, 'table' | 'rowId' | 'op' | 'fields' | 'hlc' | 'base' | 'createdAt'>

export interface OutboxStore {
  /** Must run inside the transaction that makes the change. Returns the new seq. */
  append(entry: NewOutboxEntry): number
  get(seq: number): OutboxEntry | undefined
  /** The oldest pending entries, in seq order (push order). */
  pendingBatch(limit: number): OutboxEntry[]
  /** Every pending entry for one row, in seq order. */
  pendingFor(table: string, rowId: string): OutboxEntry[]
  /**
   * Pending entries whose row is in `rows` (keys from rowKey), in seq order: re-applying local edits over a pulled
   * page. Scans only (seq, table, row) and parses fields of the matches, so a large outbox costs little per page.
   */
  pendingForRows(rows: ReadonlySet<string>): OutboxEntry[]
  hasPending(): boolean
  pendingCount(): number
  rejectedCount(): number
  listRejected(): OutboxEntry[]
  /** The server applied it (or had already): it is no longer needed. */
  acknowledge(seq: number): void
  /** The server will never apply it: keep it for the user, never resend. */
  reject(seq: number, reason: string): void
  /** Delete an entry (dismissing a rejected one). Returns false when there was none. */
  remove(seq: number): boolean
  /** The highest seq this device has ever assigned (its counter). */
  lastSeq(): number
  /**
   * The server has processed seqs up to `serverSeq` for this device, beyond this device's own counter: the replica was
   * restored from an older copy (a backup, a copied file), and every seq it assigns would be dropped as a duplicate.
   * Moves the counter above `serverSeq` and renumbers every pending entry above it, in order (their stamps are
   * unchanged, so an entry the server had already applied is a no-op under the merge). Returns how many entries moved;
   * 0 (nothing done) when the counter is not behind. Run it inside a transaction.
   */
  catchUpSeq(serverSeq: number): number
}

interface OutboxRow {
  seq: number
  table_name: string
  row_id: string
  op: string
  fields: string | null
  hlc: string
  base: string | null
  created_at: string
  status: string
  reject_reason: string | null
}

const COLUMNS = 'seq, table_name, row_id, op, fields, hlc, base, created_at, status, reject_reason'

function toEntry(row: OutboxRow): OutboxEntry {
  return {
    seq: row.seq,
    table: row.table_name,
    rowId: row.row_id,
    op: row.op === 'delete' ? 'delete' : 'upsert',
    fields: row.fields ? (JSON.parse(row.fields) as Record<string, unknown>) : {},
    hlc: row.hlc,
    base: row.base,
    createdAt: row.created_at,
    status: row.status === 'rejected' ? 'rejected' : 'pending',
    rejectReason: row.reject_reason,
  }
}

/** The key of one replica row in sets of touched rows. */
export function rowKey(table: string, id: string): string {
  return `${table}\u0000${id}`
}

export function createOutboxStore(sqlite: Sqlite, state: DeviceState): OutboxStore {
  const insert = sqlite.prepare(`INSERT INTO outbox (${COLUMNS}) VALUES (@seq, @table_name, @row_id, @op, @fields, @hlc, @base, @created_at, 'pending', NULL)`)
  const maxSeq = sqlite.prepare<[], { max: number | null }>('SELECT MAX(seq) AS max FROM outbox')
  const byseq = sqlite.prepare<[number], OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE seq = ?`)
  const batch = sqlite.prepare<[number], OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT ?`)
  const forRow = sqlite.prepare<[string, string], OutboxRow>(
    `SELECT ${COLUMNS} FROM outbox WHERE status = 'pending' AND table_name = ? AND row_id = ? ORDER BY seq`,
  )
  const pendingKeys = sqlite.prepare<[], [number, string, string]>(`SELECT seq, table_name, row_id FROM outbox WHERE status = 'pending' ORDER BY seq`).raw()
  const anyPending = sqlite.prepare<[], { one: number }>(`SELECT 1 AS one FROM outbox WHERE status = 'pending' LIMIT 1`)
  const countBy = sqlite.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM outbox WHERE status = ?')
  const rejected = sqlite.prepare<[], OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE status = 'rejected' ORDER BY seq`)
  const del = sqlite.prepare<[number]>('DELETE FROM outbox WHERE seq = ?')
  const pendingSeqs = sqlite.prepare<[], { seq: number }>(`SELECT seq FROM outbox WHERE status = 'pending' ORDER BY seq`)
  const moveSeq = sqlite.prepare<[number, number]>('UPDATE outbox SET seq = ? WHERE seq = ?')
  const counter = (): number => Math.max(Number(state.get('last_seq') ?? 0), maxSeq.get()?.max ?? 0)
  const markRejected = sqlite.prepare<[string, number]>(`UPDATE outbox SET status = 'rejected', reject_reason = ? WHERE seq = ?`)

  return {
    append(entry) {
      const seq = counter() + 1
      insert.run({
        seq,
        table_name: entry.table,
        row_id: entry.rowId,
        op: entry.op,
        fields: JSON.stringify(entry.fields),
        hlc: entry.hlc,
        base: entry.base,
        created_at: entry.createdAt,
      })
      state.set('last_seq', String(seq))
      return seq
    },
    get(seq) {
      const row = byseq.get(seq)
      return row ? toEntry(row) : undefined
    },
    pendingBatch(limit) {
      return batch.all(limit).map(toEntry)
    },
    pendingFor(table, rowId) {
      return forRow.all(table, rowId).map(toEntry)
    },
    pendingForRows(rows) {
      if (rows.size === 0) return []
      const seqs: number[] = []
      for (const [seq, table, rowId] of pendingKeys.all()) if (rows.has(rowKey(table, rowId))) seqs.push(seq)
      const matches: OutboxEntry[] = []
      for (const seq of seqs) {
        const row = byseq.get(seq)
        if (row) matches.push(toEntry(row))
      }
      return matches
    },
    hasPending() {
      return anyPending.get() !== undefined
    },
    pendingCount() {
      return countBy.get('pending')?.n ?? 0
    },
    rejectedCount() {
      return countBy.get('rejected')?.n ?? 0
    },
    listRejected() {
      return rejected.all().map(toEntry)
    },
    acknowledge(seq) {
      del.run(seq)
    },
    reject(seq, reason) {
      markRejected.run(reason, seq)
    },
    remove(seq) {
      return del.run(seq).changes > 0
    },
    lastSeq: counter,
    catchUpSeq(serverSeq) {
      const own = counter()
      if (!Number.isSafeInteger(serverSeq) || serverSeq <= own) return 0
      // New numbers start above both the server's seq and every seq in the table, so no move collides with a row.
      let next = Math.max(serverSeq, own)
      const seqs = pendingSeqs.all().map((row) => row.seq)
      for (const seq of seqs) moveSeq.run(++next, seq)
      state.set('last_seq', String(next))
      return seqs.length
    },
  }
}

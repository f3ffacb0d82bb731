/**
 * audit_logs: every applied change — who, from which device and address, what (CREATE / UPDATE / DELETE / RESTORE)
 * and each changed field's old → new value. Written in the push's transaction, one multi-row INSERT per batch, so the
 * audit can never disagree with the data.
 */
import { randomFillSync } from 'node:crypto'
import { createUuidV7Generator } from '../../../src/shared/ids/uuidv7'
import type { AuditAction } from '../../../src/shared/model/enums'
import type { Queryable } from '../postgres/transaction'
import { appendChangeLog, CHANGE_LOG_INSERT, changeLogParams, type ChangeLogEntry } from './change-log'
import type { FieldChanges } from './merge-row'

export interface AuditEntry {
  readonly table: string
  readonly rowId: string
  readonly action: AuditAction
  readonly changes: FieldChanges
}

export interface AuditActor {
  readonly userId: string
  readonly deviceId: string
  readonly ip: string | null
  readonly userAgent: string | null
}

const AUDIT_COLUMNS = 'id, table_name, row_id, action, changes, user_id, device_id, ip_address, user_agent'

/** Random bytes for the audit ids, drawn from the system 4 KiB at a time (see auditId). */
const pool = Buffer.alloc(4096)
let poolUsed = pool.length

function pooledRandomBytes(bytes: Uint8Array): void {
  if (poolUsed + bytes.length > pool.length) {
    randomFillSync(pool)
    poolUsed = 0
  }
  bytes.set(pool.subarray(poolUsed, poolUsed + bytes.length))
  poolUsed += bytes.length
}

/**
 * Audit ids are UUIDv7 (time-ordered), not gen_random_uuid(): each insert lands on the rightmost page of the primary
 * key's btree instead of a random page of a table that only grows (millions of rows in production: a cold page, and a
 * full-page image in the WAL after each checkpoint), and the entries of one push sort by id in the order they were
 * applied (the admin log's tie-break, admin/audit-log.ts). The random bits come from a pooled buffer: one system call
 * per 409 ids instead of one per id, which costs 10–30 µs on the bench machine (issue 20).
 */
const auditId = createUuidV7Generator({ randomBytes: pooledRandomBytes })

/**
 * The entries as one JSON parameter ($1) and the actor as four scalar ones ($2–$5): the actor is the same for every
 * entry of a batch, and repeating it in each record made a 1,000-row batch's JSON about a third larger to build, send
 * and parse (issue 20).
 */
function auditParams(entries: readonly AuditEntry[], actor: AuditActor): unknown[] {
  const records = JSON.stringify(entries.map((e) => ({ i: auditId(), t: e.table, r: e.rowId, a: e.action, c: e.changes })))
  // The column is varchar(45) (an IPv6 address); a longer forwarded value is cut rather than failing the push.
  return [records, actor.userId, actor.deviceId, actor.ip?.slice(0, 45) ?? null, actor.userAgent]
}

/**
 * Read as json, not jsonb: the `changes` column is json (drizzle/pg 0019), so each record's changes are only validated
 * as text and stored, where a jsonb column made PostgreSQL build a jsonb value of every one (up to a quarter of this
 * statement: scripts/bench/audit-statement.ts, issue 20).
 */
const AUDIT_INSERT = `INSERT INTO audit_logs (${AUDIT_COLUMNS})
  SELECT x.i, x.t, x.r, x.a, x.c, $2::uuid, $3::uuid, $4::text, $5::text FROM json_to_recordset($1::json) AS x(i uuid, t text, r uuid, a text, c json)`

export async function writeAudit(db: Queryable, entries: readonly AuditEntry[], actor: AuditActor): Promise<void> {
  if (entries.length === 0) return
  await db.query(AUDIT_INSERT, auditParams(entries, actor))
}

/**
 * A batch's audit records and change_log entries in ONE statement (a data-modifying CTE): one round trip per batch
 * instead of two (issue 20). Same rows as writeAudit followed by appendChangeLog.
 */
export async function writeAuditAndChangeLog(db: Queryable, entries: readonly AuditEntry[], actor: AuditActor, log: readonly ChangeLogEntry[]): Promise<void> {
  if (entries.length === 0) return appendChangeLog(db, log)
  if (log.length === 0) return writeAudit(db, entries, actor)
  await db.query(`WITH audit AS (${AUDIT_INSERT}) ${CHANGE_LOG_INSERT(6)}`, [...auditParams(entries, actor), ...changeLogParams(log)])
}

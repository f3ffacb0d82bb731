/**
 * audit_logs: every applied change — who, from which device and address, what (CREATE / UPDATE / DELETE / RESTORE)
 * and each changed field's old → new value. Written in the push's transaction, one multi-row INSERT per batch, so the
 * audit can never disagree with the data.
 */
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

const AUDIT_COLUMNS = 'table_name, row_id, action, changes, user_id, device_id, ip_address, user_agent'

function auditRecordsJson(entries: readonly AuditEntry[], actor: AuditActor): string {
  return JSON.stringify(
    entries.map((e) => ({
      table_name: e.table,
      row_id: e.rowId,
      action: e.action,
      changes: e.changes,
      user_id: actor.userId,
      device_id: actor.deviceId,
      // The column is varchar(45) (an IPv6 address); a longer forwarded value is cut rather than failing the push.
      ip_address: actor.ip?.slice(0, 45) ?? null,
      user_agent: actor.userAgent,
    })),
  )
}

export async function writeAudit(db: Queryable, entries: readonly AuditEntry[], actor: AuditActor): Promise<void> {
  if (entries.length === 0) return
  await db.query(`INSERT INTO audit_logs (${AUDIT_COLUMNS}) SELECT ${AUDIT_COLUMNS} FROM json_populate_recordset(NULL::audit_logs, $1::json)`, [
    auditRecordsJson(entries, actor),
  ])
}

/**
 * A batch's audit records and change_log entries in ONE statement (a data-modifying CTE): one round trip per batch
 * instead of two (issue 20). Same rows as writeAudit followed by appendChangeLog.
 */
export async function writeAuditAndChangeLog(db: Queryable, entries: readonly AuditEntry[], actor: AuditActor, log: readonly ChangeLogEntry[]): Promise<void> {
  if (entries.length === 0) return appendChangeLog(db, log)
  if (log.length === 0) return writeAudit(db, entries, actor)
  await db.query(
    `WITH audit AS (INSERT INTO audit_logs (${AUDIT_COLUMNS}) SELECT ${AUDIT_COLUMNS} FROM json_populate_recordset(NULL::audit_logs, $1::json))
     ${CHANGE_LOG_INSERT(2)}`,
    [auditRecordsJson(entries, actor), ...changeLogParams(log)],
  )
}

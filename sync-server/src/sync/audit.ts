/**
 * audit_logs: every applied change — who, from which device and address, what (CREATE / UPDATE / DELETE / RESTORE)
 * and each changed field's old → new value. Written in the push's transaction, one multi-row INSERT per batch, so the
 * audit can never disagree with the data.
 */
import type { AuditAction } from '../../../src/shared/model/enums'
import type { Queryable } from '../postgres/transaction'
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

export async function writeAudit(db: Queryable, entries: readonly AuditEntry[], actor: AuditActor): Promise<void> {
  if (entries.length === 0) return
  const records = entries.map((e) => ({
    table_name: e.table,
    row_id: e.rowId,
    action: e.action,
    changes: e.changes,
    user_id: actor.userId,
    device_id: actor.deviceId,
    // The column is varchar(45) (an IPv6 address); a longer forwarded value is cut rather than failing the push.
    ip_address: actor.ip?.slice(0, 45) ?? null,
    user_agent: actor.userAgent,
  }))
  const columns = 'table_name, row_id, action, changes, user_id, device_id, ip_address, user_agent'
  await db.query(`INSERT INTO audit_logs (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::audit_logs, $1::json)`, [JSON.stringify(records)])
}

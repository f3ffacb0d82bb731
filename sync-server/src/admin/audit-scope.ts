/**
 * The audit log for administrators below executive: only entries about rows in their own sync scope (the rows they
 * could pull). An executive's scope is everything; anyone else sees nothing of a row outside it — not even that it
 * changed — and nothing about tables that are not synced.
 */
import type { Pool } from 'pg'
import { SYNCED_TABLES, type SyncedTable } from '../../../src/shared/model/tables'
import { quoteIdent } from '../postgres/quote'
import { scopeCondition, type Scope } from '../sync/scope'
import type { AuditFilter } from './audit-log'

const SYNCED: ReadonlySet<string> = new Set(SYNCED_TABLES)

export function auditScopeFilter(pool: Pool, scope: Scope): AuditFilter {
  return async (entries) => {
    const visible = new Set<string>()
    const byTable = new Map<SyncedTable, Map<string, string[]>>()
    for (const entry of entries) {
      if (!SYNCED.has(entry.table)) continue
      const rows = byTable.get(entry.table as SyncedTable) ?? new Map<string, string[]>()
      rows.set(entry.rowId, [...(rows.get(entry.rowId) ?? []), entry.id])
      byTable.set(entry.table as SyncedTable, rows)
    }
    for (const [table, rows] of byTable) {
      const condition = scopeCondition(table, 't', scope, 2)
      const { rows: seen } = await pool.query<{ id: string }>(`SELECT t.id FROM ${quoteIdent(table)} t WHERE t.id = ANY($1::uuid[]) AND (${condition})`, [
        [...rows.keys()],
        scope.kind === 'principals' ? scope.ids : [],
      ])
      for (const { id } of seen) for (const entryId of rows.get(id) ?? []) visible.add(entryId)
    }
    return visible
  }
}

/**
 * References must not widen a scope (docs/sync-protocol.md §4). Scope follows foreign keys — an opportunity or a
 * meeting on a company puts the company (with its branches, contacts …) in its owner's scope — so a user who could
 * set a foreign key to any id they know could pull any row into their scope. Rule: every non-null foreign-key value
 * a mutation sets must reference a row the user can already see (in their scope, or a reference-table row), or a row
 * that does not exist yet in the database (created earlier in the same push: the foreign-key constraint refuses
 * anything else). Polymorphic references (activities and kpi_targets: entity_type/entity_id) follow the same rule
 * for the table entity_type names. EXECUTIVE (scope `all`) skips the check.
 *
 * Foreign-key columns come from the Drizzle schema (tables.ts `references`); only the polymorphic pairs are listed
 * here. Visibility is read in bulk: one query per referenced table per batch, with the scope predicates of scope.ts.
 */
import type { ActivityEntityType, KpiEntityType } from '../../../src/shared/model/enums'
import type { SyncedTable } from '../../../src/shared/model/tables'
import type { Queryable } from '../postgres/transaction'
import type { WireValues } from './merge-row'
import { outOfScope } from './row-store'
import { isUnrestricted, type Scope } from './scope'
import { TABLES, type TableMeta } from './tables'

interface Polymorphic {
  readonly typeColumn: string
  readonly idColumn: string
  readonly targets: Readonly<Record<string, SyncedTable>>
}

const ACTIVITY_TARGETS: Readonly<Record<ActivityEntityType, SyncedTable>> = {
  COMPANY: 'companies',
  CONTACT: 'contacts',
  LEAD: 'leads',
  OPPORTUNITY: 'opportunities',
  PROJECT: 'projects',
}

/** COMPANY is our company as a whole: its root department (docs/schema-review.md). All reference tables today. */
const KPI_TARGETS: Readonly<Record<KpiEntityType, SyncedTable>> = {
  COMPANY: 'departments',
  DEPARTMENT: 'departments',
  TEAM: 'teams',
  USER: 'users',
}

/** The references that are not foreign keys (the type column names the table). */
export const POLYMORPHIC: { readonly [T in SyncedTable]?: Polymorphic } = {
  activities: { typeColumn: 'entity_type', idColumn: 'entity_id', targets: ACTIVITY_TARGETS },
  kpi_targets: { typeColumn: 'entity_type', idColumn: 'entity_id', targets: KPI_TARGETS },
}

export interface Reference {
  /** The column that carries the id (entity_id for a polymorphic reference). */
  readonly column: string
  readonly table: SyncedTable
  readonly id: string
}

const sameId = (a: unknown, b: unknown): boolean => a != null && b != null && String(a).toLowerCase() === String(b).toLowerCase()

/**
 * The references `fields` sets on a row whose current values are `current` (null: a create). A value equal to the
 * current one sets nothing new (the row already points there), so it is not a reference to check.
 */
export function referencesSet(table: TableMeta, fields: Readonly<Record<string, unknown>>, current: WireValues | null): Reference[] {
  const found: Reference[] = []
  for (const [column, target] of table.references) {
    const value = fields[column]
    if (value === null || value === undefined || sameId(value, current?.[column])) continue
    found.push({ column, table: target, id: String(value).toLowerCase() })
  }
  const poly = POLYMORPHIC[table.name]
  if (poly && (poly.typeColumn in fields || poly.idColumn in fields)) {
    const type = poly.typeColumn in fields ? fields[poly.typeColumn] : current?.[poly.typeColumn]
    const id = poly.idColumn in fields ? fields[poly.idColumn] : current?.[poly.idColumn]
    const target = typeof type === 'string' ? poly.targets[type] : undefined
    const unchanged = current !== null && current[poly.typeColumn] === type && sameId(current[poly.idColumn], id)
    if (target && id !== null && id !== undefined && !unchanged) found.push({ column: poly.idColumn, table: target, id: String(id).toLowerCase() })
  }
  return found
}

/**
 * Which referenced rows the writer cannot see, as of the database state it reads (the batch's start: callers replay
 * one by one when earlier mutations of a batch may have changed the scope). Loaded in bulk, one query per table;
 * ids not loaded yet are fetched on demand. A row that does not exist is not "hidden": the foreign-key constraint
 * (or, for a polymorphic reference, the scope check after the write) decides it.
 */
export class ReferenceVisibility {
  private readonly checked = new Map<SyncedTable, Set<string>>()
  private readonly hidden = new Map<SyncedTable, Set<string>>()

  constructor(
    private readonly db: Queryable,
    private readonly scope: Scope,
  ) {}

  /** Only references into restricted tables need a look (reference data is everyone's; an executive sees all). */
  private restricted(references: readonly Reference[]): Reference[] {
    return references.filter((ref) => !isUnrestricted(this.scope, ref.table))
  }

  async load(references: readonly Reference[]): Promise<void> {
    const byTable = new Map<SyncedTable, Set<string>>()
    for (const ref of this.restricted(references)) {
      if (this.checked.get(ref.table)?.has(ref.id)) continue
      const set = byTable.get(ref.table) ?? new Set<string>()
      set.add(ref.id)
      byTable.set(ref.table, set)
    }
    for (const [table, ids] of byTable) {
      const list = [...ids]
      const outside = await outOfScope(this.db, TABLES.get(table)!, list, this.scope)
      const checked = this.checked.get(table) ?? new Set<string>()
      for (const id of list) checked.add(id)
      this.checked.set(table, checked)
      const hidden = this.hidden.get(table) ?? new Set<string>()
      for (const id of outside) hidden.add(id)
      this.hidden.set(table, hidden)
    }
  }

  /** The first of `references` the writer cannot see, or null. */
  async firstHidden(references: readonly Reference[]): Promise<Reference | null> {
    const restricted = this.restricted(references)
    if (restricted.length === 0) return null
    await this.load(restricted)
    return restricted.find((ref) => this.hidden.get(ref.table)?.has(ref.id)) ?? null
  }
}

/**
 * What a delete takes with it, and how long it can be undone: one declaration for the device's trash (휴지통), the
 * delete confirmations ("담당자 3명도 함께 삭제됩니다") and the docs.
 *
 * A deletion is a soft delete (a `deleted_at` tombstone the server merges like any field), so a restore is an ordinary
 * undelete until the server's garbage collection removes tombstones older than its horizon (`gc --horizon-days`,
 * 90 by default). The trash offers restore within that horizon only.
 */
import { type SyncedTable } from '../model/tables'

/** The records a user can delete from a screen (each one a table and a human title). */
export const DELETABLE_KINDS = [
  'company',
  'branch',
  'contact',
  'lead',
  'opportunity',
  'meeting',
  'actionItem',
  'kpiTarget',
  'activity',
  'campaign',
  'industry',
] as const

export type DeletableKind = (typeof DELETABLE_KINDS)[number]

/** Tombstones older than this may already be collected by the server (docs/operations.md, gc --horizon-days). */
export const TOMBSTONE_HORIZON_DAYS = 90

export interface ChildRule {
  /** The child table, and the column that points at the parent's id. */
  readonly table: SyncedTable
  readonly parentColumn: string
  /** What one child is called in confirmations and the trash (a key under everyday.trash.children). */
  readonly label: string
  /** Its own children (a company's branches carry their contacts). */
  readonly children?: readonly ChildRule[]
}

/**
 * Records elsewhere that point at this one and are *kept* when it is deleted (a company keeps its industry_id, a lead
 * its campaign_id): the confirmation counts them so nobody deletes a list entry blind, and the trash's restore makes
 * them whole again. They are not rewritten: the device may hold only part of them (scopes) and a tombstone is
 * restorable, so clearing the column would lose what a restore should bring back.
 */
export interface ReferenceRule {
  readonly table: SyncedTable
  readonly column: string
  /** A key under everyday.trash.references. */
  readonly label: string
}

export interface DeletionRule {
  readonly table: SyncedTable
  /** SQL expression for the record's title in the trash (over the table's own columns). */
  readonly titleSql: string
  readonly children: readonly ChildRule[]
  readonly references?: readonly ReferenceRule[]
}

const contactsOfBranch: ChildRule = { table: 'contacts', parentColumn: 'branch_id', label: 'contacts' }

export const DELETION_RULES: Readonly<Record<DeletableKind, DeletionRule>> = {
  company: {
    table: 'companies',
    titleSql: 'name',
    children: [{ table: 'branches', parentColumn: 'company_id', label: 'branches', children: [contactsOfBranch] }],
  },
  branch: { table: 'branches', titleSql: 'name', children: [contactsOfBranch] },
  contact: { table: 'contacts', titleSql: "last_name || coalesce(first_name, '')", children: [] },
  lead: {
    table: 'leads',
    titleSql: 'company_name',
    children: [{ table: 'lead_assignments', parentColumn: 'lead_id', label: 'leadAssignments' }],
  },
  opportunity: {
    table: 'opportunities',
    titleSql: 'title',
    children: [{ table: 'opportunity_stage_history', parentColumn: 'opportunity_id', label: 'stageHistory' }],
  },
  meeting: {
    table: 'meetings',
    titleSql: 'title',
    children: [
      { table: 'meeting_participants', parentColumn: 'meeting_id', label: 'participants' },
      { table: 'meeting_agenda', parentColumn: 'meeting_id', label: 'agenda' },
      { table: 'meeting_minutes', parentColumn: 'meeting_id', label: 'minutes' },
      { table: 'meeting_action_items', parentColumn: 'meeting_id', label: 'actionItems' },
      { table: 'meeting_products', parentColumn: 'meeting_id', label: 'products' },
    ],
  },
  actionItem: { table: 'meeting_action_items', titleSql: 'task', children: [] },
  kpiTarget: {
    table: 'kpi_targets',
    titleSql:
      // "2026 Q4", "2026 H1", "2026-03": the period as the screens would name it, in either language ("2026-4" read as April).
      "coalesce((SELECT d.name FROM kpi_definitions d WHERE d.id = kpi_definition_id), '') || ' ' || period_year || coalesce(' Q' || period_quarter, '') || coalesce(' H' || period_half, '') || CASE WHEN period_month IS NULL THEN '' ELSE printf('-%02d', period_month) END",
    children: [{ table: 'kpi_actuals', parentColumn: 'kpi_target_id', label: 'kpiActuals' }],
  },
  activity: { table: 'activities', titleSql: 'coalesce(subject, substr(description, 1, 40), activity_type)', children: [] },
  campaign: {
    table: 'campaigns',
    titleSql: 'name',
    children: [],
    references: [
      { table: 'leads', column: 'campaign_id', label: 'leads' },
      { table: 'opportunities', column: 'campaign_id', label: 'opportunities' },
    ],
  },
  industry: {
    table: 'industries',
    titleSql: 'name',
    // A sector's narrower sectors (제조업 › 반도체) go with it; the companies filed under any of them are kept.
    children: [{ table: 'industries', parentColumn: 'parent_id', label: 'subIndustries' }],
    references: [{ table: 'companies', column: 'industry_id', label: 'companies' }],
  },
}

export function isDeletableKind(value: unknown): value is DeletableKind {
  return typeof value === 'string' && (DELETABLE_KINDS as readonly string[]).includes(value)
}

/** Whether a deletion made at `deletedAt` can still be restored at `now` (both ISO-8601). */
export function withinTombstoneHorizon(deletedAt: string, now: string): boolean {
  return Date.parse(now) - Date.parse(deletedAt) < TOMBSTONE_HORIZON_DAYS * 86_400_000
}

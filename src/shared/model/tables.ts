/**
 * The synced-table registry as plain data (no Drizzle import, so the renderer and the wire validation can use it).
 * test/unit/schema-parity.test.ts proves it matches both database schemas.
 */

/**
 * SQL names of every table a device replicates, parents before children (foreign-key dependency order).
 *
 * A first pull walks the tables in this order, restores and seeds insert in it, and the reference data every user
 * receives comes first. One back-reference is unavoidable and allowed: `departments.manager_id → users`
 * (users also point at their department). Self-references (`parent_id`) are ignored; the who-columns
 * (`created_by`, …) are not foreign keys (see docs/schema-review.md).
 */
export const SYNCED_TABLES = [
  // Reference data (REFERENCE_TABLES): the directory and the catalogues.
  'roles',
  'permissions',
  'role_permissions',
  'departments',
  'users',
  'teams',
  'team_members',
  'industries',
  'product_categories',
  'products',
  'instructors',
  'kpi_definitions',
  'campaigns',
  // Customers.
  'companies',
  'branches',
  'contacts',
  // Sales.
  'opportunities',
  'opportunity_stage_history',
  'contracts',
  'leads',
  'lead_assignments',
  // Projects and training.
  'projects',
  'project_team_members',
  'training_sessions',
  'training_classes',
  'trainees',
  'enrollments',
  'attendance_records',
  'training_feedback',
  // Meetings.
  'meetings',
  'meeting_participants',
  'meeting_agenda',
  'meeting_minutes',
  'meeting_action_items',
  'meeting_products',
  // KPI and activities.
  'kpi_targets',
  'kpi_actuals',
  'activities',
  // Files attached to any of the records above (metadata only: the bytes travel through /v1/files).
  'attachments',
  // Written by the server: instructor double bookings across projects, seen by whoever sees either project.
  'instructor_clashes',
  // Written by the server, synced to the users party to a conflict.
  'sync_conflicts',
] as const
export type SyncedTable = (typeof SYNCED_TABLES)[number]

/** Tables every signed-in user receives in full, whatever their tier (design architecture §4). */
export const REFERENCE_TABLES = [
  'users',
  'roles',
  'permissions',
  'role_permissions',
  'departments',
  'teams',
  'team_members',
  'industries',
  'product_categories',
  'products',
  'instructors',
  'kpi_definitions',
  'campaigns',
] as const satisfies readonly SyncedTable[]
export type ReferenceTable = (typeof REFERENCE_TABLES)[number]

/** Columns every synced table has (docs/architecture.md §3), by SQL name. */
export const COMMON_COLUMNS = ['id', 'created_at', 'updated_at', 'deleted_at', 'created_by', 'updated_by', 'deleted_by'] as const
export type CommonColumn = (typeof COMMON_COLUMNS)[number]

/**
 * A device may set these locally for display; the server overwrites them with the authenticated user and its own
 * clock when it applies a change, so they are never merged per field. `created_at` is not here: it is the creation
 * time the user saw, written once by the creating device.
 */
export const SERVER_AUTHORED_COLUMNS = ['created_by', 'updated_at', 'updated_by', 'deleted_by'] as const
export type ServerAuthoredColumn = (typeof SERVER_AUTHORED_COLUMNS)[number]

/** On every synced PostgreSQL table and never sent to a device: the per-field HLC stamps of the winning writes. */
export const SERVER_ONLY_COLUMNS = ['field_hlc'] as const
export type ServerOnlyColumn = (typeof SERVER_ONLY_COLUMNS)[number]

export function isSyncedTable(name: string): name is SyncedTable {
  return (SYNCED_TABLES as readonly string[]).includes(name)
}

export function isReferenceTable(name: string): name is ReferenceTable {
  return (REFERENCE_TABLES as readonly string[]).includes(name)
}

/**
 * The permission matrix's vocabulary, declared once: the resources an administrator grants (business areas, not SQL
 * tables — "교육 운영" covers six tables) and the actions. The sync server checks every write against it
 * (sync-server/src/sync/permissions.ts); the demo data and, later, the admin screens build their matrix from it.
 */
import type { SyncedTable } from './tables'

export const PERMISSION_ACTIONS = ['READ', 'CREATE', 'UPDATE', 'DELETE', 'APPROVE', 'ASSIGN', 'EXPORT'] as const
export type PermissionAction = (typeof PERMISSION_ACTIONS)[number]

export interface PermissionResource {
  readonly resource: string
  readonly label: string
  readonly actions: readonly PermissionAction[]
  /** The synced tables whose writes this resource governs (none: a screen-level permission such as reports). */
  readonly tables: readonly SyncedTable[]
}

export const PERMISSION_RESOURCES: readonly PermissionResource[] = [
  { resource: 'users', label: '사용자', actions: ['READ', 'CREATE', 'UPDATE', 'DELETE'], tables: ['users'] },
  { resource: 'companies', label: '고객사', actions: ['READ', 'CREATE', 'UPDATE', 'DELETE', 'EXPORT'], tables: ['companies', 'branches', 'industries'] },
  { resource: 'contacts', label: '고객 담당자', actions: ['READ', 'CREATE', 'UPDATE', 'DELETE', 'EXPORT'], tables: ['contacts'] },
  {
    resource: 'leads',
    label: '리드',
    actions: ['READ', 'CREATE', 'UPDATE', 'DELETE', 'ASSIGN', 'APPROVE', 'EXPORT'],
    tables: ['leads', 'lead_assignments', 'campaigns'],
  },
  {
    resource: 'opportunities',
    label: '영업 기회',
    actions: ['READ', 'CREATE', 'UPDATE', 'DELETE', 'EXPORT'],
    tables: ['opportunities', 'opportunity_stage_history'],
  },
  { resource: 'contracts', label: '계약', actions: ['READ', 'CREATE', 'UPDATE', 'DELETE', 'APPROVE'], tables: ['contracts'] },
  { resource: 'projects', label: '프로젝트', actions: ['READ', 'CREATE', 'UPDATE', 'DELETE', 'ASSIGN'], tables: ['projects', 'project_team_members'] },
  {
    resource: 'training',
    label: '교육 운영',
    actions: ['READ', 'CREATE', 'UPDATE', 'DELETE', 'EXPORT'],
    tables: ['instructors', 'training_sessions', 'training_classes', 'trainees', 'enrollments', 'attendance_records', 'training_feedback'],
  },
  {
    resource: 'meetings',
    label: '미팅',
    actions: ['READ', 'CREATE', 'UPDATE', 'DELETE'],
    tables: ['meetings', 'meeting_participants', 'meeting_agenda', 'meeting_minutes', 'meeting_action_items', 'meeting_products'],
  },
  { resource: 'products', label: '상품', actions: ['READ', 'CREATE', 'UPDATE', 'DELETE'], tables: ['product_categories', 'products'] },
  { resource: 'kpis', label: 'KPI', actions: ['READ', 'CREATE', 'UPDATE', 'DELETE', 'APPROVE'], tables: ['kpi_definitions', 'kpi_targets', 'kpi_actuals'] },
  { resource: 'activities', label: '활동', actions: ['READ', 'CREATE', 'UPDATE', 'DELETE'], tables: ['activities', 'attachments'] },
  { resource: 'reports', label: '리포트', actions: ['READ', 'EXPORT'], tables: [] },
  {
    resource: 'settings',
    label: '설정',
    // CREATE and DELETE too: an administrator's role must be able to add departments, teams, members and roles.
    actions: ['READ', 'CREATE', 'UPDATE', 'DELETE'],
    tables: ['roles', 'permissions', 'role_permissions', 'departments', 'teams', 'team_members'],
  },
]

const RESOURCE_OF_TABLE: ReadonlyMap<string, string> = new Map(
  PERMISSION_RESOURCES.flatMap(({ resource, tables }) => tables.map((table) => [table, resource] as const)),
)

/** The resource whose grants decide writes to `table`; undefined for tables no grant covers (sync_conflicts). */
export function permissionResourceOf(table: string): string | undefined {
  return RESOURCE_OF_TABLE.get(table)
}

/**
 * Who may write what: the rule the sync server enforces on every pushed change (sync-server/src/sync/permissions.ts)
 * and the device reads to hide or disable edits the server would refuse. One rule, two readers, so the UI and the
 * referee cannot drift apart.
 *
 * `role_permissions` (resource × action) is the source of truth; a role with no permission rows at all falls back to
 * its user's tier defaults, so a fresh installation works before an administrator has filled the matrix
 * (docs/sync-protocol.md § Permissions has the default matrix).
 */
import type { UserTier } from './enums'
import { permissionResourceOf } from './permissions'
import { SYNCED_TABLES, type SyncedTable } from './tables'

export const PERMISSION_WRITE_ACTIONS = ['create', 'update', 'delete', 'approve'] as const
export type PermissionAction = (typeof PERMISSION_WRITE_ACTIONS)[number]

export interface Permissions {
  /** Where the answer comes from: the role's rows, or the tier defaults (role without rows). */
  readonly source: 'role' | 'tier'
  /** The writer's tier: some grants stop at it (nobody but an executive makes someone an executive). */
  readonly tier: UserTier
  allows(table: SyncedTable, action: PermissionAction): boolean
  /** The role's own grant rows (source 'role'): what the holder may hand on (account-rules.ts missingGrants). */
  readonly grants?: readonly { readonly resource: string; readonly action: string }[]
  /** Server only, for user administrators below executive: every role's grants, to check a role they give. */
  readonly roleGrants?: ReadonlyMap<string, readonly { readonly resource: string; readonly action: string }[]>
}

const ADMIN_TABLES: ReadonlySet<string> = new Set(['roles', 'permissions', 'role_permissions', 'departments', 'teams', 'team_members', 'users'])
const CATALOGUE_TABLES: ReadonlySet<string> = new Set(['industries', 'product_categories', 'products', 'kpi_definitions', 'campaigns'])

function tierAllows(tier: UserTier, table: SyncedTable, action: PermissionAction): boolean {
  if (table === 'instructor_clashes') return false // recorded by the server on push; no device writes it (authorizeWrite)
  if (tier === 'EXECUTIVE') return true
  if (ADMIN_TABLES.has(table)) return false
  if (table === 'sync_conflicts') return false // resolution is a fixed rule of the server (authorizeWrite)
  if (CATALOGUE_TABLES.has(table)) return tier === 'MANAGER'
  if (table === 'kpi_targets') return tier === 'MANAGER'
  if (table === 'instructors') return tier === 'MANAGER' || action === 'create' || action === 'update'
  if (action === 'approve') return tier === 'MANAGER'
  return true
}

export function tierPermissions(tier: UserTier): Permissions {
  return { source: 'tier', tier, allows: (table, action) => tierAllows(tier, table, action) }
}

/**
 * Grants are per business resource and upper-case action (src/shared/model/permissions.ts: `training` × `UPDATE`
 * covers the six training tables), with `*` wildcards for either.
 */
export function rolePermissions(rows: readonly { resource: string; action: string }[], tier: UserTier): Permissions {
  const granted = new Set(rows.map((row) => `${row.resource}:${row.action.toUpperCase()}`))
  return {
    source: 'role',
    tier,
    grants: rows,
    allows: (table, action) => {
      const resource = permissionResourceOf(table)
      if (resource === undefined) return false
      const verb = action.toUpperCase()
      return granted.has(`${resource}:${verb}`) || granted.has(`${resource}:*`) || granted.has(`*:${verb}`) || granted.has('*:*')
    },
  }
}

/** Every write action each synced table allows, for the renderer (tables without any are left out). */
export function writableTables(permissions: Permissions): Partial<Record<SyncedTable, PermissionAction[]>> {
  const out: Partial<Record<SyncedTable, PermissionAction[]>> = {}
  for (const table of SYNCED_TABLES) {
    const actions = PERMISSION_WRITE_ACTIONS.filter((action) => permissions.allows(table, action))
    if (actions.length > 0) out[table] = actions
  }
  return out
}

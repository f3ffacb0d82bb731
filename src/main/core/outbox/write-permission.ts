/**
 * The writer's permission check (issue 14): every local write is checked once, here, by table and operation, with
 * the rule the sync server enforces (src/shared/model/permission-rules.ts over the replica's copy of the directory,
 * read by src/main/core/common/permissions.ts). A refused write throws WriteForbiddenError before the replica or the
 * outbox is touched, so the app says so at once instead of queueing a change the server would reject.
 *
 * Repositories no longer repeat this table × operation check; they keep only rules that are more specific (who may
 * approve, self-lockout, the owner rule of assignment-guard.ts).
 */
import { USER_TIERS, type UserTier } from '../../../shared/model/enums'
import { type SyncedTable } from '../../../shared/model/tables'
import { createPermissionsReader } from '../common/permissions'
import { type Sqlite } from '../sqlite'
import { type DeviceState } from '../state'

/** What a write does to a row, as the server classifies it (sync-server/src/sync/permissions.ts actionsOf). */
export type WriteOperation = 'create' | 'update' | 'delete'

/** May `userId` perform `operation` on rows of `table`? */
export type WritePermission = (table: SyncedTable, operation: WriteOperation, userId: string) => boolean

export class WriteForbiddenError extends Error {
  override readonly name = 'WriteForbiddenError'
  constructor(
    readonly table: string,
    readonly operation: WriteOperation,
  ) {
    super(`The signed-in user may not ${operation} ${table}`)
  }
}

/**
 * Tables the writer writes that are not a user's domain write, so no grant covers them; the server has a fixed rule
 * for each instead. The writer skips the check for them whatever WritePermission it was given.
 * - `sync_conflicts`: resolving a conflict the user is party to (status, resolved_at) is always allowed
 *   (sync-server authorizeWrite); no role grant names it, so the grant check would refuse every resolution.
 */
export const PERMISSION_EXEMPT_TABLES: ReadonlySet<SyncedTable> = new Set<SyncedTable>(['sync_conflicts'])

/**
 * The operations a write performs: a row the device does not hold is a create; a tombstone or an undelete is a
 * delete (the server's DELETE covers both); any other field is an update.
 */
export function operationsOf(exists: boolean, fieldNames: readonly string[]): WriteOperation[] {
  if (!exists) return ['create']
  const operations: WriteOperation[] = []
  if (fieldNames.includes('deleted_at')) operations.push('delete')
  if (fieldNames.some((name) => name !== 'deleted_at')) operations.push('update')
  return operations
}

const isUserTier = (value: unknown): value is UserTier => (USER_TIERS as readonly unknown[]).includes(value)

/**
 * The default check: the signed-in user's tier as the session has it (the profile the server sent, or the local demo
 * user), else as the replica's directory has it, else OPERATOR (the least, as the repositories' `toTier` does); the
 * grants of their role from the replica.
 */
export function createWritePermission(sqlite: Sqlite, state: DeviceState): WritePermission {
  const reader = createPermissionsReader(sqlite)
  const directoryTier = sqlite.prepare<[string], { tier: string | null }>('SELECT user_tier AS tier FROM users WHERE id = ?')
  const tierOf = (userId: string): UserTier => {
    const profile = state.get('user_profile')
    if (profile) {
      try {
        const tier = (JSON.parse(profile) as { tier?: unknown }).tier
        if (isUserTier(tier)) return tier
      } catch {
        // A damaged profile is not a grant: fall through to the directory.
      }
    }
    const tier = directoryTier.get(userId)?.tier
    return isUserTier(tier) ? tier : 'OPERATOR'
  }
  return (table, operation, userId) => reader.forUser(userId, tierOf(userId)).allows(table, operation)
}

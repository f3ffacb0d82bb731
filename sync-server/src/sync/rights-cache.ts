/**
 * A user's scope, tier and permissions, cached per server instance for a few seconds (issue 20): a push used to load
 * them with two statements every time, on every request of a device pushing in a loop.
 *
 * Never stale: an entry is keyed by the `authz_epoch` it was read under (drizzle/pg/0018), which triggers raise in the
 * same transaction as any change to what rights are computed from (a user's tier, role, active flag or deletion,
 * teams, team members, role grants, permissions). The push reads the epoch inside its transaction, after the scope
 * lock (push.ts lockDevice), so a push that starts after such a change commits misses the entry and loads afresh:
 * a demoted user, a withdrawn grant or a manager moved out of a team is judged with the new rights at the next push,
 * exactly as without the cache. (Demotion and deactivation also end every session: drizzle/pg/0012.)
 *
 * An entry is stored under the epoch read by the same statement as the scope, never under an older one, so it can
 * only be newer than its key, never older.
 */
import type { UserTier } from '../../../src/shared/model/enums'
import type { Queryable } from '../postgres/transaction'
import { isUserTier } from '../auth/user-tier'
import { loadPermissions, type Permissions } from './permissions'
import { loadScope, type Scope } from './scope'

export interface Rights {
  readonly scope: Scope
  readonly tier: UserTier
  readonly permissions: Permissions
}

/** How long an entry is used at most, even at the same epoch (it bounds memory, not correctness). */
export const RIGHTS_TTL_MS = 10_000
const MAX_ENTRIES = 10_000

interface Entry {
  readonly epoch: string
  readonly at: number
  readonly rights: Rights
}

export class RightsCache {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly now: () => number = Date.now) {}

  get(userId: string, epoch: string): Rights | null {
    const entry = this.entries.get(userId)
    if (!entry) return null
    if (entry.epoch !== epoch || this.now() - entry.at > RIGHTS_TTL_MS) {
      this.entries.delete(userId)
      return null
    }
    return entry.rights
  }

  set(userId: string, epoch: string, rights: Rights): void {
    if (this.entries.size >= MAX_ENTRIES && !this.entries.has(userId)) {
      // Oldest first (insertion order): enough for a bound, the cache is refilled by one push per user.
      const oldest = this.entries.keys().next().value
      if (oldest !== undefined) this.entries.delete(oldest)
    }
    this.entries.delete(userId)
    this.entries.set(userId, { epoch, at: this.now(), rights })
  }
}

const caches = new WeakMap<object, RightsCache>()

/** The instance's cache for `pool` (a pool is one database). */
export function rightsCacheFor(pool: object): RightsCache {
  let cache = caches.get(pool)
  if (!cache) {
    cache = new RightsCache()
    caches.set(pool, cache)
  }
  return cache
}

/**
 * The user's rights at `epoch` (read by the caller in its transaction): from the cache, or loaded with `db` and
 * cached. Null when the user cannot sync (unknown, deleted, or without a valid tier).
 */
export async function rightsAt(db: Queryable, cache: RightsCache, userId: string, epoch: string): Promise<Rights | null> {
  const cached = cache.get(userId, epoch)
  if (cached) return cached
  const { scope, tier, epoch: readAt } = await loadScope(db, userId)
  if (!tier || !isUserTier(tier)) return null
  const rights: Rights = { scope, tier, permissions: await loadPermissions(db, userId, tier) }
  if (readAt !== null) cache.set(userId, readAt, rights)
  return rights
}

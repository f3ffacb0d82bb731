/**
 * Who to poke after a push commits (the SSE audience): the users whose scope holds a changed row, every executive, and
 * the users addressed by enter/leave entries. A poke is only a hint (devices pull on reconnect anyway), so large or
 * reference-data changes simply poke everyone rather than evaluate every user's scope for thousands of rows.
 */
import type { SyncedTable } from '../../../src/shared/model/tables'
import type { Queryable } from '../postgres/transaction'
import type { PokeAudience } from '../realtime/poke-bus'
import { principalsSql, SCOPES } from './scope'
import { quoteIdent } from '../postgres/quote'
import { TABLES } from './tables'

/**
 * Above this many changed rows, computing the exact audience costs more than waking every device: measured with
 * `npm run bench -- --only 2` at 100k rows, a 500-row push spent 5 s of its 5.2 s on the audience query, and 0.26 s
 * with everyone poked. Interactive edits (a few rows) still get the exact audience; a device woken needlessly pulls
 * an empty page. (Next step: evaluate only users with an open event stream.)
 */
export const EXACT_AUDIENCE_LIMIT = 50

export async function pokeAudience(db: Queryable, changed: ReadonlyMap<SyncedTable, ReadonlySet<string>>, alsoUsers: ReadonlySet<string>): Promise<PokeAudience | null> {
  let total = 0
  for (const [table, ids] of changed) {
    if (ids.size === 0) continue
    if (TABLES.get(table)!.reference) return 'all'
    total += ids.size
  }
  if (total === 0 && alsoUsers.size === 0) return null
  if (total > EXACT_AUDIENCE_LIMIT) return 'all'

  // Each user's scope predicate is evaluated on the changed rows only (fetched by id first, as in row-store.ts's
  // outOfScope): computing whole visible sets per user cost ~1 s per 500 activities at 100k rows and made every push
  // wait for it.
  const params: unknown[] = []
  const ctes: string[] = []
  const parts: string[] = []
  for (const [table, ids] of changed) {
    if (ids.size === 0) continue
    params.push([...ids])
    const rows = `r${params.length}`
    ctes.push(`${rows} AS MATERIALIZED (SELECT * FROM ${quoteIdent(table)} WHERE id = ANY($${params.length}::uuid[]))`)
    parts.push(`SELECT pr.user_id FROM pr WHERE EXISTS (SELECT 1 FROM ${rows} t WHERE ${SCOPES[table].predicate('t', 'pr.principals')})`)
  }
  parts.push(`SELECT id FROM users WHERE user_tier = 'EXECUTIVE' AND deleted_at IS NULL`)
  const { rows } = await db.query<{ user_id: string }>(
    `WITH pr AS MATERIALIZED (SELECT u.id AS user_id, ${principalsSql('u.id')} AS principals FROM users u
                  WHERE u.deleted_at IS NULL AND u.user_tier <> 'EXECUTIVE')${ctes.map((c) => `,\n     ${c}`).join('')}
     ${parts.join('\nUNION\n')}`,
    params,
  )
  const users = new Set([...alsoUsers, ...rows.map((r) => r.user_id)])
  return users.size > 0 ? { userIds: [...users] } : null
}

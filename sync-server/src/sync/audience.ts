/**
 * Who to poke after a push commits (the SSE audience): the users whose scope holds a changed row, every executive, and
 * the users addressed by enter/leave entries. A poke is only a hint (devices pull on reconnect anyway).
 *
 * The push only classifies (`pokeAudience`, no query): large or reference-data changes poke everyone, small ones carry
 * their changed row ids. Each instance then asks PostgreSQL which of *its own connected* users see those rows
 * (`usersSeeing`, called by the poke bus). So the push answers without an audience query, and the query's cost follows
 * the devices actually listening rather than every user of the company.
 */
import type { SyncedTable } from '../../../src/shared/model/tables'
import type { Queryable } from '../postgres/transaction'
import type { AudienceRequest, ChangedRows, PokeAudience } from '../realtime/poke-bus'
import { principalsSql, SCOPES } from './scope'
import { quoteIdent } from '../postgres/quote'
import { TABLES } from './tables'

/**
 * Above this many changed rows, computing the exact audience costs more than waking every device: measured with
 * `npm run bench -- --only 2` at 100k rows, a 500-row push spent 5 s of its 5.2 s on the audience query, and 0.26 s
 * with everyone poked. Interactive edits (a few rows) still get the exact audience; a device woken needlessly pulls
 * an empty page.
 */
export const EXACT_AUDIENCE_LIMIT = 50

export function pokeAudience(changed: ReadonlyMap<SyncedTable, ReadonlySet<string>>, alsoUsers: ReadonlySet<string>): PokeAudience | null {
  let total = 0
  const rows: ChangedRows[] = []
  for (const [table, ids] of changed) {
    if (ids.size === 0) continue
    if (TABLES.get(table)!.reference) return 'all'
    total += ids.size
    rows.push({ table, ids: [...ids] })
  }
  if (total === 0 && alsoUsers.size === 0) return null
  if (total > EXACT_AUDIENCE_LIMIT) return 'all'
  return { changed: rows, userIds: [...alsoUsers] }
}

/** Which of `candidates` see any of the changed rows: executives, and users whose scope predicate holds one. */
export async function usersSeeing(db: Queryable, changed: readonly ChangedRows[], candidates: readonly string[]): Promise<Set<string>> {
  if (candidates.length === 0) return new Set()
  // Each user's scope predicate is evaluated on the changed rows only (fetched by id first, as in row-store.ts's
  // outOfScope): computing whole visible sets per user cost ~1 s per 500 activities at 100k rows.
  const params: unknown[] = [[...candidates]]
  const ctes: string[] = []
  const parts: string[] = []
  for (const { table, ids } of changed) {
    if (ids.length === 0) continue
    params.push([...ids])
    const rows = `r${params.length}`
    ctes.push(`${rows} AS MATERIALIZED (SELECT * FROM ${quoteIdent(table)} WHERE id = ANY($${params.length}::uuid[]))`)
    parts.push(`SELECT pr.user_id FROM pr WHERE EXISTS (SELECT 1 FROM ${rows} t WHERE ${SCOPES[table].predicate('t', 'pr.principals')})`)
  }
  parts.push(`SELECT id FROM users WHERE user_tier = 'EXECUTIVE' AND deleted_at IS NULL AND id = ANY($1::uuid[])`)
  const { rows } = await db.query<{ user_id: string }>(
    `WITH pr AS MATERIALIZED (SELECT u.id AS user_id, ${principalsSql('u.id')} AS principals FROM users u
                  WHERE u.id = ANY($1::uuid[]) AND u.deleted_at IS NULL AND u.user_tier <> 'EXECUTIVE')${ctes.map((c) => `,\n     ${c}`).join('')}
     ${parts.join('\nUNION\n')}`,
    params,
  )
  return new Set(rows.map((r) => r.user_id))
}

/**
 * usersSeeing for several pokes in ONE query (the poke bus batches them, poke-bus.ts): each changed row carries the
 * index of its request, so every poke still reaches exactly the users who see one of ITS rows. Executives see
 * everything. Answers are filtered to each request's own candidates.
 */
export async function usersSeeingEach(db: Queryable, requests: readonly AudienceRequest[]): Promise<Set<string>[]> {
  const candidates = [...new Set(requests.flatMap((r) => r.candidates))]
  const answers = requests.map(() => new Set<string>())
  if (candidates.length === 0) return answers
  const byTable = new Map<SyncedTable, { ids: string[]; ks: number[] }>()
  requests.forEach((request, k) => {
    for (const { table, ids } of request.changed) {
      const slot = byTable.get(table) ?? { ids: [], ks: [] }
      for (const id of ids) {
        slot.ids.push(id)
        slot.ks.push(k)
      }
      byTable.set(table, slot)
    }
  })
  const params: unknown[] = [candidates]
  const ctes: string[] = []
  const parts: string[] = []
  for (const [table, { ids, ks }] of byTable) {
    if (ids.length === 0) continue
    params.push(ids, ks)
    const rows = `r${params.length}`
    ctes.push(
      `${rows} AS MATERIALIZED (SELECT t.*, x.k AS "__k" FROM ${quoteIdent(table)} t JOIN unnest($${params.length - 1}::uuid[], $${params.length}::int[]) AS x(id, k) ON t.id = x.id)`,
    )
    parts.push(`SELECT DISTINCT t."__k" AS k, pr.user_id FROM pr JOIN ${rows} t ON (${SCOPES[table].predicate('t', 'pr.principals')})`)
  }
  parts.push(`SELECT -1 AS k, id FROM users WHERE user_tier = 'EXECUTIVE' AND deleted_at IS NULL AND id = ANY($1::uuid[])`)
  const { rows } = await db.query<{ k: number; user_id: string }>(
    `WITH pr AS MATERIALIZED (SELECT u.id AS user_id, ${principalsSql('u.id')} AS principals FROM users u
                  WHERE u.id = ANY($1::uuid[]) AND u.deleted_at IS NULL AND u.user_tier <> 'EXECUTIVE')${ctes.map((c) => `,\n     ${c}`).join('')}
     ${parts.join('\nUNION\n')}`,
    params,
  )
  for (const { k, user_id: user } of rows) {
    if (k === -1) answers.forEach((answer) => answer.add(user))
    else answers[k]?.add(user)
  }
  return answers.map((answer, k) => {
    const own = new Set(requests[k]!.candidates)
    return new Set([...answer].filter((user) => own.has(user)))
  })
}

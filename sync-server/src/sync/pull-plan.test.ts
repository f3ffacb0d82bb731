/**
 * A first pull's cost follows the user's scope, not the database (bench scenario 11): on a database where an OPERATOR
 * holds a few hundred rows among tens of thousands of other people's, no snapshot page query of a scoped table reads
 * more than a small part of any table. Read = rows a plan node produced plus rows its filter removed, times its loops
 * (EXPLAIN ANALYZE). The per-row predicate this replaced read every row of enrollments, activities, meetings … (a
 * sequential scan, or the primary key walked in id order) and fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type pg from 'pg'
import { DEMO_ACCOUNTS } from '../../../src/demo'
import { SYNCED_TABLES } from '../../../src/shared/model/tables'
import { createPool } from '../../db/pool'
import { inflate } from '../../demo/inflate'
import { seedServer } from '../../demo/seed-server'
import { createTestDatabase, type TestDatabase } from '../../test/support'
import { snapshotWhere } from './pull'
import { isUnrestricted, loadScope, type Scope } from './scope'
import { TABLES } from './tables'
import { quoteIdent } from '../postgres/quote'

interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Actual Rows': number
  'Actual Loops': number
  'Rows Removed by Filter'?: number
  'Rows Removed by Index Recheck'?: number
  Plans?: PlanNode[]
}

/** Rows read per relation in a plan (produced + filtered out, times loops). */
function rowsRead(node: PlanNode, into = new Map<string, number>()): Map<string, number> {
  const relation = node['Relation Name']
  if (relation) {
    const read = (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)) * node['Actual Loops']
    into.set(relation, (into.get(relation) ?? 0) + read)
  }
  for (const child of node.Plans ?? []) rowsRead(child, into)
  return into
}

describe('snapshot pages of an OPERATOR on a big database', () => {
  let db: TestDatabase
  let pool: pg.Pool
  let scope: Scope
  const counts = new Map<string, number>()

  beforeAll(async () => {
    db = await createTestDatabase()
    pool = createPool(db.url, { max: 2 })
    await seedServer(pool, { seed: 'pull-plan', scale: 2_000 })
    await inflate(pool, { copies: 30, operatorId: DEMO_ACCOUNTS.consultant.id })
    await pool.query('VACUUM ANALYZE')
    scope = (await loadScope(pool, DEMO_ACCOUNTS.consultant.id)).scope
    for (const table of SYNCED_TABLES) {
      const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoteIdent(table)}`)
      counts.set(table, rows[0]!.n)
    }
  }, 240_000)

  afterAll(async () => {
    await pool?.end()
    await db?.drop()
  })

  it('read a small part of each table, not all of it', async () => {
    expect(scope.kind).toBe('principals')
    const tooMuch: string[] = []
    let returned = 0
    for (const table of SYNCED_TABLES) {
      if (isUnrestricted(scope, table)) continue
      const { where, params } = snapshotWhere(table, scope, null)
      const { rows } = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) SELECT ${TABLES.get(table)!.wireSelect('t')} FROM ${quoteIdent(table)} t WHERE ${where} ORDER BY t.id LIMIT 5000`,
        params,
      )
      const plan = rows[0]!['QUERY PLAN'][0].Plan
      returned += plan['Actual Rows']
      for (const [relation, read] of rowsRead(plan)) {
        const total = counts.get(relation) ?? 0
        // The operator holds a 31st of the data at most; a quarter leaves room for parent sets. Tables under 3,000 rows
        // may well be read whole (a sequential scan of a few pages is the cheaper plan there).
        if (total >= 3_000 && read > total / 4) tooMuch.push(`${table}: read ${read} of ${total} rows of ${relation}`)
      }
    }
    expect(returned).toBeGreaterThan(100)
    expect(tooMuch).toEqual([])
  }, 120_000)
})

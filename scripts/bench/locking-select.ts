/**
 * Micro-measurement for scenario 2 (not part of the bench): the push's locking SELECT of 1,000 contacts, whole rows
 * (`t.*`, as row-store.ts loads them) against only the columns an edit of `notes` needs (id, stamps, deleted_at, the
 * owner and scope columns, the edited column), alternated per round on one pooled connection (the server's type
 * parsers), each round rolled back. The ceiling of narrowing the SELECT.
 *
 *   npx tsx scripts/bench/locking-select.ts          # SELECT_ROUNDS=40 SELECT_SCALE=5000
 */
import { readFileSync } from 'node:fs'
import { createPool } from '../../sync-server/db/pool'
import { seedServer } from '../../sync-server/demo/seed-server'
import { createTestDatabase } from '../../sync-server/test/support'

const rounds = Number(process.env.SELECT_ROUNDS ?? 40)
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function main(): Promise<void> {
  const db = await createTestDatabase()
  const pool = createPool(db.url, { max: 1 })
  try {
    await seedServer(pool, { seed: 'bench', scale: Number(process.env.SELECT_SCALE ?? 5000), passwordHash: 'x' })
    await pool.query('ANALYZE')
    const client = await pool.connect()
    const ids = (await client.query<{ id: string }>(`SELECT id FROM contacts ORDER BY random() LIMIT 1000`)).rows.map((r) => r.id).sort()
    console.log(`${ids.length} contacts locked per round`)
    const variants = [
      { name: 't.*', columns: 't.*' },
      { name: 'narrow', columns: 't.id, t.field_hlc, t.deleted_at, t.branch_id, t.created_by, t.notes, t.updated_at, t.updated_by' },
    ]
    const times: number[][] = variants.map(() => [])
    for (let round = 0; round < rounds + 3; round++) {
      for (const v of round % 2 === 0 ? [0, 1] : [1, 0]) {
        await client.query('BEGIN')
        const started = performance.now()
        await client.query(`SELECT ${variants[v]!.columns}, true AS "__in_scope" FROM contacts t WHERE t.id = ANY($1::uuid[]) ORDER BY t.id FOR UPDATE OF t`, [
          ids,
        ])
        const ms = performance.now() - started
        await client.query('ROLLBACK')
        if (round >= 3) times[v]!.push(ms)
      }
    }
    client.release()
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
    for (const [k, v] of variants.entries()) console.log(`${v.name}: median ${median(times[k]!).toFixed(1)} ms over ${rounds} rounds`)
    console.log(`narrow faster in ${times[0]!.filter((t, k) => t > times[1]![k]!).length} of ${rounds} paired rounds; load ${load}`)
  } finally {
    await pool.end()
    await db.drop()
  }
}

await main()

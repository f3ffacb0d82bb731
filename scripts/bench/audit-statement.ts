/**
 * Micro-measurement for scenario 2 (not part of the bench): the push's audit + change_log statement alone, 1,000
 * entries of the bench's mix (creates with every field, two-field edits, deletes), into the current `audit_logs` and
 * into a copy whose `changes` column is the other JSON type (same indexes), alternated per round on one connection,
 * each round rolled back. Prints the median per variant and the load.
 *
 *   npx tsx scripts/bench/audit-statement.ts          # AUDIT_ROUNDS=30
 */
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { createTestDatabase } from '../../sync-server/test/support'
import { CHANGE_LOG_INSERT, changeLogParams, type ChangeLogEntry } from '../../sync-server/src/sync/change-log'

const rounds = Number(process.env.AUDIT_ROUNDS ?? 30)

function entries(): { records: string; log: ChangeLogEntry[] } {
  const out: unknown[] = []
  const log: ChangeLogEntry[] = []
  for (let k = 0; k < 1000; k++) {
    const id = randomUUID()
    let changes: Record<string, { old: unknown; new: unknown }>
    if (k < 500) {
      changes = {
        id: { old: null, new: id },
        branch_id: { old: null, new: randomUUID() },
        last_name: { old: null, new: '김' },
        first_name: { old: null, new: `민수${k}` },
        position: { old: null, new: '과장' },
        department: { old: null, new: '영업부' },
        email: { old: null, new: `kim${k}@example.co.kr` },
        mobile: { old: null, new: '010-1234-5678' },
        phone: { old: null, new: '02-123-4567' },
        notes: { old: null, new: '현장에서 만난 담당자' },
        is_primary: { old: null, new: false },
        created_by: { old: null, new: randomUUID() },
        created_at: { old: null, new: '2026-12-08T02:00:00.000Z' },
        updated_at: { old: null, new: '2026-12-08T02:00:00.000Z' },
      }
    } else if (k < 770)
      changes = { notes: { old: '이전 메모', new: `현장에서 수정 ${k}` }, updated_at: { old: '2026-12-01T00:00:00.000Z', new: '2026-12-08T02:00:00.000Z' } }
    else changes = { deleted_at: { old: null, new: '2026-12-08T02:00:00.000Z' }, deleted_by: { old: null, new: randomUUID() } }
    out.push({ i: randomUUID(), t: 'contacts', r: id, a: k < 500 ? 'CREATE' : k < 770 ? 'UPDATE' : 'DELETE', c: changes })
    log.push({ table: 'contacts', rowId: id, audienceUserId: null, kind: 'change' })
  }
  return { records: JSON.stringify(out), log }
}

const statement = (table: string, type: 'json' | 'jsonb'): string =>
  `WITH audit AS (INSERT INTO ${table} (id, table_name, row_id, action, changes, user_id, device_id, ip_address, user_agent)
    SELECT x.i, x.t, x.r, x.a, x.c, $2::uuid, $3::uuid, $4::text, $5::text FROM ${type}_to_recordset($1::${type}) AS x(i uuid, t text, r uuid, a text, c ${type}))
   ${CHANGE_LOG_INSERT(6)}`

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function main(): Promise<void> {
  const db = await createTestDatabase()
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  try {
    const current = (
      await client.query<{ t: string }>(
        `SELECT format_type(atttypid, atttypmod) AS t FROM pg_attribute WHERE attrelid = 'audit_logs'::regclass AND attname = 'changes'`,
      )
    ).rows[0]!.t as 'json' | 'jsonb'
    const other = current === 'json' ? 'jsonb' : 'json'
    await client.query(`CREATE TABLE audit_other (LIKE audit_logs INCLUDING ALL)`)
    await client.query(`ALTER TABLE audit_other ALTER COLUMN changes TYPE ${other} USING changes::text::${other}`)
    const variants = [
      { name: `audit_logs.changes ${current}`, sql: statement('audit_logs', current) },
      { name: `copy with ${other}`, sql: statement('audit_other', other) },
    ]
    const times: number[][] = variants.map(() => [])
    const actor = [randomUUID(), randomUUID(), '127.0.0.1', 'bench']
    for (let round = 0; round < rounds + 3; round++) {
      const order = round % 2 === 0 ? [0, 1] : [1, 0]
      for (const v of order) {
        const { records, log } = entries()
        await client.query('BEGIN')
        const started = performance.now()
        await client.query(variants[v]!.sql, [records, ...actor, ...changeLogParams(log)])
        const ms = performance.now() - started
        await client.query('ROLLBACK')
        if (round >= 3) times[v]!.push(ms)
      }
    }
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
    for (const [k, v] of variants.entries()) console.log(`${v.name}: median ${median(times[k]!).toFixed(1)} ms over ${rounds} rounds`)
    const faster = times[0]!.filter((t, k) => t > times[1]![k]!).length
    console.log(`the copy (${other}) faster in ${faster} of ${rounds} paired rounds; load ${load}`)
  } finally {
    await client.end()
    await db.drop()
  }
}

await main()

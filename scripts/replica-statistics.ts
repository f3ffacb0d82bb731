/**
 * How long the replica's planner statistics cost (docs/architecture.md § Opening): the demo data at the bench's scale
 * (scenario 5: 100,000) is seeded once into a plain file without statistics; each round takes a fresh copy, opens it
 * (plain, or encrypted as the app does — opening with a key converts the copy) and times `refreshStatistics` there
 * (the first open), on a second open (statistics present) and before closing.
 *
 *   npx tsx scripts/replica-statistics.ts [--scale 100000] [--rounds 3] [--dir /tmp/crm-statistics]
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type Database from 'better-sqlite3'
import { openKeyedDatabase } from '../src/main/db/encryption'
import { openReplica } from '../src/main/db/open'
import { refreshStatistics } from '../src/main/db/statistics'
import { seedDevice } from '../src/main/demo/seed-device'

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '3' }, dir: { type: 'string', default: '/tmp/crm-statistics' } },
})
const scale = Number(values.scale)
const dir = values.dir
mkdirSync(dir, { recursive: true })
const source = path.join(dir, `demo-${scale}.sqlite`)

if (!existsSync(source)) {
  const { sqlite } = openReplica(source)
  seedDevice(sqlite, { seed: 'bench', scale })
  // The seeded file must hold no statistics: the first open below is the one measured.
  sqlite.exec('DROP TABLE IF EXISTS sqlite_stat1')
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.close()
}

const timed = (run: () => void): number => {
  const start = performance.now()
  run()
  return performance.now() - start
}
const rows = (sqlite: Database.Database): number =>
  (
    sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`)
      .pluck()
      .all() as string[]
  )
    .map((name) => sqlite.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number)
    .reduce((a, b) => a + b, 0)

for (let round = 1; round <= Number(values.rounds); round++) {
  for (const encrypted of [false, true]) {
    const copy = path.join(dir, 'copy.sqlite')
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true })
    copyFileSync(source, copy)
    const key = encrypted ? randomBytes(32) : undefined
    let sqlite = openKeyedDatabase(copy, key)
    const total = rows(sqlite)
    const first = timed(() => refreshStatistics(sqlite))
    const analysed = sqlite.prepare('SELECT count(*) FROM sqlite_stat1').pluck().get() as number
    const close = timed(() => refreshStatistics(sqlite))
    sqlite.close()
    sqlite = openKeyedDatabase(copy, key)
    const reopen = timed(() => refreshStatistics(sqlite))
    sqlite.close()
    const ms = (value: number): string => `${value.toFixed(1)} ms`
    console.log(
      `round ${round} ${encrypted ? 'encrypted' : 'plain    '}: ${total} rows, first open ${ms(first)} (${analysed} sqlite_stat1 rows), before close ${ms(close)}, next open ${ms(reopen)}`,
    )
  }
}

/**
 * Bench-only preload for the spawned server (server-process.ts, BENCH_QUERY_COUNTS=<file>): counts the statements the
 * server sends to PostgreSQL, by their text (or prepared name), and writes them, most frequent first, to <file> when
 * the process exits or gets SIGUSR2. Plain JavaScript: node loads it before tsx's loader is registered.
 * pg_stat_statements would need a PostgreSQL restart (shared_preload_libraries).
 */
import { writeFileSync } from 'node:fs'
import process from 'node:process'
import pg from 'pg'

const counts = new Map()
const query = pg.Client.prototype.query
pg.Client.prototype.query = function countedQuery(config, values, callback) {
  const text = typeof config === 'string' ? config : `${config?.name ? `[${config.name}] ` : ''}${config?.text ?? ''}`
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 120)
  counts.set(key, (counts.get(key) ?? 0) + 1)
  return query.call(this, config, values, callback)
}
const dump = () =>
  writeFileSync(
    process.env.BENCH_QUERY_COUNTS,
    JSON.stringify(
      [...counts].sort((a, b) => b[1] - a[1]),
      null,
      1,
    ),
  )
process.on('exit', dump)
process.on('SIGUSR2', dump)

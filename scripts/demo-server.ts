/**
 * Fills a sync-server database with demo data, after applying the migrations:
 *
 *   npm run demo:server -- --database-url postgres://postgres@127.0.0.1:5432/crm --scale 100000 --seed 42
 *
 * Options: --password <p> (default: the documented demo password) gives the demo accounts credentials;
 * --no-credentials skips them; --reference-time <ISO> anchors the data to another "now". DATABASE_URL is used when
 * --database-url is absent. The database must have no customer data yet. Prints rows per table and the time taken.
 */
import { parseArgs } from 'node:util'
import { migrateServer } from '../sync-server/db/migrate'
import { createPool } from '../sync-server/db/pool'
import { seedServer } from '../sync-server/demo/seed-server'
import { hashPassword } from '../sync-server/src/auth/password'
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNT_LIST } from '../src/demo'
import { formatDemoCounts } from '../src/demo/report'

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    scale: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    password: { type: 'string' },
    'no-credentials': { type: 'boolean', default: false },
    'reference-time': { type: 'string' },
  },
})

const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL
if (!databaseUrl) {
  console.error('Usage: tsx scripts/demo-server.ts --database-url <postgres url> [--scale N] [--seed S] [--password P | --no-credentials]')
  process.exit(2)
}

async function main(url: string): Promise<void> {
  const started = performance.now()
  await migrateServer(url)
  const migratedMs = performance.now() - started
  const password = values['no-credentials'] ? null : (values.password ?? DEFAULT_DEMO_PASSWORD)
  const passwordHash = password === null ? undefined : await hashPassword(password)
  const pool = createPool(url, { max: 2 })
  try {
    const result = await seedServer(pool, {
      seed: values.seed,
      scale: Number(values.scale),
      ...(values['reference-time'] ? { referenceTime: values['reference-time'] } : {}),
      ...(passwordHash ? { passwordHash } : {}),
    })
    console.log(`Seeded ${new URL(url).pathname.slice(1)} (seed ${values.seed}, scale ${values.scale}); migrations ${(migratedMs / 1000).toFixed(2)} s:`)
    console.log(formatDemoCounts(result.counts, result.elapsedMs))
    console.log(`  change_log entries: ${result.changeLogEntries.toLocaleString('en-US')}`)
    if (result.credentials > 0) {
      console.log(`Demo accounts (password "${password}"): ${DEMO_ACCOUNT_LIST.map((a) => `${a.email} (${a.tier})`).join(', ')}`)
    }
  } finally {
    await pool.end()
  }
}

main(databaseUrl).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

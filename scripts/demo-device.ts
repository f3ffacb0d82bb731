/**
 * Fills a device replica with demo data (offline, no server):
 *
 *   npm run demo:device -- --file .tmp/demo.sqlite --scale 10000 --seed 42 [--reference-time 2026-11-25T00:00:00Z]
 *
 * The file is created (and migrated) if missing; an existing replica must have no synced rows. Same seed and scale →
 * the same rows, ids included. Prints rows per table and the time taken. The replica is encrypted as the app's is,
 * with the key in `<file>.key` (0600) — the web harness finds it there (`CRM_DB=<file> npm run dev:web`).
 */
import { parseArgs } from 'node:util'
import { openReplica } from '../src/main/db/open'
import { replicaKeyFor } from '../src/main/db/encryption'
import { createFileKeyStore, keyFileBeside } from '../src/main/db/replica-key'
import { seedDevice } from '../src/main/demo/seed-device'
import { formatDemoCounts } from '../src/demo/report'
import { DEMO_ACCOUNT_LIST } from '../src/demo'

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    scale: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    'reference-time': { type: 'string' },
  },
})

if (!values.file) {
  console.error('Usage: tsx scripts/demo-device.ts --file <replica.sqlite> [--scale N] [--seed S] [--reference-time ISO]')
  process.exit(2)
}

const started = performance.now()
const { sqlite } = openReplica(values.file, { key: replicaKeyFor(values.file, createFileKeyStore(keyFileBeside(values.file))) })
try {
  const result = seedDevice(sqlite, {
    seed: values.seed,
    scale: Number(values.scale),
    ...(values['reference-time'] ? { referenceTime: values['reference-time'] } : {}),
  })
  console.log(`Seeded ${values.file} (seed ${values.seed}, scale ${values.scale}):`)
  console.log(formatDemoCounts(result.counts, result.elapsedMs))
  console.log(`  including open and migrate: ${((performance.now() - started) / 1000).toFixed(2)} s`)
  console.log(`Demo accounts: ${DEMO_ACCOUNT_LIST.map((a) => `${a.email} (${a.tier})`).join(', ')}`)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  sqlite.close()
}

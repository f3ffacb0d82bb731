/** What every scenario gets: a scratch directory, its own Redis prefix and fresh PostgreSQL databases. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { createTestDatabase, createTestRedisPrefix, TEST_PG_ADMIN_URL, type TestDatabase } from '../../sync-server/test/support'

export interface BenchEnv {
  readonly dir: string
  readonly redisPrefix: string
  /** A fresh, migrated database (dropped by the scenario that asked for it). */
  database(): Promise<TestDatabase>
  close(): Promise<void>
}

export function createBenchEnv(): BenchEnv {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-'))
  const redis = createTestRedisPrefix()
  return {
    dir,
    redisPrefix: redis.prefix,
    database: () => createTestDatabase(),
    async close() {
      await redis.cleanup().catch(() => undefined)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function postgresVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL })
  await client.connect()
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version')
    return rows[0]?.server_version ?? 'unknown'
  } finally {
    await client.end()
  }
}

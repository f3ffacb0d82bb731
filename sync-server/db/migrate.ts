/**
 * Applies the generated PostgreSQL migrations (drizzle/pg). Every server instance may call this at start-up: a
 * session-level advisory lock makes concurrent callers wait for the first one, and then find nothing left to apply.
 */
import { fileURLToPath } from 'node:url'
import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'

/** Default: <repo>/drizzle/pg, resolved from this file so it works from any working directory. */
export const PG_MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle/pg', import.meta.url))

/** Arbitrary but fixed: the same key in every instance ("crm-augu migrations"). */
export const MIGRATION_LOCK_KEY = 0x637a6d69

export interface MigrateOptions {
  readonly migrationsFolder?: string
}

export async function migrateServer(databaseUrl: string, options: MigrateOptions = {}): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    // Blocks until any other instance's migration has finished (its lock is released on unlock or disconnect).
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    try {
      await migrate(drizzle(client), { migrationsFolder: options.migrationsFolder ?? PG_MIGRATIONS_FOLDER })
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
    }
  } finally {
    await client.end()
  }
}

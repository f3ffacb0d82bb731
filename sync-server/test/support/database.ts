/**
 * A fresh, migrated PostgreSQL database per test file, so files run in parallel without seeing each other's rows.
 * Admin connection: TEST_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 *
 * Migrating a new database costs 1–2.5 s on the 2-core CI machine and about 50 test files need one; copying a
 * database that is already migrated (CREATE DATABASE … TEMPLATE) costs a fraction of that. The template is built once
 * per set of migrations (its name carries a hash of drizzle/pg), by whichever test process gets there first.
 */
import { createHash, randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { migrateServer, PG_MIGRATIONS_FOLDER } from '../../db/migrate'

export const TEST_PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export interface TestDatabase {
  /** Connection URL of the new database. */
  readonly url: string
  readonly name: string
  /** Drops the database (terminating any connection still open to it). Safe to call twice. */
  drop(): Promise<void>
}

export interface CreateTestDatabaseOptions {
  /** Run migrateServer on it (default true). False gives an empty database, e.g. to test `migrate` itself. */
  readonly migrate?: boolean
}

function databaseUrl(name: string): string {
  const url = new URL(TEST_PG_ADMIN_URL)
  url.pathname = `/${name}`
  return url.toString()
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** Every file the migrator reads (SQL and meta/_journal.json): another set of migrations gets another template. */
function migrationsFingerprint(folder = PG_MIGRATIONS_FOLDER): string {
  const hash = createHash('sha256')
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else hash.update(path.relative(folder, file)).update('\0').update(readFileSync(file)).update('\0')
    }
  }
  walk(folder)
  return hash.digest('hex').slice(0, 16)
}

/** Test processes of one run (and of other checkouts on the machine) build a template one at a time. */
const TEMPLATE_LOCK_KEY = 0x63746d70 // "ctmp"
let template: Promise<string> | undefined

/**
 * The name of a database holding exactly what migrateServer leaves in a fresh one, built if missing. It is marked
 * IS_TEMPLATE only once fully migrated (a half-built one left by a killed run is rebuilt) and refuses connections, so
 * no session can ever hold it and make a concurrent CREATE DATABASE … TEMPLATE fail.
 */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const name = `crm_test_tpl_${migrationsFingerprint()}`
    await admin(async (client) => {
      // Session-level advisory lock on the admin database: every test process connects there to create databases.
      await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY])
      try {
        const { rows } = await client.query<{ ready: boolean }>('SELECT datistemplate AS ready FROM pg_database WHERE datname = $1', [name])
        if (rows[0]?.ready) return
        if (rows.length > 0) await client.query(`DROP DATABASE ${name} WITH (FORCE)`)
        await client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`)
        await migrateServer(databaseUrl(name))
        await client.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`)
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY])
      }
    })
    return name
  })()
  // A failure (PostgreSQL down) is not remembered: the next file tries again and reports its own error.
  template.catch(() => (template = undefined))
  return template
}

export async function createTestDatabase({ migrate = true }: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  // Lower-case letters, digits and _ only: the name is interpolated into DDL (identifiers cannot be parameters).
  const name = `crm_test_${Date.now().toString(36)}_${process.pid}_${randomBytes(4).toString('hex')}`
  // template0 for an empty database: concurrent CREATE DATABASE from template1 fails while anyone is connected to
  // template1. A migrated one is a copy of the migrated template (nobody can connect to it, see migratedTemplate).
  const source = migrate ? await migratedTemplate() : 'template0'
  await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${source} ENCODING 'UTF8'`))
  const url = databaseUrl(name)
  let dropped = false
  const drop = async (): Promise<void> => {
    if (dropped) return
    dropped = true
    await admin(async (client) => {
      // pg's Pool.end() resolves before its sockets are gone; forcing the drop over a closing session makes PostgreSQL
      // send it 57P01, which surfaces as an unhandled error in the test run. Wait (briefly) for the sessions to leave.
      for (let i = 0; i < 40; i++) {
        const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [name])
        if ((rows[0]?.n ?? 0) === 0) break
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    })
  }
  return { url, name, drop }
}

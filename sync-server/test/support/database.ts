/**
 * A fresh, migrated PostgreSQL database per test file, so files run in parallel without seeing each other's rows.
 * Admin connection: TEST_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { migrateServer } from '../../db/migrate'

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

export async function createTestDatabase({ migrate = true }: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  // Lower-case letters, digits and _ only: the name is interpolated into DDL (identifiers cannot be parameters).
  const name = `crm_test_${Date.now().toString(36)}_${process.pid}_${randomBytes(4).toString('hex')}`
  // template0: concurrent CREATE DATABASE from template1 fails while anyone is connected to template1.
  await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`))
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
  if (migrate) {
    try {
      await migrateServer(url)
    } catch (error) {
      await drop()
      throw error
    }
  }
  return { url, name, drop }
}

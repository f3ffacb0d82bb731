/** Run `fn` in one PostgreSQL transaction on a pooled client: commit on success, roll back on throw. */
import type { Pool, PoolClient } from 'pg'

export type Queryable = Pick<PoolClient, 'query'>

export async function withTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await fn(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

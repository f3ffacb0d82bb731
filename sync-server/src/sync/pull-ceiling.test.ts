/**
 * Someone else's long transaction does not freeze everyone's sync (issue 12). The pull ceiling is bounded by what can
 * still commit into THIS database (pull.ts CEILING_SQL), a page held back behind a transaction of this database says
 * `behind: true`, the lag is a metric, and the late-commit guarantee holds in both interleavings (a writer whose id
 * was assigned before the ceiling was read and commits before the page is read; a writer that gets its id after).
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PullResponse } from '../../../src/shared/sync/protocol'
import { createTestDatabase, type TestDatabase } from '../../test/support'
import { pull, pullLagSeconds } from './pull'
import { pullWhileBehind } from '../../test/support/pull-while-behind'
import { companyFields, newId, signedInDevice, startSyncTestEnv, type SyncTestEnv, type TestDevice } from '../../test/support/sync-kit'

let env: SyncTestEnv
let elsewhere: TestDatabase

beforeAll(async () => {
  env = await startSyncTestEnv()
  elsewhere = await createTestDatabase({ migrate: false })
})
afterAll(async () => {
  await env?.close()
  await elsewhere?.drop()
})

async function company(device: TestDevice): Promise<string> {
  const id = newId()
  const { body } = await device.push([device.mutation({ table: 'companies', id, fields: companyFields(device.userId) })])
  expect(body.results[0]!.status).toBe('applied')
  return id
}

/** A writer of this database outside the server: renames a company and logs it, in a transaction left open. */
async function openWriter(): Promise<{ client: pg.Client; write(id: string, name: string): Promise<bigint>; commit(): Promise<void> }> {
  const client = new pg.Client({ connectionString: env.databaseUrl })
  await client.connect()
  await client.query('BEGIN')
  return {
    client,
    async write(id, name) {
      await client.query(`UPDATE companies SET name = $2 WHERE id = $1`, [id, name])
      await client.query(`INSERT INTO change_log (table_name, row_id) VALUES ('companies', $1)`, [id])
      const { rows } = await client.query<{ x: string }>('SELECT pg_current_xact_id()::text AS x')
      return BigInt(rows[0]!.x)
    },
    async commit() {
      await client.query('COMMIT')
      await client.end()
    },
  }
}

const cursorTxid = (cursor: string): bigint => BigInt(JSON.parse(Buffer.from(cursor, 'base64url').toString()).txid)

describe('the pull ceiling', () => {
  it('is not held back by a transaction open in another database of the same server', async () => {
    const writer = await signedInDevice(env, 'EXECUTIVE')
    const reader = await signedInDevice(env, 'EXECUTIVE')
    await reader.sync()
    const other = new pg.Client({ connectionString: elsewhere.url })
    await other.connect()
    try {
      // Another application's batch job: an INSERT in its own database, left open (it holds a transaction id).
      await other.query('BEGIN')
      await other.query('CREATE TABLE batch_job (n int)')
      await other.query('INSERT INTO batch_job VALUES (1)')
      const id = await company(writer)
      const pages = await reader.syncNow()
      expect(pages.flatMap((p) => p.changes).map((c) => c.id)).toContain(id)
      expect(pages.at(-1)!.hasMore).toBe(false)
      expect(pages.at(-1)!.behind).toBeUndefined()
      expect(await pullLagSeconds(env.pool)).toBe(0)
    } finally {
      await other.query('ROLLBACK').catch(() => undefined)
      await other.end()
    }
  })

  it('stops short behind a transaction of this database, says so (behind), and reports the lag until it ends', async () => {
    const writer = await signedInDevice(env, 'EXECUTIVE')
    const reader = await signedInDevice(env, 'EXECUTIVE')
    const held = await company(writer)
    await reader.sync()
    const open = await openWriter()
    try {
      await open.write(held, '오래 열린 트랜잭션')
      const later = await company(writer)
      await new Promise((resolve) => setTimeout(resolve, 1_100))
      const page = (await reader.syncNow()).at(-1)!
      expect(page.hasMore).toBe(false)
      expect(page.behind).toBe(true)
      expect(reader.replica.get('companies')?.has(later)).toBe(false)
      expect(await pullLagSeconds(env.pool)).toBeGreaterThan(1)
    } finally {
      await open.commit()
    }
    const after = await reader.syncNow()
    expect(after.at(-1)!.behind).toBeUndefined()
    expect(reader.row('companies', held)?.name).toBe('오래 열린 트랜잭션')
    expect(await pullLagSeconds(env.pool)).toBe(0)
  })

  it('never skips a late commit: a writer whose id predates the ceiling and commits before the page is read', async () => {
    const exec = await signedInDevice(env, 'EXECUTIVE')
    const id = await company(exec)
    await exec.sync()
    const open = await openWriter()
    const txid = await open.write(id, '천장 뒤 커밋')
    const body = JSON.parse(
      await pull(env.pool, { userId: exec.userId, cursor: exec.cursor, limit: 1_000 }, undefined, {
        // Between reading the ceiling and reading the log: the writer commits.
        afterCeiling: () => open.commit(),
      }),
    ) as PullResponse
    const delivered = body.changes.some((c) => c.id === id && c.row.name === '천장 뒤 커밋')
    // Either delivered now, or the cursor has not passed it (so the next pull delivers it).
    expect(delivered || cursorTxid(body.cursor) <= txid).toBe(true)
    expect(delivered).toBe(false)
    // The next pulls deliver it (a device keeps pulling while an answer says `behind`; one pull may not be enough on a
    // shared server: pull-while-behind.ts).
    const next = await pullWhileBehind(env.pool, { userId: exec.userId, cursor: body.cursor, limit: 1_000 })
    expect(next.flatMap((page) => page.changes).some((c) => c.id === id && c.row.name === '천장 뒤 커밋')).toBe(true)
  })

  it('never skips a late commit: a writer that gets its id after the ceiling was read', async () => {
    const exec = await signedInDevice(env, 'EXECUTIVE')
    const id = await company(exec)
    await exec.sync()
    let txid = 0n
    const body = JSON.parse(
      await pull(env.pool, { userId: exec.userId, cursor: exec.cursor, limit: 1_000 }, undefined, {
        afterCeiling: async () => {
          const open = await openWriter()
          txid = await open.write(id, '천장 뒤 시작')
          await open.commit()
        },
      }),
    ) as PullResponse
    expect(cursorTxid(body.cursor)).toBeLessThanOrEqual(txid)
    expect(body.behind).toBe(true)
    const next = await pullWhileBehind(env.pool, { userId: exec.userId, cursor: body.cursor, limit: 1_000 })
    expect(next.flatMap((page) => page.changes).some((c) => c.id === id && c.row.name === '천장 뒤 시작')).toBe(true)
  })
})

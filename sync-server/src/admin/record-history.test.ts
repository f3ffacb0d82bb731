/**
 * A record's history for whoever can see the record: the company's own consultant reads who changed it and when; a
 * colleague whose scope does not hold it is refused, as for a record that does not exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { companyFields, newId, signedInDevice, startSyncTestEnv, type SyncTestEnv } from '../../test/support/sync-kit'

let env: SyncTestEnv
beforeAll(async () => {
  env = await startSyncTestEnv()
})
afterAll(async () => {
  await env?.close()
})

const history = (headers: Record<string, string>, query: string) => fetch(`${env.server.url}/v1/records/history?${query}`, { headers })

describe('GET /v1/records/history', () => {
  it("answers the record's audit entries, newest first, only to users whose scope holds it", async () => {
    const owner = await signedInDevice(env, 'OPERATOR')
    const other = await signedInDevice(env, 'OPERATOR')
    const company = newId()
    await owner.push([owner.mutation({ table: 'companies', id: company, fields: companyFields(owner.userId, { name: '이력상사' }) })])
    await owner.push([owner.mutation({ table: 'companies', id: company, fields: { name: '이력상사(주)' } })])

    const response = await history(owner.headers, `table=companies&rowId=${company}`)
    expect(response.status).toBe(200)
    const page = (await response.json()) as {
      entries: { action: string; changes: Record<string, { old: unknown; new: unknown }> }[]
      nextBefore: string | null
    }
    expect(page.entries.map((e) => e.action)).toEqual(['UPDATE', 'CREATE'])
    expect(page.entries[0]!.changes.name).toEqual({ old: '이력상사', new: '이력상사(주)' })

    expect((await history(other.headers, `table=companies&rowId=${company}`)).status).toBe(403)
    expect((await history(owner.headers, `table=companies&rowId=${newId()}`)).status).toBe(403)
    expect((await history(owner.headers, `table=user_credentials&rowId=${company}`)).status).toBe(400)
    expect((await fetch(`${env.server.url}/v1/records/history?table=companies&rowId=${company}`)).status).toBe(401)
  })
})

/**
 * Session (차수) and class (분반) numbers are labels a person can fix, not keys: two coordinators offline may both
 * create "1차" of the same project, and the server keeps both (the app flags the clash; docs/hrd-training-rules.md).
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

describe('session and class numbers', () => {
  it('keeps two sessions and two classes with the same number created on two devices', async () => {
    const a = await signedInDevice(env, 'EXECUTIVE')
    const b = await signedInDevice(env, 'EXECUTIVE')
    const [company, project] = [newId(), newId()]
    await a.push([
      a.mutation({ table: 'companies', id: company, fields: companyFields(a.userId) }),
      a.mutation({ table: 'projects', id: project, fields: { code: `P-${project.slice(-8)}`, name: '리더십 과정', company_id: company } }),
    ])
    const session = (device: typeof a, id: string) =>
      device.mutation({ table: 'training_sessions', id, fields: { project_id: project, session_number: 1, start_date: '2026-12-01', end_date: '2026-12-02' } })
    const klass = (device: typeof a, id: string, sessionId: string) =>
      device.mutation({
        table: 'training_classes',
        id,
        fields: { session_id: sessionId, class_number: 1, date: '2026-12-01', start_time: '09:00', end_time: '12:00' },
      })
    const [sa, sb, ca, cb] = [newId(), newId(), newId(), newId()]
    const pushedA = await a.push([session(a, sa), klass(a, ca, sa)])
    const pushedB = await b.push([session(b, sb), klass(b, cb, sa)])
    expect([...pushedA.body.results, ...pushedB.body.results].map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied'])
    const { rows } = await env.pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM training_sessions WHERE project_id = $1 AND session_number = 1`, [
      project,
    ])
    expect(rows[0]!.n).toBe('2')
    const classes = await env.pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM training_classes WHERE session_id = $1 AND class_number = 1`, [sa])
    expect(classes.rows[0]!.n).toBe('2')
  })
})

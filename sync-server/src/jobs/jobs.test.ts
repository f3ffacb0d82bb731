import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../../src/shared/sync/protocol'
import { archiveFinished } from './archive'
import { collectGarbage } from './gc'
import { companyFields, newId, opportunityFields, postJson, signedInDevice, startSyncTestEnv, type SyncTestEnv } from '../../test/support/sync-kit'

let env: SyncTestEnv
beforeAll(async () => {
  env = await startSyncTestEnv()
})
afterAll(async () => {
  await env?.close()
})

/** Pretend everything logged so far happened `days` ago (and stamp no field newer). */
async function age(days: number): Promise<void> {
  await env.pool.query(`UPDATE change_log SET created_at = now() - $1 * interval '1 day'`, [days])
}

describe('gc --horizon-days', () => {
  it('deletes old tombstones and change-log entries; a cursor older than the horizon gets 410 and a full re-sync works', async () => {
    const writer = await signedInDevice(env, 'EXECUTIVE')
    const stale = await signedInDevice(env, 'EXECUTIVE')
    await stale.sync()
    const staleCursor = stale.cursor

    const [keep, drop] = [newId(), newId()]
    const created = await writer.push([
      writer.mutation({ table: 'companies', id: keep, fields: companyFields(writer.userId) }),
      writer.mutation({ table: 'companies', id: drop, fields: companyFields(writer.userId) }),
    ])
    expect(created.body.results.map((r) => r.status)).toEqual(['applied', 'applied'])
    await writer.push([writer.mutation({ table: 'companies', id: drop, op: 'delete' })])
    const current = await signedInDevice(env, 'EXECUTIVE')
    await current.sync()

    await env.pool.query(`UPDATE companies SET deleted_at = now() - interval '40 days' WHERE id = $1`, [drop])
    await age(40)
    const result = await collectGarbage(env.pool, { horizonDays: 30, batchSize: 2 })
    expect(result.tombstones.companies).toBe(1)
    expect(result.changeLog).toBeGreaterThanOrEqual(3)
    expect(result.floor).not.toBeNull()
    expect((await env.pool.query(`SELECT 1 FROM companies WHERE id = $1`, [drop])).rowCount).toBe(0)
    expect((await env.pool.query(`SELECT 1 FROM change_log WHERE created_at < now() - interval '30 days'`)).rowCount).toBe(0)

    // A device that pulled after the collected entries continues as usual.
    await writer.push([writer.mutation({ table: 'companies', id: keep, fields: { name: '새 이름' } })])
    await current.sync()
    expect(current.row('companies', keep)?.name).toBe('새 이름')

    // A device whose cursor predates the collected entries is told to start over …
    const answer = await postJson<{ error: { code: string } }>(
      `${env.server.url}/v1/sync/pull`,
      { deviceId: stale.deviceId, schemaVersion: SCHEMA_VERSION, cursor: staleCursor },
      stale.headers,
    )
    expect(answer.status).toBe(410)
    expect(answer.body.error.code).toBe('resync_required')
    // … and a pull from cursor null gives it the current state.
    stale.cursor = null
    await stale.sync()
    expect(stale.row('companies', keep)?.name).toBe('새 이름')
    expect(stale.row('companies', drop)).toBeUndefined()

    // Metrics count the 410 (loopback client, no METRICS_TOKEN configured).
    const metrics = await (await fetch(`${env.server.url}/metrics`)).text()
    expect(metrics).toMatch(/^crm_sync_resync_required_total 1$/m)
  })

  it('keeps a tombstone another row still references', async () => {
    const writer = await signedInDevice(env, 'EXECUTIVE')
    const company = newId()
    const opportunity = newId()
    await writer.push([
      writer.mutation({ table: 'companies', id: company, fields: companyFields(writer.userId) }),
      writer.mutation({ table: 'opportunities', id: opportunity, fields: opportunityFields(company, writer.userId) }),
    ])
    await env.pool.query(`UPDATE companies SET deleted_at = now() - interval '40 days' WHERE id = $1`, [company])
    const result = await collectGarbage(env.pool, { horizonDays: 30 })
    expect(result.kept).toBeGreaterThanOrEqual(1)
    expect((await env.pool.query(`SELECT 1 FROM companies WHERE id = $1`, [company])).rowCount).toBe(1)
  })
})

describe('after a restore (docs/operations.md § Backups)', () => {
  it('raising the gc floor to now makes every existing cursor re-sync, and fresh cursors work', async () => {
    const device = await signedInDevice(env, 'EXECUTIVE')
    await device.sync()
    const old = device.cursor
    await env.pool.query(
      `INSERT INTO sync_gc_state (id, floor_txid, floor_id, horizon) VALUES (1, pg_current_xact_id(), 9223372036854775807, now())
       ON CONFLICT (id) DO UPDATE SET floor_txid = EXCLUDED.floor_txid, floor_id = EXCLUDED.floor_id, horizon = now(), collected_at = now()`,
    )
    const answer = await postJson(`${env.server.url}/v1/sync/pull`, { deviceId: device.deviceId, schemaVersion: SCHEMA_VERSION, cursor: old }, device.headers)
    expect(answer.status).toBe(410)
    device.cursor = null
    await device.sync()
    expect(
      (await postJson(`${env.server.url}/v1/sync/pull`, { deviceId: device.deviceId, schemaVersion: SCHEMA_VERSION, cursor: device.cursor }, device.headers))
        .status,
    ).toBe(200)
  })
})

describe('archive --older-than-days', () => {
  it('moves finished rows into the archive tables in batches, skips rows with recent edits, and devices remove them', async () => {
    const writer = await signedInDevice(env, 'EXECUTIVE')
    const company = newId()
    const [closed, recent, open, history] = [newId(), newId(), newId(), newId()]
    const activities = Array.from({ length: 5 }, () => newId())
    const longAgo = new Date(Date.now() - 400 * 86_400_000)
    const day = longAgo.toISOString().slice(0, 10)
    const pushed = await writer.push([
      writer.mutation({ table: 'companies', id: company, fields: companyFields(writer.userId) }),
      writer.mutation({ table: 'opportunities', id: closed, fields: opportunityFields(company, writer.userId) }),
      writer.mutation({ table: 'opportunities', id: recent, fields: opportunityFields(company, writer.userId) }),
      writer.mutation({ table: 'opportunities', id: open, fields: opportunityFields(company, writer.userId) }),
      writer.mutation({
        table: 'opportunity_stage_history',
        id: history,
        fields: { opportunity_id: closed, from_stage: 'QUALIFYING', to_stage: 'CLOSED_WON', changed_by: writer.userId, changed_at: longAgo.toISOString() },
      }),
      ...activities.map((id) =>
        writer.mutation({
          table: 'activities',
          id,
          fields: { entity_type: 'COMPANY', entity_id: company, activity_type: 'CALL', start_time: longAgo.toISOString() },
        }),
      ),
    ])
    expect(pushed.body.results.every((r) => r.status === 'applied')).toBe(true)
    // Closed long ago (straight in the database, with no field stamps newer than back then).
    await env.pool.query(`UPDATE opportunities SET stage = 'CLOSED_WON', actual_close_date = $2::date, field_hlc = '{}' WHERE id = ANY($1::uuid[])`, [
      [closed, recent],
      day,
    ])
    await env.pool.query(`UPDATE activities SET field_hlc = '{}' WHERE id = ANY($1::uuid[])`, [activities])
    await env.pool.query(`UPDATE opportunity_stage_history SET field_hlc = '{}' WHERE id = $1`, [history])
    await age(400)
    // A recent edit of `recent`: a device may still hold more of the same.
    await writer.push([writer.mutation({ table: 'opportunities', id: recent, fields: { description: '아직 편집 중' } })])

    const reader = await signedInDevice(env, 'EXECUTIVE')
    await reader.sync()
    expect(reader.row('opportunities', closed)).toBeDefined()
    expect(reader.row('opportunity_stage_history', history)).toBeDefined()

    // Two instances at once: every row is archived exactly once.
    const [a, b] = await Promise.all([
      archiveFinished(env.pool, { olderThanDays: 180, batchSize: 2 }),
      archiveFinished(env.pool, { olderThanDays: 180, batchSize: 2 }),
    ])
    expect(a.activities.archived + b.activities.archived).toBe(5)
    expect(a.opportunities.archived + b.opportunities.archived).toBe(1)

    const live = await env.pool.query<{ id: string }>(`SELECT id FROM opportunities WHERE id = ANY($1::uuid[])`, [[closed, recent, open]])
    expect(live.rows.map((r) => r.id).sort()).toEqual([recent, open].sort())
    const archived = await env.pool.query<{ id: string; stage: string; archived_at: string }>(`SELECT id, stage, archived_at FROM archive_opportunities`)
    expect(archived.rows).toEqual([{ id: closed, stage: 'CLOSED_WON', archived_at: expect.any(String) }])
    expect((await env.pool.query(`SELECT 1 FROM archive_activities WHERE id = ANY($1::uuid[])`, [activities])).rowCount).toBe(5)
    // The stage history went with its opportunity.
    expect((await env.pool.query(`SELECT 1 FROM opportunity_stage_history WHERE id = $1`, [history])).rowCount).toBe(0)
    expect((await env.pool.query(`SELECT opportunity_id FROM archive_opportunity_stage_history WHERE id = $1`, [history])).rows).toEqual([
      { opportunity_id: closed },
    ])

    const pages = await reader.sync()
    const removed = pages.flatMap((p) => p.removed).map((r) => r.id)
    expect(removed).toEqual(expect.arrayContaining([closed, history, ...activities]))
    expect(reader.row('opportunity_stage_history', history)).toBeUndefined()
    expect(reader.row('opportunities', closed)).toBeUndefined()
    expect(reader.row('opportunities', recent)).toBeDefined()

    // Resumable and idempotent: nothing left to do.
    const again = await archiveFinished(env.pool, { olderThanDays: 180 })
    expect(again.opportunities.archived + again.activities.archived + again.projects.archived).toBe(0)
  })
  it('archives a finished project with its whole tree, keeps the trainees, and keeps a project whose class was edited recently', async () => {
    const writer = await signedInDevice(env, 'EXECUTIVE')
    const company = newId()
    const longAgo = new Date(Date.now() - 400 * 86_400_000)
    const day = longAgo.toISOString().slice(0, 10)
    const trainee = newId()
    const tree = (tag: string) => ({
      project: newId(),
      member: newId(),
      session: newId(),
      klass: newId(),
      enrollment: newId(),
      attendance: newId(),
      feedback: newId(),
      tag,
    })
    const done = tree('done')
    const busy = tree('busy')
    const mutations = (t: ReturnType<typeof tree>) => [
      writer.mutation({
        table: 'projects',
        id: t.project,
        fields: { code: `P-ARCH-${t.tag}-${t.project.slice(-6)}`, name: `보관 ${t.tag}`, company_id: company, status: 'COMPLETED', end_date: day },
      }),
      writer.mutation({ table: 'project_team_members', id: t.member, fields: { project_id: t.project, user_id: writer.userId, role: 'PROJECT_MANAGER' } }),
      writer.mutation({ table: 'training_sessions', id: t.session, fields: { project_id: t.project, session_number: 1, start_date: day, end_date: day } }),
      writer.mutation({
        table: 'training_classes',
        id: t.klass,
        fields: { session_id: t.session, class_number: 1, date: day, start_time: '09:00', end_time: '18:00' },
      }),
      writer.mutation({ table: 'enrollments', id: t.enrollment, fields: { class_id: t.klass, trainee_id: trainee, status: 'CONFIRMED' } }),
      writer.mutation({
        table: 'attendance_records',
        id: t.attendance,
        fields: { class_id: t.klass, trainee_id: trainee, status: 'PRESENT', recorded_by: writer.userId },
      }),
      writer.mutation({
        table: 'training_feedback',
        id: t.feedback,
        fields: { session_id: t.session, class_id: t.klass, trainee_id: trainee, overall_rating: 4.5 },
      }),
    ]
    const pushed = await writer.push([
      writer.mutation({ table: 'companies', id: company, fields: companyFields(writer.userId) }),
      writer.mutation({ table: 'trainees', id: trainee, fields: { company_id: company, last_name: '박', first_name: '지호' } }),
      ...mutations(done),
      ...mutations(busy),
    ])
    expect(pushed.body.results.filter((r) => r.status !== 'applied')).toEqual([])
    const parts = [
      'projects',
      'project_team_members',
      'training_sessions',
      'training_classes',
      'enrollments',
      'attendance_records',
      'training_feedback',
      'trainees',
    ]
    for (const table of parts) await env.pool.query(`UPDATE "${table}" SET field_hlc = '{}'`)
    await age(400)
    // A coordinator corrected a mark of the other project's class this week: its tree stays live.
    await writer.push([writer.mutation({ table: 'attendance_records', id: busy.attendance, fields: { remarks: '지각 정정' } })])

    const reader = await signedInDevice(env, 'EXECUTIVE')
    await reader.sync()
    expect(reader.row('training_classes', done.klass)).toBeDefined()

    const result = await archiveFinished(env.pool, { olderThanDays: 180 })
    expect(result.projects).toEqual({ archived: 1, kept: 0 })
    const ids = (t: ReturnType<typeof tree>) => [t.project, t.member, t.session, t.klass, t.enrollment, t.attendance, t.feedback]
    const archivedIds = async (): Promise<string[]> => {
      const rows: string[] = []
      for (const table of parts.slice(0, 7)) rows.push(...(await env.pool.query<{ id: string }>(`SELECT id FROM "archive_${table}"`)).rows.map((r) => r.id))
      return rows.sort()
    }
    expect(await archivedIds()).toEqual(expect.arrayContaining(ids(done)))
    expect(await archivedIds()).not.toEqual(expect.arrayContaining([busy.project]))
    expect((await env.pool.query(`SELECT 1 FROM training_classes WHERE id = $1`, [done.klass])).rowCount).toBe(0)
    expect((await env.pool.query(`SELECT 1 FROM training_classes WHERE id = $1`, [busy.klass])).rowCount).toBe(1)
    expect((await env.pool.query(`SELECT 1 FROM trainees WHERE id = $1`, [trainee])).rowCount).toBe(1)

    const removed = (await reader.sync()).flatMap((p) => p.removed).map((r) => r.id)
    expect(removed).toEqual(expect.arrayContaining(ids(done)))
    expect(reader.row('attendance_records', done.attendance)).toBeUndefined()
    expect(reader.row('attendance_records', busy.attendance)).toBeDefined()
    expect(reader.row('trainees', trainee)).toBeDefined()
  })
})

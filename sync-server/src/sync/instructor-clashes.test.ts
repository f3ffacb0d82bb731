/**
 * Instructor double bookings across projects (docs/hrd-training-rules.md § Instructors across projects): two
 * coordinators, each holding only their own project, book one instructor at overlapping times from two devices. The
 * server records the clash in the push that makes it, both coordinators pull it, a colleague who sees neither project
 * does not, moving a class away resolves it, and no device may write the table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { instructorClashId } from '../../../src/shared/domain/instructor-clash'
import { companyFields, newId, signedInDevice, startSyncTestEnv, type SyncTestEnv, type TestDevice } from '../../test/support/sync-kit'

let env: SyncTestEnv
beforeAll(async () => {
  env = await startSyncTestEnv()
})
afterAll(async () => {
  await env?.close()
})

const DATE = '2026-12-15'

/** A company, a project the device's user coordinates, a 차수 and a 분반 of `instructor` at the given times. */
async function bookClass(device: TestDevice, instructor: string, start: string, end: string, name: string) {
  const [company, project, session, klass] = [newId(), newId(), newId(), newId()]
  const { body } = await device.push([
    device.mutation({ table: 'companies', id: company, fields: companyFields(device.userId, { name: `${name} 고객사` }) }),
    device.mutation({
      table: 'projects',
      id: project,
      fields: { code: `P-${project.slice(-8)}`, name, company_id: company, coordinator_id: device.userId },
    }),
    device.mutation({
      table: 'training_sessions',
      id: session,
      fields: { project_id: project, session_number: 2, start_date: DATE, end_date: DATE },
    }),
    device.mutation({
      table: 'training_classes',
      id: klass,
      fields: { session_id: session, class_number: 3, date: DATE, start_time: start, end_time: end, instructor_id: instructor },
    }),
  ])
  expect(body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied'])
  return { project, session, klass }
}

async function newInstructor(device: TestDevice): Promise<string> {
  const id = newId()
  const { body } = await device.push([
    device.mutation({ table: 'instructors', id, fields: { code: `I-${id.slice(-8)}`, first_name: '강사', last_name: '박', email: `${id}@example.com` } }),
  ])
  expect(body.results[0]!.status).toBe('applied')
  return id
}

const clashesOf = (device: TestDevice) => [...(device.replica.get('instructor_clashes')?.values() ?? [])]

describe('instructor clashes across projects', () => {
  it('records a clash both coordinators receive, hides it from others, and resolves it when a class moves', async () => {
    const kim = await signedInDevice(env, 'OPERATOR')
    const lee = await signedInDevice(env, 'OPERATOR')
    const outsider = await signedInDevice(env, 'OPERATOR')
    const instructor = await newInstructor(kim)

    const mine = await bookClass(kim, instructor, '09:00', '12:00', '김 코디 리더십 과정')
    const theirs = await bookClass(lee, instructor, '10:30', '15:00', '이 코디 신입사원 과정')

    const id = instructorClashId(mine.klass, theirs.klass)
    const { rows } = await env.pool.query(`SELECT * FROM instructor_clashes WHERE id = $1`, [id])
    expect(rows).toHaveLength(1)
    const [a, b] = mine.klass < theirs.klass ? [mine, theirs] : [theirs, mine]
    expect(rows[0]).toMatchObject({
      instructor_id: instructor,
      date: DATE,
      overlap_start: '10:30',
      overlap_end: '12:00',
      class_a_id: a.klass,
      project_a_id: a.project,
      class_b_id: b.klass,
      project_b_id: b.project,
      session_a_number: 2,
      class_b_number: 3,
      deleted_at: null,
    })
    expect(rows[0].coordinator_a_id).toBe(a === mine ? kim.userId : lee.userId)

    for (const device of [kim, lee, outsider]) await device.sync()
    // Each coordinator holds only their own project, yet both receive the clash.
    expect(kim.row('projects', theirs.project)).toBeUndefined()
    expect(lee.row('projects', mine.project)).toBeUndefined()
    expect(kim.row('instructor_clashes', id)).toMatchObject({ overlap_start: '10:30', overlap_end: '12:00', deleted_at: null })
    expect(lee.row('instructor_clashes', id)).toMatchObject({ overlap_start: '10:30', overlap_end: '12:00', deleted_at: null })
    expect(clashesOf(outsider)).toEqual([])

    // Lee moves the class to the afternoon: no longer a clash, and both devices learn it.
    const moved = await lee.push([lee.mutation({ table: 'training_classes', id: theirs.klass, fields: { start_time: '13:00', end_time: '16:00' } })])
    expect(moved.body.results[0]!.status).toBe('applied')
    for (const device of [kim, lee, outsider]) await device.sync()
    expect(kim.row('instructor_clashes', id)!.deleted_at).not.toBeNull()
    expect(lee.row('instructor_clashes', id)!.deleted_at).not.toBeNull()
    expect(clashesOf(outsider)).toEqual([])

    // Kim moves into the afternoon too: the same record comes back, detected again.
    const back = await kim.push([kim.mutation({ table: 'training_classes', id: mine.klass, fields: { start_time: '14:00', end_time: '17:00' } })])
    expect(back.body.results[0]!.status).toBe('applied')
    for (const device of [lee, outsider]) await device.sync()
    expect(lee.row('instructor_clashes', id)).toMatchObject({ deleted_at: null, overlap_start: '14:00', overlap_end: '16:00' })
    expect(outsider.row('instructor_clashes', id)).toBeUndefined()

    // The colleague joins Kim's project team: the clash enters their scope with the project (scope-rules CHILD_EDGES).
    const join = await kim.push([kim.mutation({ table: 'project_team_members', id: newId(), fields: { project_id: mine.project, user_id: outsider.userId } })])
    expect(join.body.results[0]!.status).toBe('applied')
    await outsider.sync()
    expect(outsider.row('instructor_clashes', id)).toMatchObject({ deleted_at: null })

    // Cancelling one class resolves it again (a cancelled class books nobody).
    await kim.push([kim.mutation({ table: 'training_classes', id: mine.klass, fields: { status: 'CANCELLED' } })])
    await lee.sync()
    expect(lee.row('instructor_clashes', id)!.deleted_at).not.toBeNull()

    // A coordinator cannot reopen (or otherwise edit) the record: the server is its only author.
    const edit = await lee.push([lee.mutation({ table: 'instructor_clashes', id, fields: { deleted_at: null } })])
    expect(edit.body.results[0]).toMatchObject({ status: 'rejected', reason_code: 'permission_denied' })
  })

  it('finds the clash when two devices move classes into one slot in concurrent pushes', async () => {
    // Creates carry session_id, a scope column, so creating pushes are serialised by the scope lock anyway; moving a
    // class in time is an ordinary (shared-lock) push, where only the per-instructor lock makes the second one see
    // the first. Without it both checks read the other class at its old time and the clash is never recorded.
    const kim = await signedInDevice(env, 'OPERATOR')
    const lee = await signedInDevice(env, 'OPERATOR')
    const instructor = await newInstructor(kim)
    for (let round = 0; round < 4; round++) {
      const mine = await bookClass(kim, instructor, '07:00', '08:00', `동시 A ${round}`)
      const theirs = await bookClass(lee, instructor, '19:00', '20:00', `동시 B ${round}`)
      const move = (device: TestDevice, klass: string, start: string, end: string) =>
        device.push([device.mutation({ table: 'training_classes', id: klass, fields: { start_time: start, end_time: end } })])
      await Promise.all([move(kim, mine.klass, '10:00', '12:00'), move(lee, theirs.klass, '11:00', '13:00')])
      const { rows } = await env.pool.query(`SELECT deleted_at FROM instructor_clashes WHERE id = $1`, [instructorClashId(mine.klass, theirs.klass)])
      expect(rows).toEqual([{ deleted_at: null }])
      // Out of the way for the next round (the same instructor, the same date).
      await move(kim, mine.klass, '05:00', '06:00')
      await move(lee, theirs.klass, '21:00', '22:00')
    }
  })

  it('refuses a device writing the table, whatever its tier', async () => {
    const executive = await signedInDevice(env, 'EXECUTIVE')
    const { body } = await executive.push([
      executive.mutation({
        table: 'instructor_clashes',
        id: newId(),
        fields: {
          instructor_id: newId(),
          date: DATE,
          overlap_start: '09:00',
          overlap_end: '10:00',
          ...Object.fromEntries(
            (['a', 'b'] as const).flatMap((x) => [
              [`class_${x}_id`, x === 'a' ? '00000000-0000-7000-8000-000000000001' : '00000000-0000-7000-8000-000000000002'],
              [`project_${x}_id`, newId()],
              [`session_${x}_number`, 1],
              [`class_${x}_number`, 1],
              [`start_${x}`, '09:00'],
              [`end_${x}`, '10:00'],
            ]),
          ),
          detected_at: '2026-12-07T05:00:00.000Z',
          checked_at: '2026-12-07T05:00:00.000Z',
        },
      }),
    ])
    expect(body.results[0]).toMatchObject({ status: 'rejected', reason_code: 'permission_denied' })
  })
})

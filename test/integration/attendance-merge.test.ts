/**
 * Two coordinators mark the same class offline on two devices (real local core on real SQLite files, real sync
 * server on PostgreSQL + Redis). Because a mark's row id is derived from (class, trainee), both devices write the SAME
 * attendance row for a trainee they both marked: the server merges it per field (later stamp wins, the other value is
 * kept in sync_conflicts) instead of rejecting the second create on the (class_id, trainee_id) unique index; trainees
 * marked on only one device simply add up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTraining } from '../../src/main/core/training'
import { domainContextOf } from '../../src/main/core/common/context'
import type { TestDevice } from '../support/device/test-device'
import { pairId } from '../../src/shared/ids/pair-id'
import type { TestUser } from '../../sync-server/test/support'
import { localRow, newId, startHarness, uniqueCode, type Harness } from '../support/sync-harness'

let h: Harness
let kim: TestUser
let lee: TestUser
let a: TestDevice
let b: TestDevice

const classId = newId()
const trainees = [newId(), newId(), newId()] as const

beforeAll(async () => {
  h = await startHarness()
  kim = await h.user('EXECUTIVE', '김운영')
  lee = await h.user('EXECUTIVE', '이운영')
  a = await h.signedInDevice(kim, { name: 'coordinator-a' })
  b = await h.signedInDevice(lee, { name: 'coordinator-b' })

  // The class and its roster, created on A and delivered to both devices before the training day.
  const company = newId()
  const project = newId()
  const session = newId()
  a.writer.transaction(() => {
    a.writer.upsert('companies', company, { code: uniqueCode('C'), name: '아우구교육', tier: 'GOLD' })
    a.writer.upsert('projects', project, { code: uniqueCode('P'), name: '리더십 과정', company_id: company })
    a.writer.upsert('training_sessions', session, { project_id: project, session_number: 1, start_date: '2026-11-25', end_date: '2026-11-25' })
    a.writer.upsert('training_classes', classId, { session_id: session, class_number: 1, date: '2026-11-25', start_time: '09:00', end_time: '12:00' })
    for (const [n, trainee] of trainees.entries()) {
      a.writer.upsert('trainees', trainee, { company_id: company, last_name: '박', first_name: `수강${n + 1}` })
      a.writer.upsert('enrollments', pairId('enrollments', classId, trainee), { class_id: classId, trainee_id: trainee, status: 'CONFIRMED' })
    }
  })
  await h.catchUp(a)
  expect(a.writer.rejectedCount()).toBe(0)
  await h.catchUp(b)
  expect(localRow(b, 'training_classes', classId)).toBeDefined()
})
afterAll(async () => {
  await h?.close()
})

describe('two coordinators marking the same class offline', () => {
  it('merge per trainee: one row per (class, trainee), the later mark wins the shared trainee, the loser is recorded', async () => {
    const [t1, t2, t3] = trainees
    // Both offline: neither device has seen the other's marks.
    createTraining(domainContextOf(a)).attendance.mark({ classId, traineeId: t1, status: 'LATE', remarks: '버스 지연' })
    createTraining(domainContextOf(a)).attendance.mark({ classId, traineeId: t2, status: 'PRESENT' })
    await new Promise((resolve) => setTimeout(resolve, 5)) // B's marks are later on the wall clock
    createTraining(domainContextOf(b)).attendance.mark({ classId, traineeId: t1, status: 'ABSENT' })
    createTraining(domainContextOf(b)).attendance.markRestPresent(classId) // t2 and t3 PRESENT on B

    await h.catchUp(a)
    await h.catchUp(b)
    await h.catchUp(a)

    // Nothing rejected: B's create of t1's row met A's row with the same id and was merged, not refused.
    expect(a.writer.rejectedCount()).toBe(0)
    expect(b.writer.rejectedCount()).toBe(0)
    expect(await h.count('attendance_records', 'class_id = $1', [classId])).toBe(3)

    for (const device of [a, b]) {
      const roster = createTraining(domainContextOf(device)).attendance.roster(classId)
      expect(roster.entries.map((e) => [e.traineeId, e.attendance])).toEqual(
        expect.arrayContaining([
          [t1, 'ABSENT'],
          [t2, 'PRESENT'],
          [t3, 'PRESENT'],
        ]),
      )
      // Fields B did not write survive from A: the remark typed on A stays on the merged row.
      expect(localRow(device, 'attendance_records', pairId('attendance_records', classId, t1))).toMatchObject({
        status: 'ABSENT',
        remarks: '버스 지연',
        recorded_by: lee.id,
      })
      expect(roster.counts).toMatchObject({ enrolled: 3, attended: 2, absent: 1, unmarked: 0 })
    }

    // A's LATE lost to B's ABSENT: a conflict row names the field and both values.
    const { rows } = await h.pool.query(`SELECT field, winning_value, losing_value FROM sync_conflicts WHERE row_id = $1 AND field = 'status'`, [
      pairId('attendance_records', classId, t1),
    ])
    expect(rows).toEqual([{ field: 'status', winning_value: 'ABSENT', losing_value: 'LATE' }])
  })
})

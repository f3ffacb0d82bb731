/**
 * The per-project completion rule (projects.completion_percent) through the real sync server (PostgreSQL + Redis):
 * a rule set on one device reaches the server and a colleague's device, whose project page and roster then judge
 * completion by it; a value outside 0–100 is refused by the server's CHECK constraint and shows as a rejection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTraining } from '../../src/main/core/training'
import { domainContextOf } from '../../src/main/core/common/context'
import type { TestDevice } from '../support/device/test-device'
import { pairId } from '../../src/shared/ids/pair-id'
import { attendanceMarkSchema, completionRuleSchema } from '../../src/shared/model/validation/training'
import type { TestUser } from '../../sync-server/test/support'
import { newId, startHarness, uniqueCode, type Harness } from '../support/sync-harness'

let h: Harness
let pm: TestUser
let coordinator: TestUser
let a: TestDevice
let b: TestDevice

const project = newId()
const session = newId()
const classes = [newId(), newId(), newId(), newId()]
const trainee = newId()

beforeAll(async () => {
  h = await startHarness()
  pm = await h.user('EXECUTIVE', '박피엠')
  coordinator = await h.user('EXECUTIVE', '이운영')
  a = await h.signedInDevice(pm, { name: 'pm-laptop' })
  b = await h.signedInDevice(coordinator, { name: 'coordinator-laptop' })
  const company = newId()
  a.writer.transaction(() => {
    a.writer.upsert('companies', company, { code: uniqueCode('C'), name: '(주)한빛', tier: 'GOLD' })
    a.writer.upsert('projects', project, { code: uniqueCode('P'), name: '현장 리더 과정', company_id: company })
    a.writer.upsert('training_sessions', session, { project_id: project, session_number: 1, start_date: '2026-12-01', end_date: '2026-12-01' })
    classes.forEach((id, k) => {
      a.writer.upsert('training_classes', id, {
        session_id: session,
        class_number: k + 1,
        date: '2026-12-01',
        start_time: `1${k}:00`,
        end_time: `1${k + 1}:00`,
      })
    })
    a.writer.upsert('trainees', trainee, { company_id: company, last_name: '윤', first_name: '서연' })
    for (const id of classes) {
      a.writer.upsert('enrollments', pairId('enrollments', id, trainee), { class_id: id, trainee_id: trainee, status: 'CONFIRMED' })
    }
  })
  // Three of four one-hour classes attended: 180 / 240 min = 75 % — short of the default 80 %.
  const attendance = createTraining(domainContextOf(a)).attendance
  classes.forEach((id, k) => attendance.mark(attendanceMarkSchema.parse({ classId: id, traineeId: trainee, status: k < 3 ? 'PRESENT' : 'ABSENT' })))
  await h.catchUp(a)
  await h.catchUp(b)
  expect(a.writer.rejectedCount()).toBe(0)
})
afterAll(async () => {
  await h?.close()
})

describe('per-project completion rule through the sync server', () => {
  it("a 70 % rule set on one device reaches the server and makes the trainee complete on a colleague's device", async () => {
    const before = createTraining(domainContextOf(b)).projects.get(project)
    expect(before.completionRule).toEqual({ percent: 80, isDefault: true })
    expect(before.training).toMatchObject({ trainees: 1, completed: 0 })

    createTraining(domainContextOf(a)).projects.setCompletionRule(completionRuleSchema.parse({ projectId: project, completionPercent: 70 }))
    await h.catchUp(a)
    expect(a.writer.rejectedCount()).toBe(0)
    const { rows } = await h.pool.query('SELECT completion_percent FROM projects WHERE id = $1', [project])
    expect(rows[0].completion_percent).toBe(70)

    await h.catchUp(b)
    const training = createTraining(domainContextOf(b))
    expect(training.projects.get(project)).toMatchObject({ completionRule: { percent: 70, isDefault: false }, training: { trainees: 1, completed: 1 } })
    expect(training.attendance.roster(classes[0]!).entries).toEqual([expect.objectContaining({ traineeId: trainee, completed: true })])
  })

  it('refuses a rule outside 0–100 on the server (CHECK constraint), keeping the stored rule', async () => {
    const rejectedBefore = b.writer.rejectedCount()
    // A device that skipped the form and the repository (an old build, a bug): the server is the referee.
    b.writer.upsert('projects', project, { completion_percent: 150 })
    await h.catchUp(b)
    expect(b.writer.rejectedCount()).toBe(rejectedBefore + 1)
    const { rows } = await h.pool.query('SELECT completion_percent FROM projects WHERE id = $1', [project])
    expect(rows[0].completion_percent).toBe(70)
  })
})

/**
 * Product master and project team through the real sync server (PostgreSQL + Redis) from real device cores:
 * - a manager's new category and product reach the server as plain inputs (no margin column), JSON lists intact;
 * - two devices putting the same person on a project team offline write one row (pair id), which the server merges
 *   instead of refusing the second on its (project_id, user_id) unique index;
 * - enrolment decisions and satisfaction answers sync without rejection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoContextOf } from '../../src/main/core/common/context'
import { createProductsRepo } from '../../src/main/core/products/products'
import { createTraining } from '../../src/main/core/training'
import { domainContextOf } from '../../src/main/core/common/context'
import type { TestDevice } from '../support/device/test-device'
import { pairId } from '../../src/shared/ids/pair-id'
import { categorySaveSchema, productSaveSchema } from '../../src/shared/model/validation/products'
import { enrollmentStatusSchema, feedbackRecordSchema, teamMemberSaveSchema } from '../../src/shared/model/validation/training'
import type { TestUser } from '../../sync-server/test/support'
import { newId, startHarness, uniqueCode, type Harness } from '../support/sync-harness'

let h: Harness
let manager: TestUser
let pm: TestUser
let a: TestDevice
let b: TestDevice
let c: TestDevice
let coordinator: TestUser

const project = newId()
const session = newId()
const classId = newId()
const trainee = newId()

beforeAll(async () => {
  h = await startHarness()
  manager = await h.user('MANAGER', '김팀장')
  pm = await h.user('EXECUTIVE', '박피엠')
  a = await h.signedInDevice(manager, { name: 'manager-laptop' })
  b = await h.signedInDevice(pm, { name: 'pm-laptop' })
  coordinator = await h.user('EXECUTIVE', '이운영')
  c = await h.signedInDevice(coordinator, { name: 'coordinator-laptop' })
  const company = newId()
  b.writer.transaction(() => {
    b.writer.upsert('companies', company, { code: uniqueCode('C'), name: '(주)한빛', tier: 'GOLD' })
    b.writer.upsert('projects', project, { code: uniqueCode('P'), name: '팀장 리더십', company_id: company })
    b.writer.upsert('training_sessions', session, { project_id: project, session_number: 1, start_date: '2026-12-01', end_date: '2026-12-02' })
    b.writer.upsert('training_classes', classId, {
      session_id: session,
      class_number: 1,
      date: '2026-12-01',
      start_time: '09:00',
      end_time: '12:00',
      max_participants: 10,
    })
    b.writer.upsert('trainees', trainee, { company_id: company, last_name: '윤', first_name: '서연' })
    b.writer.upsert('enrollments', pairId('enrollments', classId, trainee), { class_id: classId, trainee_id: trainee, status: 'WAITLISTED' })
  })
  await h.catchUp(b)
  await h.catchUp(c)
  expect(b.writer.rejectedCount()).toBe(0)
})
afterAll(async () => {
  await h?.close()
})

describe('products, team and enrolments through the sync server', () => {
  it("a manager's category and product reach the server without a stored margin", async () => {
    const products = createProductsRepo(repoContextOf(a, () => new Date()))
    const catalogue = products.saveCategory(categorySaveSchema.parse({ name: '리더십', code: uniqueCode('CAT') }))
    const category = catalogue.categories.find((c) => c.name === '리더십')!
    const product = products.save(
      productSaveSchema.parse({
        name: '신임 팀장 리더십',
        categoryId: category.id,
        type: 'TRAINING',
        minParticipants: 10,
        maxParticipants: 30,
        listPrice: 3_000_000,
        cost: 1_800_000,
        curriculum: [{ title: '리더의 역할', hours: 4 }],
        objectives: ['코칭 대화'],
      }),
    )
    expect(product).toMatchObject({ margin: 1_200_000, marginPercent: 40 })
    await h.catchUp(a)
    expect(a.writer.rejectedCount()).toBe(0)
    const { rows } = await h.pool.query('SELECT list_price, cost, curriculum, objectives, category_id FROM products WHERE id = $1', [product.id])
    expect(rows[0]).toMatchObject({ curriculum: [{ title: '리더의 역할', hours: 4 }], objectives: ['코칭 대화'], category_id: category.id })
    expect(Number(rows[0].list_price)).toBe(3_000_000)
  })

  it('two devices adding the same team member offline make one row on the server, nothing rejected', async () => {
    createTraining(domainContextOf(c)).projects.saveTeamMember(
      teamMemberSaveSchema.parse({ projectId: project, userId: manager.id, role: 'MEMBER', allocationPercent: 20 }),
    )
    await new Promise((resolve) => setTimeout(resolve, 5))
    createTraining(domainContextOf(b)).projects.saveTeamMember(
      teamMemberSaveSchema.parse({ projectId: project, userId: manager.id, role: 'PROJECT_MANAGER', allocationPercent: 50 }),
    )
    await h.catchUp(c)
    await h.catchUp(b)
    await h.catchUp(c)
    expect(c.writer.rejectedCount()).toBe(0)
    expect(b.writer.rejectedCount()).toBe(0)
    expect(await h.count('project_team_members', 'project_id = $1 AND deleted_at IS NULL', [project])).toBe(1)
    for (const device of [c, b]) {
      expect(createTraining(domainContextOf(device)).projects.get(project).team).toEqual([
        expect.objectContaining({ userId: manager.id, role: 'PROJECT_MANAGER', allocationPercent: 50 }),
      ])
    }
  })

  it('an enrolment confirmation and satisfaction answers sync, and the averages agree on both devices', async () => {
    const training = createTraining(domainContextOf(b))
    training.enrollments.setStatus(enrollmentStatusSchema.parse({ enrollmentId: pairId('enrollments', classId, trainee), status: 'CONFIRMED' }))
    training.projects.recordFeedback(feedbackRecordSchema.parse({ sessionId: session, classId, overallRating: 5 }))
    training.projects.recordFeedback(feedbackRecordSchema.parse({ sessionId: session, overallRating: 4 }))
    await h.catchUp(b)
    await h.catchUp(c)
    expect(b.writer.rejectedCount()).toBe(0)
    const page = createTraining(domainContextOf(c)).projects.get(project)
    expect(page.sessions[0]!.classes[0]).toMatchObject({ enrolled: 1, waiting: 0, satisfaction: { responses: 1, overall: 5 } })
    expect(page.satisfaction).toMatchObject({ responses: 2, overall: 4.5 })
  })
})

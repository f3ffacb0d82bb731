/**
 * A trainee a coordinator creates offline reaches the server on its own when the push that carries it is replayed one
 * mutation at a time (or split between pushes), before the enrolment that puts it on one of their classes. It must
 * not be refused as "outside your scope": the person who created a trainee keeps seeing it (issue 16). Nobody else
 * does until the trainee is enrolled where they look.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { companyFields, newId, signedInDevice, startSyncTestEnv, type SyncTestEnv, type TestDevice } from '../../test/support/sync-kit'

let env: SyncTestEnv
beforeAll(async () => {
  env = await startSyncTestEnv()
})
afterAll(async () => {
  await env?.close()
})

const statuses = async (device: TestDevice, mutations: Record<string, unknown>[]): Promise<string[]> =>
  (await device.push(mutations)).body.results.map((r) => r.reason_code ?? r.status)

const ids = (device: TestDevice, table: string): string[] => [...(device.replica.get(table)?.keys() ?? [])].sort()

describe('trainee scope', () => {
  it("a coordinator's new trainee is accepted before its enrolment, kept in the creator's scope, and seen by no one else until enrolled", async () => {
    const coordinator = await signedInDevice(env)
    const outsider = await signedInDevice(env)
    const company = newId()
    const project = newId()
    const session = newId()
    const klass = newId()
    const trainee = newId()
    expect(
      await statuses(coordinator, [
        coordinator.mutation({ table: 'companies', id: company, fields: companyFields(coordinator.userId) }),
        coordinator.mutation({
          table: 'projects',
          id: project,
          fields: { code: `P-${project.slice(-6)}`, name: '리더십', company_id: company, coordinator_id: coordinator.userId },
        }),
        coordinator.mutation({
          table: 'training_sessions',
          id: session,
          fields: { project_id: project, session_number: 1, start_date: '2027-01-04', end_date: '2027-01-05' },
        }),
        coordinator.mutation({
          table: 'training_classes',
          id: klass,
          fields: { session_id: session, class_number: 1, date: '2027-01-04', start_time: '09:00', end_time: '12:00' },
        }),
      ]),
    ).toEqual(['applied', 'applied', 'applied', 'applied'])

    // The trainee alone (as a one-by-one replay or a split push delivers it): applied, not `leaves_scope`.
    expect(
      await statuses(coordinator, [
        coordinator.mutation({ table: 'trainees', id: trainee, fields: { company_id: company, last_name: '홍', first_name: '길동' } }),
      ]),
    ).toEqual(['applied'])
    await coordinator.sync()
    await outsider.sync()
    expect(ids(coordinator, 'trainees')).toEqual([trainee])
    expect(ids(outsider, 'trainees')).toEqual([])

    // The enrolment that follows references it and is applied too.
    expect(
      await statuses(coordinator, [
        coordinator.mutation({ table: 'enrollments', id: newId(), fields: { class_id: klass, trainee_id: trainee, status: 'CONFIRMED' } }),
      ]),
    ).toEqual(['applied'])

    // Another operator still cannot create a trainee and then hand it to someone else's class they cannot see.
    const stranger = newId()
    expect(await statuses(outsider, [outsider.mutation({ table: 'trainees', id: stranger, fields: { last_name: '김', first_name: '철수' } })])).toEqual([
      'applied',
    ])
    expect(
      await statuses(outsider, [
        outsider.mutation({ table: 'enrollments', id: newId(), fields: { class_id: klass, trainee_id: stranger, status: 'CONFIRMED' } }),
      ]),
    ).not.toEqual(['applied'])
    await coordinator.sync()
    expect(ids(coordinator, 'trainees')).toEqual([trainee])
  })
})

/**
 * The per-project completion rule (수료 기준, projects.completion_percent) on a real device: the project page, the
 * class roster and the dashboard all judge completion by it, it is written through the writer (one field in the
 * outbox), and only people who may update projects can change it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { attendanceMarkSchema, completionRuleSchema } from '../../../shared/model/validation/training'
import { dashboardHomeSchema } from '../../../shared/model/validation/dashboard'
import { createReplicaStatements } from '../replica/statements'
import { replicaRegistry } from '../replica/registry'
import { createTempDir, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { createDashboardRepo } from '../dashboard/dashboard'
import { openRepoTestDevice, type RepoTestDevice } from '../../../../test/support/device/repos'
import { createTraining, type TrainingRepos } from './index'

const EXECUTIVE = { id: testId(0xe1), tier: 'EXECUTIVE' } as const
const OPERATOR = { id: testId(0xa2), tier: 'OPERATOR' } as const
const COMPANY = testId(0xc0)
const PROJECT = testId(0x90)
const SESSION = testId(0x51)
const klass = (n: number): string => testId(0xc100 + n)
const trainee = (n: number): string => testId(0x7000 + n)
const TODAY = '2026-11-25'

describe('per-project completion rule (real SQLite)', () => {
  let dir: TempDir
  let device: RepoTestDevice
  let repos: TrainingRepos

  // Four one-hour classes. Hand-computed shares of scheduled time:
  //   trainee 1: all four      → 240 / 240 = 100 %  (completes at 80 % and at 70 %)
  //   trainee 2: three of four → 180 / 240 =  75 %  (fails at 80 %, completes at 70 %)
  //   trainee 3: two of four   → 120 / 240 =  50 %  (fails at both)
  const attended: Record<number, number> = { 1: 4, 2: 3, 3: 2 }

  beforeEach(() => {
    dir = createTempDir()
    device = openRepoTestDevice(dir.file('completion.sqlite'), `${TODAY}T03:00:00.000Z`)
    device.addUser({ id: EXECUTIVE.id, lastName: '정', firstName: '대표', tier: 'EXECUTIVE' })
    device.signInAs(EXECUTIVE)
    repos = createTraining({ ...device, deviceId: () => '0190a000-0000-7000-8000-00000000d001' })
    const w = device.writer
    w.upsert('companies', COMPANY, { code: 'C-1', name: '(주)한빛제약', status: 'ACTIVE', tier: 'GOLD' })
    w.upsert('projects', PROJECT, { code: 'P-1', name: '신임 팀장 과정', company_id: COMPANY, status: 'IN_PROGRESS', priority: 'HIGH' })
    w.upsert('training_sessions', SESSION, { project_id: PROJECT, session_number: 1, start_date: '2026-11-24', end_date: '2026-11-25' })
    for (let k = 1; k <= 4; k++) {
      w.upsert('training_classes', klass(k), {
        session_id: SESSION,
        class_number: k,
        date: '2026-11-24',
        start_time: `${String(8 + k).padStart(2, '0')}:00`,
        end_time: `${String(9 + k).padStart(2, '0')}:00`,
      })
    }
    for (let t = 1; t <= 3; t++) {
      w.upsert('trainees', trainee(t), { company_id: COMPANY, last_name: '김', first_name: `수강${t}` })
      for (let k = 1; k <= 4; k++) {
        w.upsert('enrollments', testId(0x8000 + t * 10 + k), { class_id: klass(k), trainee_id: trainee(t), status: 'CONFIRMED' })
        const status = k <= attended[t]! ? 'PRESENT' : 'ABSENT'
        repos.attendance.mark(attendanceMarkSchema.parse({ classId: klass(k), traineeId: trainee(t), status }))
      }
    }
  })
  afterEach(() => {
    device.close()
    dir.remove()
  })

  const setRule = (completionPercent: number | null) => repos.projects.setCompletionRule(completionRuleSchema.parse({ projectId: PROJECT, completionPercent }))
  const completedOnRoster = () =>
    repos.attendance
      .roster(klass(1))
      .entries.filter((e) => e.completed)
      .map((e) => e.traineeId)
  const dashboardTraining = () => createDashboardRepo(device).home(dashboardHomeSchema.parse({ today: TODAY })).training

  it('judges the project page, the roster and the dashboard by the default 80 % until the project has its own rule', () => {
    const page = repos.projects.get(PROJECT)
    expect(page.completionRule).toEqual({ percent: 80, isDefault: true })
    expect(page.training).toMatchObject({ trainees: 3, completed: 1, completionRate: 33.33 })
    expect(completedOnRoster()).toEqual([trainee(1)])
    expect(repos.attendance.roster(klass(1)).completionPercent).toBe(80)
    expect(dashboardTraining().overall).toMatchObject({ trainees: 3, completed: 1, completionRate: 33.33 })
  })

  it('a 70 % rule makes the 75 % trainee complete everywhere; clearing it returns to the default', () => {
    const before = device.outbox.pendingBatch(10_000).length
    const page = setRule(70)
    expect(page.completionRule).toEqual({ percent: 70, isDefault: false })
    expect(page.training).toMatchObject({ trainees: 3, completed: 2, completionRate: 66.67 })
    expect(completedOnRoster()).toEqual([trainee(1), trainee(2)])
    expect(repos.attendance.roster(klass(1)).completionPercent).toBe(70)
    expect(dashboardTraining().overall).toMatchObject({ trainees: 3, completed: 2, completionRate: 66.67 })
    expect(dashboardTraining().projects[0]).toMatchObject({ projectId: PROJECT, completed: 2 })

    // One outbox entry carrying only the rule: it syncs like any field edit.
    const changed = device.outbox.pendingBatch(10_000).slice(before)
    expect(changed).toHaveLength(1)
    expect(changed[0]).toMatchObject({ table: 'projects', rowId: PROJECT })
    expect(changed[0]!.fields).toEqual({ completion_percent: 70 })

    expect(setRule(null).completionRule).toEqual({ percent: 80, isDefault: true })
    expect(completedOnRoster()).toEqual([trainee(1)])
  })

  it('refuses an out-of-range rule in the schema and again in the repository, writing nothing', () => {
    expect(() => completionRuleSchema.parse({ projectId: PROJECT, completionPercent: 101 })).toThrow()
    expect(() => completionRuleSchema.parse({ projectId: PROJECT, completionPercent: 70.5 })).toThrow()
    expect(() => completionRuleSchema.parse({ projectId: PROJECT, completionPercent: -1 })).toThrow()
    const before = device.outbox.pendingBatch(10_000).length
    expect(() => repos.projects.setCompletionRule({ projectId: PROJECT, completionPercent: 150 })).toThrow(
      expect.objectContaining({ rule: 'invalidCompletionRule' }),
    )
    expect(device.outbox.pendingBatch(10_000).length).toBe(before)
    expect(repos.projects.get(PROJECT).completionRule.percent).toBe(80)
  })

  it('refuses a user whose role does not grant projects:update, nothing reaches the outbox', () => {
    // The test users' role (…f0) gets grants: training only, so the role's rows decide, not the tier default.
    const statements = createReplicaStatements(device.sqlite)
    const registry = replicaRegistry()
    const stamp = { created_at: '2026-11-01T00:00:00.000Z', updated_at: '2026-11-01T00:00:00.000Z' }
    const role = '0190a000-0000-7000-8000-0000000000f0'
    statements.upsertFields(registry.require('roles'), role, { ...stamp, name: '교육운영', code: 'TRAINING_OPS' })
    statements.upsertFields(registry.require('permissions'), testId(0x601), { ...stamp, resource: 'training', action: 'UPDATE', name: 'training:UPDATE' })
    statements.upsertFields(registry.require('role_permissions'), testId(0x701), { ...stamp, role_id: role, permission_id: testId(0x601) })
    device.addUser({ id: OPERATOR.id, lastName: '한', firstName: '지우' })
    device.signInAs(OPERATOR)
    const before = device.outbox.pendingBatch(10_000).length
    // The writer's permission check (projects × update) refuses before anything is written.
    expect(() => setRule(70)).toThrow(expect.objectContaining({ table: 'projects', operation: 'update' }))
    expect(device.outbox.pendingBatch(10_000).length).toBe(before)
  })
})

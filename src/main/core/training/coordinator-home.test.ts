/**
 * The coordinator's home from a real replica: who gets it (the shared rule over the user's tier, role, projects and
 * open sales), classes today and this week, rosters not taken, completion per project and instructor clashes with
 * another coordinator's project on the same device. Also the contracts screen's options (won opportunities, projects).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parsePastedTrainees, traineeRowOf } from '../../../shared/domain/trainee-identity'
import { classCreateSchema, instructorSaveSchema, sessionCreateSchema } from '../../../shared/model/validation/training'
import { createTempDir, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { openRepoTestDevice, type RepoTestDevice } from '../../../../test/support/device/repos'
import { createTraining, type TrainingRepos } from './index'

const COORDINATOR = { id: testId(0xa1), tier: 'OPERATOR' } as const
const MANAGER = { id: testId(0xa2), tier: 'MANAGER' } as const
const CONSULTANT = { id: testId(0xa3), tier: 'OPERATOR' } as const
const COMPANY = testId(0xc0)
const WON = testId(0x0e)
const OPEN = testId(0x0d)
// Monday 2026-12-07, 10:00 in Korea.
const NOW = '2026-12-07T01:00:00.000Z'

describe('coordinator home (real SQLite)', () => {
  let dir: TempDir
  let device: RepoTestDevice
  let repos: TrainingRepos

  beforeEach(() => {
    dir = createTempDir()
    device = openRepoTestDevice(dir.file('home.sqlite'), NOW)
    device.addUser({ id: COORDINATOR.id, lastName: '이', firstName: '서연' })
    device.addUser({ id: MANAGER.id, lastName: '김', firstName: '팀장', tier: 'MANAGER' })
    device.addUser({ id: CONSULTANT.id, lastName: '박', firstName: '영업' })
    device.signInAs(MANAGER)
    repos = createTraining({ ...device, deviceId: () => '0190a000-0000-7000-8000-00000000d001' })
    device.writer.upsert('companies', COMPANY, { code: 'C-1', name: '아우구전자', status: 'ACTIVE', tier: 'GOLD' })
    device.writer.upsert('opportunities', WON, {
      code: 'O-1',
      title: '2027 신임 팀장 리더십',
      company_id: COMPANY,
      stage: 'CLOSED_WON',
      probability: 100,
      amount: 48_000_000,
      account_manager_id: MANAGER.id,
    })
    device.signInAs(CONSULTANT)
    device.writer.upsert('opportunities', OPEN, {
      code: 'O-2',
      title: '영업 역량 강화',
      company_id: COMPANY,
      stage: 'PROPOSAL',
      probability: 50,
      amount: 10_000_000,
      account_manager_id: CONSULTANT.id,
    })
  })
  afterEach(() => {
    device.close()
    dir.remove()
  })

  /** A project run by the signed-in user with one session this week and a class per given date (09–12 with `instructor`). */
  const project = (instructorId: string, dates: readonly string[]) => {
    const p = repos.projectRecords.fromOpportunity(WON)
    const sessionId = repos.projects.createSession(
      sessionCreateSchema.parse({ projectId: p.id, startDate: '2026-12-07', endDate: '2026-12-31', maxParticipants: 40 }),
    ).sessions[0]!.id
    const classes = dates.map((date) => {
      const r = repos.projects.createClass(
        classCreateSchema.parse({ sessionId, date, startTime: '09:00', endTime: '12:00', maxParticipants: 30, instructorId, allowDoubleBooking: true }),
      )
      if (r.status !== 'created') throw new Error('not created')
      return r.classId
    })
    return { project: p, sessionId, classes }
  }

  it('shows a coordinator their classes, rosters not taken, completion and an instructor booked on a colleague’s project', () => {
    device.signInAs(MANAGER)
    const park = repos.instructors
      .save(instructorSaveSchema.parse({ lastName: '박', firstName: '서준', email: 'park@augu.kr' }))
      .find((i) => i.name === '박서준')!.id
    // A colleague's project (the manager runs it) books 박서준 tomorrow 10–11.
    const theirs = project(park, [])
    const r = repos.projects.createClass(
      classCreateSchema.parse({ sessionId: theirs.sessionId, date: '2026-12-08', startTime: '10:00', endTime: '11:00', instructorId: park }),
    )
    expect(r.status).toBe('created')

    device.signInAs(COORDINATOR)
    const mine = project(park, ['2026-12-07', '2026-12-08', '2026-12-21'])
    repos.trainees.enrol({ classId: mine.classes[0]! }, [], parsePastedTrainees('홍길동\t010-1111-2222\n김철수\t010-3333-4444').rows.map(traineeRowOf))
    const roster = repos.attendance.roster(mine.classes[0]!)
    repos.attendance.mark({ classId: mine.classes[0]!, traineeId: roster.entries[0]!.traineeId, status: 'PRESENT' })

    const home = repos.coordinatorHome.home()
    if (home.kind !== 'coordinator') throw new Error(`expected the coordinator home, got ${home.kind}`)
    expect(home).toMatchObject({ today: '2026-12-07', weekStart: '2026-12-07', weekEnd: '2026-12-13' })
    expect(home.classesToday.map((k) => k.classId)).toEqual([mine.classes[0]])
    expect(home.classesToday[0]).toMatchObject({ timing: 'running', enrolled: 2, unmarked: 1, instructorName: '박서준' })
    // This week: today and tomorrow, not the class two weeks ahead; the colleague's class is not mine.
    expect(home.classesThisWeek.map((k) => k.classId)).toEqual(mine.classes.slice(0, 2))
    expect(home.rostersNotTaken.map((k) => k.classId)).toEqual([mine.classes[0]])
    expect(home.projects).toEqual([expect.objectContaining({ id: mine.project.id, completionPercent: 80, training: expect.objectContaining({ trainees: 2 }) })])
    expect(home.clashes).toHaveLength(1)
    expect(home.clashes[0]).toMatchObject({
      classId: mine.classes[1],
      date: '2026-12-08',
      other: { sameInstructor: true, startTime: '10:00', endTime: '11:00' },
    })

    // A second project of mine books 박서준 over the same class: one clash per pair, not one from each side.
    const second = project(park, [])
    repos.projects.createClass(
      classCreateSchema.parse({
        sessionId: second.sessionId,
        date: '2026-12-08',
        startTime: '11:00',
        endTime: '11:30',
        instructorId: park,
        allowDoubleBooking: true,
      }),
    )
    const both = repos.coordinatorHome.home()
    expect(both.kind === 'coordinator' && both.clashes.map((c) => [c.classId, c.other.startTime])).toHaveLength(2)

    // Everyone marked: the roster leaves the list.
    repos.attendance.markRestPresent(mine.classes[0]!)
    const after = repos.coordinatorHome.home()
    expect(after.kind === 'coordinator' && after.rostersNotTaken).toEqual([])
  })

  it('keeps the sales dashboard for managers, for consultants with open sales, and for people who run no training', () => {
    device.signInAs(MANAGER)
    project(testId(0x99), [])
    expect(repos.coordinatorHome.home()).toEqual({ kind: 'sales' })
    device.signInAs(CONSULTANT)
    expect(repos.coordinatorHome.home()).toEqual({ kind: 'sales' })
    device.signInAs(COORDINATOR)
    expect(repos.coordinatorHome.home()).toEqual({ kind: 'sales' })
  })

  it('offers the contracts screen the won opportunities (with their contract) and the projects to link', () => {
    device.signInAs(MANAGER)
    const p = repos.projectRecords.fromOpportunity(WON)
    expect(repos.contracts.formOptions().wonOpportunities).toEqual([
      { id: WON, title: '2027 신임 팀장 리더십', companyName: '아우구전자', amount: 48_000_000, contractCode: null },
    ])
    const contract = repos.contracts.fromOpportunity(WON)
    const options = repos.contracts.formOptions()
    expect(options.wonOpportunities[0]!.contractCode).toBe(contract.code)
    expect(options.projects).toEqual([{ id: p.id, code: p.code, name: p.name, companyId: COMPANY, contractId: contract.id }])
    expect(options.companies).toEqual([{ id: COMPANY, name: '아우구전자' }])
  })
})

/**
 * The training loop from an empty replica: a project from scratch or from a won opportunity (edit, delete, restore),
 * honest attendance (no marks before the class starts, an admin override recorded, walk-ins not auto-marked), the
 * trainee directory (find-or-create, merge) and enrolment with capacity and waitlist. Real SQLite, real writer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parsePastedTrainees, traineeRowOf } from '../../../shared/domain/trainee-identity'
import { contractSaveSchema, projectSaveSchema } from '../../../shared/model/validation/projects'
import { classCreateSchema, enrolSchema, sessionCreateSchema, walkInSchema } from '../../../shared/model/validation/training'
import { countRows, createTempDir, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { openRepoTestDevice, type RepoTestDevice } from '../../../../test/support/device/repos'
import { createTraining, type TrainingRepos } from './index'
import { AssignmentRefusedError } from '../outbox/assignment-guard'

const COORDINATOR = { id: testId(0xa1), tier: 'OPERATOR' } as const
const MANAGER = { id: testId(0xa2), tier: 'MANAGER' } as const
const COMPANY = testId(0xc0)
const BRANCH = testId(0xb0)
const OPPORTUNITY = testId(0x0e)
const PRODUCT = testId(0x0f)
// 2026-12-07 10:00 in Korea.
const NOW = '2026-12-07T01:00:00.000Z'

describe('the training loop from an empty replica (real SQLite)', () => {
  let dir: TempDir
  let device: RepoTestDevice
  let repos: TrainingRepos

  beforeEach(() => {
    dir = createTempDir()
    device = openRepoTestDevice(dir.file('loop.sqlite'), NOW)
    device.addUser({ id: COORDINATOR.id, lastName: '이', firstName: '서연' })
    device.addUser({ id: MANAGER.id, lastName: '김', firstName: '팀장', tier: 'MANAGER' })
    // The company, opportunity and meeting are the manager's (on a real laptop they arrive by pull): written as the
    // manager, since the owner rule refuses an operator creating records owned by someone else.
    device.signInAs(MANAGER)
    repos = createTraining({ ...device, deviceId: () => '0190a000-0000-7000-8000-00000000d001' })
    const w = device.writer
    w.upsert('companies', COMPANY, { code: 'C-1', name: '아우구전자', status: 'ACTIVE', tier: 'GOLD' })
    w.upsert('branches', BRANCH, { company_id: COMPANY, code: 'B-1', name: '본사' })
    w.upsert('opportunities', OPPORTUNITY, {
      code: 'O-1',
      title: '2027 신임 팀장 리더십',
      company_id: COMPANY,
      branch_id: BRANCH,
      stage: 'CLOSED_WON',
      probability: 100,
      amount: 48_000_000,
      account_manager_id: MANAGER.id,
    })
    w.upsert('products', PRODUCT, { code: 'PRD-1', name: '리더십 코칭 과정', list_price: 2_000_000 })
    const meeting = testId(0x3e)
    w.upsert('meetings', meeting, {
      code: 'M-1',
      title: '제안 미팅',
      target: 'CUSTOMER',
      type: 'PROPOSAL',
      company_id: COMPANY,
      opportunity_id: OPPORTUNITY,
      date: '2026-11-20',
      start_time: '10:00',
      end_time: '11:00',
      organizer_id: MANAGER.id,
    })
    w.upsert('meeting_products', testId(0x3f), { meeting_id: meeting, product_id: PRODUCT, quantity: 3, unit_price: 2_000_000, discount_percent: 10 })
    device.signInAs(COORDINATOR)
  })
  afterEach(() => {
    device.close()
    dir.remove()
  })

  /** A project from the won opportunity with one session today–tomorrow, a class today 09–12 and one tomorrow. */
  const projectWithClasses = () => {
    const project = repos.projectRecords.fromOpportunity(OPPORTUNITY)
    const withSession = repos.projects.createSession(
      sessionCreateSchema.parse({ projectId: project.id, startDate: '2026-12-07', endDate: '2026-12-08', maxParticipants: 40 }),
    )
    const sessionId = withSession.sessions[0]!.id
    const create = (date: string) => {
      const result = repos.projects.createClass(classCreateSchema.parse({ sessionId, date, startTime: '09:00', endTime: '12:00', maxParticipants: 30 }))
      if (result.status !== 'created') throw new Error('double booked')
      return result.classId
    }
    return { project, sessionId, today: create('2026-12-07'), tomorrow: create('2026-12-08') }
  }

  it('makes a project from a won opportunity: company, branch, title, amount and proposed products carried over, an offline code', () => {
    const project = repos.projectRecords.fromOpportunity(OPPORTUNITY)
    expect(project).toMatchObject({
      name: '2027 신임 팀장 리더십',
      companyId: COMPANY,
      branchId: BRANCH,
      branchName: '본사',
      opportunityId: OPPORTUNITY,
      opportunityTitle: '2027 신임 팀장 리더십',
      revenue: 48_000_000,
      status: 'PLANNING',
      coordinatorId: COORDINATOR.id,
      // No costs yet: no margin, instead of 100 %.
      margin: null,
      marginPercent: null,
    })
    expect(project.code).toMatch(/^PJ-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    expect(project.proposedProducts).toEqual([{ productId: PRODUCT, name: '리더십 코칭 과정', quantity: 3, unitPrice: 2_000_000, total: 5_400_000 }])
    expect(repos.projectRecords.forOpportunity(OPPORTUNITY)).toMatchObject({ won: true, projects: [{ id: project.id }] })
  })

  it('refuses a project from an opportunity that is not won, writing nothing', () => {
    device.writer.upsert('opportunities', OPPORTUNITY, { stage: 'PROPOSAL' })
    const before = countRows(device.sqlite, 'projects')
    expect(() => repos.projectRecords.fromOpportunity(OPPORTUNITY)).toThrow(expect.objectContaining({ rule: 'notWon' }))
    expect(countRows(device.sqlite, 'projects')).toBe(before)
  })

  it('creates from scratch, edits every field, deletes and restores', () => {
    const created = repos.projectRecords.save(projectSaveSchema.parse({ name: '신입사원 온보딩', companyId: COMPANY }))
    expect(created).toMatchObject({ status: 'PLANNING', priority: 'MEDIUM', coordinatorId: COORDINATOR.id })
    const every = {
      id: created.id,
      name: '신입사원 온보딩 2기',
      companyId: COMPANY,
      branchId: BRANCH,
      type: 'ONBOARDING',
      status: 'IN_PROGRESS',
      phase: 'EXECUTION',
      health: 'YELLOW',
      priority: 'HIGH',
      startDate: '2027-01-02',
      endDate: '2027-02-28',
      budget: 30_000_000,
      actualCost: 12_000_000,
      revenue: 36_000_000,
      progress: 25,
      coordinatorId: COORDINATOR.id,
    }
    // Naming someone else project manager is an assignment (src/shared/domain/assignment.ts): not the coordinator's to make.
    expect(() => repos.projectRecords.save(projectSaveSchema.parse({ ...every, projectManagerId: MANAGER.id }))).toThrow(AssignmentRefusedError)
    const edited = repos.projectRecords.save(projectSaveSchema.parse(every))
    expect(edited).toMatchObject({
      name: '신입사원 온보딩 2기',
      type: 'ONBOARDING',
      phase: 'EXECUTION',
      health: 'YELLOW',
      margin: 24_000_000,
      marginPercent: 66.67,
      projectManagerName: null,
      coordinatorName: '이서연',
    })
    repos.projectRecords.remove(created.id)
    expect(repos.projects.list().map((p) => p.id)).not.toContain(created.id)
    expect(repos.projectRecords.deleted().map((p) => p.id)).toEqual([created.id])
    expect(repos.projectRecords.restore(created.id).name).toBe('신입사원 온보딩 2기')
    expect(repos.projects.list().map((p) => p.id)).toContain(created.id)
  })

  it('refuses a zero or negative capacity with its own rule', () => {
    const { sessionId } = projectWithClasses()
    for (const maxParticipants of [0, -3]) {
      expect(() =>
        repos.projects.createClass(classCreateSchema.parse({ sessionId, date: '2026-12-07', startTime: '13:00', endTime: '15:00', maxParticipants })),
      ).toThrow(expect.objectContaining({ rule: 'invalidCapacity' }))
    }
  })

  it('refuses to mark a class that has not started; an admin override is recorded on the mark', () => {
    const { sessionId, tomorrow, today } = projectWithClasses()
    const rows = parsePastedTrainees('홍길동\t010-1234-5678\t아우구전자\t인사팀').rows
    repos.trainees.enrol({ sessionId }, [], rows)
    const traineeId = repos.attendance.roster(tomorrow).entries[0]!.traineeId
    const before = device.writer.pendingCount()
    expect(() => repos.attendance.mark({ classId: tomorrow, traineeId, status: 'PRESENT' })).toThrow(expect.objectContaining({ rule: 'classNotStarted' }))
    expect(() => repos.attendance.markRestPresent(tomorrow)).toThrow(expect.objectContaining({ rule: 'classNotStarted' }))
    // A coordinator asking to override is still refused; nothing was written.
    expect(() => repos.attendance.mark({ classId: tomorrow, traineeId, status: 'PRESENT', override: true })).toThrow(
      expect.objectContaining({ rule: 'classNotStarted' }),
    )
    expect(device.writer.pendingCount()).toBe(before)
    // Today's class (09–12, now 10:00) is running.
    expect(repos.attendance.mark({ classId: today, traineeId, status: 'LATE' }).counts).toMatchObject({ late: 1, attended: 1 })

    device.signInAs(MANAGER)
    const marked = repos.attendance.mark({ classId: tomorrow, traineeId, status: 'EXCUSED', remarks: '사전 공결 신청', override: true })
    expect(marked.entries[0]).toMatchObject({ attendance: 'EXCUSED', remarks: '관리자 재정의: 수업 시작 전 출결 입력 · 사전 공결 신청' })
    // Once the class has run, the coordinator corrects the remark: the override statement stays on the record.
    device.signInAs(COORDINATOR)
    device.setNow('2026-12-08T04:00:00.000Z')
    const corrected = repos.attendance.mark({ classId: tomorrow, traineeId, status: 'PRESENT', remarks: '당일 출석 확인' })
    expect(corrected.entries[0]).toMatchObject({ attendance: 'PRESENT', remarks: '관리자 재정의: 수업 시작 전 출결 입력 · 당일 출석 확인' })
  })

  it('adds a walk-in as enrolled but unmarked before the class, marked while it runs, and finds the same person again', () => {
    const { tomorrow, today } = projectWithClasses()
    const early = repos.attendance.walkIn(walkInSchema.parse({ classId: tomorrow, lastName: '정', firstName: '하늘', phone: '010-2222-3333' }))
    expect(early.entries).toMatchObject([{ name: '정하늘', attendance: null, walkIn: true }])
    expect(early.counts).toMatchObject({ enrolled: 1, attended: 0, unmarked: 1 })
    const now = repos.attendance.walkIn(walkInSchema.parse({ classId: today, lastName: '정', firstName: '하늘', phone: '01022223333' }))
    expect(now.entries).toMatchObject([{ name: '정하늘', attendance: 'PRESENT' }])
    // The same person (name + mobile): one trainee in both classes.
    expect(now.entries[0]!.traineeId).toBe(early.entries[0]!.traineeId)
    expect(countRows(device.sqlite, 'trainees')).toBe(1)
  })

  it('enrols 30 pasted rows into a whole session, confirming up to capacity and waitlisting the rest; a re-paste finds them all', () => {
    const { sessionId, today, tomorrow } = projectWithClasses()
    const sheet = Array.from({ length: 32 }, (_, i) => `김수강${i + 1}\t010-5555-${String(1000 + i)}\t아우구전자\t영업${(i % 3) + 1}팀`).join('\n')
    const { rows, errors } = parsePastedTrainees(sheet)
    expect(errors).toEqual([])
    const input = enrolSchema.parse({ sessionId, rows: rows.map(traineeRowOf) })
    const result = repos.trainees.enrol({ sessionId: input.sessionId }, input.traineeIds, input.rows)
    expect(result).toEqual({ created: 32, found: 0, confirmed: 60, waitlisted: 4, alreadyEnrolled: 0 })
    expect(repos.enrollments.list(today)).toMatchObject({ confirmed: 30, maxParticipants: 30 })
    expect(repos.enrollments.list(tomorrow).entries.filter((e) => e.status === 'WAITLISTED')).toHaveLength(2)
    const trainee = repos.trainees.search('김수강1')[0]!
    expect(trainee).toMatchObject({ name: '김수강1', companyName: '아우구전자', department: '영업1팀' })

    const again = repos.trainees.enrol({ sessionId }, [], rows)
    expect(again).toEqual({ created: 0, found: 32, confirmed: 0, waitlisted: 0, alreadyEnrolled: 64 })
    expect(countRows(device.sqlite, 'trainees')).toBe(32)
  })

  it('merges duplicates: enrolments and marks move to the kept trainee, empty fields are filled, the other is deleted', () => {
    const { today } = projectWithClasses()
    const w = device.writer
    const a = testId(0x7001)
    const b = testId(0x7002)
    w.upsert('trainees', a, { last_name: '박', first_name: '서준', phone: '01011112222' })
    w.upsert('trainees', b, { last_name: '박', first_name: '서준', phone: '010-1111-2222', email: 'sj@augu.kr', department: '인사팀' })
    repos.trainees.enrol({ classId: today }, [b], [])
    repos.attendance.mark({ classId: today, traineeId: b, status: 'PRESENT' })
    expect(repos.trainees.duplicates().map((g) => g.map((t) => t.id))).toEqual([[a, b]])

    const before = device.outbox.pendingBatch(10_000).length
    const kept = repos.trainees.merge(a, [b])
    expect(kept).toMatchObject({ id: a, email: 'sj@augu.kr', department: '인사팀', classes: 1 })
    // The server sees a trainee through its enrolments: its delete is pushed before they move away (else "not in scope").
    const pushed = device.outbox
      .pendingBatch(10_000)
      .slice(before)
      .map((e) => `${e.table}:${e.rowId === b ? 'b' : 'other'}`)
    expect(pushed.indexOf('trainees:b')).toBeGreaterThanOrEqual(0)
    expect(pushed.findIndex((e) => e.startsWith('enrollments:') || e.startsWith('attendance_records:'))).toBeGreaterThan(pushed.indexOf('trainees:b'))
    expect(repos.attendance.roster(today).entries).toMatchObject([{ traineeId: a, attendance: 'PRESENT' }])
    expect(repos.trainees.duplicates()).toEqual([])
  })
})

describe('completion list', () => {
  it('judges each trainee per 차수 by the project rule', () => {
    const dir = createTempDir()
    const device = openRepoTestDevice(dir.file('c.sqlite'), NOW)
    try {
      device.addUser({ id: COORDINATOR.id, lastName: '이', firstName: '서연' })
      device.signInAs(COORDINATOR)
      const repos = createTraining({ ...device, deviceId: () => '0190a000-0000-7000-8000-00000000d001' })
      device.writer.upsert('companies', COMPANY, { code: 'C-1', name: '아우구전자', status: 'ACTIVE', tier: 'GOLD' })
      const project = repos.projectRecords.save(projectSaveSchema.parse({ name: '온보딩', companyId: COMPANY }))
      const sessionId = repos.projects.createSession(sessionCreateSchema.parse({ projectId: project.id, startDate: '2026-12-07', endDate: '2026-12-08' }))
        .sessions[0]!.id
      const created = repos.projects.createClass(classCreateSchema.parse({ sessionId, date: '2026-12-07', startTime: '09:00', endTime: '12:00' }))
      if (created.status !== 'created') throw new Error('double booked')
      repos.trainees.enrol({ sessionId }, [], parsePastedTrainees('홍길동\t010-1111-2222\n김철수\t010-3333-4444').rows.map(traineeRowOf))
      const roster = repos.attendance.roster(created.classId)
      repos.attendance.mark({ classId: created.classId, traineeId: roster.entries.find((e) => e.name === '홍길동')!.traineeId, status: 'PRESENT' })
      const list = repos.projects.completion(project.id)
      expect(list).toMatchObject({ projectName: '온보딩', completionPercent: 80 })
      expect(list.entries.map((e) => [e.name, e.sessionNumber, e.percent, e.completed])).toEqual([
        ['김철수', 1, 0, false],
        ['홍길동', 1, 100, true],
      ])
    } finally {
      device.close()
      dir.remove()
    }
  })
})

describe('contracts', () => {
  it('makes a DRAFT contract from a won opportunity with an offline code, linked to its project; edits and relinks', () => {
    const dir = createTempDir()
    const device = openRepoTestDevice(dir.file('k.sqlite'), NOW)
    try {
      device.addUser({ id: MANAGER.id, lastName: '김', firstName: '팀장', tier: 'MANAGER' })
      device.signInAs(MANAGER)
      const repos = createTraining({ ...device, deviceId: () => '0190a000-0000-7000-8000-00000000d001' })
      device.writer.upsert('companies', COMPANY, { code: 'C-1', name: '아우구전자', status: 'ACTIVE', tier: 'GOLD' })
      device.writer.upsert('opportunities', OPPORTUNITY, {
        code: 'O-1',
        title: '리더십 과정',
        company_id: COMPANY,
        stage: 'CLOSED_WON',
        probability: 100,
        amount: 30_000_000,
        account_manager_id: MANAGER.id,
      })
      const project = repos.projectRecords.fromOpportunity(OPPORTUNITY)
      const contract = repos.contracts.fromOpportunity(OPPORTUNITY)
      expect(contract).toMatchObject({ title: '리더십 과정', amount: 30_000_000, status: 'DRAFT', companyName: '아우구전자', projects: [{ id: project.id }] })
      expect(contract.code).toMatch(/^CT-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
      expect(repos.projects.get(project.id).contractCode).toBe(contract.code)
      const signed = repos.contracts.save(
        contractSaveSchema.parse({
          id: contract.id,
          companyId: COMPANY,
          title: '리더십 과정 본계약',
          amount: 32_000_000,
          signedDate: '2026-12-08',
          status: 'SIGNED',
          projectIds: [],
        }),
      )
      expect(signed).toMatchObject({ code: contract.code, status: 'SIGNED', amount: 32_000_000, projects: [] })
      expect(repos.projects.get(project.id).contractId).toBeNull()
      expect(repos.contracts.list().map((k) => k.id)).toEqual([contract.id])
    } finally {
      device.close()
      dir.remove()
    }
  })
})

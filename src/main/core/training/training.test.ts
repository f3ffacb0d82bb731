import { isGeneratedRecordCode } from '../../../shared/ids/record-code'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pairId } from '../../../shared/ids/pair-id'
import {
  attendanceMarkSchema,
  classCreateSchema,
  classDeleteSchema,
  classUpdateSchema,
  enrollmentStatusSchema,
  feedbackRecordSchema,
  instructorSaveSchema,
  sessionCreateSchema,
  sessionUpdateSchema,
  teamMemberSaveSchema,
  walkInSchema,
} from '../../../shared/model/validation/training'
import { countRows, createTempDir, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { openRepoTestDevice, type RepoTestDevice } from '../../../../test/support/device/repos'
import { createTraining, type TrainingRepos } from './index'
import { TrainingRuleError } from './rules'

const COORDINATOR = { id: testId(0xa1), tier: 'OPERATOR' } as const
const COMPANY = testId(0xc0)
const PROJECT = testId(0x90)
const OTHER_PROJECT = testId(0x91)
const SESSION = testId(0x51)
const OTHER_SESSION = testId(0x52)
const CLASS = testId(0xc1a55)
const INSTRUCTOR = testId(0x1a)
const DEVICE_ID = '0190a000-0000-7000-8000-00000000d001'
const trainee = (n: number): string => testId(0x7000 + n)

describe('training repositories (real SQLite)', () => {
  let dir: TempDir
  let device: RepoTestDevice
  let repos: TrainingRepos

  const seed = (): void => {
    const w = device.writer
    w.upsert('companies', COMPANY, { code: 'C-1', name: '(주)한빛제약', status: 'ACTIVE', tier: 'GOLD' })
    w.upsert('projects', PROJECT, {
      code: 'P-2026-001',
      name: '신임 팀장 리더십 과정',
      company_id: COMPANY,
      status: 'IN_PROGRESS',
      phase: 'EXECUTION',
      health: 'GREEN',
      priority: 'HIGH',
      start_date: '2026-11-01',
      end_date: '2026-12-31',
      budget: 50_000_000,
      actual_cost: 30_000_000,
      revenue: 40_000_000,
      progress: 40,
    })
    w.upsert('projects', OTHER_PROJECT, { code: 'P-2026-002', name: '영업 역량 과정', company_id: COMPANY, status: 'PLANNING', priority: 'LOW' })
    w.upsert('project_team_members', testId(0x3001), { project_id: PROJECT, user_id: COORDINATOR.id, role: 'COORDINATOR' })
    w.upsert('instructors', INSTRUCTOR, { code: 'I-1', first_name: '서준', last_name: '박', email: 'park@augu.kr' })
    w.upsert('training_sessions', SESSION, {
      project_id: PROJECT,
      session_number: 1,
      start_date: '2026-11-24',
      end_date: '2026-11-26',
      location: '본사 연수원',
      max_participants: 40,
    })
    w.upsert('training_sessions', OTHER_SESSION, {
      project_id: OTHER_PROJECT,
      session_number: 1,
      start_date: '2026-11-24',
      end_date: '2026-11-26',
      location: '부산 교육장',
    })
    w.upsert('training_classes', CLASS, {
      session_id: SESSION,
      class_number: 1,
      date: '2026-11-25',
      start_time: '09:00',
      end_time: '12:00',
      instructor_id: INSTRUCTOR,
      room: '세미나실 A',
      max_participants: 5,
    })
    for (let n = 1; n <= 4; n++) {
      w.upsert('trainees', trainee(n), { company_id: COMPANY, last_name: '김', first_name: `수강${n}` })
      w.upsert('enrollments', testId(0x8000 + n), { class_id: CLASS, trainee_id: trainee(n), status: 'CONFIRMED' })
    }
    // Not on the roster: only CONFIRMED enrolments count.
    w.upsert('trainees', trainee(9), { company_id: COMPANY, last_name: '최', first_name: '대기' })
    w.upsert('enrollments', testId(0x8009), { class_id: CLASS, trainee_id: trainee(9), status: 'WAITLISTED' })
  }

  beforeEach(() => {
    dir = createTempDir()
    device = openRepoTestDevice(dir.file('training.sqlite'), '2026-11-25T00:10:00.000Z')
    device.addUser({ id: COORDINATOR.id, lastName: '이', firstName: '서연' })
    device.signInAs(COORDINATOR)
    repos = createTraining({ ...device, deviceId: () => DEVICE_ID })
    seed()
  })
  afterEach(() => {
    device.close()
    dir.remove()
  })

  const mark = (traineeId: string, status: string, remarks?: string) =>
    repos.attendance.mark(attendanceMarkSchema.parse({ classId: CLASS, traineeId, status, remarks }))
  const pending = () => device.outbox.pendingBatch(10_000)
  const w = () => device.writer

  it('lists projects by status/health and derives margin and margin % without storing them', () => {
    expect(repos.projects.list().map((p) => p.code)).toEqual(['P-2026-001', 'P-2026-002'])
    expect(repos.projects.list({ status: 'PLANNING' }).map((p) => p.code)).toEqual(['P-2026-002'])
    expect(repos.projects.list({ health: 'RED' })).toEqual([])
    const page = repos.projects.get(PROJECT)
    expect(page).toMatchObject({ companyName: '(주)한빛제약', margin: 10_000_000, marginPercent: 25, progress: 40 })
    expect(page.team).toEqual([{ userId: COORDINATOR.id, name: '이서연', role: 'COORDINATOR', allocationPercent: 100 }])
    expect(page.sessions).toHaveLength(1)
    expect(page.sessions[0]!.classes[0]).toMatchObject({ instructorName: '박서준', enrolled: 4, attended: 0 })
    // A project without costs has no margin yet (not 100 %).
    expect(repos.projects.list({ status: 'PLANNING' })[0]).toMatchObject({ margin: null, marginPercent: null })
  })

  it('lists the agenda: classes from a day for some days, with project and counts', () => {
    expect(repos.projects.agenda('2026-11-25', 1)).toMatchObject([{ id: CLASS, projectName: '신임 팀장 리더십 과정', sessionNumber: 1, enrolled: 4 }])
    expect(repos.projects.agenda('2026-11-26', 7)).toEqual([])
    expect(repos.projects.agenda('2026-11-20', 5)).toEqual([])
  })

  it('creates a session with the next number and refuses a class outside it or with end before start', () => {
    const page = repos.projects.createSession(sessionCreateSchema.parse({ projectId: PROJECT, startDate: '2026-12-01', endDate: '2026-12-02' }))
    expect(page.sessions.map((s) => s.sessionNumber)).toEqual([1, 2])
    expect(() => sessionCreateSchema.parse({ projectId: PROJECT, startDate: '2026-12-02', endDate: '2026-12-01' })).toThrow()
    expect(() => classCreateSchema.parse({ sessionId: SESSION, date: '2026-11-25', startTime: '13:00', endTime: '13:00' })).toThrow()
    expect(() => repos.projects.createClass(classCreateSchema.parse({ sessionId: SESSION, date: '2026-11-30', startTime: '13:00', endTime: '15:00' }))).toThrow(
      TrainingRuleError,
    )
    expect(() =>
      repos.projects.createClass(
        classCreateSchema.parse({ sessionId: SESSION, date: '2026-11-25', startTime: '13:00', endTime: '15:00', maxParticipants: 41 }),
      ),
    ).toThrow(expect.objectContaining({ rule: 'classFull' }))
  })

  it('warns about double booking (same instructor, or same room at the same venue) and records an override', () => {
    const slot = { sessionId: SESSION, date: '2026-11-25', startTime: '11:00', endTime: '13:00' }
    const sameInstructor = repos.projects.createClass(classCreateSchema.parse({ ...slot, instructorId: INSTRUCTOR }))
    expect(sameInstructor).toMatchObject({
      status: 'doubleBooked',
      conflicts: [{ classId: CLASS, sameInstructor: true, sameRoom: false, instructorName: '박서준' }],
    })
    expect(countRows(device.sqlite, 'training_classes')).toBe(1)

    const sameRoom = repos.projects.createClass(classCreateSchema.parse({ ...slot, room: ' 세미나실 a' }))
    expect(sameRoom).toMatchObject({ status: 'doubleBooked', conflicts: [{ sameRoom: true, sameInstructor: false }] })
    // Same room name at another venue, or back-to-back times, is no clash.
    expect(repos.projects.doubleBookings({ ...slot, sessionId: OTHER_SESSION, instructorId: null, room: '세미나실 A' })).toEqual([])
    expect(repos.projects.doubleBookings({ ...slot, startTime: '12:00', instructorId: INSTRUCTOR, room: '세미나실 A' })).toEqual([])

    const before = pending().length
    const booked = repos.projects.createClass(classCreateSchema.parse({ ...slot, instructorId: INSTRUCTOR, allowDoubleBooking: true }))
    expect(booked.status).toBe('created')
    expect(
      pending()
        .slice(before)
        .map((e) => e.table),
    ).toEqual(['training_classes', 'activities'])
    const note = device.sqlite.prepare("SELECT entity_id, subject, description FROM activities WHERE entity_type = 'PROJECT'").get() as {
      entity_id: string
      subject: string
      description: string
    }
    expect(note.entity_id).toBe(PROJECT)
    expect(note.subject).toBe('이중 예약 확인 후 등록: 1차 2분반')
    expect(note.description).toContain('1차 1분반 09:00–12:00 (같은 강사)')
  })

  it('marks a trainee with a pair id and who/when/where; a second mark edits the same row, only changed fields travel', () => {
    const roster = mark(trainee(1), 'LATE', '10분 지각')
    const id = pairId('attendance_records', CLASS, trainee(1))
    const row = device.sqlite.prepare('SELECT * FROM attendance_records WHERE id = ?').get(id) as Record<string, unknown>
    expect(row).toMatchObject({
      status: 'LATE',
      remarks: '10분 지각',
      recorded_by: COORDINATOR.id,
      recorded_device_id: DEVICE_ID,
      recorded_at: '2026-11-25T00:10:00.000Z',
    })
    expect(roster.entries.find((e) => e.traineeId === trainee(1))).toMatchObject({ attendance: 'LATE', recordedByName: '이서연', remarks: '10분 지각' })
    expect(roster.counts).toMatchObject({ enrolled: 4, attended: 1, unmarked: 3, rate: 100 })

    device.setNow('2026-11-25T00:20:00.000Z')
    const before = pending().length
    mark(trainee(1), 'PRESENT')
    expect(countRows(device.sqlite, 'attendance_records')).toBe(1)
    const [entry] = pending().slice(before)
    expect(entry).toMatchObject({ table: 'attendance_records', rowId: id })
    expect(Object.keys(entry!.fields).sort()).toEqual(['recorded_at', 'status'])
    // Remarks are kept when the mark is changed without them.
    expect(repos.attendance.roster(CLASS).entries[0]).toMatchObject({ attendance: 'PRESENT', remarks: '10분 지각' })
  })

  it('updates a pulled mark (random id) in place instead of creating a second row', () => {
    const pulled = testId(0xaaaa)
    device.writer.upsert('attendance_records', pulled, { class_id: CLASS, trainee_id: trainee(2), status: 'ABSENT', recorded_by: COORDINATOR.id })
    mark(trainee(2), 'EXCUSED', '병가')
    expect(device.sqlite.prepare('SELECT id, status FROM attendance_records').all()).toEqual([{ id: pulled, status: 'EXCUSED' }])
  })

  it('refuses a mark for someone not enrolled, and any write when nobody is signed in', () => {
    expect(() => mark(testId(0x7777), 'PRESENT')).toThrow(expect.objectContaining({ rule: 'notFound' }))
    const signedOut = createTraining({ ...device, actor: () => null, deviceId: () => DEVICE_ID })
    expect(() => signedOut.attendance.markRestPresent(CLASS)).toThrow(expect.objectContaining({ rule: 'signInToEdit' }))
  })

  it('marks everyone else present in ONE transaction, leaving existing marks alone; rate and counts follow', () => {
    mark(trainee(1), 'ABSENT')
    mark(trainee(2), 'LEFT_EARLY')
    const before = pending().length
    let notified = 0
    device.writer.onChange(() => (notified += 1))
    const roster = repos.attendance.markRestPresent(CLASS)
    expect(notified).toBe(1)
    expect(pending().length - before).toBe(2)
    expect(roster.entries.map((e) => e.attendance)).toEqual(['ABSENT', 'LEFT_EARLY', 'PRESENT', 'PRESENT'])
    // (0 + 0.5 + 1 + 1) / 4 = 62.5 %
    expect(roster.counts).toEqual({ enrolled: 4, attended: 3, present: 2, late: 0, leftEarly: 1, absent: 1, excused: 0, unmarked: 0, rate: 62.5 })
    // Completion over the session's classes (one class here): a left-early trainee gets half → below 80 %.
    expect(roster.entries.map((e) => e.completed)).toEqual([false, false, true, true])
    expect(repos.projects.get(PROJECT).sessions[0]!.classes[0]).toMatchObject({ enrolled: 4, attended: 3 })
  })

  it('adds a walk-in (trainee + enrolment + mark) in one transaction, and refuses one over capacity with nothing written', () => {
    const before = pending().length
    const roster = repos.attendance.walkIn(walkInSchema.parse({ classId: CLASS, lastName: '정', firstName: '하늘', department: '영업팀' }))
    expect(
      pending()
        .slice(before)
        .map((e) => e.table),
    ).toEqual(['trainees', 'enrollments', 'attendance_records'])
    const walkIn = roster.entries.find((e) => e.name === '정하늘')
    expect(walkIn).toMatchObject({ walkIn: true, attendance: 'PRESENT', department: '영업팀' })
    expect(walkIn!.enrollmentId).toBe(pairId('enrollments', CLASS, walkIn!.traineeId))
    expect(roster.counts.enrolled).toBe(5)

    const trainees = countRows(device.sqlite, 'trainees')
    expect(() => repos.attendance.walkIn(walkInSchema.parse({ classId: CLASS, lastName: '오', firstName: '초과' }))).toThrow(
      expect.objectContaining({ rule: 'classFull' }),
    )
    expect(countRows(device.sqlite, 'trainees')).toBe(trainees)
  })

  const classEdit = (fields: Record<string, unknown> = {}) =>
    classUpdateSchema.parse({
      id: CLASS,
      classNumber: 1,
      date: '2026-11-25',
      startTime: '09:00',
      endTime: '12:00',
      instructorId: INSTRUCTOR,
      room: '세미나실 A',
      maxParticipants: 5,
      status: 'SCHEDULED',
      ...fields,
    })

  it('confirms, waitlists and cancels enrolments, refusing a confirmation at capacity with nothing written', () => {
    const list = repos.enrollments.list(CLASS)
    expect(list).toMatchObject({ confirmed: 4, maxParticipants: 5 })
    // Waiting decisions are listed first.
    expect(list.entries[0]).toMatchObject({ name: '최대기', status: 'WAITLISTED' })
    expect(repos.projects.get(PROJECT).sessions[0]!.classes[0]).toMatchObject({ enrolled: 4, waiting: 1 })

    const confirmed = repos.enrollments.setStatus(enrollmentStatusSchema.parse({ enrollmentId: testId(0x8009), status: 'CONFIRMED' }))
    expect(confirmed.confirmed).toBe(5)
    expect(repos.attendance.roster(CLASS).entries.map((e) => e.name)).toContain('최대기')

    // Full: a sixth confirmation is refused; cancelling one frees the seat.
    w().upsert('trainees', trainee(10), { company_id: COMPANY, last_name: '한', first_name: '신청' })
    w().upsert('enrollments', testId(0x8010), { class_id: CLASS, trainee_id: trainee(10), status: 'APPLIED' })
    const before = pending().length
    expect(() => repos.enrollments.setStatus(enrollmentStatusSchema.parse({ enrollmentId: testId(0x8010), status: 'CONFIRMED' }))).toThrow(
      expect.objectContaining({ rule: 'classFull' }),
    )
    expect(pending().length).toBe(before)
    repos.enrollments.setStatus(enrollmentStatusSchema.parse({ enrollmentId: testId(0x8001), status: 'CANCELLED' }))
    const after = repos.enrollments.setStatus(enrollmentStatusSchema.parse({ enrollmentId: testId(0x8010), status: 'CONFIRMED' }))
    expect(after.confirmed).toBe(5)
    expect(after.entries.at(-1)).toMatchObject({ status: 'CANCELLED', name: '김수강1' })
  })

  it('edits a session and a class (number included), flags duplicate numbers, and re-checks double booking', () => {
    // Two devices both created 1차 offline: both kept, both flagged, the number editable.
    w().upsert('training_sessions', testId(0x53), { project_id: PROJECT, session_number: 1, start_date: '2026-12-01', end_date: '2026-12-02' })
    let page = repos.projects.get(PROJECT)
    expect(page.sessions.map((s) => [s.sessionNumber, s.duplicateNumber])).toEqual([
      [1, true],
      [1, true],
    ])
    page = repos.projects.updateSession(
      sessionUpdateSchema.parse({ id: testId(0x53), sessionNumber: 2, startDate: '2026-12-01', endDate: '2026-12-03', status: 'SCHEDULED' }),
    )
    expect(page.sessions.map((s) => [s.sessionNumber, s.duplicateNumber, s.endDate])).toEqual([
      [1, false, '2026-11-26'],
      [2, false, '2026-12-03'],
    ])

    // The class does not clash with itself when edited.
    expect(repos.projects.updateClass(classEdit({ topic: '리더의 역할' })).status).toBe('created')
    expect(repos.projects.get(PROJECT).sessions[0]!.classes[0]).toMatchObject({ topic: '리더의 역할', enrolled: 4 })
    // Moving it onto another class of the same instructor warns; outside the session is refused.
    const other = repos.projects.createClass(
      classCreateSchema.parse({ sessionId: SESSION, date: '2026-11-26', startTime: '09:00', endTime: '12:00', instructorId: INSTRUCTOR }),
    )
    expect(other.status).toBe('created')
    expect(repos.projects.updateClass(classEdit({ date: '2026-11-26' }))).toMatchObject({ status: 'doubleBooked' })
    expect(() => repos.projects.updateClass(classEdit({ date: '2026-12-25' }))).toThrow(expect.objectContaining({ rule: 'invalidPeriod' }))
    // The new class got 2 (highest + 1); another device's class also numbered 2 is flagged, both of them.
    repos.projects.updateClass(classEdit({ classNumber: 3 }))
    const dup = w().upsert('training_classes', testId(0xc1a56), {
      session_id: SESSION,
      class_number: 2,
      date: '2026-11-24',
      start_time: '13:00',
      end_time: '14:00',
    })
    expect(dup).not.toBeNull()
    const flags = repos.projects.get(PROJECT).sessions[0]!.classes.map((k) => [k.classNumber, k.duplicateNumber])
    expect(flags).toEqual([
      [2, true],
      [2, true],
      [3, false],
    ])
  })

  it('deletes a class only after a second yes when it has marks; a session only once it has no classes', () => {
    mark(trainee(1), 'PRESENT')
    expect(() => repos.projects.deleteSession(SESSION)).toThrow(expect.objectContaining({ rule: 'hasClasses' }))
    expect(repos.projects.deleteClass(classDeleteSchema.parse({ id: CLASS }))).toEqual({ status: 'hasAttendance', marks: 1 })
    expect(repos.projects.get(PROJECT).sessions[0]!.classes).toHaveLength(1)
    const deleted = repos.projects.deleteClass(classDeleteSchema.parse({ id: CLASS, confirmAttendance: true }))
    expect(deleted.status).toBe('deleted')
    // Soft delete through the writer: the row and its marks stay, hidden.
    expect(countRows(device.sqlite, 'training_classes', 'deleted_at IS NOT NULL')).toBe(1)
    expect(countRows(device.sqlite, 'attendance_records')).toBe(1)
    expect(pending().at(-1)).toMatchObject({ table: 'training_classes', rowId: CLASS })
    const page = repos.projects.deleteSession(SESSION)
    expect(page.sessions).toEqual([])
  })

  it('records satisfaction answers and derives the averages per class, session and project', () => {
    const record = (fields: Record<string, unknown>) => repos.projects.recordFeedback(feedbackRecordSchema.parse({ sessionId: SESSION, ...fields }))
    record({ classId: CLASS, overallRating: 5, contentRating: 4, instructorRating: 5 })
    record({ classId: CLASS, overallRating: 4, operationRating: 3, comment: '  실습이 좋았음 ' })
    const page = record({ overallRating: 3 })
    // class: (5 + 4) / 2 = 4.5; session and project: (5 + 4 + 3) / 3 = 4
    expect(page.sessions[0]!.classes[0]!.satisfaction).toEqual({ responses: 2, overall: 4.5, content: 4, instructor: 5, operation: 3 })
    expect(page.sessions[0]!.satisfaction).toMatchObject({ responses: 3, overall: 4 })
    expect(page.satisfaction).toMatchObject({ responses: 3, overall: 4 })
    const stored = device.sqlite.prepare('SELECT instructor_id, comment FROM training_feedback WHERE class_id = ? ORDER BY overall_rating').all(CLASS)
    expect(stored).toEqual([
      { instructor_id: INSTRUCTOR, comment: '실습이 좋았음' },
      { instructor_id: INSTRUCTOR, comment: null },
    ])
    expect(() => feedbackRecordSchema.parse({ sessionId: SESSION, overallRating: 6 })).toThrow()
    expect(() => record({ classId: testId(0xbad), overallRating: 4 })).toThrow(expect.objectContaining({ rule: 'notFound' }))
    // Another project's answers do not count here.
    expect(repos.projects.get(OTHER_PROJECT).satisfaction).toBeNull()
  })

  it('adds, edits and removes project team members, one row per (project, user) with a pair id', () => {
    const PM = testId(0xa2)
    device.addUser({ id: PM, lastName: '박', firstName: '지훈', tier: 'MANAGER' })
    expect(repos.projects.teamCandidates().map((u) => u.name)).toEqual(['박지훈', '이서연'])
    let page = repos.projects.saveTeamMember(teamMemberSaveSchema.parse({ projectId: PROJECT, userId: PM, role: 'PROJECT_MANAGER', allocationPercent: 50 }))
    expect(page.team).toContainEqual({ userId: PM, name: '박지훈', role: 'PROJECT_MANAGER', allocationPercent: 50 })
    const pair = pairId('project_team_members', PROJECT, PM)
    expect(countRows(device.sqlite, 'project_team_members', `id = '${pair}'`)).toBe(1)
    // Saving the same person again edits the row; the existing (server) row of the coordinator is edited in place.
    repos.projects.saveTeamMember(teamMemberSaveSchema.parse({ projectId: PROJECT, userId: PM, role: 'PROJECT_MANAGER', allocationPercent: 30 }))
    page = repos.projects.saveTeamMember(teamMemberSaveSchema.parse({ projectId: PROJECT, userId: COORDINATOR.id, role: 'COORDINATOR', allocationPercent: 80 }))
    expect(countRows(device.sqlite, 'project_team_members')).toBe(2)
    expect(page.team.map((m) => m.allocationPercent).sort()).toEqual([30, 80])
    expect(() => teamMemberSaveSchema.parse({ projectId: PROJECT, userId: PM, allocationPercent: 120 })).toThrow()

    page = repos.projects.removeTeamMember({ projectId: PROJECT, userId: PM })
    expect(page.team.map((m) => m.userId)).toEqual([COORDINATOR.id])
    // Back on the team: the same pair row comes back.
    page = repos.projects.saveTeamMember(teamMemberSaveSchema.parse({ projectId: PROJECT, userId: PM, role: 'MEMBER', allocationPercent: 10 }))
    expect(countRows(device.sqlite, 'project_team_members')).toBe(2)
    expect(page.team).toHaveLength(2)
  })

  it('adds and edits instructors (specialties, certifications, grade, internal/external); deduplicates tags', () => {
    const list = repos.instructors.save(
      instructorSaveSchema.parse({
        lastName: '한',
        firstName: '지민',
        email: ' Han@Augu.KR ',
        phone: '010-1234-5678',
        specialties: ['리더십', '코칭', '리더십', ''],
        certifications: ['KAC'],
        rating: 4.5,
        hourlyRate: 300_000,
        isInternal: false,
      }),
    )
    const han = list.find((i) => i.name === '한지민')!
    expect(han).toMatchObject({ email: 'han@augu.kr', specialties: ['리더십', '코칭'], certifications: ['KAC'], rating: 4.5, isInternal: false })
    expect(han.code).toSatisfy((code: string) => isGeneratedRecordCode('instructors', code))
    // 가나다 order: 박서준 before 한지민.
    expect(list.map((i) => i.name)).toEqual(['박서준', '한지민'])
    const edited = repos.instructors.save(
      instructorSaveSchema.parse({ id: han.id, lastName: '한', firstName: '지민', email: 'han@augu.kr', rating: 5, isInternal: true, isActive: false }),
    )
    expect(edited.at(-1)).toMatchObject({ id: han.id, code: han.code, rating: 5, isInternal: true, isActive: false, specialties: [] })
    expect(() => instructorSaveSchema.parse({ lastName: '김', firstName: '강사', email: 'not-an-email' })).toThrow()
    expect(() => instructorSaveSchema.parse({ lastName: '김', firstName: '강사', email: 'a@b.kr', rating: 7 })).toThrow()
  })
})

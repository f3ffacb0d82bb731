/**
 * projects, project_team_members, training_sessions (차수), training_classes (분반), trainees, enrollments,
 * attendance_records, training_feedback. Dates flow downwards: a contract sets the project's period, sessions fall
 * inside it, classes inside their session; only classes before the reference day have attendance and feedback.
 */
import { type AttendanceStatus, type EnrollmentStatus, type ProjectStatus, type SessionStatus } from '../../shared/model/enums'
import { DEMO_ACCOUNTS } from '../accounts'
import { DAY_MS, addDays, daysBetween, hhmm, instantBetween, isoTimestamp, kstInstant, nextWorkday, weekday } from '../clock'
import { commonColumns, idMaker, type WireRow } from '../context'
import { ATTENDANCE_REMARKS, FEEDBACK_COMMENTS, ROOMS, TRAINING_VENUES } from '../hrd-data'
import { demoRecordCode, demoUuidV7 } from '../ids'
import { fakeMobile, fakePerson } from '../korean-fakes'
import { type Random } from '../prng'
import { type ClassInfo, type DemoState, type InstructorInfo, type ProjectInfo, type SessionInfo, type TraineeInfo, type UserInfo } from '../state'
import { SPECIALTIES_BY_PROJECT_TYPE } from './catalog'
import { activeUsers } from './org'
import { deliveryDays } from './sales'

function weightedUser(random: Random, users: readonly UserInfo[], favourite: string, boost: number): UserInfo {
  return random.weighted(users.map((u) => [u, u.id === favourite ? boost : 1] as const))
}

export function buildProjects(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('projects')
  const newId = idMaker(ctx, 'projects')
  const ops = activeUsers(state, ['OPS'])
  const pms = ops.filter((u) => u.role === 'PROJECT_MANAGER' || u.tier === 'MANAGER')
  const coordinators = ops.filter((u) => u.role === 'COORDINATOR')
  const consultants = activeUsers(state, ['CONSULTING'])
  const rows: WireRow[] = []
  for (const contract of state.contracts) {
    if (contract.status === 'DRAFT') continue
    const opportunity = contract.opportunity
    const company = state.companyById.get(opportunity.companyId)!
    const product = opportunity.product
    const status: ProjectStatus =
      contract.status === 'SIGNED'
        ? 'PLANNING'
        : contract.status === 'TERMINATED'
          ? 'CANCELLED'
          : contract.status === 'COMPLETED'
            ? 'COMPLETED'
            : random.chance(0.05)
              ? 'ON_HOLD'
              : 'IN_PROGRESS'
    const consulting = product.seed.type === 'CONSULTING' || product.seed.type === 'ASSESSMENT'
    const pmPool = consulting && consultants.length > 0 ? consultants : pms.length > 0 ? pms : ops
    const manager = random.pick(pmPool.length > 0 ? pmPool : state.users)
    const coordinatorPool = coordinators.length > 0 ? coordinators : ops
    const coordinator = weightedUser(random, coordinatorPool, DEMO_ACCOUNTS.coordinator.id, 3)
    const operatorPool = ops.filter((u) => u.id !== coordinator.id && u.id !== manager.id)
    const operator = operatorPool.length > 0 ? random.pick(operatorPool) : coordinator
    const createdMs = Math.min(ctx.nowMs - 60_000, contract.signedMs + random.int(1, 5) * DAY_MS)
    const id = newId(createdMs)
    const year = contract.startDate.slice(0, 4)
    const info: ProjectInfo = {
      id,
      companyId: company.id,
      branchId: opportunity.branchId,
      opportunityId: opportunity.id,
      name: `${company.shortName} ${year} ${product.seed.name}`,
      type: product.seed.projectType,
      status,
      product,
      startDate: contract.startDate,
      endDate: contract.endDate,
      managerId: manager.id,
      coordinatorId: coordinator.id,
      operatorId: operator.id,
      accountManagerId: opportunity.accountManagerId,
      createdMs,
      sessions: opportunity.sessions,
    }
    state.projects.push(info)
    const elapsed = Math.min(1, Math.max(0, daysBetween(contract.startDate, ctx.today) / Math.max(1, deliveryDays(opportunity))))
    const progress = status === 'COMPLETED' ? 100 : status === 'PLANNING' ? random.int(0, 10) : Math.min(95, Math.round(elapsed * 100))
    const budget = Math.round((contract.amount * random.int(55, 70)) / 100 / 10_000) * 10_000
    const actualCost = status === 'PLANNING' ? 0 : Math.round((budget * (progress / 100) * random.int(88, 112)) / 100 / 10_000) * 10_000
    const started = contract.startDate <= ctx.today && status !== 'PLANNING'
    const actualStart = started ? contract.startDate : null
    const actualEnd = status === 'COMPLETED' ? (contract.endDate < ctx.today ? contract.endDate : ctx.today) : null
    const amount = contract.amount
    rows.push({
      ...commonColumns({
        id,
        createdMs,
        updatedMs: Math.min(ctx.nowMs, status === 'COMPLETED' ? kstInstant(contract.endDate, '18:00') : instantBetween(random, createdMs, ctx.nowMs, 2)),
        createdBy: manager.id,
      }),
      code: demoRecordCode('projects', id),
      name: info.name,
      description: `${company.name} ${product.seed.audience} 대상 ${product.seed.name}. ${opportunity.sessions}차수 운영.`,
      type: info.type,
      company_id: company.id,
      branch_id: opportunity.branchId,
      opportunity_id: opportunity.id,
      contract_id: contract.id,
      status,
      phase:
        status === 'COMPLETED'
          ? 'CLOSING'
          : status === 'PLANNING'
            ? random.pick(['INITIATION', 'PLANNING'])
            : status === 'CANCELLED'
              ? 'CLOSING'
              : elapsed > 0.7
                ? 'MONITORING'
                : 'EXECUTION',
      health:
        status === 'COMPLETED'
          ? 'GREEN'
          : random.weighted([
              ['GREEN', 75],
              ['YELLOW', 18],
              ['RED', 7],
            ] as const),
      priority: amount >= 300_000_000 ? 'CRITICAL' : amount >= 100_000_000 ? 'HIGH' : random.chance(0.8) ? 'MEDIUM' : 'LOW',
      start_date: contract.startDate,
      end_date: contract.endDate,
      actual_start_date: actualStart,
      actual_end_date: actualEnd,
      budget,
      actual_cost: actualCost,
      revenue: status === 'CANCELLED' ? Math.round((amount * progress) / 100 / 10_000) * 10_000 : amount,
      progress,
      project_manager_id: manager.id,
      coordinator_id: coordinator.id,
      operator_id: operator.id,
      // Every demo project follows the company completion rule (80 %); a project's own rule is set on its page.
      completion_percent: null,
    })
  }
  return rows
}

export function buildProjectTeamMembers(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('project_team_members')
  const newId = idMaker(ctx, 'project_team_members')
  const ops = activeUsers(state, ['OPS', 'CONSULTING'])
  const rows: WireRow[] = []
  for (const project of state.projects) {
    const members: [string, string, number][] = [
      [project.managerId, 'PROJECT_MANAGER', random.pick([20, 30, 50])],
      [project.coordinatorId, 'COORDINATOR', random.pick([50, 80, 100])],
      [project.operatorId, 'OPERATOR', random.pick([30, 50, 100])],
      [project.accountManagerId, 'MEMBER', 10],
    ]
    if (random.chance(0.3) && ops.length > 0) members.push([random.pick(ops).id, 'MEMBER', random.pick([10, 20, 30])])
    const seen = new Set<string>()
    const active = project.status === 'IN_PROGRESS' || project.status === 'PLANNING' || project.status === 'ON_HOLD'
    for (const [userId, role, allocation] of members) {
      if (seen.has(userId)) continue
      seen.add(userId)
      rows.push({
        ...commonColumns({ id: newId(project.createdMs), createdMs: project.createdMs, createdBy: project.managerId }),
        project_id: project.id,
        user_id: userId,
        role,
        allocation_percent: allocation,
        start_date: project.startDate,
        end_date: project.endDate,
        is_active: active,
      })
    }
  }
  return rows
}

/** The first working day on or after `date` from which a `days`-long session stays within one week. */
function sessionStart(date: string, days: number): string {
  let start = nextWorkday(date)
  const dow = weekday(start)
  if (days > 1 && dow + days - 1 > 5) start = addDays(start, 8 - dow)
  return start
}

function statusByDates(start: string, end: string, today: string): SessionStatus {
  return end < today ? 'COMPLETED' : start <= today ? 'IN_PROGRESS' : 'SCHEDULED'
}

/** Per session: how many trainees and groups (분반), decided once and reused by classes and enrolments. */
interface SessionPlan {
  readonly headcount: number
  readonly groups: number
  readonly days: number
}
const sessionPlans = new WeakMap<SessionInfo, SessionPlan>()

export function buildTrainingSessions(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('training_sessions')
  const newId = idMaker(ctx, 'training_sessions')
  const rows: WireRow[] = []
  for (const project of state.projects) {
    const seed = project.product.seed
    const days = seed.type === 'TRAINING' ? Math.min(seed.days, 2) : 1
    const count = project.sessions
    const span = daysBetween(project.startDate, project.endDate)
    const spacing = count > 1 ? Math.max(days + 2, Math.floor((span - days) / (count - 1))) : 0
    const company = state.companyById.get(project.companyId)!
    const venue = random.chance(0.4) ? `${company.name} 본사 교육장` : random.pick(TRAINING_VENUES)
    for (let n = 1; n <= count; n++) {
      // Consulting and assessment projects hold their one workshop / debrief near the end.
      const offset = seed.type === 'CONSULTING' || seed.type === 'ASSESSMENT' ? Math.max(0, span - 10) : (n - 1) * spacing
      const startDate = sessionStart(addDays(project.startDate, offset), days)
      const endDate = addDays(startDate, days - 1)
      let status = statusByDates(startDate, endDate, ctx.today)
      if (project.status === 'CANCELLED' && status !== 'COMPLETED') status = 'CANCELLED'
      if (project.status === 'PLANNING') status = 'SCHEDULED'
      const max = seed.maxParticipants ?? 20
      const headcount =
        seed.type === 'COACHING' ? Math.min(max, random.int(1, 6)) : seed.type === 'TRAINING' ? Math.min(max, random.int(6, 16)) : random.int(4, 12)
      const groups = headcount > 12 && seed.type === 'TRAINING' ? 2 : 1
      const createdMs = Math.min(ctx.nowMs - 60_000, project.createdMs + random.int(0, 20) * DAY_MS)
      const id = newId(createdMs)
      const info: SessionInfo = {
        id,
        project,
        number: n,
        startDate,
        endDate,
        status,
        maxParticipants: Math.max(headcount, Math.min(max, headcount + 5)),
        createdMs,
      }
      state.sessions.push(info)
      sessionPlans.set(info, { headcount, groups, days })
      rows.push({
        ...commonColumns({
          id,
          createdMs,
          updatedMs: Math.min(ctx.nowMs, status === 'COMPLETED' ? kstInstant(endDate, '19:00') : createdMs + random.int(0, 10) * DAY_MS),
          createdBy: project.coordinatorId,
        }),
        project_id: project.id,
        session_number: n,
        name: `${n}차수 (${Number(startDate.slice(5, 7))}월)`,
        start_date: startDate,
        end_date: endDate,
        status,
        coordinator_id: project.coordinatorId,
        location: venue,
        max_participants: info.maxParticipants,
        notes: random.chance(0.2) ? random.pick(['중식 제공 (도시락)', '주차 지원 필요', '사전 과제 공지 완료', '임원 특강 포함']) : null,
      })
    }
  }
  return rows
}

/** Class times by hours per day (KST wall clock). */
function classTimes(hoursPerDay: number): [number, number] {
  if (hoursPerDay >= 8) return [9 * 60, 18 * 60]
  if (hoursPerDay >= 7) return [9 * 60, 17 * 60]
  if (hoursPerDay >= 6) return [9 * 60 + 30, 16 * 60 + 30]
  if (hoursPerDay >= 4) return [13 * 60 + 30, 17 * 60 + 30]
  return [14 * 60, 16 * 60]
}

/** The group (분반) and day of each class, for enrolling the right trainees. */
const classSlots = new WeakMap<ClassInfo, { group: number; day: number }>()

export function buildTrainingClasses(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('training_classes')
  const newId = idMaker(ctx, 'training_classes')
  const booked = new Map<string, Set<string>>()
  const pickInstructor = (type: string, date: string): InstructorInfo | null => {
    const wanted = SPECIALTIES_BY_PROJECT_TYPE[type] ?? []
    // Instructors who no longer work with us may appear on past classes only.
    const available = date >= ctx.today ? state.instructors.filter((i) => i.isActive) : state.instructors
    const fit = available.filter((i) => i.specialties.some((s) => wanted.includes(s)))
    const pool = fit.length > 0 ? fit : available
    for (let attempt = 0; attempt < 6 && pool.length > 0; attempt++) {
      const candidate = random.pick(pool)
      const dates = booked.get(candidate.id) ?? new Set<string>()
      if (!dates.has(date)) {
        dates.add(date)
        booked.set(candidate.id, dates)
        return candidate
      }
    }
    return pool.length > 0 ? random.pick(pool) : null
  }
  const rows: WireRow[] = []
  for (const session of state.sessions) {
    const plan = sessionPlans.get(session)!
    const seed = session.project.product.seed
    const hoursPerDay = seed.hours ? seed.hours / Math.max(1, seed.days) : 3
    const [startMin, endMin] = classTimes(seed.type === 'TRAINING' ? hoursPerDay : 3)
    const online = seed.type === 'COACHING' && random.chance(0.5)
    let number = 0
    for (let g = 0; g < plan.groups; g++) {
      const groupLetter = String.fromCharCode(65 + g)
      const instructor = pickInstructor(session.project.type, session.startDate)
      for (let d = 0; d < plan.days; d++) {
        number++
        const date = addDays(session.startDate, d)
        let status: SessionStatus = date < ctx.today ? 'COMPLETED' : date === ctx.today ? 'IN_PROGRESS' : 'SCHEDULED'
        if (session.status === 'CANCELLED' && status !== 'COMPLETED') status = 'CANCELLED'
        if (session.status === 'SCHEDULED') status = 'SCHEDULED'
        const capacity = Math.ceil(plan.headcount / plan.groups) + 2
        const id = newId(session.createdMs)
        const info: ClassInfo = {
          id,
          session,
          date,
          startTime: hhmm(startMin),
          endTime: hhmm(endMin),
          instructorId: instructor?.id ?? null,
          status,
          capacity,
          createdMs: session.createdMs,
        }
        state.classes.push(info)
        classSlots.set(info, { group: g, day: d })
        const module = seed.modules[Math.min(seed.modules.length - 1, Math.floor((d * seed.modules.length) / plan.days))] ?? seed.name
        rows.push({
          ...commonColumns({
            id,
            createdMs: session.createdMs,
            updatedMs: Math.min(ctx.nowMs, status === 'COMPLETED' ? kstInstant(date, hhmm(endMin)) : session.createdMs),
            createdBy: session.project.coordinatorId,
          }),
          session_id: session.id,
          class_number: number,
          name: plan.days > 1 ? `${groupLetter}반 ${d + 1}일차` : `${groupLetter}반`,
          date,
          start_time: info.startTime,
          end_time: info.endTime,
          instructor_id: info.instructorId,
          room: online ? 'Zoom 회의실' : random.pick(ROOMS.slice(0, -1)),
          topic: module,
          materials_url: random.chance(0.5) ? `https://lms.augu.demo/materials/${seed.code.toLowerCase()}/day${d + 1}` : null,
          max_participants: capacity,
          status,
        })
      }
    }
  }
  return rows
}

const CLIENT_DEPARTMENTS = [
  '영업1팀',
  '영업2팀',
  '마케팅팀',
  '재무팀',
  '생산관리팀',
  '품질보증팀',
  '연구개발팀',
  '구매팀',
  '인사팀',
  'IT팀',
  '고객지원팀',
  '전략기획팀',
] as const

/** Who sits in each group of each session: trainee ids by session id, then group. */
const rosters = new WeakMap<SessionInfo, string[][]>()

export function buildTrainees(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('trainees')
  const newId = idMaker(ctx, 'trainees')
  const employeeNumbers = new Map<string, Set<string>>()
  const rows: WireRow[] = []
  const byProject = new Map<string, SessionInfo[]>()
  for (const session of state.sessions) {
    const list = byProject.get(session.project.id) ?? []
    list.push(session)
    byProject.set(session.project.id, list)
  }
  for (const [, sessions] of byProject) {
    const project = sessions[0]!.project
    const company = state.companyById.get(project.companyId)!
    const pool = state.traineesByCompany.get(company.id) ?? []
    state.traineesByCompany.set(company.id, pool)
    const numbers = employeeNumbers.get(company.id) ?? new Set<string>()
    employeeNumbers.set(company.id, numbers)
    const emailDomain = company.domain
    const projectTrainees: string[] = []
    for (const session of sessions) {
      const plan = sessionPlans.get(session)!
      const roster: string[] = []
      for (let t = 0; t < plan.headcount; t++) {
        // Some people come back for a later 차수 of the same project (a series), or from an earlier project.
        const reuseFrom =
          projectTrainees.length > 0 && random.chance(0.35) ? projectTrainees : pool.length > 0 && random.chance(0.1) ? pool.map((p) => p.id) : null
        const reused = reuseFrom ? random.pick(reuseFrom) : null
        if (reused && !roster.includes(reused)) {
          roster.push(reused)
          continue
        }
        const leaderCourse = project.type === 'LEADERSHIP'
        const position =
          project.type === 'ONBOARDING'
            ? '사원'
            : leaderCourse
              ? random.weighted([
                  ['과장', 2],
                  ['차장', 4],
                  ['부장', 3],
                ] as const)
              : random.weighted([
                  ['사원', 3],
                  ['주임', 2],
                  ['대리', 4],
                  ['과장', 3],
                  ['차장', 1],
                ] as const)
        const person = fakePerson(random, { senior: position === '차장' || position === '부장' })
        let employeeNumber: string
        do {
          employeeNumber = `${random.int(10, 26)}${String(random.int(0, 99_999)).padStart(5, '0')}`
        } while (numbers.has(employeeNumber))
        numbers.add(employeeNumber)
        const createdMs = Math.min(ctx.nowMs - 60_000, session.createdMs + random.int(0, 10) * DAY_MS)
        const id = newId(createdMs)
        // Sometimes the customer's own HR contact takes the course too.
        const contact = t === 0 && random.chance(0.05) ? company.contacts[0] : undefined
        rows.push({
          ...commonColumns({ id, createdMs, createdBy: project.coordinatorId }),
          company_id: company.id,
          branch_id: contact?.branchId ?? (random.chance(0.8) ? company.branchIds[0]! : random.pick(company.branchIds)),
          contact_id: contact?.id ?? null,
          first_name: person.givenName,
          last_name: person.familyName,
          employee_number: random.chance(0.9) ? employeeNumber : null,
          department: random.pick(CLIENT_DEPARTMENTS),
          position,
          email: random.chance(0.9) ? `${person.romanized}.${employeeNumber.slice(-3)}@${emailDomain}` : null,
          phone: random.chance(0.7) ? fakeMobile(random) : null,
          notes: random.chance(0.03) ? random.pick(['채식 도시락 요청', '휠체어 접근 필요', '사전 과제 미제출']) : null,
        })
        const info: TraineeInfo = { id, companyId: company.id }
        pool.push(info)
        projectTrainees.push(id)
        roster.push(id)
      }
      // Split the roster into groups (분반).
      const groups: string[][] = Array.from({ length: plan.groups }, () => [])
      roster.forEach((id, i) => groups[i % plan.groups]!.push(id))
      rosters.set(session, groups)
    }
  }
  return rows
}

export function buildEnrollments(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('enrollments')
  const newId = idMaker(ctx, 'enrollments')
  const rows: WireRow[] = []
  // A trainee who cancelled a session cancelled all of its days: one draw per (session, trainee).
  const draws = new Map<string, number>()
  const drawFor = (key: string): number => {
    let value = draws.get(key)
    if (value === undefined) {
      value = random.next()
      draws.set(key, value)
    }
    return value
  }
  for (const classInfo of state.classes) {
    const slot = classSlots.get(classInfo)!
    const roster = rosters.get(classInfo.session)?.[slot.group] ?? []
    const future = classInfo.date >= ctx.today
    for (const traineeId of roster) {
      const r = drawFor(`${classInfo.session.id}:${traineeId}`)
      const status: EnrollmentStatus =
        classInfo.status === 'CANCELLED'
          ? 'CANCELLED'
          : future
            ? r < 0.7
              ? 'CONFIRMED'
              : r < 0.9
                ? 'APPLIED'
                : r < 0.96
                  ? 'WAITLISTED'
                  : 'CANCELLED'
            : r < 0.94
              ? 'CONFIRMED'
              : 'CANCELLED'
      const createdMs = Math.min(ctx.nowMs - 60_000, classInfo.createdMs + random.int(0, 5) * DAY_MS)
      state.enrollments.push({ classInfo, traineeId, confirmed: status === 'CONFIRMED' })
      rows.push({
        ...commonColumns({ id: newId(createdMs), createdMs, createdBy: classInfo.session.project.coordinatorId }),
        class_id: classInfo.id,
        trainee_id: traineeId,
        status,
        notes: status === 'CANCELLED' ? random.pick(['업무 일정으로 취소', '다음 차수로 변경', '퇴사']) : null,
      })
    }
  }
  return rows
}

const ATTENDANCE_WEIGHTS: readonly (readonly [AttendanceStatus, number])[] = [
  ['PRESENT', 86],
  ['LATE', 5],
  ['LEFT_EARLY', 3],
  ['EXCUSED', 2],
  ['ABSENT', 4],
]

export function buildAttendanceRecords(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('attendance_records')
  const newId = idMaker(ctx, 'attendance_records')
  const deviceIdOf = new Map<string, string>()
  const deviceRandom = ctx.random('attendance_devices')
  const deviceFor = (userId: string): string => {
    let id = deviceIdOf.get(userId)
    if (!id) {
      id = demoUuidV7(deviceRandom, ctx.historyStartMs)
      deviceIdOf.set(userId, id)
    }
    return id
  }
  const rows: WireRow[] = []
  const classMinutes = (c: ClassInfo): number => {
    const [sh, sm] = c.startTime.split(':').map(Number) as [number, number]
    const [eh, em] = c.endTime.split(':').map(Number) as [number, number]
    return eh * 60 + em - (sh * 60 + sm) - (eh * 60 + em - (sh * 60 + sm) >= 7 * 60 ? 60 : 0)
  }
  const addMinutes = (time: string, minutes: number): string => {
    const [h, m] = time.split(':').map(Number) as [number, number]
    return hhmm(Math.max(0, Math.min(23 * 60 + 59, h * 60 + m + minutes)))
  }
  const mark = (classInfo: ClassInfo, traineeId: string, status: AttendanceStatus, remarks: string | null): void => {
    const recorder = classInfo.session.project.coordinatorId
    const recordedMs = Math.min(ctx.nowMs - 60_000, kstInstant(classInfo.date, classInfo.startTime) + random.int(5, 40) * 60_000)
    const updatedMs = Math.min(ctx.nowMs - 60_000, status === 'PRESENT' ? recordedMs : recordedMs + random.int(60, 600) * 60_000)
    const full = classMinutes(classInfo)
    const minutes =
      status === 'PRESENT' ? full : status === 'LATE' ? full - random.int(10, 60) : status === 'LEFT_EARLY' ? Math.max(30, full - random.int(60, 180)) : 0
    const missed = full - minutes
    const checkIn =
      status === 'PRESENT' || status === 'LEFT_EARLY'
        ? addMinutes(classInfo.startTime, -random.int(0, 20))
        : status === 'LATE'
          ? addMinutes(classInfo.startTime, missed)
          : null
    const checkOut = status === 'LEFT_EARLY' ? addMinutes(classInfo.endTime, -missed) : checkIn ? classInfo.endTime : null
    state.attendance.push({ classInfo, traineeId, attended: status === 'PRESENT' || status === 'LATE' || status === 'LEFT_EARLY', recordedMs })
    rows.push({
      ...commonColumns({ id: newId(recordedMs), createdMs: recordedMs, updatedMs, createdBy: recorder }),
      class_id: classInfo.id,
      trainee_id: traineeId,
      status,
      minutes_attended: minutes,
      check_in_time: checkIn,
      check_out_time: checkOut,
      recorded_by: recorder,
      recorded_at: isoTimestamp(recordedMs),
      recorded_device_id: deviceFor(recorder),
      remarks,
    })
  }
  const enrolledByClass = new Map<ClassInfo, string[]>()
  for (const e of state.enrollments) {
    if (!e.confirmed) continue
    const list = enrolledByClass.get(e.classInfo) ?? []
    list.push(e.traineeId)
    enrolledByClass.set(e.classInfo, list)
  }
  for (const classInfo of state.classes) {
    // Attendance exists only for classes that have taken place (today's class is marked as it happens).
    if (classInfo.date > ctx.today || classInfo.status === 'CANCELLED' || classInfo.status === 'SCHEDULED') continue
    if (classInfo.date === ctx.today && kstInstant(classInfo.date, classInfo.startTime) > ctx.nowMs) continue
    const enrolled = enrolledByClass.get(classInfo) ?? []
    for (const traineeId of enrolled) {
      const status = random.weighted(ATTENDANCE_WEIGHTS)
      const remarks = status === 'PRESENT' ? null : random.pick(ATTENDANCE_REMARKS[status])
      mark(classInfo, traineeId, status, remarks)
    }
    // A walk-in from the session's other group, not on this class's roster.
    const slot = classSlots.get(classInfo)!
    const otherGroup = rosters.get(classInfo.session)?.[slot.group === 0 ? 1 : 0]
    if (otherGroup && otherGroup.length > 0 && random.chance(0.1)) {
      const walkIn = random.pick(otherGroup)
      if (!enrolled.includes(walkIn)) mark(classInfo, walkIn, 'PRESENT', '명단 외 현장 참석 (walk-in)')
    }
  }
  return rows
}

export function buildTrainingFeedback(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('training_feedback')
  const newId = idMaker(ctx, 'training_feedback')
  const rows: WireRow[] = []
  // One survey per trainee per session, answered after their last attended class of it.
  const last = new Map<string, { classInfo: ClassInfo; traineeId: string }>()
  for (const a of state.attendance) {
    if (!a.attended) continue
    const key = `${a.classInfo.session.id}:${a.traineeId}`
    const previous = last.get(key)
    if (!previous || previous.classInfo.date <= a.classInfo.date) last.set(key, { classInfo: a.classInfo, traineeId: a.traineeId })
  }
  for (const { classInfo, traineeId } of last.values()) {
    if (!random.chance(0.55)) continue
    const submittedMs = Math.min(ctx.nowMs - 60_000, kstInstant(classInfo.date, classInfo.endTime) + random.int(0, 3 * 24 * 60) * 60_000)
    const overall = random.weighted([
      [5, 45],
      [4, 38],
      [3, 12],
      [2, 4],
      [1, 1],
    ] as const)
    const near = (): number => Math.min(5, Math.max(1, overall + random.pick([-1, 0, 0, 0, 1])))
    const anonymous = random.chance(0.2)
    rows.push({
      ...commonColumns({ id: newId(submittedMs), createdMs: submittedMs, createdBy: classInfo.session.project.coordinatorId }),
      session_id: classInfo.session.id,
      class_id: classInfo.id,
      instructor_id: classInfo.instructorId,
      trainee_id: anonymous ? null : traineeId,
      overall_rating: overall,
      content_rating: near(),
      instructor_rating: classInfo.instructorId ? near() : null,
      operation_rating: random.chance(0.9) ? near() : null,
      comment: random.chance(0.35) ? random.pick(FEEDBACK_COMMENTS) : null,
      submitted_at: isoTimestamp(submittedMs),
    })
  }
  return rows
}

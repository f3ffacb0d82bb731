/**
 * A small organisation with hand-computed dashboard figures, written as if the server had sent it (no outbox). The
 * repository test and the browser test (test/e2e/dashboard.test.ts) both read it; dates are relative to `today` so the
 * browser test runs on any day. Not used by production code.
 *
 * 이서연 (MANAGER) leads 기업영업1팀: 김민준 (OPERATOR) is a member, 최유진 left it. 박지훈 is in another team.
 * The expected figures per tier are in DASHBOARD_EXPECTED below; the comments there show the arithmetic.
 */
import { addDays } from '../../../src/shared/domain/dates'
import { fiscalPeriodOf } from '../../../src/shared/domain/fiscal-period'
import { replicaRegistry } from '../../../src/main/core/replica/registry'
import { createReplicaStatements } from '../../../src/main/core/replica/statements'
import { type Sqlite } from '../../../src/main/core/sqlite'

const id = (n: number): string => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`

export const FIXTURE_USERS = {
  executive: { id: id(0xd5a001), lastName: '윤', firstName: '재원', tier: 'EXECUTIVE', email: 'exec@dash.test' },
  manager: { id: id(0xd5a002), lastName: '이', firstName: '서연', tier: 'MANAGER', email: 'manager@dash.test' },
  operator: { id: id(0xd5a003), lastName: '김', firstName: '민준', tier: 'OPERATOR', email: 'operator@dash.test' },
  otherTeam: { id: id(0xd5a004), lastName: '박', firstName: '지훈', tier: 'OPERATOR', email: 'other@dash.test' },
  leftTeam: { id: id(0xd5a005), lastName: '최', firstName: '유진', tier: 'OPERATOR', email: 'left@dash.test' },
  otherLead: { id: id(0xd5a006), lastName: '정', firstName: '하늘', tier: 'MANAGER', email: 'lead2@dash.test' },
} as const

export const FIXTURE_IDS = {
  companyA: id(0xd5c001),
  proposalOpportunity: id(0xd5b002),
  negotiationOpportunity: id(0xd5b005),
  salesMeeting: id(0xd5e001),
  weeklyMeeting: id(0xd5e002),
  todayClass: id(0xd5f003),
  projectA: id(0xd59001),
} as const

/** The expected figures, by tier (see the arithmetic next to each). */
export const DASHBOARD_EXPECTED = {
  OPERATOR: {
    // 김민준 only: 검증 1천만 (×10 % = 1백만), 제안 3천만 (×50 % = 1천5백만).
    pipeline: { count: 2, amount: 40_000_000, weighted: 16_000_000 },
    // Won the 5천만 deal today; the loss 400 days ago is outside the quarter.
    winRate: { won: 1, lost: 0, percent: 100 },
    // 검증: won deal 6 days, old loss 3 days → 4.5. 니즈 분석: old loss 27. 제안: won deal 10.
    stageDays: { QUALIFYING: 4.5, NEEDS_ANALYSIS: 27, PROPOSAL: 10, NEGOTIATION: null },
    // Project A: marks 1+1+1 (t1) + 1+0 (t2) = 4 / 5; t1 completed, t2 not.
    training: { attendanceRate: 80, completionRate: 50, trainees: 2, completed: 1 },
    // Own target only: 15 / 20.
    kpiOverall: 75,
  },
  MANAGER: {
    // + 이서연's 협상 4천만 (×75 % = 3천만); 최유진 left the team, 박지훈 is in another.
    pipeline: { count: 3, amount: 80_000_000, weighted: 46_000_000 },
    // 김민준's win and 이서연's loss today.
    winRate: { won: 1, lost: 1, percent: 50 },
    // 검증: 6, 3 and 8 days → 17 / 3 = 5.7.
    stageDays: { QUALIFYING: 5.7, NEEDS_ANALYSIS: 27, PROPOSAL: 10, NEGOTIATION: null },
    // Projects A and C: (4 + 1) / (5 + 1) marks (the excused one left out); (1 + 1) / (2 + 2) completed.
    training: { attendanceRate: 83.33, completionRate: 50, trainees: 4, completed: 2 },
    // Team targets, equal weights: (75 + 120) / 2.
    kpiOverall: 97.5,
  },
  EXECUTIVE: {
    // Everyone: 검증 1천만 + 5백만, 니즈 분석 1억 (×25 %), 제안 3천만, 협상 4천만.
    pipeline: { count: 5, amount: 185_000_000, weighted: 71_500_000 },
    // Two wins, one loss today.
    winRate: { won: 2, lost: 1, percent: 66.67 },
    // 검증: 6, 3, 8, 3 → 5; 니즈 분석: 27, 8 → 17.5.
    stageDays: { QUALIFYING: 5, NEEDS_ANALYSIS: 17.5, PROPOSAL: 10, NEGOTIATION: null },
    // Projects A, B, C: (4 + 2 + 1) / (5 + 3 + 1) = 77.78 %; (1 + 2 + 1) / (2 + 3 + 2) = 57.14 %.
    training: { attendanceRate: 77.78, completionRate: 57.14, trainees: 7, completed: 4 },
    kpiOverall: 97.5,
  },
} as const

export function seedDashboardFixture(sqlite: Sqlite, today: string): void {
  const registry = replicaRegistry()
  const statements = createReplicaStatements(sqlite)
  const stamp = `${addDays(today, -60)}T00:00:00.000Z`
  const row = (table: string, rowId: string, fields: Record<string, unknown>): void =>
    statements.upsertFields(registry.require(table), rowId, { created_at: stamp, updated_at: stamp, ...fields })
  const at = (days: number): string => `${addDays(today, days)}T00:00:00.000Z`
  const U = FIXTURE_USERS

  const role = id(0xd5a0f0)
  row('roles', role, { name: 'SALES' })
  for (const u of Object.values(U)) {
    row('users', u.id, { email: u.email, first_name: u.firstName, last_name: u.lastName, role_id: role, user_tier: u.tier, is_active: true })
  }
  const team1 = id(0xd5a101)
  const team2 = id(0xd5a102)
  row('teams', team1, { code: 'T1', name: '기업영업1팀', team_lead_id: U.manager.id, is_active: true })
  row('teams', team2, { code: 'T2', name: '기업영업2팀', team_lead_id: U.otherLead.id, is_active: true })
  row('team_members', id(0xd5a201), { team_id: team1, user_id: U.manager.id, role: 'LEAD', joined_at: stamp })
  row('team_members', id(0xd5a202), { team_id: team1, user_id: U.operator.id, role: 'MEMBER', joined_at: stamp })
  row('team_members', id(0xd5a203), { team_id: team1, user_id: U.leftTeam.id, role: 'MEMBER', joined_at: stamp, left_at: at(-5) })
  row('team_members', id(0xd5a204), { team_id: team2, user_id: U.otherTeam.id, role: 'MEMBER', joined_at: stamp })

  const companyB = id(0xd5c002)
  row('companies', FIXTURE_IDS.companyA, { code: 'C-D1', name: '(주)한빛교육', status: 'ACTIVE', tier: 'GOLD' })
  row('companies', companyB, { code: 'C-D2', name: '대한상사', status: 'ACTIVE', tier: 'SILVER' })

  let historyN = 0
  const opportunity = (
    n: number,
    owner: string,
    stage: string,
    amount: number,
    probability: number,
    extra: Record<string, unknown>,
    history: ReadonlyArray<readonly [string | null, string, number]> = [],
  ): void => {
    row('opportunities', id(0xd5b000 + n), {
      code: `O-D${n}`,
      title: `기회 ${n}`,
      company_id: n % 2 ? FIXTURE_IDS.companyA : companyB,
      stage,
      probability,
      amount,
      currency: 'KRW',
      account_manager_id: owner,
      ...extra,
    })
    for (const [from, to, day] of history) {
      row('opportunity_stage_history', id(0xd5b100 + ++historyN), {
        opportunity_id: id(0xd5b000 + n),
        from_stage: from,
        to_stage: to,
        changed_by: owner,
        changed_at: at(day),
      })
    }
  }
  opportunity(1, U.operator.id, 'QUALIFYING', 10_000_000, 10, { title: '신입사원 입문교육' })
  opportunity(2, U.operator.id, 'PROPOSAL', 30_000_000, 50, {
    title: '리더십 과정 제안',
    next_action: '제안서 발송',
    next_action_date: addDays(today, -2),
  })
  opportunity(3, U.operator.id, 'CLOSED_WON', 50_000_000, 100, { actual_close_date: today }, [
    [null, 'QUALIFYING', -20],
    ['QUALIFYING', 'PROPOSAL', -14],
    ['PROPOSAL', 'CLOSED_WON', -4],
  ])
  opportunity(4, U.operator.id, 'CLOSED_LOST', 20_000_000, 0, { actual_close_date: addDays(today, -400), next_action_date: addDays(today, -401) }, [
    [null, 'QUALIFYING', -430],
    ['QUALIFYING', 'NEEDS_ANALYSIS', -427],
    ['NEEDS_ANALYSIS', 'CLOSED_LOST', -400],
  ])
  opportunity(5, U.manager.id, 'NEGOTIATION', 40_000_000, 75, { title: '전사 역량진단', next_action: '최종 견적 협의', next_action_date: today })
  opportunity(6, U.manager.id, 'CLOSED_LOST', 15_000_000, 0, { actual_close_date: today }, [
    [null, 'QUALIFYING', -10],
    ['QUALIFYING', 'CLOSED_LOST', -2],
  ])
  opportunity(7, U.otherTeam.id, 'NEEDS_ANALYSIS', 100_000_000, 25, {})
  opportunity(8, U.otherTeam.id, 'CLOSED_WON', 60_000_000, 100, { actual_close_date: today }, [
    [null, 'QUALIFYING', -12],
    ['QUALIFYING', 'NEEDS_ANALYSIS', -9],
    ['NEEDS_ANALYSIS', 'CLOSED_WON', -1],
  ])
  opportunity(9, U.leftTeam.id, 'QUALIFYING', 5_000_000, 10, {})

  // Training: A (김민준 manages, running, a class today), B (박지훈 coordinates, done), C (이서연 on the team).
  const projectB = id(0xd59002)
  const projectC = id(0xd59003)
  const instructor = id(0xd59f01)
  row('instructors', instructor, { code: 'I-D1', last_name: '한', first_name: '지민', email: 'instructor@dash.test' })
  const project = (pid: string, name: string, status: string, extra: Record<string, unknown>): void =>
    row('projects', pid, {
      code: `P-${pid.slice(-4)}`,
      name,
      company_id: FIXTURE_IDS.companyA,
      status,
      priority: 'MEDIUM',
      health: 'GREEN',
      start_date: addDays(today, -40),
      end_date: addDays(today, 20),
      ...extra,
    })
  project(FIXTURE_IDS.projectA, '한빛 리더십 과정', 'IN_PROGRESS', { project_manager_id: U.operator.id })
  project(projectB, '대한 신입 입문교육', 'COMPLETED', { coordinator_id: U.otherTeam.id, end_date: addDays(today, -25) })
  project(projectC, '한빛 코칭 과정', 'IN_PROGRESS', {})
  row('project_team_members', id(0xd59101), { project_id: projectC, user_id: U.manager.id, role: 'MEMBER', is_active: true })

  const session = (sid: string, pid: string): void =>
    row('training_sessions', sid, { project_id: pid, session_number: 1, start_date: addDays(today, -40), end_date: addDays(today, 20), status: 'IN_PROGRESS' })
  session(id(0xd5f101), FIXTURE_IDS.projectA)
  session(id(0xd5f102), projectB)
  session(id(0xd5f103), projectC)
  const trainingClass = (cid: string, sid: string, n: number, day: number, start: string, end: string, name: string): void =>
    row('training_classes', cid, {
      session_id: sid,
      class_number: n,
      name,
      date: addDays(today, day),
      start_time: start,
      end_time: end,
      instructor_id: instructor,
      room: '세미나실 A',
      status: 'SCHEDULED',
    })
  trainingClass(id(0xd5f001), id(0xd5f101), 1, -2, '09:00', '10:00', '리더십 1강')
  trainingClass(id(0xd5f002), id(0xd5f101), 2, -1, '09:00', '10:00', '리더십 2강')
  trainingClass(FIXTURE_IDS.todayClass, id(0xd5f101), 3, 0, '09:00', '10:00', '리더십 3강')
  trainingClass(id(0xd5f004), id(0xd5f102), 1, -30, '09:00', '11:00', '입문 1강')
  trainingClass(id(0xd5f005), id(0xd5f103), 1, -3, '13:00', '15:00', '코칭 1강')

  let enrolN = 0
  const trainee = (n: number): string => {
    const tid = id(0xd5d000 + n)
    row('trainees', tid, { company_id: FIXTURE_IDS.companyA, last_name: '교', first_name: `육생${n}` })
    return tid
  }
  const enrol = (cid: string, tid: string, mark: string | null, status = 'CONFIRMED'): void => {
    enrolN += 1
    row('enrollments', id(0xd5d100 + enrolN), { class_id: cid, trainee_id: tid, status })
    if (mark) {
      row('attendance_records', id(0xd5d200 + enrolN), {
        class_id: cid,
        trainee_id: tid,
        status: mark,
        recorded_by: U.operator.id,
        recorded_at: stamp,
      })
    }
  }
  const [t1, t2, t3, t4, t5, t6, t7, t8] = [1, 2, 3, 4, 5, 6, 7, 8].map(trainee) as [string, string, string, string, string, string, string, string]
  enrol(id(0xd5f001), t1, 'PRESENT')
  enrol(id(0xd5f002), t1, 'PRESENT')
  enrol(FIXTURE_IDS.todayClass, t1, 'PRESENT')
  enrol(id(0xd5f001), t2, 'PRESENT')
  enrol(id(0xd5f002), t2, 'ABSENT')
  enrol(FIXTURE_IDS.todayClass, t2, null)
  enrol(id(0xd5f001), t3, null, 'APPLIED') // not on the roster: counts nowhere
  enrol(id(0xd5f004), t4, 'PRESENT')
  enrol(id(0xd5f004), t5, 'LATE')
  enrol(id(0xd5f004), t6, 'ABSENT')
  enrol(id(0xd5f005), t7, 'PRESENT')
  enrol(id(0xd5f005), t8, 'EXCUSED')

  // Meetings: two today for 김민준 (one organised, one attended), a cancelled one, one tomorrow.
  const meeting = (mid: string, title: string, organizer: string, day: number, start: string, end: string, extra: Record<string, unknown> = {}): void =>
    row('meetings', mid, {
      code: `M-${mid.slice(-4)}`,
      title,
      target: 'CUSTOMER',
      type: 'PROPOSAL',
      company_id: FIXTURE_IDS.companyA,
      date: addDays(today, day),
      start_time: start,
      end_time: end,
      organizer_id: organizer,
      status: 'SCHEDULED',
      importance: 'MEDIUM',
      has_follow_up: false,
      ...extra,
    })
  meeting(FIXTURE_IDS.salesMeeting, '교육 제안 미팅', U.operator.id, 0, '14:00', '15:00', { has_follow_up: true, follow_up_date: addDays(today, -1) })
  meeting(FIXTURE_IDS.weeklyMeeting, '주간 영업 회의', U.manager.id, 0, '10:00', '11:00', { target: 'INTERNAL', type: 'TEAM', company_id: null })
  meeting(id(0xd5e003), '취소된 미팅', U.operator.id, 0, '16:00', '17:00', { status: 'CANCELLED' })
  meeting(id(0xd5e004), '내일 미팅', U.operator.id, 1, '09:00', '10:00')
  row('meeting_participants', id(0xd5e101), {
    meeting_id: FIXTURE_IDS.weeklyMeeting,
    participant_type: 'INTERNAL',
    user_id: U.operator.id,
    attendance: 'PENDING',
  })

  const item = (n: number, meetingId: string, task: string, assignee: string, day: number, status: string, priority = 'MEDIUM'): void =>
    row('meeting_action_items', id(0xd5e200 + n), { meeting_id: meetingId, task, assignee_id: assignee, due_date: addDays(today, day), status, priority })
  item(1, FIXTURE_IDS.salesMeeting, '견적서 송부', U.operator.id, -1, 'PENDING')
  item(2, FIXTURE_IDS.weeklyMeeting, '교안 검토', U.operator.id, 0, 'IN_PROGRESS', 'HIGH')
  item(3, FIXTURE_IDS.salesMeeting, '완료된 일', U.operator.id, -1, 'COMPLETED')
  item(4, FIXTURE_IDS.salesMeeting, '다음 주 할 일', U.operator.id, 1, 'PENDING')
  item(5, FIXTURE_IDS.weeklyMeeting, '팀 회의록 공유', U.manager.id, 0, 'PENDING')

  // KPI (read through kpi.achievements): this quarter's visits, recorded by hand. 김민준 15 / 20 = 75 %; 이서연 12 / 10 = 120 %.
  const quarter = fiscalPeriodOf(today, 'QUARTER')
  const definition = id(0xd5a901)
  row('kpi_definitions', definition, {
    code: 'DASH-VISIT',
    name: '고객 방문 횟수',
    category: 'SALES',
    unit: 'COUNT',
    target_direction: 'INCREASE',
    frequency: 'MONTHLY',
    is_active: true,
  })
  const target = (n: number, owner: string, value: number, actual: number): void => {
    row('kpi_targets', id(0xd5a910 + n), {
      kpi_definition_id: definition,
      entity_type: 'USER',
      entity_id: owner,
      period_type: 'QUARTER',
      period_year: quarter.fiscalYear,
      period_quarter: quarter.index,
      target_value: value,
      weight: 100,
    })
    row('kpi_actuals', id(0xd5a920 + n), { kpi_target_id: id(0xd5a910 + n), period_date: today, actual_value: actual })
  }
  target(1, U.operator.id, 20, 15)
  target(2, U.manager.id, 10, 12)
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WriteForbiddenError } from '../outbox/write-permission'
import { type AttendanceStatus, type MeetingStatus, type OpportunityStage } from '../../../shared/model/enums'
import { kpiAchievementsSchema, kpiActualRecordSchema, kpiDefinitionSaveSchema, kpiTargetSaveSchema } from '../../../shared/model/validation/kpi'
import { createTempDir, testId, type TempDir } from '../../../../test/support/device/fixtures'
import { createKpiRepo, type KpiRepo } from './kpi'
import { KpiRuleError } from './rules'
import { openRepoTestDevice, type RepoTestDevice } from '../../../../test/support/device/repos'

// The people: 김민준 leads team 영업1팀 (with 이서연 and 박지호); 최유나 is in 영업2팀.
const MANAGER = { id: testId(0xa0), tier: 'MANAGER' } as const
const SEOYEON = { id: testId(0xa1), tier: 'OPERATOR' } as const
const JIHO = testId(0xa2)
const YUNA = testId(0xa3)
const BOSS = { id: testId(0xa9), tier: 'EXECUTIVE' } as const
const ROOT = testId(0xd0)
const SALES = testId(0xd1)
const TEAM1 = testId(0x71)
const TEAM2 = testId(0x72)
const CUSTOMER = testId(0xc0)

// Q4 2026 (calendar fiscal year): 2026-10-01 … 2026-12-31; "today" is 2026-11-25.
const Q4 = { type: 'QUARTER', fiscalYear: 2026, index: 4 } as const

describe('KPI repository (real SQLite)', () => {
  let dir: TempDir
  let device: RepoTestDevice
  let repo: KpiRepo
  let seq = 0
  const nextId = (): string => testId(0x10000 + ++seq)

  const sql = (statement: string, ...params: unknown[]): void => {
    device.sqlite.prepare(statement).run(...params)
  }

  const definition = (code: string, name: string, unit: string, direction: string): string =>
    repo.saveDefinition(kpiDefinitionSaveSchema.parse({ code, name, category: 'SALES', level: 'TEAM', unit, direction, frequency: 'QUARTERLY' })).id

  const target = (definitionId: string, ownerType: string, ownerId: string | null, values: Record<string, number | null>): string =>
    repo.saveTarget(kpiTargetSaveSchema.parse({ definitionId, ownerType, ownerId, period: Q4, ...values })).targetId

  /** Fixture rows owned by anyone are written as the executive (src/shared/domain/assignment.ts), then back. */
  const asBoss = (fn: () => void): void => {
    const was = device.actor()
    device.signInAs(BOSS)
    try {
      fn()
    } finally {
      if (was) device.signInAs(was)
    }
  }

  const opportunity = (owner: string, stage: OpportunityStage, amount: number, closed: string | null, createdAt: string): void => {
    const id = nextId()
    asBoss(() =>
      device.writer.upsert('opportunities', id, {
        code: `O-${seq}`,
        title: '리더십 과정',
        company_id: CUSTOMER,
        account_manager_id: owner,
        stage,
        amount,
        actual_close_date: closed,
      }),
    )
    sql('UPDATE opportunities SET created_at = ? WHERE id = ?', createdAt, id)
  }

  const meeting = (organizer: string, status: MeetingStatus, date: string, participant?: string): void => {
    const id = nextId()
    asBoss(() =>
      device.writer.upsert('meetings', id, {
        code: `M-${seq}`,
        title: '고객 미팅',
        target: 'CUSTOMER',
        type: 'PROPOSAL',
        date,
        start_time: '10:00',
        end_time: '11:00',
        organizer_id: organizer,
        status,
      }),
    )
    if (participant) {
      device.writer.upsert('meeting_participants', nextId(), { meeting_id: id, participant_type: 'INTERNAL', user_id: participant })
    }
  }

  const company = (manager: string, createdAt: string): void => {
    const id = nextId()
    asBoss(() => device.writer.upsert('companies', id, { code: `C-${seq}`, name: `고객사 ${seq}`, account_manager_id: manager }))
    sql('UPDATE companies SET created_at = ? WHERE id = ?', createdAt, id)
  }

  beforeEach(() => {
    dir = createTempDir()
    device = openRepoTestDevice(dir.file('kpi.sqlite'), '2026-11-25T01:00:00.000Z')
    device.addUser({ id: MANAGER.id, lastName: '김', firstName: '민준', tier: 'MANAGER' })
    device.addUser({ id: SEOYEON.id, lastName: '이', firstName: '서연' })
    device.addUser({ id: JIHO, lastName: '박', firstName: '지호' })
    device.addUser({ id: YUNA, lastName: '최', firstName: '유나' })
    device.addUser({ id: BOSS.id, lastName: '정', firstName: '대표', tier: 'EXECUTIVE' })
    // Reference data as the server sends it.
    sql(`INSERT INTO departments (id, code, name, parent_id, is_active) VALUES (?, 'EXEC', '경영지원', NULL, 1)`, ROOT)
    sql(`INSERT INTO departments (id, code, name, parent_id, is_active) VALUES (?, 'SALES', '영업본부', ?, 1)`, SALES, ROOT)
    sql('UPDATE users SET department_id = ? WHERE id IN (?, ?, ?)', SALES, MANAGER.id, SEOYEON.id, JIHO)
    sql(`INSERT INTO teams (id, code, name, department_id, team_lead_id, is_active) VALUES (?, 'T1', '영업1팀', ?, ?, 1)`, TEAM1, SALES, MANAGER.id)
    sql(`INSERT INTO teams (id, code, name, department_id, team_lead_id, is_active) VALUES (?, 'T2', '영업2팀', ?, ?, 1)`, TEAM2, SALES, YUNA)
    const member = (team: string, user: string, joined = '2026-01-01T00:00:00.000Z', left: string | null = null) =>
      sql('INSERT INTO team_members (id, team_id, user_id, role, joined_at, left_at) VALUES (?, ?, ?, ?, ?, ?)', nextId(), team, user, 'MEMBER', joined, left)
    member(TEAM1, MANAGER.id)
    member(TEAM1, SEOYEON.id)
    member(TEAM1, JIHO)
    member(TEAM2, YUNA)
    // Left 영업1팀 before Q4: their Q4 figures are not the team's.
    member(TEAM1, YUNA, '2026-01-01T00:00:00.000Z', '2026-06-30T00:00:00.000Z')
    device.signInAs(MANAGER)
    repo = createKpiRepo(device)
    device.writer.upsert('companies', CUSTOMER, { code: 'C-0', name: '(주)한빛제약' })
    sql(`UPDATE companies SET created_at = '2025-01-01T00:00:00.000Z' WHERE id = ?`, CUSTOMER)
  })

  afterEach(() => {
    device.close()
    dir.remove()
  })

  it('computes won amount, meetings, new customers and days to win for the owner and period', () => {
    const ord = definition('KPI-ORD-USER', '개인 수주액', 'CURRENCY', 'INCREASE')
    const mtg = definition('KPI-MTG-TEAM', '고객 미팅 건수', 'COUNT', 'INCREASE')
    const neu = definition('KPI-NEW-USER', '신규 고객 수', 'COUNT', 'INCREASE')
    const cyc = definition('KPI-CYC-TEAM', '평균 수주 소요일', 'DAYS', 'DECREASE')

    // 서연: won 30,000,000 (created 09-15 KST, closed 10-15: 30 days) and 20,000,000 (11-10 → 11-20: 10 days) in Q4;
    // a win on 09-30 and a loss do not count as won amount.
    opportunity(SEOYEON.id, 'CLOSED_WON', 30_000_000, '2026-10-15', '2026-09-14T16:00:00.000Z')
    opportunity(SEOYEON.id, 'CLOSED_WON', 20_000_000, '2026-11-20', '2026-11-10T01:00:00.000Z')
    opportunity(SEOYEON.id, 'CLOSED_WON', 99_000_000, '2026-09-30', '2026-09-01T01:00:00.000Z')
    opportunity(SEOYEON.id, 'CLOSED_LOST', 70_000_000, '2026-11-01', '2026-10-01T01:00:00.000Z')
    opportunity(SEOYEON.id, 'PROPOSAL', 80_000_000, null, '2026-10-01T01:00:00.000Z')
    // 유나 left the team before Q4: her win is not 영업1팀's.
    opportunity(YUNA, 'CLOSED_WON', 10_000_000, '2026-11-02', '2026-11-01T01:00:00.000Z')

    // 영업1팀 meetings in Q4: one organised by 서연, one where 지호 took part; not a scheduled one, not another team's,
    // not one from September.
    meeting(SEOYEON.id, 'COMPLETED', '2026-10-05')
    meeting(YUNA, 'COMPLETED', '2026-11-03', JIHO)
    meeting(SEOYEON.id, 'SCHEDULED', '2026-12-01')
    meeting(YUNA, 'COMPLETED', '2026-11-04')
    meeting(SEOYEON.id, 'COMPLETED', '2026-09-30')

    // 서연's new customers by the Korean day of creation: 10-01 00:30 KST counts, 09-30 23:30 KST does not.
    company(SEOYEON.id, '2026-09-30T15:30:00.000Z')
    company(SEOYEON.id, '2026-09-30T14:30:00.000Z')
    company(SEOYEON.id, '2026-11-11T02:00:00.000Z')

    target(ord, 'USER', SEOYEON.id, { target: 40_000_000, stretch: 60_000_000, minimum: 30_000_000, weight: 50 })
    target(mtg, 'TEAM', TEAM1, { target: 4, stretch: 6, minimum: 3 })
    target(neu, 'USER', SEOYEON.id, { target: 2 })
    target(cyc, 'TEAM', TEAM1, { target: 45, stretch: 30, minimum: 60 })

    const result = repo.achievements(kpiAchievementsSchema.parse({ on: '2026-11-25', period: 'QUARTER', audience: 'team' }))
    expect(result.periodLabel).toBe('2026년 4분기')
    expect(result.periodStart).toBe('2026-10-01')
    expect(result.periodEnd).toBe('2026-12-31')
    const byName = new Map(result.rows.map((row) => [row.kpiName, row]))

    // 30,000,000 + 20,000,000 = 50,000,000 of 40,000,000 → 125 %; not the stretch (60,000,000).
    expect(byName.get('개인 수주액')).toMatchObject({
      actual: 50_000_000,
      actualSource: 'computed',
      achievementPercent: 125,
      band: 'ON_TARGET',
      ownerLabel: '이서연',
      weight: 50,
    })
    // 2 of 4 → 50 %, below the minimum of 3.
    expect(byName.get('고객 미팅 건수')).toMatchObject({ actual: 2, achievementPercent: 50, band: 'BELOW_MINIMUM', ownerLabel: '영업1팀' })
    expect(byName.get('신규 고객 수')).toMatchObject({ actual: 2, achievementPercent: 100, band: 'ON_TARGET' })
    // (30 + 10) / 2 = 20 days against 45: lower is better, 45 / 20 = 225 %, and 20 ≤ 30 reaches the stretch.
    // It rests on two wins: a small sample (under SMALL_SAMPLE_MINIMUM), marked and left out of the composite.
    expect(byName.get('평균 수주 소요일')).toMatchObject({
      actual: 20,
      achievementPercent: 225,
      band: 'STRETCH',
      direction: 'DECREASE',
      sampleSize: 2,
      smallSample: true,
      compositeShare: null,
    })
    // Counts and amounts are not samples.
    expect(byName.get('고객 미팅 건수')).toMatchObject({ sampleSize: null, smallSample: false, compositeShare: 40 })
    expect(byName.get('개인 수주액')).toMatchObject({ compositeShare: 20 })
    // (125 × 50 + 50 × 100 + 100 × 100) / 250 = 21,250 / 250 = 85 (with the 2-win 225 % it would have read 125).
    expect(result.overall).toBe(85)
    expect(result.composite).toEqual({ counted: 3, smallSamples: 1, capped: 0 })
  })

  it('computes the attendance rate of the classes of the owner’s projects', () => {
    const att = definition('KPI-ATT-USER', '교육 출석률', 'PERCENT', 'INCREASE')
    const project = nextId()
    device.writer.upsert('projects', project, { code: 'P-1', name: '신임 팀장 과정', company_id: CUSTOMER, project_manager_id: SEOYEON.id })
    const session = nextId()
    device.writer.upsert('training_sessions', session, { project_id: project, session_number: 1, start_date: '2026-09-01', end_date: '2026-11-30' })
    const inQ4 = nextId()
    const inQ3 = nextId()
    device.writer.upsert('training_classes', inQ4, { session_id: session, class_number: 1, date: '2026-11-10', start_time: '09:00', end_time: '12:00' })
    device.writer.upsert('training_classes', inQ3, { session_id: session, class_number: 2, date: '2026-09-01', start_time: '09:00', end_time: '12:00' })
    const mark = (classId: string, status: AttendanceStatus): void => {
      const trainee = nextId()
      device.writer.upsert('trainees', trainee, { company_id: CUSTOMER, last_name: '김', first_name: `수강${seq}` })
      device.writer.upsert('attendance_records', nextId(), {
        class_id: classId,
        trainee_id: trainee,
        status,
        recorded_by: SEOYEON.id,
        recorded_at: '2026-11-10T01:00:00.000Z',
      })
    }
    // 1 + 1 + 1 (late, credited in full) + 0.5 (left early) + 0 = 3.5 of 5 counted (excused left out) = 70 %.
    for (const status of ['PRESENT', 'PRESENT', 'LATE', 'LEFT_EARLY', 'ABSENT', 'EXCUSED'] as const) mark(inQ4, status)
    mark(inQ3, 'ABSENT')
    target(att, 'USER', SEOYEON.id, { target: 90, minimum: 80 })

    const [row] = repo.achievements(kpiAchievementsSchema.parse({ on: '2026-10-01', period: 'QUARTER', audience: 'team' })).rows
    // 70 / 90 × 100 = 77.777… → 77.78.
    expect(row).toMatchObject({ actual: 70, actualSource: 'computed', achievementPercent: 77.78, band: 'BELOW_MINIMUM' })
  })

  it('uses the latest recorded actual of a KPI it cannot compute, and a DECREASE KPI is achieved by going lower', () => {
    const complaints = definition('KPI-CMPL-TEAM', '고객 불만 건수', 'COUNT', 'DECREASE')
    const id = target(complaints, 'TEAM', TEAM1, { target: 5, stretch: 3, minimum: 8 })
    expect(repo.achievements(kpiAchievementsSchema.parse({ on: '2026-11-25', period: 'QUARTER', audience: 'team' })).rows[0]).toMatchObject({
      actual: null,
      actualSource: null,
      achievementPercent: null,
      band: null,
    })

    repo.recordActual(kpiActualRecordSchema.parse({ targetId: id, periodDate: '2026-10-31', actual: 6 }))
    const row = repo.recordActual(kpiActualRecordSchema.parse({ targetId: id, periodDate: '2026-11-20', actual: 4, notes: '기간 중 누계' }))
    // 4 complaints against a target of 5: 5 / 4 = 125 %, on target (the stretch is 3).
    expect(row).toMatchObject({ actual: 4, actualSource: 'recorded', actualDate: '2026-11-20', achievementPercent: 125, band: 'ON_TARGET' })
    // An earlier date recorded later does not replace the latest figure.
    repo.recordActual(kpiActualRecordSchema.parse({ targetId: id, periodDate: '2026-10-01', actual: 9 }))
    const again = repo.achievements(kpiAchievementsSchema.parse({ on: '2026-12-31', period: 'QUARTER', audience: 'team' }))
    expect(again.rows[0]).toMatchObject({ actual: 4, achievementPercent: 125 })
    expect(device.sqlite.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE table_name = 'kpi_actuals'`).get()).toEqual({ n: 3 })
  })

  it('refuses what would make a wrong figure, and changes nothing', () => {
    const ord = definition('KPI-ORD-USER', '개인 수주액', 'CURRENCY', 'INCREASE')
    const complaints = definition('KPI-CMPL-TEAM', '고객 불만 건수', 'COUNT', 'DECREASE')
    const computedTarget = target(ord, 'USER', SEOYEON.id, { target: 10_000_000 })
    const recordedTarget = target(complaints, 'TEAM', TEAM1, { target: 5 })
    const rule = (fn: () => unknown): string | undefined => {
      try {
        fn()
      } catch (error) {
        if (error instanceof KpiRuleError) return error.rule
        // The writer's permission check (table × operation), before anything is written.
        if (error instanceof WriteForbiddenError) return 'forbidden'
        throw error
      }
      return undefined
    }
    expect(rule(() => repo.recordActual(kpiActualRecordSchema.parse({ targetId: computedTarget, periodDate: '2026-11-01', actual: 1 })))).toBe('computedActual')
    expect(rule(() => repo.recordActual(kpiActualRecordSchema.parse({ targetId: recordedTarget, periodDate: '2026-09-30', actual: 1 })))).toBe(
      'dateOutsidePeriod',
    )
    // Lower is better: a stretch above the target or a minimum below it is a mistake.
    expect(rule(() => target(complaints, 'TEAM', TEAM1, { target: 5, stretch: 7 }))).toBe('bandsOutOfOrder')
    expect(rule(() => target(ord, 'USER', SEOYEON.id, { target: 10, minimum: 20 }))).toBe('bandsOutOfOrder')
    expect(rule(() => target(ord, 'USER', testId(0xdead), { target: 10 }))).toBe('ownerNotFound')
    expect(rule(() => definition('kpi-ord-user', '중복', 'CURRENCY', 'INCREASE'))).toBe('duplicateCode')
    // Targets are set by managers: the server would refuse an operator's, so the device does too.
    device.signInAs(SEOYEON)
    expect(rule(() => target(ord, 'USER', SEOYEON.id, { target: 99 }))).toBe('forbidden')
    expect(device.sqlite.prepare('SELECT COUNT(*) AS n FROM kpi_actuals').get()).toEqual({ n: 0 })
    expect(device.sqlite.prepare('SELECT target_value FROM kpi_targets WHERE id = ?').get(recordedTarget)).toEqual({ target_value: 5 })
  })

  it('keeps one target per KPI, owner and period: saving again updates it', () => {
    const ord = definition('KPI-ORD-USER', '개인 수주액', 'CURRENCY', 'INCREASE')
    const first = target(ord, 'USER', SEOYEON.id, { target: 10_000_000 })
    const second = target(ord, 'USER', SEOYEON.id, { target: 12_000_000, stretch: 15_000_000 })
    expect(second).toBe(first)
    expect(device.sqlite.prepare('SELECT COUNT(*) AS n FROM kpi_targets').get()).toEqual({ n: 1 })
    const half = repo.saveTarget(
      kpiTargetSaveSchema.parse({ definitionId: ord, ownerType: 'COMPANY', period: { type: 'HALF', fiscalYear: 2026, index: 2 }, target: 1 }),
    )
    // Our company is stood for by the root department, as in the demo data.
    expect(half).toMatchObject({ ownerType: 'COMPANY', ownerId: ROOT, ownerLabel: '전사', periodLabel: '2026년 하반기', periodStart: '2026-07-01' })
    expect(device.sqlite.prepare('SELECT period_type, period_half, period_quarter, period_month FROM kpi_targets WHERE id = ?').get(half.targetId)).toEqual({
      period_type: 'HALF',
      period_half: 2,
      period_quarter: null,
      period_month: null,
    })
  })

  it('shows each tier its audience: own, team, company', () => {
    const ord = definition('KPI-ORD-USER', '개인 수주액', 'CURRENCY', 'INCREASE')
    target(ord, 'USER', SEOYEON.id, { target: 10 })
    target(ord, 'USER', YUNA, { target: 20 })
    target(ord, 'USER', MANAGER.id, { target: 30 })
    const owners = (audience: string): string[] =>
      repo.achievements(kpiAchievementsSchema.parse({ on: '2026-11-25', period: 'QUARTER', audience })).rows.map((r) => r.ownerLabel)

    expect(repo.definitions().audiences).toEqual(['me', 'team'])
    expect(owners('me')).toEqual(['김민준'])
    expect(owners('team')).toEqual(['김민준', '이서연'])
    expect(() => owners('company')).toThrow(KpiRuleError)

    device.signInAs(SEOYEON)
    expect(repo.definitions().audiences).toEqual(['me'])
    expect(owners('me')).toEqual(['이서연'])
    expect(() => owners('team')).toThrow(KpiRuleError)

    device.signInAs(BOSS)
    expect(owners('company')).toEqual(['김민준', '이서연', '최유나'])
  })

  it('counts a department target over its live sub-departments', () => {
    const ord = definition('KPI-ORD-DEPT', '본부 수주액', 'CURRENCY', 'INCREASE')
    const SALES1 = testId(0xd2)
    const CLOSED = testId(0xd3)
    sql(`INSERT INTO departments (id, code, name, parent_id, is_active) VALUES (?, 'S1', '영업1부', ?, 1)`, SALES1, SALES)
    sql(
      `INSERT INTO departments (id, code, name, parent_id, is_active, deleted_at) VALUES (?, 'S9', '폐지된 부서', ?, 0, '2026-05-01T00:00:00.000Z')`,
      CLOSED,
      SALES,
    )
    sql('UPDATE users SET department_id = ? WHERE id = ?', SALES1, YUNA)
    sql('UPDATE users SET department_id = ? WHERE id = ?', CLOSED, BOSS.id)
    // 서연 (영업본부) and 유나 (영업1부, below it) count; the boss, in a deleted sub-department, does not.
    opportunity(SEOYEON.id, 'CLOSED_WON', 10_000_000, '2026-10-15', '2026-10-01T01:00:00.000Z')
    opportunity(YUNA, 'CLOSED_WON', 5_000_000, '2026-11-02', '2026-11-01T01:00:00.000Z')
    opportunity(BOSS.id, 'CLOSED_WON', 7_000_000, '2026-11-03', '2026-11-01T01:00:00.000Z')
    const row = repo.saveTarget(kpiTargetSaveSchema.parse({ definitionId: ord, ownerType: 'DEPARTMENT', ownerId: SALES, period: Q4, target: 20_000_000 }))
    // 15,000,000 of 20,000,000 → 75 %.
    expect(row).toMatchObject({ ownerLabel: '영업본부', actual: 15_000_000, achievementPercent: 75 })
  })

  it('a deleted team grants no team audience, as on the sync server', () => {
    const ord = definition('KPI-ORD-USER', '개인 수주액', 'CURRENCY', 'INCREASE')
    const TEAM3 = testId(0x73)
    sql(`INSERT INTO teams (id, code, name, department_id, team_lead_id, is_active) VALUES (?, 'T3', '영업3팀', ?, ?, 1)`, TEAM3, SALES, YUNA)
    for (const user of [MANAGER.id, YUNA]) {
      sql(
        'INSERT INTO team_members (id, team_id, user_id, role, joined_at) VALUES (?, ?, ?, ?, ?)',
        nextId(),
        TEAM3,
        user,
        'MEMBER',
        '2026-01-01T00:00:00.000Z',
      )
    }
    const mtg = definition('KPI-MTG-TEAM', '고객 미팅 건수', 'COUNT', 'INCREASE')
    target(ord, 'USER', YUNA, { target: 20 })
    target(mtg, 'TEAM', TEAM3, { target: 3 })
    target(mtg, 'TEAM', TEAM1, { target: 3 })
    const owners = (): string[] =>
      repo.achievements(kpiAchievementsSchema.parse({ on: '2026-11-25', period: 'QUARTER', audience: 'team' })).rows.map((r) => r.ownerLabel)

    // While 영업3팀 lives, the manager (a member) sees it and its member 유나.
    expect(owners()).toEqual(['영업1팀', '영업3팀', '최유나'])
    sql(`UPDATE teams SET deleted_at = '2026-11-01T00:00:00.000Z' WHERE id = ?`, TEAM3)
    expect(owners()).toEqual(['영업1팀'])
  })

  it('follows a fiscal year that starts in April', () => {
    const ord = definition('KPI-ORD-USER', '개인 수주액', 'CURRENCY', 'INCREASE')
    // FY2026 (April start) 하반기: 2026-10-01 … 2027-03-31.
    const row = repo.saveTarget(
      kpiTargetSaveSchema.parse({
        definitionId: ord,
        ownerType: 'USER',
        ownerId: MANAGER.id,
        period: { type: 'HALF', fiscalYear: 2026, index: 2 },
        target: 100,
        fiscalStartMonth: 4,
      }),
    )
    expect(row).toMatchObject({ periodLabel: '2026 회계연도 하반기', periodStart: '2026-10-01', periodEnd: '2027-03-31' })
    opportunity(MANAGER.id, 'CLOSED_WON', 150, '2027-02-01', '2027-01-01T00:00:00.000Z')
    device.setNow('2027-03-01T00:00:00.000Z')
    const result = repo.achievements(kpiAchievementsSchema.parse({ on: '2027-03-01', period: 'HALF', audience: 'me', fiscalStartMonth: 4 }))
    expect(result.rows).toHaveLength(1)
    expect(result.rows[0]).toMatchObject({ actual: 150, achievementPercent: 150 })
  })

  it('has no actual for a period that has not started', () => {
    const ord = definition('KPI-ORD-USER', '개인 수주액', 'CURRENCY', 'INCREASE')
    repo.saveTarget(
      kpiTargetSaveSchema.parse({
        definitionId: ord,
        ownerType: 'USER',
        ownerId: MANAGER.id,
        period: { type: 'MONTH', fiscalYear: 2026, index: 12 },
        target: 5,
      }),
    )
    const result = repo.achievements(kpiAchievementsSchema.parse({ on: '2026-12-01', period: 'MONTH', audience: 'me' }))
    expect(result.periodLabel).toBe('2026년 12월')
    expect(result.rows[0]).toMatchObject({ actual: null, achievementPercent: null })
    expect(result.overall).toBeNull()
  })
})

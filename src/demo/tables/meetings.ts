/** meetings, meeting_participants, meeting_agenda, meeting_minutes, meeting_action_items, meeting_products. */
import { type MeetingType, type ParticipantAttendance } from '../../shared/model/enums'
import { DAY_MS, addDays, hhmm, instantBetween, isoTimestamp, kstDate, kstInstant, nextWorkday, officeInstant } from '../clock'
import { commonColumns, idMaker, type WireRow } from '../context'
import { demoRecordCode } from '../ids'
import { ACTION_ITEM_TASKS, COMPETITORS, CUSTOMER_CONCERNS, CUSTOMER_INTERESTS, MEETING_DECISIONS, MEETING_KEY_POINTS } from '../hrd-data'
import { fakePerson, objectParticle } from '../korean-fakes'
import { type Random } from '../prng'
import { type CompanyInfo, type DemoState, type MeetingInfo, type ProductInfo } from '../state'
import { activeUsers } from './org'
import { stageTimes } from './sales'

const TITLES: Readonly<Record<MeetingType, (subject: string) => string>> = {
  INITIAL: (s) => `${s} 교육 니즈 미팅`,
  PROPOSAL: (s) => `${s} 제안 발표`,
  OPERATION: (s) => `${s} 운영 킥오프`,
  FOLLOWUP: (s) => `${s} 결과 보고`,
  TEAM: (s) => `${s} 주간 회의`,
  CROSS_DEPT: (s) => s,
  PARTNER: (s) => s,
}

const AGENDA: Readonly<Record<MeetingType, readonly string[]>> = {
  INITIAL: ['회사 및 교육 서비스 소개', '교육 현황과 니즈 청취', '예산과 일정 확인', '향후 진행 방향'],
  PROPOSAL: ['제안 배경과 목표', '커리큘럼과 운영 방안', '강사 소개', '견적과 일정', '질의응답'],
  OPERATION: ['운영 일정 확정', '교육생 명단과 분반', '교육장과 기자재 점검', '사전 과제 안내'],
  FOLLOWUP: ['교육 결과 요약', '만족도와 수료율 보고', '개선 사항', '후속 교육 제안'],
  TEAM: ['주간 실적 공유', '파이프라인 점검', '이슈와 지원 요청', '다음 주 일정'],
  CROSS_DEPT: ['수주 예정 건 공유', '운영 리소스 배정', '강사 수급 현황', '협업 이슈'],
  PARTNER: ['협업 현황 공유', '신규 과정 개발 논의', '단가 및 일정 협의'],
}

interface PlannedMeeting {
  readonly type: MeetingType
  readonly company: CompanyInfo | null
  readonly branchId: string | null
  readonly opportunityId: string | null
  readonly projectId: string | null
  readonly subject: string
  readonly date: string
  readonly organizerId: string
  readonly internalIds: readonly string[]
  readonly importance: string
  readonly product: ProductInfo | null
  readonly quantity: number
}

function meetingTime(random: Random): [string, string] {
  const start = random.pick([9 * 60 + 30, 10 * 60, 10 * 60 + 30, 11 * 60, 14 * 60, 15 * 60, 16 * 60])
  return [hhmm(start), hhmm(start + random.pick([30, 60, 60, 90, 120]))]
}

function planMeetings(state: DemoState): PlannedMeeting[] {
  const { ctx } = state
  const random = ctx.random('meetings:plan')
  const planned: PlannedMeeting[] = []
  const dateOf = (ms: number): string => nextWorkday(kstDate(Math.min(ms, ctx.nowMs + 60 * DAY_MS)))
  const teamLeadOf = (teamId: string | null): string | null => state.teams.find((t) => t.id === teamId)?.leadId ?? null
  for (const opportunity of state.opportunities) {
    const company = state.companyById.get(opportunity.companyId)!
    const times = stageTimes(opportunity)
    const base = {
      company,
      branchId: opportunity.branchId,
      opportunityId: opportunity.id,
      projectId: null,
      subject: company.shortName,
      organizerId: opportunity.accountManagerId,
      product: opportunity.product,
      quantity:
        opportunity.product.seed.type === 'ASSESSMENT' && opportunity.product.listPrice < 5_000_000
          ? Math.max(10, Math.round(opportunity.amount / opportunity.product.listPrice))
          : opportunity.sessions,
    }
    const importance = opportunity.amount >= 200_000_000 ? 'HIGH' : opportunity.amount >= 50_000_000 ? 'MEDIUM' : 'LOW'
    const needs = times.get('NEEDS_ANALYSIS')
    if (needs !== undefined && random.chance(0.5)) {
      planned.push({ ...base, type: 'INITIAL', date: dateOf(needs - random.int(0, 3) * DAY_MS), internalIds: [opportunity.accountManagerId], importance })
    }
    const proposal = times.get('PROPOSAL')
    if (proposal !== undefined && random.chance(0.6)) {
      const lead = teamLeadOf(opportunity.teamId)
      planned.push({
        ...base,
        type: 'PROPOSAL',
        date: dateOf(proposal + random.int(0, 5) * DAY_MS),
        internalIds: lead && lead !== opportunity.accountManagerId ? [opportunity.accountManagerId, lead] : [opportunity.accountManagerId],
        importance: importance === 'LOW' ? 'MEDIUM' : 'HIGH',
      })
    }
    const open = opportunity.stage !== 'CLOSED_WON' && opportunity.stage !== 'CLOSED_LOST'
    if (open && random.chance(0.25)) {
      const type: MeetingType = opportunity.stage === 'QUALIFYING' ? 'INITIAL' : opportunity.stage === 'NEEDS_ANALYSIS' ? 'PROPOSAL' : 'FOLLOWUP'
      planned.push({ ...base, type, date: nextWorkday(addDays(ctx.today, random.int(1, 21))), internalIds: [opportunity.accountManagerId], importance })
    }
  }
  for (const project of state.projects) {
    const company = state.companyById.get(project.companyId)!
    const base = {
      company,
      branchId: project.branchId,
      opportunityId: project.opportunityId,
      projectId: project.id,
      subject: project.name,
      organizerId: project.managerId,
      product: null,
      quantity: 0,
      importance: 'MEDIUM',
      internalIds: [project.managerId, project.coordinatorId, project.accountManagerId],
    }
    if (project.startDate <= addDays(ctx.today, 30) && random.chance(0.6)) {
      planned.push({ ...base, type: 'OPERATION', date: nextWorkday(addDays(project.startDate, -random.int(5, 14))) })
    }
    if (project.status === 'COMPLETED' && random.chance(0.4)) {
      const date = nextWorkday(addDays(project.endDate, random.int(5, 20)))
      planned.push({ ...base, type: 'FOLLOWUP', date: date < ctx.today ? date : nextWorkday(addDays(ctx.today, random.int(1, 10))), importance: 'HIGH' })
    }
  }
  // Internal meetings, spread over the two years (more recent ones are more numerous in a CRM's history).
  const internalCount = Math.max(4, Math.round(state.companies.length * 0.15))
  const allActive = activeUsers(state, ['EXEC', 'SALES', 'OPS', 'CONSULTING', 'SUPPORT'])
  for (let i = 0; i < internalCount; i++) {
    const ms = instantBetween(random, ctx.historyStartMs + 7 * DAY_MS, ctx.nowMs + 21 * DAY_MS, 1.3)
    const date = nextWorkday(kstDate(ms))
    const kind = random.weighted([
      ['TEAM', 7],
      ['CROSS_DEPT', 2],
      ['PARTNER', 1],
    ] as const)
    if (kind === 'TEAM' && state.teams.length > 0) {
      const team = random.pick(state.teams)
      const members = team.memberIds.filter((id) => allActive.some((u) => u.id === id))
      planned.push({
        type: 'TEAM',
        company: null,
        branchId: null,
        opportunityId: null,
        projectId: null,
        subject: team.name,
        date,
        organizerId: team.leadId,
        internalIds: members.slice(0, 8),
        importance: 'LOW',
        product: null,
        quantity: 0,
      })
    } else {
      const leads = state.teams.map((t) => t.leadId)
      const organizer = random.pick(leads.length > 0 ? leads : allActive.map((u) => u.id))
      planned.push({
        type: kind === 'TEAM' ? 'CROSS_DEPT' : kind,
        company: null,
        branchId: null,
        opportunityId: null,
        projectId: null,
        subject:
          kind === 'PARTNER'
            ? random.pick(['강사 파트너 간담회', '교육장 협력사 미팅', '콘텐츠 제작사 협의'])
            : random.pick(['영업-운영 월간 협업 회의', '분기 실적 리뷰', '신규 과정 개발 회의']),
        date,
        organizerId: organizer,
        internalIds: random.sample(leads, Math.min(5, leads.length)),
        importance: 'MEDIUM',
        product: null,
        quantity: 0,
      })
    }
  }
  return planned.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

const meetingPlans = new WeakMap<MeetingInfo, PlannedMeeting>()

export function buildMeetings(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('meetings')
  const newId = idMaker(ctx, 'meetings')
  const rows: WireRow[] = []
  for (const plan of planMeetings(state)) {
    const [startTime, endTime] = meetingTime(random)
    const past = plan.date < ctx.today
    const status = past ? (random.chance(0.92) ? 'COMPLETED' : 'CANCELLED') : 'SCHEDULED'
    const startMs = kstInstant(plan.date, startTime)
    const createdMs = Math.max(ctx.historyStartMs, Math.min(ctx.nowMs - 60_000, startMs - random.int(1, 14) * DAY_MS - random.int(0, 6 * 60) * 60_000))
    const id = newId(createdMs)
    const customer = plan.company !== null
    const locationType = customer
      ? random.weighted([
          ['ONSITE', 6],
          ['ONLINE', 3],
          ['HYBRID', 1],
        ] as const)
      : random.weighted([
          ['ONSITE', 7],
          ['ONLINE', 3],
        ] as const)
    const branch = plan.branchId ? state.branches.find((b) => b.id === plan.branchId) : undefined
    const address = branch?.address ?? plan.company?.address
    const followUp = status === 'COMPLETED' && random.chance(0.5)
    const info: MeetingInfo = {
      id,
      kind: customer ? 'CUSTOMER' : 'INTERNAL',
      type: plan.type,
      companyId: plan.company?.id ?? null,
      company: plan.company,
      opportunityId: plan.opportunityId,
      projectId: plan.projectId,
      date: plan.date,
      startTime,
      endTime,
      status,
      organizerId: plan.organizerId,
      internalIds: plan.internalIds,
      createdMs,
      isPast: past,
      product: plan.product,
    }
    state.meetings.push(info)
    meetingPlans.set(info, plan)
    rows.push({
      ...commonColumns({
        id,
        createdMs,
        updatedMs: past ? Math.min(ctx.nowMs - 60_000, kstInstant(plan.date, endTime) + random.int(10, 600) * 60_000) : createdMs,
        createdBy: plan.organizerId,
      }),
      code: demoRecordCode('meetings', id),
      title: TITLES[plan.type](plan.subject),
      description: customer ? `${plan.company?.name ?? ''} ${plan.type === 'PROPOSAL' ? '제안' : '미팅'} — ${AGENDA[plan.type][1] ?? ''}` : null,
      target: customer ? 'CUSTOMER' : 'INTERNAL',
      type: plan.type,
      company_id: plan.company?.id ?? null,
      branch_id: plan.company ? plan.branchId : null,
      opportunity_id: plan.opportunityId,
      project_id: plan.projectId,
      date: plan.date,
      start_time: startTime,
      end_time: endTime,
      location_type: locationType,
      location_address:
        locationType !== 'ONLINE'
          ? customer && address
            ? `${address.state} ${address.city} ${address.street}`
            : '서울특별시 강남구 테헤란로 152, 12층 (오구 본사)'
          : null,
      location_room: locationType !== 'ONLINE' ? random.pick(['대회의실', '소회의실 A', '3층 회의실', '임원 회의실', '교육장']) : null,
      online_link: locationType !== 'ONSITE' ? `https://zoom.us/j/${random.int(100_000_000, 999_999_999)}${random.int(10, 99)}` : null,
      organizer_id: plan.organizerId,
      status,
      importance: plan.importance,
      has_follow_up: followUp,
      follow_up_date: followUp ? addDays(plan.date, random.int(3, 14)) : null,
    })
  }
  return rows
}

export function buildMeetingParticipants(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('meeting_participants')
  const newId = idMaker(ctx, 'meeting_participants')
  const rows: WireRow[] = []
  const attendance = (meeting: MeetingInfo): ParticipantAttendance =>
    meeting.status === 'COMPLETED'
      ? random.chance(0.92)
        ? 'ATTENDED'
        : 'ABSENT'
      : meeting.status === 'CANCELLED'
        ? 'PENDING'
        : random.chance(0.6)
          ? 'CONFIRMED'
          : 'PENDING'
  for (const meeting of state.meetings) {
    const seen = new Set<string>()
    const internal = [meeting.organizerId, ...meeting.internalIds.filter((id) => id !== meeting.organizerId)]
    internal.forEach((userId, i) => {
      if (seen.has(userId)) return
      seen.add(userId)
      rows.push({
        ...commonColumns({ id: newId(meeting.createdMs), createdMs: meeting.createdMs, createdBy: meeting.organizerId }),
        meeting_id: meeting.id,
        participant_type: 'INTERNAL',
        user_id: userId,
        contact_id: null,
        name: null,
        company: null,
        position: null,
        role: i === 0 ? 'ORGANIZER' : meeting.type === 'PROPOSAL' && i === 1 ? 'PRESENTER' : random.chance(0.15) ? 'OPTIONAL' : 'ATTENDEE',
        attendance: i === 0 && meeting.status === 'COMPLETED' ? 'ATTENDED' : attendance(meeting),
      })
    })
    if (meeting.company) {
      const contacts = random.sample(meeting.company.contacts, random.int(1, Math.min(3, Math.max(1, meeting.company.contacts.length))))
      for (const contact of contacts) {
        rows.push({
          ...commonColumns({ id: newId(meeting.createdMs), createdMs: meeting.createdMs, createdBy: meeting.organizerId }),
          meeting_id: meeting.id,
          participant_type: 'EXTERNAL',
          user_id: null,
          contact_id: contact.id,
          name: null,
          company: null,
          position: contact.position,
          role: 'ATTENDEE',
          attendance: attendance(meeting),
        })
      }
      if (random.chance(0.15)) {
        const person = fakePerson(random, { senior: true })
        rows.push({
          ...commonColumns({ id: newId(meeting.createdMs), createdMs: meeting.createdMs, createdBy: meeting.organizerId }),
          meeting_id: meeting.id,
          participant_type: 'EXTERNAL',
          user_id: null,
          contact_id: null,
          name: person.fullName,
          company: meeting.company.name.slice(0, 100),
          position: random.pick(['상무', '본부장', '구매팀 과장', '재무팀 차장']),
          role: 'OPTIONAL',
          attendance: attendance(meeting),
        })
      }
    }
  }
  return rows
}

export function buildMeetingAgenda(state: DemoState): WireRow[] {
  const random = state.ctx.random('meeting_agenda')
  const newId = idMaker(state.ctx, 'meeting_agenda')
  const names = new Map(state.users.map((u) => [u.id, u.fullName]))
  const rows: WireRow[] = []
  for (const meeting of state.meetings) {
    const topics = AGENDA[meeting.type as MeetingType]
    const count = random.int(2, Math.min(4, topics.length))
    for (let i = 0; i < count; i++) {
      rows.push({
        ...commonColumns({ id: newId(meeting.createdMs), createdMs: meeting.createdMs, createdBy: meeting.organizerId }),
        meeting_id: meeting.id,
        sequence: i + 1,
        topic: topics[i] ?? topics[0]!,
        duration: random.pick([10, 15, 20, 30, 40]),
        presenter: names.get(random.pick(meeting.internalIds.length > 0 ? meeting.internalIds : [meeting.organizerId])) ?? null,
        notes: random.chance(0.2) ? '자료 사전 공유' : null,
      })
    }
  }
  return rows
}

const minutesWritten = new WeakSet<MeetingInfo>()

export function buildMeetingMinutes(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('meeting_minutes')
  const newId = idMaker(ctx, 'meeting_minutes')
  const rows: WireRow[] = []
  for (const meeting of state.meetings) {
    if (meeting.status !== 'COMPLETED' || !random.chance(0.85)) continue
    minutesWritten.add(meeting)
    const writtenOn = random.chance(0.6) ? meeting.date : nextWorkday(addDays(meeting.date, 1))
    const createdMs = Math.min(ctx.nowMs - 60_000, Math.max(kstInstant(meeting.date, meeting.endTime) + 10 * 60_000, officeInstant(random, writtenOn)))
    const customer = meeting.kind === 'CUSTOMER'
    const topic = AGENDA[meeting.type as MeetingType][1] ?? '진행 현황'
    const reaction = customer
      ? random.weighted([
          ['POSITIVE', 55],
          ['NEUTRAL', 35],
          ['NEGATIVE', 10],
        ] as const)
      : null
    rows.push({
      ...commonColumns({ id: newId(createdMs), createdMs, createdBy: meeting.organizerId }),
      meeting_id: meeting.id,
      summary: customer
        ? `${meeting.company?.shortName ?? ''} 담당자와 ${topic}${objectParticle(topic)} 논의함. 고객 반응은 ${reaction === 'POSITIVE' ? '긍정적' : reaction === 'NEGATIVE' ? '부정적' : '보통'}이며 후속 조치를 합의함.`
        : '팀별 진행 현황과 이슈를 공유하고 지원이 필요한 건을 정리함.',
      key_points: random.sample(MEETING_KEY_POINTS, random.int(2, 4)),
      decisions: random.sample(MEETING_DECISIONS, random.int(1, 2)),
      next_steps: random.pick(['수정 제안서 전달 후 재미팅', '내부 결재 후 회신 예정', '운영 계획서 공유', '다음 주 진행 상황 점검']),
      customer_reaction: reaction,
      customer_concerns: customer ? random.sample(CUSTOMER_CONCERNS, random.int(0, 2)) : [],
      customer_interests: customer ? random.sample(CUSTOMER_INTERESTS, random.int(0, 2)) : [],
      competitors_mentioned:
        customer && random.chance(0.2) ? [{ name: random.pick(COMPETITORS), note: random.pick(['기존 거래처', '견적 제출 예정', '작년 운영사']) }] : [],
      attachments: random.chance(0.3)
        ? [
            {
              name: `${meeting.type === 'PROPOSAL' ? '제안서' : '회의자료'}_${meeting.date.replace(/-/g, '')}.pdf`,
              url: `https://files.augu.demo/meetings/${meeting.id}/1.pdf`,
              sizeBytes: random.int(200_000, 8_000_000),
              mimeType: 'application/pdf',
            },
          ]
        : [],
    })
  }
  return rows
}

export function buildMeetingActionItems(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('meeting_action_items')
  const newId = idMaker(ctx, 'meeting_action_items')
  const rows: WireRow[] = []
  for (const meeting of state.meetings) {
    if (!minutesWritten.has(meeting)) continue
    const count = random.int(1, 3)
    const createdMs = Math.min(ctx.nowMs - 60_000, kstInstant(meeting.date, meeting.endTime) + random.int(10, 600) * 60_000)
    for (const task of random.sample(ACTION_ITEM_TASKS, count)) {
      const due = addDays(meeting.date, random.int(2, 14))
      const status = due < ctx.today ? (random.chance(0.85) ? 'COMPLETED' : 'IN_PROGRESS') : random.chance(0.6) ? 'PENDING' : 'IN_PROGRESS'
      const completedMs = status === 'COMPLETED' ? Math.min(ctx.nowMs - 60_000, instantBetween(random, createdMs, kstInstant(due, '18:00'))) : null
      const assignee = random.pick([meeting.organizerId, ...meeting.internalIds])
      rows.push({
        ...commonColumns({
          id: newId(createdMs),
          createdMs,
          updatedMs: completedMs ?? createdMs,
          createdBy: meeting.organizerId,
          updatedBy: completedMs ? assignee : meeting.organizerId,
        }),
        meeting_id: meeting.id,
        task,
        assignee_id: assignee,
        due_date: due,
        priority: random.weighted([
          ['LOW', 2],
          ['MEDIUM', 5],
          ['HIGH', 2],
          ['CRITICAL', 0.5],
        ] as const),
        status,
        completed_at: completedMs === null ? null : isoTimestamp(completedMs),
        notes: status === 'IN_PROGRESS' && random.chance(0.3) ? '고객 회신 대기 중' : null,
      })
    }
  }
  return rows
}

export function buildMeetingProducts(state: DemoState): WireRow[] {
  const random = state.ctx.random('meeting_products')
  const newId = idMaker(state.ctx, 'meeting_products')
  const rows: WireRow[] = []
  for (const meeting of state.meetings) {
    if (meeting.type !== 'PROPOSAL' || !meeting.product) continue
    const plan = meetingPlans.get(meeting)
    const main = meeting.product
    const extras = random.sample(
      state.products.filter((p) => p.id !== main.id && (p.seed.type === 'ASSESSMENT' || p.seed.type === 'COACHING')),
      random.int(0, 2),
    )
    const items: [ProductInfo, number][] = [
      [main, Math.max(1, plan?.quantity ?? 1)],
      ...extras.map((p) => [p, p.listPrice < 5_000_000 ? random.int(10, 60) : 1] as [ProductInfo, number]),
    ]
    for (const [product, quantity] of items) {
      rows.push({
        ...commonColumns({ id: newId(meeting.createdMs), createdMs: meeting.createdMs, createdBy: meeting.organizerId }),
        meeting_id: meeting.id,
        product_id: product.id,
        quantity,
        unit_price: product.listPrice,
        discount_percent: random.pick([0, 0, 5, 10, 15]),
        notes: product === main ? '주 제안 과정' : '연계 제안',
      })
    }
  }
  return rows
}

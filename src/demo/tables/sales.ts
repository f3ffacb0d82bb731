/** opportunities, opportunity_stage_history, contracts, leads, lead_assignments. */
import { defaultProbability } from '../../shared/domain/opportunity-stage'
import { type LeadSource, type LeadStatus, type OpportunityStage, type OpportunityType } from '../../shared/model/enums'
import { DEMO_ACCOUNTS } from '../accounts'
import { DAY_MS, addDays, instantBetween, isoTimestamp, kstDate, nextWorkday } from '../clock'
import { commonColumns, idMaker, type WireRow } from '../context'
import { demoRecordCode } from '../ids'
import { COMPETITORS, LOST_REASONS, NEXT_ACTIONS, WON_REASONS } from '../hrd-data'
import { fakeCompanyName, fakeMobile, fakePerson } from '../korean-fakes'
import { type Random } from '../prng'
import { type CompanyInfo, type ContractInfo, type DemoState, type OpportunityInfo, type ProductInfo, type UserInfo } from '../state'
import { activeUsers } from './org'

const PIPELINE: readonly OpportunityStage[] = ['QUALIFYING', 'NEEDS_ANALYSIS', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON']

const SOURCE_WEIGHTS: readonly (readonly [LeadSource, number])[] = [
  ['REFERRAL', 30],
  ['WEBSITE', 25],
  ['CAMPAIGN', 20],
  ['EVENT', 12],
  ['COLD_CALL', 13],
]

interface PlannedDeal {
  readonly stage: OpportunityStage
  /** Where in the two years the deal closes (closed) — a window of days before the reference. */
  readonly closedDaysAgo?: readonly [number, number]
}

/** The deals a company has, consistent with its status (an ACTIVE customer has a recent win, a CHURNED one lost). */
function dealsFor(random: Random, company: CompanyInfo): PlannedDeal[] {
  const open = (): PlannedDeal => ({
    stage: random.weighted([
      ['QUALIFYING', 3],
      ['NEEDS_ANALYSIS', 3],
      ['PROPOSAL', 3],
      ['NEGOTIATION', 2],
    ] as const),
  })
  const extra = company.size === 'ENTERPRISE' ? 1 : 0
  switch (company.status) {
    case 'PROSPECT': {
      const n = random.weighted([
        [0, 3],
        [1, 5],
        [2, 2],
      ] as const)
      return Array.from({ length: n }, () => (random.chance(0.25) ? { stage: 'CLOSED_LOST', closedDaysAgo: [5, 300] } : open()))
    }
    case 'ACTIVE': {
      const deals: PlannedDeal[] = [{ stage: 'CLOSED_WON', closedDaysAgo: [20, 330] }]
      if (random.chance(0.5)) deals.push({ stage: 'CLOSED_WON', closedDaysAgo: [200, 650] })
      for (let i = random.int(0, 2) + extra; i > 0; i--) {
        deals.push(
          random.chance(0.6)
            ? open()
            : random.chance(0.6)
              ? { stage: 'CLOSED_WON', closedDaysAgo: [1, 500] }
              : { stage: 'CLOSED_LOST', closedDaysAgo: [1, 500] },
        )
      }
      return deals
    }
    case 'INACTIVE': {
      const deals: PlannedDeal[] = [{ stage: 'CLOSED_WON', closedDaysAgo: [400, 680] }]
      if (random.chance(0.4)) deals.push({ stage: 'CLOSED_LOST', closedDaysAgo: [150, 400] })
      return deals
    }
    case 'CHURNED': {
      const deals: PlannedDeal[] = [
        { stage: 'CLOSED_WON', closedDaysAgo: [360, 680] },
        { stage: 'CLOSED_LOST', closedDaysAgo: [30, 300] },
      ]
      if (random.chance(0.3)) deals.push({ stage: 'CLOSED_LOST', closedDaysAgo: [10, 200] })
      return deals
    }
  }
}

function pickProduct(random: Random, products: readonly ProductInfo[]): ProductInfo {
  return random.weighted(
    products.map((p) => [p, p.seed.type === 'TRAINING' ? 6 : p.seed.type === 'COACHING' ? 2 : p.seed.type === 'ASSESSMENT' ? 2 : 1] as const),
  )
}

/** Deal size in whole won: product price × runs (or heads), kept within 5백만–5억 and rounded to 10만. */
function dealAmount(random: Random, product: ProductInfo, company: CompanyInfo, sessions: number): number {
  const price = product.listPrice
  let amount: number
  switch (product.seed.type) {
    // Large customers run several groups per 차수 and buy yearly packages (계층교육 연간 운영), hence the long tail.
    case 'TRAINING': {
      const groups = company.size === 'ENTERPRISE' ? random.int(100, 300) : company.size === 'MIDMARKET' ? random.int(100, 180) : random.int(85, 110)
      const package_ = company.size !== 'STARTUP' && random.chance(0.15) ? random.int(2, 5) : 1
      amount = (price * sessions * groups * package_) / 100
      break
    }
    case 'ASSESSMENT':
      amount =
        price >= 5_000_000 ? price * (random.int(90, 160) / 100) : price * random.int(20, Math.max(25, Math.min(400, Math.round(company.employeeCount / 5))))
      break
    case 'COACHING':
      amount = price * random.int(1, 8)
      break
    case 'CONSULTING':
      amount = price * (random.int(80, 160) / 100)
      break
  }
  return Math.min(500_000_000, Math.max(5_000_000, Math.round(amount / 100_000) * 100_000))
}

function sessionsFor(random: Random, product: ProductInfo, company: CompanyInfo): number {
  if (product.seed.type !== 'TRAINING') return product.seed.type === 'COACHING' ? random.int(1, 2) : 1
  const max = company.size === 'ENTERPRISE' ? 6 : company.size === 'MIDMARKET' ? 4 : 2
  return random.skewedInt(1, max, 1.6)
}

const stageHistoryPlan = new WeakMap<OpportunityInfo, { path: OpportunityStage[]; times: number[] }>()

export function buildOpportunities(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('opportunities')
  const newId = idMaker(ctx, 'opportunities')
  const sales = activeUsers(state, ['SALES'], ['SALES_REP', 'SALES_MANAGER'])
  const userById = new Map(state.users.map((u) => [u.id, u]))
  const rows: WireRow[] = []
  // Even a small demo shows a deal in every column of the pipeline board.
  const showcase: PlannedDeal[] = [
    { stage: 'QUALIFYING' },
    { stage: 'NEEDS_ANALYSIS' },
    { stage: 'PROPOSAL' },
    { stage: 'NEGOTIATION' },
    { stage: 'CLOSED_LOST', closedDaysAgo: [10, 120] },
  ]
  for (const company of state.companies) {
    const planned = dealsFor(random, company)
    if ((company.status === 'ACTIVE' || company.status === 'PROSPECT') && showcase.length > 0) planned.push(showcase.shift()!)
    const deals = planned.sort((a, b) => (b.closedDaysAgo?.[1] ?? 0) - (a.closedDaysAgo?.[1] ?? 0))
    const productsWon: ProductInfo[] = []
    deals.forEach((deal, index) => {
      const renewal = productsWon.length > 0 && random.chance(0.45)
      const product = renewal ? random.pick(productsWon) : pickProduct(random, state.products)
      const type: OpportunityType = index === 0 ? 'NEW_BUSINESS' : renewal ? 'RENEWAL' : random.chance(0.85) ? 'EXPANSION' : 'REPLACEMENT'
      const cycleDays = random.int(20, 110)
      let createdMs: number
      let closeMs: number
      if (deal.closedDaysAgo) {
        const [minAgo, maxAgo] = deal.closedDaysAgo
        const earliestClose = Math.max(ctx.nowMs - maxAgo * DAY_MS, company.createdMs + cycleDays * DAY_MS)
        closeMs = instantBetween(random, Math.min(earliestClose, ctx.nowMs - minAgo * DAY_MS), ctx.nowMs - minAgo * DAY_MS)
        closeMs = Math.min(closeMs, ctx.nowMs - DAY_MS)
        createdMs = Math.max(company.createdMs, closeMs - cycleDays * DAY_MS)
      } else {
        createdMs = Math.max(company.createdMs, ctx.nowMs - random.int(3 * 24 * 60, 150 * 24 * 60) * 60_000 - random.int(0, 59_999))
        // Expected close ahead, a few already overdue (a real pipeline has them).
        closeMs = random.chance(0.1) ? ctx.nowMs - random.int(1, 20) * DAY_MS : ctx.nowMs + random.int(7, 120) * DAY_MS
        if (closeMs <= createdMs) closeMs = createdMs + 14 * DAY_MS
      }
      const manager =
        company.accountManagerId === DEMO_ACCOUNTS.consultant.id || random.chance(0.88) || sales.length === 0 ? company.accountManagerId : random.pick(sales).id
      const owner = userById.get(manager) as UserInfo
      const contact = company.contacts.length > 0 ? (random.chance(0.6) ? company.contacts[0]! : random.pick(company.contacts)) : null
      const sessions = sessionsFor(random, product, company)
      const amount = dealAmount(random, product, company, sessions)
      const source = type === 'NEW_BUSINESS' ? random.weighted(SOURCE_WEIGHTS) : random.chance(0.7) ? 'REFERRAL' : null
      const campaign =
        source === 'CAMPAIGN' && state.campaigns.length > 0 ? (state.campaigns.filter((c) => c.startMs <= createdMs).pop() ?? state.campaigns[0]!) : null
      const id = newId(createdMs)
      const stage = deal.stage
      const title = `${company.shortName} ${product.seed.name}${type === 'RENEWAL' ? ' (재계약)' : type === 'EXPANSION' ? ' 확대' : ''}`
      const info: OpportunityInfo = {
        id,
        companyId: company.id,
        branchId: contact?.branchId ?? company.branchIds[0] ?? null,
        contactId: contact?.id ?? null,
        title,
        stage,
        amount,
        product,
        accountManagerId: manager,
        teamId: owner.teamId,
        createdMs,
        closeMs,
        isNewBusiness: type === 'NEW_BUSINESS',
        source,
        campaignId: campaign?.id ?? null,
        sessions,
      }
      state.opportunities.push(info)
      if (stage === 'CLOSED_WON') productsWon.push(product)

      // Stage path and change times (stage history is generated from it next).
      const reached = stage === 'CLOSED_LOST' ? random.int(0, 3) : PIPELINE.indexOf(stage)
      let path = PIPELINE.slice(0, reached + 1)
      if (path.length > 3 && random.chance(0.2)) path = path.filter((s) => s !== 'NEEDS_ANALYSIS')
      if (stage === 'CLOSED_LOST') path.push('CLOSED_LOST')
      const endMs = stage === 'CLOSED_WON' || stage === 'CLOSED_LOST' ? closeMs : instantBetween(random, createdMs, ctx.nowMs - 60_000, 1.5)
      const times = path.map((_, i) =>
        i === 0 ? createdMs : createdMs + Math.floor((((endMs - createdMs) * i) / (path.length - 1 || 1)) * (0.8 + random.next() * 0.2)),
      )
      times.sort((a, b) => a - b)
      stageHistoryPlan.set(info, { path, times })

      const closed = stage === 'CLOSED_WON' || stage === 'CLOSED_LOST'
      const probability =
        closed || random.chance(0.7) ? defaultProbability(stage) : Math.min(95, Math.max(5, defaultProbability(stage) + random.pick([-10, -5, 5, 10])))
      const competitors = random.chance(0.4)
        ? random.sample(COMPETITORS, random.int(1, 2)).map((name) => ({
            name,
            strengths: random.pick(['가격 경쟁력', '브랜드 인지도', '온라인 콘텐츠 보유', '기존 거래 관계']),
            weaknesses: random.pick(['맞춤화 부족', '강사 풀 제한', '사후 관리 미흡']),
            ...(random.chance(0.5) ? { price: Math.round((amount * random.int(80, 110)) / 100 / 100_000) * 100_000 } : {}),
          }))
        : null
      const lastMs = times[times.length - 1] ?? createdMs
      rows.push({
        ...commonColumns({ id, createdMs, updatedMs: Math.min(ctx.nowMs, lastMs + random.int(0, 3) * DAY_MS), createdBy: manager }),
        code: demoRecordCode('opportunities', id),
        title,
        description: `${company.name} ${product.seed.audience} 대상 ${product.seed.name} ${type === 'RENEWAL' ? '재계약' : '도입'} 건. 예상 ${sessions}차수.`,
        company_id: company.id,
        branch_id: info.branchId,
        contact_id: info.contactId,
        type,
        stage,
        probability,
        amount,
        currency: 'KRW',
        expected_close_date: kstDate(closed ? Math.min(closeMs + random.int(-20, 20) * DAY_MS, ctx.nowMs) : closeMs),
        actual_close_date: closed ? kstDate(closeMs) : null,
        close_reason: stage === 'CLOSED_WON' ? random.pick(WON_REASONS) : stage === 'CLOSED_LOST' ? random.pick(LOST_REASONS) : null,
        competitor_info: competitors,
        source,
        campaign_id: campaign?.id ?? null,
        account_manager_id: manager,
        sales_team_id: owner.teamId,
        next_action: closed ? null : random.pick(NEXT_ACTIONS),
        next_action_date: closed ? null : nextWorkday(addDays(ctx.today, random.int(-3, 21))),
      })
    })
  }
  return rows
}

const STAGE_REASONS: Readonly<Record<OpportunityStage, readonly string[]>> = {
  QUALIFYING: ['신규 기회 등록', '리드 전환'],
  NEEDS_ANALYSIS: ['담당자 미팅으로 교육 니즈 확인', '사전 설문 결과 공유', 'RFP 수령'],
  PROPOSAL: ['제안서 제출', '커리큘럼 초안 전달', '경쟁 PT 참가'],
  NEGOTIATION: ['가격 협상 시작', '구매팀 견적 검토', '계약 조건 조율'],
  CLOSED_WON: WON_REASONS,
  CLOSED_LOST: LOST_REASONS,
}

export function buildStageHistory(state: DemoState): WireRow[] {
  const random = state.ctx.random('opportunity_stage_history')
  const newId = idMaker(state.ctx, 'opportunity_stage_history')
  const rows: WireRow[] = []
  for (const opportunity of state.opportunities) {
    const plan = stageHistoryPlan.get(opportunity)
    if (!plan) continue
    plan.path.forEach((stage, i) => {
      const at = plan.times[i] ?? opportunity.createdMs
      rows.push({
        ...commonColumns({ id: newId(at), createdMs: at, createdBy: opportunity.accountManagerId }),
        opportunity_id: opportunity.id,
        from_stage: i === 0 ? null : (plan.path[i - 1] ?? null),
        to_stage: stage,
        changed_by: opportunity.accountManagerId,
        changed_at: isoTimestamp(at),
        reason: random.pick(STAGE_REASONS[stage]),
      })
    })
  }
  return rows
}

/** How long delivering a product takes, in days, for contract and project end dates. */
export function deliveryDays(opportunity: OpportunityInfo): number {
  const seed = opportunity.product.seed
  return seed.type === 'TRAINING' ? Math.max(seed.days, (opportunity.sessions - 1) * 21 + seed.days) : seed.days
}

export function buildContracts(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('contracts')
  const newId = idMaker(ctx, 'contracts')
  const rows: WireRow[] = []
  for (const opportunity of state.opportunities) {
    const won = opportunity.stage === 'CLOSED_WON'
    const draft = opportunity.stage === 'NEGOTIATION' && random.chance(0.3)
    if (!won && !draft) continue
    const signedMs = won ? opportunity.closeMs + random.int(0, 5) * DAY_MS : null
    const startDate = nextWorkday(kstDate((signedMs ?? opportunity.closeMs) + random.int(7, 45) * DAY_MS))
    const endDate = addDays(startDate, deliveryDays(opportunity))
    const status = draft ? 'DRAFT' : startDate > ctx.today ? 'SIGNED' : random.chance(0.04) ? 'TERMINATED' : endDate < ctx.today ? 'COMPLETED' : 'ACTIVE'
    const createdMs = Math.min(ctx.nowMs - 60_000, signedMs ?? opportunity.closeMs - random.int(1, 10) * DAY_MS)
    const createdAt = Math.max(opportunity.createdMs, won ? Math.min(createdMs, opportunity.closeMs) : Math.min(createdMs, ctx.nowMs - 60_000))
    const id = newId(createdAt)
    const info: ContractInfo = { id, opportunity, status, startDate, endDate, amount: opportunity.amount, signedMs: signedMs ?? createdAt }
    state.contracts.push(info)
    rows.push({
      ...commonColumns({
        id,
        createdMs: createdAt,
        updatedMs: Math.min(ctx.nowMs, status === 'COMPLETED' ? createdAt + deliveryDays(opportunity) * DAY_MS : createdAt + random.int(0, 20) * DAY_MS),
        createdBy: opportunity.accountManagerId,
      }),
      company_id: opportunity.companyId,
      opportunity_id: opportunity.id,
      code: demoRecordCode('contracts', id),
      title: `${opportunity.title} 계약`,
      amount: draft ? Math.round((opportunity.amount * random.int(95, 100)) / 100 / 100_000) * 100_000 : opportunity.amount,
      currency: 'KRW',
      signed_date: signedMs === null ? null : kstDate(Math.min(signedMs, ctx.nowMs)),
      start_date: startDate,
      end_date: endDate,
      status,
    })
  }
  return rows
}

const leadAssignmentPlan = new WeakMap<DemoState, { leadId: string; createdMs: number; assignee: UserInfo | null; status: LeadStatus }[]>()

export function buildLeads(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('leads')
  const newId = idMaker(ctx, 'leads')
  const sales = activeUsers(state, ['SALES'], ['SALES_REP', 'SALES_MANAGER'])
  const reps = sales.filter((u) => u.role === 'SALES_REP')
  const userById = new Map(state.users.map((u) => [u.id, u]))
  const planned: { leadId: string; createdMs: number; assignee: UserInfo | null; status: LeadStatus }[] = []
  leadAssignmentPlan.set(state, planned)
  const rows: WireRow[] = []

  const push = (input: {
    status: LeadStatus
    createdMs: number
    companyName: string
    contactName: string
    email: string | null
    source: LeadSource
    assignee: UserInfo | null
    convertedMs?: number
    company?: CompanyInfo
    opportunity?: OpportunityInfo
  }): void => {
    const { status } = input
    const met =
      status === 'CONVERTED' || status === 'QUALIFIED'
        ? random.int(3, 4)
        : status === 'UNQUALIFIED'
          ? random.int(0, 1)
          : status === 'CONTACTED'
            ? random.int(1, 3)
            : random.int(0, 2)
    const flags = random.shuffle([true, true, true, true].map((_, i) => i < met))
    const campaign =
      input.source === 'CAMPAIGN' && state.campaigns.length > 0
        ? ((input.opportunity?.campaignId
            ? state.campaigns.find((c) => c.id === input.opportunity?.campaignId)
            : state.campaigns.filter((c) => c.startMs <= input.createdMs).pop()) ?? null)
        : null
    const id = newId(input.createdMs)
    const deleted = (status === 'UNQUALIFIED' || status === 'NEW') && random.chance(0.03)
    const updatedMs = input.convertedMs ?? instantBetween(random, input.createdMs, ctx.nowMs, 2)
    rows.push({
      ...commonColumns({
        id,
        createdMs: input.createdMs,
        updatedMs,
        createdBy: input.assignee?.id ?? sales[0]?.id ?? null,
        deletedMs: deleted ? Math.min(ctx.nowMs, updatedMs + random.int(1, 30) * DAY_MS) : null,
      }),
      code: demoRecordCode('leads', id),
      company_name: input.companyName,
      contact_name: input.contactName,
      email: input.email,
      phone: random.chance(0.8) ? fakeMobile(random) : null,
      source: input.source,
      source_detail: campaign
        ? campaign.name
        : input.source === 'REFERRAL'
          ? `${random.pick(state.companies)?.shortName ?? '기존 고객'} 담당자 소개`
          : input.source === 'WEBSITE'
            ? random.pick(['홈페이지 교육 문의', '제안서 다운로드', '카카오톡 채널 문의'])
            : input.source === 'EVENT'
              ? random.pick(['HRD 코리아 박람회 명함', 'HR 컨퍼런스 상담 부스', '조찬 세미나 참석'])
              : '아웃바운드 콜',
      campaign_id: campaign?.id ?? null,
      status,
      score: Math.min(100, met * 20 + random.int(0, 20)),
      bant_budget: flags[0] ?? false,
      bant_authority: flags[1] ?? false,
      bant_need: flags[2] ?? false,
      bant_timeline: flags[3] ?? false,
      assigned_to: input.assignee?.id ?? null,
      assigned_team_id: input.assignee?.teamId ?? null,
      converted_at: input.convertedMs === undefined ? null : isoTimestamp(input.convertedMs),
      converted_to_company_id: input.company?.id ?? null,
      converted_to_opportunity_id: input.opportunity?.id ?? null,
      notes: random.chance(0.3)
        ? random.pick(['내년 상반기 교육 계획 수립 중', '예산 확정 후 재연락 요청', '경쟁사와 비교 중', '담당자 변경 예정', '신임팀장 교육 관심'])
        : null,
    })
    planned.push({ leadId: id, createdMs: input.createdMs, assignee: input.assignee, status })
    state.leads.push({ id, ownerId: input.assignee?.id ?? null, createdMs: input.createdMs, companyName: input.companyName, converted: status === 'CONVERTED' })
  }

  // Half of the new-business deals started as a lead that was converted.
  for (const opportunity of state.opportunities) {
    if (!opportunity.isNewBusiness || !random.chance(0.5)) continue
    const company = state.companyById.get(opportunity.companyId)!
    const createdMs = Math.max(ctx.historyStartMs, opportunity.createdMs - random.int(3 * 24 * 60, 45 * 24 * 60) * 60_000)
    const contact = company.contacts.find((c) => c.id === opportunity.contactId) ?? company.contacts[0]
    push({
      status: 'CONVERTED',
      createdMs,
      companyName: company.name,
      contactName: contact?.fullName ?? fakePerson(random).fullName,
      email: contact?.email ?? null,
      source: (opportunity.source as LeadSource | null) ?? 'WEBSITE',
      assignee: userById.get(opportunity.accountManagerId) ?? null,
      convertedMs: opportunity.createdMs,
      company,
      opportunity,
    })
  }

  // Open and dead leads from companies that are not customers (yet).
  const openCount = Math.max(6, Math.round(state.companies.length * 0.8))
  // The first few cover every open status (a small demo still shows each column of the lead board).
  const showcase: readonly (readonly [LeadStatus, number, number])[] = [
    ['NEW', 0, 7],
    ['CONTACTED', 10, 40],
    ['QUALIFIED', 20, 80],
    ['UNQUALIFIED', 100, 300],
  ]
  for (let i = 0; i < openCount; i++) {
    const forced = showcase[i]
    const createdMs = forced
      ? ctx.nowMs - random.int(forced[1] * 24 * 60 + 60, forced[2] * 24 * 60 + 60) * 60_000
      : instantBetween(random, ctx.historyStartMs, ctx.nowMs - 60_000, 1.8)
    const ageDays = (ctx.nowMs - createdMs) / DAY_MS
    const status: LeadStatus = forced
      ? forced[0]
      : ageDays < 14
        ? random.weighted([
            ['NEW', 6],
            ['CONTACTED', 3],
            ['QUALIFIED', 1],
          ] as const)
        : ageDays < 90
          ? random.weighted([
              ['NEW', 1],
              ['CONTACTED', 4],
              ['QUALIFIED', 3],
              ['UNQUALIFIED', 2],
            ] as const)
          : random.weighted([
              ['CONTACTED', 1],
              ['QUALIFIED', 1],
              ['UNQUALIFIED', 4],
            ] as const)
    const industry = random.pick(state.industries)
    const name = fakeCompanyName(random, industry.words, state.takenCompanyNames)
    const person = fakePerson(random)
    const assignee = status === 'NEW' && random.chance(0.35) ? null : reps.length > 0 ? random.pick(reps) : (sales[0] ?? null)
    push({
      status,
      createdMs,
      companyName: name.name,
      contactName: person.fullName,
      email: random.chance(0.85) ? `${person.romanized}@${name.domain}` : null,
      source: random.weighted(SOURCE_WEIGHTS),
      assignee,
    })
  }
  return rows
}

export function buildLeadAssignments(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('lead_assignments')
  const newId = idMaker(ctx, 'lead_assignments')
  const reps = activeUsers(state, ['SALES'], ['SALES_REP'])
  const teamLead = (teamId: string | null): string | null => state.teams.find((t) => t.id === teamId)?.leadId ?? null
  const rows: WireRow[] = []
  for (const lead of leadAssignmentPlan.get(state) ?? []) {
    if (!lead.assignee) continue
    const approver = teamLead(lead.assignee.teamId) ?? lead.assignee.id
    // A few leads were first given to someone else and handed over (the lead's assigned_to is the last approved one).
    const previous = reps.length > 1 && random.chance(0.15) ? random.pick(reps.filter((r) => r.id !== lead.assignee?.id)) : null
    let at = Math.min(ctx.nowMs - 1, lead.createdMs + random.int(10, 600) * 60_000)
    const add = (input: { from: string | null; to: UserInfo; status: 'PENDING' | 'APPROVED' | 'REJECTED'; reason: string }): void => {
      const decidedMs = input.status === 'PENDING' ? null : Math.min(ctx.nowMs - 1, at + random.int(30, 2 * 24 * 60) * 60_000)
      rows.push({
        ...commonColumns({
          id: newId(at),
          createdMs: at,
          updatedMs: decidedMs ?? at,
          createdBy: input.from ?? approver,
          updatedBy: decidedMs ? approver : (input.from ?? approver),
        }),
        lead_id: lead.leadId,
        assigned_from: input.from,
        assigned_to: input.to.id,
        assigned_team_id: input.to.teamId,
        assignment_reason: input.reason,
        status: input.status,
        approved_by: decidedMs ? approver : null,
        approved_at: decidedMs ? isoTimestamp(decidedMs) : null,
        rejection_reason: input.status === 'REJECTED' ? random.pick(['담당 지역 불일치', '현재 담당 고객 과다', '이미 다른 팀에서 접촉 중']) : null,
      })
      at = Math.min(ctx.nowMs - 1, (decidedMs ?? at) + random.int(1, 20) * DAY_MS)
    }
    if (previous) {
      add({ from: null, to: previous, status: 'APPROVED', reason: '지역 기준 자동 배정' })
      add({ from: previous.id, to: lead.assignee, status: 'APPROVED', reason: '업종 전문 담당자에게 이관' })
    } else {
      add({ from: null, to: lead.assignee, status: 'APPROVED', reason: random.pick(['지역 기준 자동 배정', '업종 담당 배정', '문의 접수 담당 배정']) })
    }
    // An open request to hand over that is still waiting, or was turned down.
    if (lead.status !== 'CONVERTED' && lead.status !== 'UNQUALIFIED' && reps.length > 1 && random.chance(0.08)) {
      const other = random.pick(reps.filter((r) => r.id !== lead.assignee?.id))
      add({ from: lead.assignee.id, to: other, status: random.chance(0.5) ? 'PENDING' : 'REJECTED', reason: '담당 업무 조정 요청' })
    }
  }
  return rows
}

/** When an opportunity entered each stage (for meetings held at those moments). */
export function stageTimes(opportunity: OpportunityInfo): ReadonlyMap<OpportunityStage, number> {
  const plan = stageHistoryPlan.get(opportunity)
  const times = new Map<OpportunityStage, number>()
  plan?.path.forEach((stage, i) => times.set(stage, plan.times[i] ?? opportunity.createdMs))
  return times
}

/** industries, product_categories, products, instructors, kpi_definitions, campaigns: the catalogues. */
import {
  type CampaignType,
  type KpiCategory,
  type KpiDirection,
  type KpiEntityType,
  type KpiFrequency,
  type KpiLevel,
  type KpiUnit,
} from '../../shared/model/enums'
import { DAY_MS, kstDate } from '../clock'
import { commonColumns, idMaker, type WireRow } from '../context'
import { demoRecordCode } from '../ids'
import { INSTRUCTOR_BACKGROUNDS, INSTRUCTOR_CERTIFICATIONS, PRODUCT_CATEGORIES, PRODUCTS } from '../hrd-data'
import { INDUSTRIES } from '../korean-data'
import { fakeMobile, fakePerson } from '../korean-fakes'
import { type DemoState } from '../state'
import { activeUsers, ADMIN_ID } from './org'

export function buildIndustries(state: DemoState): WireRow[] {
  const newId = idMaker(state.ctx, 'industries')
  const createdMs = state.ctx.historyStartMs - 3 * DAY_MS
  const ids = new Map<string, string>()
  return INDUSTRIES.map((entry, i) => {
    const id = newId(createdMs + i)
    ids.set(entry.code, id)
    if (entry.words && entry.weight) state.industries.push({ id, name: entry.name, words: entry.words, weight: entry.weight })
    return {
      ...commonColumns({ id, createdMs: createdMs + i, createdBy: ADMIN_ID }),
      code: entry.code,
      name: entry.name,
      parent_id: entry.parent ? (ids.get(entry.parent) ?? null) : null,
      description: entry.parent ? `한국표준산업분류 중분류 ${entry.code.slice(1)}` : `한국표준산업분류 대분류 ${entry.code}`,
    }
  })
}

export function buildProductCategories(state: DemoState): WireRow[] {
  const newId = idMaker(state.ctx, 'product_categories')
  const createdMs = state.ctx.historyStartMs - 3 * DAY_MS
  return PRODUCT_CATEGORIES.map((category, i) => {
    const id = newId(createdMs + i)
    state.productCategoryIds.set(category.code, id)
    return {
      ...commonColumns({ id, createdMs: createdMs + i, createdBy: ADMIN_ID }),
      code: `PC-${category.code}`,
      name: category.name,
      parent_id: category.parent ? (state.productCategoryIds.get(category.parent) ?? null) : null,
      description: category.description,
      is_active: true,
    }
  })
}

export function buildProducts(state: DemoState): WireRow[] {
  const random = state.ctx.random('products')
  const newId = idMaker(state.ctx, 'products')
  const createdMs = state.ctx.historyStartMs - 2 * DAY_MS
  return PRODUCTS.map((product, i) => {
    const id = newId(createdMs + i)
    // Prices were revised once during the two years for some products.
    const revised = random.chance(0.3)
    const listPrice = revised ? Math.round((product.price * 1.05) / 10_000) * 10_000 : product.price
    const cost = Math.round((listPrice * random.int(38, 62)) / 100 / 10_000) * 10_000
    state.products.push({ id, seed: product, listPrice })
    const hours = product.hours
    const perModule = hours ? Math.max(1, Math.round(hours / product.modules.length)) : undefined
    return {
      ...commonColumns({
        id,
        createdMs: createdMs + i,
        updatedMs: revised ? state.ctx.historyStartMs + random.int(200, 500) * DAY_MS : createdMs + i,
        createdBy: ADMIN_ID,
      }),
      code: `P-${product.code}`,
      name: product.name,
      category_id: state.productCategoryIds.get(product.category) ?? null,
      type: product.type,
      description: `${product.audience}을 위한 ${product.name}. ${product.modules.slice(0, 3).join(', ')} 중심으로 구성됩니다.`,
      duration_days: product.days,
      duration_hours: hours,
      min_participants: product.minParticipants,
      max_participants: product.maxParticipants,
      list_price: listPrice,
      cost,
      curriculum: product.modules.map((title) => (perModule ? { title, hours: perModule } : { title })),
      prerequisites: product.type === 'COACHING' || product.code.startsWith('LDR-2') ? ['사전 리더십 진단 응답'] : [],
      objectives: product.modules.slice(0, 3).map((m) => `${m} 역량 향상과 현업 적용`),
      target_audience: product.audience,
      is_active: !(product.code === 'ONB-103' && random.chance(0.5)),
    }
  })
}

/** Specialty groups by project type, so classes get instructors who teach that kind of course. */
export const SPECIALTIES_BY_PROJECT_TYPE: Readonly<Record<string, readonly string[]>> = {
  LEADERSHIP: ['리더십', '코칭', '성과관리', '변화관리', '퍼실리테이션', '조직문화'],
  ONBOARDING: ['신입사원 교육', '비즈니스 매너', '커뮤니케이션', '조직문화'],
  SALES: ['영업', '협상', '커뮤니케이션'],
  SERVICE: ['서비스', 'CS', '커뮤니케이션'],
  TECHNICAL: ['데이터 분석', '보고서 작성', '프로젝트 관리', '생성형 AI', 'DX'],
}
const SPECIALTY_GROUPS = Object.values(SPECIALTIES_BY_PROJECT_TYPE)

export function buildInstructors(state: DemoState): WireRow[] {
  const random = state.ctx.random('instructors')
  const newId = idMaker(state.ctx, 'instructors')
  const taken = new Set<string>()
  const rows: WireRow[] = []
  for (let i = 0; i < state.plan.instructors; i++) {
    const person = fakePerson(random, { senior: random.chance(0.5) })
    const internal = random.chance(0.25)
    const domain = internal ? 'augu.demo' : random.pick(['gmail.com', 'naver.com', 'daum.net', 'kakao.com'])
    let email = `${person.romanized}@${domain}`
    for (let n = 2; taken.has(email); n++) email = `${person.romanized}${n}@${domain}`
    taken.add(email)
    // Cycle the primary field so every kind of course has instructors, then add a neighbouring specialty or two.
    const group = SPECIALTY_GROUPS[i % SPECIALTY_GROUPS.length] as readonly string[]
    const specialties = random.sample(group, random.int(1, Math.min(3, group.length)))
    if (random.chance(0.4)) {
      const other = random.pick(random.pick(SPECIALTY_GROUPS))
      if (!specialties.includes(other)) specialties.push(other)
    }
    const createdMs = state.ctx.historyStartMs + (i < state.plan.instructors * 0.6 ? random.int(0, 20) : random.int(20, 700)) * DAY_MS
    const id = newId(createdMs)
    const isActive = random.chance(0.95)
    state.instructors.push({ id, fullName: person.fullName, specialties, isActive })
    const years = random.int(5, 25)
    rows.push({
      ...commonColumns({ id, createdMs, updatedMs: Math.min(state.ctx.nowMs, createdMs + random.int(0, 200) * DAY_MS), createdBy: ADMIN_ID }),
      code: demoRecordCode('instructors', id),
      first_name: person.givenName,
      last_name: person.familyName,
      email,
      phone: fakeMobile(random),
      specialties,
      rating: random.int(350, 500) / 100,
      hourly_rate: internal ? random.int(8, 15) * 10_000 : random.int(15, 60) * 10_000,
      bio: `${random.pick(INSTRUCTOR_BACKGROUNDS).replace('{years}', String(years))}. 주요 분야: ${specialties.join(', ')}.`,
      certifications: random.sample(INSTRUCTOR_CERTIFICATIONS, random.int(0, 3)),
      is_internal: internal,
      is_active: isActive,
    })
  }
  return rows
}

interface KpiSeed {
  readonly code: string
  readonly name: string
  readonly category: KpiCategory
  readonly level: KpiLevel
  readonly unit: KpiUnit
  readonly direction: KpiDirection
  readonly frequency: KpiFrequency
  readonly formula: string
  /** Per month for currency and counts (multiplied by the period's months), the level itself for rates. */
  readonly target: (entity: { type: KpiEntityType; size: number }) => number
}

const KPIS: readonly KpiSeed[] = [
  {
    code: 'KPI-REV-CO',
    name: '전사 매출액',
    category: 'FINANCE',
    level: 'COMPANY',
    unit: 'CURRENCY',
    direction: 'INCREASE',
    frequency: 'QUARTERLY',
    formula: 'SUM(계약 금액) 인식 기준',
    target: (e) => e.size * 4_000_000,
  },
  {
    code: 'KPI-RET-CO',
    name: '고객 유지율',
    category: 'CUSTOMER',
    level: 'COMPANY',
    unit: 'PERCENT',
    direction: 'INCREASE',
    frequency: 'YEARLY',
    formula: '재계약 고객 수 / 전년도 계약 고객 수 × 100',
    target: () => 85,
  },
  {
    code: 'KPI-REV-DEPT',
    name: '본부 매출액',
    category: 'SALES',
    level: 'DEPARTMENT',
    unit: 'CURRENCY',
    direction: 'INCREASE',
    frequency: 'QUARTERLY',
    formula: 'SUM(본부 귀속 계약 금액)',
    target: (e) => e.size * 45_000_000,
  },
  {
    code: 'KPI-CMP-DEPT',
    name: '교육 수료율',
    category: 'OPERATIONAL',
    level: 'DEPARTMENT',
    unit: 'PERCENT',
    direction: 'INCREASE',
    frequency: 'QUARTERLY',
    formula: '수료 인원 / 확정 인원 × 100 (출석 80% 이상 수료)',
    target: () => 92,
  },
  {
    code: 'KPI-MGN-DEPT',
    name: '프로젝트 마진율',
    category: 'FINANCE',
    level: 'DEPARTMENT',
    unit: 'PERCENT',
    direction: 'INCREASE',
    frequency: 'QUARTERLY',
    formula: '(매출 − 원가) / 매출 × 100',
    target: () => 35,
  },
  {
    code: 'KPI-ORD-TEAM',
    name: '팀 수주액',
    category: 'SALES',
    level: 'TEAM',
    unit: 'CURRENCY',
    direction: 'INCREASE',
    frequency: 'MONTHLY',
    formula: 'SUM(수주 확정 영업 기회 금액)',
    target: (e) => e.size * 50_000_000,
  },
  {
    code: 'KPI-NEW-TEAM',
    name: '신규 고객 수',
    category: 'CUSTOMER',
    level: 'TEAM',
    unit: 'COUNT',
    direction: 'INCREASE',
    frequency: 'QUARTERLY',
    formula: 'COUNT(첫 계약 고객사)',
    target: (e) => Math.max(1, Math.round(e.size * 0.7)),
  },
  {
    code: 'KPI-CYC-TEAM',
    name: '평균 수주 소요일',
    category: 'SALES',
    level: 'TEAM',
    unit: 'DAYS',
    direction: 'DECREASE',
    frequency: 'QUARTERLY',
    formula: 'AVG(수주일 − 기회 생성일)',
    target: () => 45,
  },
  {
    code: 'KPI-CSAT-TEAM',
    name: '교육 만족도',
    category: 'PROJECT',
    level: 'TEAM',
    unit: 'PERCENT',
    direction: 'MAINTAIN',
    frequency: 'QUARTERLY',
    formula: 'AVG(만족도 5점 척도) / 5 × 100',
    target: () => 90,
  },
  {
    code: 'KPI-ORD-USER',
    name: '개인 수주액',
    category: 'SALES',
    level: 'INDIVIDUAL',
    unit: 'CURRENCY',
    direction: 'INCREASE',
    frequency: 'MONTHLY',
    formula: 'SUM(본인 담당 수주 금액)',
    target: () => 50_000_000,
  },
  {
    code: 'KPI-WIN-USER',
    name: '영업 기회 성공률',
    category: 'SALES',
    level: 'INDIVIDUAL',
    unit: 'PERCENT',
    direction: 'INCREASE',
    frequency: 'QUARTERLY',
    formula: '수주 건수 / 종료 건수 × 100',
    target: () => 40,
  },
  {
    code: 'KPI-MTG-USER',
    name: '고객 미팅 건수',
    category: 'SALES',
    level: 'INDIVIDUAL',
    unit: 'COUNT',
    direction: 'INCREASE',
    frequency: 'MONTHLY',
    formula: 'COUNT(완료된 고객 미팅)',
    target: () => 12,
  },
  {
    code: 'KPI-PRJ-USER',
    name: '운영 차수 건수',
    category: 'PROJECT',
    level: 'INDIVIDUAL',
    unit: 'COUNT',
    direction: 'MAINTAIN',
    frequency: 'MONTHLY',
    formula: 'COUNT(완료된 차수)',
    target: () => 4,
  },
]

export function buildKpiDefinitions(state: DemoState): WireRow[] {
  const newId = idMaker(state.ctx, 'kpi_definitions')
  const createdMs = state.ctx.historyStartMs - DAY_MS
  return KPIS.map((kpi, i) => {
    const id = newId(createdMs + i)
    state.kpiDefinitions.push({
      id,
      code: kpi.code,
      level: kpi.level,
      unit: kpi.unit,
      direction: kpi.direction,
      frequency: kpi.frequency,
      monthlyTarget: kpi.target,
    })
    return {
      ...commonColumns({ id, createdMs: createdMs + i, createdBy: ADMIN_ID }),
      code: kpi.code,
      name: kpi.name,
      category: kpi.category,
      level: kpi.level,
      formula: kpi.formula,
      unit: kpi.unit,
      target_direction: kpi.direction,
      frequency: kpi.frequency,
      is_active: true,
    }
  })
}

const CAMPAIGN_THEMES: readonly (readonly [CampaignType, string])[] = [
  ['WEBINAR', '리더십 트렌드 웨비나'],
  ['SEMINAR', 'HR 담당자 조찬 세미나'],
  ['EXHIBITION', 'HRD 코리아 박람회 부스'],
  ['EMAIL', '신입사원 교육 얼리버드 안내'],
  ['ADVERTISING', '검색광고 (기업교육 컨설팅)'],
  ['PARTNER', '파트너사 공동 세미나'],
  ['WEBINAR', '생성형 AI 업무 활용 웨비나'],
  ['EMAIL', '하반기 교육 계획 뉴스레터'],
  ['SEMINAR', '조직문화 혁신 포럼'],
  ['OTHER', '고객 초청 네트워킹 데이'],
]

export function buildCampaigns(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('campaigns')
  const newId = idMaker(ctx, 'campaigns')
  const owners = [...activeUsers(state, ['SUPPORT']), ...activeUsers(state, ['SALES'], ['SALES_MANAGER'])]
  const fallbackOwner = activeUsers(state, ['SALES'])[0]?.id ?? ADMIN_ID
  const rows: WireRow[] = []
  for (let i = 0; i < state.plan.campaigns; i++) {
    // Spread over the two years and a little into the future (planned campaigns).
    const startMs = ctx.historyStartMs + Math.floor(((i + random.next()) / state.plan.campaigns) * 790) * DAY_MS
    const lengthDays = random.int(1, 60)
    const endMs = startMs + lengthDays * DAY_MS
    const createdMs = Math.min(ctx.nowMs - DAY_MS, startMs - random.int(10, 40) * DAY_MS)
    const [type, theme] = random.pick(CAMPAIGN_THEMES)
    const startDate = kstDate(startMs)
    const year = startDate.slice(0, 4)
    const half = Number(startDate.slice(5, 7)) <= 6 ? '상반기' : '하반기'
    const status = startMs > ctx.nowMs ? 'PLANNED' : endMs < ctx.nowMs ? (random.chance(0.06) ? 'CANCELLED' : 'COMPLETED') : 'ACTIVE'
    const id = newId(Math.max(ctx.historyStartMs, createdMs))
    state.campaigns.push({ id, name: `${year} ${half} ${theme}`, startMs, endMs })
    const owner = owners.length > 0 ? random.pick(owners).id : fallbackOwner
    rows.push({
      ...commonColumns({
        id,
        createdMs: Math.max(ctx.historyStartMs, createdMs),
        updatedMs: Math.min(ctx.nowMs, endMs),
        createdBy: owner,
      }),
      code: demoRecordCode('campaigns', id),
      name: `${year} ${half} ${theme}`,
      type,
      status,
      start_date: startDate,
      end_date: kstDate(endMs),
      budget: random.int(3, 50) * 1_000_000,
      owner_id: owner,
      description: `${theme} — 잠재 고객 발굴과 기존 고객 관계 강화를 위한 캠페인`,
    })
  }
  return rows
}

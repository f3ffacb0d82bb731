/** companies, branches, contacts: the three-level customer structure. */
import { type CompanySize, type CompanyStatus, type CompanyTier, type ContactRoleType } from '../../shared/model/enums'
import { DEMO_ACCOUNTS } from '../accounts'
import { DAY_MS, addDays, instantBetween } from '../clock'
import { commonColumns, idMaker, type WireRow } from '../context'
import { demoRecordCode } from '../ids'
import { CONTACT_DEPARTMENTS, CONTACT_POSITIONS, EXECUTIVE_POSITIONS, SENIOR_POSITIONS } from '../korean-data'
import {
  fakeAddress,
  fakeBusinessNumber,
  fakeCompanyName,
  fakeCorporateNumber,
  fakeMobile,
  fakeOfficePhone,
  fakePerson,
  fakeRepresentativeNumber,
  pickRegion,
  type KoreanAddress,
} from '../korean-fakes'
import { type Random } from '../prng'
import { type BranchInfo, type CompanyInfo, type DemoState } from '../state'
import { activeUsers } from './org'

const SIZE_WEIGHTS: readonly (readonly [CompanySize, number])[] = [
  ['STARTUP', 10],
  ['SMB', 35],
  ['MIDMARKET', 35],
  ['ENTERPRISE', 20],
]
const STATUS_WEIGHTS: readonly (readonly [CompanyStatus, number])[] = [
  ['PROSPECT', 35],
  ['ACTIVE', 45],
  ['INACTIVE', 12],
  ['CHURNED', 8],
]
const TAGS = [
  '대기업 계열',
  '재계약 고객',
  '교육예산 확대',
  '공공 조달',
  '고용보험 환급',
  '연간 계약',
  '신규 발굴',
  '경쟁사 거래처',
  '계열사 확대',
  'VIP 관리',
] as const

function employeeCount(random: Random, size: CompanySize): number {
  switch (size) {
    case 'STARTUP':
      return random.int(5, 50)
    case 'SMB':
      return random.int(50, 300)
    case 'MIDMARKET':
      return random.int(300, 1_000)
    case 'ENTERPRISE':
      return random.skewedInt(1_000, 30_000, 3)
  }
}

function tierFor(random: Random, size: CompanySize, status: CompanyStatus): CompanyTier {
  if (status === 'PROSPECT')
    return random.weighted([
      ['SILVER', 2],
      ['BRONZE', 8],
    ] as const)
  if (size === 'ENTERPRISE')
    return random.weighted([
      ['VIP', 4],
      ['GOLD', 4],
      ['SILVER', 2],
    ] as const)
  if (size === 'MIDMARKET')
    return random.weighted([
      ['VIP', 1],
      ['GOLD', 4],
      ['SILVER', 4],
      ['BRONZE', 2],
    ] as const)
  return random.weighted([
    ['GOLD', 1],
    ['SILVER', 4],
    ['BRONZE', 6],
  ] as const)
}

/** 서울특별시 → 서울, 경기도 → 경기, 전북특별자치도 → 전북 (for branch names). */
function shortState(state: string): string {
  const two = state.slice(0, 2)
  if (state.startsWith('충청') || state.startsWith('전라') || state.startsWith('경상')) return state[0]! + state[2]!
  return two
}

export function buildCompanies(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('companies')
  const newId = idMaker(ctx, 'companies')
  const sales = activeUsers(state, ['SALES'], ['SALES_REP', 'SALES_MANAGER'])
  // The demo consultant gets a visibly larger book of accounts than average; managers keep a few of their own.
  const managerWeights = sales.map((u) => [u.id, u.id === DEMO_ACCOUNTS.consultant.id ? 2.5 : u.role === 'SALES_MANAGER' ? 0.4 : 1] as const)
  const industryWeights = state.industries.map((i) => [i, i.weight] as const)
  const rows: WireRow[] = []
  for (let i = 0; i < state.plan.companies; i++) {
    const industry = random.weighted(industryWeights)
    const size = random.weighted(SIZE_WEIGHTS)
    const status = random.weighted(STATUS_WEIGHTS)
    const tier = tierFor(random, size, status)
    const name = fakeCompanyName(random, industry.words, state.takenCompanyNames)
    const employees = employeeCount(random, size)
    const address = fakeAddress(random)
    // Customers with history were entered early; prospects keep arriving.
    const createdMs =
      status === 'PROSPECT'
        ? instantBetween(random, ctx.historyStartMs, ctx.nowMs - 2 * DAY_MS, 1.5)
        : instantBetween(random, ctx.historyStartMs, ctx.historyStartMs + 400 * DAY_MS)
    const id = newId(createdMs)
    const individual = size === 'STARTUP' && random.chance(0.3)
    const businessNumber = fakeBusinessNumber(random, individual ? 'individual' : 'corporation', state.takenBusinessNumbers)
    const accountManagerId = sales.length > 0 ? random.weighted(managerWeights) : DEMO_ACCOUNTS.consultant.id
    const info: CompanyInfo = {
      id,
      name: name.name,
      shortName: name.shortName,
      domain: name.domain,
      size,
      status,
      tier,
      employeeCount: employees,
      accountManagerId,
      createdMs,
      address,
      branchIds: [],
      contacts: [],
    }
    state.companies.push(info)
    state.companyById.set(id, info)
    const customFields: Record<string, string | number | boolean | null> = {}
    if (random.chance(0.5)) customFields['연간 교육예산(원)'] = Math.round((employees * random.int(30, 120) * 10_000) / 1_000_000) * 1_000_000
    if (random.chance(0.3)) customFields['고용보험 환급'] = random.chance(0.6)
    if (random.chance(0.2)) customFields['구매 방식'] = random.pick(['수의계약', '공개입찰', '제한경쟁', '구매대행'])
    rows.push({
      ...commonColumns({
        id,
        createdMs,
        updatedMs: instantBetween(random, createdMs, ctx.nowMs, 2),
        createdBy: accountManagerId,
      }),
      code: demoRecordCode('companies', id),
      name: name.name,
      business_number: businessNumber,
      corporate_number: individual ? null : fakeCorporateNumber(random, address.state, state.takenCorporateNumbers),
      representative: fakePerson(random, { senior: true }).fullName,
      industry_id: industry.id,
      company_size: size,
      annual_revenue: employees * random.int(150, 600) * 1_000_000,
      employee_count: employees,
      fiscal_year_end: random.weighted([
        ['12-31', 85],
        ['03-31', 8],
        ['06-30', 4],
        ['09-30', 3],
      ] as const),
      website: random.chance(0.9) ? `https://www.${name.domain}` : null,
      description: `${industry.name} 분야 ${size === 'ENTERPRISE' ? '대기업' : size === 'MIDMARKET' ? '중견기업' : size === 'SMB' ? '중소기업' : '스타트업'}. 임직원 약 ${employees.toLocaleString('en-US')}명.`,
      tier,
      status,
      credit_limit: status === 'PROSPECT' ? null : random.int(5, 50) * 10_000_000,
      payment_terms: random.weighted([
        [30, 6],
        [45, 2],
        [60, 2],
      ] as const),
      account_manager_id: accountManagerId,
      tags: random.sample(
        TAGS,
        random.weighted([
          [0, 3],
          [1, 4],
          [2, 2],
          [3, 1],
        ] as const),
      ),
      custom_fields: customFields,
    })
  }
  return rows
}

export function buildBranches(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('branches')
  const newId = idMaker(ctx, 'branches')
  const rows: WireRow[] = []
  for (const company of state.companies) {
    const extra =
      company.size === 'ENTERPRISE'
        ? random.int(1, 4)
        : company.size === 'MIDMARKET'
          ? random.int(0, 2)
          : company.size === 'SMB'
            ? random.chance(0.3)
              ? 1
              : 0
            : 0
    let remaining = company.employeeCount
    for (let b = 0; b <= extra; b++) {
      const hq = b === 0
      const type = hq
        ? 'HEADQUARTERS'
        : random.weighted([
            ['BRANCH', 5],
            ['FACTORY', 3],
            ['RND', 2],
          ] as const)
      const address: KoreanAddress = hq ? company.address : fakeAddress(random, pickRegion(random))
      const name = hq
        ? '본사'
        : type === 'FACTORY'
          ? `${address.city.split(' ')[0]!.replace(/[시군구]$/, '')}${random.pick(['공장', '사업장'])}`
          : type === 'RND'
            ? random.pick(['기술연구소', 'R&D센터', '중앙연구소'])
            : `${shortState(address.state)}${random.pick(['지사', '지점', '사무소'])}`
      const share = hq ? (extra === 0 ? 100 : random.int(40, 70)) : b === extra ? 100 : random.int(20, 60)
      const employees = Math.max(1, Math.round((remaining * share) / 100))
      remaining = Math.max(0, remaining - employees)
      const createdMs = hq ? company.createdMs : instantBetween(random, company.createdMs, ctx.nowMs - DAY_MS)
      const id = newId(createdMs)
      const info: BranchInfo = { id, companyId: company.id, name, address, isPrimary: hq }
      state.branches.push(info)
      company.branchIds.push(id)
      const businessNumber = hq ? null : random.chance(0.6) ? fakeBusinessNumber(random, 'corporation-branch', state.takenBusinessNumbers) : null
      rows.push({
        ...commonColumns({ id, createdMs, updatedMs: instantBetween(random, createdMs, ctx.nowMs, 3), createdBy: company.accountManagerId }),
        company_id: company.id,
        code: demoRecordCode('branches', id),
        name,
        branch_type: type,
        business_number: businessNumber,
        address_street: address.street,
        address_city: address.city,
        address_state: address.state,
        address_postal: address.postal,
        address_country: '대한민국',
        phone: hq && company.size === 'ENTERPRISE' && random.chance(0.5) ? fakeRepresentativeNumber(random) : fakeOfficePhone(random, address.areaCode),
        fax: random.chance(0.6) ? fakeOfficePhone(random, address.areaCode) : null,
        email: random.chance(0.6) ? `${hq ? 'info' : `branch${b}`}@${company.domain}` : null,
        manager_name: fakePerson(random, { senior: true }).fullName,
        employee_count: Math.max(1, employees),
        is_primary: hq,
        is_billing_address: hq,
        is_shipping_address: hq || (type === 'FACTORY' && random.chance(0.3)),
      })
    }
  }
  return rows
}

const CONTACT_TITLES: Readonly<Record<string, readonly (string | null)[]>> = {
  사원: [null],
  주임: [null],
  대리: [null, '담당'],
  과장: [null, '파트장', '담당'],
  차장: ['파트장', '팀장', null],
  부장: ['팀장', '팀장', '실장'],
  이사: ['본부장', '실장'],
  상무: ['본부장', 'CHRO'],
  전무: ['CHRO', '부문장'],
}

function roleTypeFor(random: Random, position: string): ContactRoleType {
  if (EXECUTIVE_POSITIONS.has(position)) return random.chance(0.8) ? 'DECISION_MAKER' : 'INFLUENCER'
  if (SENIOR_POSITIONS.has(position))
    return random.weighted([
      ['DECISION_MAKER', 4],
      ['INFLUENCER', 4],
      ['CHAMPION', 2],
    ] as const)
  return random.weighted([
    ['USER', 5],
    ['INFLUENCER', 2],
    ['CHAMPION', 3],
  ] as const)
}

export function buildContacts(state: DemoState): WireRow[] {
  const { ctx } = state
  const random = ctx.random('contacts')
  const newId = idMaker(ctx, 'contacts')
  const branchById = new Map(state.branches.map((b) => [b.id, b]))
  const rows: WireRow[] = []
  for (const company of state.companies) {
    const count =
      company.size === 'ENTERPRISE'
        ? random.int(4, 9)
        : company.size === 'MIDMARKET'
          ? random.int(3, 6)
          : company.size === 'SMB'
            ? random.int(2, 4)
            : random.int(1, 2)
    const emails = new Set<string>()
    for (let c = 0; c < count; c++) {
      // HR and education people sit at head office; a branch may have its own HR contact.
      const branchId = c < 2 || company.branchIds.length === 1 ? company.branchIds[0]! : random.pick(company.branchIds)
      const branch = branchById.get(branchId)!
      const primary = c === 0
      const position = primary ? random.pick(['과장', '차장', '부장']) : random.weighted(CONTACT_POSITIONS)
      const person = fakePerson(random, { senior: SENIOR_POSITIONS.has(position) })
      let email = `${person.romanized}@${company.domain}`
      for (let n = 2; emails.has(email); n++) email = `${person.romanized}${n}@${company.domain}`
      emails.add(email)
      const createdMs = c === 0 ? company.createdMs : instantBetween(random, company.createdMs, ctx.nowMs - DAY_MS)
      const id = newId(createdMs)
      const isActive = primary || random.chance(0.95)
      const hasEmail = random.chance(0.95)
      const info = { id, companyId: company.id, branchId, fullName: person.fullName, position, email: hasEmail ? email : null, createdMs }
      state.contacts.push(info)
      if (isActive) company.contacts.push(info)
      const birthYear = SENIOR_POSITIONS.has(position) ? random.int(1965, 1982) : random.int(1980, 1999)
      rows.push({
        ...commonColumns({ id, createdMs, updatedMs: instantBetween(random, createdMs, ctx.nowMs, 2), createdBy: company.accountManagerId }),
        branch_id: branchId,
        first_name: person.givenName,
        last_name: person.familyName,
        email: info.email,
        phone: random.chance(0.8) ? fakeOfficePhone(random, branch.address.areaCode) : null,
        mobile: random.chance(0.85) ? fakeMobile(random) : null,
        position,
        title: random.pick(CONTACT_TITLES[position] ?? [null]),
        department: primary ? random.pick(['인사팀', '교육팀', 'HRD팀', '인재개발팀']) : random.weighted(CONTACT_DEPARTMENTS),
        role_type: roleTypeFor(random, position),
        is_primary: primary,
        preferred_contact_method: random.weighted([
          ['EMAIL', 40],
          ['MOBILE', 25],
          ['PHONE', 15],
          ['KAKAO', 20],
        ] as const),
        birthday: random.chance(0.4) ? addDays(`${birthYear}-01-01`, random.int(0, 364)) : null,
        notes: random.chance(0.25)
          ? random.pick(['오전 통화 선호', '결재 라인: 팀장 → 본부장', '교육 예산 담당', '신규 입사자 교육 담당', '카카오톡 응답이 빠름', '연말 인사이동 예정'])
          : null,
        linkedin_url: random.chance(0.1) ? `https://www.linkedin.com/in/${person.romanized.replace('.', '-')}` : null,
        is_active: isActive,
      })
    }
  }
  return rows
}

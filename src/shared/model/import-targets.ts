/**
 * What a spreadsheet can be imported into (가져오기 대상), the fields of each, which are required, and the header names
 * (Korean and English) that suggest a column maps to a field. Pure data, shared by main (which validates and writes)
 * and the renderer (which shows the mapping step).
 */
import { COMPANY_STATUSES, COMPANY_TIERS, LEAD_SOURCES, PRODUCT_TYPES } from './enums'

export const IMPORT_TARGETS = ['companies', 'contacts', 'leads', 'trainees', 'products'] as const
export type ImportTarget = (typeof IMPORT_TARGETS)[number]

export interface ImportField {
  readonly key: string
  /** Must be mapped (and filled); `oneOf` fields need at least one of the group. */
  readonly required?: boolean
  /** A group of alternatives of which one must be mapped, e.g. 성명 or 성 + 이름. */
  readonly oneOf?: string
  /** Header names that suggest this field, compared after normalizeHeader. */
  readonly aliases: readonly string[]
}

const companyLink: readonly ImportField[] = [
  {
    key: 'companyName',
    oneOf: 'company',
    aliases: ['회사명', '회사', '고객사', '고객사명', '상호', '상호명', '기업명', '업체명', '소속', '소속회사', 'company', 'companyname', 'organization'],
  },
  { key: 'businessNumber', oneOf: 'company', aliases: ['사업자등록번호', '사업자번호', '사업자', 'businessnumber', 'brn', 'bizno'] },
]

const personName: readonly ImportField[] = [
  { key: 'fullName', oneOf: 'personName', aliases: ['성명', '이름', '성함', '담당자', '담당자명', '교육생', '교육생명', '참가자', 'name', 'fullname'] },
  { key: 'lastName', oneOf: 'personName', aliases: ['성', 'lastname', 'familyname', 'surname'] },
  { key: 'firstName', aliases: ['이름', 'firstname', 'givenname'] },
]

const contactPoints: readonly ImportField[] = [
  { key: 'email', aliases: ['이메일', '메일', '이메일주소', '전자우편', 'email', 'e-mail', 'mail'] },
  { key: 'phone', aliases: ['전화', '전화번호', '연락처', '대표전화', '직통', '직통번호', '유선', 'phone', 'tel', 'telephone'] },
]

export const IMPORT_FIELDS: Readonly<Record<ImportTarget, readonly ImportField[]>> = {
  companies: [
    {
      key: 'name',
      required: true,
      aliases: ['회사명', '상호', '상호명', '고객사', '고객사명', '기업명', '업체명', '법인명', 'company', 'companyname', 'name'],
    },
    { key: 'businessNumber', aliases: ['사업자등록번호', '사업자번호', 'businessnumber', 'brn', 'bizno'] },
    { key: 'corporateNumber', aliases: ['법인등록번호', '법인번호', 'corporatenumber'] },
    { key: 'representative', aliases: ['대표자', '대표', '대표자명', '대표이사', 'ceo', 'representative'] },
    ...contactPoints,
    { key: 'addressStreet', aliases: ['주소', '소재지', '사업장주소', 'address', 'street'] },
    { key: 'addressCity', aliases: ['시도', '지역', '도시', 'city', 'region'] },
    { key: 'website', aliases: ['홈페이지', '웹사이트', '사이트', 'website', 'url', 'homepage'] },
    { key: 'employeeCount', aliases: ['직원수', '임직원수', '종업원수', '사원수', 'employees', 'employeecount', 'headcount'] },
    { key: 'annualRevenue', aliases: ['매출', '매출액', '연매출', '연간매출', 'revenue', 'annualrevenue'] },
    { key: 'tier', aliases: ['등급', '고객등급', 'tier', 'grade'] },
    { key: 'status', aliases: ['상태', '거래상태', 'status'] },
    { key: 'description', aliases: ['비고', '메모', '설명', '참고', 'notes', 'memo', 'description'] },
  ],
  contacts: [
    ...companyLink,
    ...personName,
    ...contactPoints,
    { key: 'mobile', aliases: ['휴대폰', '휴대전화', '핸드폰', '휴대폰번호', '모바일', 'mobile', 'cell', 'cellphone'] },
    { key: 'department', aliases: ['부서', '부서명', '소속부서', 'department', 'dept'] },
    { key: 'position', aliases: ['직급', '직위', 'position', 'rank'] },
    { key: 'title', aliases: ['직책', 'title', 'jobtitle'] },
    { key: 'notes', aliases: ['비고', '메모', '참고', 'notes', 'memo'] },
  ],
  leads: [
    { key: 'companyName', required: true, aliases: ['회사명', '회사', '고객사', '고객사명', '상호', '기업명', '업체명', 'company', 'companyname'] },
    { key: 'contactName', aliases: ['담당자', '담당자명', '성명', '이름', '고객명', 'contact', 'contactname', 'name'] },
    ...contactPoints,
    { key: 'source', aliases: ['유입경로', '출처', '경로', '리드출처', 'source', 'leadsource'] },
    { key: 'notes', aliases: ['비고', '메모', '문의내용', '내용', 'notes', 'memo'] },
  ],
  trainees: [
    ...personName,
    { key: 'employeeNumber', aliases: ['사번', '사원번호', '직원번호', 'employeenumber', 'employeeid', 'empno'] },
    // Optional for a trainee: a roster import into a class takes the class's client company.
    ...companyLink.map(({ oneOf: _, ...f }) => f),
    { key: 'department', aliases: ['부서', '부서명', '소속부서', 'department', 'dept'] },
    { key: 'position', aliases: ['직급', '직위', '직책', 'position', 'title'] },
    ...contactPoints.map((f) => (f.key === 'phone' ? { ...f, aliases: [...f.aliases, '휴대폰', '휴대전화', '핸드폰', 'mobile'] } : f)),
    { key: 'notes', aliases: ['비고', '메모', '참고', 'notes', 'memo'] },
  ],
  products: [
    { key: 'code', aliases: ['상품코드', '코드', '과정코드', 'code', 'productcode', 'sku'] },
    { key: 'productName', required: true, aliases: ['상품명', '상품', '과정명', '교육명', '교육과정', '프로그램명', 'product', 'productname', 'name'] },
    { key: 'category', aliases: ['분류', '상품분류', '카테고리', '분야', 'category'] },
    { key: 'type', aliases: ['유형', '상품유형', '구분', 'type'] },
    { key: 'productDescription', aliases: ['설명', '상품설명', '과정소개', '소개', 'description'] },
    { key: 'durationDays', aliases: ['일수', '교육일수', '기간일', 'days', 'durationdays'] },
    { key: 'durationHours', aliases: ['시간', '교육시간', '총시간', '시수', 'hours', 'durationhours'] },
    { key: 'minParticipants', aliases: ['최소인원', '최소', 'min', 'minparticipants'] },
    { key: 'maxParticipants', aliases: ['최대인원', '정원', '최대', 'max', 'maxparticipants'] },
    { key: 'listPrice', aliases: ['정가', '단가', '판매가', '가격', '금액', 'price', 'listprice'] },
    { key: 'cost', aliases: ['원가', '비용', '매입가', 'cost'] },
    { key: 'targetAudience', aliases: ['대상', '교육대상', '대상자', 'audience', 'targetaudience'] },
  ],
}

/** Lower case, without spaces and punctuation, so '사업자 등록번호' and 'Business_Number' compare as names. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_\-./()[\]*:#·]/g, '')
}

/** Korean labels and codes that a file may use for the enumerated fields. */
export const IMPORT_ENUM_LABELS = {
  tier: { ...codes(COMPANY_TIERS), 골드: 'GOLD', 실버: 'SILVER', 브론즈: 'BRONZE' },
  status: { ...codes(COMPANY_STATUSES), 잠재: 'PROSPECT', 잠재고객: 'PROSPECT', 거래중: 'ACTIVE', 활성: 'ACTIVE', 휴면: 'INACTIVE', 이탈: 'CHURNED' },
  type: { ...codes(PRODUCT_TYPES), 교육: 'TRAINING', 컨설팅: 'CONSULTING', 진단: 'ASSESSMENT', 코칭: 'COACHING' },
  source: {
    ...codes(LEAD_SOURCES),
    웹사이트: 'WEBSITE',
    홈페이지: 'WEBSITE',
    소개: 'REFERRAL',
    캠페인: 'CAMPAIGN',
    콜드콜: 'COLD_CALL',
    행사: 'EVENT',
    전시회: 'EVENT',
  },
} as const satisfies Record<string, Record<string, string>>

function codes<T extends readonly string[]>(values: T): Record<string, T[number]> {
  return Object.fromEntries(values.map((v) => [normalizeHeader(v), v]))
}

/** The enum code for a cell ('골드', 'gold', 'GOLD' → 'GOLD'), or the cell unchanged for validation to refuse. */
export function enumFromLabel(field: keyof typeof IMPORT_ENUM_LABELS, cell: string): string {
  const table: Record<string, string> = IMPORT_ENUM_LABELS[field]
  return table[normalizeHeader(cell)] ?? cell
}
